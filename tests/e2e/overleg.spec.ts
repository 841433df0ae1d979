// Issue 19 in the browser: the minutes of a meeting written by two people at once (two browser
// contexts, one room), a ketenpartner outside the keten sees nothing (404), and the deputy
// regisseur may act only while set as stand-in (403 otherwise).
import type { Page } from "@playwright/test";
import { test, expect, loginIn, apiLogin, caretToEnd } from "./fixtures";
import { query } from "./consultation-helpers";


async function openMeeting(page: Page, overleg: string, when: RegExp): Promise<string> {
  await page.goto("/overleg");
  await page.getByRole("link", { name: overleg }).click();
  await page.getByRole("link", { name: when }).click();
  await page.waitForURL(/\/overleg\/bijeenkomst\/\d+/);
  // The page's own title; the minutes editor below it may hold a heading of level 1 as well.
  await expect(page.getByRole("heading", { level: 1 }).first()).toContainText(overleg);
  return new URL(page.url()).pathname;
}

const minutes = (page: Page) => page.getByRole("textbox", { name: "Verslag van EKO Participatie en Armoede" });

test("two members write the minutes together; after reloading both see the same text", async ({ page, login, browser, baseURL }) => {
  await login("regisseur.participatie@zaanstad.example");
  const other = await loginIn(browser, baseURL!, "teamleider@smd.example");
  try {
    const path = await openMeeting(page, "EKO Participatie en Armoede", /14 januari 2027/);
    await other.goto(path);
    for (const p of [page, other]) await expect(p.getByRole("status").filter({ hasText: /^Verbonden$/ })).toBeVisible({ timeout: 10_000 });
    // The verslag starts from the agenda.
    await expect(minutes(page)).toContainText("Prioriteiten verbeterregister 2027");

    await caretToEnd(page, minutes(page));
    await page.keyboard.press("Enter");
    await page.keyboard.type("Aanwezig: regisseur participatie.");
    await expect(minutes(other)).toContainText("Aanwezig: regisseur participatie.");

    await caretToEnd(other, minutes(other));
    await other.keyboard.press("Enter");
    await other.keyboard.type("Besproken door de teamleider SMD.");
    await expect(minutes(page)).toContainText("Besproken door de teamleider SMD.");

    await page.reload();
    await other.reload();
    for (const p of [page, other]) {
      await expect(minutes(p)).toContainText("Aanwezig: regisseur participatie.");
      await expect(minutes(p)).toContainText("Besproken door de teamleider SMD.");
    }
  } finally {
    await other.context().close();
  }
});

test("a ketenpartner outside the keten gets a 404 for the overleg, the meeting and the register", async ({ page, login, request }) => {
  await login("regisseur.participatie@zaanstad.example");
  const meeting = await openMeeting(page, "EKO Participatie en Armoede", /12 november 2026/);
  const overleg = await page.getByRole("link", { name: "Naar het overleg" }).getAttribute("href");
  await apiLogin(request, "aanbieder@zorgvoorbeeld.example");
  for (const path of [overleg!, meeting, "/ketens/participatie-armoede/verbeterregister"]) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
  const list = await (await request.get("/overleg")).text();
  expect(list).not.toContain("EKO Participatie en Armoede");
  expect(list).toContain("Driehoeksoverleg Wmo");
  // Werkom (a keten member) reads the register.
  await apiLogin(request, "werkom@werkom.example");
  expect((await request.get("/ketens/participatie-armoede/verbeterregister")).status()).toBe(200);
});

test("the deputy regisseur moves a meeting only while standing in", async ({ page, login, browser, baseURL }) => {
  await login("regisseur.participatie@zaanstad.example");
  const path = await openMeeting(page, "OKO Participatie en Armoede", /15 december 2026/);
  const deputy = await loginIn(browser, baseURL!, "regisseur.zorg@zaanstad.example");
  try {
    const move = async () => {
      const csrf = await deputy.locator('input[name="csrf"]').first().inputValue();
      return deputy.request.post(path, { form: { csrf, intent: "verplaatsen", date: "2026-12-16", startTime: "13:30", endTime: "15:00", location: "Wijkcentrum" }, maxRedirects: 0 });
    };
    await deputy.goto(path);
    expect((await move()).status()).toBe(403);
    await page.goto("/ketens/participatie-armoede");
    await page.getByRole("button", { name: "Laat waarnemen" }).click();
    await expect(page.getByText("neemt nu waar", { exact: true })).toBeVisible();
    expect((await move()).status()).toBe(302);
    await page.getByRole("button", { name: "Waarneming beëindigen" }).click();
    await expect(page.getByText("neemt nu niet waar", { exact: true })).toBeVisible();
    expect((await move()).status()).toBe(403);
    await page.goto("/beheer/audit");
  } finally {
    await deputy.context().close();
  }
});

test("the keten report as page, printable HTML and CSV; refused to a ketenpartner", async ({ page, login, request }) => {
  await login("contractmanager@zaanstad.example");
  await page.goto("/ketens/participatie-armoede/rapport?van=2026-01&tot=2026-12");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ketenrapportage Participatie en Armoede");
  await expect(page.getByRole("table", { name: "Signalen per thema" })).toBeVisible();
  await apiLogin(request, "contractmanager@zaanstad.example");
  const html = await request.get("/ketens/participatie-armoede/rapport.html?van=2026-01&tot=2026-12");
  expect(html.status()).toBe(200);
  expect(await html.text()).toContain("Verbeterregister");
  const csv = await request.get("/ketens/participatie-armoede/rapport.csv?van=2026-01&tot=2026-12");
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toMatch(/^\ufeffonderdeel;naam;totaal/);
  await apiLogin(request, "werkom@werkom.example");
  expect((await request.get("/ketens/participatie-armoede/rapport.csv")).status()).toBe(403);
});

test("a signal goes on the agenda of a coming meeting in one click", async ({ page, login, portal }) => {
  const [signal] = query<{ id: number; title: string }>(
    portal,
    "select s.id, s.title from signals s join ketens k on k.id = s.owner_keten_id where k.slug = 'participatie-armoede' and s.status = 'nieuw' order by s.id limit 1",
  );
  await login("regisseur.participatie@zaanstad.example");
  await page.goto(`/signalen/${signal.id}`);
  await page.getByRole("button", { name: /Op de agenda van OKO Participatie en Armoede/ }).click();
  await page.waitForURL(/\/overleg\/bijeenkomst\/\d+/);
  const item = page.locator("ol.agenda li").filter({ hasText: `Signaal: ${signal.title}` });
  await expect(item).toBeVisible();
  await expect(item.getByRole("link", { name: signal.title })).toHaveAttribute("href", `/signalen/${signal.id}`);
  await expect(item).toContainText("stand nu: Nieuw");
});
