// Date-driven work with an injected clock: activation on the ingangsdatum (exactly once),
// reminders before the deadline (not to organisations that responded, once per person),
// closing after the deadline and the evaluation request.
import { and, eq, like, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, schema } from "~/db/client.server";
import { resetClock, setClock } from "~/utils/clock.server";
import { activateProposal } from "./activation.server";
import { addComment, answerComment, listComments } from "./comments.server";
import { saveGoals } from "./goals.server";
import { closeConsultation, decide, openConsultation } from "./lifecycle.server";
import { passIntegralCheck } from "../verkenning/test-support.server";
import { createProposal, setDates, setImpacts, updateDetails } from "./proposals.server";
import { runConsultationSchedule } from "./scheduled.server";
import { PROPOSED_MD, VISIE_MD, WERKAFSPRAKEN_MD, actor, editProposedText, makeDocument, setupWorld } from "./test-support.server";

const REGISSEUR = "regisseur.participatie@zaanstad.example";
const db = () => getDb();

function orgId(slug: string): number {
  return db().select({ id: schema.organisations.id }).from(schema.organisations).where(eq(schema.organisations.slug, slug)).get()!.id;
}

function versionsOf(documentId: number) {
  return db().select().from(schema.documentVersions).where(eq(schema.documentVersions.documentId, documentId)).all();
}

function notificationsOf(email: string, kind: string) {
  return db()
    .select()
    .from(schema.notifications)
    .where(and(eq(schema.notifications.personId, actor(email).id), eq(schema.notifications.kind, kind)))
    .all();
}

function status(id: number) {
  return db().select({ s: schema.proposals.status }).from(schema.proposals).where(eq(schema.proposals.id, id)).get()!.s;
}

/** A proposal in consultation on its own document, with the given organisations invited. */
function openProposal(slug: string, orgs: string[], dates: { closes: string; decision: string; effective: string; evaluation: string }) {
  const doc = makeDocument({ slug, title: `Werkafspraken ${slug}`, keten: "participatie-armoede", markdown: WERKAFSPRAKEN_MD });
  const regisseur = actor(REGISSEUR);
  const { id } = createProposal({ actor: regisseur, documentSlug: slug, title: `Voorstel ${slug}` });
  updateDetails({ actor: regisseur, id, title: `Voorstel ${slug}`, waarom: "Omdat het beter kan.", visieAnchor: "Veranderingen samen voorbereiden" });
  setImpacts({ actor: regisseur, id, impacts: orgs.map((o) => ({ organisationId: orgId(o), note: "" })) });
  setDates({
    actor: regisseur,
    id,
    dates: { consultationCloses: dates.closes, decisionPlanned: dates.decision, effectiveDate: dates.effective, evaluationDate: dates.evaluation },
    reason: "",
  });
  editProposedText(id, PROPOSED_MD);
  // Goals are required before consultation opens (issue 12).
  saveGoals({ actor: regisseur, id, goals: [{ improve: "Eén beoordeling van de afstand tot werk", forWhom: "Aanvragers van bijstand", measure: "Minder terugverwijzingen" }] });
  passIntegralCheck(id);
  openConsultation({ actor: regisseur, id });
  return { id, documentId: doc.id };
}

beforeAll(async () => {
  setClock("2026-11-02T09:00:00Z");
  await setupWorld();
  makeDocument({ slug: "visie", title: "Visie op partnerschap", markdown: VISIE_MD, kind: "visie" });
  return () => resetClock();
});

describe("activation on the ingangsdatum", () => {
  let p: { id: number; documentId: number };

  beforeAll(async () => {
    setClock("2026-11-02T09:00:00Z");
    p = openProposal("activatie", ["werkom", "dock"], { closes: "2026-11-13", decision: "2026-11-20", effective: "2026-12-01", evaluation: "2027-03-01" });
    addComment({ actor: actor("werkom@werkom.example"), id: p.id, stance: "steun", text: "Goed plan.", quote: "" });
    setClock("2026-11-16T09:00:00Z");
    closeConsultation({ actor: null, id: p.id });
    const [c] = listComments({ id: p.id, baseVersionId: null });
    answerComment({ actor: actor(REGISSEUR), id: p.id, commentId: c.id, decision: "overgenomen", text: "Dank.", textChange: "" });
    await decide({ actor: actor(REGISSEUR), id: p.id, note: "Vastgesteld.", effectiveDate: "2026-12-01", reason: "" });
  });

  it("does nothing before the date", async () => {
    setClock("2026-11-30T22:30:00Z"); // 23:30 in Amsterdam, still 30 November
    const report = await runConsultationSchedule();
    expect(report.activated).toEqual([]);
    expect(status(p.id)).toBe("vastgesteld");
    expect(versionsOf(p.documentId)).toHaveLength(1);
  });

  it("publishes the decided text as the new version on the date, exactly once", async () => {
    setClock("2026-11-30T23:00:30Z"); // 00:00:30 on 1 December in Amsterdam
    const first = await runConsultationSchedule();
    expect(first.errors).toEqual([]);
    expect(first.activated).toEqual([p.id]);
    const second = await runConsultationSchedule();
    expect(second.activated).toEqual([]);
    expect(await activateProposal(p.id)).toBe(false);

    const versions = versionsOf(p.documentId);
    expect(versions).toHaveLength(2);
    const v2 = versions.find((v) => v.number === 2)!;
    expect(v2.proposalId).toBe(p.id);
    expect(v2.publishedById).toBeNull();
    expect(v2.text).toContain("Werkom verwijst door naar het wijkteam via een warme overdracht.");
    const doc = db().select().from(schema.documents).where(eq(schema.documents.id, p.documentId)).get()!;
    expect(doc.currentVersionId).toBe(v2.id);
    const row = db().select().from(schema.proposals).where(eq(schema.proposals.id, p.id)).get()!;
    expect(row.status).toBe("van_kracht");
    expect(row.resultVersionId).toBe(v2.id);
    expect(db().select().from(schema.scheduledRuns).where(eq(schema.scheduledRuns.key, `activate:${p.id}`)).all()).toHaveLength(1);
  });

  it("tells everyone invited that the change is now in force", () => {
    for (const email of ["werkom@werkom.example", "professional@dock.example", "prof4@dock.example"]) {
      const n = notificationsOf(email, "proposal_in_force");
      expect(n, email).toHaveLength(1);
      expect(n[0].body).toContain("De wijziging \"Voorstel activatie\" is van kracht per 1 december 2026.");
    }
  });

  it("asks the invited organisations to evaluate on the evaluation date, once", async () => {
    setClock("2027-03-01T08:00:00Z");
    expect((await runConsultationSchedule()).evaluationRequests).toEqual([p.id]);
    expect((await runConsultationSchedule()).evaluationRequests).toEqual([]);
    expect(notificationsOf("werkom@werkom.example", "proposal_evaluation_request")).toHaveLength(1);
  });

  it("two activations racing each other publish one version", async () => {
    setClock("2026-11-02T09:00:00Z");
    const q = openProposal("race", ["werkom"], { closes: "2026-11-13", decision: "2026-11-20", effective: "2026-12-01", evaluation: "2027-03-01" });
    setClock("2026-11-16T09:00:00Z");
    closeConsultation({ actor: null, id: q.id });
    await decide({ actor: actor(REGISSEUR), id: q.id, note: "Vastgesteld.", effectiveDate: "2026-12-01", reason: "" });
    setClock("2026-12-02T09:00:00Z");
    const results = await Promise.all([activateProposal(q.id), activateProposal(q.id), runConsultationSchedule()]);
    expect(results.filter((r) => r === true)).toHaveLength(1);
    expect(versionsOf(q.documentId)).toHaveLength(2);
  });
});

describe("reminders before the deadline", () => {
  let p: { id: number; documentId: number };

  beforeAll(() => {
    setClock("2026-11-23T09:00:00Z");
    // Closes Tuesday 8 December: 5 working days before is 1 December, 1 working day before is 7 December.
    p = openProposal("herinnering", ["werkom", "smd", "uitkeringen"], { closes: "2026-12-08", decision: "2026-12-15", effective: "2027-03-01", evaluation: "2027-09-01" });
    addComment({ actor: actor("teamleider@smd.example"), id: p.id, stance: "zorg", text: "Een zorg.", quote: "" });
  });

  const reminders = (email: string) => notificationsOf(email, "proposal_reminder").filter((n) => n.link === `/wijzigingen/${p.id}`);

  it("sends nothing before the first reminder moment", async () => {
    setClock("2026-11-30T09:00:00Z");
    await runConsultationSchedule();
    expect(reminders("werkom@werkom.example")).toHaveLength(0);
  });

  it("reminds five working days before, only organisations that have not responded, once per person", async () => {
    setClock("2026-12-01T08:00:00Z");
    const report = await runConsultationSchedule();
    expect(report.reminders).toBe(2); // werkom@ and uitkeringen@; SMD responded
    await runConsultationSchedule();
    expect(reminders("werkom@werkom.example")).toHaveLength(1);
    expect(reminders("uitkeringen@zaanstad.example")).toHaveLength(1);
    expect(reminders("teamleider@smd.example")).toHaveLength(0);
    // A colleague at an organisation that responded is not chased either.
    expect(reminders("prof3@smd.example")).toHaveLength(0);
    const mail = db().select().from(schema.emails).where(and(eq(schema.emails.to, "werkom@werkom.example"), like(schema.emails.subject, "[Ketenportaal] Herinnering:%"))).all();
    expect(mail).toHaveLength(1);
    expect(mail[0].ics).toContain("DTSTART;VALUE=DATE:20261208");
  });

  it("reminds again one working day before, and not those who responded in between", async () => {
    addComment({ actor: actor("uitkeringen@zaanstad.example"), id: p.id, stance: "steun", text: "Akkoord.", quote: "" });
    setClock("2026-12-07T08:00:00Z");
    await runConsultationSchedule();
    await runConsultationSchedule();
    expect(reminders("werkom@werkom.example")).toHaveLength(2);
    expect(reminders("uitkeringen@zaanstad.example")).toHaveLength(1);
  });

  it("closes the consultation the day after the deadline", async () => {
    setClock("2026-12-08T20:00:00Z");
    expect((await runConsultationSchedule()).closed).toEqual([]);
    setClock("2026-12-09T07:00:00Z");
    expect((await runConsultationSchedule()).closed).toEqual([p.id]);
    expect(status(p.id)).toBe("in_besluitvorming");
  });

  it("after downtime sends only the latest reminder that is due", async () => {
    setClock("2026-11-23T09:00:00Z");
    const q = openProposal("inhaal", ["naleving"], { closes: "2026-12-08", decision: "2026-12-15", effective: "2027-03-01", evaluation: "2027-09-01" });
    setClock("2026-12-07T15:00:00Z");
    await runConsultationSchedule();
    const n = notificationsOf("naleving@zaanstad.example", "proposal_reminder").filter((x) => x.link === `/wijzigingen/${q.id}`);
    expect(n).toHaveLength(1);
    const keys = db()
      .select({ key: schema.scheduledRuns.key })
      .from(schema.scheduledRuns)
      .where(like(schema.scheduledRuns.key, `reminder:${q.id}:%`))
      .all()
      .map((r) => r.key.split(":")[2]);
    expect(keys).toEqual(["1-werkdag"]);
  });

  it("leaves the database consistent: one reminder key per person per moment", () => {
    const dupes = db()
      .select({ key: schema.scheduledRuns.key, n: sql<number>`count(*)` })
      .from(schema.scheduledRuns)
      .groupBy(schema.scheduledRuns.key)
      .having(sql`count(*) > 1`)
      .all();
    expect(dupes).toEqual([]);
  });
});
