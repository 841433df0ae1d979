import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import { loadActorByEmail, type Actor } from "~/domain/actor.server";
import { updateKeten, getKeten } from "~/domain/directory.server";
import { isDomainError } from "~/domain/errors";
import { canReadSignal } from "~/domain/policy.server";
import { seedWorld } from "~/domain/seed/world.server";
import { setClock } from "~/utils/clock.server";
import type { SignalStatus } from "~/db/schema";
import { loadSignal } from "./access.server";
import { linkSignal, listSignalsLinkedTo, unlinkSignal } from "./links.server";
import { overviewCsv, signalOverview } from "./overview.server";
import { getSignalDetail, listSignals, mySignals, signalsForHome } from "./queries.server";
import { mergeSignals, recogniseSignal, reportSignal, transferOwnership, transitionSignal, withdrawRecognition } from "./signals.server";
import { addWorkingDays } from "~/shared/working-days";

const db = () => getDb();
let A: Record<string, Actor>;
const actor = (email: string) => {
  const a = loadActorByEmail(email);
  if (!a) throw new Error(`no actor ${email}`);
  return a;
};
const ketenId = (slug: string) => db().select({ id: schema.ketens.id }).from(schema.ketens).where(eq(schema.ketens.slug, slug)).get()!.id;
const themaId = (slug: string) => db().select({ id: schema.themas.id }).from(schema.themas).where(eq(schema.themas.slug, slug)).get()!.id;
const wijkId = (slug: string) => db().select({ id: schema.wijken.id }).from(schema.wijken).where(eq(schema.wijken.slug, slug)).get()!.id;

function report(by: Actor, over: Partial<Parameters<typeof reportSignal>[0]> = {}) {
  return reportSignal({
    actor: by,
    title: "Terugverwijzingen zonder warme overdracht",
    description: "Inwoners komen zonder gesprek terug op de wachtlijst van het wijkteam.",
    ketenId: ketenId("participatie-armoede"),
    extraKetenIds: [],
    themaId: themaId("participatie"),
    wijken: [String(wijkId("krommenie"))],
    documentId: undefined,
    documentAnchor: "",
    ...over,
  });
}

/** The error a call throws, as { status, message, fieldErrors }. */
function refusal(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    if (isDomainError(e)) return { status: e.status, message: e.message, fieldErrors: e.fieldErrors };
    throw e;
  }
  throw new Error("expected a refusal, but the call succeeded");
}

const notificationsOf = (personId: number) =>
  db().select().from(schema.notifications).where(eq(schema.notifications.personId, personId)).all();
const emailsTo = (email: string) => db().select().from(schema.emails).where(eq(schema.emails.to, email)).all();

beforeAll(async () => {
  await seedWorld();
  A = Object.fromEntries(
    [
      "regisseur.participatie@zaanstad.example",
      "regisseur.wmo@zaanstad.example",
      "regisseur.jeugd@zaanstad.example",
      "contractmanager@zaanstad.example",
      "professional@dock.example",
      "teamleider@smd.example",
      "prof2@incluzio.example",
      "werkom@werkom.example",
      "aanbieder@zorgvoorbeeld.example",
      "thuishulp@thuishulpdemo.example",
      "beheer@zaanstad.example",
    ].map((e) => [e.split("@")[0], actor(e)]),
  );
});

beforeEach(() => setClock("2026-11-23T09:00:00Z")); // a Monday

describe("reporting and routing", () => {
  it("routes a new signal to the regisseur of its keten with a due date in working days", () => {
    const id = report(A.professional);
    const s = loadSignal(db(), id)!;
    expect(s.status).toBe("nieuw");
    expect(s.dueAt).toBe(addWorkingDays("2026-11-23", 20));
    expect(s.reporterOrganisationId).toBe(A.professional.organisationId);
    // The regisseur sees it on the start page and in the inbox, and got an e-mail.
    const home = signalsForHome(actor("regisseur.participatie@zaanstad.example"));
    expect(home.forMe.map((r) => r.id)).toContain(id);
    expect(notificationsOf(A["regisseur.participatie"].id).some((n) => n.link === `/signalen/${id}`)).toBe(true);
    expect(emailsTo("regisseur.participatie@zaanstad.example").some((m) => m.subject.includes("Nieuw signaal"))).toBe(true);
    // The reporter got a confirmation with the term.
    expect(notificationsOf(A.professional.id).some((n) => n.title.startsWith("Signaal ontvangen") && n.body.includes("20 werkdagen"))).toBe(true);
    // One logged transition: null → nieuw.
    const log = db().select().from(schema.signalTransitions).where(eq(schema.signalTransitions.signalId, id)).all();
    expect(log.map((t) => [t.fromStatus, t.toStatus])).toEqual([[null, "nieuw"]]);
  });

  it("with several ketens every regisseur sees it; the chosen one is eigenaar", () => {
    const id = report(A.professional, { ketenId: ketenId("opvoeden-opgroeien"), extraKetenIds: [ketenId("participatie-armoede")] });
    const s = loadSignal(db(), id)!;
    expect(s.ownerKetenId).toBe(ketenId("opvoeden-opgroeien"));
    expect(s.ketenIds.sort()).toEqual([ketenId("opvoeden-opgroeien"), ketenId("participatie-armoede")].sort());
    const jeugd = signalsForHome(actor("regisseur.jeugd@zaanstad.example")).forMe.find((r) => r.id === id);
    const part = signalsForHome(actor("regisseur.participatie@zaanstad.example")).forMe.find((r) => r.id === id);
    expect(jeugd?.isOwner).toBe(true);
    expect(part?.isOwner).toBe(false);
    // Only the eigenaar handles it; the other regisseur is refused.
    expect(refusal(() => transitionSignal({ actor: A["regisseur.participatie"], id, to: "in_behandeling" })).status).toBe(403);
    transitionSignal({ actor: A["regisseur.jeugd"], id, to: "in_behandeling" });
    // Ownership can be handed to the other keten.
    transferOwnership({ actor: A["regisseur.jeugd"], id, ketenId: ketenId("participatie-armoede") });
    expect(loadSignal(db(), id)!.ownerKetenId).toBe(ketenId("participatie-armoede"));
    transitionSignal({ actor: A["regisseur.participatie"], id, to: "informatie_gevraagd", text: "Om hoeveel jongeren gaat het per maand?" });
  });

  it("validates wijken: wijken or stadsbreed, never both or none", () => {
    expect(refusal(() => report(A.professional, { wijken: [] })).fieldErrors.wijken).toMatch(/minstens één wijk/);
    expect(refusal(() => report(A.professional, { wijken: ["stadsbreed", String(wijkId("krommenie"))] })).fieldErrors.wijken).toMatch(/óf stadsbreed/);
    expect(refusal(() => report(A.professional, { wijken: ["99999"] })).status).toBe(400);
    expect(refusal(() => report(A.professional, { ketenId: 99999 })).status).toBe(400);
    const id = report(A.professional, { wijken: ["stadsbreed"] });
    expect(loadSignal(db(), id)!.stadsbreed).toBe(true);
  });

  it("applies a changed terugkoppeltermijn to new signals only (existing due dates stay)", () => {
    const before = report(A.professional);
    const k = getKeten("participatie-armoede");
    updateKeten({ actor: A.beheer, id: k.id, description: k.description, regisseurId: k.regisseurId ?? undefined, feedbackDays: 5, members: k.members.map((m) => m.id) });
    try {
      const after = report(A.professional);
      expect(loadSignal(db(), before)!.dueAt).toBe(addWorkingDays("2026-11-23", 20));
      expect(loadSignal(db(), after)!.dueAt).toBe(addWorkingDays("2026-11-23", 5));
    } finally {
      updateKeten({ actor: A.beheer, id: k.id, description: k.description, regisseurId: k.regisseurId ?? undefined, feedbackDays: 20, members: k.members.map((m) => m.id) });
    }
  });
});

describe("privacy guard on the server (acceptance 2)", () => {
  it("blocks a valid BSN with a 422 and a Dutch explanation, saving nothing", () => {
    const count = () => db().select({ n: sql<number>`count(*)` }).from(schema.signals).get()!.n;
    const n = count();
    const r = refusal(() => report(A.professional, { description: "Het gaat om BSN 111222333, die steeds terugkomt." }));
    expect(r.status).toBe(422);
    expect(r.fieldErrors.description).toMatch(/burgerservicenummer/);
    expect(r.message).toMatch(/patroon/);
    expect(count()).toBe(n);
  });

  it("lets an invalid 9-digit number through", () => {
    const id = report(A.professional, { description: "Zaaknummer 123456789 komt vaker voor in de rapportage." });
    expect(loadSignal(db(), id)!.description).toContain("123456789");
  });

  it("also guards the title, feedback, questions and herken-ik notes", () => {
    expect(refusal(() => report(A.professional, { title: "Mevrouw 06-12345678 belt steeds" })).fieldErrors.title).toMatch(/telefoonnummer/);
    const id = report(A.professional);
    const reg = A["regisseur.participatie"];
    transitionSignal({ actor: reg, id, to: "in_behandeling" });
    expect(refusal(() => transitionSignal({ actor: reg, id, to: "afgehandeld", text: "Gebeld met j.jansen@example.nl" })).status).toBe(422);
    expect(refusal(() => transitionSignal({ actor: reg, id, to: "informatie_gevraagd", text: "Woont zij op 1502 AB 12?" })).status).toBe(422);
    expect(refusal(() => recogniseSignal({ actor: A.teamleider, id, note: "Zelfde bij meneer geb. 12-03-1958" })).status).toBe(422);
    expect(loadSignal(db(), id)!.status).toBe("in_behandeling");
  });

  it("issue 10/17: each form says what applies to it, and new spellings are caught", () => {
    const id = report(A.professional);
    const reg = A["regisseur.participatie"];
    transitionSignal({ actor: reg, id, to: "in_behandeling" });
    const answer = refusal(() => transitionSignal({ actor: reg, id, to: "afgehandeld", text: "Gebeld met 06 - 12 34 56 78" }));
    expect(answer.fieldErrors.text).toContain('"06 - 12 34 56 78"');
    expect(answer.fieldErrors.text).toContain("terugkoppeling");
    expect(answer.fieldErrors.text).not.toContain("Een signaal gaat over een patroon");
    const note = refusal(() => recogniseSignal({ actor: A.teamleider, id, note: "Zelfde bij rekening NL20INGB0001234567" }));
    expect(note.fieldErrors.note).toContain("herkent");
    expect(refusal(() => report(A.professional, { description: "Het gezin op 1502ab12 wacht al lang." })).fieldErrors.description).toContain('"1502ab12"');
    expect(refusal(() => report(A.professional, { description: "BSN １１１ ２２２ ３３３ stond erin." })).status).toBe(422);
    // A date alone is a policy date, not a date of birth.
    const ok = report(A.professional, { description: "Sinds de wetswijziging van 17 juni 2014 verwijst Werkom anders door." });
    expect(loadSignal(db(), ok)!.description).toContain("17 juni 2014");
  });
});

describe("state machine (acceptance 3)", () => {
  it("refuses illegal transitions in the domain layer", () => {
    const id = report(A.professional);
    const reg = A["regisseur.participatie"];
    const illegal: [SignalStatus, string?][] = [["afgehandeld", "klaar"], ["informatie_gevraagd", "vraag"], ["heropend", "opnieuw"]];
    for (const [to, text] of illegal) expect(refusal(() => transitionSignal({ actor: reg, id, to, text })).status).toBe(409);
    // Merging has its own command.
    expect(refusal(() => transitionSignal({ actor: reg, id, to: "samengevoegd" })).status).toBe(400);
    // The reporter cannot take it into handling; an outsider cannot do anything.
    expect(refusal(() => transitionSignal({ actor: A.professional, id, to: "in_behandeling" })).status).toBe(409);
    expect(refusal(() => transitionSignal({ actor: A.contractmanager, id, to: "in_behandeling" })).status).toBe(403);
    expect(loadSignal(db(), id)!.status).toBe("nieuw");
    transitionSignal({ actor: reg, id, to: "in_behandeling" });
    expect(refusal(() => transitionSignal({ actor: reg, id, to: "in_behandeling" })).status).toBe(409);
    expect(refusal(() => transitionSignal({ actor: reg, id, to: "nieuw" })).status).toBe(409);
  });

  it("refuses closing without feedback, and a question without text", () => {
    const id = report(A.professional);
    const reg = A["regisseur.participatie"];
    transitionSignal({ actor: reg, id, to: "in_behandeling" });
    const r = refusal(() => transitionSignal({ actor: reg, id, to: "afgehandeld", text: "   " }));
    expect(r.status).toBe(400);
    expect(r.fieldErrors.text).toMatch(/verplicht/);
    expect(refusal(() => transitionSignal({ actor: reg, id, to: "niet_opgepakt" })).status).toBe(400);
    expect(refusal(() => transitionSignal({ actor: reg, id, to: "informatie_gevraagd" })).status).toBe(400);
    expect(loadSignal(db(), id)!.status).toBe("in_behandeling");
  });

  it("runs the full cycle, logging every transition and notifying the reporter each time", () => {
    const id = report(A.professional);
    const reg = A["regisseur.participatie"];
    const before = notificationsOf(A.professional.id).length;
    const mailsBefore = emailsTo("professional@dock.example").length;
    transitionSignal({ actor: reg, id, to: "in_behandeling" });
    transitionSignal({ actor: reg, id, to: "informatie_gevraagd", text: "Hoe vaak per maand ziet u dit?" });
    // The reporter answers: back to in behandeling, and the regisseur hears it.
    transitionSignal({ actor: A.professional, id, to: "in_behandeling", text: "Ongeveer vier keer per maand in Krommenie." });
    expect(notificationsOf(reg.id).some((n) => n.title.includes("de melder gaf informatie"))).toBe(true);
    setClock("2026-11-30T09:00:00Z");
    transitionSignal({ actor: reg, id, to: "afgehandeld", text: "Besproken in het OKO; Werkom belt voortaan vooraf." });
    const s = loadSignal(db(), id)!;
    expect(s.status).toBe("afgehandeld");
    expect(s.feedback).toContain("OKO");
    // The injected clock keeps running, so only the minute is fixed.
    expect(s.closedAt).toMatch(/^2026-11-30T09:00:/);
    expect(s.firstFeedbackAt).toBe(s.closedAt);
    const log = db().select().from(schema.signalTransitions).where(eq(schema.signalTransitions.signalId, id)).all();
    expect(log.map((t) => t.toStatus)).toEqual(["nieuw", "in_behandeling", "informatie_gevraagd", "in_behandeling", "afgehandeld"]);
    // Regisseur transitions notify the reporter (inbox + e-mail); their own answer does not.
    expect(notificationsOf(A.professional.id).length - before).toBe(3);
    const mails = emailsTo("professional@dock.example").slice(mailsBefore);
    expect(mails).toHaveLength(3);
    expect(mails.at(-1)!.text).toContain("Werkom belt voortaan vooraf");
    const audits = db().select().from(schema.auditLog).where(and(eq(schema.auditLog.entityType, "signaal"), eq(schema.auditLog.entityId, String(id)))).all();
    expect(audits.length).toBe(5);
  });

  it("lets only the reporter reopen, within 30 days, with a reason and a fresh term", () => {
    const id = report(A.professional);
    const reg = A["regisseur.participatie"];
    transitionSignal({ actor: reg, id, to: "in_behandeling" });
    transitionSignal({ actor: reg, id, to: "afgehandeld", text: "Opgelost met een vaste contactpersoon." });
    expect(refusal(() => transitionSignal({ actor: A.teamleider, id, to: "heropend", text: "Nee" })).status).toBe(403);
    expect(refusal(() => transitionSignal({ actor: reg, id, to: "heropend", text: "Nee" })).status).toBe(409);
    expect(refusal(() => transitionSignal({ actor: A.professional, id, to: "heropend" })).status).toBe(400);
    setClock("2026-12-20T09:00:00Z");
    transitionSignal({ actor: A.professional, id, to: "heropend", text: "Het gebeurt deze maand weer twee keer." });
    const s = loadSignal(db(), id)!;
    expect(s.status).toBe("heropend");
    expect(s.closedAt).toBeNull();
    expect(s.dueAt).toBe(addWorkingDays("2026-12-20", 20));
    expect(notificationsOf(reg.id).some((n) => n.title.includes("heropend door de melder"))).toBe(true);
    transitionSignal({ actor: reg, id, to: "in_behandeling" });
    transitionSignal({ actor: reg, id, to: "niet_opgepakt", text: "Valt onder het lopende voorstel over startgesprekken." });
    // 31 days after closing: too late.
    setClock("2027-01-21T09:00:00Z");
    const r = refusal(() => transitionSignal({ actor: A.professional, id, to: "heropend", text: "Toch weer" }));
    expect(r.status).toBe(409);
    expect(r.message).toMatch(/30 dagen/);
  });
});

describe("overdue with an injected clock (acceptance 4, domain part)", () => {
  it("marks a signal overdue the day after its term, in list, overview and CSV", () => {
    setClock("2026-06-01T08:00:00Z");
    const id = report(A.professional, { title: "Termijntest achter op termijn" });
    const due = loadSignal(db(), id)!.dueAt;
    expect(due).toBe(addWorkingDays("2026-06-01", 20));
    setClock(`${due}T20:00:00Z`);
    expect(listSignals({ actor: A.contractmanager, filter: { achter: "1" } }).rows.map((r) => r.id)).not.toContain(id);
    setClock(`${addWorkingDays(due, 1)}T08:00:00Z`);
    expect(listSignals({ actor: A.contractmanager, filter: { achter: "1" } }).rows.map((r) => r.id)).toContain(id);
    const o = signalOverview({ actor: A.contractmanager, filter: { van: "2026-06", tot: "2026-06" } });
    expect(o.overdueList.map((r) => r.id)).toContain(id);
    expect(o.totals.overdue).toBeGreaterThanOrEqual(1);
    const line = overviewCsv(o, "signalen").split("\r\n").find((l) => l.startsWith(`${id};`));
    expect(line).toContain("Termijntest achter op termijn");
    expect(line!.split(";")[9]).toBe("ja");
    // Closing it ends the overdue state.
    transitionSignal({ actor: A["regisseur.participatie"], id, to: "in_behandeling" });
    transitionSignal({ actor: A["regisseur.participatie"], id, to: "afgehandeld", text: "Te laat, excuses; besproken in het EKO." });
    expect(listSignals({ actor: A.contractmanager, filter: { achter: "1" } }).rows.map((r) => r.id)).not.toContain(id);
  });
});

describe("herken ik", () => {
  it("counts recognitions and their spread over wijken; the reporter cannot recognise", () => {
    const id = report(A.professional);
    recogniseSignal({ actor: A.teamleider, id, note: "Ook in Wormerveer", wijkId: wijkId("wormerveer") });
    recogniseSignal({ actor: A.prof2, id, note: "", wijkId: wijkId("zaandam-west") });
    expect(refusal(() => recogniseSignal({ actor: A.prof2, id, note: "nog eens" })).status).toBe(409);
    expect(refusal(() => recogniseSignal({ actor: A.professional, id, note: "zelf" })).status).toBe(403);
    const d = getSignalDetail({ actor: A.contractmanager, id });
    expect(d.recognitionStats.people).toBe(2);
    expect(d.recognitionStats.organisations).toBe(2);
    expect(d.recognitionStats.spread.map((s) => s.name).sort()).toEqual(["Krommenie", "Wormerveer", "Zaandam-West"]);
    withdrawRecognition({ actor: A.prof2, id });
    expect(getSignalDetail({ actor: A.contractmanager, id }).recognitionStats.people).toBe(1);
  });
});

describe("merge (acceptance 6)", () => {
  it("closes the duplicate; both reporters get the status updates of the surviving signal", () => {
    const survivor = report(A.professional, { title: "Overdracht van Werkom naar wijkteam mislukt" });
    const duplicate = report(A.teamleider, { title: "Werkom verwijst terug zonder gesprek", wijken: [String(wijkId("wormerveer"))] });
    recogniseSignal({ actor: A.prof2, id: duplicate, note: "Herkenbaar" });
    const reg = A["regisseur.participatie"];
    mergeSignals({ actor: reg, duplicateId: duplicate, survivorId: survivor, note: "Zelfde patroon." });
    const dup = loadSignal(db(), duplicate)!;
    expect(dup.status).toBe("samengevoegd");
    expect(dup.mergedIntoId).toBe(survivor);
    expect(dup.feedback).toContain(`#${survivor}`);
    const surv = loadSignal(db(), survivor)!;
    expect(surv.followerIds).toContain(A.teamleider.id);
    // The duplicate's recognition and its reporter count for the survivor.
    const d = getSignalDetail({ actor: reg, id: survivor });
    expect(d.recognitions.map((r) => r.personName).sort()).toEqual(["Ingrid Visser", "Kim Hoekstra"]);
    expect(d.mergedFrom.map((m) => m.id)).toEqual([duplicate]);
    // The merged one is refused further handling; you cannot merge into a merged one.
    expect(refusal(() => transitionSignal({ actor: reg, id: duplicate, to: "in_behandeling" })).status).toBe(409);
    const third = report(A.prof2, { title: "Derde melding" });
    expect(refusal(() => mergeSignals({ actor: reg, duplicateId: third, survivorId: duplicate })).status).toBe(409);
    expect(refusal(() => mergeSignals({ actor: reg, duplicateId: third, survivorId: third })).status).toBe(400);
    expect(refusal(() => mergeSignals({ actor: A["regisseur.wmo"], duplicateId: third, survivorId: survivor })).status).toBe(403);

    const mails = () => ({ a: emailsTo("professional@dock.example").length, b: emailsTo("teamleider@smd.example").length });
    const start = mails();
    transitionSignal({ actor: reg, id: survivor, to: "in_behandeling" });
    transitionSignal({ actor: reg, id: survivor, to: "afgehandeld", text: "Vaste contactpersoon per wijkteam afgesproken." });
    const end = mails();
    expect(end.a - start.a).toBe(2);
    expect(end.b - start.b).toBe(2);
    const last = emailsTo("teamleider@smd.example").at(-1)!;
    expect(last.text).toContain("dat u volgt");
    expect(last.text).toContain("Vaste contactpersoon");
    // Followers see it under "mijn signalen" as followed.
    expect(mySignals({ actor: A.teamleider }).find((r) => r.id === survivor)?.following).toBe(true);
  });
});

describe("ketenpartner access (acceptance 5, domain part)", () => {
  it("werkom reads its own and its keten's signals, not others; lists agree with the policy", () => {
    const wmo = report(A.professional, { ketenId: ketenId("wmo-mantelzorg-gezondheid"), themaId: themaId("mantelzorg"), title: "Wmo-signaal" });
    const part = report(A.professional, { title: "Participatiesignaal" });
    const own = report(A.werkom, { ketenId: ketenId("zorg-veiligheid"), themaId: themaId("huiselijk-geweld"), title: "Werkom-eigen signaal" });
    const werkom = A.werkom;
    expect(() => getSignalDetail({ actor: werkom, id: part })).not.toThrow();
    expect(() => getSignalDetail({ actor: werkom, id: own })).not.toThrow();
    const r = refusal(() => getSignalDetail({ actor: werkom, id: wmo }));
    expect(r.status).toBe(404);
    const listed = listSignals({ actor: werkom, filter: {} }).rows.map((x) => x.id);
    expect(listed).toContain(part);
    expect(listed).toContain(own);
    expect(listed).not.toContain(wmo);
    // Zorg Voorbeeld (Wmo member) sees the Wmo signal but not the participation one.
    expect(() => getSignalDetail({ actor: A.aanbieder, id: wmo })).not.toThrow();
    expect(refusal(() => getSignalDetail({ actor: A.aanbieder, id: part })).status).toBe(404);
    expect(refusal(() => signalOverview({ actor: werkom, filter: {} })).status).toBe(403);
    expect(refusal(() => recogniseSignal({ actor: werkom, id: wmo, note: "" })).status).toBe(404);
  });

  it("the SQL filter equals canReadSignal for every person and signal", () => {
    const people = db().select({ email: schema.people.email }).from(schema.people).all();
    const ids = db().select({ id: schema.signals.id }).from(schema.signals).all().map((r) => r.id);
    expect(ids.length).toBeGreaterThan(5);
    for (const { email } of people) {
      const a = actor(email);
      const listed = new Set(listSignals({ actor: a, filter: {}, limit: 10_000 }).rows.map((r) => r.id));
      for (const id of ids) expect(listed.has(id), `${email} / signal ${id}`).toBe(canReadSignal(a, loadSignal(db(), id)!));
    }
  });
});

describe("follow-up links", () => {
  it("links a signal to a proposal; the proposal lists the signals its reader may see", () => {
    const doc = db().insert(schema.documents).values({ slug: "werkafspraken-test", title: "Werkafspraken test", kind: "werkafspraken", ketenId: ketenId("participatie-armoede"), status: "gepubliceerd" }).returning().get();
    const prop = db()
      .insert(schema.proposals)
      .values({ documentId: doc.id, title: "Startgesprekken naar Werkom", status: "in_consultatie", createdById: A["regisseur.participatie"].id })
      .returning()
      .get();
    db().insert(schema.proposalImpacts).values({ proposalId: prop.id, organisationId: A.werkom.organisationId }).run();
    const part = report(A.professional, { title: "Signaal dat tot een voorstel leidde" });
    const wmo = report(A.professional, { ketenId: ketenId("wmo-mantelzorg-gezondheid"), title: "Wmo-signaal bij hetzelfde voorstel" });
    const reg = A["regisseur.participatie"];
    linkSignal({ actor: reg, id: part, targetType: "proposal", targetId: prop.id });
    expect(refusal(() => linkSignal({ actor: reg, id: part, targetType: "proposal", targetId: prop.id })).status).toBe(409);
    expect(refusal(() => linkSignal({ actor: reg, id: part, targetType: "proposal", targetId: 99999 })).status).toBe(404);
    expect(refusal(() => linkSignal({ actor: A.professional, id: part, targetType: "proposal", targetId: prop.id })).status).toBe(403);
    linkSignal({ actor: A["regisseur.wmo"], id: wmo, targetType: "proposal", targetId: prop.id });

    const detail = getSignalDetail({ actor: A.professional, id: part });
    expect(detail.links).toEqual([expect.objectContaining({ targetType: "proposal", title: "Startgesprekken naar Werkom", href: `/wijzigingen/${prop.id}` })]);
    const forCm = listSignalsLinkedTo({ actor: A.contractmanager, targetType: "proposal", targetId: prop.id });
    expect(forCm.map((s) => s.id).sort()).toEqual([part, wmo].sort());
    const forWerkom = listSignalsLinkedTo({ actor: A.werkom, targetType: "proposal", targetId: prop.id });
    expect(forWerkom.map((s) => s.id)).toEqual([part]);
    expect(forWerkom[0]).toMatchObject({ relation: "geleid_tot", statusLabel: "Nieuw", href: `/signalen/${part}` });

    const linkId = detail.links[0].id;
    unlinkSignal({ actor: reg, id: part, linkId });
    expect(listSignalsLinkedTo({ actor: A.contractmanager, targetType: "proposal", targetId: prop.id }).map((s) => s.id)).toEqual([wmo]);
  });
});
