import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { dataDir } from "~/utils/env.server";
import { csrfSecret, csrfTokenFor, csrfTokenForPage, csrfValid } from "./csrf.server";

describe("CSRF token bound to the session", () => {
  it("accepts the HMAC of the session id, and only for that session", () => {
    const token = csrfTokenForPage("kp_session=abc; kp_csrf=pre1234567890123456", "pre1234567890123456");
    expect(csrfValid("kp_session=abc; kp_csrf=pre1234567890123456", token)).toBe(true);
    expect(csrfValid("kp_session=abd; kp_csrf=pre1234567890123456", token)).toBe(false);
    expect(token).not.toBe(csrfTokenFor("p:pre1234567890123456"));
  });

  it("refuses a planted kp_csrf cookie with the same value in the form (the old double submit)", () => {
    const planted = "attacker-chosen-value-123";
    expect(csrfValid(`kp_csrf=${planted}`, planted)).toBe(false);
    expect(csrfValid(`kp_session=s1; kp_csrf=${planted}`, planted)).toBe(false);
  });

  it("binds to the pre-session id before login", () => {
    const pre = "pre-session-id-0123456789";
    const token = csrfTokenForPage(`kp_csrf=${pre}`, pre);
    expect(csrfValid(`kp_csrf=${pre}`, token)).toBe(true);
    expect(csrfValid(`kp_csrf=other-pre-session-id-0000`, token)).toBe(false);
    expect(csrfValid(null, token)).toBe(false);
    expect(csrfValid(`kp_csrf=${pre}`, undefined)).toBe(false);
    expect(csrfValid(`kp_csrf=${pre}`, "")).toBe(false);
  });

  it("keeps a generated secret in DATA_DIR, or uses CSRF_SECRET", () => {
    const first = csrfSecret();
    expect(first.length).toBeGreaterThanOrEqual(32);
    const file = path.join(dataDir(), "csrf-secret");
    expect(fs.existsSync(file)).toBe(true);
    expect((fs.statSync(file).mode & 0o777).toString(8)).toBe("600");
    const before = csrfTokenFor("s:x");
    process.env.CSRF_SECRET = "x".repeat(40);
    try {
      expect(csrfTokenFor("s:x")).not.toBe(before);
      process.env.CSRF_SECRET = "short";
      expect(() => csrfTokenFor("s:x")).toThrow(/CSRF_SECRET/);
    } finally {
      delete process.env.CSRF_SECRET;
    }
    expect(csrfTokenFor("s:x")).toBe(before);
  });
});
