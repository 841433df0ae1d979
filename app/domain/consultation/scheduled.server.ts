// Work that happens because a date arrives, not because someone clicks: reminders before the
// deadline, closing the consultation after it, the change taking effect on the ingangsdatum,
// and the request to evaluate. Run by server/scheduler at start (to catch up on anything
// missed while the server was down) and then on an interval. Every step is idempotent: a
// conditional UPDATE on the status, or a scheduled_runs key inserted in the same transaction.
import { and, eq, inArray, isNotNull, lte } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import { amsterdamDate } from "~/shared/dates";
import { today } from "~/utils/clock.server";
import { activateProposal } from "./activation.server";
import { proposalCalendar } from "./calendar.server";
import { formatIsoDateNl } from "~/shared/dates";
import { workingDaysBefore } from "~/shared/working-days";
import { notify } from "../notify.server";
import { closeConsultation } from "./lifecycle.server";
import { claimRun } from "./runs.server";

export type ScheduleReport = { activated: number[]; closed: number[]; reminders: number; evaluationRequests: number[]; errors: string[] };

export const REMINDERS = [
  { kind: "5-werkdagen", workingDays: 5, label: "over vijf werkdagen" },
  { kind: "1-werkdag", workingDays: 1, label: "de volgende werkdag" },
] as const;

export async function runConsultationSchedule(): Promise<ScheduleReport> {
  const report: ScheduleReport = { activated: [], closed: [], reminders: 0, evaluationRequests: [], errors: [] };
  const db = getDb();
  const day = today();
  const step = async (what: string, fn: () => unknown | Promise<unknown>) => {
    try {
      await fn();
    } catch (e) {
      report.errors.push(`${what}: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  // 1. Vastgesteld and the ingangsdatum has come: the proposed text becomes the published version.
  const due = db
    .select({ id: schema.proposals.id })
    .from(schema.proposals)
    .where(and(eq(schema.proposals.status, "vastgesteld"), isNotNull(schema.proposals.effectiveDate), lte(schema.proposals.effectiveDate, day)))
    .all();
  for (const p of due) {
    await step(`activate ${p.id}`, async () => {
      if (await activateProposal(p.id)) report.activated.push(p.id);
    });
  }

  // 2. Consultations past their deadline move to besluitvorming.
  const overdue = db
    .select({ id: schema.proposals.id, closes: schema.proposals.consultationCloses })
    .from(schema.proposals)
    .where(eq(schema.proposals.status, "in_consultatie"))
    .all()
    .filter((p) => p.closes && p.closes < day);
  for (const p of overdue) {
    await step(`close ${p.id}`, () => {
      closeConsultation({ actor: null, id: p.id, note: "Uiterste reactiedatum verstreken (automatisch)" });
      report.closed.push(p.id);
    });
  }

  // 3. Reminders to invited organisations that have not responded yet.
  const open = db
    .select()
    .from(schema.proposals)
    .where(eq(schema.proposals.status, "in_consultatie"))
    .all()
    .filter((p) => p.consultationCloses && p.consultationCloses >= day);
  for (const p of open) {
    await step(`reminders ${p.id}`, () => {
      report.reminders += sendReminders(p, day);
    });
  }

  // 4. The evaluation date has come: ask the invited organisations how the change works.
  const evaluate = db
    .select({ id: schema.proposals.id })
    .from(schema.proposals)
    .where(and(eq(schema.proposals.status, "van_kracht"), isNotNull(schema.proposals.evaluationDate), lte(schema.proposals.evaluationDate, day)))
    .all();
  for (const p of evaluate) {
    await step(`evaluation ${p.id}`, () => {
      if (requestEvaluation(p.id)) report.evaluationRequests.push(p.id);
    });
  }
  return report;
}

/**
 * The latest reminder moment that has arrived (a server that was down for the first
 * reminder sends only the second), to people invited before that moment whose
 * organisation has not responded. Idempotent per person per reminder.
 */
export function sendReminders(p: typeof schema.proposals.$inferSelect, day: string): number {
  const closes = p.consultationCloses;
  if (!closes) return 0;
  const moments = REMINDERS.map((r) => ({ ...r, date: workingDaysBefore(closes, r.workingDays) })).filter((r) => r.date <= day);
  const moment = moments[moments.length - 1];
  if (!moment) return 0;
  const db = getDb();
  return db.transaction((tx) => {
    const invitations = tx
      .select({
        personId: schema.proposalInvitations.personId,
        organisationId: schema.proposalInvitations.organisationId,
        invitedAt: schema.proposalInvitations.invitedAt,
        respondedAt: schema.proposalInvitations.respondedAt,
      })
      .from(schema.proposalInvitations)
      .innerJoin(schema.people, eq(schema.proposalInvitations.personId, schema.people.id))
      .where(and(eq(schema.proposalInvitations.proposalId, p.id), eq(schema.people.active, true)))
      .all();
    const respondedOrgs = new Set(invitations.filter((i) => i.respondedAt).map((i) => i.organisationId));
    const toRemind: number[] = [];
    for (const i of invitations) {
      if (respondedOrgs.has(i.organisationId)) continue;
      if (amsterdamDate(new Date(i.invitedAt)) >= moment.date) continue;
      if (claimRun(tx, `reminder:${p.id}:${moment.kind}:${closes}:${i.personId}`)) toRemind.push(i.personId);
    }
    if (!toRemind.length) return 0;
    const doc = tx.select({ title: schema.documents.title }).from(schema.documents).where(eq(schema.documents.id, p.documentId)).get();
    notify(tx, toRemind, {
      kind: "proposal_reminder",
      title: `Herinnering: reageer uiterlijk ${formatIsoDateNl(closes)} op ${p.title}`,
      body: `Uw organisatie heeft nog niet gereageerd op het wijzigingsvoorstel "${p.title}" voor ${doc?.title ?? "een document"}. De consultatie sluit na ${formatIsoDateNl(closes)}. Ook "geen bezwaar" is een waardevolle reactie: dan weet de regisseur dat u het voorstel heeft gezien.`,
      link: `/wijzigingen/${p.id}`,
      ics: proposalCalendar(p, doc?.title ?? "", tx) ?? undefined,
    });
    return toRemind.length;
  });
}

export function requestEvaluation(proposalId: number): boolean {
  return getDb().transaction((tx) => {
    const p = tx.select().from(schema.proposals).where(eq(schema.proposals.id, proposalId)).get();
    if (!p || p.status !== "van_kracht") return false;
    if (!claimRun(tx, `evaluation-request:${p.id}`)) return false;
    const invited = tx
      .select({ id: schema.proposalInvitations.personId })
      .from(schema.proposalInvitations)
      .where(eq(schema.proposalInvitations.proposalId, p.id))
      .all()
      .map((r) => r.id);
    notify(tx, invited, {
      kind: "proposal_evaluation_request",
      title: `Evaluatie: hoe werkt "${p.title}"?`,
      body: `Sinds ${formatIsoDateNl(p.effectiveDate)} is de wijziging "${p.title}" van kracht. Wij horen graag hoe die in de praktijk werkt voor uw organisatie: wat gaat goed, wat niet, en wat moet anders. Uw antwoord komt bij het voorstel te staan, met de conclusie van de evaluatie.`,
      link: `/wijzigingen/${p.id}#evaluatie`,
    });
    notify(tx, [p.createdById], {
      kind: "proposal_evaluation_request",
      title: `Evaluatiedatum bereikt: ${p.title}`,
      body: "De genodigde organisaties zijn gevraagd hun ervaring door te geven. Leg daarna de conclusie van de evaluatie vast.",
      link: `/wijzigingen/${p.id}#evaluatie`,
      email: false,
    });
    return true;
  });
}

/** For tests and the status page: what is waiting. */
export function pendingActivations(): { id: number; effectiveDate: string | null }[] {
  return getDb()
    .select({ id: schema.proposals.id, effectiveDate: schema.proposals.effectiveDate })
    .from(schema.proposals)
    .where(inArray(schema.proposals.status, ["vastgesteld"]))
    .all();
}
