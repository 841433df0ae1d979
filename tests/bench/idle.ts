// Idle memory of the portal (issue 11, target ≤ 150 MB RSS): the production server on a
// seeded database, measured 20 s after it is up and again after one page load per route
// family, once with the server compiled at build time (build/node/, plain node) and once
// with tsx compiling server/ at start (KP_USE_TSX=1), side by side in the same run.
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
  const variants = [
    { label: "compiled server (build/node)", env: { KP_USE_TSX: "0" } },
    { label: "tsx at start", env: { KP_USE_TSX: "1" } },
  ];
  const rows: string[] = [];
  for (const v of variants) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kp-idle-bench-"));
    for (const f of fs.readdirSync(dataDir)) fs.cpSync(path.join(dataDir, f), path.join(dir, f), { recursive: true });
    const p = await startBenchPortal(here, v.label, dir, v.env);
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
