// Issue 12, acceptance 4, 5 and 6 and the catch-up wording, in the domain with an injected
// clock and a real SMTP server:
// - goals are required before consultation opens; the evaluation asks per goal and the
//   conclusion per goal is recorded, shown, and can start a follow-up proposal;
// - a pilot cannot become regular before every invited organisation answered its evaluation
//   and a consultation on the result ran; the general ingangsdatum activates exactly once, also
//   when the database is reopened (a restart);
// - "nog niet bekend" dates are announced (in-app and e-mail), the owner is reminded once when
//   the promised day passes, the timeline shows it overdue, and the .ics cancels its earlier event;
// - after downtime every place says "van kracht per <ingangsdatum> (verwerkt op <later>)".
import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtp, type MailCatcher } from "../support/smtp";
import { closeDb, getDb, schema } from "~/db/client.server";
import { setClock } from "~/utils/clock.server";
import { DomainError } from "~/domain/errors";
import { addComment, answerComment, listComments } from "~/domain/consultation/comments.server";
import { concludeGoals, goalsWithEvaluation, saveGoals, submitGoalEvaluation } from "~/domain/consultation/goals.server";
import { closeConsultation, decide, openConsultation, withdraw } from "~/domain/consultation/lifecycle.server";
import { passIntegralCheck } from "~/domain/verkenning/test-support.server";
import { addResultReaction, openResultConsultation, requestPilotEvaluations, setPilot } from "~/domain/consultation/pilot.server";
import { createProposal, setDates, setImpacts, updateDetails } from "~/domain/consultation/proposals.server";
import { runConsultationSchedule } from "~/domain/consultation/scheduled.server";
import { proposalCalendarFor } from "~/domain/consultation/calendar.server";
import { markDateUnknown, remindOverdueUnknownDates } from "~/domain/consultation/unknown-dates.server";
import { getProposalView, getTimeline } from "~/domain/consultation/view.server";
import { PROPOSED_MD, VISIE_MD, WERKAFSPRAKEN_MD, actor, editProposedText, makeDocument, setupWorld } from "~/domain/consultation/test-support.server";

const REGISSEUR = "regisseur.participatie@zaanstad.example";
const WERKOM = "werkom@werkom.example";
const DOCK = "professional@dock.example";
let smtp: MailCatcher;
const db = () => getDb();

const orgId = (slug: string) => db().select({ id: schema.organisations.id }).from(schema.organisations).where(eq(schema.organisations.slug, slug)).get()!.id;
const row = (id: number) => db().select().from(schema.proposals).where(eq(schema.proposals.id, id)).get()!;
const versions = (documentId: number) => db().select().from(schema.documentVersions).where(eq(schema.documentVersions.documentId, documentId)).all();
const notices = (email: string, kind: string, proposalId: number) =>
  db()
    .select()
    .from(schema.notifications)
    .where(and(eq(schema.notifications.personId, actor(email).id), eq(schema.notifications.kind, kind), like(schema.notifications.link, `/wijzigingen/${proposalId}%`)))
    .all();

async function refused(fn: () => unknown): Promise<DomainError> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error("expected a refusal");
}

async function deliver() {
  const { deliverPending } = await import("../../server/mail/mailer");
  // One call sends one batch; send until the outbox is empty.
  while ((await deliverPending()) > 0);
}

const GOALS = [
  { improve: "Eén beoordeling van de afstand tot werk", forWhom: "Inwoners die bijstand aanvragen", measure: "Minder terugverwijzingen tussen Werkom en wijkteam" },
  { improve: "Kortere wachttijd tot het startgesprek", forWhom: "Aanvragers", measure: "Wachttijd in werkdagen per kwartaal" },
];

/** A proposal with everything but goals (and, if asked, a pilot), ready to open. */
function prepare(slug: string, dates: { closes: string; decision: string; effective: string; evaluation: string }) {
  const doc = makeDocument({ slug, title: `Werkafspraken ${slug}`, keten: "participatie-armoede", markdown: WERKAFSPRAKEN_MD });
  const regisseur = actor(REGISSEUR);
  const { id } = createProposal({ actor: regisseur, documentSlug: slug, title: `Voorstel ${slug}` });
  updateDetails({ actor: regisseur, id, title: `Voorstel ${slug}`, waarom: "Omdat het beter kan.", visieAnchor: "Veranderingen samen voorbereiden" });
  setImpacts({ actor: regisseur, id, impacts: [{ organisationId: orgId("werkom"), note: "" }, { organisationId: orgId("dock"), note: "" }] });
  setDates({ actor: regisseur, id, dates: { consultationCloses: dates.closes, decisionPlanned: dates.decision, effectiveDate: dates.effective, evaluationDate: dates.evaluation }, reason: "" });
  editProposedText(id, PROPOSED_MD);
  return { id, documentId: doc.id };
}

/** Open, comment, close, answer and decide. */
async function toDecided(id: number, closeAt: string, effective: string) {
  passIntegralCheck(id);
  openConsultation({ actor: actor(REGISSEUR), id });
  addComment({ actor: actor(WERKOM), id, stance: "steun", text: "Goed plan.", quote: "" });
  setClock(closeAt);
  closeConsultation({ actor: null, id });
  const [c] = listComments({ id, baseVersionId: null });
  answerComment({ actor: actor(REGISSEUR), id, commentId: c.id, decision: "overgenomen", text: "Dank.", textChange: "" });
  await decide({ actor: actor(REGISSEUR), id, note: "Vastgesteld.", effectiveDate: effective, reason: "" });
}

beforeAll(async () => {
  smtp = await startSmtp();
  process.env.SMTP_URL = smtp.url;
  setClock("2026-11-02T09:00:00Z");
  await setupWorld();
  makeDocument({ slug: "visie", title: "Visie op partnerschap", markdown: VISIE_MD, kind: "visie" });
}, 60_000);
afterAll(async () => smtp?.close());

describe("goals and evaluation per goal (acceptance 6)", () => {
  let p: { id: number; documentId: number };

  it("refuses to open the consultation without goals, with a Dutch message", async () => {
    setClock("2026-11-02T09:00:00Z");
    p = prepare("doelen", { closes: "2026-11-13", decision: "2026-11-20", effective: "2026-12-01", evaluation: "2027-03-01" });
    const e = await refused(() => openConsultation({ actor: actor(REGISSEUR), id: p.id }));
    expect(e.status).toBe(400);
    expect(e.fieldErrors.goals).toContain("Beschrijf ten minste één doel");
    const half = await refused(() => saveGoals({ actor: actor(REGISSEUR), id: p.id, goals: [{ improve: "Iets", forWhom: "", measure: "" }] }));
    expect(half.fieldErrors).toMatchObject({ forWhom_0: expect.stringContaining("voor wie"), measure_0: expect.stringContaining("hoe we merken") });
    saveGoals({ actor: actor(REGISSEUR), id: p.id, goals: GOALS });
    await toDecided(p.id, "2026-11-16T09:00:00Z", "2026-12-01");
    const late = await refused(() => saveGoals({ actor: actor(REGISSEUR), id: p.id, goals: [] }));
    expect(late.status).toBe(409);
  });

  it("asks invitees per goal, records a conclusion per goal and starts a follow-up", async () => {
    setClock("2026-12-01T08:00:00Z");
    await runConsultationSchedule();
    expect(row(p.id).status).toBe("van_kracht");
    const goals = goalsWithEvaluation(p.id);
    const missing = await refused(() => submitGoalEvaluation({ actor: actor(WERKOM), id: p.id, answers: { [goals[0].id]: "Werkt." }, text: "" }));
    expect(missing.fieldErrors[`goal_${goals[1].id}`]).toContain("dit doel");
    submitGoalEvaluation({ actor: actor(WERKOM), id: p.id, answers: { [goals[0].id]: "Eén gesprek, minder verwarring.", [goals[1].id]: "Wachttijd gelijk gebleven." }, text: "" });
    const none = await refused(() => concludeGoals({ actor: actor(REGISSEUR), id: p.id, conclusion: "Goed.", conclusions: [{ goalId: goals[0].id, outcome: "behaald", note: "", followUp: false }] }));
    expect(none.fieldErrors[`outcome_${goals[1].id}`]).toContain("behaald");
    const { followUpId } = concludeGoals({
      actor: actor(REGISSEUR),
      id: p.id,
      conclusion: "Het eerste doel is bereikt.",
      conclusions: [
        { goalId: goals[0].id, outcome: "behaald", note: "", followUp: false },
        { goalId: goals[1].id, outcome: "niet", note: "Nog evenveel wachttijd.", followUp: true },
      ],
    });
    expect(row(p.id).status).toBe("geevalueerd");
    expect(followUpId).toBeGreaterThan(0);
    expect(row(followUpId!)).toMatchObject({ status: "concept", documentId: p.documentId });
    const shown = goalsWithEvaluation(p.id);
    expect(shown[0].answers.map((a) => a.text)).toEqual(["Eén gesprek, minder verwarring."]);
    expect(shown[1].conclusions).toEqual([expect.objectContaining({ phase: "regulier", outcome: "niet", outcomeLabel: "Niet behaald", followUpProposalId: followUpId })]);
    expect(row(p.id).evaluationConclusion).toContain("Kortere wachttijd tot het startgesprek: niet behaald");
    const view = getProposalView({ actor: actor(REGISSEUR), id: p.id });
    expect(view.goals[1].conclusions[0]).toMatchObject({ outcomeLabel: "Niet behaald", followUp: { id: followUpId } });
    // The follow-up is a concept: an invitee does not see a link to it.
    expect(getProposalView({ actor: actor(WERKOM), id: p.id }).goals[1].conclusions[0].followUp).toBeNull();
  });
});

describe("a pilot becomes regular only after its evaluation and a consultation on the result (acceptance 4)", () => {
  let p: { id: number; documentId: number };

  it("requires the pilot's wijken or teams and dates before consultation opens", async () => {
    setClock("2026-11-02T09:00:00Z");
    p = prepare("pilot", { closes: "2026-11-13", decision: "2026-11-20", effective: "2027-03-01", evaluation: "2027-09-01" });
    saveGoals({ actor: actor(REGISSEUR), id: p.id, goals: GOALS.slice(0, 1) });
    getDb().update(schema.proposals).set({ pilot: true }).where(eq(schema.proposals.id, p.id)).run();
    const e = await refused(() => openConsultation({ actor: actor(REGISSEUR), id: p.id }));
    expect(Object.keys(e.fieldErrors)).toEqual(expect.arrayContaining(["pilotScope", "pilotStarts", "pilotEnds", "pilotEvaluationDate"]));
    const order = await refused(() => setPilot({ actor: actor(REGISSEUR), id: p.id, pilot: true, scope: "Wijkteam Poelenburg", pilotStarts: "2026-12-01", pilotEnds: "2027-02-01", pilotEvaluationDate: "2027-03-15", reason: "" }));
    expect(order.fieldErrors.pilotEvaluationDate).toContain("niet na het einde");
    setPilot({ actor: actor(REGISSEUR), id: p.id, pilot: true, scope: "Wijkteam Poelenburg en wijkteam Peldersveld", pilotStarts: "2026-12-01", pilotEnds: "2027-02-26", pilotEvaluationDate: "2027-02-01", reason: "" });
    await toDecided(p.id, "2026-11-16T09:00:00Z", "2027-03-01");
    expect(row(p.id).status).toBe("vastgesteld");
  });

  it("does not take effect for everyone on the ingangsdatum while the evaluation is unanswered", async () => {
    setClock("2027-02-01T08:00:00Z");
    expect(requestPilotEvaluations()).toEqual([p.id]);
    expect(requestPilotEvaluations()).toEqual([]);
    expect(notices(DOCK, "proposal_evaluation_request", p.id)).toHaveLength(1);
    const goals = goalsWithEvaluation(p.id);
    submitGoalEvaluation({ actor: actor(WERKOM), id: p.id, answers: { [goals[0].id]: "In Poelenburg één beoordeling." }, text: "" });
    const early = await refused(() => openResultConsultation({ actor: actor(REGISSEUR), id: p.id, closes: "2027-02-20", conclusions: [{ goalId: goals[0].id, outcome: "behaald", note: "", followUp: false }] }));
    expect(early.status).toBe(409);
    expect(early.message).toContain("nog niet: DOCK");

    // The ingangsdatum arrives (a direct call and the scheduler alike): nothing happens.
    setClock("2027-03-01T08:00:00Z");
    const before = versions(p.documentId).length;
    const report = await runConsultationSchedule();
    expect(report.activated).not.toContain(p.id);
    expect(row(p.id).status).toBe("vastgesteld");
    expect(versions(p.documentId)).toHaveLength(before);
    expect(db().select().from(schema.scheduledRuns).where(eq(schema.scheduledRuns.key, `activate:${p.id}`)).get()).toBeUndefined();
  });

  it("activates exactly once after the evaluation and the consultation on the result, also across a restart", async () => {
    const regisseur = actor(REGISSEUR);
    setDates({ actor: regisseur, id: p.id, dates: { effectiveDate: "2027-04-01", evaluationDate: "2027-10-01" }, reason: "Eerst de evaluatie van de pilot afronden." });
    const goals = goalsWithEvaluation(p.id);
    submitGoalEvaluation({ actor: actor(DOCK), id: p.id, answers: { [goals[0].id]: "Minder dubbele gesprekken." }, text: "Graag een vervolg." });
    const tooLate = await refused(() => openResultConsultation({ actor: regisseur, id: p.id, closes: "2027-04-02", conclusions: [{ goalId: goals[0].id, outcome: "behaald", note: "", followUp: false }] }));
    expect(tooLate.fieldErrors.closes).toContain("vóór de ingangsdatum");
    openResultConsultation({ actor: regisseur, id: p.id, closes: "2027-03-15", conclusions: [{ goalId: goals[0].id, outcome: "behaald", note: "Minder terugverwijzingen.", followUp: false }] });
    expect(notices(DOCK, "proposal_pilot_result", p.id)).toHaveLength(1);
    addResultReaction({ actor: actor(DOCK), id: p.id, text: "Eens met de uitkomst." });
    expect(getTimeline({ actor: regisseur, id: p.id }).pilot).toMatchObject({ resultConsultation: "loopt", cleared: false });

    setClock("2027-04-01T08:00:00Z");
    const before = versions(p.documentId).length;
    const first = await runConsultationSchedule();
    expect(first.activated).toEqual([p.id]);
    expect(row(p.id).status).toBe("van_kracht");
    expect(versions(p.documentId)).toHaveLength(before + 1);
    expect(getTimeline({ actor: regisseur, id: p.id }).pilot).toMatchObject({ resultConsultation: "gelopen", cleared: true });

    // A restart: the database is reopened and the scheduler runs its catch-up pass again.
    closeDb();
    const again = await runConsultationSchedule();
    expect(again.activated).toEqual([]);
    expect(versions(p.documentId)).toHaveLength(before + 1);
    expect(notices(WERKOM, "proposal_in_force", p.id)).toHaveLength(1);
    expect(notices(WERKOM, "proposal_in_force", p.id)[0].body).toContain("voor iedereen");
  });
});

describe("dates that are not known yet (acceptance 5)", () => {
  let p: { id: number; documentId: number };

  it("announces a date set to nog niet bekend, in-app and by e-mail, and cancels its earlier .ics event", async () => {
    setClock("2026-11-02T09:00:00Z");
    p = prepare("onbekend", { closes: "2026-11-20", decision: "2026-11-27", effective: "2027-03-01", evaluation: "2027-09-01" });
    saveGoals({ actor: actor(REGISSEUR), id: p.id, goals: GOALS.slice(0, 1) });
    passIntegralCheck(p.id);
    openConsultation({ actor: actor(REGISSEUR), id: p.id });
    expect(proposalCalendarFor({ actor: actor(WERKOM), id: p.id }).ics).toContain("Ingangsdatum:");
    setClock("2026-11-05T09:00:00Z");
    const noReason = await refused(() => markDateUnknown({ actor: actor(REGISSEUR), id: p.id, field: "effectiveDate", reason: "", knownBy: "2026-11-12" }));
    expect(noReason.fieldErrors.reason).toContain("waarom");
    const ketenpartner = await refused(() => markDateUnknown({ actor: actor(WERKOM), id: p.id, field: "effectiveDate", reason: "x", knownBy: "2026-11-12" }));
    expect(ketenpartner.status).toBe(403);
    markDateUnknown({ actor: actor(REGISSEUR), id: p.id, field: "effectiveDate", reason: "Uitkeringen brengt eerst de juridische gevolgen in kaart.", knownBy: "2026-11-12" });
    expect(row(p.id).effectiveDate).toBeNull();
    expect(notices(WERKOM, "proposal_date_change", p.id).at(-1)!.title).toContain("Datum nog niet bekend");
    await deliver();
    const mail = await smtp.waitFor((m) => m.to.includes(WERKOM) && m.subject.includes("Datum nog niet bekend"));
    expect(mail.text).toContain("nog niet bekend (tot nader orde)");
    expect(mail.text).toContain("uiterlijk 12 november 2026 bekend");
    // The invitation put the ingangsdatum in the agenda; this mail cancels that entry (same
    // UID, higher SEQUENCE, METHOD:CANCEL), and the download carries it as cancelled too.
    const unfold = (s: string) => s.replace(/\r\n /g, "");
    const invitation = db().select().from(schema.emails).all().find((m) => m.to === WERKOM && m.subject.includes("Uitnodiging consultatie") && m.ics?.includes(`kp-voorstel-${p.id}-`))!;
    expect(unfold(invitation.ics!)).toContain(`UID:kp-voorstel-${p.id}-ingangsdatum@ketenportaal\r\nDTSTAMP:20261102T090000Z\r\nSEQUENCE:0\r\nDTSTART;VALUE=DATE:20270301`);
    const attached = unfold(mail.attachments.find((a) => a.contentType.startsWith("text/calendar"))!.content);
    expect(attached).toContain("METHOD:CANCEL\r\n");
    expect(attached).toContain(`UID:kp-voorstel-${p.id}-ingangsdatum@ketenportaal\r\nDTSTAMP:20261105T090000Z\r\nSEQUENCE:1\r\nDTSTART;VALUE=DATE:20270301`);
    expect(attached).toContain("STATUS:CANCELLED\r\n");
    expect(attached).not.toContain("Uiterste reactiedatum");
    expect(mail.text).toContain("vervalt de eerdere afspraak");
    const download = unfold(proposalCalendarFor({ actor: actor(WERKOM), id: p.id }).ics);
    expect(download).toContain("METHOD:PUBLISH\r\n");
    const [deadline, effective] = download.split("BEGIN:VEVENT").slice(1);
    expect(deadline).toContain("Uiterste reactiedatum");
    expect(deadline).not.toContain("STATUS:CANCELLED");
    expect(effective).toContain(`UID:kp-voorstel-${p.id}-ingangsdatum@ketenportaal\r\n`);
    expect(effective).toContain("SEQUENCE:1\r\n");
    expect(effective).toContain("STATUS:CANCELLED\r\n");
    expect(effective).not.toContain("Ingangsdatum:");
    const t = getTimeline({ actor: actor(WERKOM), id: p.id });
    expect(t.dates.find((d) => d.field === "effectiveDate")).toMatchObject({ value: null, unknown: { knownBy: "2026-11-12", overdue: false } });
    expect(t.changes.at(-1)).toMatchObject({ field: "effectiveDate", oldValue: "2027-03-01", newValue: null, reason: expect.stringContaining("Tot nader orde") });
   }, 90_000);

  it("reminds the owner once when the promised day passes, and shows it overdue", async () => {
    setClock("2026-11-12T20:00:00Z");
    expect(remindOverdueUnknownDates()).toBe(0);
    setClock("2026-11-13T08:00:00Z");
    expect(remindOverdueUnknownDates()).toBe(1);
    expect(remindOverdueUnknownDates()).toBe(0);
    closeDb();
    expect(remindOverdueUnknownDates()).toBe(0);
    expect(notices(REGISSEUR, "proposal_date_overdue", p.id)).toHaveLength(1);
    expect(getTimeline({ actor: actor(WERKOM), id: p.id }).dates.find((d) => d.field === "effectiveDate")!.unknown).toMatchObject({ overdue: true });
    // A new date settles it: no longer unknown, and back in the calendar.
    setDates({ actor: actor(REGISSEUR), id: p.id, dates: { effectiveDate: "2027-04-01" }, reason: "Juridische gevolgen zijn in kaart." });
    expect(getTimeline({ actor: actor(WERKOM), id: p.id }).dates.find((d) => d.field === "effectiveDate")!.unknown).toBeNull();
    const again = proposalCalendarFor({ actor: actor(WERKOM), id: p.id }).ics.replace(/\r\n /g, "");
    expect(again).toContain("DTSTART;VALUE=DATE:20270401");
    // Back under the same UID with a still higher SEQUENCE, no longer cancelled.
    expect(again).toContain(`UID:kp-voorstel-${p.id}-ingangsdatum@ketenportaal\r\nDTSTAMP:20261113T080000Z\r\nSEQUENCE:2\r\n`);
    expect(again).not.toContain("STATUS:CANCELLED");
  });
});

describe("one reading of when after a catch-up", () => {
  it("says in force as of the ingangsdatum, processed on the later date, in the e-mail, on the page and on the timeline", async () => {
    setClock("2026-11-02T09:00:00Z");
    const p = prepare("inhaal", { closes: "2026-11-13", decision: "2026-11-20", effective: "2027-02-04", evaluation: "2027-06-01" });
    saveGoals({ actor: actor(REGISSEUR), id: p.id, goals: GOALS.slice(0, 1) });
    await toDecided(p.id, "2026-11-16T09:00:00Z", "2027-02-04");
    // The server was down from 3 February; it comes back at 23:59 on 5 February (Amsterdam).
    setClock("2027-02-05T22:59:00Z");
    expect((await runConsultationSchedule()).activated).toContain(p.id);
    const wording = "van kracht per 4 februari 2027 (verwerkt op 5 februari 2027 om 23:59)";
    await deliver();
    const mail = await smtp.waitFor((m) => m.to.includes(WERKOM) && m.subject.includes(`Van kracht: Voorstel inhaal`));
    expect(mail.text).toContain(wording);
    expect(mail.text).not.toContain("Vandaag");
    expect(getProposalView({ actor: actor(WERKOM), id: p.id }).proposal.inForce).toBe(wording);
    expect(getTimeline({ actor: actor(WERKOM), id: p.id }).proposal.inForce).toBe(wording);
   }, 90_000);
});

describe("a withdrawn proposal leaves no dates in anyone's agenda", () => {
  it("mails a METHOD:CANCEL for its deadline and ingangsdatum, and the download cancels them too", async () => {
    setClock("2026-11-02T09:00:00Z");
    const p = prepare("ingetrokken-agenda", { closes: "2026-11-20", decision: "2026-11-27", effective: "2027-04-01", evaluation: "2027-10-01" });
    saveGoals({ actor: actor(REGISSEUR), id: p.id, goals: GOALS.slice(0, 1) });
    passIntegralCheck(p.id);
    openConsultation({ actor: actor(REGISSEUR), id: p.id });
    await deliver();
    const unfold = (s: string) => s.replace(/\r\n /g, "");
    const invitation = db().select().from(schema.emails).all().find((m) => m.to === WERKOM && m.ics?.includes(`kp-voorstel-${p.id}-`))!;
    expect(unfold(invitation.ics!)).toContain(`UID:kp-voorstel-${p.id}-consultatie-sluit@ketenportaal\r\nDTSTAMP:20261102T090000Z\r\nSEQUENCE:0`);

    setClock("2026-11-06T09:00:00Z");
    withdraw({ actor: actor(REGISSEUR), id: p.id, note: "De werkgroep kiest eerst voor een verkenning met de aanbieders." });
    await deliver();
    const mail = await smtp.waitFor((m) => m.to.includes(WERKOM) && m.subject.includes("Ingetrokken") && m.text.includes("werkgroep kiest"));
    const attached = unfold(mail.attachments.find((a) => a.contentType.startsWith("text/calendar"))!.content);
    expect(attached).toContain("METHOD:CANCEL\r\n");
    expect(attached).toContain(`UID:kp-voorstel-${p.id}-consultatie-sluit@ketenportaal\r\nDTSTAMP:20261106T090000Z\r\nSEQUENCE:1\r\nDTSTART;VALUE=DATE:20261120`);
    expect(attached).toContain(`UID:kp-voorstel-${p.id}-ingangsdatum@ketenportaal\r\nDTSTAMP:20261106T090000Z\r\nSEQUENCE:1\r\nDTSTART;VALUE=DATE:20270401`);
    expect(attached.match(/STATUS:CANCELLED\r\n/g)).toHaveLength(2);
    expect(attached).toContain("ORGANIZER");
    const download = unfold(proposalCalendarFor({ actor: actor(WERKOM), id: p.id }).ics);
    expect(download).toContain("METHOD:CANCEL\r\n");
    expect(download).not.toContain("Ingangsdatum:");
    expect(download.match(/STATUS:CANCELLED\r\n/g)).toHaveLength(2);
  }, 90_000);
});
