// Issue 12 in the browser: a DOCK redacteur cannot publish the Wmo werkafspraken (403 over
// HTTP), offers the draft instead; the owner finds the offer on the start page, reads the
// redline, publishes it as a redactionele version (audited, mailed to the keten's
// organisations); publishing is refused (409) while a proposal runs on a document.
import { test, expect } from "./fixtures";
import { apiAs, checkA11y, personContext, postForm, query } from "./consultation-helpers";

const WMO = "/documenten/werkafspraken-wmo-keten";
const OWNER = "regisseur.wmo@zaanstad.example";
const DOCK = "professional@dock.example";

test("offer → publish: refused to the redacteur over HTTP, offered, published by the owner and announced", async ({ page, login, baseURL, portal, mail, browser }) => {
  test.setTimeout(150_000);
  // Over HTTP, a redacteur who is not the owner cannot publish: 403, nothing published.
  const { api, csrf } = await apiAs(baseURL!, DOCK);
  const refused = await postForm(api, csrf, `${WMO}/bewerken`, { intent: "publish", summary: "Rechtstreeks", change: "redactioneel" });
  expect(refused.status()).toBe(403);
  await api.dispose();
  const versions = () => query<{ n: number }>(portal, "select max(number) as n from document_versions dv join documents d on d.id = dv.document_id where d.slug = 'werkafspraken-wmo-keten'")[0].n;
  expect(versions()).toBe(3);

  // In the browser the redacteur offers the draft for publication.
  await login(DOCK);
  await page.goto(`${WMO}/bewerken`);
  await expect(page.getByRole("heading", { name: "Ter publicatie aanbieden" })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Publiceer versie/ })).toHaveCount(0);
  const offerForm = page.locator("section", { has: page.getByRole("heading", { name: "Ter publicatie aanbieden" }) });
  await offerForm.getByRole("button", { name: "Ter publicatie aanbieden" }).click();
  await expect(page.getByText("Samenvatting van de wijziging is verplicht.")).toBeVisible();
  await offerForm.getByLabel("Wat is er veranderd?").fill("Aanspreekpunt en verwijzing in het ondersteuningsplan");
  await offerForm.getByRole("button", { name: "Ter publicatie aanbieden" }).click();
  await expect(page.getByText("Het concept is ter publicatie aangeboden.")).toBeVisible();

  // The owner sees it on the start page, reads the redline and publishes.
  const owner = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 } });
  const op = await owner.newPage();
  await login(OWNER, op);
  await op.goto("/");
  const offers = op.locator("section", { has: op.getByRole("heading", { name: "Ter publicatie aangeboden" }) });
  await expect(offers.getByRole("link", { name: /Vaste contactpersoon/ })).toBeVisible();
  await offers.getByRole("link", { name: /Aanspreekpunt en verwijzing/ }).click();
  await expect(op.getByRole("heading", { name: /Ter publicatie aangeboden: Werkafspraken Wmo-keten/ })).toBeVisible();
  await expect(op.locator("ins").filter({ hasText: "vaste aanspreekpunt" }).first()).toBeVisible();
  await op.screenshot({ path: "test-results/publish-offer-1280.png", fullPage: true });
  await op.setViewportSize({ width: 390, height: 844 });
  await op.screenshot({ path: "test-results/publish-offer-390.png", fullPage: true });
  await op.setViewportSize({ width: 1280, height: 800 });
  await checkA11y(op);
  await op.getByRole("button", { name: "Publiceren als redactionele versie" }).click();
  await expect(op.getByText("Versie 4 is gepubliceerd.")).toBeVisible();
  expect(versions()).toBe(4);
  const audit = query<{ action: string }>(portal, "select action from audit_log where action like 'document.%' order by id desc limit 5").map((a) => a.action);
  expect(audit).toEqual(expect.arrayContaining(["document.offer_publish", "document.publish_editorial", "document.offer"]));

  // Announced to the keten's organisations, by e-mail with the redline.
  const announced = await mail.waitFor((m) => m.to.includes("aanbieder@zorgvoorbeeld.example") && m.subject.includes("Redactionele wijziging: Werkafspraken Wmo-keten (versie 4)"));
  expect(announced.text).toContain("vaste aanspreekpunt");

  // The version page keeps the seeded objection and offers the form to the aanbieder.
  await op.goto(`${WMO}/versies/3`);
  await expect(op.getByRole("heading", { name: "Redactionele wijziging" })).toBeVisible();
  await expect(op.getByText(/Het indicatiebesluit komt vaak pas weken/)).toBeVisible();
  await op.screenshot({ path: "test-results/publish-version-1280.png", fullPage: true });
  await checkA11y(op);
  await owner.close();

  const aanbieder = await personContext(browser, baseURL!, "aanbieder@zorgvoorbeeld.example");
  const ap = aanbieder.page;
  await ap.goto(`${WMO}/versies/4`);
  await ap.getByLabel(/Waarom is dit volgens u inhoudelijk/).fill("Een vast aanspreekpunt vraagt ook iets van ons.");
  await ap.getByRole("button", { name: "Dit is inhoudelijk" }).click();
  await expect(ap.getByText("Uw reactie is bewaard en naar de eigenaar gestuurd.")).toBeVisible();
  await expect(ap.getByText("Een vast aanspreekpunt vraagt ook iets van ons.")).toBeVisible();
  await checkA11y(ap);
  await aanbieder.context.close();
});

test("publishing is refused while a proposal runs on the document (409, Dutch message, link to the proposal)", async ({ page, login, baseURL, portal }) => {
  const doc = "/documenten/werkafspraken-participatieketen";
  const running = query<{ id: number; title: string }>(portal, "select p.id, p.title from proposals p join documents d on d.id = p.document_id where d.slug = 'werkafspraken-participatieketen' and p.status = 'in_consultatie'")[0];
  const { api, csrf } = await apiAs(baseURL!, "regisseur.participatie@zaanstad.example");
  const res = await postForm(api, csrf, `${doc}/bewerken`, { intent: "publish", summary: "Spelling", change: "redactioneel" });
  expect(res.status()).toBe(409);
  expect(await res.text()).toContain("Publiceren kan nu niet");
  await api.dispose();

  await login("regisseur.participatie@zaanstad.example");
  await page.goto(`${doc}/bewerken`);
  const notice = page.getByText(/Publiceren kan nu niet: op dit document loopt het wijzigingsvoorstel/);
  await expect(notice).toBeVisible();
  await expect(page.getByRole("link", { name: running.title })).toHaveAttribute("href", `/wijzigingen/${running.id}`);
});
