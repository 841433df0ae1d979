// Acceptance 4: with the clock past the ingangsdatum the decided text is published as the
// document's new version by the server itself, exactly once — also when the server restarts
// in between. A real server process is stopped and started on the same database.
import { test, expect } from "./fixtures";
import { apiAs, openProposalViaForms, postForm, query, startClocked, waitForDb, type Clocked } from "./consultation-helpers";

test.use({ checkA11y: false }); // no browser pages here; the pages are checked in consultation.spec.ts

const REGISSEUR = "regisseur.wmo@zaanstad.example";
const DOCUMENT = "werkafspraken-wmo-keten";

let clocked: Clocked | null = null;
test.afterEach(async () => {
  await clocked?.stop();
  clocked = null;
});

test("the ingangsdatum publishes the new version by itself, exactly once, across restarts", async ({ mail }) => {
  test.setTimeout(180_000);
  clocked = await startClocked("2026-11-23T08:00:00Z", { SMTP_URL: mail.url, SCHEDULER_INTERVAL_MS: "200" });
  const id = await openProposalViaForms(clocked.portal, {
    regisseur: REGISSEUR,
    document: DOCUMENT,
    title: "Activatie na herstart",
    orgs: ["zorg-voorbeeld", "dock"],
    closes: "2026-11-24",
    decision: "2026-11-25",
    effective: "2026-11-26",
    evaluation: "2027-01-05",
  });
  const documentId = query<{ id: number }>(clocked.portal, "select id from documents where slug = ?", DOCUMENT)[0].id;
  const versions = () => query<{ id: number; number: number; proposal_id: number | null; published_by_id: number | null }>(clocked!.portal, "select id, number, proposal_id, published_by_id from document_versions where document_id = ? order by number", documentId);
  const status = () => query<{ status: string }>(clocked!.portal, "select status from proposals where id = ?", id)[0].status;
  const before = versions().length;

  // The day after the deadline: the scheduler closes the consultation when the server starts.
  await clocked.restartAt("2026-11-25T08:00:00Z");
  await waitForDb(clocked.portal, status, (s) => s === "in_besluitvorming");
  const { api, csrf } = await apiAs(clocked.portal.baseURL, REGISSEUR);
  const decided = await postForm(api, csrf, `/wijzigingen/${id}`, { intent: "decide", note: "Vastgesteld door de wethouder.", effectiveDate: "2026-11-26", reason: "" });
  expect(decided.status(), await decided.text()).toBe(302);
  await api.dispose();
  expect(status()).toBe("vastgesteld");
  expect(versions()).toHaveLength(before);

  // Still before the date: nothing happens.
  await clocked.restartAt("2026-11-25T22:00:00Z"); // 23:00 in Amsterdam, 25 November
  await new Promise((r) => setTimeout(r, 1500));
  expect(status()).toBe("vastgesteld");
  expect(versions()).toHaveLength(before);

  // The server was down at midnight; it starts on the ingangsdatum and catches up.
  await clocked.restartAt("2026-11-26T07:00:00Z");
  await waitForDb(clocked.portal, status, (s) => s === "van_kracht");
  await new Promise((r) => setTimeout(r, 1500)); // several scheduler passes
  const after = versions();
  expect(after).toHaveLength(before + 1);
  const published = after[after.length - 1];
  expect(published.proposal_id).toBe(id);
  expect(published.published_by_id).toBeNull();
  expect(query<{ current_version_id: number }>(clocked.portal, "select current_version_id from documents where id = ?", documentId)[0].current_version_id).toBe(published.id);

  // Restart again, later: no second version, no second announcement.
  await clocked.restartAt("2026-11-27T09:00:00Z");
  await new Promise((r) => setTimeout(r, 1500));
  expect(versions()).toHaveLength(before + 1);
  expect(query<{ n: number }>(clocked.portal, "select count(*) as n from scheduled_runs where key = ?", `activate:${id}`)[0].n).toBe(1);
  const told = query<{ person_id: number; n: number }>(
    clocked.portal,
    "select person_id, count(*) as n from notifications where kind = 'proposal_in_force' and link = ? group by person_id",
    `/wijzigingen/${id}`,
  );
  // Everyone invited, and the regisseur who started it, hears it exactly once.
  const audience = query<{ person_id: number }>(
    clocked.portal,
    "select person_id from proposal_invitations where proposal_id = ? union select created_by_id from proposals where id = ?",
    id,
    id,
  ).map((r) => r.person_id);
  expect(told.map((t) => t.n)).toEqual(audience.map(() => 1));
  expect(told.map((t) => t.person_id).sort((a, b) => a - b)).toEqual([...audience].sort((a, b) => a - b));
  await mail.waitFor((m) => m.to.includes("aanbieder@zorgvoorbeeld.example") && m.subject.includes("Van kracht: Activatie na herstart"));
  expect(mail.messages.filter((m) => m.to.includes("aanbieder@zorgvoorbeeld.example") && m.subject.includes("Van kracht: Activatie na herstart"))).toHaveLength(1);
});
