// Helpers for the consultation e2e tests. These tests run their own portal with a fixed
// clock (KP_NOW), because a consultation needs time to pass: the deadline, the ingangsdatum.
// Moving the clock means restarting the server on the same data directory and port.
import path from "node:path";
import Database from "better-sqlite3";
import { expect, request as playwrightRequest, type APIRequestContext, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { startPortal, type Portal } from "../support/portal";
import { DEMO_PASSWORD, expectNoA11yViolations } from "./fixtures";

export type Clocked = { portal: Portal; restartAt: (iso: string, env?: Record<string, string>) => Promise<Portal>; stop: () => Promise<void> };

export async function startClocked(now: string, env: Record<string, string> = {}): Promise<Clocked> {
  let portal = await startPortal({ env: { KP_NOW: now, ...env } });
  const dataDir = portal.dataDir;
  const port = portal.port;
  const self: Clocked = {
    portal,
    async restartAt(iso, extra = {}) {
      // Let the mailer finish first: stopping mid-delivery resets the test's SMTP connection.
      if (env.SMTP_URL) await waitForDb(portal, () => query<{ n: number }>(portal, "select count(*) as n from emails where sent_at is null and attempts < 5")[0].n, (n) => n === 0);
      await portal.stop();
      portal = await startPortal({ dataDir, port, env: { KP_NOW: iso, ...env, ...extra } });
      self.portal = portal;
      return portal;
    },
    async stop() {
      if (env.SMTP_URL && portal.process.exitCode === null) {
        await waitForDb(portal, () => query<{ n: number }>(portal, "select count(*) as n from emails where sent_at is null and attempts < 5")[0].n, (n) => n === 0).catch(() => {});
      }
      await portal.stop();
    },
  };
  return self;
}

export function db(portal: Portal): Database.Database {
  return new Database(path.join(portal.dataDir, "ketenportaal.db"), { readonly: true, fileMustExist: true });
}

export function query<T>(portal: Portal, sql: string, ...params: unknown[]): T[] {
  const d = db(portal);
  try {
    return d.prepare(sql).all(...params) as T[];
  } finally {
    d.close();
  }
}

/** A signed-in browser context for one person. */
export async function personContext(browser: Browser, baseURL: string, email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, locale: "nl-NL", timezoneId: "Europe/Amsterdam" });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page.getByRole("button", { name: "Uitloggen" })).toBeVisible();
  return { context, page };
}

/** Every page a consultation test looks at must pass axe; check each distinct page once per state. */
export async function checkA11y(page: Page, label = new URL(page.url()).pathname): Promise<void> {
  await expectNoA11yViolations(page, label);
}

/** A request context signed in as one person, with its CSRF token, for route-level checks. */
export async function apiAs(baseURL: string, email: string): Promise<{ api: APIRequestContext; csrf: string }> {
  const api = await playwrightRequest.newContext({ baseURL });
  const html = await (await api.get("/login")).text();
  const csrf = html.match(/name="csrf" value="([^"]+)"/)?.[1];
  if (!csrf) throw new Error("no CSRF token");
  const res = await api.post("/login", { form: { csrf, email, password: DEMO_PASSWORD, redirectTo: "/" }, maxRedirects: 0 });
  expect(res.status(), `login ${email}`).toBe(302);
  // The token is bound to the session: after login the pages carry a new one.
  const session = (await (await api.get("/meldingen")).text()).match(/name="csrf" value="([^"]+)"/)?.[1];
  if (!session) throw new Error("no CSRF token after login");
  return { api, csrf: session };
}

/** Post one of the proposal forms the way the browser does (CSRF + intent), without following the redirect. */
export async function postForm(api: APIRequestContext, csrf: string, url: string, form: Record<string, string | string[]>) {
  const body = new URLSearchParams();
  body.set("csrf", csrf);
  for (const [k, v] of Object.entries(form)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
  return api.post(url, { data: body.toString(), headers: { "Content-Type": "application/x-www-form-urlencoded" }, maxRedirects: 0 });
}

export function organisationId(portal: Portal, slug: string): number {
  return query<{ id: number }>(portal, "select id from organisations where slug = ?", slug)[0].id;
}

/**
 * Make a proposal ready for consultation and open it, through the same forms the regisseur uses.
 * Returns the proposal id.
 */
export async function openProposalViaForms(
  portal: Portal,
  opts: { regisseur: string; document: string; title: string; orgs: string[]; closes: string; decision: string; effective: string; evaluation: string },
): Promise<number> {
  const { api, csrf } = await apiAs(portal.baseURL, opts.regisseur);
  try {
    const created = await postForm(api, csrf, "/wijzigingen/nieuw", { document: opts.document, title: opts.title });
    expect(created.status()).toBe(302);
    const id = Number(created.headers()["location"]?.match(/\/wijzigingen\/(\d+)/)?.[1]);
    expect(id).toBeGreaterThan(0);
    const details = await postForm(api, csrf, `/wijzigingen/${id}/bewerken`, {
      intent: "details",
      title: opts.title,
      waarom: "Partners hoorden wijzigingen te laat; dit voorstel legt vast hoe het wel moet.",
      visieAnchor: "Veranderingen samen voorbereiden",
    });
    expect(details.status()).toBe(302);
    const ids = opts.orgs.map((o) => String(organisationId(portal, o)));
    const impact = await postForm(api, csrf, `/wijzigingen/${id}/bewerken`, {
      intent: "impact",
      organisations: ids,
      ...Object.fromEntries(ids.map((i) => [`note_${i}`, "Wordt vooraf geconsulteerd."])),
    });
    expect(impact.status()).toBe(302);
    const dates = await postForm(api, csrf, `/wijzigingen/${id}/tijdlijn`, {
      intent: "dates",
      consultationOpens: "",
      consultationCloses: opts.closes,
      decisionPlanned: opts.decision,
      effectiveDate: opts.effective,
      evaluationDate: opts.evaluation,
      reason: "",
    });
    expect(dates.status()).toBe(302);
    // Goals are required before consultation opens (issue 12).
    const goals = await postForm(api, csrf, `/wijzigingen/${id}/doelen`, {
      intent: "goals",
      improve_0: "Partners horen wijzigingen vooraf",
      forWhom_0: "De geraakte organisaties",
      measure_0: "Geen wijziging meer die eerst via de nieuwsbrief bekend wordt",
    });
    expect(goals.status()).toBe(302);
    await passIntegralCheck(portal, id);
    const open = await postForm(api, csrf, `/wijzigingen/${id}`, { intent: "open" });
    expect(open.status(), await open.text()).toBe(302);
    return id;
  } finally {
    await api.dispose();
  }
}

/**
 * The integral check before consultation (issue 13): the regisseur of every keten that one of
 * the proposal's organisations belongs to (other than the document's own keten) records
 * "raakt mijn keten niet" on the integral-check page.
 */
export async function passIntegralCheck(portal: Portal, proposalId: number): Promise<void> {
  const ketens = query<{ id: number; email: string }>(
    portal,
    `select distinct k.id, p.email from ketens k join people p on p.id = k.regisseur_id
       join keten_members km on km.keten_id = k.id join proposal_impacts pi on pi.organisation_id = km.organisation_id
      where pi.proposal_id = ? and k.id is not (select d.keten_id from proposals pr join documents d on d.id = pr.document_id where pr.id = ?)
        and not exists (select 1 from keten_checks kc where kc.proposal_id = ? and kc.keten_id = k.id)`,
    proposalId,
    proposalId,
    proposalId,
  );
  for (const k of ketens) {
    const { api, csrf } = await apiAs(portal.baseURL, k.email);
    try {
      const res = await postForm(api, csrf, `/wijzigingen/${proposalId}/integraal`, { intent: "ketentoets", ketenId: String(k.id), touches: "nee", note: "" });
      expect(res.status(), await res.text()).toBe(302);
    } finally {
      await api.dispose();
    }
  }
}

/** Wait until a condition on the database holds (the scheduler runs on its own interval). */
export async function waitForDb<T>(portal: Portal, read: () => T, ok: (v: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = read();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms (last: ${JSON.stringify(v)})\n${portal.output().slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
