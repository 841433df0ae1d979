// Accounts without SSO in the browser: the beheerder's second step, an invitation link used
// once, "Wachtwoord vergeten?" with one answer for every address, and downloads of a redline.
import { test, expect, DEMO_PASSWORD } from "./fixtures";

test("a beheerder passes the second step, invites a person, who sets a password once and signs in", async ({ page, login, mail, browser, baseURL }) => {
  // The password alone is not enough for a beheerder.
  await page.goto("/login");
  await page.getByLabel("E-mailadres").fill("beheer@zaanstad.example");
  await page.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page.getByRole("heading", { name: "Tweede stap" })).toBeVisible();
  await page.goto("/beheer");
  await expect(page).toHaveURL(/\/login/);
  await login("beheer@zaanstad.example");

  await page.goto("/beheer/personen/nieuw");
  const email = `uitgenodigd.${Date.now()}@werkom.example`;
  await page.getByLabel("Naam").fill("Ilse Uitgenodigd");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByRole("combobox", { name: /Organisatie/ }).selectOption({ label: "Werkom" });
  await page.getByRole("button", { name: "Persoon toevoegen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ilse Uitgenodigd" })).toBeVisible();

  const invitation = await mail.waitFor((m) => m.to.includes(email) && m.subject.includes("Uitnodiging"));
  const link = /https?:\/\/\S+\/wachtwoord-instellen\/\S+/.exec(invitation.text)?.[0];
  expect(link).toBeTruthy();
  const path = new URL(link!).pathname;

  const other = await browser.newContext({ baseURL });
  const p = await other.newPage();
  await p.goto(path);
  await expect(p.getByRole("heading", { name: "Welkom bij Ketenportaal" })).toBeVisible();
  await p.getByLabel("Nieuw wachtwoord").fill("mijn-eigen-wachtwoord");
  await p.getByLabel("Herhaal het wachtwoord").fill("mijn-eigen-wachtwoord");
  await p.getByRole("button", { name: "Wachtwoord opslaan" }).click();
  await expect(p.getByText("Uw wachtwoord is opgeslagen")).toBeVisible();
  await p.getByLabel("E-mailadres").fill(email);
  await p.getByLabel("Wachtwoord").fill("mijn-eigen-wachtwoord");
  await p.getByRole("button", { name: "Inloggen" }).click();
  await expect(p.getByRole("heading", { name: "Goedendag, Ilse Uitgenodigd" })).toBeVisible();

  // The link was for one use.
  const again = await other.request.get(path);
  expect(again.status()).toBe(400);
  expect(await again.text()).toContain("ongeldig, al gebruikt of verlopen");
  await other.close();
});

test("Wachtwoord vergeten? gives the same answer for a known and an unknown address", async ({ page, mail }) => {
  const answer = async (email: string) => {
    await page.goto("/login");
    await page.getByRole("link", { name: "Wachtwoord vergeten?" }).click();
    // The login page has an "E-mailadres" field too: fill in only once the new page is shown.
    await expect(page.getByRole("heading", { level: 1, name: "Wachtwoord vergeten?" })).toBeVisible();
    await page.getByLabel("E-mailadres").fill(email);
    await page.getByRole("button", { name: "Link versturen" }).click();
    await page.getByText("Als dit adres bij Ketenportaal bekend is").waitFor();
    return (await page.locator("main").innerText()).replace(email, "");
  };
  const unknown = await answer("niemand@werkom.example");
  const known = await answer("werkom@werkom.example");
  expect(known).toBe(unknown);
  expect(known).toContain("Als dit adres bij Ketenportaal bekend is");
  const reset = await mail.waitFor((m) => m.to.includes("werkom@werkom.example") && m.subject.includes("Nieuw wachtwoord"));
  expect(reset.text).toMatch(/\/wachtwoord-instellen\//);
});

test("a proposal's redline downloads as Word and as PDF", async ({ page, login }) => {
  await login("werkom@werkom.example");
  await page.goto("/wijzigingen");
  await page.getByRole("link", { name: /Startgesprekken bij een bijstandsaanvraag/ }).first().click();
  for (const [name, type] of [
    ["Word (.docx)", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    ["PDF", "application/pdf"],
  ] as const) {
    const href = await page.locator("p.downloads").getByRole("link", { name }).getAttribute("href");
    const res = await page.request.get(href!);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe(type);
    expect((await res.body()).length).toBeGreaterThan(1000);
  }
});
