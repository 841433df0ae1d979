// Accounts without SSO: invitation and reset links (single use, limited life, only a hash
// stored), and a TOTP second factor (otpauth) with recovery codes. Beheerders must have a
// second factor; for others it is optional. See docs/decisions/602-accounts-links-and-totp.md.
import crypto from "node:crypto";
import * as OTPAuth from "otpauth";
import { and, eq, isNull, lt } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import { now, nowIso } from "~/utils/clock.server";
import type { Actor } from "../actor.server";
import { loadActor } from "../actor.server";
import { audit } from "../audit.server";
import { createSession, hashPassword } from "../auth.server";
import { DomainError, badRequest, notFound } from "../errors";
import { assertCanAdminister } from "../policy.server";
import { publicUrl } from "../notify.server";

export const INVITATION_HOURS = 72;
export const RESET_HOURS = 2;
const CHALLENGE_MINUTES = 10;
const MAX_CODE_ATTEMPTS = 5;
const ISSUER = "Ketenportaal Zaanstad";

const sha256 = (s: string) => crypto.createHash("sha256").update(s).digest("hex");
const hours = (h: number) => new Date(now().getTime() + h * 3600_000).toISOString();

// ------------------------------------------------------------------ one-time links

function issueToken(personId: number, purpose: "uitnodiging" | "herstel"): string {
  const token = crypto.randomBytes(32).toString("base64url");
  const db = getDb();
  // A new link replaces older unused ones of the same kind.
  db.delete(schema.accountTokens)
    .where(and(eq(schema.accountTokens.personId, personId), eq(schema.accountTokens.purpose, purpose), isNull(schema.accountTokens.usedAt)))
    .run();
  db.insert(schema.accountTokens)
    .values({ tokenHash: sha256(token), personId, purpose, expiresAt: hours(purpose === "uitnodiging" ? INVITATION_HOURS : RESET_HOURS) })
    .run();
  return token;
}

function queueMail(person: { id: number; email: string; name: string }, subject: string, body: string) {
  getDb()
    .insert(schema.emails)
    .values({ personId: person.id, to: person.email, subject: `[Ketenportaal] ${subject}`, text: `Beste ${person.name},\n\n${body}\n\n-- \nDit bericht is automatisch verstuurd door Ketenportaal.`, createdAt: nowIso() })
    .run();
}

export function passwordLink(token: string, origin = publicUrl()): string {
  return `${origin}/wachtwoord-instellen/${token}`;
}

/** A beheerder invites a person: an e-mail with a link to set a password, valid 72 hours. */
export function sendInvitation(input: { actor: Actor; personId: number; origin?: string }): { token: string } {
  assertCanAdminister(input.actor);
  const person = getDb().select().from(schema.people).where(eq(schema.people.id, input.personId)).get();
  if (!person || !person.active) throw notFound("Deze persoon bestaat niet of is gedeactiveerd.");
  const token = issueToken(person.id, "uitnodiging");
  queueMail(
    person,
    "Uitnodiging voor Ketenportaal",
    `${input.actor.name} heeft u toegevoegd aan Ketenportaal, het portaal van de gemeente Zaanstad, de Sociale Wijkteams en hun ketenpartners.\n\nKies uw wachtwoord via deze link (${INVITATION_HOURS} uur geldig, één keer te gebruiken):\n${passwordLink(token, input.origin)}`,
  );
  audit({ actorId: input.actor.id, action: "uitnodiging verstuurd", entityType: "persoon", entityId: person.id });
  return { token };
}

/**
 * "Wachtwoord vergeten?": always the same answer; only an active person with that address
 * gets an e-mail. Returns the token for tests (never shown to the requester).
 */
export function requestPasswordReset(input: { email: string; origin?: string }): { token: string | null } {
  const email = input.email.trim().toLowerCase();
  const person = getDb().select().from(schema.people).where(eq(schema.people.email, email)).get();
  if (!person || !person.active) return { token: null };
  const token = issueToken(person.id, "herstel");
  queueMail(
    person,
    "Nieuw wachtwoord instellen",
    `Er is gevraagd om een nieuw wachtwoord voor uw account. Kies het via deze link (${RESET_HOURS} uur geldig, één keer te gebruiken):\n${passwordLink(token, input.origin)}\n\nHeeft u dit niet gevraagd? Dan kunt u dit bericht negeren; uw wachtwoord blijft zoals het is.`,
  );
  return { token };
}

const LINK_INVALID = "Deze link is ongeldig, al gebruikt of verlopen. Vraag een nieuwe aan via “Wachtwoord vergeten?” of bij een beheerder.";

/** Whether a link can still be used (for the page that shows the form). */
export function checkPasswordToken(token: string): { purpose: "uitnodiging" | "herstel"; email: string } {
  const row = getDb()
    .select({ purpose: schema.accountTokens.purpose, expiresAt: schema.accountTokens.expiresAt, usedAt: schema.accountTokens.usedAt, email: schema.people.email, active: schema.people.active })
    .from(schema.accountTokens)
    .innerJoin(schema.people, eq(schema.accountTokens.personId, schema.people.id))
    .where(eq(schema.accountTokens.tokenHash, sha256(token)))
    .get();
  if (!row || row.usedAt || row.expiresAt < nowIso() || !row.active) throw new DomainError(400, LINK_INVALID);
  return { purpose: row.purpose, email: row.email };
}

/** Set the password with a link: single use (claimed atomically), then every old session ends. */
export async function setPasswordWithToken(input: { token: string; password: string }): Promise<{ personId: number }> {
  if (input.password.length < 10) throw badRequest("Controleer de gemarkeerde velden.", { password: "Kies een wachtwoord van minstens 10 tekens." });
  checkPasswordToken(input.token);
  const hash = await hashPassword(input.password);
  const db = getDb();
  return db.transaction((tx) => {
    // Claim the link in the same statement that checks it, so two tabs cannot both use it.
    const claimed = tx
      .update(schema.accountTokens)
      .set({ usedAt: nowIso() })
      .where(and(eq(schema.accountTokens.tokenHash, sha256(input.token)), isNull(schema.accountTokens.usedAt)))
      .returning({ personId: schema.accountTokens.personId, expiresAt: schema.accountTokens.expiresAt })
      .get();
    if (!claimed || claimed.expiresAt < nowIso()) throw new DomainError(400, LINK_INVALID);
    tx.update(schema.people).set({ passwordHash: hash }).where(eq(schema.people.id, claimed.personId)).run();
    tx.delete(schema.sessions).where(eq(schema.sessions.personId, claimed.personId)).run();
    audit({ actorId: claimed.personId, action: "wachtwoord ingesteld via link", entityType: "persoon", entityId: claimed.personId }, tx);
    return { personId: claimed.personId };
  });
}

// ------------------------------------------------------------------ TOTP

function totp(secret: string, label: string): OTPAuth.TOTP {
  return new OTPAuth.TOTP({ issuer: ISSUER, label, algorithm: "SHA1", digits: 6, period: 30, secret: OTPAuth.Secret.fromBase32(secret) });
}

function factorOf(personId: number) {
  return getDb().select().from(schema.secondFactors).where(eq(schema.secondFactors.personId, personId)).get();
}

export function hasSecondFactor(personId: number): boolean {
  return !!factorOf(personId)?.confirmedAt;
}

/** What the login needs after the password: nothing, a code, or setting one up first (beheerders). */
export function secondFactorStep(actor: Actor): "none" | "code" | "enrol" {
  if (hasSecondFactor(actor.id)) return "code";
  return actor.roles.includes("beheerder") ? "enrol" : "none";
}

/** Start (or restart) setting up an authenticator app: a new secret, not active until confirmed. */
export function beginTotpEnrolment(input: { personId: number }): { secret: string; uri: string } {
  const person = getDb().select({ email: schema.people.email }).from(schema.people).where(eq(schema.people.id, input.personId)).get();
  if (!person) throw notFound();
  const existing = factorOf(input.personId);
  if (existing?.confirmedAt) throw new DomainError(409, "U heeft al een authenticator-app ingesteld.");
  const secret = existing?.secret ?? new OTPAuth.Secret({ size: 20 }).base32;
  if (!existing) getDb().insert(schema.secondFactors).values({ personId: input.personId, secret }).run();
  return { secret, uri: totp(secret, person.email).toString() };
}

/** Accept a code for the secret; returns the time step so it cannot be replayed. */
function acceptCode(factor: { secret: string; lastStep: number }, code: string): number | null {
  const token = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  // Real time, not the portal's clock: the phone's app knows nothing of KP_NOW.
  const ts = Date.now();
  const delta = totp(factor.secret, "x").validate({ token, timestamp: ts, window: 1 });
  if (delta === null) return null;
  const step = Math.floor(ts / 30_000) + delta;
  return step > factor.lastStep ? step : null;
}

/** Confirm the app with a first code; returns ten recovery codes (shown once). */
export function confirmTotpEnrolment(input: { personId: number; code: string }): { recoveryCodes: string[] } {
  const factor = factorOf(input.personId);
  if (!factor) throw badRequest("Begin opnieuw met het instellen van uw authenticator-app.");
  if (factor.confirmedAt) throw new DomainError(409, "U heeft al een authenticator-app ingesteld.");
  const step = acceptCode(factor, input.code);
  if (step === null) throw badRequest("Controleer de gemarkeerde velden.", { code: "Deze code klopt niet. Vul de zes cijfers in die de app nu toont." });
  const codes = Array.from({ length: 10 }, () => crypto.randomBytes(5).toString("hex").replace(/(.{5})/, "$1-"));
  getDb().transaction((tx) => {
    tx.update(schema.secondFactors).set({ confirmedAt: nowIso(), lastStep: step }).where(eq(schema.secondFactors.personId, input.personId)).run();
    tx.delete(schema.recoveryCodes).where(eq(schema.recoveryCodes.personId, input.personId)).run();
    for (const c of codes) tx.insert(schema.recoveryCodes).values({ personId: input.personId, codeHash: sha256(c) }).run();
    audit({ actorId: input.personId, action: "tweede factor ingesteld", entityType: "persoon", entityId: input.personId }, tx);
  });
  return { recoveryCodes: codes };
}

/** A second factor is optional for people who are not beheerder; they may turn it off. */
export function removeSecondFactor(input: { actor: Actor }): void {
  if (input.actor.roles.includes("beheerder")) throw new DomainError(403, "Voor beheerders is de tweede stap verplicht; u kunt hem niet uitzetten.");
  getDb().delete(schema.secondFactors).where(eq(schema.secondFactors.personId, input.actor.id)).run();
  getDb().delete(schema.recoveryCodes).where(eq(schema.recoveryCodes.personId, input.actor.id)).run();
  audit({ actorId: input.actor.id, action: "tweede factor verwijderd", entityType: "persoon", entityId: input.actor.id });
}

// ------------------------------------------------------------------ the login's second step

/** After a correct password: a challenge instead of a session, for the code (or enrolment). */
export function createLoginChallenge(input: { personId: number; redirectTo: string }): string {
  const id = crypto.randomBytes(24).toString("base64url");
  const db = getDb();
  db.delete(schema.loginChallenges).where(lt(schema.loginChallenges.expiresAt, nowIso())).run();
  db.insert(schema.loginChallenges)
    .values({ id, personId: input.personId, redirectTo: input.redirectTo, expiresAt: new Date(now().getTime() + CHALLENGE_MINUTES * 60_000).toISOString() })
    .run();
  return id;
}

export function loadChallenge(id: string | undefined): { id: string; actor: Actor; redirectTo: string; step: "code" | "enrol" } {
  const row = id ? getDb().select().from(schema.loginChallenges).where(eq(schema.loginChallenges.id, id)).get() : undefined;
  if (!row || row.expiresAt < nowIso()) throw new DomainError(400, "Deze inlogstap is verlopen. Log opnieuw in met uw e-mailadres en wachtwoord.");
  const actor = loadActor(row.personId);
  if (!actor) throw new DomainError(403, "Dit account is gedeactiveerd. Neem contact op met een beheerder.");
  const step = secondFactorStep(actor);
  return { id: row.id, actor, redirectTo: row.redirectTo, step: step === "none" ? "code" : step };
}

/** The code from the app or a recovery code; on success the challenge becomes a session. */
export function completeLoginChallenge(input: { challengeId: string | undefined; code: string; userAgent?: string }): { sessionId: string; redirectTo: string; usedRecoveryCode: boolean } {
  const c = loadChallenge(input.challengeId);
  if (c.step !== "code") throw new DomainError(409, "Stel eerst uw authenticator-app in.");
  const db = getDb();
  const row = db.select().from(schema.loginChallenges).where(eq(schema.loginChallenges.id, c.id)).get()!;
  if (row.attempts >= MAX_CODE_ATTEMPTS) {
    db.delete(schema.loginChallenges).where(eq(schema.loginChallenges.id, c.id)).run();
    throw new DomainError(429, "Te veel onjuiste codes. Log opnieuw in met uw e-mailadres en wachtwoord.");
  }
  const factor = factorOf(c.actor.id)!;
  const code = input.code.trim();
  let usedRecoveryCode = false;
  const step = acceptCode(factor, code);
  if (step !== null) {
    db.update(schema.secondFactors).set({ lastStep: step }).where(eq(schema.secondFactors.personId, c.actor.id)).run();
  } else {
    const used = db
      .update(schema.recoveryCodes)
      .set({ usedAt: nowIso() })
      .where(and(eq(schema.recoveryCodes.personId, c.actor.id), eq(schema.recoveryCodes.codeHash, sha256(code.toLowerCase())), isNull(schema.recoveryCodes.usedAt)))
      .returning({ id: schema.recoveryCodes.id })
      .get();
    if (!used) {
      db.update(schema.loginChallenges).set({ attempts: row.attempts + 1 }).where(eq(schema.loginChallenges.id, c.id)).run();
      throw badRequest("Controleer de gemarkeerde velden.", { code: "Deze code klopt niet. Vul de zes cijfers uit uw authenticator-app in, of een herstelcode." });
    }
    usedRecoveryCode = true;
    audit({ actorId: c.actor.id, action: "ingelogd met herstelcode", entityType: "persoon", entityId: c.actor.id });
  }
  db.delete(schema.loginChallenges).where(eq(schema.loginChallenges.id, c.id)).run();
  const session = createSession(c.actor.id, input.userAgent ?? "");
  return { sessionId: session.id, redirectTo: c.redirectTo, usedRecoveryCode };
}

/** Enrolment during login (beheerders without a factor): confirm, then the session. */
export function completeEnrolmentChallenge(input: { challengeId: string | undefined; code: string; userAgent?: string }): { sessionId: string; redirectTo: string; recoveryCodes: string[] } {
  const c = loadChallenge(input.challengeId);
  if (c.step !== "enrol") throw new DomainError(409, "U heeft al een authenticator-app ingesteld; vul de code in.");
  const { recoveryCodes } = confirmTotpEnrolment({ personId: c.actor.id, code: input.code });
  getDb().delete(schema.loginChallenges).where(eq(schema.loginChallenges.id, c.id)).run();
  const session = createSession(c.actor.id, input.userAgent ?? "");
  return { sessionId: session.id, redirectTo: c.redirectTo, recoveryCodes };
}

