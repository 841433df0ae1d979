// Issue 15 in the browser: verkenningen, meetings (agenda items) and actions are found on
// /zoeken by who may read them, labelled with their kind, and not by a ketenpartner that
// may not read them.
import { test, expect, expectNoA11yViolations } from "./fixtures";

test("a verkenning and a meeting's agenda item are found by an asked organisation, not by an outsider", async ({ page, login }) => {
  await login("werkom@werkom.example");
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/zoeken?q=klantprofielen");
  const verkenning = page.locator('a[href^="/verkenningen/"]').first();
  await expect(verkenning).toBeVisible();
  await expect(page.getByText("Verkenning (vragen vooraf)").first()).toBeVisible();
  await page.screenshot({ path: "test-results/search2-verkenning-1280.png" });
  await expectNoA11yViolations(page, "/zoeken verkenning");

  await page.goto("/zoeken?q=probleemverkenning+overdracht");
  await expect(page.locator('a[href*="/overleg/bijeenkomst/"]').first()).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "test-results/search2-bijeenkomst-390.png", fullPage: false });
  await expectNoA11yViolations(page, "/zoeken bijeenkomst (phone)");
});

test("a ketenpartner that was not asked finds neither", async ({ page, login }) => {
  await login("aanbieder@zorgvoorbeeld.example");
  await page.goto("/zoeken?q=klantprofielen");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.locator('a[href^="/verkenningen/"]')).toHaveCount(0);
  await page.goto("/zoeken?q=probleemverkenning+overdracht");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.locator('a[href*="/overleg/bijeenkomst/"]')).toHaveCount(0);
});
