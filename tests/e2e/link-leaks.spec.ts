// Issue 10, class 1, over real HTTP: a concept document a ketenpartner may not read must not
// reach it through a link — not in the page, not in the page's data request (single fetch
// `.data`) — and a ketenpartner that posts a signal "about" it gets a 404 and nothing is stored.
import { test, expect } from "./fixtures";
import { apiAs, postForm, query } from "./consultation-helpers";

test.use({ checkA11y: false }); // HTTP only; the signal page itself is checked in signals.spec.ts

const TITLE = "Vertrouwelijk concept warme overdracht";
const HIDDEN = "een document dat (nog) niet voor u zichtbaar is";

test("a concept document does not reach a ketenpartner through a signal, and cannot be linked by it", async ({ portal, baseURL }) => {
  const ketenId = query<{ id: number }>(portal, "select id from ketens where slug = 'participatie-armoede'")[0].id;
  const reg = await apiAs(baseURL!, "regisseur.participatie@zaanstad.example");
  const created = await postForm(reg.api, reg.csrf, "/documenten/nieuw", { title: TITLE, kind: "werkafspraken", keten: String(ketenId), summary: "Nog niet gedeeld." });
  expect(created.status()).toBe(302);
  const doc = query<{ id: number; slug: string }>(portal, "select id, slug from documents where title = ?", TITLE)[0];
  expect(doc.slug).toBeTruthy();

  // The ketenpartner cannot open the concept, and cannot report "about" it: 404, nothing stored.
  const werkom = await apiAs(baseURL!, "werkom@werkom.example");
  expect((await werkom.api.get(`/documenten/${doc.slug}`)).status()).toBe(404);
  const signalsBefore = query<{ n: number }>(portal, "select count(*) as n from signals")[0].n;
  const report = await postForm(werkom.api, werkom.csrf, "/signalen/nieuw", {
    title: "Over het concept",
    description: "Wij zagen een concept.",
    ketenId: String(ketenId),
    themaId: "1",
    wijken: "stadsbreed",
    documentId: String(doc.id),
  });
  expect(report.status()).toBe(404);
  const refusal = await report.text();
  expect(refusal).not.toContain(TITLE);
  expect(refusal).not.toContain(doc.slug);
  expect(query<{ n: number }>(portal, "select count(*) as n from signals")[0].n).toBe(signalsBefore);

  // The regisseur links a signal that the ketenpartner reads to the concept.
  const signal = query<{ id: number }>(portal, "select s.id from signals s where s.reporter_organisation_id = (select id from organisations where slug = 'werkom') order by s.id limit 1")[0].id;
  const linked = await postForm(reg.api, reg.csrf, `/signalen/${signal}`, { intent: "koppelen", target: `document:${doc.id}` });
  expect(linked.status()).toBe(302);
  const forRegisseur = await (await reg.api.get(`/signalen/${signal}.data`)).text();
  expect(forRegisseur).toContain(`/documenten/${doc.slug}`);

  // The ketenpartner sees that something is linked, but neither its title nor its address.
  for (const url of [`/signalen/${signal}`, `/signalen/${signal}.data`]) {
    const res = await werkom.api.get(url);
    expect(res.status(), url).toBe(200);
    const body = await res.text();
    expect(body, url).toContain(HIDDEN);
    expect(body, url).not.toContain(TITLE);
    expect(body, url).not.toContain(doc.slug);
  }
  await reg.api.dispose();
  await werkom.api.dispose();
});
