// Diagnostic (not part of npm run bench): RSS after rounds of N mixed page requests, once as is
// and once with glibc's malloc limited to two arenas (MALLOC_ARENA_MAX=2), to separate memory
// the process keeps (JS heap, native objects) from allocator fragmentation. (Until decision 130
// the second variant was the _intl-cache.mjs preload; formatters are cached in app/ since.)
//   N=1500 npx tsx tests/bench/_retain.ts
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { prepareHttpData, rssMb, startBenchPortal } from "./http";
const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kp-retain-"));
const { cookie, documentSlug } = await prepareHttpData(dataDir);
const variants = [
  { label: "as is", args: "--expose-gc --import ./tests/bench/_gc-report.mjs", env: { MALLOC_ARENA_MAX: "" } },
  { label: "MALLOC_ARENA_MAX=2", args: "--expose-gc --import ./tests/bench/_gc-report.mjs", env: { MALLOC_ARENA_MAX: "2" } },
];
const portals = [];
for (const v of variants) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kp-retain-"));
  for (const f of fs.readdirSync(dataDir)) fs.cpSync(path.join(dataDir, f), path.join(dir, f), { recursive: true });
  process.env.BENCH_NODE_ARGS = v.args;
  portals.push({ v, p: await startBenchPortal(here, v.label, dir, v.env) });
}
const pages = ["/", `/documenten/${documentSlug}`, "/zoeken?q=warme+overdracht", "/signalen"];
const N = Number(process.env.N ?? 2000);
for (const { v, p } of portals) {
  // After a full GC (SIGUSR2, _gc-report.mjs): RSS and the JS heap that is really retained.
  const report = async () => {
    p.child.kill("SIGUSR2");
    await new Promise((r) => setTimeout(r, 3000));
    const lines = p.output().split("\n").filter((l) => l.startsWith("GC-REPORT"));
    return lines[lines.length - 1]?.replace("GC-REPORT ", "") ?? `rss=${rssMb(p.child.pid!)}`;
  };
  const rows = [await report()];
  for (let round = 0; round < Number(process.env.ROUNDS ?? 3); round++) {
    await autocannon({ url: p.baseURL, connections: 4, amount: N, headers: { cookie }, requests: pages.map((x) => ({ path: x })) });
    rows.push(await report());
  }
  console.log(`${v.label}: start, then after each ${N} requests (MB, after full GC):\n  ${rows.join("\n  ")}`);
}
for (const { p } of portals) await p.stop();
