// `npm run restore -- <snapshot folder>`: put a snapshot back into DATA_DIR. Refuses while a
// portal runs on that folder, checks the checksum and the schema version, keeps the current
// database aside (ketenportaal.before-restore-*.db) and migrates the restored copy forward.
import path from "node:path";
import { dataDir } from "~/utils/env.server";
import { RestoreRefused, restoreSnapshot } from "../backup/snapshot";

const arg = process.argv[2];
if (!arg) {
  console.error("Gebruik: npm run restore -- <map van de snapshot>");
  process.exit(2);
}
try {
  const r = await restoreSnapshot({ snapshotDir: path.resolve(arg), dataDir: dataDir() });
  console.log(`Hersteld: snapshot van ${r.manifest.createdAt} (schemaversie ${r.manifest.schemaVersion.tag}) in ${dataDir()}`);
  if (r.schemaVersion.tag !== r.manifest.schemaVersion.tag) console.log(`  bijgewerkt naar schemaversie ${r.schemaVersion.tag}`);
  if (r.keptAside) console.log(`  de vorige database staat apart in ${r.keptAside}`);
  console.log(`  ${Object.entries(r.counts).map(([t, n]) => `${t} ${n}`).join(", ")}`);
  console.log("Gebruikt u Meilisearch (MEILI_HOST)? Draai dan ook: npm run reindex");
} catch (e) {
  console.error(`Herstel geweigerd: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(e instanceof RestoreRefused ? 3 : 1);
}
