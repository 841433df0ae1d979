// Shared e2e harness. Every spec file gets its own portal (fresh data dir, demo seed) and an
// in-process SMTP server (PortalPerFile); every page a test visits is checked with axe afterwards.
import { test as base, expect, type APIRequestContext, type Browser, type Locator, type Page } from "@playwright/test";
import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import * as OTPAuth from "otpauth";
import { startPortal, type Portal } from "../support/portal";
import { startSmtp, type MailCatcher } from "../support/smtp";

export const DEMO_PASSWORD = "demo";
/** Demo beheerders' TOTP secret (app/domain/seed/world.server.ts). */
export const DEMO_TOTP_SECRET = "KETENPORTAALDEMOBEHEERZAANSTAD22";

/** The code a demo beheerder's authenticator app shows now (by the portal's clock). */
export function demoTotpCode(offsetMs = 0): string {
  return OTPAuth.TOTP.generate({ secret: OTPAuth.Secret.fromBase32(DEMO_TOTP_SECRET), timestamp: Date.now() + offsetMs });
}

// The portal refuses a code twice (replay), and several tests sign in as the same beheerder
// within one 30-second period: try this period's code, then the next one's (accepted as
// clock drift), then wait for a fresh period.
const CODE_OFFSETS = [0, 30_000, -1, 0, 30_000];
async function withCodes(attempt: (code: string) => Promise<boolean>): Promise<void> {
  for (const offset of CODE_OFFSETS) {
    if (offset < 0) {
      await new Promise((r) => setTimeout(r, 30_000 - (Date.now() % 30_000) + 200));
      continue;
    }
    if (await attempt(demoTotpCode(offset))) return;
  }
  throw new Error("the demo TOTP code was refused");
}

/** Beheerders get a second step after the password; fill in the demo code when asked. */
export async function passSecondStep(p: Page): Promise<void> {
  const code = p.getByLabel("Code");
  await expect(p.getByRole("button", { name: "Uitloggen" }).or(code)).toBeVisible();
  if (!(await code.isVisible())) return;
  await withCodes(async (c) => {
    await code.fill(c);
    // Judge by the answer to this post, not by what the page showed after an earlier try.
    const [answer] = await Promise.all([
      p.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname.startsWith("/login/tweede-stap")),
      p.getByRole("button", { name: "Inloggen" }).click(),
    ]);
    if (answer.status() >= 400) return false;
    await expect(p.getByRole("button", { name: "Uitloggen" })).toBeVisible();
    return true;
  });
}
export const E2E_NOW = "2026-11-23T09:00:00Z";

type Shared = { file: string; portal: Portal; mail: MailCatcher };

/**
 * One portal (fresh data dir, demo seed, its own SMTP catcher) per spec FILE, not per worker:
 * a worker runs several files one after another, and which files share a worker depends on
 * timing, so state one file leaves behind (a running proposal on a document, a changed
 * setting) must never reach another. Tests within a file share it, in order.
 */
export class PortalPerFile {
  private current: Shared | null = null;

  async for(file: string): Promise<Shared> {
    if (this.current?.file === file) return this.current;
    await this.stop();
    const mail = await startSmtp();
    // A fixed start time keeps the demo's dates (consultation deadlines, overdue signals)
    // meaningful whenever the suite runs; the clock runs on from there.
    const portal = await startPortal({ env: { SMTP_URL: mail.url, KP_NOW: E2E_NOW } });
    this.current = { file, portal, mail };
    return this.current;
  }

  async stop(): Promise<void> {
    const done = this.current;
    this.current = null;
    if (!done) return;
    await done.portal.stop();
    await done.mail.close();
    fs.rmSync(done.portal.dataDir, { recursive: true, force: true });
  }
}

type WorkerFixtures = { portals: PortalPerFile };
type TestFixtures = {
  /** This spec file's portal (see PortalPerFile). */
  portal: Portal;
  /** The SMTP catcher this spec file's portal delivers to. */
  mail: MailCatcher;
  /** Log the page in as a demo account (password "demo"). */
  login: (email: string, page?: Page) => Promise<void>;
  /** Paths visited in this test; each is checked with axe after the test. */
  visited: Set<string>;
  /** Turn the automatic axe check off for a test that visits no portal pages. */
  checkA11y: boolean;
  /** Runs the axe check after every test (an auto fixture: hooks in this module would only reach one file per worker). */
  axeAfterTest: void;
};

export const test = base.extend<TestFixtures, WorkerFixtures>({
  portals: [
    async ({}, use) => {
      const portals = new PortalPerFile();
      await use(portals);
      await portals.stop();
    },
    { scope: "worker", timeout: 90_000 },
  ],
  portal: [
    async ({ portals }, use, testInfo) => {
      await use((await portals.for(testInfo.file)).portal);
    },
    { timeout: 90_000 },
  ],
  mail: async ({ portals }, use, testInfo) => {
    await use((await portals.for(testInfo.file)).mail);
  },
  baseURL: async ({ portal }, use) => {
    await use(portal.baseURL);
  },
  checkA11y: [true, { option: true }],
  visited: async ({ page, baseURL }, use) => {
    const visited = new Set<string>();
    const track = (p: Page) =>
      p.on("framenavigated", (frame) => {
        if (frame !== p.mainFrame()) return;
        const url = new URL(frame.url());
        if (baseURL && url.origin === new URL(baseURL).origin && !/\.(csv|ics|md|json|svg)$/.test(url.pathname)) {
          visited.add(url.pathname + url.search);
        }
      });
    track(page);
    page.context().on("page", track);
    await use(visited);
  },
  // After each test: axe on every distinct page the test visited, in the state it ends in,
  // with the same cookies (so the same person).
  axeAfterTest: [
    async ({ page, visited, checkA11y }, use, testInfo) => {
      await use();
      if (!checkA11y || testInfo.status !== testInfo.expectedStatus) return;
      const context = page.context();
      for (const path of visited) {
        const p = await context.newPage();
        try {
          await p.goto(path, { waitUntil: "load" });
          await expectNoA11yViolations(p, path);
        } finally {
          await p.close();
        }
      }
    },
    // Its own time budget, so a test near its limit is not failed by the check after it.
    { auto: true, timeout: 180_000 },
  ],
  login: async ({ page, visited: _visited }, use) => {
    await use(async (email: string, p: Page = page) => {
      await p.goto("/login");
      await p.getByLabel("E-mailadres").fill(email);
      await p.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
      await p.getByRole("button", { name: "Inloggen" }).click();
      await passSecondStep(p);
      await expect(p.getByRole("button", { name: "Uitloggen" })).toBeVisible();
    });
  },
});

export async function expectNoA11yViolations(page: Page, label = page.url()): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("\n    ")}`);
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

/** Log in through HTTP only (for request-level tests): returns a request context with the session. */
export async function apiLogin(request: APIRequestContext, email: string): Promise<string> {
  const csrf = await csrfToken(request);
  let res = await request.post("/login", { form: { csrf, email, password: DEMO_PASSWORD, redirectTo: "/" }, maxRedirects: 0 });
  if (res.headers()["location"] === "/login/tweede-stap") {
    await withCodes(async (code) => {
      res = await request.post("/login/tweede-stap", { form: { csrf, code }, maxRedirects: 0 });
      return res.status() === 302;
    });
  }
  expect(res.status(), `login of ${email}`).toBe(302);
  // The token is bound to the session: after login the pages carry a new one.
  return csrfToken(request);
}

/** The CSRF token of this request context (the cookie is set on the first page load). */
export async function csrfToken(request: APIRequestContext): Promise<string> {
  const html = await (await request.get("/login")).text();
  const m = html.match(/name="csrf" value="([^"]+)"/);
  if (m) return m[1];
  const page = await (await request.get("/meldingen")).text();
  const m2 = page.match(/name="csrf" value="([^"]+)"/);
  if (!m2) throw new Error("no CSRF token found");
  return m2[1];
}

/** A second person: a fresh browser context (own cookies), logged in through the login form. */
export async function loginIn(browser: Browser, baseURL: string, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: "nl-NL", timezoneId: "Europe/Amsterdam" });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page.getByRole("button", { name: "Uitloggen" })).toBeVisible();
  return page;
}

/**
 * Put the caret at the very end of a Lexical editor (clicked, or focused for keyboard-only
 * tests). Lexical may apply a click's selection after keys pressed right after it (an update
 * from the collaboration sync re-applies its own selection), so Ctrl+End is pressed until the
 * caret really is at the end: nothing of the editor's text lies after it.
 */
export async function caretToEnd(page: Page, editor: Locator, how: "click" | "focus" = "click"): Promise<void> {
  if (how === "click") await editor.click();
  else await editor.focus();
  await expect(async () => {
    await page.keyboard.press("Control+End");
    const atEnd = await editor.evaluate((root) => {
      const s = window.getSelection();
      if (!s || !s.isCollapsed || !s.anchorNode || !root.contains(s.anchorNode)) return false;
      const rest = document.createRange();
      rest.selectNodeContents(root);
      rest.setStart(s.anchorNode, s.anchorOffset);
      return rest.toString().length === 0;
    });
    expect(atEnd, "caret at the end of the editor").toBe(true);
  }).toPass({ timeout: 15_000 });
}

/**
 * Puts the caret right after the text node that ends with `suffix`, and keeps it there.
 *
 * A click in the middle of a line lets Lexical apply the click's selection in a later update, so
 * an End pressed before it lands is undone (seen once in CI: the backspaces then ate the middle of
 * the sentence). Clicking on the last character's right edge makes the click's own selection the
 * end of the line, and the check has to hold twice, 200 ms apart, before typing starts.
 */
export async function caretAfter(page: Page, editor: Locator, suffix: string): Promise<void> {
  const atEnd = () =>
    editor.evaluate((root, tail) => {
      const s = window.getSelection();
      if (!s || !s.isCollapsed || !s.anchorNode || !root.contains(s.anchorNode)) return false;
      const text = s.anchorNode.nodeType === Node.TEXT_NODE ? (s.anchorNode.textContent ?? "") : "";
      return s.anchorOffset === text.length && text.endsWith(tail);
    }, suffix);
  await editor.getByText(suffix).last().scrollIntoViewIfNeeded();
  const point = await editor.evaluate((root, tail) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let found: { x: number; y: number } | null = null;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const t = n.textContent ?? "";
      if (!t.endsWith(tail)) continue;
      const r = document.createRange();
      r.setStart(n, t.length - 1);
      r.setEnd(n, t.length);
      const box = r.getBoundingClientRect();
      found = { x: box.right - 1, y: box.top + box.height / 2 };
    }
    return found;
  }, suffix);
  expect(point, `text ending with "${suffix}" in the editor`).not.toBeNull();
  await page.mouse.click(point!.x, point!.y);
  await expect(async () => {
    if (!(await atEnd())) await page.keyboard.press("End");
    expect(await atEnd(), "caret after the text").toBe(true);
    await page.waitForTimeout(200);
    expect(await atEnd(), "caret still after the text").toBe(true);
  }).toPass({ timeout: 10_000 });
}

export { expect };
