// Runs SQLite WAL checkpoints on its own connection in a worker thread, so the copy back into
// the database file and its fsync never block the event loop that relays keystrokes.
// Plain JavaScript: worker threads do not get the TypeScript loader.
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";

const db = new Database(workerData.file);
db.pragma("busy_timeout = 5000");
const timer = setInterval(() => {
  try {
    // PASSIVE: copies what it can without waiting for or blocking readers and writers.
    db.pragma("wal_checkpoint(PASSIVE)");
  } catch (e) {
    parentPort.postMessage({ type: "error", message: String(e) });
  }
}, workerData.intervalMs);

parentPort.on("message", (m) => {
  if (m === "stop") {
    clearInterval(timer);
    try {
      db.pragma("wal_checkpoint(PASSIVE)");
    } finally {
      db.close();
      parentPort.postMessage({ type: "stopped" });
    }
  }
});
