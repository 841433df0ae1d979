// Issue 11, read path: a document's read view and the home page are served as plain HTML,
// without the framework's JavaScript (app/shared/static-page.ts); one small island
// (app/shared/plain-page.island.ts) gives them the quick search and the phone menu. Links and
// the header search work as plain HTML, and arriving by a client-side navigation keeps the app.
import type { Page } from "@playwright/test";
import { test, expect, expectNoA11yViolations } from "./fixtures";

const SLUG = "werkafspraken-participatieketen";

/** Paths of the scripts a page load fetches, collected from now on. */
function scriptRequests(page: Page): string[] {
  const scripts: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "script") scripts.push(new URL(r.url()).pathname);
  });
  return scripts;
}

const ISLAND = /^\/assets\/plain-page\.island-[\w-]+\.js$/;

test("the read view loads no framework JavaScript and keeps search and its shortcuts", async ({ page, login }) => {
  await login("professional@dock.example");
  const scripts = scriptRequests(page);
  await page.goto(`/documenten/${SLUG}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // The island's button is there once its script ran.
  await expect(page.getByRole("button", { name: "Snel zoeken" })).toBeVisible();
  expect(scripts, "scripts loaded by the read view").toHaveLength(1);
  expect(scripts[0]).toMatch(ISLAND);
  await expect(page.locator("script[src]")).toHaveCount(1);
  await expect(page.locator('link[rel="modulepreload"]')).toHaveCount(0);
  // The header search is a plain form to /zoeken.
  const search = page.getByRole("searchbox", { name: "Zoek in Ketenportaal" });
  await search.fill("startgesprek");
  await search.press("Enter");
  await expect(page).toHaveURL(/\/zoeken\?q=startgesprek$/);
  await expect(page.getByRole("heading", { name: "Resultaten" })).toBeVisible();
  // The next page is a hydrated one again: the React dialog.
  await expect(page.getByRole("button", { name: "Snel zoeken" })).toBeVisible();
  await page.keyboard.press("Control+k");
  await expect(page.getByRole("dialog", { name: "Snel zoeken" })).toBeVisible();
});

test("a link on the read view is a plain navigation; arriving from a hydrated page keeps the app", async ({ page, login }) => {
  await login("professional@dock.example");
  await page.goto("/documenten");
  await expect(page.getByRole("button", { name: "Snel zoeken" })).toBeVisible();
  await page.locator(`a[href="/documenten/${SLUG}"]`).first().click();
  await expect(page).toHaveURL(new RegExp(`/documenten/${SLUG}$`));
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // Client-side navigation: the app that was running stays, with its dialog.
  await expect(page.getByRole("button", { name: "Snel zoeken" })).toBeVisible();
  // The island is not added on top of the app (one "Snel zoeken" button, one menu).
  await expect(page.locator('script[src*="plain-page.island"]')).toHaveCount(0);
  await expect(page.locator(".quick-search-open")).toHaveCount(1);
  await page.keyboard.press("Control+k");
  await expect(page.getByRole("dialog", { name: "Snel zoeken" })).toBeVisible();
  await page.keyboard.press("Escape");
  // A fresh load of the same page is plain HTML again (only the island); its links still lead on.
  await page.reload();
  await expect(page.getByRole("button", { name: "Snel zoeken" })).toBeVisible();
  const srcs = await page.locator("script").evaluateAll((els) => els.map((e) => new URL((e as HTMLScriptElement).src || "inline:", location.href).pathname));
  expect(srcs).toHaveLength(1);
  expect(srcs[0]).toMatch(ISLAND);
  await page.getByRole("link", { name: "Versies" }).first().click();
  await expect(page).toHaveURL(new RegExp(`/documenten/${SLUG}/versies$`));
});

test.describe("home page", () => {
  test("loads only the island; the quick search works there by keyboard and passes axe", async ({ page, login }) => {
    await login("nieuw@incluzio.example");
    const scripts = scriptRequests(page);
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: /Goedendag/ })).toBeVisible();
    const trigger = page.getByRole("button", { name: "Snel zoeken" });
    await expect(trigger).toBeVisible();
    expect(scripts, "scripts loaded by the home page").toHaveLength(1);
    expect(scripts[0]).toMatch(ISLAND);
    await expect(page.locator('link[rel="modulepreload"]')).toHaveCount(0);
    await expectNoA11yViolations(page, "home page (plain HTML)");

    // Ctrl+K from the page opens the dialog; results as you type, highlighted.
    await page.locator("h1").click();
    await page.keyboard.press("Control+k");
    const dialog = page.getByRole("dialog", { name: "Snel zoeken" });
    await expect(dialog).toBeVisible();
    const box = dialog.getByRole("combobox", { name: "Zoekwoorden" });
    await expect(box).toBeFocused();
    const list = dialog.locator('[role="listbox"]');
    await page.keyboard.type("warme overdracht");
    await expect(list).toHaveAttribute("data-query", "warme overdracht");
    await expect(box).toHaveAttribute("aria-expanded", "true");
    await expect(list.getByRole("option").first().locator("mark").first()).toBeVisible();
    await expect(dialog.getByRole("status")).toContainText("resultat");
    await expect(dialog.getByRole("link", { name: /Alle resultaten voor “warme overdracht”/ })).toHaveAttribute("href", "/zoeken?q=warme%20overdracht");
    // Arrows move the active option; End and Home jump.
    const options = list.getByRole("option");
    const count = await options.count();
    await page.keyboard.press("ArrowUp");
    await expect(options.nth(count - 1)).toHaveAttribute("aria-selected", "true");
    await page.keyboard.press("Home");
    await expect(options.first()).toHaveAttribute("aria-selected", "true");
    await expect(box).toHaveAttribute("aria-activedescendant", (await options.first().getAttribute("id"))!);
    await expectNoA11yViolations(page, "quick-search dialog on the plain home page");

    // Escape closes it; opened from the button, the focus goes back to the button.
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await trigger.focus();
    await page.keyboard.press("Enter");
    await expect(dialog).toBeVisible();
    await expect(box).toHaveValue("warme overdracht");
    await page.keyboard.press("Escape");
    await expect(trigger).toBeFocused();

    // "/" opens it again; a query that finds nothing says so.
    await page.locator("h1").click();
    await page.keyboard.press("/");
    await expect(box).toBeFocused();
    await page.keyboard.press("Control+a");
    await page.keyboard.type("qqxqqzz");
    await expect(list).toHaveAttribute("data-query", "qqxqqzz");
    await expect(dialog.getByRole("status")).toHaveText("Geen resultaten voor “qqxqqzz”.");
    await expect(list).toBeHidden();

    // Enter on an option opens that item.
    await page.keyboard.press("Control+a");
    await page.keyboard.type("petra jansen");
    await expect(list).toHaveAttribute("data-query", "petra jansen");
    const urls = await options.evaluateAll((els) => els.map((e) => e.getAttribute("data-url")));
    const at = urls.indexOf("/organisaties/gemeente-zaanstad");
    expect(at).toBeGreaterThanOrEqual(0);
    for (let i = 0; i <= at; i++) await page.keyboard.press("ArrowDown");
    await expect(options.nth(at)).toHaveAttribute("aria-selected", "true");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/organisaties\/gemeente-zaanstad$/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  });

  test("works without JavaScript: the same sections and links, the header search goes to /zoeken", async ({ browser, baseURL }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByLabel("E-mailadres").fill("nieuw@incluzio.example");
    await page.getByLabel("Wachtwoord").fill("demo");
    await page.getByRole("button", { name: "Inloggen" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("heading", { name: "Documenten van uw ketens" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Snel zoeken" })).toHaveCount(0);
    await page.getByRole("link", { name: "Alle documenten" }).click();
    await expect(page).toHaveURL(/\/documenten$/);
    await context.close();
  });

  test.describe("on a phone", () => {
    test.use({ viewport: { width: 390, height: 844 } });

    test("the island gives the plain page the menu button", async ({ page, login }) => {
      await login("regisseur.wmo@zaanstad.example");
      await page.goto("/");
      const nav = page.getByRole("navigation", { name: "Hoofdmenu" });
      const menu = page.getByRole("button", { name: "Menu" });
      await expect(menu).toHaveAttribute("aria-expanded", "false");
      await expect(nav).toBeHidden();
      const box = await page.locator(".site-header").boundingBox();
      expect(box!.height, "header height").toBeLessThan(140);
      await menu.focus();
      await page.keyboard.press("Enter");
      await expect(menu).toHaveAttribute("aria-expanded", "true");
      await expect(nav).toBeVisible();
      await page.keyboard.press("Tab");
      await expect(nav.getByRole("link", { name: "Start" })).toBeFocused();
      await page.keyboard.press("Escape");
      await expect(nav).toBeHidden();
      await expect(menu).toBeFocused();
      await expectNoA11yViolations(page, "home page on a phone (plain HTML)");
      // The shortcut button is hidden on a phone; Ctrl+K from the search field, Escape returns there.
      await expect(page.getByRole("button", { name: "Snel zoeken" })).toBeHidden();
      const field = page.getByRole("searchbox", { name: "Zoek in Ketenportaal" });
      await field.focus();
      await page.keyboard.press("Control+k");
      await expect(page.getByRole("dialog", { name: "Snel zoeken" })).toBeVisible();
      await page.keyboard.press("Escape");
      await expect(field).toBeFocused();
    });
  });
});
