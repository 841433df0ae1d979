import crypto from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import { and, eq, gt, sql } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import { prepared } from "~/db/prepared.server";
import { now } from "~/utils/clock.server";
import { loadActor, type Actor } from "./actor.server";
import { DomainError } from "./errors";

const SESSION_DAYS = 14;

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// A fixed hash to verify against when the e-mail is unknown, so response time does not
// reveal which accounts exist.
let dummyHash: Promise<string> | null = null;

type Attempt = { failures: number; firstAt: number };
const attempts = new Map<string, Attempt>();
const WINDOW_MS = 15 * 60 * 1000;
const MAX_PER_ACCOUNT = 5;
const MAX_PER_IP = 30;

function tooMany(key: string, max: number): boolean {
  const a = attempts.get(key);
  if (!a) return false;
  if (Date.now() - a.firstAt > WINDOW_MS) {
    attempts.delete(key);
    return false;
  }
  return a.failures >= max;
}

function fail(key: string) {
  const a = attempts.get(key);
  if (!a || Date.now() - a.firstAt > WINDOW_MS) attempts.set(key, { failures: 1, firstAt: Date.now() });
  else a.failures += 1;
}

export function resetLoginLimits(): void {
  attempts.clear();
}

/** Check credentials with rate limiting per account and per client address. */
export async function authenticate(input: { email: string; password: string; ip: string }): Promise<Actor> {
  const email = input.email.trim().toLowerCase();
  const accountKey = `acct:${email}`;
  const ipKey = `ip:${input.ip}`;
  if (tooMany(accountKey, MAX_PER_ACCOUNT) || tooMany(ipKey, MAX_PER_IP)) {
    throw new DomainError(429, "Te veel mislukte inlogpogingen. Probeer het over een kwartier opnieuw.");
  }
  const person = getDb()
    .select({ id: schema.people.id, hash: schema.people.passwordHash, active: schema.people.active })
    .from(schema.people)
    .where(eq(schema.people.email, email))
    .get();
  dummyHash ??= hash("not-a-password");
  const ok = await verify(person?.hash ?? (await dummyHash), input.password).catch(() => false);
  if (!person || !person.hash || !ok) {
    fail(accountKey);
    fail(ipKey);
    throw new DomainError(401, "Deze combinatie van e-mailadres en wachtwoord is onbekend.");
  }
  const actor = person.active ? loadActor(person.id) : null;
  if (!actor) throw new DomainError(403, "Dit account is gedeactiveerd. Neem contact op met een beheerder.");
  attempts.delete(accountKey);
  return actor;
}

export function createSession(personId: number, userAgent = ""): { id: string; expiresAt: Date } {
  const id = crypto.randomBytes(32).toString("base64url");
  const expiresAt = new Date(now().getTime() + SESSION_DAYS * 24 * 3600 * 1000);
  getDb()
    .insert(schema.sessions)
    .values({ id, personId, expiresAt: expiresAt.toISOString(), userAgent: userAgent.slice(0, 300) })
    .run();
  return { id, expiresAt };
}

/**
 * Within one turn of the event loop, the root loader and the route loader of one page ask for
 * the same session; the second gets the first's answer. The memo is dropped at the end of the
 * turn (setImmediate) and by every session change, so nothing older than the current request
 * is ever served. Callers opt in, and only for reads (GET/HEAD): an action may change the
 * person's rights before its loaders run.
 */
const memo = new Map<string, Actor | null>();
function remember(sessionId: string, actor: Actor | null): Actor | null {
  if (memo.size === 0) setImmediate(() => memo.clear());
  memo.set(sessionId, actor);
  return actor;
}

/** The actor behind a session id, or null when the session is unknown, expired or the person inactive. */
export function actorForSession(sessionId: string | undefined | null, opts: { reuseWithinTick?: boolean } = {}): Actor | null {
  if (!sessionId) return null;
  if (opts.reuseWithinTick && memo.has(sessionId)) return memo.get(sessionId)!;
  const db = getDb();
  const lookup = prepared(db, "session", (d) =>
    d
      .select({ personId: schema.sessions.personId })
      .from(schema.sessions)
      .where(and(eq(schema.sessions.id, sql.placeholder("id")), gt(schema.sessions.expiresAt, sql.placeholder("now"))))
      .prepare(),
  );
  const row = lookup.get({ id: sessionId, now: now().toISOString() });
  const actor = row ? loadActor(row.personId) : null;
  return opts.reuseWithinTick ? remember(sessionId, actor) : actor;
}

export function deleteSession(sessionId: string): void {
  memo.clear();
  getDb().delete(schema.sessions).where(eq(schema.sessions.id, sessionId)).run();
}

export function deleteSessionsOf(personId: number): number {
  memo.clear();
  return getDb().delete(schema.sessions).where(eq(schema.sessions.personId, personId)).run().changes;
}
