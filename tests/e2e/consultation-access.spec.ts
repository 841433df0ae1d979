// Acceptance 5: a ketenpartner that was not invited gets 404 on every route of a proposal —
// the page, its data request, its comments (posting), its timeline, its reactienota (page and
// export), its calendar file, its editor and its collaboration room — and does not find it in
// lists. Tested route by route, not by hidden links. The invited partner is the control.
import WebSocket from "ws";
import type { APIRequestContext } from "@playwright/test";
import { test, expect } from "./fixtures";
import { apiAs, postForm, query, startClocked, type Clocked } from "./consultation-helpers";

test.use({ checkA11y: false }); // HTTP only; the pages themselves are checked in consultation.spec.ts

const P1 = "Startgesprekken bij een bijstandsaanvraag voortaan gevoerd door Werkom";
const P2 = "Aanbieders vooraf consulteren bij wijzigingen en pilots, en een vaste route voor warme overdracht";

let clocked: Clocked;
let p1: number;
let p2: number;

test.beforeAll(async () => {
  // Mid-consultation of the demo proposal P1 (10 November – 8 December 2026).
  clocked = await startClocked("2026-11-23T09:00:00Z");
  const id = (title: string) => query<{ id: number }>(clocked.portal, "select id from proposals where title = ?", title)[0].id;
  p1 = id(P1);
  p2 = id(P2);
});

test.afterAll(async () => {
  await clocked?.stop();
});

const READ_ROUTES = (id: number) => [
  `/wijzigingen/${id}`,
  `/wijzigingen/${id}.data`,
  `/wijzigingen/${id}/tijdlijn`,
  `/wijzigingen/${id}/reactienota`,
  `/wijzigingen/${id}/reactienota.html`,
  `/wijzigingen/${id}/reactienota.html?download=1`,
  `/wijzigingen/${id}/agenda.ics`,
  `/wijzigingen/${id}/tekst`,
  `/wijzigingen/${id}/bewerken`,
];

const WRITE_ROUTES = (id: number, commentId: number): { url: string; form: Record<string, string> }[] => [
  { url: `/wijzigingen/${id}`, form: { intent: "comment", stance: "steun", text: "Ik was niet uitgenodigd.", quote: "" } },
  { url: `/wijzigingen/${id}`, form: { intent: "answer", commentId: String(commentId), decision: "overgenomen", text: "x", textChange: "" } },
  { url: `/wijzigingen/${id}`, form: { intent: "decide", note: "x", effectiveDate: "2027-03-01", reason: "" } },
  { url: `/wijzigingen/${id}`, form: { intent: "withdraw", note: "x" } },
  { url: `/wijzigingen/${id}`, form: { intent: "evaluate", text: "x" } },
  { url: `/wijzigingen/${id}/tijdlijn`, form: { intent: "dates", effectiveDate: "2027-04-01", reason: "x" } },
  { url: `/wijzigingen/${id}/bewerken`, form: { intent: "details", title: "Gekaapt", waarom: "x", visieAnchor: "" } },
];

async function roomStatus(api: APIRequestContext, baseURL: string, id: number): Promise<number> {
  const cookies = (await api.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const url = `${baseURL.replace(/^http/, "ws")}/collab/proposal-${id}`;
  return new Promise<number>((resolve, reject) => {
    const ws = new WebSocket(url, { headers: { Cookie: cookies, Origin: baseURL } });
    ws.on("unexpected-response", (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on("open", () => {
      resolve(101);
      ws.close();
    });
    ws.on("error", (e) => reject(e));
  });
}

for (const [who, email, target] of [
  ["a Wmo-aanbieder not invited to P1", "thuishulp@thuishulpdemo.example", "p1"],
  ["Werkom, not invited to P2", "werkom@werkom.example", "p2"],
] as const) {
  test(`${who} gets 404 on every route of it`, async () => {
    const id = target === "p1" ? p1 : p2;
    const title = target === "p1" ? P1 : P2;
    const commentId = query<{ id: number }>(clocked.portal, "select id from proposal_comments where proposal_id = ? limit 1", id)[0].id;
    const { api, csrf } = await apiAs(clocked.portal.baseURL, email);
    try {
      for (const path of READ_ROUTES(id)) {
        const res = await api.get(path, { maxRedirects: 0 });
        expect(res.status(), `GET ${path}`).toBe(404);
        const body = await res.text();
        expect(body, `GET ${path} leaks the title`).not.toContain(title);
      }
      const page = await (await api.get(`/wijzigingen/${id}`)).text();
      expect(page).toContain("niet voor uitgenodigd");

      const commentsBefore = query<{ n: number }>(clocked.portal, "select count(*) as n from proposal_comments where proposal_id = ?", id)[0].n;
      for (const w of WRITE_ROUTES(id, commentId)) {
        const res = await postForm(api, csrf, w.url, w.form);
        expect(res.status(), `POST ${w.url} (${w.form.intent})`).toBe(404);
      }
      expect(query<{ n: number }>(clocked.portal, "select count(*) as n from proposal_comments where proposal_id = ?", id)[0].n).toBe(commentsBefore);
      expect(query<{ title: string }>(clocked.portal, "select title from proposals where id = ?", id)[0].title).toBe(title);

      expect(await roomStatus(api, clocked.portal.baseURL, id), "collaboration room").toBe(403);

      const list = await (await api.get("/wijzigingen")).text();
      expect(list).not.toContain(title);
      const home = await (await api.get("/")).text();
      expect(home).not.toContain(title);
    } finally {
      await api.dispose();
    }
  });
}

test("the invited Wmo-aanbieder reads P2 on every read route, but cannot edit it or answer", async () => {
  const { api, csrf } = await apiAs(clocked.portal.baseURL, "aanbieder@zorgvoorbeeld.example");
  try {
    for (const path of READ_ROUTES(p2)) {
      const res = await api.get(path, { maxRedirects: 0 });
      const expected = path.endsWith("/tekst") || path.endsWith("/bewerken") ? 403 : 200;
      expect(res.status(), `GET ${path}`).toBe(expected);
    }
    const ics = await (await api.get(`/wijzigingen/${p2}/agenda.ics`)).text();
    expect(ics).toContain("BEGIN:VCALENDAR");
    const commentId = query<{ id: number }>(clocked.portal, "select id from proposal_comments where proposal_id = ? limit 1", p2)[0].id;
    const answer = await postForm(api, csrf, `/wijzigingen/${p2}`, { intent: "answer", commentId: String(commentId), decision: "overgenomen", text: "x", textChange: "" });
    expect(answer.status()).toBe(403);
    expect(await roomStatus(api, clocked.portal.baseURL, p2), "read-only follow is allowed").toBe(101);
  } finally {
    await api.dispose();
  }
});

test("a concept is invisible even to the organisations it names", async () => {
  const regisseur = await apiAs(clocked.portal.baseURL, "regisseur.wmo@zaanstad.example");
  const created = await postForm(regisseur.api, regisseur.csrf, "/wijzigingen/nieuw", { document: "werkafspraken-wmo-keten", title: "Nog geheim concept" });
  expect(created.status()).toBe(302);
  const id = Number(created.headers()["location"]?.match(/\/wijzigingen\/(\d+)/)?.[1]);
  const zv = query<{ id: number }>(clocked.portal, "select id from organisations where slug = 'zorg-voorbeeld'")[0].id;
  const impact = await postForm(regisseur.api, regisseur.csrf, `/wijzigingen/${id}/bewerken`, { intent: "impact", organisations: [String(zv)], [`note_${zv}`]: "Geraakt." });
  expect(impact.status()).toBe(302);
  await regisseur.api.dispose();

  const { api } = await apiAs(clocked.portal.baseURL, "aanbieder@zorgvoorbeeld.example");
  try {
    for (const path of READ_ROUTES(id)) expect((await api.get(path, { maxRedirects: 0 })).status(), `GET ${path}`).toBe(404);
    expect(await (await api.get("/wijzigingen")).text()).not.toContain("Nog geheim concept");
  } finally {
    await api.dispose();
  }
});
