// Shared e2e harness. Every worker gets its own portal (fresh data dir, demo seed) and an
// in-process SMTP server; every page a test visits is checked with axe afterwards.
import { test as base, expect, type APIRequestContext, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { startPortal, type Portal } from "../support/portal";
import { startSmtp, type MailCatcher } from "../support/smtp";

export const DEMO_PASSWORD = "demo";
export const E2E_NOW = "2026-11-23T09:00:00Z";

type WorkerFixtures = { portal: Portal; mail: MailCatcher };
type TestFixtures = {
  /** Log the page in as a demo account (password "demo"). */
  login: (email: string, page?: Page) => Promise<void>;
  /** Paths visited in this test; each is checked with axe after the test. */
  visited: Set<string>;
  /** Turn the automatic axe check off for a test that visits no portal pages. */
  checkA11y: boolean;
};

export const test = base.extend<TestFixtures, WorkerFixtures>({
  mail: [
    async ({}, use) => {
      const mail = await startSmtp();
      await use(mail);
      await mail.close();
    },
    { scope: "worker" },
  ],
  portal: [
    async ({ mail }, use) => {
      // A fixed start time keeps the demo's dates (consultation deadlines, overdue signals)
      // meaningful whenever the suite runs; the clock runs on from there.
      const portal = await startPortal({ env: { SMTP_URL: mail.url, KP_NOW: E2E_NOW } });
      await use(portal);
      await portal.stop();
    },
    { scope: "worker", timeout: 90_000 },
  ],
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
  login: async ({ page, visited: _visited }, use) => {
    await use(async (email: string, p: Page = page) => {
      await p.goto("/login");
      await p.getByLabel("E-mailadres").fill(email);
      await p.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
      await p.getByRole("button", { name: "Inloggen" }).click();
      await expect(p.getByRole("button", { name: "Uitloggen" })).toBeVisible();
    });
  },
});

// After each test: axe on every distinct page the test visited, in the state it ends in,
// with the same cookies (so the same person).
test.afterEach(async ({ page, visited, checkA11y }, testInfo) => {
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
});

export async function expectNoA11yViolations(page: Page, label = page.url()): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("\n    ")}`);
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

/** Log in through HTTP only (for request-level tests): returns a request context with the session. */
export async function apiLogin(request: APIRequestContext, email: string): Promise<string> {
  const csrf = await csrfToken(request);
  const res = await request.post("/login", { form: { csrf, email, password: DEMO_PASSWORD, redirectTo: "/" }, maxRedirects: 0 });
  expect(res.status(), `login of ${email}`).toBe(302);
  return csrf;
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

export { expect };
