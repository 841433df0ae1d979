// Issue 17: usable on a phone, by keyboard, with errors where you look. Every test runs at
// phone size (390×844) and desktop size (1280×800); every page a test visits is checked with
// axe at that size afterwards (tests/e2e/fixtures.ts).
import { test, expect, expectNoA11yViolations } from "./fixtures";

/** The main pages per role; detail pages are found from their lists. */
const PAGES: Record<string, string[]> = {
  "regisseur.wmo@zaanstad.example": ["/", "/documenten", "/wijzigingen", "/signalen", "/signalen/overzicht", "/overzicht", "/overleg", "/ketens", "/organisaties", "/nieuw-hier", "/meldingen", "/zoeken?q=warme+overdracht"],
  "werkom@werkom.example": ["/", "/signalen", "/wijzigingen", "/documenten", "/nieuw-hier"],
  "beheer@zaanstad.example": ["/beheer", "/beheer/audit"],
};
const DETAILS: [string, RegExp][] = [
  ["/documenten", /^\/documenten\/(?!nieuw$)[^/]+$/],
  ["/wijzigingen", /^\/wijzigingen\/\d+$/],
  ["/signalen", /^\/signalen\/\d+$/],
  ["/ketens", /^\/ketens\/[^/]+$/],
  ["/organisaties", /^\/organisaties\/[^/]+$/],
  ["/overleg", /^\/overleg\/\d+$/],
];

const SIZES = [
  { name: "telefoon", width: 390, height: 844 },
  { name: "desktop", width: 1280, height: 800 },
] as const;

for (const size of SIZES) {
  test.describe(`${size.name} ${size.width}×${size.height}`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    test("a refused signal report: the error summary takes the focus, names every field at once and links to each field", async ({ page, login }) => {
      await login("professional@dock.example");
      await page.goto("/signalen/nieuw");
      await page.getByLabel("Titel").fill("Wachtlijst zonder gesprek");
      await page.getByLabel("Beschrijving").fill("Inwoners wachten lang, bijvoorbeeld BSN 111222333.");
      // No keten, no thema, no wijk: the schema and the privacy guard answer in one round.
      const [refused] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/signalen/nieuw")),
        page.getByRole("button", { name: "Signaal versturen" }).click(),
      ]);
      expect(refused.status()).toBe(400);
      const summary = page.locator(".error-summary");
      await expect(summary).toBeFocused();
      await expect(summary).toBeInViewport();
      const links = summary.getByRole("link");
      await expect(links).toHaveCount(4);
      // Each link names its field; the message itself stands once, next to its field.
      await expect(links).toHaveText(["Keten", "Thema", "Wijk(en)", "Beschrijving"]);
      await expect(page.getByText("Kies een geldige keten.")).toHaveCount(1);
      await expect(page.getByText("Kies een geldig thema.")).toHaveCount(1);
      await expect(page.getByText("Kies minstens één wijk, of stadsbreed.")).toHaveCount(1);
      // The privacy explanation is not repeated by the live hint below the field.
      await expect(page.locator("#privacy-description")).not.toContainText("burgerservicenummer");
      await expect(page.locator("#veld-description-fout")).toContainText("burgerservicenummer");
      // Each link takes the focus to its field.
      await summary.getByRole("link", { name: "Thema" }).click();
      await expect(page.getByLabel("Thema")).toBeFocused();
      await summary.getByRole("link", { name: "Beschrijving" }).click();
      await expect(page.getByLabel("Beschrijving")).toBeFocused();
      await summary.getByRole("link", { name: "Keten" }).click();
      await expect(page.getByRole("radio").first()).toBeFocused();
    });

    test("after login the focus is on the heading and the header stays in view", async ({ page, login }) => {
      await login("professional@dock.example");
      await expect(page.locator("h1")).toBeFocused();
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      // A form post that leads somewhere: the same.
      await page.goto("/signalen/nieuw");
      await page.getByLabel("Titel").fill("Terugval na uitstroom uit de schuldhulp");
      await page.getByLabel("Beschrijving").fill("Na de afronding van schuldhulp melden inwoners zich binnen een half jaar opnieuw, zonder dat iemand dat ziet aankomen.");
      await page.getByRole("radio").first().check();
      await page.getByLabel("Thema").selectOption({ index: 1 });
      await page.getByRole("group", { name: /Wijk\(en\)/ }).getByLabel("Stadsbreed").check();
      await page.getByRole("button", { name: "Signaal versturen" }).click();
      await expect(page).toHaveURL(/\/signalen\/\d+\?gedaan=gemeld/);
      await expect(page.locator("h1")).toBeFocused();
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      await expect(page.locator(".site-header")).toBeInViewport();
    });

    test("no page scrolls sideways and axe finds nothing, for each role", async ({ page, login, browser, baseURL }) => {
      test.setTimeout(480_000);
      for (const [email, pages] of Object.entries(PAGES)) {
        const context = await browser.newContext({ baseURL, viewport: { width: size.width, height: size.height }, locale: "nl-NL", timezoneId: "Europe/Amsterdam" });
        const p = await context.newPage();
        await login(email, p);
        const urls = [...pages];
        if (email.startsWith("regisseur")) {
          for (const [list, re] of DETAILS) {
            await p.goto(list);
            const hrefs = await p.locator("main a").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
            const detail = hrefs.find((h) => re.test(h));
            if (detail) urls.push(detail);
          }
          const proposal = urls.find((u) => /^\/wijzigingen\/\d+$/.test(u));
          expect(proposal, "a proposal to look at").toBeTruthy();
          urls.push(`${proposal}/tijdlijn`, `${proposal}/reactienota`);
        }
        for (const url of urls) {
          const res = await p.goto(url);
          expect(res?.status(), url).toBe(200);
          const { scrollWidth, innerWidth } = await p.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
          expect(scrollWidth, `${email} ${url} is ${scrollWidth}px wide`).toBeLessThanOrEqual(innerWidth);
          await expectNoA11yViolations(p, `${url} as ${email} at ${size.width}px`);
        }
        await context.close();
      }
      // The page itself stays signed out of this loop.
      await page.goto("/login");
    });

    test("search for warme overdracht: the first screen shows a result", async ({ page, login }) => {
      await login("nieuw@incluzio.example");
      await page.goto("/zoeken?q=warme+overdracht");
      const first = page.locator(".search-hit").first();
      await expect(first).toBeVisible();
      await expect(first.getByRole("link").first()).toBeInViewport();
    });

    test("closing quick search returns the focus to where it was", async ({ page, login }) => {
      await login("nieuw@incluzio.example");
      await page.goto("/documenten");
      const dialog = page.getByRole("dialog", { name: "Snel zoeken" });
      if (size.name === "desktop") {
        const trigger = page.getByRole("button", { name: "Snel zoeken" });
        await expect(trigger).toBeVisible();
        await trigger.click();
        await expect(dialog).toBeVisible();
        await page.keyboard.press("Escape");
        await expect(dialog).toBeHidden();
        await expect(trigger).toBeFocused();
      } else {
        // On a phone the shortcut button and its Ctrl+K hint are hidden; the header's search field stays.
        await expect(page.getByRole("button", { name: "Snel zoeken" })).toBeHidden();
        await expect(page.getByRole("searchbox", { name: "Zoek in Ketenportaal" })).toBeVisible();
      }
      const field = page.getByRole("searchbox", { name: "Zoek in Ketenportaal" });
      await field.focus();
      await page.keyboard.press("Control+k");
      await expect(dialog).toBeVisible();
      await page.keyboard.press("Escape");
      await expect(dialog).toBeHidden();
      await expect(field).toBeFocused();
      // Opened by the shortcut from the page: back to the button, not to the body.
      await page.locator("h1").click();
      await page.keyboard.press("Control+k");
      await expect(dialog).toBeVisible();
      await dialog.getByRole("button", { name: "Sluiten" }).click();
      await expect(dialog).toBeHidden();
      expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe("BODY");
    });
  });
}

test.describe("main menu at 1280 px", () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test("all items, Beheer included, stand on one line", async ({ page, login }) => {
    await login("beheer@zaanstad.example");
    const nav = page.getByRole("navigation", { name: "Hoofdmenu" });
    await expect(nav.getByRole("link", { name: "Beheer" })).toBeVisible();
    const items = nav.locator("ul > li");
    expect(await items.count()).toBeGreaterThanOrEqual(12);
    const tops = await items.evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().top)));
    expect(new Set(tops).size, `menu rows (tops ${tops.join(", ")})`).toBe(1);
    // No item sticks out past the window either.
    const right = await items.last().evaluate((el) => el.getBoundingClientRect().right);
    expect(right).toBeLessThanOrEqual(1280);
    await page.screenshot({ path: "test-results/usable-desktop-1280.png" });
  });
});

test.describe("phone menu", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("a compact header; the menu opens and closes by keyboard", async ({ page, login }) => {
    await login("regisseur.wmo@zaanstad.example");
    const header = page.locator(".site-header");
    const box = await header.boundingBox();
    expect(box!.height, "header height").toBeLessThan(140);
    const nav = page.getByRole("navigation", { name: "Hoofdmenu" });
    await expect(nav).toBeHidden();
    const menu = page.getByRole("button", { name: "Menu" });
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await menu.focus();
    await page.keyboard.press("Enter");
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await expect(nav).toBeVisible();
    await expect(nav).toContainText("Ingelogd als");
    await page.keyboard.press("Tab");
    await expect(nav.getByRole("link", { name: "Start" })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(nav).toBeHidden();
    await expect(menu).toBeFocused();
    // Space opens it too; a link goes there and closes the menu.
    await page.keyboard.press(" ");
    await expect(nav).toBeVisible();
    await nav.getByRole("link", { name: "Signalen" }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/signalen$/);
    await expect(nav).toBeHidden();
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await page.screenshot({ path: "test-results/usable-phone-signalen.png" });
    await menu.click();
    await page.screenshot({ path: "test-results/usable-phone-menu.png" });
  });
});
