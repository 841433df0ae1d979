// Issue 19: the regisseur starts a new overleg on /overleg and sets it up on its settings page
// (kind, chair, rhythm, members). A refused save shows the error summary with what was typed
// kept; axe checks every page visited (fixtures.ts).
import { test, expect } from "./fixtures";

test("the regisseur creates an overleg and sets its chair and members", async ({ page, login }) => {
  await login("regisseur.participatie@zaanstad.example");
  await page.goto("/overleg");
  const form = page.getByRole("region", { name: "Nieuw overleg" });
  await form.getByLabel("Keten").selectOption({ label: "Participatie en Armoede" });
  await form.getByLabel("Soort").selectOption({ label: "Ander overleg" });
  await form.getByLabel("Ritme", { exact: false }).fill("Elk kwartaal");
  await form.getByRole("button", { name: "Overleg aanmaken" }).click();
  const summary = page.locator(".error-summary");
  await expect(summary).toBeVisible();
  await expect(summary.getByRole("link", { name: "Naam" })).toBeVisible();
  await expect(page.getByText("Naam is verplicht.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Nieuw overleg" }).getByLabel("Ritme", { exact: false })).toHaveValue("Elk kwartaal");

  await page.getByRole("region", { name: "Nieuw overleg" }).getByLabel("Naam").fill("Kerngroep schulden");
  await page.getByRole("region", { name: "Nieuw overleg" }).getByLabel("Soort").selectOption({ label: "Ander overleg" });
  await page.getByRole("button", { name: "Overleg aanmaken" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Instellingen van Kerngroep schulden");
  await expect(page.getByText("Het overleg is aangemaakt.")).toBeVisible();

  await page.getByLabel("Voorzitter").selectOption({ label: "Ingrid Visser (SMD)" });
  await page.getByLabel("Ritme", { exact: false }).fill("Elke zes weken");
  await page.getByRole("button", { name: "Instellingen opslaan" }).click();
  await expect(page.getByText("De instellingen zijn opgeslagen en staan in het auditlog.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Leden" }).getByText("voorzitter")).toBeVisible();

  await page.getByLabel("Organisatie toevoegen").selectOption({ label: "DOCK" });
  await page.getByRole("button", { name: "Organisatie toevoegen" }).click();
  await expect(page.getByText("De organisatie is toegevoegd.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Verwijder DOCK" })).toBeVisible();

  await page.getByRole("link", { name: "Terug naar het overleg" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kerngroep schulden");
  await expect(page.getByText("Elke zes weken")).toBeVisible();
});
