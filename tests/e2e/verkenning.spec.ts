// Issue 13, acceptance points 1-3 in the browser: a verkenning from questions to a proposal that
// carries the summary (both rounds in the reactienota), the integral check (who reads the concept,
// consultation refused until every keten has answered), and a linked, overlapping change flagged
// on the proposal page and /overzicht (two proposals reaching Werkom within 90 days).
import type { Browser, Page } from "@playwright/test";
import { test, expect, expectNoA11yViolations } from "./fixtures";
import { apiAs, passIntegralCheck, postForm, query } from "./consultation-helpers";

test.describe.configure({ mode: "serial" });

const REGISSEUR = "regisseur.wmo@zaanstad.example";
const TITLE = "Afschaling en de nieuwe profielen";
const SUMMARY = "Aanbieders en wijkteams willen vooraf weten welk profiel bij een afschaling hoort.";
const P1 = "Startgesprekken bij een bijstandsaanvraag voortaan gevoerd door Werkom";

let verkenningId = 0;
let proposalId = 0;

async function as(browser: Browser, baseURL: string, email: string, login: (e: string, p?: Page) => Promise<void>) {
  const context = await browser.newContext({ baseURL, locale: "nl-NL", timezoneId: "Europe/Amsterdam" });
  const page = await context.newPage();
  await login(email, page);
  return { context, page };
}

test("1. a verkenning: questions, invitations, answers with receipts, summary, proposal carrying the summary", async ({ page, login, browser, baseURL, mail }) => {
  await login(REGISSEUR);
  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Verkenningen" }).click();
  await page.getByRole("link", { name: "Nieuwe verkenning" }).click();
  await page.getByLabel("Titel").fill(TITLE);
  await page.getByLabel("Het probleem").fill("Aanbieders horen laat welke inwoners naar het wijkteam gaan sinds de profielen en het lagere budget.");
  await page.getByLabel("Vraag 1").fill("Wat merkt u van afschaling naar het wijkteam?");
  for (const org of ["DOCK", "Werkom", "Zorg Voorbeeld BV"]) await page.getByRole("checkbox", { name: org, exact: true }).check();
  await page.getByLabel("Uiterste reactiedatum").fill("2026-12-04");
  await page.getByRole("button", { name: "Verkenning starten" }).click();
  // Only one question: refused with a Dutch message, what was typed kept.
  await expect(page.getByText("Stel ten minste 2 open vragen.")).toBeVisible();
  await expect(page.getByLabel("Vraag 1")).toHaveValue("Wat merkt u van afschaling naar het wijkteam?");
  await page.getByLabel("Vraag 2").fill("Wat moet u vooraf weten?");
  await page.getByRole("button", { name: "Verkenning starten" }).click();
  await expect(page.getByText("De verkenning is gestart.")).toBeVisible();
  verkenningId = Number(new URL(page.url()).pathname.split("/")[2]);
  expect(verkenningId).toBeGreaterThan(0);

  const invitation = await mail.waitFor((m) => m.to.includes("aanbieder@zorgvoorbeeld.example") && m.subject.includes(`Verkenning: ${TITLE}`));
  expect(invitation.text).toContain(`/verkenningen/${verkenningId}`);

  // The asked organisations answer; the receipts show who did.
  for (const [email, text] of [
    ["aanbieder@zorgvoorbeeld.example", "Wij horen het pas bij de eerste factuur."],
    ["werkom@werkom.example", "Voor ons verandert de overdracht."],
  ] as const) {
    const other = await as(browser, baseURL!, email, login);
    await other.page.goto(`/verkenningen/${verkenningId}`);
    await expect(other.page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
    await other.page.getByLabel("Uw antwoord op vraag 1").fill(text);
    await other.page.locator("li", { has: other.page.getByLabel("Uw antwoord op vraag 1") }).getByRole("button", { name: "Antwoord versturen" }).click();
    await expect(other.page.getByText("Uw antwoord is opgeslagen.")).toBeVisible();
    await expectNoA11yViolations(other.page, `verkenning as ${email}`);
    await other.context.close();
  }
  // A ketenpartner that was not asked gets a 404.
  const outsider = await as(browser, baseURL!, "thuishulp@thuishulpdemo.example", login);
  expect((await outsider.page.goto(`/verkenningen/${verkenningId}`))?.status()).toBe(404);
  await outsider.context.close();

  await page.reload();
  const receipts = page.getByRole("table", { name: "Ontvangst per organisatie" });
  await expect(receipts.getByRole("row", { name: /Zorg Voorbeeld BV/ })).toContainText("ja");
  await expect(receipts.getByRole("row", { name: /DOCK/ })).toContainText("nog niet");
  await page.getByRole("textbox", { name: "Wat we hebben gehoord" }).fill(SUMMARY);
  await page.getByRole("button", { name: "Samenvatting opslaan" }).click();
  await expect(page.getByText("De samenvatting is opgeslagen.")).toBeVisible();
  await page.getByLabel("Document").selectOption("werkafspraken-wmo-keten");
  await page.getByLabel("Titel van het voorstel").fill("Afschaling melden met het profiel erbij");
  await page.getByRole("button", { name: "Voorstel maken" }).click();
  await expect(page).toHaveURL(/\/wijzigingen\/\d+/);
  proposalId = Number(new URL(page.url()).pathname.split("/")[2]);
  await expect(page.getByRole("region", { name: "Waarom deze wijziging" })).toContainText(SUMMARY);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: "test-results/verkenning-voorstel-1280.png", fullPage: false });
});

test("2. the integral check: the concept is read by regisseurs and the contractmanager only; consultation waits for every keten", async ({ page, login, browser, baseURL, portal }) => {
  expect(proposalId).toBeGreaterThan(0);
  const cm = await as(browser, baseURL!, "contractmanager@zaanstad.example", login);
  expect((await cm.page.goto(`/wijzigingen/${proposalId}`))?.status()).toBe(200);
  await cm.context.close();
  for (const email of ["werkom@werkom.example", "nieuw@incluzio.example"]) {
    const other = await as(browser, baseURL!, email, login);
    expect((await other.page.goto(`/wijzigingen/${proposalId}`))?.status(), email).toBe(404);
    await other.context.close();
  }

  // Make it ready to open, then try: refused while ketens have not answered.
  const { api, csrf } = await apiAs(baseURL!, REGISSEUR);
  const waarom = query<{ waarom: string }>(portal, "select waarom from proposals where id = ?", proposalId)[0].waarom;
  expect((await postForm(api, csrf, `/wijzigingen/${proposalId}/bewerken`, { intent: "details", title: "Afschaling melden met het profiel erbij", waarom, visieAnchor: "Veranderingen samen voorbereiden" })).status()).toBe(302);
  const dates = { intent: "dates", consultationOpens: "", consultationCloses: "2026-12-10", decisionPlanned: "2026-12-15", effectiveDate: "2027-02-01", evaluationDate: "2027-08-02", reason: "" };
  expect((await postForm(api, csrf, `/wijzigingen/${proposalId}/tijdlijn`, dates)).status()).toBe(302);
  // Goals are required before consultation opens (issue 12).
  const goals = { intent: "goals", improve_0: "Aanbieders horen afschaling op tijd", forWhom_0: "Inwoners en hun begeleiders", measure_0: "Melding zes weken vooraf in elk geval" };
  expect((await postForm(api, csrf, `/wijzigingen/${proposalId}/doelen`, goals)).status()).toBe(302);
  const refused = await postForm(api, csrf, `/wijzigingen/${proposalId}`, { intent: "open" });
  expect(refused.status()).toBe(409);
  expect(await refused.text()).toContain("de integrale toets is niet rond");

  await login("regisseur.zorg@zaanstad.example");
  await page.goto(`/wijzigingen/${proposalId}/integraal`);
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Zorg en Veiligheid" }) });
  await card.getByRole("radio", { name: "Nee" }).check();
  await card.getByLabel("Toelichting").fill("Geen gevolgen voor de veiligheidsketen.");
  await card.getByRole("button", { name: "Toets vastleggen voor Zorg en Veiligheid" }).click();
  await expect(page.getByText("De toets voor uw keten is vastgelegd.")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Zorg en Veiligheid" }) })).toContainText("Raakt deze keten niet");
  expect(query(portal, "select * from keten_checks where proposal_id = ?", proposalId)).toHaveLength(1);

  await passIntegralCheck(portal, proposalId);
  const opened = await postForm(api, csrf, `/wijzigingen/${proposalId}`, { intent: "open" });
  expect(opened.status(), await opened.text()).toBe(302);
  await api.dispose();
});

test("3. linked and overlapping changes: flagged on the proposal page and /overzicht; the reactienota shows both rounds", async ({ page, login, browser, baseURL }) => {
  expect(proposalId).toBeGreaterThan(0);
  await login(REGISSEUR);
  await page.goto(`/wijzigingen/${proposalId}`);
  const samenhang = page.getByRole("region", { name: "Hangt samen met" });
  // Both reach Werkom: this one from 1 February 2027, the startgesprekken from 1 March 2027.
  const flag = samenhang.getByRole("note", { name: "Samenloop van wijzigingen" });
  await expect(flag).toContainText("Werkom");
  await expect(flag.getByRole("listitem").filter({ hasText: /^Werkom:/ }).getByRole("link", { name: P1 })).toBeVisible();
  await page.goto(`/wijzigingen/${proposalId}/integraal`);
  await page.getByRole("combobox", { name: "Hangt samen met" }).selectOption({ label: `Voorstel: ${P1}` });
  await page.getByRole("button", { name: "Koppelen" }).click();
  await expect(page.getByText("De wijziging is gekoppeld.")).toBeVisible();
  await page.goto(`/wijzigingen/${proposalId}`);
  await expect(page.getByRole("region", { name: "Hangt samen met" }).locator(".related-change").getByRole("link", { name: P1 })).toBeVisible();

  await page.goto(`/wijzigingen/${proposalId}/reactienota`);
  await expect(page.getByRole("heading", { name: "Ronde 1: verkenning" })).toBeVisible();
  await expect(page.getByText("Wij horen het pas bij de eerste factuur.")).toBeVisible();
  await expect(page.getByText(SUMMARY)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Ronde 2: consultatie" })).toBeVisible();

  const cm = await as(browser, baseURL!, "contractmanager@zaanstad.example", login);
  await cm.page.goto("/overzicht");
  const table = cm.page.getByRole("table", { name: /binnen 90 dagen/ });
  const row = table.getByRole("row").filter({ has: cm.page.getByRole("rowheader", { name: /Werkom/ }) }).filter({ hasText: "Afschaling melden met het profiel erbij" });
  await expect(row.first()).toContainText(P1);
  await expectNoA11yViolations(cm.page, "/overzicht as contractmanager");
  await cm.page.setViewportSize({ width: 390, height: 844 });
  await cm.page.screenshot({ path: "test-results/verkenning-overzicht-390.png", fullPage: true });
  await cm.context.close();
  await page.goto(`/verkenningen/${verkenningId}`);
  await page.screenshot({ path: "test-results/verkenning-1280.png", fullPage: true });
});
