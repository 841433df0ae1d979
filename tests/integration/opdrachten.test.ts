// Issue 13, acceptance point 4 in the domain: the register of opdrachten. Create a request,
// the contractmanager's toets (before it reaches the teams), reporting reminders exactly once
// per moment (also after the database is reopened, as after a restart), "wat er met uw
// gegevens is gedaan" visible to the teams, the per-organisation view, the CSV, the agenda and
// who reads what for every demo account (list, detail, CSV, search, notifications).
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb, schema } from "~/db/client.server";
import { loadActor, loadActorByEmail, type Actor } from "~/domain/actor.server";
import { seedDemoIfEmpty } from "~/domain/seed/index.server";
import { canReadOpdracht } from "~/domain/policy.server";
import { opdrachtFacts } from "~/domain/opdrachten/facts.server";
import { addReportMoment, createOpdracht, markReportReceived, recordReportFeedback, setOpdrachtStatus, toetsOpdracht } from "~/domain/opdrachten/opdrachten.server";
import { opdrachtDetail } from "~/domain/opdrachten/detail.server";
import { listOpdrachten, opdrachtenCsv, organisationLoad, organisationView, parseOpdrachtFilter, upcomingReports } from "~/domain/opdrachten/queries.server";
import { registerCalendar } from "~/domain/opdrachten/calendar.server";
import { sendReportReminders } from "~/domain/opdrachten/scheduled.server";
import { opdrachtSchema } from "~/shared/opdracht-forms";
import { principalsFor, canSee } from "~/domain/search/acl.server";
import { opdrachtEntries } from "~/domain/opdrachten/search.server";
import { canOpenLink } from "~/domain/notify.server";
import { setClock } from "~/utils/clock.server";
import { isDomainError } from "~/domain/errors";

const who = (email: string): Actor => loadActorByEmail(email)!;
const idOf = (table: typeof schema.organisations | typeof schema.ketens | typeof schema.themas, slug: string) => getDb().select({ id: table.id }).from(table).where(eq(table.slug, slug)).get()!.id;
const status = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (isDomainError(e)) return e.status;
    throw e;
  }
  return 200;
};
const notices = (kind: string, link: string) => getDb().select().from(schema.notifications).where(and(eq(schema.notifications.kind, kind), eq(schema.notifications.link, link))).all();

const form = (over: Record<string, unknown> = {}) =>
  opdrachtSchema.parse({
    kind: "informatieverzoek",
    title: "Uitvraag wachttijden schuldhulp per wijk",
    purpose: "Inzicht in de wachttijd tot een eerste gesprek bij schuldhulp, per wijk.",
    requestedBy: "Opgave Kansengelijkheid, team schulden",
    budget: "€ 15.000",
    startDate: "2027-01-01",
    endDate: "2027-06-30",
    evaluationDate: "2027-07-15",
    indicators: "Wachttijd in werkdagen\nAantal aanmeldingen",
    reports: "2027-02-15 Eerste stand\n2027-05-15 Tweede stand",
    route: "via_toets",
    ketenIds: [String(idOf(schema.ketens, "participatie-armoede"))],
    themaIds: [String(idOf(schema.themas, "schulden-inkomen"))],
    organisationIds: [String(idOf(schema.organisations, "dock")), String(idOf(schema.organisations, "smd"))],
    ...over,
  });

beforeAll(async () => {
  setClock("2026-12-02T08:00:00Z");
  await seedDemoIfEmpty();
}, 60_000);

describe("register: create and toetsen", () => {
  it("registers a request as voorgesteld, asks the contractmanager, and only she toetst it", () => {
    const regisseur = who("regisseur.participatie@zaanstad.example");
    const id = createOpdracht({ actor: regisseur, value: form() });
    const d = opdrachtDetail({ actor: regisseur, id });
    expect(d.item).toMatchObject({ status: "voorgesteld", budget: 15000, outsideRoute: false });
    expect(d.item.reports.map((r) => r.dueDate)).toEqual(["2027-02-15", "2027-05-15"]);
    expect(d.item.organisations.map((o) => o.slug)).toEqual(["dock", "smd"]);
    const cm = who("contractmanager@zaanstad.example");
    expect(notices("opdracht_toets", `/opdrachten/${id}`).map((n) => n.personId)).toEqual([cm.id]);
    // Not before the toets: the owner cannot start it, a regisseur cannot toetsen.
    expect(status(() => setOpdrachtStatus({ actor: regisseur, id, to: "lopend", note: "" }))).toBe(409);
    expect(status(() => toetsOpdracht({ actor: regisseur, id, outcome: "past", note: "Prima." }))).toBe(403);
    expect(opdrachtDetail({ actor: cm, id }).canToets).toBe(true);
    toetsOpdracht({ actor: cm, id, outcome: "past_met_aanpassing", note: "Vraag alleen wat al in de registratie staat." });
    const after = opdrachtDetail({ actor: regisseur, id });
    expect(after.item.status).toBe("getoetst");
    expect(after.toets).toMatchObject({ outcome: "Past, met een aanpassing", note: "Vraag alleen wat al in de registratie staat.", by: cm.name });
    expect(status(() => toetsOpdracht({ actor: cm, id, outcome: "past", note: "Nog eens." }))).toBe(409);
    // Getoetst: now it reaches the teams (DOCK and SMD, not Incluzio).
    const teamNotices = notices("opdracht_teams", `/opdrachten/${id}`).map((n) => n.personId);
    expect(teamNotices).toContain(who("professional@dock.example").id);
    expect(teamNotices).not.toContain(who("prof2@incluzio.example").id);
    setOpdrachtStatus({ actor: regisseur, id, to: "lopend", note: "" });
    expect(opdrachtDetail({ actor: regisseur, id }).item.status).toBe("lopend");
  });

  it("a negative toets stops the request before it reaches the teams; a request outside the route is flagged", () => {
    const regisseur = who("regisseur.wmo@zaanstad.example");
    const cm = who("contractmanager@zaanstad.example");
    const id = createOpdracht({ actor: regisseur, value: form({ title: "Extra uitvraag die niet past" }) });
    toetsOpdracht({ actor: cm, id, outcome: "past_niet", note: "Dubbel met de halfjaarrapportage." });
    expect(opdrachtDetail({ actor: regisseur, id }).item.status).toBe("gestopt");
    expect(notices("opdracht_teams", `/opdrachten/${id}`)).toHaveLength(0);

    const outside = createOpdracht({ actor: regisseur, value: form({ title: "Al uitgezette telling", route: "buiten_route" }) });
    const row = listOpdrachten({ actor: regisseur, filter: { route: "buiten_route" } }).find((r) => r.id === outside)!;
    expect(row).toMatchObject({ status: "lopend", outsideRoute: true, routeLabel: "Buiten de afgesproken route" });
    expect(notices("opdracht_toets", `/opdrachten/${outside}`)[0].title).toMatch(/^Buiten de afgesproken route/);
    // The contractmanager can still toetsen it afterwards; the status stays with the owner.
    toetsOpdracht({ actor: cm, id: outside, outcome: "past", note: "Achteraf getoetst." });
    expect(opdrachtDetail({ actor: regisseur, id: outside }).item).toMatchObject({ status: "lopend", toetsLabel: "Past binnen de brede opdracht" });
  });

  it("refuses bad input with field messages", () => {
    expect(opdrachtSchema.safeParse({ ...form(), endDate: "2026-01-01", startDate: "2027-01-01" }).success).toBe(false);
    const r = opdrachtSchema.safeParse({ kind: "informatieverzoek", title: "x", purpose: "y", requestedBy: "z", startDate: "2027-01-01", endDate: "2027-02-01", route: "via_toets", ketenIds: "1", organisationIds: "1", reports: "morgen iets" });
    expect(r.success).toBe(false);
    expect(r.error!.issues.find((i) => i.path[0] === "reports")?.message).toMatch(/^Regel 1 van de rapportagemomenten/);
    const lezer = who("uitkeringen@zaanstad.example");
    expect(status(() => createOpdracht({ actor: lezer, value: form() }))).toBe(403);
    expect(status(() => createOpdracht({ actor: who("werkom@werkom.example"), value: form() }))).toBe(403);
  });
});

describe("reporting moments: reminders, ontvangen and wat er met uw gegevens is gedaan", () => {
  it("reminds the owner once per moment, also after a restart, and again for a moved date", () => {
    const regisseur = who("regisseur.participatie@zaanstad.example");
    const cm = who("contractmanager@zaanstad.example");
    const id = createOpdracht({ actor: regisseur, value: form({ title: "Maandstand voor de herinneringstest", reports: "" }) });
    toetsOpdracht({ actor: cm, id, outcome: "past", note: "Past." });
    const reportId = addReportMoment({ actor: regisseur, id, dueDate: "2027-01-20", title: "Stand januari" });
    const link = `/opdrachten/${id}#moment-${reportId}`;
    sendReportReminders("2027-01-04"); // more than five working days before: nothing yet
    expect(notices("opdracht_rapportage", link)).toHaveLength(0);
    sendReportReminders("2027-01-13");
    sendReportReminders("2027-01-14");
    expect(notices("opdracht_rapportage", link)).toHaveLength(1);
    closeDb(); // as after a restart: only the database remembers what was sent
    sendReportReminders("2027-01-20");
    const sent = notices("opdracht_rapportage", link);
    expect(sent).toHaveLength(1);
    expect(sent[0].personId).toBe(regisseur.id);
    // A moved moment is a new moment: reminded once more.
    getDb().update(schema.opdrachtReports).set({ dueDate: "2027-02-10" }).where(eq(schema.opdrachtReports.id, reportId)).run();
    sendReportReminders("2027-02-05");
    sendReportReminders("2027-02-06");
    expect(notices("opdracht_rapportage", link)).toHaveLength(2);
    // Once the report is in, no reminder for it.
    markReportReceived({ actor: regisseur, id, reportId });
    getDb().update(schema.opdrachtReports).set({ dueDate: "2027-03-10" }).where(eq(schema.opdrachtReports.id, reportId)).run();
    sendReportReminders("2027-03-09");
    expect(notices("opdracht_rapportage", link)).toHaveLength(2);
  });

  it("records what was done with the data, visible to the teams and sent to them", () => {
    const regisseur = who("regisseur.participatie@zaanstad.example");
    const cm = who("contractmanager@zaanstad.example");
    const id = createOpdracht({ actor: regisseur, value: form({ title: "Stand voor de terugkoppeltest", reports: "2027-02-15 Eerste stand" }) });
    toetsOpdracht({ actor: cm, id, outcome: "past", note: "Past." });
    const reportId = opdrachtDetail({ actor: regisseur, id }).reports[0].id;
    const dock = who("professional@dock.example");
    expect(status(() => recordReportFeedback({ actor: dock, id, reportId, feedback: "x" }))).toBe(403);
    recordReportFeedback({ actor: regisseur, id, reportId, feedback: "Gebruikt om de wachttijd in Poelenburg aan te pakken." });
    const seen = opdrachtDetail({ actor: dock, id }).reports[0];
    expect(seen).toMatchObject({ feedback: "Gebruikt om de wachttijd in Poelenburg aan te pakken.", feedbackBy: regisseur.name });
    expect(seen.receivedAt).not.toBeNull();
    const sent = notices("opdracht_teams", `/opdrachten/${id}#moment-${reportId}`);
    expect(sent.map((n) => n.personId)).toContain(dock.id);
    expect(sent[0].title).toMatch(/^Wat er met uw gegevens is gedaan/);
  });
});

describe("filters, per-organisation view, CSV and agenda", () => {
  it("filters by keten, thema, organisatie and status", () => {
    const a = who("regisseur.wmo@zaanstad.example");
    const all = listOpdrachten({ actor: a, filter: {} });
    expect(all.length).toBeGreaterThanOrEqual(8);
    const f = parseOpdrachtFilter(new URLSearchParams("keten=wmo-mantelzorg-gezondheid&status=lopend&thema=mantelzorg&organisatie=dock&onbekend=x"));
    expect(f).toEqual({ keten: "wmo-mantelzorg-gezondheid", status: "lopend", thema: "mantelzorg", organisatie: "dock" });
    const rows = listOpdrachten({ actor: a, filter: f });
    expect(rows.map((r) => r.title)).toContain("Extra telling mantelzorgondersteuning naast het registratiesysteem");
    for (const r of rows) {
      expect(r.status).toBe("lopend");
      expect(r.ketens.map((k) => k.slug)).toContain("wmo-mantelzorg-gezondheid");
      expect(r.themas.map((t) => t.slug)).toContain("mantelzorg");
      expect(r.organisations.map((o) => o.slug)).toContain("dock");
    }
    expect(listOpdrachten({ actor: a, filter: parseOpdrachtFilter(new URLSearchParams("status=bestaat-niet")) }).length).toBe(all.length);
  });

  it("shows what is asked of DOCK this year and the load on each wijkteam organisation", () => {
    const a = who("contractmanager@zaanstad.example");
    const v = organisationView({ actor: a, slug: "dock", year: 2026 });
    expect(v.organisation.name).toBe("DOCK");
    expect(v.items.map((i) => i.title)).toEqual(expect.arrayContaining(["Vier profielen in de aanvullende opdracht participatie", "20% minder budget voor de aanvullende opdracht participatie (2025–2026)"]));
    expect(v.items.every((i) => i.organisations.some((o) => o.slug === "dock"))).toBe(true);
    expect(v.totals.outsideRoute).toBeGreaterThanOrEqual(2);
    expect(v.months.flatMap((m) => m.moments).every((m) => m.dueDate.startsWith("2026"))).toBe(true);
    const load = organisationLoad({ actor: a, year: 2026 });
    expect(load.map((l) => l.slug)).toEqual(["dock", "incluzio", "smd"]);
    const dock = load.find((l) => l.slug === "dock")!;
    expect(dock.total).toBe(v.totals.active);
    expect(dock.informatie).toBeGreaterThanOrEqual(2);
    // The load differs per organisation: the mantelzorg telling outside the route is not SMD's.
    expect(load.find((l) => l.slug === "smd")!.outsideRoute).toBeLessThan(dock.outsideRoute);
  });

  it("exports the filtered register as CSV, safe for Excel", () => {
    const a = who("regisseur.participatie@zaanstad.example");
    const id = createOpdracht({ actor: a, value: form({ title: "=HYPERLINK(\"x\")", reports: "" }) });
    const csv = opdrachtenCsv(listOpdrachten({ actor: a, filter: { soort: "informatieverzoek" } }));
    const lines = csv.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe("Nummer;Soort;Titel;Doel;Gevraagd door;Ketens;Thema's;Uitgevoerd door;Budget (euro);Begin;Einde;Evaluatie;Status;Route;Toets;Rapportagemomenten;Indicatoren");
    expect(csv).toContain(`${id};Informatieverzoek;"'=HYPERLINK(""x"")"`);
    expect(csv).not.toContain("Vier profielen");
  });

  it("puts the coming reporting moments in an .ics agenda", () => {
    const a = who("regisseur.participatie@zaanstad.example");
    const ics = registerCalendar(a);
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).toContain("SUMMARY:Rapportage: Maandelijkse stand van de doorstroom naar Werkom");
    expect(ics).toContain("DTSTART;VALUE=DATE:20261204");
    expect(upcomingReports({ actor: a, limit: 3 }).length).toBe(3);
  });
});

describe("access for each demo role", () => {
  it("gemeente and wijkteams read the whole register; ketenpartners only what they carry out — in list, detail, CSV, search and notifications", () => {
    const people = getDb().select({ id: schema.people.id }).from(schema.people).all();
    const items = getDb().select({ id: schema.opdrachten.id }).from(schema.opdrachten).all();
    const werkom = idOf(schema.organisations, "werkom");
    let partners = 0;
    for (const p of people) {
      const a = loadActor(p.id);
      if (!a) continue;
      const listed = listOpdrachten({ actor: a, filter: {} }).map((r) => r.id).sort((x, y) => x - y);
      const expected = items.filter((i) => canReadOpdracht(a, opdrachtFacts(i.id)!)).map((i) => i.id).sort((x, y) => x - y);
      expect(listed, a.email).toEqual(expected);
      const csvIds = opdrachtenCsv(listOpdrachten({ actor: a, filter: {} })).split("\r\n").filter((l) => /^\d+;(Brede opdracht|Aanvullende opdracht|Informatieverzoek);/.test(l)).map((l) => Number(l.split(";")[0]));
      expect(csvIds.sort((x, y) => x - y), a.email).toEqual(expected);
      for (const i of items) {
        const readable = expected.includes(i.id);
        expect(status(() => opdrachtDetail({ actor: a, id: i.id })), `${a.email} #${i.id}`).toBe(readable ? 200 : 404);
        const entry = opdrachtEntries(getDb(), i.id)[0];
        expect(canSee(principalsFor(a), entry.visibility), `search ${a.email} #${i.id}`).toBe(readable);
        expect(canOpenLink(a, `/opdrachten/${i.id}`)).toBe(readable);
      }
      if (a.organisationKind === "ketenpartner") {
        partners++;
        for (const id of listed) expect(opdrachtFacts(id)!.carrierOrganisationIds).toContain(a.organisationId);
        if (a.organisationId === werkom) expect(listOpdrachten({ actor: a, filter: {} }).map((r) => r.title)).toEqual(["Maandelijkse stand van de doorstroom naar Werkom"]);
        else expect(listed).toEqual([]);
        expect(organisationLoad({ actor: a, year: 2026 }).every((l) => l.total <= (a.organisationId === werkom ? 1 : 0))).toBe(true);
      } else {
        expect(listed.length, a.email).toBe(items.length);
      }
    }
    expect(partners).toBeGreaterThanOrEqual(3);
  });
});
