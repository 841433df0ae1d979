/** One kind of date-driven work; it must be idempotent (status guards, scheduled_runs keys). */
export type ScheduledTask = { name: string; run: () => unknown | Promise<unknown> };
