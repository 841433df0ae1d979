// The consultation in a browser, end to end (acceptance 1), with a real SMTP server catching
// the e-mails. Along the way: deciding with an unanswered comment is refused (2), moving the
// ingangsdatum is announced and shown old → new (3), and bad comment input is handled (6).
// The portal runs on a fixed clock; "a week later" is a restart with a later clock.
import type { Page } from "@playwright/test";
import { test, expect, caretToEnd } from "./fixtures";
import { checkA11y, passIntegralCheck, personContext, query, startClocked, type Clocked } from "./consultation-helpers";

test.use({ checkA11y: false }); // these tests use their own portal; every page is checked with checkA11y() below

const REGISSEUR = "regisseur.wmo@zaanstad.example";
const AANBIEDER = "aanbieder@zorgvoorbeeld.example";
const PROFESSIONAL = "professional@dock.example";
const TITLE = "Afschaling voortaan melden via Ketenportaal";
const NEW_SENTENCE = "Aanbieders melden een voorgenomen afschaling voortaan via Ketenportaal, uiterlijk zes weken vooraf.";
const EXISTING_PASSAGE = "De consultatie duurt minimaal vier weken";

let clocked: Clocked | null = null;
test.afterEach(async () => {
  await clocked?.stop();
  clocked = null;
});

/** Select a passage of the rendered proposed text, as a reader does with the mouse. */
async function selectPassage(page: Page, passage: string) {
  await page.evaluate((text) => {
    const root = document.getElementById("voorgestelde-tekst");
    if (!root) throw new Error("no proposed text on the page");
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node.nodeValue ?? "").indexOf(text);
      if (at >= 0) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        const sel = window.getSelection()!;
        sel.removeAllRanges();
        sel.addRange(range);
        return;
      }
    }
    throw new Error(`passage not found: ${text}`);
  }, passage);
}

/** Follow a link in the proposal's own sub-navigation. */
async function nav(page: Page, name: string) {
  await page.getByRole("navigation", { name: "Onderdelen van dit voorstel" }).getByRole("link", { name, exact: true }).click();
  await expect(page.getByRole("navigation", { name: "Onderdelen van dit voorstel" }).getByRole("link", { name, exact: true })).toHaveClass(/active/);
}

async function commentOn(page: Page, passage: string, stance: "Steun" | "Zorg" | "Bezwaar", text: string) {
  const cite = page.getByRole("button", { name: "Citeer de selectie" });
  // Select again until the page is hydrated and has seen the selection.
  await expect(async () => {
    await selectPassage(page, passage);
    await expect(cite).toBeEnabled({ timeout: 500 });
  }).toPass({ timeout: 10_000 });
  await cite.click();
  await expect(page.getByLabel("Passage waarop u reageert")).toHaveValue(passage);
  await page.getByRole("radio", { name: stance }).check();
  await page.getByLabel("Uw reactie").fill(text);
  await page.getByRole("button", { name: "Reactie versturen" }).click();
  await expect(page.getByText("Uw reactie is opgeslagen.")).toBeVisible();
}

test("regisseur runs a consultation with a Wmo-aanbieder and a wijkteam: invitations, anchored comments, answers, decision, reactienota", async ({ browser, mail }) => {
  test.setTimeout(240_000);
  const dialogs: string[] = [];
  clocked = await startClocked("2026-11-23T08:00:00Z", { SMTP_URL: mail.url });
  const base = clocked.portal.baseURL;

  // ------------------------------------------------ the regisseur prepares the proposal
  const regisseur = await personContext(browser, base, REGISSEUR);
  const r = regisseur.page;
  await r.goto("/wijzigingen/nieuw?document=werkafspraken-wmo-keten");
  await checkA11y(r);
  await r.getByLabel("Titel van het voorstel").fill(TITLE);
  await r.getByRole("button", { name: "Concept aanmaken" }).click();
  await expect(r.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  const id = Number(new URL(r.url()).pathname.split("/")[2]);
  expect(id).toBeGreaterThan(0);
  await checkA11y(r);

  // The proposed text, co-edited in its own room.
  await nav(r, "Tekst bewerken");
  await expect(r.getByRole("status").filter({ hasText: /^Verbonden$/ })).toBeVisible({ timeout: 15_000 });
  const editor = r.getByRole("textbox", { name: "Voorgestelde tekst van Werkafspraken Wmo-keten" });
  await caretToEnd(r, editor);
  await r.keyboard.press("Enter");
  await r.keyboard.type(NEW_SENTENCE);
  await expect(editor).toContainText(NEW_SENTENCE);
  await checkA11y(r);
  // The overview shows it as a redline against the current version once the room is derived.
  await expect(async () => {
    await r.goto(`/wijzigingen/${id}`);
    await expect(r.locator("#voorgestelde-tekst ins", { hasText: NEW_SENTENCE })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });

  // Waarom, visie and impact: the keten's members are suggested; we keep a Wmo-aanbieder and one wijkteam organisation.
  await nav(r, "Waarom en impact");
  await checkA11y(r);
  await r.getByLabel("Waarom is deze wijziging nodig?").fill("Aanbieders hoorden afschalingen te laat. Met een melding in het portaal weet iedereen op tijd waar hij aan toe is.");
  await r.getByLabel(/Bij welke passage uit .* past dit voorstel\?/).selectOption({ label: "Veranderingen samen voorbereiden" });
  await r.getByRole("button", { name: "Waarom en visie opslaan" }).click();
  await expect(r.getByText("Het waarom en de verwijzing naar de visie zijn opgeslagen.")).toBeVisible();
  const boxes = r.getByRole("checkbox");
  for (let i = 0; i < (await boxes.count()); i++) {
    const box = boxes.nth(i);
    const name = (await box.evaluate((el) => el.closest("label")?.textContent ?? "")).trim();
    if (name.startsWith("Zorg Voorbeeld BV") || name.startsWith("DOCK")) await box.check();
    else await box.uncheck();
  }
  await r.getByLabel("Wat verandert er voor Zorg Voorbeeld BV?").fill("Meldt afschaling via het portaal, zes weken vooraf.");
  await r.getByLabel("Wat verandert er voor DOCK?").fill("Ziet meldingen van afschaling in het portaal en reageert binnen tien werkdagen.");
  await r.getByRole("button", { name: "Geraakte organisaties opslaan" }).click();
  await expect(r.getByText("De geraakte organisaties zijn opgeslagen.")).toBeVisible();

  // The timeline.
  await nav(r, "Tijdlijn");
  await r.getByLabel("Consultatie sluit (uiterste reactiedatum)").fill("2026-11-27");
  await r.getByLabel("Besluit gepland").fill("2026-12-01");
  await r.getByLabel("Ingangsdatum").fill("2027-01-04");
  await r.getByLabel("Evaluatie").fill("2027-06-01");
  await r.getByRole("button", { name: "Tijdlijn opslaan" }).click();
  await expect(r.getByText("De tijdlijn is opgeslagen.")).toBeVisible();
  await checkA11y(r);

  // The goals (required before consultation opens).
  await nav(r, "Doelen en evaluatie");
  await r.getByLabel("Wat moet er beter worden?").first().fill("Aanbieders horen afschaling op tijd");
  await r.getByLabel("Voor wie?").first().fill("Inwoners en hun begeleiders");
  await r.getByLabel("Hoe weten we dat het lukt?").first().fill("Melding zes weken vooraf in elk geval");
  await r.getByRole("button", { name: "Doelen opslaan" }).click();
  await expect(r.getByText("De doelen zijn opgeslagen.")).toBeVisible();

  // Open the consultation, once the other ketens have done the integral check (issue 13).
  await passIntegralCheck(clocked.portal, id);
  await nav(r, "Overzicht");
  await r.getByRole("button", { name: "Consultatie openen" }).click();
  await expect(r.getByText("De consultatie is geopend.")).toBeVisible();
  await expect(r.getByText("In consultatie").first()).toBeVisible();

  // ------------------------------------------------ invitations arrive by e-mail, with the dates as .ics
  for (const email of [AANBIEDER, PROFESSIONAL]) {
    const m = await mail.waitFor((x) => x.to.includes(email) && x.subject === `[Ketenportaal] Uitnodiging consultatie: ${TITLE}`);
    expect(m.text).toContain(`/wijzigingen/${id}`);
    expect(m.text).toContain("Reageer uiterlijk 27 november 2026");
    const ics = m.attachments.find((a) => a.contentType.startsWith("text/calendar"));
    expect(ics?.content).toContain("DTSTART;VALUE=DATE:20261127");
    expect(ics?.content).toContain("DTSTART;VALUE=DATE:20270104");
  }
  expect(mail.messages.filter((x) => x.to.includes("thuishulp@thuishulpdemo.example") && x.subject.includes(TITLE))).toHaveLength(0);

  // ------------------------------------------------ the Wmo-aanbieder: inbox, proposal, a comment on the new passage
  const aanbieder = await personContext(browser, base, AANBIEDER);
  const a = aanbieder.page;
  a.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await expect(a.getByRole("region", { name: "Voorstellen waarvoor u bent uitgenodigd" }).or(a.locator("section", { has: a.getByRole("heading", { name: "Voorstellen waarvoor u bent uitgenodigd" }) }))).toContainText(TITLE);
  await checkA11y(a);
  await a.goto("/meldingen");
  await checkA11y(a);
  await a.getByRole("link", { name: `Uitnodiging consultatie: ${TITLE}` }).click();
  await expect(a.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  await expect(a.getByText("Uw organisatie is uitgenodigd om te reageren")).toBeVisible();
  await commentOn(a, NEW_SENTENCE, "Zorg", "Zes weken is bij korte indicaties niet haalbaar. Kan het ook vier weken zijn als de indicatie korter dan drie maanden loopt?");
  const first = a.locator("article.comment").filter({ hasText: "Zes weken is bij korte indicaties" });
  await expect(first).toContainText("Zorg Voorbeeld BV");
  await expect(first.locator("blockquote")).toHaveText(NEW_SENTENCE);
  await expect(first).toContainText("Passage uit de voorgestelde tekst");
  await checkA11y(a);

  // ------------------------------------------------ the wijkteam professional: e-mail link, a comment on an existing passage
  const professional = await personContext(browser, base, PROFESSIONAL);
  const p = professional.page;
  await p.goto("/meldingen");
  await expect(p.getByRole("link", { name: `Uitnodiging consultatie: ${TITLE}` })).toBeVisible();
  await p.goto(`/wijzigingen/${id}`);
  await commentOn(p, EXISTING_PASSAGE, "Steun", "Goed dat dit blijft staan; geef de teams het verslag van het driehoeksoverleg ook in het portaal.");
  await checkA11y(p);

  // The regisseur sees who opened and who responded, per organisation.
  await r.goto(`/wijzigingen/${id}`);
  const receipts = r.getByRole("table", { name: "Ontvangst per organisatie" });
  await expect(receipts.getByRole("row", { name: /Zorg Voorbeeld BV/ })).toContainText("ja");
  await expect(receipts.getByRole("row", { name: /DOCK/ })).toContainText("1 van 2");
  await checkA11y(r);

  // ------------------------------------------------ a week later: the deadline has passed
  await Promise.all([aanbieder.context.close(), professional.context.close()]);
  await clocked.restartAt("2026-11-30T08:00:00Z");
  await r.goto(`/wijzigingen/${id}`);
  await expect(r.getByText("In besluitvorming").first()).toBeVisible();

  // Acceptance 2: no decision while a comment has no answer.
  await r.getByRole("textbox", { name: "Besluit (verplicht)" }).fill("Vastgesteld door de wethouder Zorg.");
  await r.getByRole("button", { name: "Besluit vastleggen" }).click();
  await expect(r.getByRole("alert")).toContainText(
    "Het besluit kan nog niet worden vastgelegd: 2 reacties hebben nog geen antwoord. Beantwoord eerst elke reactie; de antwoorden vormen samen de reactienota.",
  );
  await expect(r.getByRole("textbox", { name: "Besluit (verplicht)" })).toHaveValue("Vastgesteld door de wethouder Zorg.");
  await checkA11y(r, "besluit geweigerd");

  // Answer every comment.
  const answer = async (hasText: string, decision: string, text: string, change: string) => {
    const item = r.locator("article.comment").filter({ hasText });
    await item.getByRole("radio", { name: decision, exact: true }).check();
    await item.getByLabel("Toelichting").fill(text);
    await item.getByLabel("Wat veranderde er in de tekst?").fill(change);
    await item.getByRole("button", { name: "Antwoord opslaan" }).click();
    await expect(r.getByText("Het antwoord is opgeslagen.")).toBeVisible();
  };
  await answer("Zes weken is bij korte indicaties", "Deels overgenomen", "Bij indicaties korter dan drie maanden geldt vier weken.", "Uitzondering voor korte indicaties toegevoegd.");
  await answer("geef de teams het verslag", "Overgenomen", "Het verslag komt in het portaal.", "");

  // Record the decision.
  await r.getByRole("textbox", { name: "Besluit (verplicht)" }).fill("Vastgesteld door de wethouder Zorg, met de aanpassing uit de reactienota.");
  await r.getByRole("button", { name: "Besluit vastleggen" }).click();
  await expect(r.getByText("Het besluit is vastgelegd.")).toBeVisible();
  await expect(r.getByRole("heading", { name: "Besluit", exact: true })).toBeVisible();
  await expect(r.locator("#besluit")).toContainText("Ingangsdatum: 4 januari 2027");
  await checkA11y(r, "vastgesteld");

  // Acceptance 3 in the browser: moving the ingangsdatum is announced and shown old → new.
  await nav(r, "Tijdlijn");
  await r.getByLabel("Ingangsdatum").fill("2027-02-01");
  await r.getByRole("button", { name: "Nieuwe datum opslaan en melden" }).click();
  await expect(r.getByText("Geef een reden voor de nieuwe datum.")).toBeVisible();
  await r.getByLabel("Reden van de wijziging").fill("De aanbieders vragen een maand extra om hun planning aan te passen.");
  await r.getByRole("button", { name: "Nieuwe datum opslaan en melden" }).click();
  await expect(r.getByText("De nieuwe datum is opgeslagen en aan alle genodigden gemeld")).toBeVisible();
  const history = r.getByRole("table", { name: "Alle wijzigingen van datums, oudste eerst" });
  const row = history.getByRole("row", { name: /Ingangsdatum/ });
  await expect(row).toContainText("4 januari 2027");
  await expect(row).toContainText("1 februari 2027");
  await expect(row).toContainText("De aanbieders vragen een maand extra");
  await checkA11y(r);
  const moved = await mail.waitFor((x) => x.to.includes(AANBIEDER) && x.subject === `[Ketenportaal] Datum gewijzigd: ${TITLE}`);
  expect(moved.text).toContain("ingangsdatum: 4 januari 2027 → 1 februari 2027");
  expect(moved.attachments.find((x) => x.contentType.startsWith("text/calendar"))?.content).toContain("DTSTART;VALUE=DATE:20270201");
  await mail.waitFor((x) => x.to.includes(PROFESSIONAL) && x.subject === `[Ketenportaal] Datum gewijzigd: ${TITLE}`);

  // ------------------------------------------------ the reactienota lists every comment with its answer
  await nav(r, "Reactienota");
  const nota = r.locator(".reactienota");
  await expect(nota).toContainText("2 reacties: 1 overgenomen, 1 deels overgenomen, 0 niet overgenomen");
  const z = nota.locator("article.comment").filter({ hasText: "Zorg Voorbeeld BV" });
  await expect(z).toContainText("Zorg");
  await expect(z).toContainText("Antwoord: Deels overgenomen");
  await expect(z).toContainText("Uitzondering voor korte indicaties toegevoegd.");
  const d = nota.locator("article.comment").filter({ hasText: "DOCK" });
  await expect(d).toContainText("Antwoord: Overgenomen");
  await expect(d).toContainText(EXISTING_PASSAGE);
  await checkA11y(r);
  const exported = await r.request.get(`/wijzigingen/${id}/reactienota.html`);
  expect(exported.status()).toBe(200);
  const html = await exported.text();
  expect(html).toContain("Reactie 1: Zorg Voorbeeld BV");
  expect(html).toContain("Reactie 2: DOCK");
  expect(html).toContain("Antwoord: Deels overgenomen");

  // The invited hear about the decision.
  await mail.waitFor((x) => x.to.includes(AANBIEDER) && x.subject === `[Ketenportaal] Vastgesteld: ${TITLE}`);
  expect(query<{ n: number }>(clocked.portal, "select count(*) as n from notifications n join people p on p.id = n.person_id where p.email = ? and n.title = ?", PROFESSIONAL, `Vastgesteld: ${TITLE}`)[0].n).toBe(1);
  expect(dialogs).toEqual([]);
  await regisseur.context.close();
});

test("comments: empty, too long and HTML/script input are handled in Dutch and nothing saved is lost (acceptance 6)", async ({ browser }) => {
  test.setTimeout(120_000);
  clocked = await startClocked("2026-11-23T08:00:00Z");
  const id = query<{ id: number }>(clocked.portal, "select id from proposals where status = 'in_consultatie'")[0].id;
  const before = query<{ n: number }>(clocked.portal, "select count(*) as n from proposal_comments where proposal_id = ?", id)[0].n;
  const { context, page } = await personContext(browser, clocked.portal.baseURL, "werkom@werkom.example");
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(`/wijzigingen/${id}#reageren`);
  const send = page.getByRole("button", { name: "Reactie versturen" });
  const text = page.getByLabel("Uw reactie");

  // Empty.
  await page.getByRole("radio", { name: "Steun" }).check();
  await send.click();
  await expect(page.getByText("Uw reactie is leeg. Schrijf wat u van het voorstel vindt.").first()).toBeVisible();
  await checkA11y(page, "lege reactie");

  // Too long: refused with the count, and the typed text is still there.
  const long = `${"Werkom wil graag meedenken. ".repeat(200).slice(0, 5000)}!`;
  await text.fill(long);
  await send.click();
  await expect(page.getByText(/Uw reactie is te lang: maximaal 5\.000 tekens \(nu 5\.001\)/).first()).toBeVisible();
  await expect(text).toHaveValue(long);
  await expect(page.getByRole("radio", { name: "Steun" })).toBeChecked();
  await checkA11y(page, "te lange reactie");

  // A quote that is not in the text.
  await text.fill("Over een zin die niet bestaat.");
  await page.getByLabel("Passage waarop u reageert").fill("Deze zin staat nergens in de tekst");
  await send.click();
  await expect(page.getByText(/komt niet \(meer\) voor in de voorgestelde tekst/)).toBeVisible();
  await expect(text).toHaveValue("Over een zin die niet bestaat.");
  expect(query<{ n: number }>(clocked.portal, "select count(*) as n from proposal_comments where proposal_id = ?", id)[0].n).toBe(before);

  // HTML and script: stored as typed, shown as text, never run.
  const nasty = `<script>alert("xss")</script><img src=x onerror="alert(1)"> <b>vet</b> & "aanhalingstekens"`;
  await page.getByLabel("Passage waarop u reageert").fill("");
  await text.fill(nasty);
  await send.click();
  await expect(page.getByText("Uw reactie is opgeslagen.")).toBeVisible();
  const item = page.locator("article.comment").filter({ hasText: '<script>alert("xss")</script>' });
  await expect(item).toBeVisible();
  await expect(item.locator("script, img, b")).toHaveCount(0);
  const exported = await (await page.request.get(`/wijzigingen/${id}/reactienota.html`)).text();
  expect(exported).toContain("&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;");
  expect(exported).not.toContain('<img src=x');
  await page.goto(`/wijzigingen/${id}/reactienota`);
  await expect(page.locator("article.comment").filter({ hasText: "<b>vet</b>" })).toBeVisible();
  expect(dialogs).toEqual([]);

  // The earlier comments are all still there, plus exactly this one.
  expect(query<{ n: number }>(clocked.portal, "select count(*) as n from proposal_comments where proposal_id = ?", id)[0].n).toBe(before + 1);
  expect(query<{ text: string }>(clocked.portal, "select text from proposal_comments where proposal_id = ? order by id desc limit 1", id)[0].text).toBe(nasty);
  await context.close();
});
