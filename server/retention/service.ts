// Retention as a scheduled task: the scheduler's pass (at start and every interval) applies the
// bewaartermijnen. The pass is cheap when nothing is due (indexed range queries), and each
// record is handled once (see app/domain/retention/retention.server.ts).
import { runRetention } from "~/domain/retention/retention.server";
import { logger } from "../observability/log";
import type { ScheduledTask } from "../scheduler/task";

export const retentionTask: ScheduledTask = {
  name: "retention",
  run: () => {
    const counts = runRetention();
    const done = Object.entries(counts).filter(([, n]) => n > 0);
    if (done.length) logger.info({ retention: Object.fromEntries(done) }, "retention: bewaartermijnen toegepast");
  },
};
