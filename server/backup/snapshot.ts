// Snapshots of the SQLite database: written with SQLite's online backup API while the portal
// runs (a consistent copy of committed transactions; WAL readers and writers keep going), with
// a manifest (time, schema version, sha256), a retention count, verification and restore.
// See docs/decisions/500-backup-method.md.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { migrationsFolder, openDatabase } from "~/db/client.server";

export const SNAPSHOT_FILE = "ketenportaal.db";
export const MANIFEST_FILE = "manifest.json";
export const PID_FILE = "portal.pid";

export type SchemaVersion = { tag: string; createdAt: number; count: number };
export type Manifest = {
  format: 1;
  createdAt: string;
  file: string;
  bytes: number;
  sha256: string;
  schemaVersion: SchemaVersion;
  durationMs: number;
  counts: Record<string, number>;
};

type JournalEntry = { idx: number; tag: string; when: number };

export function journal(): JournalEntry[] {
  const j = JSON.parse(fs.readFileSync(path.join(migrationsFolder(), "meta", "_journal.json"), "utf8")) as { entries: JournalEntry[] };
  return j.entries;
}

/** The last applied migration, read from drizzle's bookkeeping table. */
export function schemaVersion(sqlite: Database.Database): SchemaVersion {
  const rows = sqlite.prepare("select created_at as createdAt from __drizzle_migrations order by created_at").all() as { createdAt: number }[];
  const last = rows.at(-1);
  if (!last) throw new Error("database has no applied migrations");
  const entry = journal().find((e) => e.when === Number(last.createdAt));
  return { tag: entry?.tag ?? `unknown-${last.createdAt}`, createdAt: Number(last.createdAt), count: rows.length };
}

/** Row counts of the tables an operator compares after a restore. */
const COUNTED = ["people", "organisations", "documents", "document_versions", "y_updates", "proposals", "proposal_comments", "signals", "audit_log", "emails"];
export function tableCounts(sqlite: Database.Database): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of COUNTED) out[t] = (sqlite.prepare(`select count(*) as n from "${t}"`).get() as { n: number }).n;
  return out;
}

export function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = crypto.createHash("sha256");
    fs.createReadStream(file)
      .on("data", (d) => h.update(d))
      .on("error", reject)
      .on("end", () => resolve(h.digest("hex")));
  });
}

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
}

/**
 * Write a snapshot of `databaseFile` into a new folder under `backupDir`. The folder appears
 * under its final name only when the copy and the manifest are complete (rename), so a crash
 * mid-backup never leaves something that looks like a snapshot.
 */
export async function createSnapshot(opts: { databaseFile: string; backupDir: string; now?: Date }): Promise<{ dir: string; manifest: Manifest }> {
  const started = Date.now();
  const now = opts.now ?? new Date();
  fs.mkdirSync(opts.backupDir, { recursive: true });
  let name = `ketenportaal-${stamp(now)}`;
  for (let i = 2; fs.existsSync(path.join(opts.backupDir, name)); i++) name = `ketenportaal-${stamp(now)}-${i}`;
  const tmp = path.join(opts.backupDir, `.${name}.partial`);
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp);
  // A separate read-only connection: the portal's own connection keeps serving requests.
  const source = new Database(opts.databaseFile, { readonly: true, fileMustExist: true });
  try {
    await source.backup(path.join(tmp, SNAPSHOT_FILE));
  } finally {
    source.close();
  }
  const file = path.join(tmp, SNAPSHOT_FILE);
  const copy = new Database(file, { readonly: true });
  let version: SchemaVersion;
  let counts: Record<string, number>;
  try {
    version = schemaVersion(copy);
    counts = tableCounts(copy);
  } finally {
    copy.close();
  }
  const manifest: Manifest = {
    format: 1,
    createdAt: now.toISOString(),
    file: SNAPSHOT_FILE,
    bytes: fs.statSync(file).size,
    sha256: await sha256File(file),
    schemaVersion: version,
    durationMs: Date.now() - started,
    counts,
  };
  fs.writeFileSync(path.join(tmp, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + "\n");
  const dir = path.join(opts.backupDir, name);
  fs.renameSync(tmp, dir);
  return { dir, manifest };
}

/** Complete snapshots in a backup folder, oldest first. */
export function listSnapshots(backupDir: string): string[] {
  if (!fs.existsSync(backupDir)) return [];
  return fs
    .readdirSync(backupDir)
    .filter((n) => n.startsWith("ketenportaal-") && fs.existsSync(path.join(backupDir, n, MANIFEST_FILE)))
    .sort()
    .map((n) => path.join(backupDir, n));
}

/** Keep the newest `keep` snapshots; returns the removed folders. */
export function pruneSnapshots(backupDir: string, keep: number): string[] {
  const all = listSnapshots(backupDir);
  const remove = all.slice(0, Math.max(0, all.length - Math.max(1, keep)));
  for (const dir of remove) fs.rmSync(dir, { recursive: true, force: true });
  return remove;
}

export class RestoreRefused extends Error {}

/** Manifest present, checksum right, schema version one this code knows. */
export async function verifySnapshot(dir: string): Promise<Manifest> {
  const manifestPath = path.join(dir, MANIFEST_FILE);
  if (!fs.existsSync(manifestPath)) throw new RestoreRefused(`Geen manifest gevonden in ${dir}: dit is geen snapshot.`);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(manifestPath, "utf8")) as Manifest;
  } catch {
    throw new RestoreRefused(`Het manifest in ${dir} is onleesbaar.`);
  }
  const file = path.join(dir, manifest.file ?? SNAPSHOT_FILE);
  if (!fs.existsSync(file)) throw new RestoreRefused(`Het databasebestand ${file} ontbreekt.`);
  const sum = await sha256File(file);
  if (sum !== manifest.sha256) throw new RestoreRefused(`Controlegetal klopt niet (manifest ${manifest.sha256.slice(0, 12)}…, bestand ${sum.slice(0, 12)}…): de snapshot is beschadigd.`);
  const known = journal();
  const idx = known.findIndex((e) => e.when === manifest.schemaVersion?.createdAt);
  if (idx < 0) throw new RestoreRefused(`Schemaversie ${manifest.schemaVersion?.tag} is onbekend voor deze versie van Ketenportaal (nieuwere snapshot?). Herstel met de versie die de snapshot maakte.`);
  return manifest;
}

/** Is a portal running on this data directory? The server writes its pid file at start. */
export function livePortal(dataDir: string): { pid: number; port: number } | null {
  const file = path.join(dataDir, PID_FILE);
  if (!fs.existsSync(file)) return null;
  try {
    const { pid, port } = JSON.parse(fs.readFileSync(file, "utf8")) as { pid: number; port: number };
    process.kill(pid, 0); // throws ESRCH when the process is gone (a stale file after kill -9)
    return { pid, port };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EPERM") return { pid: -1, port: 0 }; // alive, other user
    return null;
  }
}

export function writePidFile(dataDir: string, port: number): () => void {
  const file = path.join(dataDir, PID_FILE);
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ pid: process.pid, port, startedAt: new Date().toISOString() }) + "\n");
  return () => {
    try {
      const current = JSON.parse(fs.readFileSync(file, "utf8")) as { pid: number };
      if (current.pid === process.pid) fs.rmSync(file, { force: true });
    } catch {
      /* already gone */
    }
  };
}

/**
 * Restore a snapshot into `dataDir`: refuses a live portal and a bad snapshot, keeps the
 * current database aside (never deletes it), then migrates the restored copy forward.
 */
export async function restoreSnapshot(opts: { snapshotDir: string; dataDir: string; now?: Date }): Promise<{ manifest: Manifest; schemaVersion: SchemaVersion; keptAside: string | null; counts: Record<string, number> }> {
  const live = livePortal(opts.dataDir);
  if (live) throw new RestoreRefused(`Ketenportaal draait nog op deze datamap (pid ${live.pid}${live.port ? `, poort ${live.port}` : ""}). Stop het portaal eerst.`);
  const manifest = await verifySnapshot(opts.snapshotDir);
  const target = path.join(opts.dataDir, SNAPSHOT_FILE);
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const incoming = `${target}.restoring`;
  fs.copyFileSync(path.join(opts.snapshotDir, manifest.file), incoming);
  const check = new Database(incoming);
  try {
    const ok = check.pragma("integrity_check", { simple: true });
    if (ok !== "ok") throw new RestoreRefused(`De snapshot is geen gezonde database (${String(ok)}).`);
  } catch (e) {
    check.close();
    fs.rmSync(incoming, { force: true });
    throw e instanceof RestoreRefused ? e : new RestoreRefused(`De snapshot is geen SQLite-database: ${(e as Error).message}`);
  }
  check.close();
  let keptAside: string | null = null;
  if (fs.existsSync(target)) {
    keptAside = path.join(opts.dataDir, `ketenportaal.before-restore-${stamp(opts.now ?? new Date())}.db`);
    // Fold the WAL into the old file first so the copy kept aside is complete on its own.
    const old = new Database(target);
    old.pragma("wal_checkpoint(TRUNCATE)");
    old.close();
    fs.renameSync(target, keptAside);
  }
  for (const suffix of ["-wal", "-shm"]) fs.rmSync(target + suffix, { force: true });
  fs.renameSync(incoming, target);
  const db = openDatabase(target); // runs the migrations newer than the snapshot
  try {
    return { manifest, schemaVersion: schemaVersion(db.$client), keptAside, counts: tableCounts(db.$client) };
  } finally {
    db.$client.close();
  }
}
