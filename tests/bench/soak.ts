// Soak benchmark (issue 11): mixed page load and editing against one production portal for
// N minutes, RSS sampled every 10 s. Target: RSS at the end within 10 % of RSS after the
// first minute. Opt-in (long): `npm run bench -- soak --minutes 10` or
// `npx tsx tests/bench/soak.ts --minutes 10`. BENCH_NODE_ARGS passes flags to the portal's node.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { LoadGroup, prepareKetenportaal } from "./collab";
import { prepareHttpData, rssMb, startBenchPortal } from "./http";

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? Number(process.argv[i + 1]) : fallback;
}

export async function runSoakBench(): Promise<Array<{ atS: number; rssMb: number }>> {
  const minutes = flag("minutes", Number(process.env.BENCH_SOAK_MINUTES ?? 10));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kp-soak-"));
  const editing = { clients: 20, documents: 4, rate: 2 };
  const collab = await prepareKetenportaal(dataDir, [editing]);
  const { cookie, documentSlug } = await prepareHttpData(dataDir);
  const portal = await startBenchPortal(here, "portal", dataDir);
  const samples: Array<{ atS: number; rssMb: number }> = [];
  const t0 = Date.now();
  const sample = () => samples.push({ atS: Math.round((Date.now() - t0) / 1000), rssMb: rssMb(portal.child.pid!) });
  try {
    sample();
    const ws = portal.baseURL.replace("http", "ws");
    const layout = collab.layouts[0];
    const clients = [...layout].flatMap(([room, ids]) => ids.map((id) => ({ id, url: `${ws}/collab/${room.slice(4)}`, cookie: collab.cookies[id - 1] })));
    const group = await LoadGroup.connect(clients, { rate: editing.rate, workers: 1, apply: false });
    const timer = setInterval(sample, 10_000);
    const pages = ["/", `/documenten/${documentSlug}`, "/zoeken?q=warme+overdracht", "/signalen", "/documenten", "/wijzigingen"];
    console.log(`[bench] soak: ${minutes} min, 10 HTTP connections over ${pages.length} pages + ${editing.clients} editors in ${editing.documents} documents at ${editing.rate}/s`);
    const [http] = await Promise.all([
      autocannon({
        url: portal.baseURL,
        connections: 10,
        duration: minutes * 60,
        headers: { cookie, "accept-encoding": "gzip" },
        requests: pages.map((p) => ({ method: "GET", path: p })),
        timeout: 10,
      }),
      group.round(minutes * 60 * 1000),
    ]);
    clearInterval(timer);
    sample();
    await group.close();
    const first = samples.find((s) => s.atS >= 60) ?? samples[0];
    const last = samples[samples.length - 1];
    console.log(
      [
        `requests: ${http.requests.total} (${Math.round(http.requests.average)}/s), p99 ${http.latency.p99} ms, errors ${http.errors}, timeouts ${http.timeouts}, non-2xx ${http.non2xx}`,
        `RSS: ${samples[0].rssMb} MB at start, ${first.rssMb} MB after ${first.atS} s, ${last.rssMb} MB at ${last.atS} s (${Math.round((last.rssMb / first.rssMb - 1) * 1000) / 10} % vs first minute; target ≤ 10 %)`,
        `RSS over time (s:MB): ${samples.map((s) => `${s.atS}:${s.rssMb}`).join(" ")}`,
      ].join("\n"),
    );
  } finally {
    await portal.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return samples;
}

const direct = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (direct) runSoakBench().then(() => process.exit(0), (e) => (console.error(e), process.exit(1)));
