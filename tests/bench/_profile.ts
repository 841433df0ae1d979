// Diagnostic (not part of npm run bench): CPU profile of the production portal under N
// requests to one page; prints the functions with the most self time and writes the
// .cpuprofile to PROFILE_DIR (default /tmp).   PAGE=/ N=800 npx tsx tests/bench/_profile.ts
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { prepareHttpData, startBenchPortal } from "./http";

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const outDir = fs.mkdtempSync(path.join(process.env.PROFILE_DIR ?? os.tmpdir(), "kp-prof-"));
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kp-prof-data-"));
const { cookie, documentSlug } = await prepareHttpData(dataDir);
process.env.BENCH_NODE_ARGS = `--cpu-prof --cpu-prof-dir=${outDir}`;
const p = await startBenchPortal(here, "portal", dataDir);
const page = (process.env.PAGE ?? "/").replace("<slug>", documentSlug);
await autocannon({ url: p.baseURL + page, connections: 4, amount: 50, headers: { cookie } });
await autocannon({ url: p.baseURL + page, connections: 4, amount: Number(process.env.N ?? 800), headers: { cookie, "accept-encoding": "gzip" } });
await p.stop();
await new Promise((r) => setTimeout(r, 1000));
const file = fs.readdirSync(outDir).find((f) => f.endsWith(".cpuprofile"))!;
type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount: number };
const prof = JSON.parse(fs.readFileSync(path.join(outDir, file), "utf8")) as { nodes: Node[] };
const total = prof.nodes.reduce((n, x) => n + x.hitCount, 0);
const self = new Map<string, number>();
for (const n of prof.nodes) {
  const key = `${n.callFrame.functionName || "(anon)"} ${n.callFrame.url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*\/(build|app|server)\//, "$1/")}:${n.callFrame.lineNumber}`;
  self.set(key, (self.get(key) ?? 0) + n.hitCount);
}
const byPkg = new Map<string, number>();
for (const n of prof.nodes) {
  const u = n.callFrame.url;
  const pkg = u.includes("node_modules/") ? u.split("node_modules/")[1].split("/").slice(0, u.split("node_modules/")[1].startsWith("@") ? 2 : 1).join("/") : u ? u.replace(/^file:\/\/.*\/(build|app|server)\/.*/, "$1") : n.callFrame.functionName;
  byPkg.set(pkg, (byPkg.get(pkg) ?? 0) + n.hitCount);
}
const pct = (n: number) => `${Math.round((n / total) * 1000) / 10} %`;
console.log(`profile ${path.join(outDir, file)} (${page})\nself time by function:`);
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${pct(v)}  ${k}`);
console.log("by package / area:");
for (const [k, v] of [...byPkg].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${pct(v)}  ${k}`);
