// Acceptance 4: a published change is findable within 2 seconds, and words that were
// deleted stop matching. First the way every feature writes (row + enqueueSearch in one
// transaction) with the real background indexer running; then through the documents
// feature's own publishVersion.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb, schema } from "~/db/client.server";
import { loadActorByEmail, type Actor } from "~/domain/actor.server";
import { enqueueSearch } from "~/domain/search-outbox.server";
import { seedWorld } from "~/domain/seed/world.server";
import { principalsFor } from "~/domain/search/acl.server";
import { drainAll, drainOutbox, pendingOutboxRows, reindexSearch } from "~/domain/search/indexer.server";
import { getSearchProvider } from "~/domain/search/provider.server";
import { startSearchIndexer, stopSearchIndexer } from "./indexer";

let editor: Actor;
let partner: Actor;

async function findable(actor: Actor, q: string): Promise<string[]> {
  const r = await getSearchProvider().search(q, { principals: principalsFor(actor), limit: 20 });
  return r.hits.map((h) => h.url);
}

/** Poll until `q` gives (or stops giving) a hit, and return how long that took. */
async function timeUntil(actor: Actor, q: string, present: boolean, limitMs = 5000): Promise<number> {
  const start = Date.now();
  while (Date.now() - start < limitMs) {
    if ((await findable(actor, q)).length > 0 === present) return Date.now() - start;
    await new Promise((r) => setTimeout(r, 20));
  }
  return Infinity;
}

function insertVersion(documentId: number, number: number, markdown: string) {
  const db = getDb();
  db.transaction((tx) => {
    const v = tx
      .insert(schema.documentVersions)
      .values({ documentId, number, summary: `Versie ${number}`, publishedAt: new Date().toISOString(), lexicalJson: "{}", html: "", text: markdown, markdown })
      .returning({ id: schema.documentVersions.id })
      .get();
    tx.update(schema.documents).set({ currentVersionId: v.id, status: "gepubliceerd" }).where(eq(schema.documents.id, documentId)).run();
    enqueueSearch(tx, "document", documentId);
  });
}

beforeAll(async () => {
  await seedWorld();
  editor = loadActorByEmail("regisseur.participatie@zaanstad.example")!;
  partner = loadActorByEmail("werkom@werkom.example")!;
  await reindexSearch();
  await startSearchIndexer();
});

afterAll(() => stopSearchIndexer());

describe("outbox → index (the transaction pattern every feature uses)", () => {
  it("makes a newly published document findable within 2 seconds, linked to the passage", async () => {
    const keten = getDb().select({ id: schema.ketens.id }).from(schema.ketens).where(eq(schema.ketens.slug, "participatie-armoede")).get()!;
    const doc = getDb()
      .insert(schema.documents)
      .values({ slug: "werkafspraken-schuldhulp", title: "Werkafspraken schuldhulp", kind: "werkafspraken", ketenId: keten.id, summary: "Afspraken over schuldhulp." })
      .returning({ id: schema.documents.id })
      .get();
    insertVersion(doc.id, 1, "## Aanmelden\n\nHet wijkteam meldt inwoners aan via het budgetloket.\n\n## Terugkoppeling\n\nDe kredietbank koppelt binnen tien dagen terug.");
    const ms = await timeUntil(partner, "budgetloket", true);
    expect(ms).toBeLessThan(2000);
    expect(await findable(partner, "budgetloket")).toEqual(["/documenten/werkafspraken-schuldhulp#aanmelden"]);

    // Version 2 rewrites the first passage: the new word appears, the deleted one disappears.
    insertVersion(doc.id, 2, "## Aanmelden\n\nHet wijkteam meldt inwoners aan via het schuldenportaal.\n\n## Terugkoppeling\n\nDe kredietbank koppelt binnen tien dagen terug.");
    expect(await timeUntil(partner, "schuldenportaal", true)).toBeLessThan(2000);
    expect(await timeUntil(partner, "budgetloket", false)).toBeLessThan(2000);
    expect(await findable(partner, "kredietbank")).toEqual(["/documenten/werkafspraken-schuldhulp#terugkoppeling"]);
    expect(pendingOutboxRows()).toBe(0);
  });

  it("indexes a draft only for its editors, and only the passages that differ from the published text", async () => {
    const doc = getDb().select({ id: schema.documents.id }).from(schema.documents).where(eq(schema.documents.slug, "werkafspraken-schuldhulp")).get()!;
    getDb().transaction((tx) => {
      tx.insert(schema.roomDerived)
        .values({
          room: `doc-${doc.id}`,
          lexicalJson: "{}",
          html: "",
          text: "",
          markdown: "## Aanmelden\n\nHet wijkteam meldt inwoners aan via het schuldenportaal.\n\n## Terugkoppeling\n\nDe kredietbank en de vrijwillige thuisadministratie koppelen binnen tien dagen terug.",
          updatedAt: new Date().toISOString(),
        })
        .run();
      enqueueSearch(tx, "draft", doc.id);
    });
    expect(await timeUntil(editor, "thuisadministratie", true)).toBeLessThan(2000);
    expect(await findable(editor, "thuisadministratie")).toEqual(["/documenten/werkafspraken-schuldhulp/bewerken#terugkoppeling"]);
    // The unchanged passage is found once (published), not twice.
    expect(await findable(editor, "schuldenportaal")).toEqual(["/documenten/werkafspraken-schuldhulp#aanmelden"]);
    // A ketenpartner never edits municipal documents, so never finds the draft.
    expect(await findable(partner, "thuisadministratie")).toEqual([]);
  });

  it("a rolled-back change leaves nothing behind in the outbox or the index", async () => {
    const doc = getDb().select({ id: schema.documents.id }).from(schema.documents).where(eq(schema.documents.slug, "werkafspraken-schuldhulp")).get()!;
    expect(() =>
      getDb().transaction((tx) => {
        tx.insert(schema.documentVersions)
          .values({ documentId: doc.id, number: 3, summary: "x", publishedAt: new Date().toISOString(), lexicalJson: "{}", html: "", text: "", markdown: "## X\n\nspookwoord" })
          .run();
        enqueueSearch(tx, "document", doc.id);
        throw new Error("rollback");
      }),
    ).toThrow("rollback");
    await drainOutbox();
    expect(pendingOutboxRows()).toBe(0);
    expect(await findable(partner, "spookwoord")).toEqual([]);
  });

  it("person and organisation changes are indexed; a deactivated person disappears", async () => {
    const org = getDb().select({ id: schema.organisations.id }).from(schema.organisations).where(eq(schema.organisations.slug, "werkom")).get()!;
    getDb().transaction((tx) => {
      tx.update(schema.organisations).set({ description: "Werkbedrijf met een jobcoachpool voor de hele regio." }).where(eq(schema.organisations.id, org.id)).run();
      enqueueSearch(tx, "organisation", org.id);
    });
    expect(await timeUntil(partner, "jobcoachpool", true)).toBeLessThan(2000);

    const person = getDb().select({ id: schema.people.id }).from(schema.people).where(eq(schema.people.email, "prof4@dock.example")).get()!;
    const name = getDb().select({ name: schema.people.name }).from(schema.people).where(eq(schema.people.id, person.id)).get()!.name;
    expect((await findable(partner, `"${name}"`)).length).toBe(1);
    getDb().transaction((tx) => {
      tx.update(schema.people).set({ active: false }).where(eq(schema.people.id, person.id)).run();
      enqueueSearch(tx, "person", person.id);
    });
    expect(await timeUntil(partner, `"${name}"`, false)).toBeLessThan(2000);
  });

  it("skips outbox rows nobody can index, instead of retrying them forever", async () => {
    getDb().insert(schema.searchOutbox).values({ entityType: "onbekend", entityId: "1", op: "upsert" }).run();
    getDb().insert(schema.searchOutbox).values({ entityType: "document", entityId: "abc", op: "upsert" }).run();
    await drainAll();
    expect(pendingOutboxRows()).toBe(0);
  });
});

describe("through the documents feature's publishVersion", () => {
  it("publishing new text makes it findable within 2 seconds and old words stop matching", async () => {
    const { publishVersion } = await import("~/domain/documents/versions.server");
    const { markdownToLexicalState } = await import("~/editor/convert.server");
    const doc = getDb().select({ id: schema.documents.id }).from(schema.documents).where(eq(schema.documents.slug, "werkafspraken-schuldhulp")).get()!;
    publishVersion({ actor: editor, documentId: doc.id, summary: "Loket hernoemd", lexicalJson: markdownToLexicalState("## Aanmelden\n\nAanmelden gaat via het wijkloket geldzaken.") });
    expect(await timeUntil(partner, "wijkloket", true)).toBeLessThan(2000);
    expect(await findable(partner, "wijkloket")).toEqual(["/documenten/werkafspraken-schuldhulp#aanmelden"]);
    expect(await timeUntil(partner, "schuldenportaal", false)).toBeLessThan(2000);
  });
});
