// Demo content for issue 12 from content/pilots.json (voorbeeldinhoud): the goals of the
// startgesprekken proposal and its date history with "tot nader orde", and the pilot
// individuele begeleiding (2020–2023) that became regular on 1 January 2024 after its
// evaluation per goal and a consultation on the result. Runs after seedProposals.
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import type { GoalOutcome } from "~/db/schema";
import { enqueueSearch } from "../search-outbox.server";
import { contentDir } from "../seed/world.server";
import { seededProposalId } from "./seed.server";

type Outcome = { outcome: GoalOutcome; note: string; followUp?: boolean };
type SeedPilot = {
  document: string;
  title: string;
  createdBy: string;
  waarom: string;
  scope: string;
  impact: string[];
  timeline: Record<"consultationOpens" | "consultationCloses" | "decisionPlanned" | "effectiveDate" | "evaluationDate", string>;
  pilotDates: Record<"pilotStarts" | "pilotEnds" | "pilotEvaluationDate" | "pilotResultOpens" | "pilotResultCloses", string>;
  decision: { by: string; at: string; note: string };
  goals: { improve: string; forWhom: string; measure: string; pilot: Outcome; regulier: Outcome }[];
  pilotAnswers: { org: string; answers: string[] }[];
  resultReactions: { org: string; text: string }[];
  evaluationConclusion: string;
  followUpTitle: string;
};
type SeedFile = {
  goals: { proposal: string; items: { improve: string; forWhom: string; measure: string }[] }[];
  dateHistory: { proposal: string; field: string; unknownAt: string; from: string; reason: string; knownBy: string; resolvedAt: string; to: string; resolveReason: string; by: string }[];
  pilots: SeedPilot[];
};

const at = (date: string, time = "09:00:00") => `${date}T${time}.000Z`;

export function seedPilotsAndGoals(log: (m: string) => void = () => {}): number {
  const file = path.join(contentDir(), "pilots.json");
  if (!fs.existsSync(file)) return 0;
  const data = JSON.parse(fs.readFileSync(file, "utf8")) as SeedFile;
  const db = getDb();
  const person = (email: string) => db.select({ id: schema.people.id, organisationId: schema.people.organisationId }).from(schema.people).where(eq(schema.people.email, email)).get();
  const org = (name: string) => db.select({ id: schema.organisations.id }).from(schema.organisations).where(eq(schema.organisations.name, name)).get()?.id;
  const firstOf = (organisationId: number) => db.select({ id: schema.people.id }).from(schema.people).where(eq(schema.people.organisationId, organisationId)).get()?.id ?? null;
  let count = 0;
  db.transaction((tx) => {
    for (const g of data.goals) {
      const id = seededProposalId(g.proposal);
      if (!id) continue;
      g.items.forEach((item, position) => tx.insert(schema.proposalGoals).values({ proposalId: id, position, ...item }).run());
    }
    for (const h of data.dateHistory) {
      const id = seededProposalId(h.proposal);
      const by = person(h.by)?.id ?? null;
      if (!id) continue;
      tx.insert(schema.proposalUnknownDates).values({ proposalId: id, field: h.field, previousValue: h.from, reason: h.reason, knownBy: h.knownBy, setById: by, setAt: h.unknownAt, resolvedAt: h.resolvedAt }).run();
      tx.insert(schema.proposalDateChanges)
        .values({ proposalId: id, field: h.field, oldValue: h.from, newValue: null, reason: `Tot nader orde: ${h.reason} De nieuwe datum is uiterlijk ${h.knownBy.split("-").reverse().join("-")} bekend.`, changedById: by, at: h.unknownAt })
        .run();
      tx.insert(schema.proposalDateChanges).values({ proposalId: id, field: h.field, oldValue: null, newValue: h.to, reason: h.resolveReason, changedById: by, at: h.resolvedAt }).run();
    }
    for (const p of data.pilots) {
      const doc = tx.select({ id: schema.documents.id }).from(schema.documents).where(eq(schema.documents.slug, p.document)).get();
      const creator = person(p.createdBy);
      if (!doc || !creator) continue;
      const t = p.timeline;
      const created = at("2019-09-16");
      const row = tx
        .insert(schema.proposals)
        .values({
          documentId: doc.id,
          title: p.title,
          status: "geevalueerd",
          waarom: p.waarom,
          visieAnchor: "",
          ...t,
          ...p.pilotDates,
          pilot: true,
          pilotScope: p.scope,
          decidedById: creator.id,
          decidedAt: p.decision.at,
          decisionNote: p.decision.note,
          activatedAt: at(t.effectiveDate, "00:00:30"),
          evaluationConclusion: p.evaluationConclusion,
          createdById: creator.id,
          createdAt: created,
          updatedAt: created,
        })
        .returning({ id: schema.proposals.id })
        .get();
      const steps = [
        ["concept", created, ""],
        ["in_consultatie", at(t.consultationOpens), "Consultatie geopend"],
        ["in_besluitvorming", at("2019-10-30", "00:00:30"), "Uiterste reactiedatum verstreken (automatisch)"],
        ["vastgesteld", p.decision.at, p.decision.note],
        ["van_kracht", at(t.effectiveDate, "00:00:30"), "Ingangsdatum bereikt: na de evaluatie en de consultatie over de uitkomst geldt de pilot voor iedereen"],
        ["geevalueerd", at("2024-07-15", "10:00:00"), "Evaluatie afgerond"],
      ] as const;
      let from: string | null = null;
      for (const [to, when, note] of steps) {
        tx.insert(schema.proposalTransitions).values({ proposalId: row.id, fromStatus: from, toStatus: to, byId: to === "in_besluitvorming" || to === "van_kracht" ? null : creator.id, note, at: when }).run();
        from = to;
      }
      const orgIds = p.impact.map((name) => org(name)).filter((x): x is number => !!x);
      for (const organisationId of orgIds) {
        tx.insert(schema.proposalImpacts).values({ proposalId: row.id, organisationId, note: "Geeft in de pilot zelf lichte begeleiding, zonder indicatie." }).run();
        const pid = firstOf(organisationId);
        if (pid) tx.insert(schema.proposalInvitations).values({ proposalId: row.id, personId: pid, organisationId, invitedAt: at(t.consultationOpens), openedAt: at(t.consultationOpens, "10:00:00"), respondedAt: null }).onConflictDoNothing().run();
      }
      const goalIds = p.goals.map((g, position) =>
        tx.insert(schema.proposalGoals).values({ proposalId: row.id, position, improve: g.improve, forWhom: g.forWhom, measure: g.measure }).returning({ id: schema.proposalGoals.id }).get().id,
      );
      for (const a of p.pilotAnswers) {
        const organisationId = org(a.org);
        if (!organisationId) continue;
        const response = tx
          .insert(schema.evaluationResponses)
          .values({ proposalId: row.id, organisationId, personId: firstOf(organisationId), text: "", phase: "pilot", createdAt: at("2023-03-20", "11:00:00") })
          .returning({ id: schema.evaluationResponses.id })
          .get();
        goalIds.forEach((goalId, i) => tx.insert(schema.evaluationGoalAnswers).values({ responseId: response.id, goalId, text: a.answers[i] ?? "" }).run());
      }
      for (const r of p.resultReactions) {
        const organisationId = org(r.org);
        if (organisationId) tx.insert(schema.evaluationResponses).values({ proposalId: row.id, organisationId, personId: firstOf(organisationId), text: r.text, phase: "uitkomst", createdAt: at("2023-09-18", "14:00:00") }).run();
      }
      const followUp = seededProposalId(p.followUpTitle);
      p.goals.forEach((g, i) => {
        tx.insert(schema.goalConclusions).values({ goalId: goalIds[i], phase: "pilot", outcome: g.pilot.outcome, note: g.pilot.note, decidedById: creator.id, at: at("2023-09-01") }).run();
        tx.insert(schema.goalConclusions)
          .values({ goalId: goalIds[i], phase: "regulier", outcome: g.regulier.outcome, note: g.regulier.note, followUpProposalId: g.regulier.followUp ? followUp : null, decidedById: creator.id, at: at("2024-07-15") })
          .run();
      });
      for (const key of [`activate:${row.id}`, `evaluation-request:${row.id}`, `pilot-evaluation-request:${row.id}`]) tx.insert(schema.scheduledRuns).values({ key, ranAt: at(t.effectiveDate) }).onConflictDoNothing().run();
      enqueueSearch(tx, "proposal", row.id);
      count++;
    }
  });
  log(`${count} pilot(s), doelen en datumgeschiedenis geladen (voorbeeldinhoud).`);
  return count;
}
