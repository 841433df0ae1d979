// Issue 18, backup and restore in-process: the nightly service with its retention count, the
// manifest, and restore's refusals (live portal, corrupt file, unknown schema) and forward migration.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databasePath, getDb, schema } from "~/db/client.server";
import { backupService, nightlyBackup } from "../../server/backup/service";
import { journal, listSnapshots, restoreSnapshot, sha256File, verifySnapshot, writePidFile } from "../../server/backup/snapshot";

const backupDir = fs.mkdtempSync(path.join(os.tmpdir(), "kp-backup-test-"));
const restoreDirs: string[] = [];
const freshDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "kp-restore-test-"));
  restoreDirs.push(d);
  return d;
};

beforeAll(() => {
  getDb().insert(schema.organisations).values({ slug: "test-org", name: "Testorganisatie", kind: "wijkteam" }).run();
  process.env.BACKUP_DIR = backupDir;
  process.env.BACKUP_KEEP = "2";
});
afterAll(() => {
  delete process.env.BACKUP_DIR;
  delete process.env.BACKUP_KEEP;
  for (const d of [backupDir, ...restoreDirs]) fs.rmSync(d, { recursive: true, force: true });
});

describe("backup", () => {
  it("the nightly backup writes verified snapshots and keeps BACKUP_KEEP of them", async () => {
    for (let i = 0; i < 3; i++) await nightlyBackup();
    const snaps = listSnapshots(backupDir);
    expect(snaps).toHaveLength(2);
    const m = await verifySnapshot(snaps[1]);
    expect(m.schemaVersion.tag).toBe(journal().at(-1)?.tag);
    expect(m.sha256).toBe(await sha256File(path.join(snaps[1], "ketenportaal.db")));
    expect(m.counts.organisations).toBe(1);
    // The service starts and stops cleanly (a catch-up snapshot is not due: the newest is fresh).
    await backupService.start();
    await backupService.stop();
    expect(listSnapshots(backupDir)).toHaveLength(2);
  });

  it("restore refuses a live portal, a changed file and an unknown schema version; it migrates an older snapshot forward", async () => {
    const snap = listSnapshots(backupDir).at(-1)!;
    const live = freshDir();
    const removePid = writePidFile(live, 1234); // this test process is alive: a "running portal"
    await expect(restoreSnapshot({ snapshotDir: snap, dataDir: live })).rejects.toThrow(/draait nog/);
    removePid();
    const restored = await restoreSnapshot({ snapshotDir: snap, dataDir: live });
    expect(restored.counts.organisations).toBe(1);

    const tampered = path.join(freshDir(), "snap");
    fs.cpSync(snap, tampered, { recursive: true });
    const manifest = JSON.parse(fs.readFileSync(path.join(tampered, "manifest.json"), "utf8"));
    fs.writeFileSync(path.join(tampered, "manifest.json"), JSON.stringify({ ...manifest, schemaVersion: { tag: "9999_future", createdAt: 1 } }));
    await expect(restoreSnapshot({ snapshotDir: tampered, dataDir: freshDir() })).rejects.toThrow(/onbekend/);
    fs.appendFileSync(path.join(tampered, "ketenportaal.db"), "x");
    await expect(restoreSnapshot({ snapshotDir: tampered, dataDir: freshDir() })).rejects.toThrow(/Controlegetal/);

    // An "older" snapshot: the newest migration undone, manifest rewritten as that version would.
    const older = path.join(freshDir(), "snap");
    fs.cpSync(snap, older, { recursive: true });
    const file = path.join(older, "ketenportaal.db");
    const db = new Database(file);
    const last = journal().at(-1)!;
    const prev = journal().at(-2)!;
    db.prepare("delete from __drizzle_migrations where created_at = ?").run(last.when);
    // Undo what the newest migration created, whichever migration that is.
    const created = [...fs.readFileSync(path.join("migrations", `${last.tag}.sql`), "utf8").matchAll(/CREATE (?:VIRTUAL )?TABLE `([a-z_]+)`/g)].map((m) => m[1]);
    expect(created.length).toBeGreaterThan(0);
    db.pragma("foreign_keys = OFF");
    for (const t of created) db.exec(`drop table if exists ${t}`);
    db.close();
    fs.writeFileSync(path.join(older, "manifest.json"), JSON.stringify({ ...manifest, sha256: await sha256File(file), schemaVersion: { tag: prev.tag, createdAt: prev.when, count: journal().length - 1 } }));
    const target = freshDir();
    const r = await restoreSnapshot({ snapshotDir: older, dataDir: target });
    expect(r.manifest.schemaVersion.tag).toBe(prev.tag);
    expect(r.schemaVersion.tag).toBe(last.tag);
    const check = new Database(path.join(target, "ketenportaal.db"), { readonly: true });
    expect(check.prepare(`select count(*) as n from sqlite_master where type = 'table' and name = ?`).get(created[0])).toEqual({ n: 1 });
    check.close();
    expect(databasePath()).not.toContain(target); // the live test database was never touched
  });
});
