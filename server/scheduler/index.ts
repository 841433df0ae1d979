// The scheduler: work that is due because a date arrived. It runs once at start, so dates
// missed while the server was down are caught up, and then every SCHEDULER_INTERVAL_MS.
// Each task must be idempotent (status guards, scheduled_runs keys); the scheduler only
// makes sure two runs in this process never overlap.
import { runConsultationSchedule } from "~/domain/consultation/scheduled.server";
import { runOverlegSchedule } from "~/domain/overleg/scheduled.server";
import { runDigests } from "~/domain/notices/digest.server";
import { sendReportReminders } from "~/domain/opdrachten/scheduled.server";
import { notifyChangedPassages } from "~/domain/consultation/passage-changes.server";
import { requestPilotEvaluations } from "~/domain/consultation/pilot.server";
import { remindOverdueUnknownDates } from "~/domain/consultation/unknown-dates.server";
import { runVerkenningSchedule } from "~/domain/verkenning/invitations.server";
import { env } from "~/utils/env.server";
import type { BackgroundService } from "../services";
import { schedulerRuns } from "../observability/metrics";
import { retentionTask } from "../retention/service";
import type { ScheduledTask } from "./task";

export type { ScheduledTask };

let timer: NodeJS.Timeout | null = null;
let current: Promise<void> | null = null;

const consultationTask: ScheduledTask = {
  name: "consultation",
  run: async () => {
    const report = await runConsultationSchedule();
    const did = report.activated.length + report.closed.length + report.reminders + report.evaluationRequests.length;
    if (did) {
      console.log(
        `scheduler: ${report.activated.length} voorstel(len) van kracht, ${report.closed.length} consultatie(s) gesloten, ${report.reminders} herinnering(en), ${report.evaluationRequests.length} evaluatieverzoek(en)`,
      );
    }
    for (const e of report.errors) console.error(`scheduler: ${e}`);
  },
};

const overlegTask: ScheduledTask = {
  name: "overleg",
  run: () => {
    const r = runOverlegSchedule();
    const did = r.actionReminders + r.signalReminders + r.escalations + r.carried;
    if (did) console.log(`scheduler: ${r.actionReminders} actieherinnering(en), ${r.signalReminders} signaalherinnering(en), ${r.escalations} escalatie(s), ${r.carried} actie(s) op de agenda`);
    for (const e of r.errors) console.error(`scheduler: ${e}`);
  },
};

/** Daily and weekly e-mail digests, from DIGEST_HOUR (Europe/Amsterdam); once per period per person. */
const digestTask: ScheduledTask = {
  name: "digests",
  run: () => {
    const r = runDigests();
    if (r.sent) console.log(`scheduler: ${r.sent} overzichtsmail(s) met meldingen`);
    for (const e of r.errors) console.error(`scheduler: ${e}`);
  },
};

const opdrachtenTask: ScheduledTask = {
  name: "opdrachten",
  run: () => {
    const sent = sendReportReminders();
    if (sent) console.log(`scheduler: ${sent} herinnering(en) voor rapportagemomenten`);
  },
};

/** Commenters are told when their passage of a proposal in consultation changed (issue 12). */
const passageTask: ScheduledTask = {
  name: "passages",
  run: () => {
    const n = notifyChangedPassages();
    if (n) console.log(`scheduler: ${n} melding(en) over een aangepaste passage`);
  },
};

/** Pilots asked for their evaluation on its date; owners reminded when a "nog niet bekend" date stays unknown past its promised day. */
const pilotDatesTask: ScheduledTask = {
  name: "pilot-dates",
  run: () => {
    const asked = requestPilotEvaluations();
    const reminded = remindOverdueUnknownDates();
    if (asked.length || reminded) console.log(`scheduler: ${asked.length} pilotevaluatie(s) gevraagd, ${reminded} herinnering(en) over onbekende datums`);
  },
};

/** Verkenningen: reminders to invited organisations that have not answered yet (issue 13). */
const verkenningTask: ScheduledTask = {
  name: "verkenning",
  run: () => {
    const r = runVerkenningSchedule();
    if (r.reminders) console.log(`scheduler: ${r.reminders} herinnering(en) voor verkenningen`);
    for (const e of r.errors) console.error(`scheduler: ${e}`);
  },
};

/** Every date-driven task, in the order they run; a new feature adds its task here. */
const tasks: readonly ScheduledTask[] = [consultationTask, retentionTask, overlegTask, digestTask, opdrachtenTask, passageTask, pilotDatesTask, verkenningTask];

/** One pass over all tasks; a pass that is still running is awaited instead of doubled. */
export function runScheduledOnce(): Promise<void> {
  if (current) return current;
  current = (async () => {
    try {
      for (const t of tasks) {
        try {
          await t.run();
          schedulerRuns.inc({ task: t.name, result: "ok" });
        } catch (e) {
          schedulerRuns.inc({ task: t.name, result: "failed" });
          console.error(`scheduler task ${t.name} failed`, e);
        }
      }
    } finally {
      current = null;
    }
  })();
  return current;
}

export const schedulerService: BackgroundService = {
  name: "scheduler",
  async start() {
    await runScheduledOnce();
    timer = setInterval(() => void runScheduledOnce(), env().SCHEDULER_INTERVAL_MS);
    timer.unref();
  },
  async stop() {
    if (timer) clearInterval(timer);
    timer = null;
    if (current) await current;
  },
};
