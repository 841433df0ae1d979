// Issue 18, acceptance 2 (retention) and 3 (AVG), in-process against a seeded database.
import { eq, sql } from "drizzle-orm";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb, schema } from "~/db/client.server";
import { loadActorByEmail, type Actor } from "~/domain/actor.server";
import { authenticate } from "~/domain/auth.server";
import { exportPerson, personExportHtml, removePerson } from "~/domain/avg/avg.server";
import { archivePackage } from "~/domain/retention/archive.server";
import { RETENTION_KINDS, SIGNAL_ANONYMISED_TITLE } from "~/domain/retention/kinds.server";
import { listRetention, runRetention, setRetention } from "~/domain/retention/retention.server";
import { principalsFor } from "~/domain/search/acl.server";
import { drainAll, reindexSearch } from "~/domain/search/indexer.server";
import { getSearchProvider } from "~/domain/search/provider.server";
import { seedDemoIfEmpty } from "~/domain/seed/index.server";
import { setClock } from "~/utils/clock.server";

const actor = (email: string): Actor => {
  const a = loadActorByEmail(email);
  if (!a) throw new Error(email);
  return a;
};
const NOW = new Date("2026-11-23T10:00:00Z");
const yearsAgo = (n: number) => new Date(NOW.getTime() - n * 365.25 * 24 * 3600 * 1000).toISOString();
const retentionAudits = () => getDb().select().from(schema.auditLog).where(eq(schema.auditLog.action, "retention.applied")).all();

beforeAll(async () => {
  setClock(NOW.toISOString());
  await seedDemoIfEmpty();
  await reindexSearch();
}, 120_000);

describe("retention", () => {
  it("anonymises a signal closed six years ago and removes old mail and audit lines exactly once, also after a restart, and the signal leaves search", async () => {
    const db = getDb();
    const beheerder = actor("beheer@zaanstad.example");
    const [old, recent] = db.select().from(schema.signals).limit(2).all();
    db.update(schema.signals).set({ title: "Zwerfvuilmelding kwartaalrooster", status: "afgehandeld", closedAt: yearsAgo(6) }).where(eq(schema.signals.id, old.id)).run();
    db.update(schema.signals).set({ status: "afgehandeld", closedAt: yearsAgo(4) }).where(eq(schema.signals.id, recent.id)).run();
    db.insert(schema.emails).values({ to: "oud@example.org", subject: "Oud bericht", text: "x", createdAt: new Date(NOW.getTime() - 100 * 86400_000).toISOString() }).run();
    db.insert(schema.emails).values({ to: "nieuw@example.org", subject: "Nieuw bericht", text: "x", createdAt: new Date(NOW.getTime() - 10 * 86400_000).toISOString() }).run();
    db.insert(schema.auditLog).values({ at: yearsAgo(8), actorId: null, action: "test.old", entityType: "test", entityId: "1" }).run();
    db.insert(schema.searchOutbox).values({ entityType: "signal", entityId: String(old.id), op: "upsert" }).run();
    await drainAll();
    const search = async () => (await getSearchProvider().search("kwartaalrooster", { principals: principalsFor(beheerder), limit: 10 })).hits.map((h) => h.url);
    expect(await search()).toContain(`/signalen/${old.id}`);

    const versionsBefore = db.select({ n: sql<number>`count(*)` }).from(schema.documentVersions).get()?.n;
    const decidedBefore = db.select({ id: schema.proposals.id, status: schema.proposals.status }).from(schema.proposals).all();

    const first = runRetention(NOW);
    expect(first.signals).toBe(1);
    expect(first.emails).toBeGreaterThanOrEqual(1);
    expect(first.audit_log).toBe(1);
    const after = db.select().from(schema.signals).where(eq(schema.signals.id, old.id)).get();
    expect(after?.title).toBe(SIGNAL_ANONYMISED_TITLE);
    expect(after?.description).toBe("");
    expect(db.select().from(schema.signals).where(eq(schema.signals.id, recent.id)).get()?.title).not.toBe(SIGNAL_ANONYMISED_TITLE);
    expect(db.select().from(schema.emails).where(eq(schema.emails.to, "oud@example.org")).all()).toHaveLength(0);
    expect(db.select().from(schema.emails).where(eq(schema.emails.to, "nieuw@example.org")).all()).toHaveLength(1);
    const audits = retentionAudits();
    expect(audits.map((a) => a.entityId).sort()).toEqual(Object.keys(first).filter((k) => first[k] > 0).sort());
    expect(JSON.parse(audits.find((a) => a.entityId === "signals")?.after ?? "{}").count).toBe(1);

    await drainAll();
    expect(await search()).not.toContain(`/signalen/${old.id}`);

    // Again in this process, and after a "restart" (connection closed and reopened): nothing more.
    expect(Object.values(runRetention(NOW)).every((n) => n === 0)).toBe(true);
    closeDb();
    expect(Object.values(runRetention(NOW)).every((n) => n === 0)).toBe(true);
    expect(retentionAudits()).toHaveLength(audits.length);

    // Archival records stay: every published version and every proposal.
    expect(getDb().select({ n: sql<number>`count(*)` }).from(schema.documentVersions).get()?.n).toBe(versionsBefore);
    expect(getDb().select({ id: schema.proposals.id, status: schema.proposals.status }).from(schema.proposals).all()).toEqual(decidedBefore);
  });

  it("lets a beheerder shorten a term (audited), refuses one below the minimum, and lists every kind", () => {
    const beheerder = actor("beheer@zaanstad.example");
    expect(listRetention({ actor: beheerder }).map((r) => r.kind)).toEqual(RETENTION_KINDS.map((k) => k.kind));
    setRetention({ actor: beheerder, kind: "emails", days: 30 });
    expect(listRetention({ actor: beheerder }).find((r) => r.kind === "emails")).toMatchObject({ days: 30, custom: true, defaultDays: 90 });
    expect(() => setRetention({ actor: beheerder, kind: "audit_log", days: 10 })).toThrow(/minstens/);
    expect(() => setRetention({ actor: actor("professional@dock.example"), kind: "emails", days: 30 })).toThrow();
    expect(getDb().select().from(schema.auditLog).where(eq(schema.auditLog.action, "retention.set")).all()).toHaveLength(1);
  });

  it("exports the archive package: published versions and decided proposals as HTML with a JSON manifest", () => {
    const { zip } = archivePackage({ actor: actor("beheer@zaanstad.example") });
    const files = unzipSync(zip);
    const manifest = JSON.parse(strFromU8(files["manifest.json"]));
    const versions = getDb().select().from(schema.documentVersions).all();
    expect(manifest.documentVersions).toHaveLength(versions.length);
    for (const v of manifest.documentVersions) expect(strFromU8(files[v.file])).toContain("<h1>");
    for (const p of manifest.proposals) expect(["vastgesteld", "van_kracht", "geevalueerd"]).toContain(p.status);
    expect(() => archivePackage({ actor: actor("professional@dock.example") })).toThrow();
  });
});

describe("AVG", () => {
  it("exports a person's profile, roles, comments, signals and audit entries, and nothing of anyone else", () => {
    const db = getDb();
    const beheerder = actor("beheer@zaanstad.example");
    // The person with the most signals and comments in the demo world.
    const reporter = db.select({ id: schema.signals.reporterId, n: sql<number>`count(*)` }).from(schema.signals).groupBy(schema.signals.reporterId).orderBy(sql`count(*) desc`).get();
    const person = db.select().from(schema.people).where(eq(schema.people.id, reporter!.id)).get()!;
    db.insert(schema.auditLog).values({ at: NOW.toISOString(), actorId: person.id, action: "test.by-person", entityType: "test", entityId: "x" }).run();
    const e = exportPerson({ actor: beheerder, personId: person.id });
    expect(e.profile).toMatchObject({ id: person.id, name: person.name, email: person.email });
    expect(e.roles.length).toBeGreaterThan(0);
    expect(e.signalsReported).toHaveLength(reporter!.n);
    const others = db.select().from(schema.signals).all().filter((s) => s.reporterId !== person.id);
    const json = JSON.stringify(e);
    for (const s of others) expect(e.signalsReported.map((x) => x.id)).not.toContain(s.id);
    expect(e.auditEntries.some((a) => a.action === "test.by-person")).toBe(true);
    for (const c of e.comments) expect(db.select().from(schema.proposalComments).where(eq(schema.proposalComments.id, c.id)).get()?.authorId).toBe(person.id);
    for (const other of db.select().from(schema.people).all().filter((p) => p.id !== person.id)) {
      expect(json).not.toContain(other.email);
    }
    const html = personExportHtml(e);
    expect(html).toContain(person.name);
    expect(html).toContain("Gemelde signalen");
    expect(() => exportPerson({ actor: actor("professional@dock.example"), personId: person.id })).toThrow();
  });

  it("removes a person: no login, no name, contributions under the organisation's name, audit says who removed whom", async () => {
    const db = getDb();
    const beheerder = actor("beheer@zaanstad.example");
    const comment = db.select().from(schema.proposalComments).get()!;
    const person = db.select().from(schema.people).where(eq(schema.people.id, comment.authorId)).get()!;
    const org = db.select().from(schema.organisations).where(eq(schema.organisations.id, person.organisationId)).get()!;
    const commentsBefore = db.select().from(schema.proposalComments).where(eq(schema.proposalComments.authorId, person.id)).all().length;
    const signalsBefore = db.select().from(schema.signals).where(eq(schema.signals.reporterId, person.id)).all().length;

    expect(removePerson({ actor: beheerder, personId: person.id })).toEqual({ organisation: org.name });
    const after = db.select().from(schema.people).where(eq(schema.people.id, person.id)).get()!;
    expect(after.name).toBe(org.name);
    expect(after.email).not.toBe(person.email);
    expect(after.passwordHash).toBeNull();
    expect(db.select().from(schema.personRoles).where(eq(schema.personRoles.personId, person.id)).all()).toHaveLength(0);
    expect(db.select().from(schema.proposalComments).where(eq(schema.proposalComments.authorId, person.id)).all()).toHaveLength(commentsBefore);
    expect(db.select().from(schema.signals).where(eq(schema.signals.reporterId, person.id)).all()).toHaveLength(signalsBefore);
    await expect(authenticate({ email: person.email, password: "demo", ip: "127.0.0.1" })).rejects.toThrow();
    const entry = db.select().from(schema.auditLog).where(eq(schema.auditLog.action, "person.removed")).get();
    expect(entry).toMatchObject({ actorId: beheerder.id, entityType: "person", entityId: String(person.id) });
    expect(JSON.stringify(exportPerson({ actor: beheerder, personId: person.id }))).not.toContain(person.email);
    expect(() => removePerson({ actor: beheerder, personId: person.id })).toThrow(/al verwijderd/);
    expect(() => removePerson({ actor: beheerder, personId: beheerder.id })).toThrow(/eigen account/);
  });
});
