// SSO against a real OpenID provider (oidc-provider) started by this test on 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import { seedWorld } from "~/domain/seed/world.server";
import { loadActorByEmail, type Actor } from "~/domain/actor.server";
import { actorForSession } from "~/domain/auth.server";
import { setPersonActive } from "~/domain/directory.server";
import { DomainError } from "~/domain/errors";
import { endSessionUrl, finishSsoLogin, providerForEmail, saveProvider, startSsoLogin, CALLBACK_PATH } from "~/domain/auth/sso.server";
import { resetClock, setClock } from "~/utils/clock.server";
import { signInAtProvider, startTestProvider, type TestProvider } from "../support/oidc";

const ORIGIN = "http://portaal.test";
const CALLBACK = `${ORIGIN}${CALLBACK_PATH}`;
let idp: TestProvider;
let beheer: Actor;
let orgId: number;

const actor = (email: string): Actor => {
  const a = loadActorByEmail(email);
  if (!a) throw new Error(`no actor ${email}`);
  return a;
};

async function refusal(p: Promise<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error("expected a DomainError");
}

/** The whole round trip: portal → provider login form → back at the callback. */
async function signIn(email: string, opts: { login?: string; tweak?: (callback: URL) => void } = {}) {
  const provider = providerForEmail(email);
  if (!provider) throw new Error(`no provider for ${email}`);
  const { url, flowId } = await startSsoLogin({ provider, email, redirectTo: "/documenten", origin: ORIGIN });
  const callback = await signInAtProvider(url, opts.login ?? email, CALLBACK);
  opts.tweak?.(callback);
  return finishSsoLogin({ flowId, currentUrl: callback, userAgent: "vitest" });
}

beforeAll(async () => {
  await seedWorld("demo");
  idp = await startTestProvider({ redirectUris: [CALLBACK], postLogoutRedirectUris: [`${ORIGIN}/login`] });
  beheer = actor("beheer@zaanstad.example");
  orgId = getDb().select().from(schema.organisations).where(eq(schema.organisations.slug, "gemeente-zaanstad")).get()!.id;
  saveProvider({
    actor: beheer,
    organisationId: orgId,
    issuer: idp.issuer,
    clientId: idp.clientId,
    clientSecret: idp.clientSecret,
    domains: "zaanstad.example",
    provision: true,
    provisionRole: "redacteur",
    active: true,
  });
});

afterAll(async () => {
  resetClock();
  await idp?.close();
});

describe("home-realm discovery", () => {
  it("sends addresses of a configured domain to their provider, others keep passwords", () => {
    expect(providerForEmail("Iemand@Zaanstad.example")?.organisationId).toBe(orgId);
    expect(providerForEmail("professional@dock.example")).toBeNull();
  });

  it("only a beheerder configures a provider", () => {
    expect(() =>
      saveProvider({ actor: actor("professional@dock.example"), organisationId: orgId, issuer: idp.issuer, clientId: "x", clientSecret: "y", domains: "dock.example", provision: false, provisionRole: "lezer", active: true }),
    ).toThrow(DomainError);
  });
});

describe("sign in with the organisation's provider", () => {
  it("provisions a new person on first login, with the configured role, and opens a database session", async () => {
    idp.setTokenMode("pass");
    idp.accounts.set("sub-nieuw-1", { email: "nieuwe.collega@zaanstad.example", name: "Nieuwe Collega" });
    const r = await signIn("nieuwe.collega@zaanstad.example", { login: "sub-nieuw-1" });
    expect(r.provisioned).toBe(true);
    expect(r.redirectTo).toBe("/documenten");
    expect(r.actor.name).toBe("Nieuwe Collega");
    expect(r.actor.organisationId).toBe(orgId);
    expect(r.actor.roles).toEqual(["redacteur"]);
    expect(actorForSession(r.sessionId)?.id).toBe(r.actor.id);
    const identity = getDb().select().from(schema.personIdentities).where(eq(schema.personIdentities.personId, r.actor.id)).get();
    expect(identity?.subject).toBe("sub-nieuw-1");
    // The second time the same person is found again, by subject.
    const again = await signIn("nieuwe.collega@zaanstad.example", { login: "sub-nieuw-1" });
    expect(again.provisioned).toBe(false);
    expect(again.actor.id).toBe(r.actor.id);
  });

  it("matches an existing person by e-mail and then remembers the provider's subject", async () => {
    idp.setTokenMode("pass");
    const existing = actor("contractmanager@zaanstad.example");
    idp.accounts.set("sub-cm-7", { email: "contractmanager@zaanstad.example", name: "Contract Manager" });
    const r = await signIn("contractmanager@zaanstad.example", { login: "sub-cm-7" });
    expect(r.provisioned).toBe(false);
    expect(r.actor.id).toBe(existing.id);
    expect(r.actor.name).toBe(existing.name);
    const link = getDb()
      .select()
      .from(schema.personIdentities)
      .where(and(eq(schema.personIdentities.personId, existing.id), eq(schema.personIdentities.subject, "sub-cm-7")))
      .get();
    expect(link).toBeTruthy();
  });

  it("offers the provider's end-session endpoint at logout", async () => {
    idp.setTokenMode("pass");
    const r = await signIn("contractmanager@zaanstad.example", { login: "sub-cm-7" });
    const url = await endSessionUrl(r.sessionId, ORIGIN);
    expect(url).toContain(`${idp.issuer}/session/end`);
    expect(url).toContain("id_token_hint=");
    expect(new URL(url!).searchParams.get("post_logout_redirect_uri")).toBe(`${ORIGIN}/login`);
  });
});

describe("refusals, each a Dutch message and a 4xx", () => {
  it("refuses an ID token issued for another application (wrong audience)", async () => {
    idp.setTokenMode("wrong-audience");
    const e = await refusal(signIn("contractmanager@zaanstad.example", { login: "sub-cm-7" }));
    idp.setTokenMode("pass");
    expect(e.status).toBe(401);
    expect(e.message).toMatch(/niet voor Ketenportaal/);
  });

  it("refuses a tampered ID token (signature does not match the provider's JWKS)", async () => {
    idp.setTokenMode("tampered");
    const e = await refusal(signIn("contractmanager@zaanstad.example", { login: "sub-cm-7" }));
    idp.setTokenMode("pass");
    expect(e.status).toBe(401);
    expect(e.message).toMatch(/handtekening/);
  });

  it("refuses an expired ID token", async () => {
    idp.setTokenMode("pass");
    // The provider issues tokens that live an hour; the portal's clock is two hours on
    // when the token arrives (the login flow itself lives ten minutes, so start it late too).
    const provider = providerForEmail("contractmanager@zaanstad.example")!;
    const { url, flowId } = await startSsoLogin({ provider, email: "contractmanager@zaanstad.example", redirectTo: "/", origin: ORIGIN });
    const callback = await signInAtProvider(url, "sub-cm-7", CALLBACK);
    getDb().update(schema.oidcFlows).set({ expiresAt: new Date(Date.now() + 3 * 3600_000).toISOString() }).where(eq(schema.oidcFlows.id, flowId)).run();
    setClock(new Date(Date.now() + 2 * 3600_000));
    const e = await refusal(finishSsoLogin({ flowId, currentUrl: callback }));
    resetClock();
    expect(e.status).toBe(401);
    expect(e.message).toMatch(/verlopen/);
  });

  it("refuses a callback whose state does not match the login started in this browser", async () => {
    idp.setTokenMode("pass");
    const e = await refusal(signIn("contractmanager@zaanstad.example", { login: "sub-cm-7", tweak: (cb) => cb.searchParams.set("state", "een-andere-state") }));
    expect(e.status).toBe(400);
    expect(e.message).toMatch(/past niet bij de inlogpoging/);
  });

  it("refuses a callback without the flow cookie of this browser", async () => {
    const e = await refusal(finishSsoLogin({ flowId: undefined, currentUrl: new URL(`${CALLBACK}?code=x&state=y`) }));
    expect(e.status).toBe(400);
    expect(e.message).toMatch(/niet in deze browser gestart/);
  });

  it("refuses a deactivated person, although the provider vouches for them", async () => {
    idp.setTokenMode("pass");
    const naleving = actor("naleving@zaanstad.example");
    setPersonActive({ actor: beheer, id: naleving.id, active: false });
    const e = await refusal(signIn("naleving@zaanstad.example"));
    setPersonActive({ actor: beheer, id: naleving.id, active: true });
    expect(e.status).toBe(403);
    expect(e.message).toMatch(/gedeactiveerd/);
    expect(getDb().select().from(schema.sessions).where(eq(schema.sessions.personId, naleving.id)).all()).toHaveLength(0);
  });

  it("refuses a person without an account when the organisation does not provision", async () => {
    saveProvider({ actor: beheer, organisationId: orgId, issuer: idp.issuer, clientId: idp.clientId, clientSecret: "", domains: "zaanstad.example", provision: false, provisionRole: "lezer", active: true });
    const e = await refusal(signIn("onbekend@zaanstad.example"));
    expect(e.status).toBe(403);
    expect(e.message).toMatch(/nog geen account/);
    expect(loadActorByEmail("onbekend@zaanstad.example")).toBeNull();
  });
});
