import { beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import { seedWorld } from "~/domain/seed/world.server";
import { loadActorByEmail, type Actor } from "~/domain/actor.server";
import { actorForSession, authenticate, createSession, deleteSession, resetLoginLimits } from "~/domain/auth.server";
import { createPerson, setPersonActive, updateKeten, updatePerson, getKeten } from "~/domain/directory.server";
import { canAdminister, canEditDocument, canReadDraft, isDocumentOwner } from "~/domain/policy.server";
import { listAudit } from "~/domain/audit.server";
import { DomainError } from "~/domain/errors";

const actor = (email: string): Actor => {
  const a = loadActorByEmail(email);
  if (!a) throw new Error(`no actor ${email}`);
  return a;
};
const count = (table: typeof schema.people | typeof schema.organisations | typeof schema.ketens | typeof schema.themas | typeof schema.wijken) =>
  getDb().select({ n: sql<number>`count(*)` }).from(table).get()?.n;

async function refusal(p: Promise<unknown> | (() => unknown)): Promise<DomainError> {
  try {
    await (typeof p === "function" ? p() : p);
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error("expected a DomainError");
}

beforeAll(async () => {
  await seedWorld("demo");
});

describe("demo world", () => {
  it("has the organisations, people, ketens, thema's and wijken of the brief", () => {
    expect(count(schema.organisations)).toBe(10);
    expect(count(schema.ketens)).toBe(4);
    expect(count(schema.themas)).toBe(8);
    expect(count(schema.wijken)).toBe(11);
    expect(count(schema.people)).toBeGreaterThanOrEqual(9);
    const participatie = getKeten("participatie-armoede");
    expect(participatie.regisseurEmail).toBe("regisseur.participatie@zaanstad.example");
    expect(participatie.members.map((m) => m.name).sort()).toEqual(["Afdeling Naleving", "Afdeling Uitkeringen", "DOCK", "Incluzio", "SMD", "Werkom"]);
  });
});

describe("authentication", () => {
  it("accepts the demo password, refuses a wrong one, and rate limits per account", async () => {
    resetLoginLimits();
    const a = await authenticate({ email: "Professional@Dock.example ", password: "demo", ip: "1.1.1.1" });
    expect(a.email).toBe("professional@dock.example");
    for (let i = 0; i < 5; i++) {
      expect((await refusal(authenticate({ email: "teamleider@smd.example", password: "x", ip: "1.1.1.2" }))).status).toBe(401);
    }
    expect((await refusal(authenticate({ email: "teamleider@smd.example", password: "demo", ip: "1.1.1.2" }))).status).toBe(429);
    resetLoginLimits();
  });

  it("reads in one event-loop turn share one session lookup; a logout is seen at once", async () => {
    const prof = actor("prof3@smd.example");
    const s = createSession(prof.id);
    const first = actorForSession(s.id, { reuseWithinTick: true });
    expect(first?.id).toBe(prof.id);
    // The root loader and the route loader of one GET: the second gets the first's answer.
    expect(actorForSession(s.id, { reuseWithinTick: true })).toBe(first);
    // Without opting in (actions, the collaboration re-check) every call looks up afresh.
    expect(actorForSession(s.id)).not.toBe(first);
    deleteSession(s.id);
    expect(actorForSession(s.id, { reuseWithinTick: true })).toBeNull();
    // The memo does not outlive the turn.
    const s2 = createSession(prof.id);
    const before = actorForSession(s2.id, { reuseWithinTick: true });
    await new Promise((r) => setImmediate(r));
    const after = actorForSession(s2.id, { reuseWithinTick: true });
    expect(after?.id).toBe(prof.id);
    expect(after).not.toBe(before);
    deleteSession(s2.id);
  });

  it("a deactivated person cannot log in and loses every session at once", async () => {
    const beheer = actor("beheer@zaanstad.example");
    const prof = actor("prof4@dock.example");
    const s1 = createSession(prof.id);
    const s2 = createSession(prof.id);
    expect(actorForSession(s1.id)?.id).toBe(prof.id);
    setPersonActive({ actor: beheer, id: prof.id, active: false });
    expect(actorForSession(s1.id)).toBeNull();
    expect(actorForSession(s2.id)).toBeNull();
    expect(getDb().select().from(schema.sessions).where(eq(schema.sessions.personId, prof.id)).all()).toHaveLength(0);
    expect((await refusal(authenticate({ email: "prof4@dock.example", password: "demo", ip: "2.2.2.2" }))).status).toBe(403);
    const entry = listAudit({ entityType: "persoon" }).find((e) => e.action === "persoon gedeactiveerd" && e.entityId === String(prof.id));
    expect(entry?.actorName).toBe("Bram Hendriks");
    expect(JSON.parse(entry?.before ?? "{}")).toEqual({ active: true });
    expect(JSON.parse(entry?.after ?? "{}")).toEqual({ active: false });
    setPersonActive({ actor: beheer, id: prof.id, active: true });
  });
});

describe("beheer commands", () => {
  it("only beheerders may manage people", async () => {
    const lezer = actor("nieuw@incluzio.example");
    const e = await refusal(createPerson({ actor: lezer, name: "X", email: "x@example.nl", functie: "", organisationId: 1, roles: [], password: "" }));
    expect(e.status).toBe(403);
  });

  it("refuses a duplicate e-mail and an unknown organisation without changing anything", async () => {
    const beheer = actor("beheer@zaanstad.example");
    const before = count(schema.people);
    expect((await refusal(createPerson({ actor: beheer, name: "Dubbel", email: "professional@dock.example", functie: "", organisationId: 1, roles: [], password: "" }))).status).toBe(409);
    expect((await refusal(createPerson({ actor: beheer, name: "Weg", email: "weg@example.nl", functie: "", organisationId: 9999, roles: [], password: "" }))).fieldErrors.organisationId).toBeTruthy();
    expect(count(schema.people)).toBe(before);
    const prof = actor("professional@dock.example");
    const e = await refusal(updatePerson({ actor: beheer, id: prof.id, name: "Ander", email: "beheer@zaanstad.example", functie: "", organisationId: prof.organisationId, roles: ["redacteur"], password: "" }));
    expect(e.status).toBe(409);
    expect(actor("professional@dock.example").name).toBe("Youssef El Amrani");
  });

  it("never makes a ketenpartner an editor", async () => {
    const beheer = actor("beheer@zaanstad.example");
    const werkom = actor("werkom@werkom.example");
    const e = await refusal(updatePerson({ actor: beheer, id: werkom.id, name: werkom.name, email: werkom.email, functie: "", organisationId: werkom.organisationId, roles: ["redacteur"], password: "" }));
    expect(e.status).toBe(400);
    expect(actor("werkom@werkom.example").roles).toEqual(["lezer"]);
  });

  it("queues the organisation and its people for the search index when it is (de)activated", async () => {
    const beheer = actor("beheer@zaanstad.example");
    const { setOrganisationActive } = await import("~/domain/directory.server");
    const thuishulp = actor("thuishulp@thuishulpdemo.example");
    getDb().delete(schema.searchOutbox).run();
    setOrganisationActive({ actor: beheer, id: thuishulp.organisationId, active: false });
    const queued = getDb().select({ type: schema.searchOutbox.entityType, id: schema.searchOutbox.entityId }).from(schema.searchOutbox).all();
    expect(queued).toContainEqual({ type: "organisation", id: String(thuishulp.organisationId) });
    expect(queued).toContainEqual({ type: "person", id: String(thuishulp.id) });
    setOrganisationActive({ actor: beheer, id: thuishulp.organisationId, active: true });
  });

  it("records keten changes with before and after", () => {
    const beheer = actor("beheer@zaanstad.example");
    const keten = getKeten("zorg-veiligheid");
    updateKeten({ actor: beheer, id: keten.id, description: keten.description, regisseurId: keten.regisseurId ?? undefined, feedbackDays: 10, members: keten.members.map((m) => m.id) });
    const entry = listAudit({ entityType: "keten" })[0];
    expect(JSON.parse(entry.before ?? "{}").feedbackDays).toBe(20);
    expect(JSON.parse(entry.after ?? "{}").feedbackDays).toBe(10);
  });
});

describe("policy", () => {
  it("decides document rights by role, keten and organisation kind", () => {
    const participatie = getKeten("participatie-armoede");
    const wmo = getKeten("wmo-mantelzorg-gezondheid");
    const doc = { ketenId: participatie.id };
    expect(isDocumentOwner(actor("regisseur.participatie@zaanstad.example"), doc)).toBe(true);
    expect(isDocumentOwner(actor("regisseur.wmo@zaanstad.example"), doc)).toBe(false);
    expect(canEditDocument(actor("professional@dock.example"), doc)).toBe(true);
    expect(canEditDocument(actor("nieuw@incluzio.example"), doc)).toBe(false);
    expect(canEditDocument(actor("werkom@werkom.example"), doc)).toBe(false);
    expect(canEditDocument(actor("aanbieder@zorgvoorbeeld.example"), { ketenId: wmo.id })).toBe(false);
    expect(canReadDraft(actor("naleving@zaanstad.example"), doc)).toBe(false);
    expect(canAdminister(actor("beheer@zaanstad.example"))).toBe(true);
    expect(canAdminister(actor("regisseur.wmo@zaanstad.example"))).toBe(false);
  });
});
