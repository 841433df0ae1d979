// Living documents in the browser: publish → history → redline → restore, the server-rendered
// read view without JavaScript, and content typed as HTML staying text.
import { test, expect, caretAfter } from "./fixtures";
import { createDocument, publish, typeAtEnd } from "./document-helpers";

test("publish → version list → redline between v1 and v2 → restore v1 into the draft", async ({ page, login }) => {
  await login("regisseur.participatie@zaanstad.example");
  const title = `Werkafspraken versies ${Date.now()}`;
  const path = await createDocument(page, title);
  await typeAtEnd(page, title, "De wijkteams voeren de startgesprekken samen met Uitkeringen.");

  // The summary is required: a Dutch message, nothing published, the text is kept.
  await page.getByRole("button", { name: "Publiceer versie 1" }).click();
  await expect(page.getByText("Samenvatting van de wijziging is verplicht.")).toBeVisible();
  await expect(page.getByRole("textbox", { name: `Tekst van ${title}` })).toContainText("De wijkteams voeren de startgesprekken");

  await publish(page, "Eerste versie");
  await expect(page).toHaveURL(new RegExp(`${path}\\?gepubliceerd=1$`));
  await expect(page.getByText("Versie 1 is gepubliceerd.")).toBeVisible();
  await expect(page.locator("article.doc-body")).toContainText("De wijkteams voeren de startgesprekken samen met Uitkeringen.");

  // Change a sentence and add one, then publish v2.
  await page.goto(`${path}/bewerken`);
  await expect(page.getByRole("status").filter({ hasText: /^Verbonden$/ })).toBeVisible({ timeout: 10_000 });
  const editor = page.getByRole("textbox", { name: `Tekst van ${title}` });
  await caretAfter(page, editor, "samen met Uitkeringen.");
  for (let i = 0; i < "samen met Uitkeringen.".length; i++) await page.keyboard.press("Backspace");
  await page.keyboard.type("met Werkom.");
  await expect(editor).toContainText("De wijkteams voeren de startgesprekken met Werkom.");
  await typeAtEnd(page, title, "Werkom meldt besluiten binnen vijf werkdagen.");
  await publish(page, "Startgesprek naar Werkom");
  await expect(page.getByText("Versie 2 is gepubliceerd.")).toBeVisible();

  // History: who, when, summary.
  await page.getByRole("link", { name: "Alle versies" }).click();
  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText("Versie 2");
  await expect(rows.nth(0)).toContainText("geldend");
  await expect(rows.nth(0)).toContainText("Startgesprek naar Werkom");
  await expect(rows.nth(0)).toContainText("Petra Jansen");
  await expect(rows.nth(1)).toContainText("Eerste versie");

  // Redline v1 → v2: the changed words, per block.
  await page.getByRole("link", { name: "Vergelijk met versie 1" }).click();
  await expect(page).toHaveURL(/vergelijk\?van=1&naar=2/);
  const redline = page.getByRole("region", { name: "Verschillen tussen Versie 1 en Versie 2" });
  await expect(redline.locator("del").filter({ hasText: "Uitkeringen" })).toBeVisible();
  await expect(redline.locator("del").filter({ hasText: "samen" })).toBeVisible();
  await expect(redline.locator("ins").filter({ hasText: /^toegevoegd: Werkom$/ })).toBeVisible();
  await expect(redline.locator("ins").filter({ hasText: "Werkom meldt besluiten binnen vijf werkdagen." })).toBeVisible();
  // Unchanged words are not marked.
  await expect(redline.locator("ins, del").filter({ hasText: "De wijkteams voeren de startgesprekken" })).toHaveCount(0);
  await expect(redline.locator("ins").first()).toContainText("toegevoegd:"); // screen-reader marker
  await expect(page.getByText(/blokken gewijzigd/)).toBeVisible();

  // Restore v1 (owner) into the draft: the editor shows v1's text, v2 stays published.
  await page.goto(`${path}/versies`);
  await page.getByRole("button", { name: "Versie 1 terugzetten in het concept" }).click();
  // Restoring replaces the shared draft for everyone, so it asks first.
  await expect(page.getByRole("heading", { name: "Versie 1 terugzetten in het concept?" })).toBeVisible();
  await page.getByRole("button", { name: "Ja, vervang het concept door versie 1" }).click();
  await expect(page.getByText("De tekst van versie 1 staat weer in het concept.")).toBeVisible();
  await page.goto(`${path}/bewerken`);
  await expect(page.getByRole("status").filter({ hasText: /^Verbonden$/ })).toBeVisible({ timeout: 10_000 });
  await expect(editor).toContainText("De wijkteams voeren de startgesprekken samen met Uitkeringen.");
  await expect(editor).not.toContainText("Werkom meldt besluiten");
  await page.goto(path);
  await expect(page.locator("article.doc-body")).toContainText("Werkom meldt besluiten binnen vijf werkdagen.");
  await expect(page.getByText("Het concept bevat wijzigingen die nog niet zijn gepubliceerd.")).toBeVisible();
});

test("the toolbar formats text (aria-pressed, keyboard) and the read view shows it", async ({ page, login }) => {
  await login("regisseur.participatie@zaanstad.example");
  const title = `Werkafspraken opmaak ${Date.now()}`;
  const path = await createDocument(page, title);
  await typeAtEnd(page, title, "Belangrijke afspraak");
  const editor = page.getByRole("textbox", { name: `Tekst van ${title}` });
  const toolbar = page.getByRole("toolbar", { name: "Opmaak" });

  // Make the new paragraph a heading, then bold a word in a new paragraph.
  await toolbar.getByRole("button", { name: "Kop niveau 2" }).click();
  await expect(toolbar.getByRole("button", { name: "Kop niveau 2" })).toHaveAttribute("aria-pressed", "true");
  await expect(editor.locator("h2", { hasText: "Belangrijke afspraak" })).toBeVisible();
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Dit is ");
  await toolbar.getByRole("button", { name: "Vet" }).click();
  await expect(toolbar.getByRole("button", { name: "Vet" })).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.type("verplicht");
  await expect(editor.locator("strong, b, .ed-bold", { hasText: "verplicht" })).toBeVisible();

  // The toolbar is one tab stop; arrow keys move between its buttons.
  await toolbar.getByRole("button", { name: "Gewone tekst" }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(toolbar.getByRole("button", { name: "Kop niveau 2" })).toBeFocused();
  await page.keyboard.press("End");
  await expect(toolbar.getByRole("button", { name: "Opnieuw" })).toBeFocused();

  // A link with an unsafe address is refused with a Dutch message.
  await editor.getByText("verplicht").dblclick();
  await toolbar.getByRole("button", { name: "Link toevoegen" }).click();
  await page.getByLabel("Adres van de link").fill("javascript:alert(1)");
  await page.getByRole("button", { name: "Link toevoegen" }).last().click();
  await expect(page.getByText(/Vul een volledig webadres in/)).toBeVisible();
  await page.getByLabel("Adres van de link").fill("https://www.zaanstad.nl/");
  await page.getByRole("button", { name: "Link toevoegen" }).last().click();
  await expect(editor.locator('a[href="https://www.zaanstad.nl/"]')).toBeVisible();

  await publish(page, "Opmaak");
  const article = page.locator("article.doc-body");
  await expect(article.locator("h2", { hasText: "Belangrijke afspraak" })).toBeVisible();
  await expect(article.locator("strong", { hasText: "verplicht" })).toBeVisible();
  await expect(article.locator('a[href="https://www.zaanstad.nl/"]')).toHaveAttribute("rel", "noopener noreferrer nofollow");
  expect(path).toContain("/documenten/");
});

test("a redacteur who is not the owner cannot restore", async ({ page, login }) => {
  await login("professional@dock.example");
  await page.goto("/documenten/werkafspraken-participatieketen/versies");
  await expect(page.getByRole("button", { name: /terugzetten/ })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Vergelijk met versie 1" })).toBeVisible();
});

test("the read view is server-rendered HTML and text typed as HTML stays text (no script runs)", async ({ page, login, browser, baseURL }) => {
  await login("regisseur.participatie@zaanstad.example");
  const title = `Werkafspraken veiligheid ${Date.now()}`;
  const path = await createDocument(page, title);
  const payload = `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script><a href="javascript:alert(1)">klik</a>`;
  await typeAtEnd(page, title, payload);
  await publish(page, "Met een rare tekst");
  await expect(page.getByText("Versie 1 is gepubliceerd.")).toBeVisible();

  // In the same browser: shown as text, nothing executed, no elements created from it.
  const article = page.locator("article.doc-body");
  await expect(article).toContainText(payload);
  await expect(article.locator("img, script, iframe, [onerror]")).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

  // Without JavaScript at all: the same text is in the server's HTML.
  const noJs = await browser.newContext({ baseURL, javaScriptEnabled: false, storageState: await page.context().storageState() });
  try {
    const p = await noJs.newPage();
    const res = await p.goto(path);
    expect(res?.status()).toBe(200);
    await expect(p.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(p.locator("article.doc-body")).toContainText(payload);
    await expect(p.locator("article.doc-body")).toContainText("Doel van deze werkafspraken");
    const html = await res!.text();
    expect(html).toContain("&lt;script&gt;window.__xss=2&lt;/script&gt;");
    expect(html).not.toContain("<script>window.__xss");
    // The version history also works without JavaScript.
    await p.goto(`${path}/versies`);
    await expect(p.locator("tbody tr")).toHaveCount(1);
  } finally {
    await noJs.close();
  }

  // The Markdown export carries the same text.
  const md = await page.request.get(`${path}/export.md`);
  expect(md.headers()["content-type"]).toContain("text/markdown");
  expect(await md.text()).toContain(`# ${title}`);
});

test("documents overview and start page list the documents of my ketens", async ({ page, login }) => {
  await login("werkom@werkom.example");
  await page.goto("/");
  const section = page.getByRole("region", { name: "Documenten van uw ketens" });
  await expect(section.getByRole("link", { name: "Werkafspraken participatieketen" })).toBeVisible();
  await expect(section.getByRole("link", { name: "Werkafspraken Wmo-keten" })).toHaveCount(0);
  await page.goto("/documenten");
  await expect(page.getByRole("link", { name: "Visie op partnerschap" })).toBeVisible();
  await page.getByLabel("Keten", { exact: true }).selectOption({ label: "Participatie en Armoede" });
  await page.getByRole("button", { name: "Filteren" }).click();
  await expect(page.getByRole("link", { name: "Visie op partnerschap" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Werkafspraken participatieketen" })).toBeVisible();
  await page.getByRole("link", { name: "Werkafspraken participatieketen" }).click();
  await expect(page.getByText(/Versie 2, gepubliceerd op/)).toBeVisible();
  await page.getByRole("link", { name: "Versies", exact: true }).click();
  await page.getByRole("button", { name: "Vergelijken" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Versie 1 en Versie 2 vergeleken");
});
