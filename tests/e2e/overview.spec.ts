import { test, expect } from "./fixtures";

test("contractmanager reads the integral overview: agenda with the moved ingangsdatum, every keten with its signals", async ({ page, login }) => {
  await login("contractmanager@zaanstad.example");
  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Overzicht" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Integraal overzicht" })).toBeVisible();
  const agenda = page.getByRole("table").first();
  const ingang = agenda.getByRole("row").filter({ hasText: "Ingangsdatum" }).filter({ hasText: /startgesprek/i });
  await expect(ingang).toContainText("1 maart 2027");
  for (const keten of ["Participatie en Armoede", "Wmo, Mantelzorg en Gezondheid", "Zorg en Veiligheid", "Opvoeden en Opgroeien"]) {
    await expect(page.getByRole("heading", { level: 3, name: keten })).toBeVisible();
  }
  await expect(page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Participatie en Armoede" }) })).toContainText(/\d+ open/);
});

test("a Wmo-aanbieder sees the overview without signal counts or changes it was not invited to", async ({ page, login }) => {
  await login("aanbieder@zorgvoorbeeld.example");
  await page.goto("/overzicht");
  await expect(page.getByRole("heading", { level: 1, name: "Integraal overzicht" })).toBeVisible();
  await expect(page.getByText(/startgesprek/i)).toHaveCount(0);
  await expect(page.getByText(/\d+ open/)).toHaveCount(0);
});

test("reading an agreement shows the running change and its dates, and leads to reporting a signal about it", async ({ page, login }) => {
  await login("werkom@werkom.example");
  await page.goto("/documenten/werkafspraken-participatieketen");
  const notice = page.getByText("Er loopt een wijzigingsvoorstel");
  await expect(notice).toBeVisible();
  const box = page.locator(".alert").filter({ hasText: "Er loopt een wijzigingsvoorstel" });
  await expect(box).toContainText("8 december 2026");
  await expect(box).toContainText("1 maart 2027");
  await expect(page.getByRole("link", { name: "Wijziging voorstellen" })).toHaveCount(0);
  await page.getByRole("link", { name: "Signaal melden over dit document" }).click();
  await expect(page).toHaveURL(/\/signalen\/nieuw\?document=werkafspraken-participatieketen/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("the regisseur can start a change proposal from the document", async ({ page, login }) => {
  await login("regisseur.wmo@zaanstad.example");
  await page.goto("/documenten/werkafspraken-wmo-keten");
  await page.getByRole("link", { name: "Wijziging voorstellen" }).click();
  await expect(page).toHaveURL(/\/wijzigingen\/nieuw\?document=werkafspraken-wmo-keten/);
});
