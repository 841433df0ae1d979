// Idle memory of the portal (issue 11, target ≤ 150 MB RSS): the production server on a
// seeded database, measured 20 s after it is up and again after one page load per route
// family, once with the server compiled at build time (build/node/, plain node) and once
// with tsx compiling server/ at start (KP_USE_TSX=1), side by side in the same run.
// BENCH_IDLE_BASELINE=<checkout> (built with `npm run build`) compares this checkout's compiled
// server with that one's instead, in alternating rounds (BENCH_IDLE_ROUNDS, default 2).
//   npx tsx tests/bench/idle.ts
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { prepareHttpData, rssMb, startBenchPortal } from "./http";

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export async function runIdleBench(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kp-idle-bench-"));
  const { cookie, documentSlug } = await prepareHttpData(dataDir);
  const baseline = process.env.BENCH_IDLE_BASELINE;
  const variants = baseline
    ? [
        { label: "this checkout (build/node)", root: here, env: { KP_USE_TSX: "0" } },
        { label: `baseline ${baseline} (build/node)`, root: path.resolve(baseline), env: { KP_USE_TSX: "0" } },
      ]
    : [
        { label: "compiled server (build/node)", root: here, env: { KP_USE_TSX: "0" } },
        { label: "tsx at start", root: here, env: { KP_USE_TSX: "1" } },
      ];
  const rounds = Number(process.env.BENCH_IDLE_ROUNDS ?? (baseline ? 2 : 1));
  const rows: string[] = [];
  for (const v of Array.from({ length: rounds }, () => variants).flat()) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kp-idle-bench-"));
    for (const f of fs.readdirSync(dataDir)) fs.cpSync(path.join(dataDir, f), path.join(dir, f), { recursive: true });
    const p = await startBenchPortal(v.root, v.label, dir, v.env);
    try {
      await new Promise((r) => setTimeout(r, 20_000));
      const idle = rssMb(p.child.pid!);
      for (const pg of ["/", `/documenten/${documentSlug}`, "/zoeken?q=overdracht", "/signalen"]) {
        await fetch(p.baseURL + pg, { headers: { cookie } }).then((r) => r.text());
      }
      await new Promise((r) => setTimeout(r, 5_000));
      rows.push(`| ${v.label} | ${idle} | ${rssMb(p.child.pid!)} |`);
    } finally {
      await p.stop();
    }
  }
  console.log(["| server | RSS idle MB | RSS after one load of 4 pages MB |", "|---|---|---|", ...rows].join("\n"));
}

const direct = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (direct) await runIdleBench();
