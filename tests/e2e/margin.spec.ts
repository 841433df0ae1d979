// Margin comments in the browser (issue 14): two people in one draft; a comment made with the
// keyboard only (select with Shift+arrows, Ctrl+Alt+M, type, Tab, Enter) stays on its words
// while the other types before it and after a reload; a reply in the thread; the running demo
// proposal shows its suggestion as a redline in the margin. Axe runs on every page visited.
import type { Page } from "@playwright/test";
import { test, expect, caretToEnd } from "./fixtures";
import { personContext } from "./consultation-helpers";

const SLUG = "werkafspraken-wmo-keten";
const TITLE = "Werkafspraken Wmo-keten";

async function openEditor(page: Page) {
  await page.goto(`/documenten/${SLUG}/bewerken`);
  await expect(page.getByRole("status").filter({ hasText: /^Verbonden$/ })).toBeVisible({ timeout: 10_000 });
}

const editor = (page: Page) => page.locator("#concepttekst [contenteditable=true]");

test("keyboard-only margin comment stays on its words while another editor types before it; replies in the thread", async ({ page, login, browser, baseURL }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await login("regisseur.wmo@zaanstad.example");
  const other = await personContext(browser, baseURL!, "contractmanager@zaanstad.example");
  try {
    await openEditor(page);
    await openEditor(other.page);
    const margin = page.getByRole("complementary", { name: /Opmerkingen/ });
    await expect(margin).toContainText("Hoe ver vooraf?");

    // Keyboard only: into the editor, to the last paragraph, select its first word.
    await caretToEnd(page, editor(page), "focus");
    await page.keyboard.press("Home");
    await page.keyboard.press("Shift+Control+ArrowRight");
    const quote = (await page.evaluate(() => window.getSelection()?.toString() ?? "")).trim();
    expect(quote.length).toBeGreaterThan(1);
    await page.keyboard.press("Control+Alt+M");
    const box = page.getByRole("textbox", { name: /Uw opmerking/ });
    await expect(box).toBeFocused();
    await page.keyboard.type("Graag concreter maken, met een voorbeeld.");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    const card = margin.locator("article").filter({ hasText: "Graag concreter maken" });
    await expect(card).toBeVisible();
    await expect(card.locator("blockquote")).toContainText(quote);

    // The other editor types at the very start of the document, before the passage.
    await editor(other.page).focus();
    await other.page.keyboard.press("Control+Home");
    await other.page.keyboard.type("Nieuw begin. ");
    await expect(editor(page)).toContainText("Nieuw begin.", { timeout: 3000 });

    // Reload: the comment is still on its words, not marked as deleted.
    await page.waitForTimeout(2000);
    await page.reload();
    await openEditor(page);
    const again = page.getByRole("complementary", { name: /Opmerkingen/ }).locator("article").filter({ hasText: "Graag concreter maken" });
    await expect(again.getByRole("button", { name: "Toon passage" })).toBeVisible();
    await expect(again).not.toContainText("verwijderd");

    // The other replies in the thread; the first sees it after a reload.
    await other.page.reload();
    await openEditor(other.page);
    const theirs = other.page.locator("article").filter({ hasText: "Graag concreter maken" });
    await theirs.getByText("Antwoorden", { exact: true }).click();
    await theirs.getByRole("textbox", { name: /Uw antwoord/ }).fill("Ik zoek een voorbeeld uit de pilot op.");
    await theirs.getByRole("button", { name: "Antwoord plaatsen" }).click();
    await expect(other.page.locator("article").filter({ hasText: "Ik zoek een voorbeeld uit de pilot op." })).toBeVisible();
    await page.reload();
    await expect(page.locator("article").filter({ hasText: "Graag concreter maken" })).toContainText("Ik zoek een voorbeeld uit de pilot op.");
    await page.screenshot({ path: "test-results/margin-draft-1280.png", fullPage: false });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: "test-results/margin-draft-390.png", fullPage: false });
    expect(TITLE).toBeTruthy();
  } finally {
    await other.context.close();
  }
});

test("the running demo proposal shows a partner's suggestion as a redline with its thread in the margin", async ({ page, login }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await login("werkom@werkom.example");
  await page.goto("/wijzigingen");
  await page.getByRole("link", { name: /Startgesprekken bij een bijstandsaanvraag/ }).first().click();
  const margin = page.getByRole("complementary", { name: /Reacties in de kantlijn/ });
  const card = margin.locator("article").filter({ hasText: "Tekstvoorstel" });
  await expect(card.locator("ins")).toContainText("en een vervanger bij afwezigheid");
  await expect(card).toContainText("Kan Werkom de vervangers per gebied");
  await expect(card.getByText("Reageren op het antwoord").or(card.getByText("Antwoorden", { exact: true }))).toBeVisible();
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/margin-proposal-1280.png", fullPage: false });
});
