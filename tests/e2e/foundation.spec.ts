import { test, expect, apiLogin, csrfToken } from "./fixtures";

const ACCOUNTS = [
  { email: "beheer@zaanstad.example", org: "Gemeente Zaanstad", beheer: true },
  { email: "regisseur.participatie@zaanstad.example", org: "Gemeente Zaanstad", beheer: false },
  { email: "regisseur.wmo@zaanstad.example", org: "Gemeente Zaanstad", beheer: false },
  { email: "contractmanager@zaanstad.example", org: "Afdeling Contractmanagement", beheer: false },
  { email: "professional@dock.example", org: "DOCK", beheer: false },
  { email: "teamleider@smd.example", org: "SMD", beheer: false },
  { email: "nieuw@incluzio.example", org: "Incluzio", beheer: false },
  { email: "werkom@werkom.example", org: "Werkom", beheer: false },
  { email: "aanbieder@zorgvoorbeeld.example", org: "Zorg Voorbeeld BV", beheer: false },
];

test("healthz answers 200 with ok JSON and a reachable database", async ({ request }) => {
  const res = await request.get("/healthz");
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ ok: true, database: "ok" });
});

test("pages are Dutch, carry security headers and a session cookie that is httpOnly and SameSite=Lax", async ({ request }) => {
  const res = await request.get("/login");
  expect(await res.text()).toContain('<html lang="nl">');
  const headers = res.headers();
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  const csrf = await csrfToken(request);
  const login = await request.post("/login", { form: { csrf, email: "professional@dock.example", password: "demo" }, maxRedirects: 0 });
  expect(login.status()).toBe(302);
  const cookie = login.headers()["set-cookie"];
  expect(cookie).toMatch(/kp_session=[^;]+;/);
  expect(cookie).toContain("HttpOnly");
  expect(cookie).toContain("SameSite=Lax");
});

for (const account of ACCOUNTS) {
  test(`${account.email} logs in and sees only what the role allows`, async ({ page, login, request }) => {
    await login(account.email);
    await expect(page.getByText(account.org).first()).toBeVisible();
    const nav = page.getByRole("navigation", { name: "Hoofdmenu" });
    if (account.beheer) {
      await expect(nav.getByRole("link", { name: "Beheer" })).toBeVisible();
      await page.goto("/beheer");
      await expect(page.getByRole("heading", { level: 1, name: "Beheer" })).toBeVisible();
    } else {
      await expect(nav.getByRole("link", { name: "Beheer" })).toHaveCount(0);
      // A real refusal, not only a hidden link: GET and POST both get 403.
      const res = await page.goto("/beheer");
      expect(res?.status()).toBe(403);
      await expect(page.getByRole("heading", { name: "Geen toegang" })).toBeVisible();
      const csrf = await apiLogin(request, account.email);
      for (const path of ["/beheer", "/beheer/audit", "/beheer/mail", "/beheer/personen/nieuw", "/beheer/personen/1", "/beheer/organisaties/1", "/beheer/ketens/participatie-armoede"]) {
        expect((await request.get(path)).status(), `GET ${path}`).toBe(403);
      }
      const post = await request.post("/beheer/personen/nieuw", {
        form: { csrf, name: "Inbreker", email: "inbreker@example.nl", organisationId: "1", roles: "beheerder" },
        maxRedirects: 0,
      });
      expect(post.status()).toBe(403);
      const deactivate = await request.post("/beheer/personen/1?intent=active", { form: { csrf }, maxRedirects: 0 });
      expect(deactivate.status()).toBe(403);
    }
  });
}

test("a wrong password gets a Dutch message and a 401; unknown pages a Dutch 404", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("E-mailadres").fill("professional@dock.example");
  await page.getByLabel("Wachtwoord").fill("fout-wachtwoord");
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST"),
    page.getByRole("button", { name: "Inloggen" }).click(),
  ]);
  expect(response.status()).toBe(401);
  await expect(page.getByRole("alert")).toContainText("Deze combinatie van e-mailadres en wachtwoord is onbekend");
  const notFound = await page.goto("/bestaat-niet");
  expect(notFound?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Niet gevonden" })).toBeVisible();
});

test("login is rate limited per account", async ({ request }) => {
  // An address of its own, so no other test in this worker is locked out.
  const email = `ratelimit-${Date.now()}@example.nl`;
  const csrf = await csrfToken(request);
  const statuses: number[] = [];
  for (let i = 0; i < 7; i++) {
    const res = await request.post("/login", { form: { csrf, email, password: `fout-${i}` }, maxRedirects: 0 });
    statuses.push(res.status());
  }
  expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
  expect(statuses.slice(5)).toEqual([429, 429]);
  const last = await request.post("/login", { form: { csrf, email, password: "demo" }, maxRedirects: 0 });
  expect(await last.text()).toContain("Te veel mislukte inlogpogingen");
});
