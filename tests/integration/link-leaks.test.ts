// Issue 10, class 1: titles and addresses of hidden things must not reach people through
// links. Every related item (a signal "about" a document, follow-up links, merged signals,
// notifications and their e-mails) asks the reader's read rule; posting a link to something
// you may not read is a 404 and nothing is stored. The page data is checked as JSON, the way
// the loader sends it, so a masked item cannot hide its slug or title in a field.
import { beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import { loadActorByEmail, type Actor } from "~/domain/actor.server";
import { isDomainError } from "~/domain/errors";
import { proposalFacts } from "~/domain/facts.server";
import { canReadProposal } from "~/domain/policy.server";
import { listNotifications, notify, HIDDEN_NOTICE } from "~/domain/notify.server";
import { seedDemoIfEmpty } from "~/domain/seed/index.server";
import { linkSignal, listLinksOf } from "~/domain/signals/links.server";
import { getSignalDetail } from "~/domain/signals/queries.server";
import { mergeSignals, reportSignal } from "~/domain/signals/signals.server";

const db = () => getDb();
const actor = (email: string): Actor => {
  const a = loadActorByEmail(email);
  if (!a) throw new Error(`no actor ${email}`);
  return a;
};
const idOf = (table: typeof schema.ketens | typeof schema.themas | typeof schema.wijken, slug: string) =>
  db().select({ id: table.id }).from(table).where(eq(table.slug, slug)).get()!.id;

function refusal(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    if (isDomainError(e)) return { status: e.status, message: e.message };
    throw e;
  }
  throw new Error("expected a refusal, but the call succeeded");
}

const count = (table: typeof schema.signals | typeof schema.signalLinks) => db().select({ n: sql<number>`count(*)` }).from(table).get()!.n;

let werkom: Actor;
let regPart: Actor;
let regWmo: Actor;
let professional: Actor;
let conceptDoc: { id: number; slug: string; title: string };
let conceptProposal: { id: number; title: string };

function report(by: Actor, over: Partial<Parameters<typeof reportSignal>[0]> = {}) {
  return reportSignal({
    actor: by,
    title: "Warme overdracht ontbreekt",
    description: "Inwoners komen zonder gesprek terug bij het wijkteam.",
    ketenId: idOf(schema.ketens, "participatie-armoede"),
    extraKetenIds: [],
    themaId: db().select({ id: schema.themas.id }).from(schema.themas).get()!.id,
    wijken: [String(db().select({ id: schema.wijken.id }).from(schema.wijken).get()!.id)],
    documentId: undefined,
    documentAnchor: "",
    ...over,
  });
}

beforeAll(async () => {
  await seedDemoIfEmpty();
  werkom = actor("werkom@werkom.example");
  regPart = actor("regisseur.participatie@zaanstad.example");
  regWmo = actor("regisseur.wmo@zaanstad.example");
  professional = actor("professional@dock.example");
  const ketenId = idOf(schema.ketens, "participatie-armoede");
  conceptDoc = db()
    .insert(schema.documents)
    .values({ slug: "geheim-concept-werkafspraken", title: "Geheim concept werkafspraken", kind: "werkafspraken", ketenId, status: "concept" })
    .returning({ id: schema.documents.id, slug: schema.documents.slug, title: schema.documents.title })
    .get();
  const published = db().select({ id: schema.documents.id }).from(schema.documents).where(and(eq(schema.documents.ketenId, ketenId), sql`${schema.documents.currentVersionId} is not null`)).get()!;
  conceptProposal = db()
    .insert(schema.proposals)
    .values({ documentId: published.id, title: "Geheim conceptvoorstel", createdById: regPart.id, status: "concept" })
    .returning({ id: schema.proposals.id, title: schema.proposals.title })
    .get();
}, 60_000);

describe("a signal about a document", () => {
  it("refuses a ketenpartner's report about a concept document with a 404 and stores nothing", () => {
    const before = count(schema.signals);
    const r = refusal(() => report(werkom, { documentId: conceptDoc.id, documentAnchor: "Afspraken" }));
    expect(r.status).toBe(404);
    expect(r.message).not.toContain(conceptDoc.title);
    expect(count(schema.signals)).toBe(before);
    // Not existing looks the same.
    expect(refusal(() => report(werkom, { documentId: 987654 })).status).toBe(404);
  });

  it("shows neither title nor address of a document the reader may not read", () => {
    // A signal that points at a concept (reported by an editor of it, who may read it).
    const id = report(regPart, { documentId: conceptDoc.id, title: "Over het concept" });
    db().insert(schema.signalFollowers).values({ signalId: id, personId: werkom.id }).run();
    expect(getSignalDetail({ actor: regPart, id }).document).toEqual({ slug: conceptDoc.slug, title: conceptDoc.title });
    const forPartner = getSignalDetail({ actor: werkom, id });
    expect(forPartner.document).toBeNull();
    const json = JSON.stringify(forPartner);
    expect(json).not.toContain(conceptDoc.slug);
    expect(json).not.toContain(conceptDoc.title);
  });
});

describe("follow-up links", () => {
  it("masks a proposal the reader may not read: no title and no href in the page data", () => {
    const id = report(werkom, { title: "Signaal van Werkom" });
    linkSignal({ actor: regPart, id, targetType: "proposal", targetId: conceptProposal.id });
    expect(listLinksOf(regPart, id)[0]).toMatchObject({ visible: true, href: `/wijzigingen/${conceptProposal.id}`, title: conceptProposal.title });
    const links = getSignalDetail({ actor: werkom, id }).links;
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({ visible: false, href: null });
    const json = JSON.stringify(getSignalDetail({ actor: werkom, id }));
    expect(json).not.toContain(`/wijzigingen/${conceptProposal.id}`);
    expect(json).not.toContain(conceptProposal.title);
  });

  it("refuses linking to something the linker may not read with a 404, and stores nothing", () => {
    // The demo regisseurs work for the municipality and edit every document; a keten run by a
    // wijkteam professional (no editor role) shows the rule: its regisseur handles its signals
    // but may not read another keten's concepts.
    const dock = db().select({ id: schema.organisations.id }).from(schema.organisations).where(eq(schema.organisations.slug, "dock")).get()!;
    const person = db().insert(schema.people).values({ email: "regisseur.test@dock.example", name: "Test Regisseur", functie: "", organisationId: dock.id, passwordHash: "x" }).returning().get();
    const keten = db().insert(schema.ketens).values({ slug: "test-keten", name: "Testketen", regisseurId: person.id, description: "" }).returning().get();
    const reg = actor("regisseur.test@dock.example");
    const id = report(professional, { ketenId: keten.id, title: "Signaal in de testketen" });
    const before = count(schema.signalLinks);
    // Since the integral check (issue 13) every keten regisseur reads concept proposals, so a
    // concept proposal is linkable for them; another keten's concept document is not.
    expect(canReadProposal(reg, proposalFacts(conceptProposal.id)!)).toBe(true);
    expect(refusal(() => linkSignal({ actor: reg, id, targetType: "document", targetId: conceptDoc.id })).status).toBe(404);
    expect(count(schema.signalLinks)).toBe(before);
    // The concept document is not offered as a choice either.
    const options = getSignalDetail({ actor: reg, id }).linkOptions!;
    expect(JSON.stringify(options)).not.toContain(conceptDoc.title);
  });
});

describe("merged signals", () => {
  it("leaves a duplicate the reader may not open out of 'merged into this'", () => {
    const survivor = report(werkom, { title: "Signaal dat Werkom mag zien" });
    const hidden = report(professional, { ketenId: idOf(schema.ketens, "wmo-mantelzorg-gezondheid"), title: "Wmo-melding die Werkom niet ziet" });
    // A colleague of the reporter's organisation reads the survivor but not the duplicate.
    mergeSignals({ actor: regWmo, duplicateId: hidden, survivorId: survivor });
    expect(getSignalDetail({ actor: regPart, id: survivor }).mergedFrom.map((m) => m.id)).toEqual([hidden]);
    const forPartner = getSignalDetail({ actor: werkom, id: survivor });
    expect(forPartner.mergedFrom).toEqual([]);
    expect(JSON.stringify(forPartner)).not.toContain("Wmo-melding die Werkom niet ziet");
    // Nor does the survivor's reporter learn the duplicate's title from the notice about it.
    expect(JSON.stringify(listNotifications(werkom.id, 500))).not.toContain("Wmo-melding die Werkom niet ziet");
  });

  it("does not name a survivor the duplicate's readers may not open", () => {
    const thuishulp = actor("thuishulp@thuishulpdemo.example");
    const survivor = report(werkom, { title: "Participatiesignaal dat Thuishulp niet ziet" });
    const dup = report(actor("aanbieder@zorgvoorbeeld.example"), { ketenId: idOf(schema.ketens, "wmo-mantelzorg-gezondheid"), title: "Wmo-dubbel" });
    mergeSignals({ actor: regWmo, duplicateId: dup, survivorId: survivor });
    // Thuishulp reads the duplicate (a member of its keten), not the survivor.
    expect(refusal(() => getSignalDetail({ actor: thuishulp, id: survivor })).status).toBe(404);
    const forThuishulp = getSignalDetail({ actor: thuishulp, id: dup });
    expect(forThuishulp.mergedInto).toBeNull();
    const json = JSON.stringify(forThuishulp);
    expect(json).not.toContain("Participatiesignaal dat Thuishulp niet ziet");
    expect(json).not.toContain(`/signalen/${survivor}"`);
    // Those who may read the survivor are pointed to it.
    expect(getSignalDetail({ actor: regPart, id: dup }).mergedInto).toEqual({ id: survivor, title: "Participatiesignaal dat Thuishulp niet ziet" });
  });
});

describe("notifications and e-mails", () => {
  it("sends nothing about a signal the recipient may not read", () => {
    const hidden = report(professional, { ketenId: idOf(schema.ketens, "wmo-mantelzorg-gezondheid"), title: "Niet voor Werkom" });
    const mailsBefore = db().select({ n: sql<number>`count(*)` }).from(schema.emails).where(eq(schema.emails.personId, werkom.id)).get()!.n;
    const lastId = db().select({ n: sql<number>`coalesce(max(id), 0)` }).from(schema.notifications).get()!.n;
    db().transaction((tx) => notify(tx, [werkom.id, regPart.id], { kind: "signaal", title: "Niet voor Werkom", body: "", link: `/signalen/${hidden}` }));
    const notes = db().select().from(schema.notifications).where(and(eq(schema.notifications.link, `/signalen/${hidden}`), sql`${schema.notifications.id} > ${lastId}`)).all();
    expect(notes.map((n) => n.personId)).toEqual([regPart.id]);
    expect(db().select({ n: sql<number>`count(*)` }).from(schema.emails).where(eq(schema.emails.personId, werkom.id)).get()!.n).toBe(mailsBefore);
  });

  it("masks an inbox item whose target the person can no longer open", () => {
    const hidden = report(professional, { ketenId: idOf(schema.ketens, "wmo-mantelzorg-gezondheid"), title: "Oude melding" });
    // Written while access was different (e.g. before a keten membership ended).
    db().insert(schema.notifications).values({ personId: werkom.id, kind: "signaal", title: "Oude melding", body: "Geheime inhoud", link: `/signalen/${hidden}`, createdAt: new Date().toISOString() }).run();
    const items = listNotifications(werkom.id, 500);
    const json = JSON.stringify(items);
    expect(json).not.toContain("Oude melding");
    expect(json).not.toContain(`/signalen/${hidden}`);
    expect(items.some((n) => n.title === HIDDEN_NOTICE)).toBe(true);
  });
});
