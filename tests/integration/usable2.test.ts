// Issue 17, remaining parts: notices in date order, merge candidates by similarity, each
// colleague once (present.test.ts), the audit log in Dutch with filters and CSV, deactivation
// with reassignment, following items.
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import { loadActorByEmail, type Actor } from "~/domain/actor.server";
import { listNotifications } from "~/domain/notify.server";
import { seedDemoIfEmpty } from "~/domain/seed/index.server";
import { mergeCandidates, reportSignal, signalSimilarity } from "~/domain/signals/signals.server";

const db = () => getDb();
const actor = (email: string): Actor => {
  const a = loadActorByEmail(email);
  if (!a) throw new Error(`no actor ${email}`);
  return a;
};
const idOf = (table: typeof schema.ketens | typeof schema.themas | typeof schema.wijken, slug: string) =>
  db().select({ id: table.id }).from(table).where(eq(table.slug, slug)).get()!.id;

beforeAll(async () => {
  await seedDemoIfEmpty();
});

describe("meldingen", () => {
  it("are listed newest first by date, not by the order they were stored", () => {
    const p = actor("professional@dock.example");
    const base = { personId: p.id, kind: "signaal" as const, body: "", link: "/meldingen" };
    db().insert(schema.notifications).values({ ...base, title: "Nieuwste", createdAt: "2026-11-22T10:00:00.000Z" }).run();
    db().insert(schema.notifications).values({ ...base, title: "Oudste", createdAt: "2020-01-01T10:00:00.000Z" }).run();
    const dates = listNotifications(p.id, 500).map((n) => n.createdAt);
    expect(dates).toEqual([...dates].sort().reverse());
  });
});

describe("merge candidates", () => {
  it("come most similar first, not newest first", () => {
    const reg = actor("regisseur.participatie@zaanstad.example");
    const pro = actor("professional@dock.example");
    const common = {
      ketenId: idOf(schema.ketens, "participatie-armoede"),
      extraKetenIds: [],
      themaId: db().select({ id: schema.themas.id }).from(schema.themas).get()!.id,
      wijken: [String(db().select({ id: schema.wijken.id }).from(schema.wijken).get()!.id)],
      documentId: undefined,
      documentAnchor: "",
    };
    const target = reportSignal({ actor: pro, title: "Terugkoppelgesprek Werkom ontbreekt", description: "Trajecten stoppen zonder terugkoppelgesprek met het wijkteam.", ...common });
    const alike = reportSignal({ actor: pro, title: "Terugkoppelgesprek Werkom ontbreekt vaak", description: "Werkom stopt trajecten zonder terugkoppelgesprek met het wijkteam.", ...common });
    const other = reportSignal({ actor: pro, title: "Parkeren bij de locatie", description: "Bezoekers vinden geen plek om te parkeren.", ...common });
    const ids = mergeCandidates({ actor: reg, id: target }).map((c) => c.id);
    expect(ids[0]).toBe(alike);
    expect(ids.indexOf(other)).toBeGreaterThan(0);
    expect(signalSimilarity({ title: "a b", description: "", themaId: 1, ketenIds: [1] }, { title: "a b", description: "", themaId: 1, ketenIds: [1] })).toBeGreaterThan(
      signalSimilarity({ title: "a b", description: "", themaId: 1, ketenIds: [1] }, { title: "andere woorden", description: "", themaId: 2, ketenIds: [] }),
    );
  });
});

describe("audit log in Dutch, filtered, as CSV", () => {
  it("reads as Dutch sentences, filters by who, what, object type and period, and exports the same selection", async () => {
    const { audit } = await import("~/domain/audit.server");
    const { auditLogCsv, auditLogPage, parseAuditFilter } = await import("~/domain/audit-log.server");
    const { isDomainError } = await import("~/domain/errors");
    const beheer = actor("beheer@zaanstad.example");
    const petra = actor("regisseur.participatie@zaanstad.example");
    const proposal = db().select({ id: schema.proposals.id, title: schema.proposals.title }).from(schema.proposals).get()!;
    audit({ actorId: petra.id, action: "proposal.answer", entityType: "proposal", entityId: proposal.id, after: { commentId: 3, decision: "overgenomen" } });
    const filter = parseAuditFilter(new URLSearchParams({ wie: String(petra.id), wat: "proposal.answer", object: "proposal", van: "2000-01-01", tot: "2999-12-31" }));
    const { entries, people, actions, objects } = auditLogPage({ actor: beheer, filter, page: 1, pageSize: 100 });
    expect(entries.length).toBeGreaterThan(0);
    expect(entries[0].sentence).toBe(`${petra.name} beantwoordde reactie 3 op voorstel ${proposal.id} “${proposal.title}”.`);
    expect(entries[0].changes).toEqual(["reactie: 3", "besluit: overgenomen"]);
    for (const e of entries) expect(e.sentence).not.toMatch(/proposal\.|\{|"/);
    expect(people.map((p) => p.id)).toContain(petra.id);
    expect(actions.find((a) => a.value === "proposal.answer")?.label).toBe("beantwoordde een reactie op");
    expect(objects.map((o) => o.label)).toContain("voorstel");
    // The other filters narrow the same way: nobody else's entries, no other actions.
    const all = auditLogPage({ actor: beheer, filter: parseAuditFilter(new URLSearchParams()), page: 1, pageSize: 10_000 }).entries;
    expect(all.length).toBeGreaterThan(entries.length);
    expect(auditLogPage({ actor: beheer, filter: parseAuditFilter(new URLSearchParams({ van: "2999-01-01" })), page: 1, pageSize: 100 }).entries).toEqual([]);
    const csv = auditLogCsv({ actor: beheer, filter });
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const lines = csv.slice(1).trim().split("\r\n");
    expect(lines[0]).toBe("Wanneer;Wie;Wat;Object;Nummer;Wijzigingen;Actiecode");
    expect(lines.length).toBe(entries.length + 1);
    expect(lines[1]).toContain(`beantwoordde reactie 3 op voorstel ${proposal.id}`);
    // Bad input is a 400 with a Dutch message; a non-beheerder is refused.
    const refused = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        if (isDomainError(e)) return e.status;
        throw e;
      }
      return 200;
    };
    expect(refused(() => parseAuditFilter(new URLSearchParams({ van: "gisteren" })))).toBe(400);
    expect(refused(() => parseAuditFilter(new URLSearchParams({ wie: "x" })))).toBe(400);
    expect(refused(() => auditLogCsv({ actor: petra, filter }))).toBe(403);
  });
});

describe("deactivating a person", () => {
  it("shows their open work and hands it to another active person, audited", async () => {
    const { deactivatePerson, openWorkOf, successorsFor } = await import("~/domain/deactivation.server");
    const { isDomainError } = await import("~/domain/errors");
    const beheer = actor("beheer@zaanstad.example");
    const petra = actor("regisseur.participatie@zaanstad.example");
    const marco = actor("regisseur.wmo@zaanstad.example");
    const pro = actor("professional@dock.example");
    // Give Petra an open overleg action too, so every kind of work is there.
    const overleg = db().select({ id: schema.overleggen.id }).from(schema.overleggen).get()!;
    const action = db().insert(schema.actions).values({ overlegId: overleg.id, title: "Voorbeeldactie overdracht", ownerPersonId: petra.id, dueDate: "2026-12-31" }).returning({ id: schema.actions.id }).get();
    const work = openWorkOf(beheer, petra.id);
    expect(work.ketens.length).toBeGreaterThan(0);
    expect(work.proposals.length).toBeGreaterThan(0);
    expect(work.actions.map((a) => a.id)).toContain(action.id);
    expect(successorsFor(beheer, petra.id).find((p) => p.id === marco.id)?.regisseur).toBe(true);
    // A successor without the regisseur role cannot take over a keten: 400, nothing changed.
    let status = 0;
    try {
      deactivatePerson({ actor: beheer, id: petra.id, to: pro.id });
    } catch (e) {
      if (!isDomainError(e)) throw e;
      status = e.status;
    }
    expect(status).toBe(400);
    expect(db().select().from(schema.people).where(eq(schema.people.id, petra.id)).get()!.active).toBe(true);

    deactivatePerson({ actor: beheer, id: petra.id, to: marco.id });
    expect(db().select().from(schema.people).where(eq(schema.people.id, petra.id)).get()!.active).toBe(false);
    for (const k of work.ketens) expect(db().select().from(schema.ketens).where(eq(schema.ketens.id, k.id)).get()!.regisseurId).toBe(marco.id);
    for (const p of work.proposals) expect(db().select().from(schema.proposals).where(eq(schema.proposals.id, p.id)).get()!.createdById).toBe(marco.id);
    expect(db().select().from(schema.actions).where(eq(schema.actions.id, action.id)).get()!.ownerPersonId).toBe(marco.id);
    expect(openWorkOf(beheer, petra.id)).toMatchObject({ ketens: [], proposals: [], actions: [] });
    const entry = db().select().from(schema.auditLog).where(eq(schema.auditLog.action, "person.reassigned")).get()!;
    expect(entry).toMatchObject({ actorId: beheer.id, entityId: String(petra.id) });
    expect(JSON.parse(entry.after!).to).toBe(marco.id);
  });
});

describe("following", () => {
  it("follows only what one may read, sends followers the item's notices, and 'Herken ik' follows the signal", async () => {
    const { setFollowing, isFollowing } = await import("~/domain/follows.server");
    const { followersOf } = await import("~/domain/follows-store.server");
    const { applyTransition } = await import("~/domain/consultation/lifecycle.server");
    const { recogniseSignal } = await import("~/domain/signals/signals.server");
    const { isDomainError } = await import("~/domain/errors");
    const marco = actor("regisseur.wmo@zaanstad.example");
    const werkom = actor("werkom@werkom.example");
    const pro = actor("professional@dock.example");
    // A concept proposal: a regisseur may read it, a ketenpartner may not.
    const anyProposal = db().select({ id: schema.proposals.id }).from(schema.proposals).get()!;
    db().update(schema.proposals).set({ status: "concept" }).where(eq(schema.proposals.id, anyProposal.id)).run();
    const concept = db().select().from(schema.proposals).where(eq(schema.proposals.id, anyProposal.id)).get()!;
    setFollowing({ actor: marco, type: "voorstel", ref: String(concept.id), follow: true });
    expect(isFollowing(marco.id, "voorstel", concept.id)).toBe(true);
    let status = 0;
    try {
      setFollowing({ actor: werkom, type: "voorstel", ref: String(concept.id), follow: true });
    } catch (e) {
      if (!isDomainError(e)) throw e;
      status = e.status;
    }
    expect(status).toBe(404);
    expect(followersOf(db(), "voorstel", concept.id)).toEqual([marco.id]);
    db().transaction((tx) => applyTransition(tx, { row: concept, to: "ingetrokken", actorId: null }));
    const notice = db().select().from(schema.notifications).where(eq(schema.notifications.personId, marco.id)).all().find((n) => n.link === `/wijzigingen/${concept.id}` && n.body.includes("dat u volgt"));
    expect(notice?.title).toContain("ingetrokken");
    setFollowing({ actor: marco, type: "voorstel", ref: String(concept.id), follow: false });
    expect(isFollowing(marco.id, "voorstel", concept.id)).toBe(false);
    // Documents by slug.
    setFollowing({ actor: pro, type: "document", ref: "werkafspraken-participatieketen", follow: true });
    const doc = db().select({ id: schema.documents.id }).from(schema.documents).where(eq(schema.documents.slug, "werkafspraken-participatieketen")).get()!;
    expect(isFollowing(pro.id, "document", doc.id)).toBe(true);
    // Recognising a signal follows it.
    const open = db().select({ id: schema.signals.id, reporterId: schema.signals.reporterId }).from(schema.signals).where(eq(schema.signals.status, "nieuw")).all().find((s) => s.reporterId !== werkom.id);
    if (open) {
      try {
        recogniseSignal({ actor: werkom, id: open.id, note: "" });
        expect(isFollowing(werkom.id, "signaal", open.id)).toBe(true);
      } catch (e) {
        if (!isDomainError(e)) throw e;
      }
    }
  });
});
