// Issue 19: an overleg per keten is created on /overleg and set up on /overleg/:id/instellingen
// (name, kind, chair, rhythm, members) by who may manage it (canManageOverleg: the keten's
// regisseur, the deputy only while stand-in, the chair, a beheerder). Through the routes' loaders
// and actions: 403 for an ordinary member and a ketenpartner, Dutch 4xx refusals that keep what
// was typed and what was saved, read access that follows membership, and search entries whose
// ACL tokens follow the members through the outbox.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, schema } from "~/db/client.server";
import { loadActorByEmail, type Actor } from "~/domain/actor.server";
import { createSession } from "~/domain/auth.server";
import { overlegFacts } from "~/domain/overleg/facts.server";
import { setStandIn } from "~/domain/overleg/regie.server";
import { canReadOverleg } from "~/domain/policy.server";
import { principalsFor } from "~/domain/search/acl.server";
import { Fts5Provider } from "~/domain/search/fts5.server";
import { drainAll, reindexSearch } from "~/domain/search/indexer.server";
import { databaseSource } from "~/domain/search/sources.server";
import { seedDemoIfEmpty } from "~/domain/seed/index.server";
import { csrfTokenFor } from "~/http/csrf.server";
import * as settingsRoute from "~/routes/overleg.$id_.instellingen";
import * as indexRoute from "~/routes/overleg._index";
import { setClock } from "~/utils/clock.server";

const KETEN = "participatie-armoede";
const REGISSEUR = "regisseur.participatie@zaanstad.example";
const DEPUTY = "regisseur.zorg@zaanstad.example";
const MEMBER = "contractmanager@zaanstad.example"; // an ordinary member of the EKO
const PARTNER = "werkom@werkom.example"; // a ketenpartner whose organisation takes part
const OUTSIDER = "aanbieder@zorgvoorbeeld.example";
const BEHEERDER = "beheer@zaanstad.example";
const CHAIR = "teamleider@smd.example";
const who = (email: string): Actor => loadActorByEmail(email)!;

type Refused = { data: { ok: false; formError: string; fieldErrors: Record<string, string>; values: Record<string, string> }; init: { status: number } };
type ErrorPage = { data: { message: string }; init: { status: number } };

const provider = new Fts5Provider({ source: databaseSource() });

function requestAs(email: string, url: string, fields?: Record<string, string>) {
  const session = createSession(who(email).id).id;
  const csrf = csrfTokenFor(`s:${session}`);
  return new Request(`http://localhost${url}`, {
    method: fields ? "POST" : "GET",
    body: fields ? new URLSearchParams({ csrf, ...fields }) : undefined,
    headers: { "Content-Type": "application/x-www-form-urlencoded", cookie: `kp_session=${session}` },
  });
}
const ctx = { cspNonce: "", csrfToken: "", clientIp: "127.0.0.1" };
const settingsArgs = (email: string, id: number, fields?: Record<string, string>) => ({ request: requestAs(email, `/overleg/${id}/instellingen`, fields), params: { id: String(id) }, context: ctx });
const load = (email: string, id: number) => settingsRoute.loader(settingsArgs(email, id));
const post = (email: string, id: number, fields: Record<string, string>) => settingsRoute.action(settingsArgs(email, id, fields));
const create = (email: string, fields: Record<string, string>) => indexRoute.action({ request: requestAs(email, "/overleg", fields), params: {}, context: ctx });
async function thrown(p: Promise<unknown>): Promise<ErrorPage> {
  try {
    await p;
  } catch (e) {
    return e as ErrorPage;
  }
  throw new Error("expected a refusal");
}

let ketenId = 0;
let eko = 0;
const row = (id: number) => getDb().select().from(schema.overleggen).where(eq(schema.overleggen.id, id)).get()!;
const facts = (id: number) => overlegFacts(id)!;
const lastAudit = (id: number) => getDb().select().from(schema.auditLog).where(and(eq(schema.auditLog.entityType, "overleg"), eq(schema.auditLog.entityId, String(id)))).all().at(-1)!;
const personId = (email: string) => who(email).id;
const orgId = (slug: string) => getDb().select({ id: schema.organisations.id }).from(schema.organisations).where(eq(schema.organisations.slug, slug)).get()!.id;

async function decisionsFound(a: Actor): Promise<Set<string>> {
  const out = new Set<string>();
  let cursor: string | null = null;
  do {
    const r = await provider.search("", { principals: principalsFor(a), limit: 100, cursor, facets: [] });
    for (const h of r.hits) if (h.entityKey.startsWith("decision:")) out.add(h.entityKey);
    cursor = r.nextCursor;
  } while (cursor);
  return out;
}

beforeAll(async () => {
  setClock("2026-12-01T08:00:00Z");
  await seedDemoIfEmpty();
  await reindexSearch({ provider });
  ketenId = getDb().select({ id: schema.ketens.id }).from(schema.ketens).where(eq(schema.ketens.slug, KETEN)).get()!.id;
  eko = getDb().select().from(schema.overleggen).where(and(eq(schema.overleggen.ketenId, ketenId), eq(schema.overleggen.kind, "eko"))).get()!.id;
}, 120_000);

describe("who may set up an overleg", () => {
  it("refuses an ordinary member and a ketenpartner with a 403, in Dutch, on the page and on every form", async () => {
    for (const email of [MEMBER, PARTNER]) {
      expect(canReadOverleg(who(email), facts(eko)), email).toBe(true);
      const page = await thrown(load(email, eko));
      expect(page.init.status).toBe(403);
      expect(page.data.message).toMatch(/^Alleen de regisseur van de keten/);
      expect((await thrown(post(email, eko, { intent: "instellingen", name: "Anders", kind: "oko" }))).init.status).toBe(403);
      expect((await thrown(post(email, eko, { intent: "persoon-toevoegen", personId: String(personId(OUTSIDER)) }))).init.status).toBe(403);
      expect((await thrown(create(email, { intent: "nieuw", ketenId: String(ketenId), name: "Eigen overleg", kind: "anders" }))).init.status).toBe(403);
    }
    expect(row(eko).kind).toBe("eko");
    expect(facts(eko).personIds).not.toContain(personId(OUTSIDER));
  });

  it("hides the overleg from someone who may not read it (404), and lets a beheerder in", async () => {
    expect((await thrown(load(OUTSIDER, eko))).init.status).toBe(404);
    const { settings } = (await load(BEHEERDER, eko)) as { settings: { overleg: { id: number } } };
    expect(settings.overleg.id).toBe(eko);
  });

  it("lets the deputy in only while stand-in, logging in both names", async () => {
    expect((await thrown(post(DEPUTY, eko, { intent: "instellingen", name: row(eko).name, kind: "eko", rhythm: "Elke zes weken" }))).init.status).toBe(403);
    setStandIn({ actor: who(REGISSEUR), ketenId, standIn: true });
    const before = row(eko);
    const res = (await post(DEPUTY, eko, { intent: "instellingen", name: before.name, kind: "eko", rhythm: "Elke zes weken", chairId: String(before.chairId) })) as Response;
    expect(res.status).toBe(302);
    expect(row(eko).rhythm).toBe("Elke zes weken");
    expect(lastAudit(eko)).toMatchObject({ actorId: who(DEPUTY).id, action: `overleg.instellingen (als waarnemer namens ${who(REGISSEUR).name})` });
    setStandIn({ actor: who(REGISSEUR), ketenId, standIn: false });
    expect((await thrown(load(DEPUTY, eko))).init.status).toBe(403);
  });
});

describe("a new overleg and its settings", () => {
  let id = 0;

  it("refuses a new overleg without a name or kind with a 400 and keeps what was typed", async () => {
    const count = getDb().select().from(schema.overleggen).all().length;
    const r = (await create(REGISSEUR, { intent: "nieuw", ketenId: String(ketenId), name: "", kind: "vergadering", rhythm: "Elk kwartaal" })) as Refused;
    expect(r.init.status).toBe(400);
    expect(r.data.fieldErrors).toMatchObject({ name: "Naam is verplicht.", kind: "Kies een soort overleg." });
    expect(r.data.values.rhythm).toBe("Elk kwartaal");
    expect(getDb().select().from(schema.overleggen).all()).toHaveLength(count);
  });

  it("creates an overleg in the keten and sends the regisseur to its settings", async () => {
    const res = (await create(REGISSEUR, { intent: "nieuw", ketenId: String(ketenId), name: "Kerngroep schulden", kind: "anders", rhythm: "Elk kwartaal", description: "" })) as Response;
    expect(res.status).toBe(302);
    id = Number(/\/overleg\/(\d+)\/instellingen/.exec(res.headers.get("Location") ?? "")?.[1]);
    expect(row(id)).toMatchObject({ ketenId, name: "Kerngroep schulden", kind: "anders", rhythm: "Elk kwartaal", chairId: null });
    expect(lastAudit(id)).toMatchObject({ actorId: who(REGISSEUR).id, action: "overleg.nieuw" });
  });

  it("edits kind, chair and rhythm; the chair becomes a member and may then manage it", async () => {
    const res = (await post(REGISSEUR, id, { intent: "instellingen", name: "Kerngroep schulden", kind: "oko", chairId: String(personId(CHAIR)), rhythm: "Elke zes weken", description: "Uitvoering van de schuldenaanpak." })) as Response;
    expect(res.status).toBe(302);
    expect(row(id)).toMatchObject({ kind: "oko", chairId: personId(CHAIR), rhythm: "Elke zes weken", description: "Uitvoering van de schuldenaanpak." });
    expect(facts(id).personIds).toContain(personId(CHAIR));
    const { settings } = (await load(CHAIR, id)) as { settings: { members: { people: { id: number }[] } } };
    expect(settings.members.people.map((p) => p.id)).toContain(personId(CHAIR));
  });

  it("refuses a bad edit with a 400, keeps what was typed and what was saved", async () => {
    const before = row(id);
    const r = (await post(REGISSEUR, id, { intent: "instellingen", name: "", kind: "oko", rhythm: "Maandelijks" })) as Refused;
    expect(r.init.status).toBe(400);
    expect(r.data.fieldErrors.name).toBe("Naam is verplicht.");
    expect(r.data.values.rhythm).toBe("Maandelijks");
    const gone = (await post(REGISSEUR, id, { intent: "instellingen", name: "Kerngroep", kind: "oko", chairId: "999999", rhythm: "Maandelijks" })) as Refused;
    expect(gone.init.status).toBe(400);
    expect(gone.data.formError).toBe("De gekozen voorzitter is niet (meer) te vinden in het portaal.");
    expect(gone.data.fieldErrors.chairId).toBe("Kies een voorzitter uit de lijst.");
    expect(gone.data.values.name).toBe("Kerngroep");
    expect(row(id)).toEqual(before);
  });

  it("does not remove the chair as a member, with a clear message", async () => {
    const r = (await post(REGISSEUR, id, { intent: "persoon-verwijderen", personId: String(personId(CHAIR)) })) as Refused;
    expect(r.init.status).toBe(409);
    expect(r.data.formError).toBe(`${who(CHAIR).name} is de voorzitter van dit overleg. Kies eerst een andere voorzitter (of geen) en verwijder dan het lid.`);
    expect(facts(id).personIds).toContain(personId(CHAIR));
  });

  it("adds and removes an organisation", async () => {
    const naleving = orgId("naleving");
    expect(((await post(REGISSEUR, id, { intent: "organisatie-toevoegen", organisationId: String(naleving) })) as Response).status).toBe(302);
    expect(facts(id).organisationIds).toEqual([naleving]);
    expect(lastAudit(id).action).toBe("overleg.organisatie-toegevoegd");
    const twice = (await post(REGISSEUR, id, { intent: "organisatie-toevoegen", organisationId: String(naleving) })) as Refused;
    expect(twice.init.status).toBe(409);
    const unknown = (await post(REGISSEUR, id, { intent: "organisatie-toevoegen", organisationId: "999999" })) as Refused;
    expect(unknown.init.status).toBe(400);
    expect(unknown.data.fieldErrors.organisationId).toBe("Kies een organisatie uit de lijst.");
    expect(((await post(REGISSEUR, id, { intent: "organisatie-verwijderen", organisationId: String(naleving) })) as Response).status).toBe(302);
    expect(facts(id).organisationIds).toEqual([]);
    expect(lastAudit(id).action).toBe("overleg.organisatie-verwijderd");
  });
});

describe("membership decides who reads the overleg (policy and search)", () => {
  it("a person added gains read access and finds its decisions; removed, loses both", async () => {
    const outsider = who(OUTSIDER);
    const ekoDecisions = getDb().select({ id: schema.decisions.id }).from(schema.decisions).where(eq(schema.decisions.overlegId, eko)).all().map((d) => `decision:${d.id}`);
    expect(ekoDecisions.length).toBeGreaterThan(0);
    expect(canReadOverleg(outsider, facts(eko))).toBe(false);
    expect([...(await decisionsFound(outsider))].filter((k) => ekoDecisions.includes(k))).toEqual([]);

    expect(((await post(REGISSEUR, eko, { intent: "persoon-toevoegen", personId: String(outsider.id) })) as Response).status).toBe(302);
    expect(canReadOverleg(outsider, facts(eko))).toBe(true);
    expect(lastAudit(eko)).toMatchObject({ action: "overleg.lid-toegevoegd", actorId: who(REGISSEUR).id });
    await drainAll(provider);
    expect([...(await decisionsFound(outsider))].filter((k) => ekoDecisions.includes(k)).sort()).toEqual([...ekoDecisions].sort());

    const twice = (await post(REGISSEUR, eko, { intent: "persoon-toevoegen", personId: String(outsider.id) })) as Refused;
    expect(twice.init.status).toBe(409);
    expect(((await post(REGISSEUR, eko, { intent: "persoon-verwijderen", personId: String(outsider.id) })) as Response).status).toBe(302);
    expect(canReadOverleg(outsider, facts(eko))).toBe(false);
    await drainAll(provider);
    expect([...(await decisionsFound(outsider))].filter((k) => ekoDecisions.includes(k))).toEqual([]);
  });

  it("refuses a person who cannot be found with a 400", async () => {
    const r = (await post(REGISSEUR, eko, { intent: "persoon-toevoegen", personId: "999999" })) as Refused;
    expect(r.init.status).toBe(400);
    expect(r.data.fieldErrors.personId).toBe("Kies een persoon uit de lijst.");
  });
});
