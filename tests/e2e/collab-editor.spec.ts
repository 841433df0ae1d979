// Co-editing in the browser: two people of different organisations in one document, and a
// fresh document opened in two tabs at once.
import type { Page } from "@playwright/test";
import { test, expect, loginIn, caretToEnd } from "./fixtures";

const SLUG = "werkafspraken-participatieketen";


const editorOf = (page: Page, title: string) => page.getByRole("textbox", { name: `Tekst van ${title}` });

async function openEditor(page: Page, slug: string) {
  await page.goto(`/documenten/${slug}/bewerken`);
  await expect(page.getByRole("status").filter({ hasText: /^Verbonden$/ })).toBeVisible({ timeout: 10_000 });
}

test("two editors of different organisations see each other's typing and cursor within a second; after reloading both texts are identical", async ({
  page,
  login,
  browser,
  baseURL,
}) => {
  await login("professional@dock.example"); // DOCK
  const other = await loginIn(browser, baseURL!, "regisseur.participatie@zaanstad.example"); // Gemeente Zaanstad
  const title = "Werkafspraken participatieketen";
  try {
    await openEditor(page, SLUG);
    await openEditor(other, SLUG);
    // Presence: each sees the other in the list, with organisation.
    await expect(page.locator(".presence")).toContainText("Petra Jansen");
    await expect(page.locator(".presence")).toContainText("(Gemeente Zaanstad)");
    await expect(other.locator(".presence")).toContainText("(DOCK)");

    // DOCK types at the end of the document.
    const mine = editorOf(page, title);
    await caretToEnd(page, mine);
    await page.keyboard.press("Enter");
    const fromDock = "Zin getypt door DOCK tijdens het overleg.";
    await page.keyboard.type(fromDock);
    const typedAt = Date.now();
    await expect(editorOf(other, title)).toContainText(fromDock, { timeout: 1000 });
    expect(Date.now() - typedAt).toBeLessThan(1000);
    // DOCK's cursor, with its name, in DOCK's organisation colour, on the other screen.
    const cursorName = other.getByText("Youssef El Amrani", { exact: true });
    await expect(cursorName).toBeVisible({ timeout: 1000 });
    expect(await cursorName.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe("rgb(0, 105, 92)");

    // The gemeente types at the start of the first heading, at the same time as DOCK goes on.
    await editorOf(other, title).getByText("Doel van deze werkafspraken").click();
    await other.keyboard.press("Home");
    const fromGemeente = "Gemeente: ";
    await Promise.all([other.keyboard.type(fromGemeente), page.keyboard.type(" En nog een zin.")]);
    await expect(mine).toContainText("Gemeente: Doel van deze werkafspraken", { timeout: 1000 });
    await expect(editorOf(other, title)).toContainText(`${fromDock} En nog een zin.`, { timeout: 1000 });

    // Both reload: identical and complete.
    await Promise.all([page.reload(), other.reload()]);
    await Promise.all([openEditor(page, SLUG), openEditor(other, SLUG)]);
    const [a, b] = [await editorOf(page, title).innerText(), await editorOf(other, title).innerText()];
    expect(a).toBe(b);
    expect(a).toContain(`${fromDock} En nog een zin.`);
    expect(a).toContain("Gemeente: Doel van deze werkafspraken");
  } finally {
    await other.context().close();
  }
});

test("a fresh document opened in two tabs at once is seeded exactly once", async ({ page, login }) => {
  await login("regisseur.participatie@zaanstad.example");
  await page.goto("/documenten/nieuw");
  const title = `Werkafspraken tweeling ${Date.now()}`;
  await page.getByLabel("Titel").fill(title);
  await page.getByRole("combobox", { name: /^Soort/ }).selectOption("werkafspraken");
  await page.getByRole("combobox", { name: /^Keten/ }).selectOption({ label: "Participatie en Armoede" });
  await page.getByRole("button", { name: "Document aanmaken" }).click();
  await expect(page).toHaveURL(/\/bewerken$/);
  const url = page.url();

  // Two more tabs of the same person open the brand-new document at the same moment.
  const [t1, t2] = [await page.context().newPage(), await page.context().newPage()];
  await Promise.all([t1.goto(url), t2.goto(url)]);
  for (const t of [t1, t2, page]) {
    await expect(t.getByRole("status").filter({ hasText: /^Verbonden$/ })).toBeVisible({ timeout: 10_000 });
    await expect(editorOf(t, title)).toContainText("Doel van deze werkafspraken");
  }
  for (const t of [t1, t2, page]) {
    const text = await editorOf(t, title).innerText();
    expect(text.match(/Doel van deze werkafspraken/g)).toHaveLength(1);
    expect(text.match(/Wie doet wat/g)).toHaveLength(1);
  }
  await t1.reload();
  await expect(t1.getByRole("status").filter({ hasText: /^Verbonden$/ })).toBeVisible({ timeout: 10_000 });
  expect((await editorOf(t1, title).innerText()).match(/Doel van deze werkafspraken/g)).toHaveLength(1);
  await t1.close();
  await t2.close();
});

test("a ketenpartner cannot open the editor (403) but reads the published version", async ({ page, login }) => {
  await login("werkom@werkom.example");
  const res = await page.goto(`/documenten/${SLUG}/bewerken`);
  expect(res?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Geen toegang" })).toBeVisible();
  await page.goto(`/documenten/${SLUG}`);
  await expect(page.getByRole("heading", { level: 1, name: "Werkafspraken participatieketen" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Bewerken" })).toHaveCount(0);
  // The unpublished draft is for editors only.
  const draft = await page.goto(`/documenten/${SLUG}/vergelijk?van=1&naar=concept`);
  expect(draft?.status()).toBe(403);
});
