// One read rule per entity, seen from every side: for every demo account the list, the detail
// page's query and search (the FTS5 index, and the ACL tokens stored per entry) must show the
// same set of documents, proposals and signals.
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import { loadActor, type Actor } from "~/domain/actor.server";
import { listDocuments, requireVisibleDocument } from "~/domain/documents/documents.server";
import { listProposals } from "~/domain/consultation/proposals.server";
import { getProposalView } from "~/domain/consultation/view.server";
import { isDomainError } from "~/domain/errors";
import { canSee, principalsFor } from "~/domain/search/acl.server";
import { Fts5Provider } from "~/domain/search/fts5.server";
import { reindexSearch } from "~/domain/search/indexer.server";
import { allEntityRefs, databaseSource, loadEntity } from "~/domain/search/sources.server";
import { getSignalDetail, listSignals } from "~/domain/signals/queries.server";
import { seedDemoIfEmpty } from "~/domain/seed/index.server";
import { getVerkenningView, listVerkenningen } from "~/domain/verkenning/verkenning.server";
import { loadMeeting, loadOverleg } from "~/domain/overleg/overleg.server";

const provider = new Fts5Provider({ source: databaseSource() });
let accounts: Actor[] = [];
let conceptProposalId = 0;

/** Ids for which `open` does not refuse with a 404/403. */
function opens(ids: number[], open: (id: number) => unknown): Set<number> {
  const out = new Set<number>();
  for (const id of ids) {
    try {
      open(id);
      out.add(id);
    } catch (e) {
      if (!isDomainError(e) || (e.status !== 404 && e.status !== 403)) throw e;
    }
  }
  return out;
}

const sorted = (s: Iterable<number>) => [...s].sort((a, b) => a - b);

beforeAll(async () => {
  await seedDemoIfEmpty();
  const db = getDb();
  // Rows only some people may read: a concept keten document with a draft in the index, and a
  // concept proposal that names a ketenpartner (it must stay hidden until consultation opens).
  const keten = db.select({ id: schema.ketens.id, regisseurId: schema.ketens.regisseurId }).from(schema.ketens).orderBy(schema.ketens.id).get()!;
  const concept = db
    .insert(schema.documents)
    .values({ slug: "concept-zichtbaarheid", title: "Concept zichtbaarheid", kind: "overig", ketenId: keten.id, status: "concept" })
    .returning({ id: schema.documents.id })
    .get();
  db.insert(schema.roomDerived)
    .values({ room: `doc-${concept.id}`, lexicalJson: "{}", html: "", text: "", markdown: "## Concept\n\nTekst die alleen redacteuren zien.", updatedAt: new Date().toISOString() })
    .run();
  const published = db.select({ id: schema.documents.id }).from(schema.documents).where(eq(schema.documents.ketenId, keten.id)).get()!;
  const werkom = db.select({ id: schema.organisations.id }).from(schema.organisations).where(eq(schema.organisations.slug, "werkom")).get()!;
  const p = db.insert(schema.proposals).values({ documentId: published.id, title: "Conceptvoorstel zichtbaarheid", createdById: keten.regisseurId!, status: "concept" }).returning().get();
  db.insert(schema.proposalImpacts).values({ proposalId: p.id, organisationId: werkom.id }).run();
  conceptProposalId = p.id;
  await reindexSearch({ provider });
  accounts = db
    .select({ id: schema.people.id })
    .from(schema.people)
    .all()
    .map((r) => loadActor(r.id))
    .filter((a): a is Actor => a !== null);
}, 120_000);

/** Entity ids per type that this person finds in the index (empty-query browse, all pages). */
async function foundInIndex(a: Actor): Promise<Record<"document" | "proposal" | "signal", Set<number>>> {
  const out = { document: new Set<number>(), proposal: new Set<number>(), signal: new Set<number>() };
  let cursor: string | null = null;
  do {
    const r = await provider.search("", { principals: principalsFor(a), limit: 100, cursor, facets: [] });
    for (const h of r.hits) {
      const [type, id] = h.entityKey.split(":");
      // A document is found through its published text or (for its editors) its draft.
      const t = type === "draft" ? "document" : type;
      if (t === "document" || t === "proposal" || t === "signal") out[t].add(Number(id));
    }
    cursor = r.nextCursor;
  } while (cursor);
  return out;
}

/** The same, from the ACL tokens stored on each entry against the person's principals. */
function visibleByTokens(a: Actor): Record<"document" | "proposal" | "signal", Set<number>> {
  const out = { document: new Set<number>(), proposal: new Set<number>(), signal: new Set<number>() };
  const principals = principalsFor(a);
  const db = getDb();
  for (const ref of allEntityRefs(db)) {
    const t = ref.type === "draft" ? "document" : ref.type;
    if (t !== "document" && t !== "proposal" && t !== "signal") continue;
    if (loadEntity(db, ref).some((e) => canSee(principals, e.visibility))) out[t].add(ref.id);
  }
  return out;
}

describe("list, detail and search show the same things to every demo account", () => {
  it("has accounts that see different things", () => {
    expect(accounts.length).toBeGreaterThanOrEqual(17);
    const sizes = new Set(accounts.map((a) => listProposals({ actor: a }).length));
    expect(sizes.size).toBeGreaterThan(1);
  });

  it("documents, proposals and signals", async () => {
    const db = getDb();
    // Archived documents are left out of the lists by choice (not by the read rule); compare the rest.
    const docs = db.select({ id: schema.documents.id, slug: schema.documents.slug, status: schema.documents.status }).from(schema.documents).all().filter((d) => d.status !== "gearchiveerd");
    const slugOf = new Map(docs.map((d) => [d.id, d.slug]));
    const idOfSlug = new Map(docs.map((d) => [d.slug, d.id]));
    // Search only holds documents that have text to find (a published version or a draft).
    const indexed = new Set(allEntityRefs(db).filter((r) => (r.type === "document" || r.type === "draft") && loadEntity(db, r).length).map((r) => r.id));
    const proposalIds = db.select({ id: schema.proposals.id }).from(schema.proposals).all().map((r) => r.id);
    const signalIds = db.select({ id: schema.signals.id }).from(schema.signals).all().map((r) => r.id);
    let partnerChecked = false;

    for (const a of accounts) {
      const docList = new Set(listDocuments({ actor: a }).map((d) => idOfSlug.get(d.slug)!));
      const docDetail = opens(
        docs.map((d) => d.id),
        (id) => requireVisibleDocument(a, slugOf.get(id)!),
      );
      const index = await foundInIndex(a);
      const tokens = visibleByTokens(a);
      const onlyIndexed = (s: Set<number>) => sorted([...s].filter((id) => indexed.has(id) && slugOf.has(id)));
      expect(sorted(docList), `${a.email}: document list vs detail`).toEqual(sorted(docDetail));
      expect(onlyIndexed(index.document), `${a.email}: document search vs detail`).toEqual(onlyIndexed(docDetail));
      expect(onlyIndexed(tokens.document), `${a.email}: document ACL vs detail`).toEqual(onlyIndexed(docDetail));

      const propList = new Set(listProposals({ actor: a }).map((p) => p.id));
      const propDetail = opens(proposalIds, (id) => getProposalView({ actor: a, id }));
      expect(sorted(propList), `${a.email}: proposal list vs detail`).toEqual(sorted(propDetail));
      expect(sorted(index.proposal), `${a.email}: proposal search vs detail`).toEqual(sorted(propDetail));
      expect(sorted(tokens.proposal), `${a.email}: proposal ACL vs detail`).toEqual(sorted(propDetail));

      const sigList = new Set(listSignals({ actor: a, filter: {}, limit: 100_000 }).rows.map((r) => r.id));
      const sigDetail = opens(signalIds, (id) => getSignalDetail({ actor: a, id }));
      expect(sorted(sigList), `${a.email}: signal list vs detail`).toEqual(sorted(sigDetail));
      expect(sorted(index.signal), `${a.email}: signal search vs detail`).toEqual(sorted(sigDetail));
      expect(sorted(tokens.signal), `${a.email}: signal ACL vs detail`).toEqual(sorted(sigDetail));

      if (a.organisationKind === "ketenpartner") {
        // The comparison is not vacuous: a ketenpartner misses concepts and other ketens' signals.
        expect(docDetail.size).toBeLessThan(docs.length);
        expect(propDetail.size).toBeLessThan(proposalIds.length);
        expect(sigDetail.size).toBeLessThan(signalIds.length);
        partnerChecked = true;
      }
    }
    expect(partnerChecked).toBe(true);
  }, 120_000);

  it("verkenningen: list and detail agree; a concept reaches every regisseur and the contractmanager, not ketenpartners or lezers", () => {
    const db = getDb();
    const verkenningIds = db.select({ id: schema.verkenningen.id }).from(schema.verkenningen).all().map((r) => r.id);
    expect(verkenningIds.length).toBeGreaterThan(0);
    for (const a of accounts) {
      const list = new Set(listVerkenningen({ actor: a }).map((v) => v.id));
      const detail = opens(verkenningIds, (id) => getVerkenningView({ actor: a, id }));
      expect(sorted(list), `${a.email}: verkenning list vs detail`).toEqual(sorted(detail));
    }
    const reads = (email: string) => {
      const a = accounts.find((x) => x.email === email)!;
      return opens([conceptProposalId], (id) => getProposalView({ actor: a, id })).size === 1;
    };
    for (const email of ["regisseur.wmo@zaanstad.example", "regisseur.zorg@zaanstad.example", "regisseur.jeugd@zaanstad.example", "contractmanager@zaanstad.example"]) {
      expect(reads(email), `${email} reads the concept`).toBe(true);
    }
    for (const email of ["werkom@werkom.example", "aanbieder@zorgvoorbeeld.example", "nieuw@incluzio.example", "uitkeringen@zaanstad.example", "naleving@zaanstad.example", "prof4@dock.example"]) {
      expect(reads(email), `${email} does not read the concept`).toBe(false);
    }
    // A ketenpartner that was not asked does not see the demo verkenning; one that was asked does.
    const zorg = accounts.find((x) => x.email === "aanbieder@zorgvoorbeeld.example")!;
    const werkom = accounts.find((x) => x.email === "werkom@werkom.example")!;
    expect(listVerkenningen({ actor: zorg })).toHaveLength(0);
    expect(listVerkenningen({ actor: werkom }).length).toBeGreaterThan(0);
  });

  it("verkenningen, meetings and actions: search finds exactly what their pages open (issue 15)", async () => {
    const db = getDb();
    const verkenningIds = db.select({ id: schema.verkenningen.id }).from(schema.verkenningen).all().map((r) => r.id);
    const meetingIds = db.select({ id: schema.meetings.id }).from(schema.meetings).all().map((r) => r.id);
    const actions = db.select({ id: schema.actions.id, overlegId: schema.actions.overlegId }).from(schema.actions).all();
    expect(meetingIds.length).toBeGreaterThan(0);
    expect(actions.length).toBeGreaterThan(0);
    const overlegOf = new Map(actions.map((x) => [x.id, x.overlegId]));
    const sizes = new Set<string>();
    for (const a of accounts) {
      const found = { verkenning: new Set<number>(), meeting: new Set<number>(), action: new Set<number>() };
      let cursor: string | null = null;
      do {
        const r = await provider.search("", { principals: principalsFor(a), limit: 100, cursor, facets: [] });
        for (const h of r.hits) {
          const [type, id] = h.entityKey.split(":");
          if (type === "verkenning" || type === "meeting" || type === "action") found[type].add(Number(id));
        }
        cursor = r.nextCursor;
      } while (cursor);
      expect(sorted(found.verkenning), `${a.email}: verkenning search vs detail`).toEqual(sorted(opens(verkenningIds, (id) => getVerkenningView({ actor: a, id }))));
      expect(sorted(found.meeting), `${a.email}: meeting search vs detail`).toEqual(sorted(opens(meetingIds, (id) => loadMeeting(a, id))));
      expect(sorted(found.action), `${a.email}: action search vs overleg page`).toEqual(sorted(opens([...overlegOf.keys()], (id) => loadOverleg(a, overlegOf.get(id)!))));
      sizes.add(`${found.verkenning.size}/${found.meeting.size}/${found.action.size}`);
    }
    // Not vacuous: different people find different verkenningen, meetings and actions.
    expect(sizes.size).toBeGreaterThan(1);
  }, 120_000);
});
