// WAL checkpoints off the main thread while the collaboration server runs (see
// checkpoint-worker.mjs). SQLite's automatic checkpoint runs inside whichever commit crosses
// the threshold — on the keystroke path, several milliseconds with an fsync. Should the
// worker fail, automatic checkpoints are switched back on, so the WAL never grows unbounded.
import { Worker } from "node:worker_threads";
import { databasePath, getDb } from "~/db/client.server";

const DEFAULT_AUTOCHECKPOINT = 1000;
let worker: Worker | null = null;

function setAutocheckpoint(pages: number): void {
  try {
    getDb().$client.pragma(`wal_autocheckpoint = ${pages}`);
  } catch (e) {
    console.error("collab: setting wal_autocheckpoint failed", e);
  }
}

export function startCheckpointer(intervalMs = 1000): void {
  if (worker) return;
  const w = new Worker(new URL("./checkpoint-worker.mjs", import.meta.url), { workerData: { file: databasePath(), intervalMs } });
  w.unref();
  const fallBack = (why: string) => {
    if (worker !== w) return;
    worker = null;
    console.error(`collab: checkpoint worker stopped (${why}); automatic checkpoints are back on`);
    setAutocheckpoint(DEFAULT_AUTOCHECKPOINT);
  };
  w.on("error", (e) => fallBack(String(e)));
  w.on("exit", (code) => fallBack(`exit ${code}`));
  w.on("message", (m: { type: string; message?: string }) => {
    if (m.type === "error") console.error("collab: checkpoint failed", m.message);
  });
  worker = w;
  setAutocheckpoint(0);
}

export async function stopCheckpointer(): Promise<void> {
  const w = worker;
  if (!w) return;
  worker = null;
  setAutocheckpoint(DEFAULT_AUTOCHECKPOINT);
  await new Promise<void>((resolve) => {
    const timeout = setTimeout(resolve, 2000);
    w.once("message", () => {
      clearTimeout(timeout);
      resolve();
    });
    w.postMessage("stop");
  });
  await w.terminate();
}
