// Issue 17, remaining parts: the editor without JavaScript, the werkafspraken banner that agrees
// with the text, the audit log in Dutch with filters and CSV, following items.
import { test, expect } from "./fixtures";

test("without JavaScript the editor page says editing needs JavaScript and links the read view", async ({ page, login, browser, baseURL }) => {
  await login("regisseur.participatie@zaanstad.example");
  const noJs = await browser.newContext({ baseURL, javaScriptEnabled: false, storageState: await page.context().storageState() });
  try {
    const p = await noJs.newPage();
    await p.goto("/documenten/werkafspraken-participatieketen/bewerken");
    const message = p.locator("#editor-zonder-javascript");
    await expect(message).toBeVisible();
    await expect(message).toContainText("Bewerken kan alleen met JavaScript aan");
    await message.getByRole("link", { name: "lees het document" }).click();
    await expect(p).toHaveURL(/\/documenten\/werkafspraken-participatieketen$/);
  } finally {
    await noJs.close();
  }
  // With JavaScript the message is not shown (the editor loads instead).
  await page.goto("/documenten/werkafspraken-participatieketen/bewerken");
  await expect(page.locator("#editor-zonder-javascript")).toBeHidden();
});

test("the werkafspraken banner and the text agree about the ingangsdatum", async ({ page, login }) => {
  await login("regisseur.participatie@zaanstad.example");
  await page.goto("/documenten/werkafspraken-participatieketen");
  const banner = page.locator(".alert-warning", { hasText: "Er loopt een wijzigingsvoorstel" }).first();
  await expect(banner).toContainText("beoogde ingangsdatum 1 maart 2027");
  await expect(page.locator("article.doc-body")).not.toContainText("geen ingangsdatum");
});

test("the audit log reads in Dutch, filters with a GET form and downloads the same selection as CSV", async ({ page, login }) => {
  await login("beheer@zaanstad.example");
  await page.goto("/beheer/audit");
  const table = page.getByRole("table", { name: "Auditlog, nieuwste eerst" });
  await expect(table).toBeVisible();
  await expect(table).not.toContainText("proposal.");
  const objectType = page.getByLabel("Soort object");
  const option = objectType.locator("option").nth(1);
  const [value, label] = [(await option.getAttribute("value"))!, (await option.textContent())!];
  await objectType.selectOption(value);
  await page.getByRole("button", { name: "Filteren" }).click();
  await expect(page).toHaveURL(new RegExp(`object=${value}`));
  await expect(table.locator("tbody tr").first()).toContainText(label);
  const csvLink = page.getByRole("link", { name: "Download als CSV" });
  await expect(csvLink).toHaveAttribute("href", `/beheer/audit.csv?object=${value}`);
  const res = await page.request.get((await csvLink.getAttribute("href"))!);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("text/csv");
  const rows = (await res.text()).trim().split("\r\n").slice(1);
  expect(rows.length).toBeGreaterThan(0);
  for (const r of rows) expect(r).toContain(`;${label};`);
  await page.screenshot({ path: "/tmp/u2/audit-1280.png" });
  const bad = await page.goto("/beheer/audit?van=gisteren");
  expect(bad?.status()).toBe(400);
  await expect(page.getByText("Vul een geldige begindatum in.")).toBeVisible();
});

test("Volgen on a document and a signal: the button turns into Niet meer volgen", async ({ page, login }) => {
  await login("regisseur.wmo@zaanstad.example");
  await page.goto("/documenten/werkafspraken-participatieketen");
  await page.getByRole("button", { name: "Volgen", exact: true }).click();
  await expect(page.getByRole("button", { name: "Niet meer volgen" })).toBeVisible();
  await page.screenshot({ path: "/tmp/u2/document-1280.png" });
  await page.goto("/signalen");
  const first = await page.locator("main a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href")).find((h) => /^\/signalen\/\d+$/.test(h ?? "")));
  await page.goto(first!);
  await expect(page).toHaveURL(/\/signalen\/\d+/);
  await page.getByRole("button", { name: "Volgen", exact: true }).click();
  await expect(page.getByRole("button", { name: "Niet meer volgen" })).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "/tmp/u2/signal-390.png" });
  await page.getByRole("button", { name: "Niet meer volgen" }).click();
  await expect(page.getByRole("button", { name: "Volgen", exact: true })).toBeVisible();
});
