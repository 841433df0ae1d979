// The scheduler: work that is due because a date arrived. It runs once at start, so dates
// missed while the server was down are caught up, and then every SCHEDULER_INTERVAL_MS.
// Each task must be idempotent (status guards, scheduled_runs keys); the scheduler only
// makes sure two runs in this process never overlap.
import { runConsultationSchedule } from "~/domain/consultation/scheduled.server";
import { env } from "~/utils/env.server";
import { registerService } from "../services";

export type ScheduledTask = { name: string; run: () => unknown | Promise<unknown> };

const tasks: ScheduledTask[] = [];
let timer: NodeJS.Timeout | null = null;
let current: Promise<void> | null = null;

/** Other features add their date-driven work here (from their own server module). */
export function registerScheduledTask(task: ScheduledTask): void {
  if (!tasks.some((t) => t.name === task.name)) tasks.push(task);
}

registerScheduledTask({
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
});

/** One pass over all tasks; a pass that is still running is awaited instead of doubled. */
export function runScheduledOnce(): Promise<void> {
  if (current) return current;
  current = (async () => {
    try {
      for (const t of tasks) {
        try {
          await t.run();
        } catch (e) {
          console.error(`scheduler task ${t.name} failed`, e);
        }
      }
    } finally {
      current = null;
    }
  })();
  return current;
}

registerService({
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
});
