// `npm run backup [-- <folder>]`: a consistent snapshot of the database (SQLite online backup,
// safe while the portal runs) into <folder> (default BACKUP_DIR, else ./backups), with a
// manifest; then only the newest BACKUP_KEEP snapshots are kept.
import path from "node:path";
import { databasePath } from "~/db/client.server";
import { env } from "~/utils/env.server";
import { createSnapshot, pruneSnapshots } from "../backup/snapshot";

const { BACKUP_DIR, BACKUP_KEEP } = env();
const dir = path.resolve(process.argv[2] || BACKUP_DIR || "backups");
try {
  const { dir: snapshot, manifest } = await createSnapshot({ databaseFile: databasePath(), backupDir: dir });
  const removed = pruneSnapshots(dir, BACKUP_KEEP);
  console.log(`Snapshot geschreven: ${snapshot}`);
  console.log(`  schemaversie ${manifest.schemaVersion.tag}, ${(manifest.bytes / 1024 / 1024).toFixed(1)} MB, sha256 ${manifest.sha256}, ${manifest.durationMs} ms`);
  if (removed.length) console.log(`  ${removed.length} oudere snapshot(s) opgeruimd (BACKUP_KEEP=${BACKUP_KEEP})`);
} catch (e) {
  console.error(`Backup mislukt: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
