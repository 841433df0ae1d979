import { test, expect, apiLogin } from "./fixtures";
import type { APIRequestContext, Page } from "@playwright/test";

async function peopleTable(request: APIRequestContext): Promise<string> {
  const html = await (await request.get("/beheer")).text();
  return html.slice(html.indexOf('id="kop-personen"'), html.indexOf('id="kop-organisaties"'));
}

test.describe("beheer", () => {
  test("bad input on the person form: Dutch errors with a 4xx, nothing saved changes", async ({ request }) => {
    const csrf = await apiLogin(request, "beheer@zaanstad.example");
    const before = await peopleTable(request);
    const cases: { form: Record<string, string>; status: number; message: RegExp }[] = [
      { form: { name: "", email: "leeg@example.nl", organisationId: "1" }, status: 400, message: /Naam is verplicht/ },
      { form: { name: "x".repeat(121), email: "lang@example.nl", organisationId: "1" }, status: 400, message: /Naam mag maximaal 120 tekens/ },
      { form: { name: "Foute Mail", email: "geen-emailadres", organisationId: "1" }, status: 400, message: /Vul een geldig e-mailadres in/ },
      { form: { name: "Dubbel", email: "professional@dock.example", organisationId: "1" }, status: 409, message: /al in gebruik/ },
      { form: { name: "Onbekende Org", email: "onbekend@example.nl", organisationId: "99999" }, status: 400, message: /Kies een bestaande organisatie/ },
      { form: { name: "Geen Org", email: "geenorg@example.nl", organisationId: "abc" }, status: 400, message: /Kies een geldige organisatie/ },
      { form: { name: "Rol", email: "rol@example.nl", organisationId: "1", roles: "superuser" }, status: 400, message: /Kies een bestaande rol/ },
      { form: { name: "Kort", email: "kort@example.nl", organisationId: "1", password: "kort" }, status: 400, message: /minstens 10 tekens/ },
    ];
    for (const c of cases) {
      const res = await request.post("/beheer/personen/nieuw", { form: { csrf, ...c.form }, maxRedirects: 0 });
      expect(res.status(), JSON.stringify(c.form).slice(0, 80)).toBe(c.status);
      expect(await res.text()).toMatch(c.message);
    }
    // A ketenpartner cannot be made an editor.
    const werkomId = (await (await request.get("/beheer")).text()).match(/href="\/beheer\/organisaties\/(\d+)">Werkom</)?.[1];
    const partner = await request.post("/beheer/personen/nieuw", {
      form: { csrf, name: "Partner Redacteur", email: "partner.redacteur@example.nl", organisationId: werkomId ?? "0", roles: "redacteur" },
      maxRedirects: 0,
    });
    expect(partner.status()).toBe(400);
    expect(await partner.text()).toContain("Medewerkers van ketenpartners kunnen alleen lezer zijn");
    // Forged CSRF token: refused before anything is read.
    const forged = await request.post("/beheer/personen/nieuw", {
      form: { csrf: "vervalst-token-123456789", name: "CSRF", email: "csrf@example.nl", organisationId: "1" },
      maxRedirects: 0,
    });
    expect(forged.status()).toBe(403);
    expect(await forged.text()).toContain("CSRF-controle");
    expect(await peopleTable(request)).toBe(before);

    // Editing an existing person with a duplicate e-mail changes nothing.
    const edit = await request.post("/beheer/personen/7", {
      form: { csrf, name: "Ander", email: "beheer@zaanstad.example", organisationId: "1", roles: "lezer" },
      maxRedirects: 0,
    });
    expect(edit.status()).toBe(409);
    expect(await peopleTable(request)).toBe(before);
  });

  test("bad input on organisation and keten forms", async ({ request }) => {
    const csrf = await apiLogin(request, "beheer@zaanstad.example");
    const cases: { path: string; form: Record<string, string>; status: number; message: RegExp }[] = [
      { path: "/beheer/organisaties/nieuw", form: { name: "", kind: "wijkteam" }, status: 400, message: /Naam is verplicht/ },
      { path: "/beheer/organisaties/nieuw", form: { name: "Nieuw", kind: "bank" }, status: 400, message: /Kies een soort organisatie/ },
      { path: "/beheer/organisaties/nieuw", form: { name: "Nieuw", kind: "wijkteam", color: "rood" }, status: 400, message: /hexadecimale kleur/ },
      { path: "/beheer/organisaties/nieuw", form: { name: "DOCK", kind: "wijkteam" }, status: 409, message: /bestaat al een organisatie/ },
      { path: "/beheer/organisaties/nieuw", form: { name: "o".repeat(121), kind: "wijkteam" }, status: 400, message: /maximaal 120 tekens/ },
      { path: "/beheer/ketens/participatie-armoede", form: { feedbackDays: "0" }, status: 400, message: /minstens 1 werkdag/ },
      { path: "/beheer/ketens/participatie-armoede", form: { feedbackDays: "20", members: "99999" }, status: 400, message: /bestaat niet/ },
      { path: "/beheer/ketens/participatie-armoede", form: { feedbackDays: "20", regisseurId: "7" }, status: 400, message: /medewerker van de gemeente/ },
    ];
    for (const c of cases) {
      const res = await request.post(c.path, { form: { csrf, ...c.form }, maxRedirects: 0 });
      expect(res.status(), `${c.path} ${JSON.stringify(c.form)}`).toBe(c.status);
      expect(await res.text()).toMatch(c.message);
    }
    const keten = await (await request.get("/ketens/participatie-armoede")).text();
    expect(keten).toContain("Petra Jansen");
    expect(keten).toContain("20 werkdagen");
    expect(keten).toContain("Werkom");
  });

  test("create, edit and deactivate a person in the browser; every change is in the audit log", async ({ page, login, browser, baseURL }) => {
    await login("beheer@zaanstad.example");
    await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Beheer" }).click();
    await page.getByRole("link", { name: "Persoon toevoegen" }).click();
    const email = `nieuwe.collega.${Date.now()}@dock.example`;
    await page.getByLabel("Naam").fill("Nieuwe Collega");
    await page.getByLabel("E-mailadres").fill(email);
    await page.getByLabel("Functie").fill("Wijkteamprofessional");
    await page.getByRole("combobox", { name: /Organisatie/ }).selectOption({ label: "DOCK" });
    await page.getByLabel(/Redacteur/).check();
    await page.getByLabel("Wachtwoord").fill("een-lang-wachtwoord");
    await page.getByRole("button", { name: "Persoon toevoegen" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Nieuwe Collega" })).toBeVisible();
    await expect(page.getByText("De wijziging is opgeslagen")).toBeVisible();

    // The new person signs in in another browser context.
    const other = await browser.newContext({ baseURL });
    const otherPage = await other.newPage();
    await otherPage.goto("/login");
    await otherPage.getByLabel("E-mailadres").fill(email);
    await otherPage.getByLabel("Wachtwoord").fill("een-lang-wachtwoord");
    await otherPage.getByRole("button", { name: "Inloggen" }).click();
    await expect(otherPage.getByRole("heading", { name: "Goedendag, Nieuwe Collega" })).toBeVisible();

    // Edit: change the function title.
    await page.getByLabel("Functie").fill("Teamleider");
    await page.getByRole("button", { name: "Wijzigingen opslaan" }).click();
    await expect(page.getByText("De wijziging is opgeslagen")).toBeVisible();
    await expect(page.getByLabel("Functie")).toHaveValue("Teamleider");

    // Deactivate: the other session ends at once.
    await page.getByRole("button", { name: "Deactiveren" }).click();
    await page.getByRole("button", { name: "Ja, deactiveren" }).click();
    await expect(page.getByText("gedeactiveerd").first()).toBeVisible();
    await otherPage.goto("/");
    await expect(otherPage).toHaveURL(/\/login/);
    await expect(otherPage.getByRole("heading", { name: "Inloggen" })).toBeVisible();
    await other.close();

    await page.getByRole("link", { name: "Auditlog" }).click();
    const rows = page.getByRole("row");
    await expect(rows.filter({ hasText: "deactiveerde persoon" }).first()).toContainText("Bram Hendriks");
    await expect(rows.filter({ hasText: "deactiveerde persoon" }).first()).toContainText("actief: ja → nee");
    const changed = rows.filter({ hasText: "wijzigde de gegevens van persoon" }).first();
    await expect(changed).toContainText("functie: Wijkteamprofessional → Teamleider");
    await expect(rows.filter({ hasText: "maakte een account aan voor persoon" }).first()).toContainText(email);
  });

  test("keten membership and regisseur are set in beheer and audited", async ({ page, login }) => {
    await login("beheer@zaanstad.example");
    await page.goto("/beheer/ketens/opvoeden-opgroeien");
    await page.getByLabel("Terugkoppeltermijn voor signalen (werkdagen)").fill("15");
    await page.getByLabel("Thuishulp Demo Zaanstreek").check();
    await page.getByRole("button", { name: "Keten opslaan" }).click();
    await expect(page.getByText("De wijziging is opgeslagen")).toBeVisible();
    await page.goto("/ketens/opvoeden-opgroeien");
    await expect(page.getByText("15 werkdagen")).toBeVisible();
    await expect(page.getByRole("cell", { name: "Thuishulp Demo Zaanstreek" })).toBeVisible();
    await page.goto("/beheer/audit");
    const row = page.getByRole("row").filter({ hasText: "wijzigde de gegevens van keten" }).first();
    await expect(row).toContainText("terugkoppeltermijn (werkdagen): 20 → 15");
    // Undo: membership grants read rights that other tests in this worker rely on not having.
    await page.goto("/beheer/ketens/opvoeden-opgroeien");
    await page.getByLabel("Terugkoppeltermijn voor signalen (werkdagen)").fill("20");
    await page.getByLabel("Thuishulp Demo Zaanstreek").uncheck();
    await page.getByRole("button", { name: "Keten opslaan" }).click();
    await expect(page.getByText("De wijziging is opgeslagen")).toBeVisible();
  });

  test("deactivating an organisation ends its people's sessions", async ({ page, login, browser, baseURL }) => {
    const other = await browser.newContext({ baseURL });
    const otherPage: Page = await other.newPage();
    await login("thuishulp@thuishulpdemo.example", otherPage);
    await login("beheer@zaanstad.example");
    await page.goto("/beheer");
    await page.getByRole("link", { name: "Thuishulp Demo Zaanstreek" }).click();
    await page.getByRole("button", { name: "Organisatie deactiveren" }).click();
    await expect(page.getByText("Gedeactiveerd")).toBeVisible();
    await otherPage.goto("/");
    await expect(otherPage).toHaveURL(/\/login/);
    await other.close();
    // Undo for the other tests in this worker.
    await page.getByRole("button", { name: "Weer activeren" }).click();
    await expect(page.getByText(/^Actief/)).toBeVisible();
  });
});

test("keyboard only: skip link, log in, move through the menu to a keten page", async ({ page }) => {
  await page.goto("/login");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Naar de hoofdinhoud" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: /Ketenportaal Zaanstad/ })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("E-mailadres")).toBeFocused();
  await page.keyboard.type("professional@dock.example");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Wachtwoord")).toBeFocused();
  await page.keyboard.type("demo");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: /Goedendag/ })).toBeVisible();

  // After navigation focus is on the main content; the menu sits just before it, so
  // Shift+Tab walks back to the "Ketens" item, which Enter opens.
  const ketens = page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Ketens" });
  for (let i = 0; i < 30 && !(await ketens.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Shift+Tab");
  await expect(ketens).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Ketens" })).toBeVisible();
  const keten = page.getByRole("link", { name: "Participatie en Armoede" });
  for (let i = 0; i < 60 && !(await keten.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(keten).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Participatie en Armoede" })).toBeVisible();
  await expect(page.getByText("Petra Jansen")).toBeVisible();
});
