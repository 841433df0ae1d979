// The built-in nightly backup: when BACKUP_DIR is set, a snapshot at BACKUP_HOUR (server local
// time) every day, and one at start when the newest snapshot is older than a day (a server that
// was down at night catches up). BACKUP_KEEP snapshots are kept.
import fs from "node:fs";
import path from "node:path";
import { databasePath } from "~/db/client.server";
import { env } from "~/utils/env.server";
import { logger } from "../observability/log";
import { backupRuns } from "../observability/metrics";
import { MANIFEST_FILE, createSnapshot, listSnapshots, pruneSnapshots } from "./snapshot";

const DAY = 24 * 3600 * 1000;
let timer: NodeJS.Timeout | null = null;
let running: Promise<void> | null = null;

export async function nightlyBackup(): Promise<void> {
  const { BACKUP_DIR, BACKUP_KEEP } = env();
  if (!BACKUP_DIR) return;
  if (running) return running;
  running = (async () => {
    try {
      const { dir, manifest } = await createSnapshot({ databaseFile: databasePath(), backupDir: path.resolve(BACKUP_DIR) });
      const removed = pruneSnapshots(path.resolve(BACKUP_DIR), BACKUP_KEEP);
      backupRuns.inc({ result: "ok" });
      logger.info({ snapshot: dir, bytes: manifest.bytes, durationMs: manifest.durationMs, removed: removed.length }, "backup: snapshot geschreven");
    } catch (err) {
      backupRuns.inc({ result: "failed" });
      logger.error({ err }, "backup: snapshot mislukt");
    } finally {
      running = null;
    }
  })();
  return running;
}

function msUntilHour(hour: number, now = new Date()): number {
  const next = new Date(now);
  next.setHours(hour, 0, 0, 0);
  if (next.getTime() <= now.getTime()) next.setDate(next.getDate() + 1);
  return next.getTime() - now.getTime();
}

function newestAge(dir: string): number {
  const newest = listSnapshots(dir).at(-1);
  if (!newest) return Infinity;
  return Date.now() - fs.statSync(path.join(newest, MANIFEST_FILE)).mtimeMs;
}

function schedule(): void {
  timer = setTimeout(() => {
    void nightlyBackup().finally(() => {
      if (timer) schedule();
    });
  }, msUntilHour(env().BACKUP_HOUR));
  timer.unref();
}

export const backupService = {
  name: "backup",
  start() {
    const { BACKUP_DIR } = env();
    if (!BACKUP_DIR) return;
    if (newestAge(path.resolve(BACKUP_DIR)) > DAY) void nightlyBackup();
    schedule();
  },
  async stop() {
    if (timer) clearTimeout(timer);
    timer = null;
    if (running) await running;
  },
};
