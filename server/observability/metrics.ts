// Prometheus metrics (prom-client), served at /metrics behind METRICS_TOKEN.
// Gauges that mirror in-process state (collab rooms, outbox lag) are collected on scrape.
// See docs/decisions/502-metrics-prom-client.md.
import client from "prom-client";

export const registry = new client.Registry();
client.collectDefaultMetrics({ register: registry, prefix: "kp_process_" });

export const httpDuration = new client.Histogram({
  name: "kp_http_request_duration_seconds",
  help: "HTTP request duration per route pattern",
  labelNames: ["method", "route", "status"] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

export const schedulerRuns = new client.Counter({
  name: "kp_scheduler_runs_total",
  help: "Scheduler task runs by task and result",
  labelNames: ["task", "result"] as const,
  registers: [registry],
});

export const backupRuns = new client.Counter({
  name: "kp_backup_runs_total",
  help: "Nightly backup runs by result",
  labelNames: ["result"] as const,
  registers: [registry],
});

export const searchLatency = new client.Histogram({
  name: "kp_search_duration_seconds",
  help: "Search request duration (the /zoeken routes)",
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers: [registry],
});

/** Register a gauge whose value is read from the application when Prometheus scrapes. */
export function liveGauge(name: string, help: string, read: () => number | Promise<number>): void {
  if (registry.getSingleMetric(name)) return;
  new client.Gauge({
    name,
    help,
    registers: [registry],
    async collect() {
      this.set(await read());
    },
  });
}

/** A counter read from a total the application already keeps (e.g. rows in a table). */
export function liveCounter(name: string, help: string, read: () => number): void {
  if (registry.getSingleMetric(name)) return;
  new client.Gauge({
    name,
    help: `${help} (running total)`,
    registers: [registry],
    collect() {
      this.set(read());
    },
  });
}
