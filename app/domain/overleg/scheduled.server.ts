// Dated work for overleg (issue 19), run by server/scheduler each pass:
// - action reminders before, on and after the due date (after: also to the chair);
// - signal reminders to the owner before the terugkoppeltermijn ends, and the escalation to
//   the keten's escalation person (default: the contractmanager) once it has passed;
// - open actions carried to the next meeting's agenda.
// Each reminder is one row in overleg_reminders with a unique key, inserted in the same
// transaction as its notification: a second pass or a restarted server finds the row and
// sends nothing. A server that was down sends only the latest moment that has arrived.
import { and, eq, inArray } from "drizzle-orm";
import { getDb, schema, type Tx } from "~/db/client.server";
import { formatDate } from "~/shared/dates";
import { ACTION_REMINDERS, OPEN_ACTION_STATUSES, SIGNAL_REMINDER_WORKING_DAYS, type ActionReminderKind } from "~/shared/overleg";
import { OPEN_STATUSES } from "~/shared/signals";
import { addWorkingDays, workingDaysBefore } from "~/shared/working-days";
import { nowIso, today } from "~/utils/clock.server";
import { notify } from "../notify.server";
import { regieFacts } from "./facts.server";
import { carryOpenActions } from "./overleg.server";

export type OverlegScheduleReport = { actionReminders: number; signalReminders: number; escalations: number; carried: number; errors: string[] };

/** Claim one reminder; false when it was already sent (in this or an earlier process). */
export function claimReminder(tx: Tx, r: { key: string; kind: string; entityType: string; entityId: number }): boolean {
  return tx.insert(schema.overlegReminders).values({ ...r, sentAt: nowIso() }).onConflictDoNothing().run().changes === 1;
}

const moment = (due: string, workingDays: number) => (workingDays < 0 ? workingDaysBefore(due, -workingDays) : workingDays === 0 ? due : addWorkingDays(due, workingDays));

/** The latest reminder moment of an action that has arrived on `day`, or null. */
export function dueActionReminder(dueDate: string, day: string): ActionReminderKind | null {
  let found: ActionReminderKind | null = null;
  for (const r of ACTION_REMINDERS) if (moment(dueDate, r.workingDays) <= day) found = r.kind;
  return found;
}

function ownerPeople(tx: Tx, a: typeof schema.actions.$inferSelect): number[] {
  if (a.ownerPersonId) return [a.ownerPersonId];
  if (!a.ownerOrganisationId) return [];
  // An organisation owns it: its people in the overleg, or else everyone active there.
  const inOverleg = tx
    .select({ id: schema.people.id })
    .from(schema.overlegPeople)
    .innerJoin(schema.people, eq(schema.overlegPeople.personId, schema.people.id))
    .where(and(eq(schema.overlegPeople.overlegId, a.overlegId), eq(schema.people.organisationId, a.ownerOrganisationId)))
    .all()
    .map((r) => r.id);
  if (inOverleg.length) return inOverleg;
  return tx.select({ id: schema.people.id }).from(schema.people).where(and(eq(schema.people.organisationId, a.ownerOrganisationId), eq(schema.people.active, true))).all().map((r) => r.id);
}

export function sendActionReminders(day: string = today()): number {
  const db = getDb();
  const open = db.select().from(schema.actions).where(inArray(schema.actions.status, [...OPEN_ACTION_STATUSES])).all();
  let sent = 0;
  for (const a of open) {
    const kind = dueActionReminder(a.dueDate, day);
    if (!kind) continue;
    db.transaction((tx) => {
      if (!claimReminder(tx, { key: `action:${a.id}:${kind}:${a.dueDate}`, kind: `action-${kind}`, entityType: "action", entityId: a.id })) return;
      const overleg = tx.select().from(schema.overleggen).where(eq(schema.overleggen.id, a.overlegId)).get();
      if (!overleg) return;
      const owners = ownerPeople(tx, a);
      const to = kind === "na" && overleg.chairId ? [...owners, overleg.chairId] : owners;
      const title =
        kind === "voor" ? `Herinnering: actie "${a.title}" uiterlijk ${formatDate(a.dueDate)}` : kind === "op" ? `Vandaag is de streefdatum van actie "${a.title}"` : `Actie over de streefdatum: "${a.title}"`;
      const body =
        kind === "na"
          ? `De actie "${a.title}" uit ${overleg.name} had uiterlijk ${formatDate(a.dueDate)} klaar moeten zijn en staat nog open. Werk de status bij of spreek een nieuwe datum af; de voorzitter ontvangt dit bericht ook.`
          : `De actie "${a.title}" uit ${overleg.name} staat op uw naam, met als streefdatum ${formatDate(a.dueDate)}. Zet de actie op gereed zodra zij klaar is.`;
      notify(tx, to, { kind: `action_reminder_${kind}`, title, body, link: `/overleg/${a.overlegId}#actie-${a.id}` });
      sent++;
    });
  }
  return sent;
}

/** The escalation person of a keten, or (not configured) the contractmanagement's people. */
function escalationPeople(tx: Tx, ketenId: number): number[] {
  const configured = tx.select({ id: schema.ketenRegie.escalationPersonId }).from(schema.ketenRegie).where(eq(schema.ketenRegie.ketenId, ketenId)).get()?.id;
  if (configured) return [configured];
  return tx
    .select({ id: schema.people.id })
    .from(schema.people)
    .innerJoin(schema.organisations, eq(schema.people.organisationId, schema.organisations.id))
    .where(and(eq(schema.organisations.slug, "contractmanagement"), eq(schema.people.active, true)))
    .all()
    .map((r) => r.id);
}

export function sendSignalReminders(day: string = today()): { reminders: number; escalations: number } {
  const db = getDb();
  const open = db
    .select({ id: schema.signals.id, title: schema.signals.title, dueAt: schema.signals.dueAt, ownerKetenId: schema.signals.ownerKetenId })
    .from(schema.signals)
    .where(inArray(schema.signals.status, [...OPEN_STATUSES]))
    .all();
  const out = { reminders: 0, escalations: 0 };
  for (const s of open) {
    const remindOn = workingDaysBefore(s.dueAt, SIGNAL_REMINDER_WORKING_DAYS);
    const kind = day > s.dueAt ? "escalatie" : day >= remindOn ? "herinnering" : null;
    if (!kind) continue;
    db.transaction((tx) => {
      if (!claimReminder(tx, { key: `signal:${s.id}:${kind}:${s.dueAt}`, kind: `signal-${kind}`, entityType: "signal", entityId: s.id })) return;
      const keten = tx.select().from(schema.ketens).where(eq(schema.ketens.id, s.ownerKetenId)).get();
      if (!keten) return;
      if (kind === "herinnering") {
        const regie = regieFacts(keten.id, tx);
        const to = [...(keten.regisseurId ? [keten.regisseurId] : []), ...(regie.standIn && regie.deputyId ? [regie.deputyId] : [])];
        notify(tx, to, {
          kind: "signal_reminder",
          title: `Terugkoppeling uiterlijk ${formatDate(s.dueAt)}: ${s.title}`,
          body: `De terugkoppeltermijn van dit signaal loopt af op ${formatDate(s.dueAt)}. Geef de melder voor die datum een terugkoppeling, of zet het signaal op de agenda van een overleg.`,
          link: `/signalen/${s.id}`,
        });
        out.reminders++;
      } else {
        notify(tx, escalationPeople(tx, keten.id), {
          kind: "signal_escalation",
          title: `Termijn verstreken: ${s.title}`,
          body: `De terugkoppeltermijn van dit signaal in de keten ${keten.name} is op ${formatDate(s.dueAt)} verstreken zonder afhandeling. U ontvangt dit bericht als escalatiepunt van de keten.`,
          link: `/signalen/${s.id}`,
        });
        out.escalations++;
      }
    });
  }
  return out;
}

export function runOverlegSchedule(day: string = today()): OverlegScheduleReport {
  const report: OverlegScheduleReport = { actionReminders: 0, signalReminders: 0, escalations: 0, carried: 0, errors: [] };
  const step = (what: string, fn: () => void) => {
    try {
      fn();
    } catch (e) {
      report.errors.push(`${what}: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  step("actions", () => (report.actionReminders = sendActionReminders(day)));
  step("signals", () => {
    const r = sendSignalReminders(day);
    report.signalReminders = r.reminders;
    report.escalations = r.escalations;
  });
  step("carry", () => {
    const db = getDb();
    for (const o of db.select({ id: schema.overleggen.id }).from(schema.overleggen).all()) report.carried += db.transaction((tx) => carryOpenActions(tx, o.id));
  });
  return report;
}
