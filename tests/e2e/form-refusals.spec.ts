// Issue 10 §2 / issue 9: every page that posts shows every refusal, wherever it came from —
// also for a form that is not on the page at that moment (a stale tab, a hand-made post).
// Each case posts a real form over HTTP from the browser (a plain, non-JavaScript submit, so
// the server renders the page with the refusal) and checks the Dutch message is on screen.
import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { openProposalViaForms, personContext, query, startClocked, type Clocked } from "./consultation-helpers";

test.use({ checkA11y: false }); // the proposal page itself is checked in consultation.spec.ts

const REGISSEUR = "regisseur.wmo@zaanstad.example";

let clocked: Clocked | null = null;
test.afterEach(async () => {
  await clocked?.stop();
  clocked = null;
});

/** Submit a form that the page does not offer, with the page's own CSRF token, as a full page post. */
async function postFromPage(page: Page, fields: Record<string, string>) {
  const response = page.waitForResponse((r) => r.request().method() === "POST");
  await page.evaluate((f) => {
    const form = document.createElement("form");
    form.method = "post";
    const csrf = (document.querySelector('input[name="csrf"]') as HTMLInputElement).value;
    for (const [name, value] of Object.entries({ csrf, ...f })) {
      const input = document.createElement("input");
      input.type = "hidden";
      input.name = name;
      input.value = value;
      form.append(input);
    }
    document.body.append(form);
    form.submit();
  }, fields);
  const r = await response;
  await page.waitForLoadState("load");
  return r;
}

test("the proposal page shows refusals of forms that are not on it", async ({ browser }) => {
  test.setTimeout(180_000);
  clocked = await startClocked("2026-11-23T08:00:00Z");
  const id = await openProposalViaForms(clocked.portal, {
    regisseur: REGISSEUR,
    document: "werkafspraken-wmo-keten",
    title: "Weigeringen zichtbaar",
    orgs: ["zorg-voorbeeld"],
    closes: "2026-11-27",
    decision: "2026-12-01",
    effective: "2027-01-04",
    evaluation: "2027-06-01",
  });
  const decisionsBefore = query<{ decided_at: string | null }>(clocked.portal, "select decided_at from proposals where id = ?", id)[0].decided_at;
  const { context, page } = await personContext(browser, clocked.portal.baseURL, REGISSEUR);
  try {
    await page.goto(`/wijzigingen/${id}`);
    // In consultation before the deadline: no decision form, no close form, no comments to answer.
    await expect(page.getByRole("button", { name: "Besluit vastleggen" })).toHaveCount(0);

    // A decision before the deadline (409).
    let r = await postFromPage(page, { intent: "decide", note: "Vastgesteld.", effectiveDate: "2027-01-04", reason: "" });
    expect(r.status()).toBe(409);
    await expect(page.getByRole("alert")).toContainText("Het besluit kan pas na de consultatie worden vastgelegd.");
    expect(query<{ decided_at: string | null }>(clocked.portal, "select decided_at from proposals where id = ?", id)[0].decided_at).toBe(decisionsBefore);

    // An answer to a comment that does not exist (400).
    await page.goto(`/wijzigingen/${id}`);
    r = await postFromPage(page, { intent: "answer", commentId: "999999", decision: "overgenomen", text: "Antwoord.", textChange: "" });
    expect(r.status()).toBe(400);
    await expect(page.getByRole("alert")).toContainText("Deze reactie hoort niet bij dit voorstel.");

    // A note far over the limit on the close form (400, with the field's message).
    await page.goto(`/wijzigingen/${id}`);
    r = await postFromPage(page, { intent: "close", note: "x".repeat(100_000) });
    expect(r.status()).toBe(400);
    await expect(page.getByRole("alert")).toContainText("Controleer de gemarkeerde velden.");
    await expect(page.getByRole("alert")).toContainText("Toelichting mag maximaal");

    // A date that does not exist on the reopen form (400).
    await page.goto(`/wijzigingen/${id}`);
    r = await postFromPage(page, { intent: "reopen", consultationCloses: "2026-02-30", note: "Nog eens." });
    expect(r.status()).toBe(400);
    await expect(page.getByRole("alert")).toContainText("Nieuwe uiterste reactiedatum: vul een geldige datum in.");

    // An intent the page does not know (400), and a form that is on the page keeps its own
    // message (one alert, not two).
    await page.goto(`/wijzigingen/${id}`);
    r = await postFromPage(page, { intent: "iets-anders" });
    expect(r.status()).toBe(400);
    await expect(page.getByRole("alert")).toContainText("Deze actie bestaat niet.");
  } finally {
    await context.close();
  }
});

test("ids are read strictly: 0x10, 1e3 and padded ids are not found", async ({ page, login }) => {
  await login(REGISSEUR);
  for (const bad of ["0x10", "1e3", "%2016", "016", "0"]) {
    const res = await page.goto(`/signalen/${bad}`);
    expect(res?.status(), `/signalen/${bad}`).toBe(404);
    const proposal = await page.goto(`/wijzigingen/${bad}`);
    expect(proposal?.status(), `/wijzigingen/${bad}`).toBe(404);
  }
});
