// Diagnostic (not part of npm run bench): what the idle portal's RSS is made of. Starts the
// production server on a seeded database, waits, forces a full GC and prints V8 heap spaces,
// code size and /proc/<pid>/smaps_rollup (via _gc-report.mjs), then the largest mappings.
//   npx tsx tests/bench/_idle-detail.ts   (BENCH_NODE_ARGS adds node flags, KP_IDLE_ENV="A=1 B=2" env)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { prepareHttpData, rssMb, startBenchPortal } from "./http";
const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const dataDir = process.env.KP_IDLE_DATA ?? fs.mkdtempSync(path.join(os.tmpdir(), "kp-idle-detail-"));
if (!fs.existsSync(path.join(dataDir, "portal.sqlite")) && !process.env.KP_IDLE_DATA) await prepareHttpData(dataDir);
const extraEnv = Object.fromEntries((process.env.KP_IDLE_ENV ?? "").split(" ").filter(Boolean).map((kv) => kv.split("=") as [string, string]));
process.env.BENCH_NODE_ARGS = `--expose-gc --import ./tests/bench/_gc-report.mjs ${process.env.BENCH_NODE_ARGS ?? ""}`;
const p = await startBenchPortal(here, "portal", dataDir, { GC_REPORT_DETAIL: "1", ...extraEnv });
try {
  await new Promise((r) => setTimeout(r, Number(process.env.KP_IDLE_WAIT_MS ?? 15_000)));
  console.log(`RSS before GC: ${rssMb(p.child.pid!)} MB`);
  p.child.kill("SIGUSR2");
  await new Promise((r) => setTimeout(r, 3000));
  for (const l of p.output().split("\n").filter((x) => x.startsWith("GC-"))) console.log(l);
  // Largest mappings by RSS.
  const smaps = fs.readFileSync(`/proc/${p.child.pid}/smaps`, "utf8").split("\n");
  const maps: Array<{ name: string; rss: number }> = [];
  let cur = "";
  for (const line of smaps) {
    const head = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (head) cur = head[1] || "[anon]";
    const r = /^Rss:\s+(\d+) kB/.exec(line);
    if (r) maps.push({ name: cur, rss: Number(r[1]) });
  }
  const byName = new Map<string, number>();
  for (const m of maps) byName.set(m.name, (byName.get(m.name) ?? 0) + m.rss);
  console.log("RSS by mapping (MB):", [...byName].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([n, kb]) => `${path.basename(n)}=${Math.round(kb / 102.4) / 10}`).join(" "));
  console.log(`RSS after GC: ${rssMb(p.child.pid!)} MB; data dir ${dataDir}`);
} finally {
  await p.stop();
}
