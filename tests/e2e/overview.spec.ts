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
