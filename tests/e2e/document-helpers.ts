// Helpers for specs that create, edit and publish living documents in the browser.
import type { Page } from "@playwright/test";
import { expect, caretToEnd } from "./fixtures";

export async function createDocument(page: Page, title: string) {
  await page.goto("/documenten/nieuw");
  await page.getByLabel("Titel").fill(title);
  await page.getByRole("combobox", { name: /^Soort/ }).selectOption("werkafspraken");
  await page.getByRole("combobox", { name: /^Keten/ }).selectOption({ label: "Participatie en Armoede" });
  await page.getByRole("button", { name: "Document aanmaken" }).click();
  await expect(page).toHaveURL(/\/bewerken$/);
  await expect(page.getByRole("status").filter({ hasText: /^Verbonden$/ })).toBeVisible({ timeout: 10_000 });
  return new URL(page.url()).pathname.replace(/\/bewerken$/, "");
}

export async function typeAtEnd(page: Page, title: string, text: string) {
  const editor = page.getByRole("textbox", { name: `Tekst van ${title}` });
  await caretToEnd(page, editor);
  await page.keyboard.press("Enter");
  await page.keyboard.type(text);
  await expect(editor).toContainText(text);
}

export async function publish(page: Page, summary: string) {
  await page.getByLabel("Wat is er veranderd?").fill(summary);
  // A binding document with a version in force: the owner says the change is redactioneel (issue 12).
  const editorial = page.getByRole("radio", { name: /^Redactioneel/ });
  if (await editorial.count()) await editorial.check();
  await page.getByRole("button", { name: /^Publiceer versie/ }).click();
}
