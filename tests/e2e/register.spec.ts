// Issue 13, acceptance point 4 in the browser: a regisseur registers a request, the
// contractmanager toetst it, and the wijkteam then finds it in the register; a ketenpartner
// that does not carry it out gets a 404. The register pages fit a phone (no horizontal
// scroll) and pass axe (the fixture checks every page visited).
import { test, expect } from "./fixtures";
import { personContext } from "./consultation-helpers";

test("create → toetsen → visible to the team that carries it out, not to another ketenpartner", async ({ page, login, browser, baseURL }) => {
  await login("regisseur.participatie@zaanstad.example");
  await page.goto("/");
  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Opdrachten" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Opdrachtenregister" })).toBeVisible();
  await page.getByRole("link", { name: "Verzoek registreren" }).click();

  // A refused form keeps what was typed and says what is missing.
  await page.getByLabel("Titel").fill("Uitvraag wachttijd schuldhulp per wijk");
  await page.getByRole("button", { name: "Registreren en laten toetsen" }).click();
  await expect(page.getByText("Doel is verplicht.")).toBeVisible();
  await expect(page.getByLabel("Titel")).toHaveValue("Uitvraag wachttijd schuldhulp per wijk");

  await page.getByLabel("Soort").selectOption({ label: "Informatieverzoek" });
  await page.getByLabel("Doel").fill("Zicht op de wachttijd tot een eerste gesprek bij schuldhulp, per wijk.");
  await page.getByLabel("Gevraagd door (afdeling)").fill("Opgave Kansengelijkheid, team schulden");
  await page.getByLabel("Participatie en Armoede").check();
  await page.getByLabel("Schuldenproblematiek en inkomensvraagstukken").check();
  await page.getByLabel("DOCK", { exact: true }).check();
  await page.getByLabel("Begindatum").fill("2027-01-04");
  await page.getByLabel("Einddatum").fill("2027-06-30");
  await page.getByLabel("Rapportagemomenten").fill("2027-03-01 Eerste stand\n2027-06-01 Tweede stand");
  await page.getByRole("button", { name: "Registreren en laten toetsen" }).click();
  await page.waitForURL(/\/opdrachten\/\d+\?geregistreerd=1$/);
  const path = new URL(page.url()).pathname;
  await expect(page.getByText("Het verzoek is geregistreerd.")).toBeVisible();
  await expect(page.getByText("Voorgesteld", { exact: true })).toBeVisible();

  // The contractmanager toetst it against the broad assignment.
  const cm = await personContext(browser, baseURL!, "contractmanager@zaanstad.example");
  try {
    await cm.page.goto(path);
    await cm.page.getByLabel("Uitkomst").selectOption({ label: "Past, met een aanpassing" });
    await cm.page.getByLabel("Toelichting bij de toets").fill("Vraag alleen wat al in de registratie staat.");
    await cm.page.getByRole("button", { name: "Toets vastleggen" }).click();
    await expect(cm.page.getByText("Getoetst", { exact: true })).toBeVisible();
    await expect(cm.page.getByText(/Past, met een aanpassing \(Sanne Bakker/)).toBeVisible();
  } finally {
    await cm.context.close();
  }

  // DOCK, which carries it out, finds it in the register (filtered on its organisation).
  await page.context().clearCookies();
  await login("professional@dock.example");
  await page.goto("/opdrachten?organisatie=dock&status=getoetst");
  await expect(page.getByRole("link", { name: "Uitvraag wachttijd schuldhulp per wijk" })).toBeVisible();
  await page.getByRole("link", { name: "Uitvraag wachttijd schuldhulp per wijk" }).click();
  await expect(page.getByText("Vraag alleen wat al in de registratie staat.", { exact: false })).toBeVisible();
  await expect(page.getByRole("button", { name: "Toets vastleggen" })).toHaveCount(0);

  // Werkom does not carry it out: 404, and absent from its list and CSV.
  const werkom = await personContext(browser, baseURL!, "werkom@werkom.example");
  try {
    const res = await werkom.page.goto(path);
    expect(res?.status()).toBe(404);
    await werkom.page.goto("/opdrachten");
    await expect(werkom.page.getByRole("link", { name: "Maandelijkse stand van de doorstroom naar Werkom" })).toBeVisible();
    await expect(werkom.page.getByRole("link", { name: "Uitvraag wachttijd schuldhulp per wijk" })).toHaveCount(0);
    const csv = await (await werkom.context.request.get("/opdrachten.csv")).text();
    expect(csv).toContain("Maandelijkse stand van de doorstroom naar Werkom");
    expect(csv).not.toContain("Uitvraag wachttijd schuldhulp");
  } finally {
    await werkom.context.close();
  }
});

test("the register pages fit a phone without horizontal scrolling", async ({ page, login }) => {
  await login("contractmanager@zaanstad.example");
  // The reporting moments are on the start page and in the agenda file.
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Komende rapportagemomenten" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Maandelijkse stand van de doorstroom naar Werkom" }).first()).toBeVisible();
  const ics = await page.context().request.get("/opdrachten/agenda.ics");
  expect(ics.headers()["content-type"]).toContain("text/calendar");
  expect(await ics.text()).toContain("SUMMARY:Rapportage: Maandelijkse stand van de doorstroom naar Werkom");
  for (const width of [1280, 390]) {
    await page.setViewportSize(width === 390 ? { width: 390, height: 844 } : { width: 1280, height: 800 });
    for (const [name, path] of [
      ["register", "/opdrachten"],
      ["organisaties", "/opdrachten/organisaties?jaar=2026"],
      ["dock", "/opdrachten/organisaties/dock?jaar=2026"],
      ["start", "/"],
    ] as const) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${path} at ${width}px`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `test-results/register-${name}-${width}.png`, fullPage: false });
    }
    await page.goto("/opdrachten?route=buiten_route");
    await page.getByRole("link", { name: "Vier profielen in de aanvullende opdracht participatie" }).click();
    await expect(page.getByText("Buiten de afgesproken route.", { exact: false })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `detail at ${width}px`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `test-results/register-detail-${width}.png`, fullPage: true });
  }
});
