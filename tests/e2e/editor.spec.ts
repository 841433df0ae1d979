// The editor on long documents, the comparison that shows formatting, and co-editors kept in
// step (issue 14, points 4–6), plus the publish race behind a flaky documents.spec.ts run.
import { test, expect, caretToEnd, caretAfter } from "./fixtures";
import { createDocument, publish, typeAtEnd } from "./document-helpers";

test.describe("the publish race", () => {
  // The same pages are checked with axe by the other tests in this file; the slowed socket makes this one long enough.
  test.use({ checkA11y: false });

  test("publish right after typing waits for the keystrokes still on their way over the websocket", async ({
    page,
    login,
  }) => {
    // Hold every browser → server collaboration message back, as a busy CI machine may: the
    // publish form (HTTP) then arrives before the last keystrokes (websocket).
    await page.routeWebSocket(/\/collab\//, (ws) => {
      const server = ws.connectToServer();
      ws.onMessage((m) => void setTimeout(() => server.send(m), 400));
      server.onMessage((m) => ws.send(m));
    });
    await login("regisseur.participatie@zaanstad.example");
    const title = `Werkafspraken haast ${Date.now()}`;
    await createDocument(page, title);
    await typeAtEnd(
      page,
      title,
      "Werkom meldt besluiten binnen vijf werkdagen."
    );
    await publish(page, "Direct gepubliceerd");
    await expect(page.getByText("Versie 1 is gepubliceerd.")).toBeVisible();
    await expect(page.locator("article.doc-body")).toContainText(
      "Werkom meldt besluiten binnen vijf werkdagen."
    );
  });
});

test("link form at the cursor without a scroll jump, Ctrl+K in the editor, zaanstad.nl gets https://, sticky toolbar", async ({ page, login }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await login("regisseur.participatie@zaanstad.example");
  const title = `Werkafspraken lang ${Date.now()}`;
  await createDocument(page, title);
  const editor = page.getByRole("textbox", { name: `Tekst van ${title}` });
  await caretToEnd(page, editor);
  // A long document: forty paragraphs, then a word to link at the bottom.
  for (let i = 1; i <= 40; i++) {
    await page.keyboard.press("Enter");
    await page.keyboard.type(`Afspraak ${i}.`);
  }
  await page.keyboard.press("Enter");
  await page.keyboard.type("Meer informatie bij de gemeente");
  await expect(editor).toContainText("Meer informatie bij de gemeente");
  await page.keyboard.press("Shift+ArrowLeft");
  for (let i = 1; i < "gemeente".length; i++) await page.keyboard.press("Shift+ArrowLeft");

  // The toolbar stays in view, on one line.
  const toolbar = page.getByRole("toolbar", { name: "Opmaak" });
  const bar = await toolbar.boundingBox();
  expect(bar && bar.y).toBeGreaterThanOrEqual(0);
  expect(bar && bar.y).toBeLessThan(5);
  const heights = await toolbar.locator("button[data-tool]").evaluateAll((els) => [...new Set(els.map((e) => Math.round(e.getBoundingClientRect().top)))]);
  expect(heights).toHaveLength(1);

  // Ctrl+K inside the editor opens the link form, not quick search, and the page does not move.
  const before = await page.evaluate(() => window.scrollY);
  expect(before).toBeGreaterThan(300);
  await page.keyboard.press("Control+K");
  const field = page.getByLabel("Adres van de link");
  await expect(field).toBeFocused();
  await expect(page.getByRole("dialog", { name: /zoeken/i })).toHaveCount(0);
  expect(await page.evaluate(() => window.scrollY)).toBe(before);
  const box = await field.boundingBox();
  expect(box && box.y).toBeGreaterThan(0);
  expect(box && box.y).toBeLessThan(800);

  await field.fill("zaanstad.nl");
  await page.keyboard.press("Enter");
  await expect(editor.locator('a[href="https://zaanstad.nl/"]')).toHaveText("gemeente");
  expect(Math.abs((await page.evaluate(() => window.scrollY)) - before)).toBeLessThan(50);

  // The rest of the tools are in the "Meer" menu, keyboard operable.
  await toolbar.getByRole("button", { name: "Meer ▾" }).focus();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("menuitem", { name: "Tabel invoegen (3 bij 3)" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("menuitem", { name: "Link toevoegen (Ctrl+K)" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("menu")).toHaveCount(0);
  await expect(toolbar.getByRole("button", { name: "Meer ▾" })).toBeFocused();
});

test("a link added inside a heading shows in the comparison, with a change count and next/previous", async ({ page, login }) => {
  await login("regisseur.participatie@zaanstad.example");
  const title = `Werkafspraken kop ${Date.now()}`;
  const path = await createDocument(page, title);
  await typeAtEnd(page, title, "Aanmelden bij Werkom");
  const toolbar = page.getByRole("toolbar", { name: "Opmaak" });
  await toolbar.getByRole("button", { name: "Kop niveau 2" }).click();
  await publish(page, "Kop");
  await expect(page.getByText("Versie 1 is gepubliceerd.")).toBeVisible();
  await page.goto(`${path}/bewerken`);
  await expect(page.getByRole("status").filter({ hasText: /^Verbonden$/ })).toBeVisible({ timeout: 10_000 });
  const editor = page.getByRole("textbox", { name: `Tekst van ${title}` });
  await caretAfter(page, editor, "Aanmelden bij Werkom");
  await page.keyboard.press("Control+Shift+ArrowLeft");
  await page.keyboard.press("Control+K");
  await page.getByLabel("Adres van de link").fill("https://www.werkom.nl/");
  await page.keyboard.press("Enter");
  await expect(editor.locator('h2 a[href="https://www.werkom.nl/"]')).toHaveText("Werkom");
  await publish(page, "Link in de kop");
  await expect(page.getByText("Versie 2 is gepubliceerd.")).toBeVisible();

  await page.goto(`${path}/vergelijk?van=1&naar=2`);
  const redline = page.getByRole("region", { name: "Verschillen tussen Versie 1 en Versie 2" });
  await expect(redline.getByText("Link toegevoegd: ‘Werkom’ → https://www.werkom.nl/")).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Wijzigingen doorlopen" });
  await expect(nav).toContainText("1 wijziging");
  await nav.getByRole("button", { name: "Volgende wijziging" }).click();
  await expect(nav).toContainText("Wijziging 1 van 1");
  await expect(page.locator("#wijziging-1")).toBeFocused();
  await expect(page.getByText(/1 opmaakwijziging/)).toBeVisible();
});

test("Ctrl+K right after a keyboard selection links the selected word, not the word under an older caret", async ({ page, login }) => {
  await login("regisseur.participatie@zaanstad.example");
  const title = `Werkafspraken snel ${Date.now()}`;
  await createDocument(page, title);
  await typeAtEnd(page, title, "Aanmelden bij Werkom");
  const editor = page.getByRole("textbox", { name: `Tekst van ${title}` });
  // Select the last word and press Ctrl+K in one task, before the browser's "selectionchange"
  // reaches the editor: what a fast keyboard user on a busy machine does.
  await editor.evaluate((root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let text: Text | null = null;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.textContent?.includes("Aanmelden bij Werkom")) text = n as Text;
    if (!text) throw new Error("text not found");
    const start = text.data.indexOf("Werkom");
    window.getSelection()!.setBaseAndExtent(text, start, text, start + "Werkom".length);
    root.dispatchEvent(new KeyboardEvent("keydown", { key: "k", code: "KeyK", ctrlKey: true, bubbles: true, cancelable: true }));
  });
  const field = page.getByLabel("Adres van de link");
  await expect(field).toBeVisible();
  await field.fill("https://www.werkom.nl/");
  await page.keyboard.press("Enter");
  await expect(editor.locator('a[href="https://www.werkom.nl/"]')).toHaveText("Werkom");
  await expect(editor).toContainText("Aanmelden bij Werkom");
});

test("publish and restore notices reach a second open editor; restore asks for confirmation", async ({ page, login, browser, baseURL }) => {
  await login("regisseur.participatie@zaanstad.example");
  const title = `Werkafspraken samen ${Date.now()}`;
  const path = await createDocument(page, title);
  await typeAtEnd(page, title, "De wijkteams voeren de startgesprekken.");

  // A second browser (another session) has the same draft open.
  const other = await browser.newContext({ baseURL, locale: "nl-NL", timezoneId: "Europe/Amsterdam" });
  const second = await other.newPage();
  try {
    await login("regisseur.participatie@zaanstad.example", second);
    await second.goto(`${path}/bewerken`);
    await expect(second.getByRole("status").filter({ hasText: /^Verbonden$/ })).toBeVisible({ timeout: 10_000 });
    await expect(second.getByRole("textbox", { name: `Tekst van ${title}` })).toContainText("De wijkteams voeren de startgesprekken.");

    await publish(page, "Eerste versie");
    await expect(page.getByText("Versie 1 is gepubliceerd.")).toBeVisible();
    await expect(second.getByText(/heeft versie 1 gepubliceerd/)).toBeVisible();

    // Restore: first the question, which says it replaces the draft for everyone.
    await page.goto(`${path}/versies`);
    await page.getByRole("button", { name: "Versie 1 terugzetten in het concept" }).click();
    await expect(page.getByRole("heading", { name: "Versie 1 terugzetten in het concept?" })).toBeVisible();
    await expect(page.getByText(/Dit vervangt het huidige concept voor iedereen/)).toBeVisible();
    await page.getByRole("link", { name: "Annuleren" }).click();
    await expect(page.getByRole("heading", { name: "Versie 1 terugzetten in het concept?" })).toHaveCount(0);
    await page.getByRole("button", { name: "Versie 1 terugzetten in het concept" }).click();
    await page.getByRole("button", { name: "Ja, vervang het concept door versie 1" }).click();
    await expect(page.getByText("De tekst van versie 1 staat weer in het concept.")).toBeVisible();
    await expect(second.getByText(/heeft versie 1 teruggezet in het concept/)).toBeVisible();
  } finally {
    await other.close();
  }
});
