// Issue 6 in the browser: the quick-search dialog (acceptance 6), the results page with
// facets and highlights, permissions over HTTP (acceptance 3), hostile queries (acceptance 5),
// the header search without JavaScript, and "Nieuw hier?".
import { test, expect, apiLogin, expectNoA11yViolations } from "./fixtures";
import { HOSTILE_QUERIES } from "../fixtures/search-passages";

test.describe("quick search", () => {
  test("opens with /, shows results for every keystroke, arrows move, Enter opens; keyboard only and axe clean", async ({ page, login }) => {
    await login("nieuw@incluzio.example");
    await page.goto("/");
    // The shortcut needs the page to be hydrated; the button appears then.
    await expect(page.getByRole("button", { name: "Snel zoeken" })).toBeVisible();
    await page.keyboard.press("/");
    const dialog = page.getByRole("dialog", { name: "Snel zoeken" });
    await expect(dialog).toBeVisible();
    const box = dialog.getByRole("combobox", { name: "Zoekwoorden" });
    await expect(box).toBeFocused();
    const list = dialog.locator('[role="listbox"]');

    // Each keystroke gets its own results: the list always shows the answer for what is typed now.
    let typed = "";
    for (const ch of "overdracht") {
      await page.keyboard.type(ch);
      typed += ch;
      await expect(list).toHaveAttribute("data-query", typed);
      if (typed.length >= 2) {
        await expect(list.getByRole("option").first()).toBeVisible();
        await expect(dialog.getByRole("status")).toContainText("resultat");
      }
    }
    await expect(list.getByRole("option").first().locator("mark").first()).toBeVisible();

    await page.keyboard.press("ArrowDown");
    const first = list.getByRole("option").nth(0);
    await expect(first).toHaveAttribute("aria-selected", "true");
    await expect(box).toHaveAttribute("aria-activedescendant", (await first.getAttribute("id"))!);
    await page.keyboard.press("ArrowDown");
    await expect(list.getByRole("option").nth(1)).toHaveAttribute("aria-selected", "true");
    await expect(first).toHaveAttribute("aria-selected", "false");
    await page.keyboard.press("ArrowUp");
    await expect(first).toHaveAttribute("aria-selected", "true");

    // The open dialog, with results and an active option, passes axe too.
    await expectNoA11yViolations(page, "quick-search dialog (open)");

    // Escape closes it; Ctrl-K opens it again with the same text.
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await page.keyboard.press("Control+k");
    await expect(dialog).toBeVisible();
    await expect(box).toBeFocused();

    // Enter on an option opens that item: a person links to their organisation.
    await page.keyboard.press("Control+a");
    await page.keyboard.type("petra jansen");
    await expect(list).toHaveAttribute("data-query", "petra jansen");
    // Agreements that mention her rank above directory pages (issue 15); the person is among
    // the options and is reached with the arrow keys.
    const options = list.getByRole("option");
    const urls = await options.evaluateAll((els) => els.map((e) => e.getAttribute("data-url")));
    const at = urls.indexOf("/organisaties/gemeente-zaanstad");
    expect(at).toBeGreaterThanOrEqual(0);
    for (let i = 0; i <= at; i++) await page.keyboard.press("ArrowDown");
    await expect(options.nth(at)).toHaveAttribute("aria-selected", "true");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/organisaties\/gemeente-zaanstad$/);
    await expect(dialog).toBeHidden();
  });

  test("Enter without choosing an option opens the full results page", async ({ page, login }) => {
    await login("professional@dock.example");
    await page.goto("/nieuw-hier");
    await expect(page.getByRole("button", { name: "Snel zoeken" })).toBeVisible();
    await page.keyboard.press("Control+k");
    await page.keyboard.type("startgesprek");
    await expect(page.locator('[role="listbox"]')).toHaveAttribute("data-query", "startgesprek");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/zoeken\?q=startgesprek$/);
    await expect(page.getByRole("heading", { name: "Resultaten" })).toBeVisible();
  });

  test("typing / inside a text field is just text", async ({ page, login }) => {
    await login("professional@dock.example");
    await page.goto("/");
    await expect(page.getByRole("button", { name: "Snel zoeken" })).toBeVisible();
    const header = page.getByRole("searchbox", { name: "Zoek in Ketenportaal" });
    await header.click();
    await page.keyboard.type("a/b");
    await expect(header).toHaveValue("a/b");
    await expect(page.getByRole("dialog", { name: "Snel zoeken" })).toBeHidden();
  });
});

test.describe("results page", () => {
  test("shows highlighted passages that link to the heading, with facets that filter", async ({ page, login }) => {
    await login("nieuw@incluzio.example");
    await page.goto("/zoeken?q=warme+overdracht");
    const results = page.locator("ol.search-results > li");
    await expect(results.first()).toBeVisible();
    await expect(page.locator("ol.search-results mark").first()).toBeVisible();
    // Passages link to /documenten/<slug>#<heading anchor>.
    const hrefs = await page.locator("ol.search-results h3 a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(hrefs.some((h) => /^\/documenten\/[a-z0-9-]+#[a-z0-9-]+$/.test(h ?? ""))).toBe(true);

    const summary = page.locator(".search-summary");
    const total = Number((await summary.textContent())!.match(/(\d+) result/)![1]);
    await page.getByRole("group", { name: "Soort" }).getByLabel(/Wijzigingsvoorstel/).check();
    await page.getByRole("button", { name: "Filters toepassen" }).click();
    await expect(page).toHaveURL(/soort=voorstel/);
    const filtered = Number((await summary.textContent())!.match(/(\d+) result/)![1]);
    expect(filtered).toBeGreaterThan(0);
    expect(filtered).toBeLessThan(total);
    const kinds = await page.locator("ol.search-results .search-hit-kind .tag").allTextContents();
    expect(new Set(kinds)).toEqual(new Set(["Wijzigingsvoorstel"]));
    // The other kinds stay offered, with their counts (disjunctive facets).
    await expect(page.getByRole("group", { name: "Soort" }).getByLabel(/Document \(\d+\)/)).toBeVisible();
  });

  test("a passage link lands on its heading in the document", async ({ page, login }) => {
    await login("nieuw@incluzio.example");
    await page.goto("/zoeken?q=%22warme+overdracht+tussen+wijkteam%22");
    const link = page.locator('ol.search-results h3 a[href*="#"]').first();
    const href = (await link.getAttribute("href"))!;
    expect(href).toBe("/documenten/werkafspraken-wmo-keten#warme-overdracht-tussen-wijkteam-en-aanbieder");
    await link.click();
    await expect(page).toHaveURL(new RegExp(`${href.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
    const heading = page.locator("#warme-overdracht-tussen-wijkteam-en-aanbieder");
    await expect(heading).toHaveText("Warme overdracht tussen wijkteam en aanbieder");
    await expect(heading).toBeInViewport();
  });

  test("works without JavaScript from the header search box", async ({ browser, baseURL }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByLabel("E-mailadres").fill("werkom@werkom.example");
    await page.getByLabel("Wachtwoord").fill("demo");
    await page.getByRole("button", { name: "Inloggen" }).click();
    await page.getByRole("searchbox", { name: "Zoek in Ketenportaal" }).fill("startgesprek");
    await page.getByRole("button", { name: "Zoek", exact: true }).first().click();
    await expect(page).toHaveURL(/\/zoeken\?q=startgesprek/);
    await expect(page.locator("ol.search-results > li").first()).toBeVisible();
    await expect(page.getByRole("button", { name: "Snel zoeken" })).toHaveCount(0);
    await context.close();
  });
});

test.describe("permissions and hostile input over HTTP", () => {
  // Words that occur only in Wmo/jeugd signals: a Werkom employee (participatieketen only) may not read them.
  const HIDDEN = ["scootmobiel", "jongerenwerker", "logeeropvang"];

  test("a ketenpartner gets no hit and no count for words only in signals it may not see", async ({ playwright, baseURL }) => {
    const regisseur = await playwright.request.newContext({ baseURL });
    const partner = await playwright.request.newContext({ baseURL });
    await apiLogin(regisseur, "regisseur.wmo@zaanstad.example");
    await apiLogin(partner, "werkom@werkom.example");
    for (const word of HIDDEN) {
      const seen = await (await regisseur.get(`/zoeken/snel?q=${word}`)).json();
      expect(seen.total, `${word} exists for the regisseur`).toBeGreaterThan(0);
      const res = await partner.get(`/zoeken/snel?q=${word}`);
      expect(res.status()).toBe(200);
      const body = await res.json();
      expect(body.total).toBe(0);
      expect(body.hits).toEqual([]);
      const html = await (await partner.get(`/zoeken?q=${word}`)).text();
      expect(html).toContain("Geen resultaten");
      expect(html).not.toMatch(/class="facet-count"/);
    }
    await regisseur.dispose();
    await partner.dispose();
  });

  test("hostile queries give results or an empty list, never a 500", async ({ playwright, baseURL }) => {
    const ctx = await playwright.request.newContext({ baseURL });
    await apiLogin(ctx, "werkom@werkom.example");
    for (const q of HOSTILE_QUERIES) {
      const quick = await ctx.get(`/zoeken/snel?q=${encodeURIComponent(q)}`);
      expect(quick.status(), `quick ${JSON.stringify(q.slice(0, 40))}`).toBe(200);
      expect(Array.isArray((await quick.json()).hits)).toBe(true);
      const full = await ctx.get(`/zoeken?q=${encodeURIComponent(q)}&keten=${encodeURIComponent(q.slice(0, 50))}&na=${encodeURIComponent(q.slice(0, 30))}`);
      expect(full.status(), `page ${JSON.stringify(q.slice(0, 40))}`).toBe(200);
    }
    await ctx.dispose();
  });

  test("the quick-search endpoint refuses an anonymous caller with 401 JSON", async ({ request }) => {
    const res = await request.get("/zoeken/snel?q=werk");
    expect(res.status()).toBe(401);
    expect((await res.json()).hits).toEqual([]);
  });
});

test("Nieuw hier? lists what to read first and whom to ask per keten", async ({ page, login }) => {
  await login("nieuw@incluzio.example");
  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Nieuw hier?" }).click();
  await expect(page.getByRole("heading", { name: "Nieuw hier?", level: 1 })).toBeVisible();
  const readFirst = page.locator("ol.read-first > li h3");
  await expect(readFirst.first()).toHaveText("Nieuw hier? Wegwijzer");
  await expect(readFirst).toContainText(["Visie op partnerschap"]);
  const ask = page.getByRole("region", { name: "Bij wie u terechtkunt" });
  await expect(ask.getByRole("heading", { name: "Participatie en Armoede" })).toBeVisible();
  await expect(ask.getByText("regisseur.participatie@zaanstad.example")).toBeVisible();
});
