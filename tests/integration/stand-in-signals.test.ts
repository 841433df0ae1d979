// Issue 19, acceptance 5 for signals, through the HTTP action of the signal page: the keten's
// deputy regisseur answers and closes a signal of the regisseur only while set as stand-in
// (403 with a Dutch message on the error page otherwise), and the audit log names both people.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, schema } from "~/db/client.server";
import { loadActorByEmail, type Actor } from "~/domain/actor.server";
import { createSession } from "~/domain/auth.server";
import { setStandIn } from "~/domain/overleg/regie.server";
import { seedDemoIfEmpty } from "~/domain/seed/index.server";
import { signalsForHome } from "~/domain/signals/queries.server";
import { reportSignal } from "~/domain/signals/signals.server";
import { csrfTokenFor } from "~/http/csrf.server";
import { action } from "~/routes/signalen.$id";
import { setClock } from "~/utils/clock.server";

const REGISSEUR = "regisseur.participatie@zaanstad.example";
const DEPUTY = "regisseur.zorg@zaanstad.example";
const who = (email: string): Actor => loadActorByEmail(email)!;

/** A 403 from a form action is thrown as the error page's data (app/http/action.server.ts). */
type ErrorPage = { data: { message: string }; init: { status: number } };
async function refusal(p: Promise<unknown>): Promise<ErrorPage> {
  try {
    await p;
  } catch (e) {
    return e as ErrorPage;
  }
  throw new Error("expected the action to refuse");
}

/** POST the signal page's status form as the given person, with a session cookie and its CSRF token. */
async function postStatus(email: string, signalId: number, fields: Record<string, string>) {
  const session = createSession(who(email).id).id;
  const csrf = csrfTokenFor(`s:${session}`);
  const request = new Request(`http://localhost/signalen/${signalId}`, {
    method: "POST",
    body: new URLSearchParams({ csrf, intent: "status", ...fields }),
    headers: { "Content-Type": "application/x-www-form-urlencoded", cookie: `kp_session=${session}` },
  });
  return action({ request, params: { id: String(signalId) }, context: { cspNonce: "", csrfToken: csrf, clientIp: "127.0.0.1" } });
}

const status = (id: number) => getDb().select({ status: schema.signals.status }).from(schema.signals).where(eq(schema.signals.id, id)).get()!.status;
const audits = (id: number) =>
  getDb()
    .select()
    .from(schema.auditLog)
    .where(and(eq(schema.auditLog.entityType, "signaal"), eq(schema.auditLog.entityId, String(id))))
    .all();

let ketenId = 0;
let signalId = 0;
let forMeOff = 0;

beforeAll(async () => {
  setClock("2026-12-01T08:00:00Z");
  await seedDemoIfEmpty();
  ketenId = getDb().select({ id: schema.ketens.id }).from(schema.ketens).where(eq(schema.ketens.slug, "participatie-armoede")).get()!.id;
  const regie = getDb().select().from(schema.ketenRegie).where(eq(schema.ketenRegie.ketenId, ketenId)).get();
  expect(regie?.deputyId).toBe(who(DEPUTY).id);
  const thema = getDb().select({ id: schema.themas.id }).from(schema.themas).get()!.id;
  signalId = reportSignal({ actor: who("prof4@dock.example"), title: "Wachtlijst budgetcoaching", description: "Aanmeldingen blijven weken liggen.", ketenId, extraKetenIds: [], themaId: thema, wijken: ["stadsbreed"], documentAnchor: "" });
}, 60_000);

describe("the stand-in regisseur answers signals (acceptance 5)", () => {
  it("refuses the deputy with a Dutch 403 while the stand-in is off, and changes nothing", async () => {
    setStandIn({ actor: who(REGISSEUR), ketenId, standIn: false });
    const before = audits(signalId).length;
    const r = await refusal(postStatus(DEPUTY, signalId, { to: "in_behandeling" }));
    expect(r.init.status).toBe(403);
    expect(r.data.message).toContain("de waarneming staat nu uit");
    expect(status(signalId)).toBe("nieuw");
    expect(audits(signalId)).toHaveLength(before);
    forMeOff = signalsForHome(who(DEPUTY)).forMeTotal;
  });

  it("lets the deputy take on and close the signal while stand-in, logged in both names", async () => {
    setStandIn({ actor: who(REGISSEUR), ketenId, standIn: true });
    const deputy = who(DEPUTY);
    const regisseur = who(REGISSEUR);
    // "Signalen voor u" on the start page also counts the keten's open signals for the stand-in.
    expect(signalsForHome(deputy).forMeTotal).toBeGreaterThan(forMeOff);
    const taken = (await postStatus(DEPUTY, signalId, { to: "in_behandeling" })) as Response;
    expect(taken.status).toBe(302);
    const closed = (await postStatus(DEPUTY, signalId, { to: "afgehandeld", text: "De wachtlijst is besproken in het OKO; er komt extra capaciteit." })) as Response;
    expect(closed.status).toBe(302);
    expect(status(signalId)).toBe("afgehandeld");
    const entry = audits(signalId).at(-1)!;
    expect(entry.actorId).toBe(deputy.id);
    expect(entry.action).toBe(`signaal afgehandeld (als waarnemer namens ${regisseur.name})`);
    expect(JSON.parse(entry.after!)).toMatchObject({ status: "afgehandeld", door: { id: deputy.id, name: deputy.name }, namens: { id: regisseur.id, name: regisseur.name } });
  });

  it("refuses the deputy again once the regisseur switches the stand-in off", async () => {
    setStandIn({ actor: who(REGISSEUR), ketenId, standIn: false });
    const r = await refusal(postStatus(DEPUTY, signalId, { to: "heropend", text: "Toch nog niet opgelost." }));
    expect(r.init.status).toBe(403);
    expect(r.data.message).toContain("de waarneming staat nu uit");
    expect(status(signalId)).toBe("afgehandeld");
  });
});
