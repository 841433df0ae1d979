// Issue 12 in the browser: goals are required before the consultation opens (the refusal is on
// the page), goals and a pilot are entered on "Doelen en evaluatie"; the demo pilot
// individuele begeleiding shows both phases and a conclusion per goal; the startgesprekken
// timeline shows "tot nader orde" in its history, and a date set to "nog niet bekend" shows
// on the timeline. Every visited page is checked with axe (fixtures.ts).
import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";

const SHOTS = "test-results/pilot";

async function shots(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: `${SHOTS}/${name}-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/${name}-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
}

test("a new proposal cannot open without goals; goals and a pilot are entered and shown in two phases", async ({ page, login }) => {
  await login("regisseur.wmo@zaanstad.example");
  await page.goto("/wijzigingen/nieuw?document=werkafspraken-wmo-keten");
  await page.getByLabel("Titel van het voorstel").fill("Afschaling bij aanbieders eerst als pilot in twee wijken");
  await page.getByRole("button", { name: "Concept aanmaken" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Afschaling bij aanbieders eerst als pilot in twee wijken" })).toBeVisible();
  const proposalUrl = page.url().split("?")[0];

  await page.getByRole("button", { name: "Consultatie openen" }).click();
  await expect(page.getByText("De consultatie kan nog niet open")).toBeVisible();
  await expect(page.getByRole("alert").getByText("Beschrijf ten minste één doel")).toBeVisible();

  await page.getByRole("navigation", { name: "Onderdelen van dit voorstel" }).getByRole("link", { name: "Doelen en evaluatie" }).click();
  await page.getByLabel("Wat moet er beter worden?").first().fill("Afschaling wordt zes weken vooraf gemeld");
  await page.getByLabel("Voor wie?").first().fill("Inwoners die van een aanbieder naar het wijkteam gaan");
  await page.getByLabel("Hoe weten we dat het lukt?").first().fill("Aandeel meldingen dat zes weken vooraf binnen is, per kwartaal");
  await page.getByRole("button", { name: "Doelen opslaan" }).click();
  await expect(page.getByText("De doelen zijn opgeslagen.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: "Afschaling wordt zes weken vooraf gemeld" })).toBeVisible();

  // A pilot with its evaluation after its end is refused, with the field named.
  await page.getByLabel("Dit voorstel start als pilot").check();
  await page.getByLabel("In welke wijken of teams?").fill("Wijkteam Poelenburg en wijkteam Rosmolenwijk");
  await page.getByLabel("Start pilot").fill("2027-02-01");
  await page.getByLabel("Einde pilot").fill("2027-06-30");
  await page.getByLabel("Evaluatie pilot").fill("2027-07-15");
  await page.getByRole("button", { name: "Pilot opslaan" }).click();
  await expect(page.getByText("De pilot is niet opgeslagen.")).toBeVisible();
  await expect(page.getByText("De evaluatie van de pilot ligt niet na het einde van de pilot")).toBeVisible();
  await page.getByLabel("Evaluatie pilot").fill("2027-06-01");
  await page.getByRole("button", { name: "Pilot opslaan" }).click();
  await expect(page.getByText("De pilot is opgeslagen.")).toBeVisible();
  const phases = page.locator(".pilot-phases");
  await expect(phases).toContainText("Fase 1: pilot in Wijkteam Poelenburg en wijkteam Rosmolenwijk");
  await expect(phases).toContainText("Fase 2: regulier, voor iedereen");
  await expect(phases).toContainText("pas na de evaluatie en de consultatie over de uitkomst");
  await shots(page, "doelen-concept");

  // The proposal page lists the goals and both phases; the checklist no longer flags the goals.
  await page.goto(proposalUrl);
  await expect(page.getByRole("heading", { level: 2, name: "Doelen" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Pilot, daarna regulier" })).toBeVisible();
  await expect(page.locator(".checklist li.done").filter({ hasText: "Doelen" })).toBeVisible();
});

test("the IB pilot shows both phases, the evaluation per goal and a conclusion per goal", async ({ page, login }) => {
  await login("regisseur.wmo@zaanstad.example");
  await page.goto("/wijzigingen");
  await page.getByRole("link", { name: /Lichte individuele begeleiding door de wijkteams/ }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Pilot, daarna regulier" })).toBeVisible();
  await expect(page.locator(".pilot-phases")).toContainText("Regulier: geldt voor iedereen");
  await expect(page.locator(".pilot-phases")).toContainText("van kracht per 1 januari 2024");
  await expect(page.getByText("Niet behaald").first()).toBeVisible();
  await shots(page, "ib-pilot-overzicht");
  await page.getByRole("link", { name: "Doelen en evaluatie per doel" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Reacties op de uitkomst van de pilot" })).toBeVisible();
  await page.getByText("Antwoorden van de organisaties (3)").first().click();
  await expect(page.getByText("Minder indicaties voor lichte begeleiding in onze gebieden.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Vervolgvoorstel" })).toBeVisible();
  await shots(page, "ib-pilot-doelen");
});

test("the startgesprekken timeline shows tot nader orde in its history; a date set to nog niet bekend is shown and announced", async ({ page, login, mail }) => {
  await login("regisseur.participatie@zaanstad.example");
  await page.goto("/wijzigingen");
  await page.getByRole("link", { name: /Startgesprekken bij een bijstandsaanvraag/ }).click();
  await page.getByRole("navigation", { name: "Onderdelen van dit voorstel" }).getByRole("link", { name: "Tijdlijn" }).click();
  const history = page.locator("table.date-history");
  await expect(history).toContainText("nog niet bekend (tot nader orde)");
  await expect(history).toContainText("Tot nader orde: DOCK maakt bezwaar");

  await page.getByLabel("Welke datum?").selectOption("decisionPlanned");
  await page.getByLabel("Waarom is de datum nog niet bekend?").fill("Het besluit wacht op de afspraak over de vrijgekomen uren in de uitvoeringsovereenkomst.");
  await page.getByLabel("Bekend uiterlijk op").fill("2026-12-04");
  await page.getByRole("button", { name: "Op ‘nog niet bekend’ zetten en melden" }).click();
  await expect(page.getByText("De datum staat op ‘nog niet bekend’.")).toBeVisible();
  const decision = page.locator("ol.timeline li").filter({ hasText: "Besluit gepland" });
  await expect(decision).toContainText("nog niet bekend (tot nader orde)");
  await expect(decision).toContainText("nieuwe datum uiterlijk 4 december 2026 bekend");
  await shots(page, "tijdlijn-nader-orde");
  const m = await mail.waitFor((x) => x.to.includes("werkom@werkom.example") && x.subject.includes("Datum nog niet bekend"), 30_000);
  expect(m.text).toContain("Het besluit wacht op de afspraak over de vrijgekomen uren");
});
