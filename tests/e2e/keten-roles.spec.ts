// Issue 19: the regisseur edits the roles table of the participation keten in the browser.
// One h1, a refused save shows the error summary with what was typed kept, a good save is
// shown on the keten page; axe checks every page visited (fixtures.ts).
import { test, expect } from "./fixtures";

test("the regisseur edits a role and adds a contact per wijk", async ({ page, login }) => {
  await login("regisseur.participatie@zaanstad.example");
  await page.goto("/ketens/participatie-armoede");
  await page.getByRole("link", { name: "Rollen en contactpersonen bewerken" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Rollen in de keten Participatie en Armoede");
  await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);

  const dock = page.getByRole("region", { name: /^DOCK/ });
  await dock.getByLabel("Rol", { exact: false }).first().fill("");
  await dock.getByLabel("Wat anderen mogen verwachten").fill("Een intake binnen tien werkdagen.");
  await dock.getByRole("button", { name: /opslaan/ }).click();
  const summary = page.locator(".error-summary");
  await expect(summary).toBeVisible();
  await expect(summary).toBeFocused();
  await expect(page.getByRole("region", { name: /^DOCK/ }).getByLabel("Wat anderen mogen verwachten")).toHaveValue("Een intake binnen tien werkdagen.");

  await page.getByRole("region", { name: /^DOCK/ }).getByLabel("Rol", { exact: false }).first().fill("Sociaal werk en schuldhulp in de wijk");
  await page.getByRole("region", { name: /^DOCK/ }).getByRole("button", { name: /opslaan/ }).click();
  await expect(page.getByText("De rol is opgeslagen en staat in het auditlog.")).toBeVisible();

  await page.getByLabel("Wijk").selectOption({ index: 1 });
  await page.locator("#contact-role").fill("Vaste inkomensconsulent");
  await page.locator("#contact-name").fill("Sanne de Vries");
  await page.getByRole("button", { name: "Contactpersoon toevoegen" }).click();
  await expect(page.getByText("De contactpersoon is toegevoegd en staat in het auditlog.")).toBeVisible();

  await page.goto("/ketens/participatie-armoede");
  await expect(page.getByRole("cell", { name: "Sociaal werk en schuldhulp in de wijk" })).toBeVisible();
  await expect(page.getByText(/Vaste inkomensconsulent — Sanne de Vries/)).toBeVisible();
});
