// The full browser flow of single sign-on against a real OpenID provider started by this test.
import { test, expect } from "./fixtures";
import { startTestProvider, type TestProvider } from "../support/oidc";

let idp: TestProvider;

test.beforeAll(async ({ portals }, testInfo) => {
  const { portal } = await portals.for(testInfo.file);
  idp = await startTestProvider({
    redirectUris: [`${portal.baseURL}/login/sso/callback`],
    postLogoutRedirectUris: [`${portal.baseURL}/login`],
  });
});

test.afterAll(async () => {
  await idp?.close();
});

test("a beheerder sets up the organisation's provider; a new colleague signs in there and lands in the portal", async ({ page, login }) => {
  // A domain nobody else in the demo uses, so other tests keep their passwords.
  idp.accounts.set("thuis-042", { email: "nieuwe.collega@thuishulp-sso.example", name: "Noor de Vries" });

  await login("beheer@zaanstad.example");
  await page.goto("/beheer");
  await page.getByRole("link", { name: "Thuishulp Demo Zaanstreek" }).click();
  await page.getByRole("link", { name: "Inlogdienst (SSO)" }).click();
  await page.getByLabel("Issuer-URL").fill(idp.issuer);
  await page.getByLabel("Client-id").fill(idp.clientId);
  await page.getByLabel("Client secret").fill(idp.clientSecret);
  await page.getByLabel("E-maildomeinen").fill("thuishulp-sso.example");
  await page.getByLabel("Maak een account aan bij de eerste keer inloggen").check();
  await page.getByLabel("Rol van nieuwe accounts").selectOption("redacteur");
  await page.getByRole("button", { name: "Inlogdienst opslaan" }).click();
  await expect(page.getByText("De inlogdienst is opgeslagen")).toBeVisible();
  await page.getByRole("button", { name: "Uitloggen" }).click();
  await expect(page.getByRole("heading", { name: "Inloggen" })).toBeVisible();

  // Home-realm discovery: the e-mail address sends the person to the provider.
  await page.getByLabel("E-mailadres").fill("nieuwe.collega@thuishulp-sso.example");
  await page.getByRole("button", { name: "Inloggen" }).click();
  await page.waitForURL((u) => u.href.startsWith(idp.issuer));
  await page.locator('input[name="login"]').fill("thuis-042");
  await page.locator('input[name="password"]').fill("wachtwoord-bij-de-organisatie");
  await page.getByRole("button", { name: "Sign-in" }).click();

  await expect(page.getByRole("heading", { name: "Goedendag, Noor de Vries" })).toBeVisible();
  expect(new URL(page.url()).origin).not.toBe(new URL(idp.issuer).origin);

  // Logout ends the portal session and offers the provider's end-session endpoint.
  await page.getByRole("button", { name: "Uitloggen" }).click();
  const offer = page.getByRole("link", { name: "ook daar uitloggen" });
  await expect(offer).toBeVisible();
  expect(await offer.getAttribute("href")).toContain(`${idp.issuer}/session/end`);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
});

test("a callback that was not started in this browser is refused with a Dutch message and a 400", async ({ request }) => {
  const res = await request.get("/login/sso/callback?code=iets&state=iets", { maxRedirects: 0 });
  expect(res.status()).toBe(400);
  expect(await res.text()).toContain("niet in deze browser gestart");
  expect(await res.text()).toContain("Inloggen is niet gelukt");
});
