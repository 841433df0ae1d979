// Single sign-on with OpenID Connect (authorization code + PKCE) via openid-client.
// See docs/decisions/600-openid-connect-sso.md.
import crypto from "node:crypto";
import * as oidc from "openid-client";
import { and, eq, lt } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import { ROLES, type Role } from "~/db/schema";
import { clockOffsetSeconds, now } from "~/utils/clock.server";
import { loadActor, type Actor } from "../actor.server";
import { audit } from "../audit.server";
import { createSession } from "../auth.server";
import { DomainError, badRequest, notFound } from "../errors";
import { assertCanAdminister } from "../policy.server";
import { enqueueSearch } from "../search-outbox.server";

const FLOW_MINUTES = 10;
export const SSO_FLOW_COOKIE = "kp_sso";
/** After logout of an SSO session: the provider's end-session URL, offered on the login page. */
export const SSO_LOGOUT_COOKIE = "kp_sso_end";
export const CALLBACK_PATH = "/login/sso/callback";

export type IdentityProvider = typeof schema.identityProviders.$inferSelect;

export type ProviderInput = {
  organisationId: number;
  issuer: string;
  clientId: string;
  clientSecret: string;
  domains: string;
  provision: boolean;
  provisionRole: Role;
  active: boolean;
};

function normaliseDomains(raw: string): string[] {
  return raw
    .split(/[\s,;]+/)
    .map((d) => d.trim().toLowerCase().replace(/^@/, ""))
    .filter(Boolean);
}

function domainOf(email: string): string {
  return email.trim().toLowerCase().split("@").pop() ?? "";
}

// ------------------------------------------------------------------ configuration (beheerder)

export function getProviderForOrganisation(input: { actor: Actor; organisationId: number }): IdentityProvider | null {
  assertCanAdminister(input.actor);
  return (
    getDb().select().from(schema.identityProviders).where(eq(schema.identityProviders.organisationId, input.organisationId)).get() ?? null
  );
}

/** Create or replace the organisation's provider. An empty secret keeps the stored one. */
export function saveProvider(input: { actor: Actor } & ProviderInput): number {
  assertCanAdminister(input.actor);
  let issuer: URL;
  try {
    issuer = new URL(input.issuer.trim());
  } catch {
    throw badRequest("Controleer de gemarkeerde velden.", { issuer: "Vul een geldige URL in, bijvoorbeeld https://login.microsoftonline.com/…/v2.0." });
  }
  if (issuer.protocol !== "https:" && !isLoopback(issuer)) {
    throw badRequest("Controleer de gemarkeerde velden.", { issuer: "De issuer-URL moet met https:// beginnen." });
  }
  const domains = normaliseDomains(input.domains);
  if (!domains.length || domains.some((d) => !/^[a-z0-9.-]+\.[a-z]{2,}$/.test(d))) {
    throw badRequest("Controleer de gemarkeerde velden.", { domains: "Vul een of meer e-maildomeinen in, gescheiden door komma's (bijvoorbeeld zaanstad.nl)." });
  }
  if (!ROLES.includes(input.provisionRole)) throw badRequest("Controleer de gemarkeerde velden.", { provisionRole: "Kies een rol." });
  const db = getDb();
  const existing = db.select().from(schema.identityProviders).where(eq(schema.identityProviders.organisationId, input.organisationId)).get();
  const taken = db.select({ organisationId: schema.identityProviders.organisationId, domains: schema.identityProviders.domains }).from(schema.identityProviders).all();
  for (const t of taken) {
    if (t.organisationId === input.organisationId) continue;
    const clash = normaliseDomains(t.domains).find((d) => domains.includes(d));
    if (clash) throw badRequest("Controleer de gemarkeerde velden.", { domains: `Het domein ${clash} is al gekoppeld aan een andere organisatie.` });
  }
  const secret = input.clientSecret.trim() || existing?.clientSecret;
  if (!secret) throw badRequest("Controleer de gemarkeerde velden.", { clientSecret: "Vul het client secret in." });
  const values = {
    organisationId: input.organisationId,
    issuer: issuer.href.replace(/\/$/, ""),
    clientId: input.clientId.trim(),
    clientSecret: secret,
    domains: domains.join(","),
    provision: input.provision,
    provisionRole: input.provisionRole,
    active: input.active,
  };
  if (!values.clientId) throw badRequest("Controleer de gemarkeerde velden.", { clientId: "Vul de client-id in." });
  return db.transaction((tx) => {
    const id = existing
      ? (tx.update(schema.identityProviders).set(values).where(eq(schema.identityProviders.id, existing.id)).run(), existing.id)
      : tx.insert(schema.identityProviders).values(values).returning({ id: schema.identityProviders.id }).get().id;
    audit(
      {
        actorId: input.actor.id,
        action: existing ? "inlogdienst gewijzigd" : "inlogdienst ingesteld",
        entityType: "organisatie",
        entityId: input.organisationId,
        // Never the secret in the audit log.
        after: { ...values, clientSecret: "••••" },
      },
      tx,
    );
    configCache.delete(id);
    return id;
  });
}

// ------------------------------------------------------------------ home-realm discovery

/** The active provider that serves this e-mail address's domain, if any. */
export function providerForEmail(email: string): IdentityProvider | null {
  const domain = domainOf(email);
  if (!domain) return null;
  const all = getDb().select().from(schema.identityProviders).where(eq(schema.identityProviders.active, true)).all();
  return all.find((p) => normaliseDomains(p.domains).includes(domain)) ?? null;
}

// ------------------------------------------------------------------ the flow

function isLoopback(url: URL): boolean {
  return url.hostname === "127.0.0.1" || url.hostname === "localhost" || url.hostname === "[::1]";
}

const configCache = new Map<number, { key: string; config: oidc.Configuration }>();

async function configFor(p: IdentityProvider): Promise<oidc.Configuration> {
  // Token expiry is judged by the portal's clock (KP_NOW in tests and demos), so the
  // clock offset is part of the client metadata and of the cache key.
  const skew = clockOffsetSeconds();
  const key = `${p.issuer}|${p.clientId}|${p.clientSecret}|${skew}`;
  const cached = configCache.get(p.id);
  if (cached?.key === key) return cached.config;
  const issuer = new URL(p.issuer);
  let config: oidc.Configuration;
  try {
    config = await oidc.discovery(issuer, p.clientId, { client_secret: p.clientSecret, [oidc.clockSkew]: skew }, undefined, {
      // Plain http only for a provider on this machine (development and tests).
      execute: isLoopback(issuer) && issuer.protocol === "http:" ? [oidc.allowInsecureRequests] : [],
    });
  } catch {
    throw new DomainError(422, "De inlogdienst van uw organisatie is nu niet bereikbaar. Probeer het later opnieuw of neem contact op met een beheerder.");
  }
  // Check the ID token's signature against the provider's JWKS as well, not only TLS.
  oidc.enableNonRepudiationChecks(config);
  configCache.set(p.id, { key, config });
  return config;
}


/** Start a login at the provider: returns the URL to send the browser to and the flow id for a cookie. */
export async function startSsoLogin(input: {
  provider: IdentityProvider;
  email: string;
  redirectTo: string;
  /** The portal's origin, see portalOrigin() in app/http/request.server.ts. */
  origin: string;
}): Promise<{ url: string; flowId: string }> {
  const redirectUri = `${input.origin}${CALLBACK_PATH}`;
  const config = await configFor(input.provider);
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const flowId = crypto.randomBytes(24).toString("base64url");
  const db = getDb();
  db.delete(schema.oidcFlows).where(lt(schema.oidcFlows.expiresAt, now().toISOString())).run();
  db.insert(schema.oidcFlows)
    .values({
      id: flowId,
      providerId: input.provider.id,
      state,
      nonce,
      codeVerifier,
      redirectTo: input.redirectTo,
      redirectUri,
      expiresAt: new Date(now().getTime() + FLOW_MINUTES * 60_000).toISOString(),
    })
    .run();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: "openid email profile",
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    state,
    nonce,
    login_hint: input.email.trim().toLowerCase(),
  });
  return { url: url.href, flowId };
}

/** Why openid-client refused the response, in words a person can act on. */
function refusalFor(e: unknown): DomainError {
  const code = (e as { code?: string }).code ?? "";
  // oauth4webapi puts the specific reason in the cause.
  const cause = (e as { cause?: unknown }).cause;
  const msg = [e, cause].map((x) => (x instanceof Error ? x.message : "")).join(" ");
  if (e instanceof oidc.AuthorizationResponseError) {
    return new DomainError(401, "De inlogdienst van uw organisatie heeft het inloggen geweigerd of afgebroken. Probeer het opnieuw.");
  }
  if (/state/i.test(msg)) {
    return new DomainError(400, "Deze inlogpoging past niet bij de inlogpoging die in deze browser is gestart. Begin opnieuw bij de inlogpagina.");
  }
  if (code === "OAUTH_JWT_TIMESTAMP_CHECK_FAILED" || /"exp"|expired/i.test(msg)) {
    return new DomainError(401, "Het inlogbewijs van uw organisatie is verlopen. Begin opnieuw bij de inlogpagina.");
  }
  if (code === "OAUTH_JWT_CLAIM_COMPARISON_FAILED" || /"aud"|"iss"|audience|issuer/i.test(msg)) {
    return new DomainError(401, "Het inlogbewijs is niet voor Ketenportaal of niet van de ingestelde inlogdienst afgegeven. U bent niet ingelogd.");
  }
  if (code === "OAUTH_JWS_SIGNATURE_VERIFICATION_FAILED" || /signature/i.test(msg)) {
    return new DomainError(401, "De handtekening van het inlogbewijs klopt niet. U bent niet ingelogd.");
  }
  return new DomainError(401, "Het inlogbewijs van uw organisatie kon niet worden gecontroleerd. U bent niet ingelogd.");
}

export type SsoResult = { actor: Actor; sessionId: string; redirectTo: string; provisioned: boolean };

/**
 * Finish the login on return from the provider: the flow from this browser's cookie, the
 * state, nonce and PKCE checks and the ID token validation (issuer, audience, expiry,
 * signature) by openid-client; then match or provision the person and open a session.
 */
export async function finishSsoLogin(input: { flowId: string | undefined; currentUrl: URL; userAgent?: string }): Promise<SsoResult> {
  const db = getDb();
  const flow = input.flowId ? db.select().from(schema.oidcFlows).where(eq(schema.oidcFlows.id, input.flowId)).get() : undefined;
  if (!flow || flow.expiresAt < now().toISOString()) {
    throw new DomainError(400, "Deze inlogpoging is verlopen of niet in deze browser gestart. Begin opnieuw bij de inlogpagina.");
  }
  // A flow is used once, whatever the outcome.
  db.delete(schema.oidcFlows).where(eq(schema.oidcFlows.id, flow.id)).run();
  const provider = db.select().from(schema.identityProviders).where(and(eq(schema.identityProviders.id, flow.providerId), eq(schema.identityProviders.active, true))).get();
  if (!provider) throw notFound("De inlogdienst van deze organisatie is uitgeschakeld. Neem contact op met een beheerder.");
  const config = await configFor(provider);
  // Rebuild the callback at the address we sent, so the redirect_uri compared by the
  // provider is the same even behind a proxy.
  const current = new URL(flow.redirectUri);
  current.search = input.currentUrl.search;
  let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
  try {
    tokens = await oidc.authorizationCodeGrant(config, current, {
      pkceCodeVerifier: flow.codeVerifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
  } catch (e) {
    throw refusalFor(e);
  }
  const claims = tokens.claims();
  const idToken = tokens.id_token;
  if (!claims || !idToken) throw new DomainError(401, "De inlogdienst gaf geen inlogbewijs terug. U bent niet ingelogd.");
  let profile: Record<string, unknown> = claims;
  // Providers that follow the spec strictly keep e-mail and name for the userinfo endpoint.
  if (typeof claims.email !== "string" && tokens.access_token) {
    try {
      profile = { ...(await oidc.fetchUserInfo(config, tokens.access_token, claims.sub)), ...claims };
    } catch (e) {
      throw refusalFor(e);
    }
  }
  const email = typeof profile.email === "string" ? profile.email.trim().toLowerCase() : "";
  const name = typeof profile.name === "string" && profile.name.trim() ? profile.name.trim() : email;
  const { personId, provisioned } = matchPerson({ provider, subject: claims.sub, email, name });
  const actor = loadActor(personId);
  if (!actor) throw new DomainError(403, "Dit account is gedeactiveerd. Neem contact op met een beheerder.");
  const session = createSession(actor.id, input.userAgent ?? "");
  db.insert(schema.sessionSso).values({ sessionId: session.id, providerId: provider.id, idToken }).run();
  audit({ actorId: actor.id, action: "ingelogd via inlogdienst", entityType: "persoon", entityId: actor.id, after: { providerId: provider.id } });
  return { actor, sessionId: session.id, redirectTo: flow.redirectTo, provisioned };
}

/** By the provider's subject once known, else by e-mail (within the provider's domains), else provision. */
function matchPerson(input: { provider: IdentityProvider; subject: string; email: string; name: string }): { personId: number; provisioned: boolean } {
  const db = getDb();
  const known = db
    .select({ personId: schema.personIdentities.personId })
    .from(schema.personIdentities)
    .where(and(eq(schema.personIdentities.providerId, input.provider.id), eq(schema.personIdentities.subject, input.subject)))
    .get();
  if (known) return { personId: known.personId, provisioned: false };
  if (!input.email || !normaliseDomains(input.provider.domains).includes(domainOf(input.email))) {
    throw new DomainError(403, "Uw organisatie-account heeft geen e-mailadres binnen de domeinen van deze inlogdienst. Neem contact op met een beheerder.");
  }
  const byEmail = db.select({ id: schema.people.id }).from(schema.people).where(eq(schema.people.email, input.email)).get();
  if (byEmail) {
    const linked = db
      .select({ subject: schema.personIdentities.subject })
      .from(schema.personIdentities)
      .where(and(eq(schema.personIdentities.providerId, input.provider.id), eq(schema.personIdentities.personId, byEmail.id)))
      .get();
    // Someone else at the provider now carries this address: do not hand over the account.
    if (linked) throw new DomainError(403, "Dit e-mailadres hoort in Ketenportaal bij een ander organisatie-account. Neem contact op met een beheerder.");
    db.insert(schema.personIdentities).values({ personId: byEmail.id, providerId: input.provider.id, subject: input.subject }).run();
    return { personId: byEmail.id, provisioned: false };
  }
  if (!input.provider.provision) {
    throw new DomainError(403, "U heeft nog geen account in Ketenportaal. Vraag een beheerder van uw organisatie om u toe te voegen.");
  }
  const personId = db.transaction((tx) => {
    const row = tx
      .insert(schema.people)
      .values({ name: input.name, email: input.email, organisationId: input.provider.organisationId, passwordHash: null })
      .returning({ id: schema.people.id })
      .get();
    tx.insert(schema.personRoles).values({ personId: row.id, role: input.provider.provisionRole }).run();
    tx.insert(schema.personIdentities).values({ personId: row.id, providerId: input.provider.id, subject: input.subject }).run();
    audit(
      {
        actorId: null,
        action: "persoon aangemaakt bij eerste inlog",
        entityType: "persoon",
        entityId: row.id,
        after: { name: input.name, email: input.email, organisationId: input.provider.organisationId, roles: [input.provider.provisionRole] },
      },
      tx,
    );
    enqueueSearch(tx, "person", row.id);
    return row.id;
  });
  return { personId, provisioned: true };
}

/**
 * Where to send the browser after the portal session of `sessionId` is ended: the provider's
 * end-session endpoint when the session came from SSO and the provider has one.
 * Call before deleting the session (the row cascades).
 */
export async function endSessionUrl(sessionId: string, origin: string): Promise<string | null> {
  const db = getDb();
  const row = db.select().from(schema.sessionSso).where(eq(schema.sessionSso.sessionId, sessionId)).get();
  if (!row) return null;
  const provider = db.select().from(schema.identityProviders).where(eq(schema.identityProviders.id, row.providerId)).get();
  if (!provider) return null;
  try {
    const config = await configFor(provider);
    if (!config.serverMetadata().end_session_endpoint) return null;
    return oidc.buildEndSessionUrl(config, { id_token_hint: row.idToken, post_logout_redirect_uri: `${origin}/login` }).href;
  } catch {
    return null;
  }
}

/** Tests reset discovery between providers on reused ids. */
export function clearSsoCache(): void {
  configCache.clear();
}
