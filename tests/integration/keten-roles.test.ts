// Issue 19: the roles table of a keten is edited on /ketens/:slug/rollen by the regie of the
// keten (regisseur, the deputy only while stand-in, a beheerder). Through the route's loader and
// action: validation in Dutch with a 4xx and what was typed kept, nothing saved lost, 403 for
// anyone else, and every change in the audit log (in both names for the stand-in).
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, schema } from "~/db/client.server";
import { loadActorByEmail, type Actor } from "~/domain/actor.server";
import { createSession } from "~/domain/auth.server";
import { setStandIn } from "~/domain/overleg/regie.server";
import { seedDemoIfEmpty } from "~/domain/seed/index.server";
import { csrfTokenFor } from "~/http/csrf.server";
import { action, loader } from "~/routes/ketens.$slug_.rollen";
import { setClock } from "~/utils/clock.server";

const SLUG = "participatie-armoede";
const REGISSEUR = "regisseur.participatie@zaanstad.example";
const DEPUTY = "regisseur.zorg@zaanstad.example";
const PARTNER = "werkom@werkom.example";
const who = (email: string): Actor => loadActorByEmail(email)!;

type Refused = { data: { ok: false; formError: string; fieldErrors: Record<string, string>; values: Record<string, string> }; init: { status: number } };
type ErrorPage = { data: { message: string }; init: { status: number } };

function requestAs(email: string, fields?: Record<string, string>) {
  const session = createSession(who(email).id).id;
  const csrf = csrfTokenFor(`s:${session}`);
  const request = new Request(`http://localhost/ketens/${SLUG}/rollen`, {
    method: fields ? "POST" : "GET",
    body: fields ? new URLSearchParams({ csrf, ...fields }) : undefined,
    headers: { "Content-Type": "application/x-www-form-urlencoded", cookie: `kp_session=${session}` },
  });
  return { request, params: { slug: SLUG }, context: { cspNonce: "", csrfToken: csrf, clientIp: "127.0.0.1" } };
}
const post = (email: string, fields: Record<string, string>) => action(requestAs(email, fields));
async function thrown(p: Promise<unknown>): Promise<ErrorPage> {
  try {
    await p;
  } catch (e) {
    return e as ErrorPage;
  }
  throw new Error("expected a refusal");
}

let ketenId = 0;
let dock = 0;
const roleOf = (organisationId: number) => getDb().select().from(schema.ketenRoles).where(and(eq(schema.ketenRoles.ketenId, ketenId), eq(schema.ketenRoles.organisationId, organisationId))).get();
const lastAudit = () => getDb().select().from(schema.auditLog).where(and(eq(schema.auditLog.entityType, "keten"), eq(schema.auditLog.entityId, String(ketenId)))).all().at(-1)!;
const contacts = () => getDb().select().from(schema.ketenWijkContacts).where(eq(schema.ketenWijkContacts.ketenId, ketenId)).all();

beforeAll(async () => {
  setClock("2026-12-01T08:00:00Z");
  await seedDemoIfEmpty();
  ketenId = getDb().select({ id: schema.ketens.id }).from(schema.ketens).where(eq(schema.ketens.slug, SLUG)).get()!.id;
  dock = getDb().select({ id: schema.organisations.id }).from(schema.organisations).where(eq(schema.organisations.slug, "dock")).get()!.id;
  expect(roleOf(dock)).toBeTruthy();
}, 60_000);

describe("editing the roles table (acceptance 5)", () => {
  it("shows the regisseur a form for every member organisation and the contacts per wijk", async () => {
    const { editor } = (await loader(requestAs(REGISSEUR))) as { editor: { rows: { organisationId: number; role: string }[]; contacts: unknown[]; wijken: unknown[] } };
    const members = getDb().select().from(schema.ketenMembers).where(eq(schema.ketenMembers.ketenId, ketenId)).all();
    expect(editor.rows.map((r) => r.organisationId).sort()).toEqual(members.map((m) => m.organisationId).sort());
    expect(editor.rows.find((r) => r.organisationId === dock)!.role).toBe(roleOf(dock)!.role);
    expect(editor.contacts.length).toBe(contacts().length);
  });

  it("saves a role and logs it", async () => {
    const res = (await post(REGISSEUR, { intent: "rol", organisationId: String(dock), role: "Schuldhulp en budgetcoaching", expectations: "Intake binnen tien werkdagen.", contentDecider: "Teamleider schuldhulp", capacityDecider: "Manager DOCK" })) as Response;
    expect(res.status).toBe(302);
    expect(roleOf(dock)).toMatchObject({ role: "Schuldhulp en budgetcoaching", capacityDecider: "Manager DOCK" });
    expect(lastAudit()).toMatchObject({ actorId: who(REGISSEUR).id, action: "keten.rol" });
  });

  it("refuses an empty role in Dutch with a 400, keeps what was typed and the saved role", async () => {
    const before = roleOf(dock);
    const r = (await post(REGISSEUR, { intent: "rol", organisationId: String(dock), role: "", expectations: "Nieuwe verwachting" })) as Refused;
    expect(r.init.status).toBe(400);
    expect(r.data.fieldErrors.role).toMatch(/Rol/);
    expect(r.data.values.expectations).toBe("Nieuwe verwachting");
    expect(roleOf(dock)).toEqual(before);
  });

  it("refuses an organisation outside the keten with a 400", async () => {
    const outside = getDb().select({ id: schema.organisations.id }).from(schema.organisations).all().find((o) => !getDb().select().from(schema.ketenMembers).where(and(eq(schema.ketenMembers.ketenId, ketenId), eq(schema.ketenMembers.organisationId, o.id))).get())!;
    const r = (await post(REGISSEUR, { intent: "rol", organisationId: String(outside.id), role: "Iets" })) as Refused;
    expect(r.init.status).toBe(400);
    expect(r.data.formError).toBe("Deze organisatie is geen lid van de keten.");
    expect(roleOf(outside.id)).toBeUndefined();
  });

  it("adds and removes a contact per wijk, validating the wijk", async () => {
    const wijk = getDb().select().from(schema.wijken).get()!;
    const bad = (await post(REGISSEUR, { intent: "contact-toevoegen", wijkId: "999999", role: "Vaste inkomensconsulent", name: "Sanne de Vries" })) as Refused;
    expect(bad.init.status).toBe(400);
    expect(bad.data.fieldErrors.wijkId).toBe("Kies een bestaande wijk.");
    expect(bad.data.values.name).toBe("Sanne de Vries");
    const missing = (await post(REGISSEUR, { intent: "contact-toevoegen", wijkId: String(wijk.id), role: "", name: "" })) as Refused;
    expect(missing.init.status).toBe(400);
    expect(Object.keys(missing.data.fieldErrors).sort()).toEqual(["name", "role"]);
    const count = contacts().length;
    expect(((await post(REGISSEUR, { intent: "contact-toevoegen", wijkId: String(wijk.id), role: "Vaste inkomensconsulent", name: "Sanne de Vries" })) as Response).status).toBe(302);
    const added = contacts().find((c) => c.name === "Sanne de Vries")!;
    expect(contacts()).toHaveLength(count + 1);
    expect(lastAudit().action).toBe("keten.contact-toegevoegd");
    expect(((await post(REGISSEUR, { intent: "contact-verwijderen", contactId: String(added.id) })) as Response).status).toBe(302);
    expect(contacts()).toHaveLength(count);
    expect(lastAudit().action).toBe("keten.contact-verwijderd");
    expect((await thrown(post(REGISSEUR, { intent: "contact-verwijderen", contactId: String(added.id) }))).init.status).toBe(404);
  });

  it("refuses a ketenpartner and the deputy off duty with a 403; the stand-in edits in both names", async () => {
    for (const email of [PARTNER, DEPUTY]) {
      expect((await thrown(loader(requestAs(email)))).init.status).toBe(403);
      expect((await thrown(post(email, { intent: "rol", organisationId: String(dock), role: "Anders" }))).init.status).toBe(403);
    }
    expect(roleOf(dock)!.role).toBe("Schuldhulp en budgetcoaching");
    setStandIn({ actor: who(REGISSEUR), ketenId, standIn: true });
    expect(((await post(DEPUTY, { intent: "rol", organisationId: String(dock), role: "Schuldhulp, budgetcoaching en nazorg" })) as Response).status).toBe(302);
    const entry = lastAudit();
    expect(entry.actorId).toBe(who(DEPUTY).id);
    expect(entry.action).toBe(`keten.rol (als waarnemer namens ${who(REGISSEUR).name})`);
    setStandIn({ actor: who(REGISSEUR), ketenId, standIn: false });
    expect((await thrown(post(DEPUTY, { intent: "rol", organisationId: String(dock), role: "Weer anders" }))).init.status).toBe(403);
    expect(roleOf(dock)!.role).toBe("Schuldhulp, budgetcoaching en nazorg");
  });
});
