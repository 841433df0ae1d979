// Reporting reminders, run by server/scheduler each pass: a few working days before each
// reporting moment of a running item, its owner (the requester) is reminded, once. The claim
// is a row in scheduled_runs keyed by the moment and its date, inserted in the same
// transaction as the notification: a second pass or a restarted server finds it and sends
// nothing. A moved date is a new moment and is reminded again.
import { and, eq, inArray, isNull, lte } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import { formatDate } from "~/shared/dates";
import { ACTIVE_OPDRACHT_STATUSES, REPORT_REMINDER_WORKING_DAYS } from "~/shared/opdrachten";
import { addWorkingDays } from "~/shared/working-days";
import { nowIso, today } from "~/utils/clock.server";
import { notify } from "../notify.server";

export const reminderKey = (reportId: number, dueDate: string) => `opdracht-rapportage:${reportId}:${dueDate}`;

export function sendReportReminders(day: string = today()): number {
  const db = getDb();
  // Moments up to N working days ahead (and overdue ones never reminded, after downtime).
  const horizon = addWorkingDays(day, REPORT_REMINDER_WORKING_DAYS);
  const due = db
    .select({ id: schema.opdrachtReports.id, dueDate: schema.opdrachtReports.dueDate, title: schema.opdrachtReports.title, opdrachtId: schema.opdrachten.id, opdrachtTitle: schema.opdrachten.title, ownerId: schema.opdrachten.ownerId })
    .from(schema.opdrachtReports)
    .innerJoin(schema.opdrachten, eq(schema.opdrachtReports.opdrachtId, schema.opdrachten.id))
    .where(and(inArray(schema.opdrachten.status, [...ACTIVE_OPDRACHT_STATUSES]), lte(schema.opdrachtReports.dueDate, horizon), isNull(schema.opdrachtReports.receivedAt)))
    .all();
  let sent = 0;
  for (const m of due) {
    db.transaction((tx) => {
      const claimed = tx.insert(schema.scheduledRuns).values({ key: reminderKey(m.id, m.dueDate), ranAt: nowIso() }).onConflictDoNothing().run().changes === 1;
      if (!claimed) return;
      notify(tx, [m.ownerId], {
        kind: "opdracht_rapportage",
        title: `Rapportagemoment ${formatDate(m.dueDate)}: ${m.opdrachtTitle}`,
        body: `Op ${formatDate(m.dueDate)} staat de rapportage "${m.title}" gepland. Zet haar op ontvangen zodra zij binnen is, en laat de teams daarna weten wat er met hun gegevens is gedaan.`,
        link: `/opdrachten/${m.opdrachtId}#moment-${m.id}`,
      });
      sent++;
    });
  }
  return sent;
}
