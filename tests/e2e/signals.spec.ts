// Signalen end to end: report → route → handle → answer → e-mail (acceptance 1), the privacy
// guard over HTTP (2), overdue with an injected clock in overview and CSV (4), ketenpartner
// access per route (5) and the overview page with charts, tables and CSV (7).
import fs from "node:fs";
import path from "node:path";
import { test, expect, loginIn, apiLogin, expectNoA11yViolations } from "./fixtures";
import { request as pwRequest } from "@playwright/test";
import { startPortal } from "../support/portal";

type SeedSignal = { id: string; title: string; ketens: string[]; reporter: string };
const seeded: SeedSignal[] = JSON.parse(fs.readFileSync(path.resolve("content/signals.json"), "utf8"));
/** Seeded signals get ids 1..n in file order on a fresh database. */
const seededId = (pred: (s: SeedSignal) => boolean) => seeded.findIndex(pred) + 1;


test("a professional reports a signal; the regisseur handles it; the professional gets the answer and an e-mail", async ({ page, login, browser, baseURL, mail }) => {
  const title = `Wachtlijst na terugverwijzing Werkom groeit ${Date.now()}`;
  const feedback = "Besproken in het OKO: Werkom belt het wijkteam voortaan vóór een terugverwijzing. Dit staat in het verbeterregister.";

  // --- the professional reports; the privacy guard first blocks a BSN and keeps the text.
  await login("professional@dock.example");
  await page.goto("/signalen/nieuw");
  await page.getByLabel("Titel").fill(title);
  const description = page.getByLabel("Beschrijving");
  await description.fill("Inwoners komen zonder gesprek terug op de wachtlijst, bijvoorbeeld BSN 111222333.");
  // Instant feedback in the browser, before anything is sent.
  await expect(page.locator("#privacy-description")).toContainText("burgerservicenummer");
  await page.getByRole("radio", { name: /Participatie en Armoede/ }).check();
  await page.getByLabel("Thema").selectOption({ label: "Participatie" });
  await page.getByRole("group", { name: /Wijk\(en\)/ }).getByLabel("Krommenie").check();
  const [refused] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/signalen/nieuw")),
    page.getByRole("button", { name: "Signaal versturen" }).click(),
  ]);
  expect(refused.status()).toBe(422);
  await expect(page.getByRole("alert")).toContainText("burgerservicenummer");
  await expect(page.getByRole("alert")).toContainText("patroon");
  await expect(description).toHaveValue(/BSN 111222333/);
  await description.fill("Inwoners komen zonder gesprek terug op de wachtlijst van het wijkteam. Het gaat om enkele inwoners per maand.");
  await page.getByRole("button", { name: "Signaal versturen" }).click();
  await expect(page).toHaveURL(/\/signalen\/\d+\?gedaan=gemeld/);
  await expect(page.getByRole("status").filter({ hasText: "Uw signaal is verstuurd" })).toBeVisible();
  const id = Number(new URL(page.url()).pathname.split("/").pop());

  // --- the regisseur of the keten sees it in the inbox and on the start page.
  const reg = await loginIn(browser, baseURL!, "regisseur.participatie@zaanstad.example");
  await reg.goto("/");
  const forYou = reg.getByRole("region", { name: "Signalen voor u" });
  await expect(forYou.getByRole("link", { name: new RegExp(title) })).toBeVisible();
  await expectNoA11yViolations(reg, "start page (regisseur)");
  await reg.goto("/meldingen");
  await expect(reg.getByRole("link", { name: `Nieuw signaal: ${title}` })).toBeVisible();
  await reg.getByRole("link", { name: `Nieuw signaal: ${title}` }).click();
  await expect(reg).toHaveURL(new RegExp(`/signalen/${id}$`));

  // --- moves it through the statuses; closing without feedback is refused.
  await reg.getByRole("button", { name: "In behandeling nemen" }).click();
  await expect(reg.getByRole("status").filter({ hasText: "De status is gewijzigd" })).toBeVisible();
  await reg.getByLabel("Uw vraag aan de melder").fill("Om hoeveel inwoners per maand gaat het ongeveer, en in welke wijken?");
  await reg.getByRole("button", { name: "Informatie vragen aan de melder" }).click();
  await expect(reg.getByText("Informatie gevraagd").first()).toBeVisible();

  await page.goto(`/signalen/${id}`);
  await page.getByLabel("Uw antwoord aan de regisseur").fill("Ongeveer vier per maand, in Krommenie en Wormerveer.");
  await page.getByRole("button", { name: "Informatie versturen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "De status is gewijzigd" })).toBeVisible();

  await reg.reload();
  const [empty] = await Promise.all([
    reg.waitForResponse((r) => r.request().method() === "POST"),
    reg.getByRole("button", { name: "Afhandelen met terugkoppeling" }).click(),
  ]);
  expect(empty.status()).toBe(400);
  await expect(reg.getByText("Terugkoppeling aan de melder is verplicht.")).toBeVisible();
  await reg.getByLabel("Terugkoppeling aan de melder").fill(feedback);
  await reg.getByRole("button", { name: "Afhandelen met terugkoppeling" }).click();
  await expect(reg.getByRole("status").filter({ hasText: "De status is gewijzigd" })).toBeVisible();
  await expect(reg.getByRole("region", { name: "Tijdlijn" })).toContainText("In behandeling → Afgehandeld");
  await expectNoA11yViolations(reg, `signal ${id} (regisseur, afgehandeld)`);
  await reg.context().close();

  // --- the professional sees the answer under "mijn signalen" and received the e-mail.
  await page.goto("/signalen/mijn");
  const card = page.getByRole("listitem").filter({ hasText: title });
  await expect(card.getByText("Afgehandeld")).toBeVisible();
  await expect(card).toContainText(feedback);
  const received = await mail.waitFor((m) => m.to.includes("professional@dock.example") && m.subject.includes(`Signaal #${id}: afgehandeld`), 15_000);
  expect(received.text).toContain(feedback);
  expect(received.text).toContain(`/signalen/${id}`);
  // Every transition by the regisseur reached the reporter by e-mail.
  await mail.waitFor((m) => m.to.includes("professional@dock.example") && m.subject.includes(`Signaal #${id}: informatie gevraagd`));
  await mail.waitFor((m) => m.to.includes("regisseur.participatie@zaanstad.example") && m.subject.includes(`Nieuw signaal: ${title}`));
  await page.goto("/");
  await expect(page.getByRole("region", { name: "Mijn signalen" })).toContainText(title);
});

test("the privacy guard answers a plain form post with 422, the Dutch explanation and the text kept", async ({ request }) => {
  const csrf = await apiLogin(request, "teamleider@smd.example");
  const text = "Meneer (geb. 12-03-1958) belt steeds op 06-12345678.";
  const res = await request.post("/signalen/nieuw", {
    form: { csrf, title: "Terugbelverzoeken blijven liggen", description: text, ketenId: "1", themaId: "1", wijken: "stadsbreed" },
    maxRedirects: 0,
  });
  expect(res.status()).toBe(422);
  const html = await res.text();
  expect(html).toContain("een geboortedatum");
  expect(html).toContain("een telefoonnummer");
  expect(html).toContain("Een signaal gaat over een patroon");
  expect(html).toContain("Meneer (geb. 12-03-1958)");
  // An invalid 9-digit number passes.
  const ok = await request.post("/signalen/nieuw", {
    form: { csrf, title: "Zaaknummers in brieven onduidelijk", description: "Zaaknummer 123456789 staat zonder uitleg in brieven.", ketenId: "1", themaId: "1", wijken: "stadsbreed" },
    maxRedirects: 0,
  });
  expect(ok.status()).toBe(302);
  expect(ok.headers()["location"]).toMatch(/^\/signalen\/\d+\?gedaan=gemeld$/);

  // Illegal transitions and closing without feedback are refused with a Dutch 409/400 over HTTP too.
  const id = Number(ok.headers()["location"].match(/\/signalen\/(\d+)/)![1]);
  const regCsrf = await apiLogin(request, "regisseur.wmo@zaanstad.example");
  const skip = await request.post(`/signalen/${id}`, { form: { csrf: regCsrf, intent: "status", to: "afgehandeld", text: "Klaar." }, maxRedirects: 0 });
  expect(skip.status()).toBe(409);
  expect(await skip.text()).toContain("kan niet naar");
  expect((await request.post(`/signalen/${id}`, { form: { csrf: regCsrf, intent: "status", to: "in_behandeling" }, maxRedirects: 0 })).status()).toBe(302);
  const noFeedback = await request.post(`/signalen/${id}`, { form: { csrf: regCsrf, intent: "status", to: "afgehandeld", text: "" }, maxRedirects: 0 });
  expect(noFeedback.status()).toBe(400);
  expect(await noFeedback.text()).toContain("Terugkoppeling aan de melder is verplicht.");
  const unknown = await request.post(`/signalen/${id}`, { form: { csrf: regCsrf, intent: "iets-anders" }, maxRedirects: 0 });
  expect(unknown.status()).toBe(400);
  expect(await unknown.text()).toContain("Controleer de gemarkeerde velden");
});

test("a ketenpartner sees only its own and its keten's signals; other routes answer 404 or 403", async ({ page, login, request }) => {
  const wmoOnly = seededId((s) => s.ketens.length === 1 && s.ketens[0] === "wmo-mantelzorg-gezondheid" && s.reporter !== "werkom@werkom.example");
  const participatie = seededId((s) => s.ketens.includes("participatie-armoede") && s.reporter !== "werkom@werkom.example");
  const ownOrg = seededId((s) => s.reporter === "werkom@werkom.example");
  expect(Math.min(wmoOnly, participatie, ownOrg)).toBeGreaterThan(0);

  await login("werkom@werkom.example");
  await page.goto("/signalen");
  await expect(page.getByText("U ziet als ketenpartner de signalen van uw eigen organisatie")).toBeVisible();
  const table = page.getByRole("table", { name: "Signalen" });
  await expect(table.getByRole("link", { name: new RegExp(escape(seeded[participatie - 1].title)) })).toBeVisible();
  await expect(table.getByRole("link", { name: new RegExp(escape(seeded[ownOrg - 1].title)) })).toBeVisible();
  await expect(table.getByRole("link", { name: new RegExp(escape(seeded[wmoOnly - 1].title)) })).toHaveCount(0);
  await page.goto(`/signalen/${participatie}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(seeded[participatie - 1].title);
  const refused = await page.goto(`/signalen/${wmoOnly}`);
  expect(refused?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Niet gevonden" })).toBeVisible();

  const csrf = await apiLogin(request, "werkom@werkom.example");
  expect((await request.get(`/signalen/${wmoOnly}`)).status()).toBe(404);
  expect((await request.get(`/signalen/${participatie}`)).status()).toBe(200);
  expect((await request.get("/signalen/overzicht")).status()).toBe(403);
  const csvRefused = await request.get("/signalen/overzicht.csv");
  expect(csvRefused.status()).toBe(403);
  expect(await csvRefused.text()).toContain("regisseurs, de contractmanager en beheerders");
  const herken = await request.post(`/signalen/${wmoOnly}`, { form: { csrf, intent: "herken", note: "" }, maxRedirects: 0 });
  expect(herken.status()).toBe(404);
  const move = await request.post(`/signalen/${participatie}`, { form: { csrf, intent: "status", to: "afgehandeld", text: "Klaar" }, maxRedirects: 0 });
  expect(move.status()).toBe(403);
  expect((await request.get("/signalen/999999")).status()).toBe(404);
  expect((await request.get("/signalen/abc")).status()).toBe(404);
});

test("the overview shows charts with tables and offers the same numbers as CSV", async ({ page, login, request }) => {
  await login("contractmanager@zaanstad.example");
  // Other tests in this worker add signals, so compare with a direct count in the list.
  await page.goto("/signalen?keten=participatie-armoede");
  const listed = Number((await page.getByRole("status").filter({ hasText: /signalen? met deze filters/ }).textContent())!.match(/\d+/)![0]);
  expect(listed).toBeGreaterThanOrEqual(seeded.filter((s) => s.ketens.includes("participatie-armoede")).length);
  await page.goto("/signalen/overzicht?van=2025-01&tot=2027-12");
  await expect(page.getByRole("heading", { level: 1, name: "Overzicht signalen" })).toBeVisible();
  for (const name of ["Nieuwe signalen per maand", /Signalen per keten: afgesloten/, /Signalen per thema/, /Signalen per wijk/]) {
    await expect(page.getByRole("img", { name })).toBeVisible();
  }
  const ketenTable = page.getByRole("table", { name: "Signalen per keten" });
  const row = ketenTable.getByRole("row", { name: /Participatie en Armoede/ });
  const total = Number(await row.getByRole("cell").nth(0).textContent());
  expect(total).toBe(listed);

  await apiLogin(request, "contractmanager@zaanstad.example");
  const csv = await request.get("/signalen/overzicht.csv?van=2025-01&tot=2027-12&tabel=keten");
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(csv.headers()["content-disposition"]).toMatch(/attachment; filename="signalen-keten-2025-01-tm-2027-12/);
  expect(await csv.text()).toContain(`Participatie en Armoede;${total};`);
  const badTable = await request.get("/signalen/overzicht.csv?tabel=onzin");
  expect(badTable.status()).toBe(400);
  expect(await badTable.text()).toContain("Onbekende tabel");
  const bad = await request.get("/signalen/overzicht?van=2026-13");
  expect(bad.status()).toBe(400);
  expect(await bad.text()).toContain("JJJJ-MM");
});

test("with an injected clock a signal past its terugkoppeltermijn shows as overdue in overview and CSV", async ({ mail }) => {
  test.setTimeout(120_000);
  // Our own portal (the worker's one runs on the real clock): first on Monday 23 November 2026…
  const first = await startPortal({ env: { KP_NOW: "2026-11-23T09:00:00Z", SMTP_URL: mail.url } });
  const title = `Termijntest ${Date.now()}`;
  let dataDir = first.dataDir;
  try {
    const ctx = await pwRequest.newContext({ baseURL: first.baseURL });
    const csrf = await apiLogin(ctx, "prof2@incluzio.example");
    const res = await ctx.post("/signalen/nieuw", {
      form: { csrf, title, description: "Dit signaal toetst de termijn.", ketenId: "1", themaId: "2", wijken: "stadsbreed" },
      maxRedirects: 0,
    });
    expect(res.status()).toBe(302);
    const id = Number(res.headers()["location"].match(/\/signalen\/(\d+)/)![1]);
    const detail = await (await ctx.get(`/signalen/${id}`)).text();
    expect(detail).toContain("21 december 2026"); // 20 working days after 23 November
    await apiLogin(ctx, "contractmanager@zaanstad.example");
    const before = await (await ctx.get("/signalen/overzicht.csv?van=2026-11&tot=2026-11")).text();
    expect(before.split("\r\n").find((l) => l.startsWith(`${id};`))!.split(";")[9]).toBe("nee");
    await ctx.dispose();
    await first.stop();

    // …then the same data a day after the term (22 December 2026).
    const later = await startPortal({ dataDir, env: { KP_NOW: "2026-12-22T09:00:00Z", SMTP_URL: mail.url } });
    dataDir = later.dataDir;
    try {
      const ctx2 = await pwRequest.newContext({ baseURL: later.baseURL });
      await apiLogin(ctx2, "contractmanager@zaanstad.example");
      const page = await (await ctx2.get("/signalen/overzicht?van=2026-11&tot=2026-12")).text();
      const overdueSection = page.slice(page.indexOf('id="kop-achter"'));
      expect(overdueSection).toContain(title);
      const after = await (await ctx2.get("/signalen/overzicht.csv?van=2026-11&tot=2026-12")).text();
      const line = after.split("\r\n").find((l) => l.startsWith(`${id};`))!;
      expect(line.split(";")[9]).toBe("ja");
      expect(line.split(";")[8]).toBe("2026-12-21");
      const list = await (await ctx2.get("/signalen?achter=1")).text();
      expect(list).toContain(title);
      await ctx2.dispose();
    } finally {
      await later.stop();
    }
  } finally {
    await first.stop();
  }
});

test("herken ik and merging: both reporters then follow the surviving signal by e-mail", async ({ page, login, request, browser, baseURL, mail }) => {
  const stamp = Date.now();
  const report = async (email: string, title: string) => {
    const csrf = await apiLogin(request, email);
    const res = await request.post("/signalen/nieuw", {
      form: { csrf, title, description: "Werkom verwijst inwoners terug zonder gesprek met het wijkteam.", ketenId: "2", themaId: "4", wijken: "stadsbreed" },
      maxRedirects: 0,
    });
    expect(res.status()).toBe(302);
    return Number(res.headers()["location"].match(/\/signalen\/(\d+)/)![1]);
  };
  const survivor = await report("teamleider@smd.example", `Terugverwijzing zonder gesprek ${stamp}`);
  const duplicate = await report("prof3@smd.example", `Werkom stuurt inwoners terug ${stamp}`);

  // Someone from another organisation recognises the surviving signal.
  await login("prof2@incluzio.example");
  await page.goto(`/signalen/${survivor}`);
  await page.getByLabel("Korte toelichting").fill("Zien we in Zaandam-West ook, twee keer deze maand.");
  await page.getByLabel("In welke wijk ziet u het?").selectOption({ label: "Zaandam-West" });
  await page.getByRole("button", { name: "Herken ik" }).click();
  const herkenbaar = page.getByRole("region", { name: "Herkenbaar?" });
  await expect(herkenbaar).toContainText("1 persoon uit 1 organisatie herkent dit.");
  await expect(herkenbaar.getByRole("table", { name: /Spreiding over wijken/ })).toContainText("Zaandam-West");

  // The regisseur merges the duplicate into it and takes the survivor into handling.
  const reg = await loginIn(browser, baseURL!, "regisseur.participatie@zaanstad.example");
  await reg.goto(`/signalen/${duplicate}`);
  await reg.getByLabel("Dit signaal is een dubbele melding van").selectOption({ value: String(survivor) });
  await reg.getByRole("button", { name: "Samenvoegen" }).click();
  await expect(reg).toHaveURL(new RegExp(`/signalen/${survivor}\\?gedaan=samenvoegen`));
  await expect(reg.getByRole("region", { name: "Samengevoegde meldingen" })).toContainText(`#${duplicate}`);
  await expect(reg.getByRole("region", { name: "Herkenbaar?" })).toContainText("2 mensen uit 2 organisaties herkennen dit.");
  await reg.getByRole("button", { name: "In behandeling nemen" }).click();
  await expect(reg.getByRole("status").filter({ hasText: "De status is gewijzigd" })).toBeVisible();
  await expectNoA11yViolations(reg, `signal ${survivor} after merge`);
  await reg.context().close();

  const merged = await mail.waitFor((m) => m.to.includes("prof3@smd.example") && m.subject.includes(`Signaal #${duplicate}: samengevoegd met #${survivor}`));
  expect(merged.text).toContain(`signaal #${survivor}`);
  for (const reporter of ["teamleider@smd.example", "prof3@smd.example"]) {
    await mail.waitFor((m) => m.to.includes(reporter) && m.subject.includes(`Signaal #${survivor}: in behandeling`));
  }
  await page.goto(`/signalen/${duplicate}`);
  await expect(page.locator(".alert-info")).toContainText(`Dit signaal is samengevoegd met signaal #${survivor}`);
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
