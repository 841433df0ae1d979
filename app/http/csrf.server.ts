// CSRF tokens bound to the session: token = HMAC-SHA256(secret, session id), or of the
// pre-session id (the `kp_csrf` cookie) before login. A cookie an attacker plants (from a
// sibling subdomain, say) together with the same form value no longer passes, because the
// attacker cannot compute the HMAC for the victim's session (issue 10, class 6).
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDir } from "~/utils/env.server";
import { CSRF_COOKIE, SESSION_COOKIE, parseCookies, safeEqual } from "./cookies.server";

const SECRET_FILE = "csrf-secret";
const cache = new Map<string, Buffer>();

/**
 * The HMAC key: `CSRF_SECRET` when set (at least 32 characters), otherwise a random key
 * generated once and kept in DATA_DIR/csrf-secret (mode 0600), so tokens survive a restart.
 */
export function csrfSecret(): Buffer {
  const fromEnv = process.env.CSRF_SECRET ?? "";
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error("CSRF_SECRET must be at least 32 characters");
    return Buffer.from(fromEnv, "utf8");
  }
  const file = path.join(dataDir(), SECRET_FILE);
  const cached = cache.get(file);
  if (cached) return cached;
  let secret: Buffer;
  try {
    secret = Buffer.from(fs.readFileSync(file, "utf8").trim(), "base64url");
  } catch {
    secret = Buffer.alloc(0);
  }
  if (secret.length < 32) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const fresh = crypto.randomBytes(32);
    try {
      // "wx": if another process created it in the meantime, use theirs.
      fs.writeFileSync(file, fresh.toString("base64url") + "\n", { mode: 0o600, flag: "wx" });
      secret = fresh;
    } catch {
      secret = Buffer.from(fs.readFileSync(file, "utf8").trim(), "base64url");
    }
  }
  cache.set(file, secret);
  return secret;
}

/** The token for one binding (a session id or a pre-session id). */
export function csrfTokenFor(binding: string): string {
  return crypto.createHmac("sha256", csrfSecret()).update(`kp-csrf:${binding}`).digest("base64url");
}

/** What the token is bound to: the session cookie when present, else the pre-session cookie. */
export function csrfBinding(cookieHeader: string | null | undefined): string | null {
  const cookies = parseCookies(cookieHeader ?? null);
  const session = cookies[SESSION_COOKIE];
  if (session) return `s:${session}`;
  const pre = cookies[CSRF_COOKIE];
  return pre ? `p:${pre}` : null;
}

/**
 * The token a page carries: bound to the session cookie when there is one, else to the
 * pre-session id (the `kp_csrf` cookie the server just read or set).
 */
export function csrfTokenForPage(cookieHeader: string | null | undefined, preSessionId: string): string {
  const session = parseCookies(cookieHeader ?? null)[SESSION_COOKIE];
  return csrfTokenFor(session ? `s:${session}` : `p:${preSessionId}`);
}

/** The token the page should carry for this request's cookies (null: no binding yet). */
export function csrfTokenForCookies(cookieHeader: string | null | undefined): string | null {
  const binding = csrfBinding(cookieHeader);
  return binding ? csrfTokenFor(binding) : null;
}

/** True when the sent form value is the token for this request's session (or pre-session). */
export function csrfValid(cookieHeader: string | null | undefined, sent: unknown): boolean {
  if (typeof sent !== "string" || !sent) return false;
  const expected = csrfTokenForCookies(cookieHeader);
  return expected !== null && safeEqual(expected, sent);
}
