// Issue 11, read path: a document's read view is served as plain HTML, without the framework's
// JavaScript (app/shared/static-page.ts); links, the header search and its "/" and Ctrl+K
// shortcuts still work there, and arriving by a client-side navigation keeps the running app.
import { test, expect } from "./fixtures";

const SLUG = "werkafspraken-participatieketen";

test("the read view loads no framework JavaScript and keeps search and its shortcuts", async ({ page, login }) => {
  await login("professional@dock.example");
  const scripts: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "script") scripts.push(new URL(r.url()).pathname);
  });
  await page.goto(`/documenten/${SLUG}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(scripts, "scripts loaded by the read view").toEqual([]);
  await expect(page.locator('script[type="module"]')).toHaveCount(0);
  // Without the app there is no quick-search dialog; the header field takes the shortcuts.
  await expect(page.getByRole("button", { name: "Snel zoeken" })).toHaveCount(0);
  const search = page.getByRole("searchbox", { name: "Zoek in Ketenportaal" });
  await page.locator("body").press("/");
  await expect(search).toBeFocused();
  await search.blur();
  await page.keyboard.press("Control+k");
  await expect(search).toBeFocused();
  await page.keyboard.type("startgesprek");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/zoeken\?q=startgesprek$/);
  await expect(page.getByRole("heading", { name: "Resultaten" })).toBeVisible();
  // The next page is a hydrated one again: the dialog is back.
  await expect(page.getByRole("button", { name: "Snel zoeken" })).toBeVisible();
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
  await page.keyboard.press("Control+k");
  await expect(page.getByRole("dialog", { name: "Snel zoeken" })).toBeVisible();
  await page.keyboard.press("Escape");
  // A fresh load of the same page is plain HTML again; its links still lead on.
  await page.reload();
  await expect(page.getByRole("button", { name: "Snel zoeken" })).toHaveCount(0);
  await page.getByRole("link", { name: "Versies" }).first().click();
  await expect(page).toHaveURL(new RegExp(`/documenten/${SLUG}/versies$`));
});
