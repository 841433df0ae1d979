// Issue 16 in the browser: a Word file uploaded to create a living document (with the Dutch
// summary of what was dropped, and a progress indication), a corrupt file refused with a Dutch
// 400 on the page, a proposal's text replaced from Word, the notice settings page and "nieuw
// sinds uw laatste bezoek" on the start page. Every page visited is checked with axe.
import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { werkafsprakenDocx } from "../support/docx-fixture";
import { expect, test } from "./fixtures";
import { query } from "./consultation-helpers";

const REGISSEUR = "regisseur.participatie@zaanstad.example";
const SHOTS = process.env.PW_OUTPUT_DIR ?? "test-results";

async function shoot(page: Page, name: string) {
  for (const [w, h] of [
    [1280, 800],
    [390, 844],
  ]) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: path.join(SHOTS, `wordin-${name}-${w}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

test("a .docx becomes a living document; what was dropped is listed; a corrupt file is a Dutch 400", async ({ page, login, portal }) => {
  await login(REGISSEUR);
  await page.goto("/documenten/nieuw");
  await page.getByRole("link", { name: "Maak het document van een Word-bestand" }).click();
  await expect(page.getByRole("heading", { name: "Document uit Word" })).toBeVisible();

  // A corrupt file: the page says what is wrong, with status 400, and nothing is created.
  const before = query<{ n: number }>(portal, "select count(*) as n from documents")[0].n;
  await page.getByLabel("Word-bestand").setInputFiles({ name: "kapot.docx", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", buffer: Buffer.from("PK\u0003\u0004 niet echt") });
  const [refused] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname.startsWith("/importeren/document")),
    page.getByRole("button", { name: "Word-bestand overnemen" }).click(),
  ]);
  expect(refused.status()).toBe(400);
  await expect(page.locator(".error-text", { hasText: "geen Word-document (.docx) of het is beschadigd" })).toBeVisible();
  expect(query<{ n: number }>(portal, "select count(*) as n from documents")[0].n).toBe(before);

  // The real file: progress while converting, then the summary with the dropped image.
  const docx = await werkafsprakenDocx();
  await page.getByLabel("Word-bestand").setInputFiles({ name: "Werkafspraken_vroegsignalering.docx", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", buffer: docx });
  // Hold the answer back a moment so the progress indication can be seen.
  await page.route("**/importeren/document*", async (route) => {
    await new Promise((r) => setTimeout(r, 800));
    await route.continue();
  });
  await page.getByRole("button", { name: "Word-bestand overnemen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "wordt geüpload en omgezet" })).toBeVisible();
  await expect(page.getByText("Het Word-bestand is overgenomen")).toBeVisible({ timeout: 20_000 });
  await page.unrouteAll({ behavior: "wait" });
  await expect(page.getByText("1 afbeelding: niet overgenomen.")).toBeVisible();
  await shoot(page, "document");
  await page.getByRole("link", { name: "Verder bewerken in het portaal" }).click();
  await expect(page.locator(".ed-h1, h1", { hasText: "Werkafspraken vroegsignalering" }).first()).toBeVisible();
  await expect(page.getByText("Bij geen gehoor een huisbezoek")).toBeVisible({ timeout: 20_000 });
  await expect(page.locator("table").getByText("2 werkdagen")).toBeVisible();
});

test("a proposal's text is replaced from Word and the editor shows it", async ({ page, login, portal }) => {
  await login(REGISSEUR);
  const proposals = query<{ id: number }>(portal, "select p.id from proposals p where p.status in ('concept','in_consultatie') order by p.id");
  let id = 0;
  for (const p of proposals) {
    const res = await page.goto(`/wijzigingen/${p.id}/tekst`);
    if (res?.status() === 200) {
      id = p.id;
      break;
    }
  }
  expect(id).toBeGreaterThan(0);
  await page.getByRole("link", { name: "Vervang de voorgestelde tekst door een Word-bestand" }).click();
  await page.getByLabel("Word-bestand").setInputFiles({ name: "voorstel.docx", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", buffer: await werkafsprakenDocx() });
  await page.getByRole("button", { name: "Tekst vervangen door het Word-bestand" }).click();
  await expect(page.getByText("1 afbeelding: niet overgenomen.")).toBeVisible({ timeout: 20_000 });
  await shoot(page, "voorstel");
  await page.getByRole("link", { name: "Verder bewerken" }).click();
  await expect(page.getByText("De schuldhulp plant een intake")).toBeVisible({ timeout: 20_000 });
});

test("notice settings are saved per kind, and the start page shows what is new since the last visit", async ({ page, login, portal }) => {
  await login("prof3@smd.example");
  await page.goto("/"); // the first visit is remembered
  await page.goto("/instellingen/meldingen");
  await page.getByLabel("Signalen die u meldde, volgt of behandelt").selectOption("dagelijks");
  await page.getByLabel("Agenda's en verslagen van overleggen").selectOption("portaal");
  await page.getByRole("button", { name: "Keuzes opslaan" }).click();
  await expect(page.getByText("Uw keuzes zijn opgeslagen.")).toBeVisible();
  await expect(page.getByLabel("Signalen die u meldde, volgt of behandelt")).toHaveValue("dagelijks");
  const rows = query<{ category: string; delivery: string }>(portal, "select category, delivery from notice_preferences np join people p on p.id = np.person_id where p.email = ? order by category", "prof3@smd.example");
  expect(rows).toContainEqual({ category: "signalen", delivery: "dagelijks" });
  expect(rows).toContainEqual({ category: "overleg", delivery: "portaal" });
  await shoot(page, "instellingen");
  // A visit an hour ago, then back: the start page lists what came since.
  const { default: Database } = await import("better-sqlite3");
  const db = new Database(path.join(portal.dataDir, "ketenportaal.db"));
  try {
    db.prepare("update person_visits set last_seen_at = '2026-11-20T08:00:00.000Z' where person_id = (select id from people where email = ?)").run("prof3@smd.example");
  } finally {
    db.close();
  }
  await page.goto("/");
  const section = page.getByRole("region", { name: "Nieuw sinds uw laatste bezoek" });
  await expect(section).toBeVisible();
  await expect(section.getByText(/Uw vorige bezoek: 20 november 2026/)).toBeVisible();
  await shoot(page, "start");
  expect(fs.existsSync(path.join(SHOTS, "wordin-start-390.png"))).toBe(true);
});
