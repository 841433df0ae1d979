// Collaboration benchmark: N headless y-websocket clients typing ~R updates/s each for D
// seconds, on one document and spread over 20 documents, against (1) the real portal server
// (auth, SQLite persistence before broadcast, derived forms, compaction) and (2) a bare
// y-websocket relay (tests/bench/reference-relay.ts). Reports send → receipt latency at
// every other client (p50/p95/p99), updates persisted per second, server RSS and CPU, and
// our p95 as a ratio to the relay's.
//
//   npx tsx tests/bench/collab.ts            (needs a production build: npm run build, or KP_BUILD_DIR)
//   BENCH_CLIENTS=50 BENCH_RATE=5 BENCH_SECONDS=30 BENCH_DOCS=20 BENCH_WORKERS=2 BENCH_ROUNDS=3
//   BENCH_CLIENT_APPLY=1 (receivers integrate updates), BENCH_SERVER_LOG=1 (print server output),
//   BENCH_CPU_PROF=<dir> (run the portal under node --cpu-prof)
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
type WorkerInput = { clients: Array<{ id: number; url: string; cookie?: string }>; ratePerSecond: number; durationMs: number; apply: boolean };

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export type Percentiles = { p50: number; p95: number; p99: number; max: number; samples: number };
export type ScenarioResult = {
  target: "ketenportaal" | "reference";
  scenario: string;
  clients: number;
  documents: number;
  seconds: number;
  updatesSent: number;
  receipts: number;
  expectedReceipts: number;
  latencyMs: Percentiles;
  updatesPersistedPerSecond: number | null;
  serverRssMb: { start: number; peak: number };
  serverCpuPercent: number;
};
export type CollabBenchResult = {
  machine: { cpus: number; loadAvgAtStart: number[]; node: string };
  settings: { clients: number; ratePerSecond: number; seconds: number; documents: number; workers: number; clientsApplyUpdates: boolean; rounds: number };
  results: ScenarioResult[];
  ratios: Array<{ scenario: string; p50: number; p95: number; p99: number }>;
  targets: { p95Ms: number; ratio: number };
};

function percentiles(values: Float64Array): Percentiles {
  const sorted = Float64Array.from(values).sort();
  const at = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN);
  const round = (n: number) => Math.round(n * 100) / 100;
  return { p50: round(at(0.5)), p95: round(at(0.95)), p99: round(at(0.99)), max: round(sorted[sorted.length - 1] ?? NaN), samples: sorted.length };
}

// ------------------------------------------------------------------ process metrics (Linux /proc)

const CLK_TCK = 100;
function cpuTicks(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(fields[11]) + Number(fields[12]); // utime + stime
}
function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Math.round(Number(m[1]) / 102.4) / 10 : NaN;
}

// ------------------------------------------------------------------ load

type Done = { latencies: Float64Array; sentBy: Record<number, number>; received: number };

/** A set of worker threads holding connected clients; runs rounds of typing on demand. */
class LoadGroup {
  private constructor(
    private readonly workers: Worker[],
    readonly clients: WorkerInput["clients"],
  ) {}

  static async connect(clients: WorkerInput["clients"], opts: { rate: number; workers: number; apply: boolean }): Promise<LoadGroup> {
    const shares: WorkerInput["clients"][] = Array.from({ length: opts.workers }, () => []);
    clients.forEach((c, i) => shares[i % opts.workers].push(c));
    const workers = shares
      .filter((share) => share.length)
      .map(
        (share) =>
          // Plain JavaScript so worker threads need no TypeScript loader.
          new Worker(new URL("./collab-worker.mjs", import.meta.url), {
            workerData: { clients: share, ratePerSecond: opts.rate, durationMs: 0, apply: opts.apply } satisfies WorkerInput,
          }),
      );
    await Promise.all(workers.map((w) => LoadGroup.next(w, "ready")));
    return new LoadGroup(workers, clients);
  }

  private static next<T>(w: Worker, type: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const onMessage = (m: { type: string; message?: string }) => {
        if (m.type === type) {
          w.off("message", onMessage);
          resolve(m as T);
        } else if (m.type === "error") reject(new Error(m.message));
      };
      w.on("message", onMessage);
      w.once("error", reject);
    });
  }

  async round(durationMs: number): Promise<Done[]> {
    const done = this.workers.map((w) => LoadGroup.next<Done>(w, "done"));
    for (const w of this.workers) w.postMessage({ type: "go", durationMs });
    return Promise.all(done);
  }

  async close(): Promise<void> {
    await Promise.all(
      this.workers.map(async (w) => {
        const stopped = LoadGroup.next(w, "stopped");
        w.postMessage({ type: "stop" });
        await stopped;
        await w.terminate();
      }),
    );
  }
}

type RoundMetrics = { done: Done[]; wall: number; cpuTicks: number; rssStart: number; rssPeak: number; persisted: number | null };

async function measureRound(group: LoadGroup, durationMs: number, pid: number, persistedCount?: () => number): Promise<RoundMetrics> {
  const rssStart = rssMb(pid);
  let rssPeak = rssStart;
  const persistedBefore = persistedCount?.() ?? 0;
  const cpuBefore = cpuTicks(pid);
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssMb(pid))), 500);
  const t0 = Date.now();
  const done = await group.round(durationMs);
  const wall = (Date.now() - t0) / 1000;
  clearInterval(sampler);
  return {
    done,
    wall,
    cpuTicks: cpuTicks(pid) - cpuBefore,
    rssStart,
    rssPeak,
    persisted: persistedCount ? persistedCount() - persistedBefore : null,
  };
}

function summarise(group: LoadGroup, rounds: RoundMetrics[], seconds: number): Omit<ScenarioResult, "target" | "scenario" | "documents"> {
  const all: Float64Array[] = rounds.flatMap((r) => r.done.map((d) => d.latencies));
  const merged = new Float64Array(all.reduce((n, a) => n + a.length, 0));
  let offset = 0;
  for (const a of all) {
    merged.set(a, offset);
    offset += a.length;
  }
  const roomSize = new Map<string, number>();
  for (const c of group.clients) roomSize.set(c.url, (roomSize.get(c.url) ?? 0) + 1);
  let sent = 0;
  let expected = 0;
  for (const r of rounds) {
    const sentBy = Object.assign({}, ...r.done.map((d) => d.sentBy)) as Record<number, number>;
    for (const c of group.clients) {
      sent += sentBy[c.id] ?? 0;
      expected += (sentBy[c.id] ?? 0) * ((roomSize.get(c.url) ?? 1) - 1);
    }
  }
  const wall = rounds.reduce((n, r) => n + r.wall, 0);
  const persisted = rounds.every((r) => r.persisted !== null) ? rounds.reduce((n, r) => n + (r.persisted ?? 0), 0) : null;
  return {
    clients: group.clients.length,
    seconds,
    updatesSent: sent,
    receipts: rounds.reduce((n, r) => n + r.done.reduce((m, d) => m + d.received, 0), 0),
    expectedReceipts: expected,
    latencyMs: percentiles(merged),
    updatesPersistedPerSecond: persisted === null ? null : Math.round((persisted / seconds) * 10) / 10,
    serverRssMb: { start: rounds[0].rssStart, peak: Math.max(...rounds.map((r) => r.rssPeak)) },
    serverCpuPercent: Math.round((rounds.reduce((n, r) => n + r.cpuTicks, 0) / CLK_TCK / wall) * 100),
  };
}

// ------------------------------------------------------------------ targets

/** Markdown of a benchmark document: one paragraph per client that types into it. */
function benchMarkdown(clientIds: number[]): string {
  return `## Benchmark\n\n${clientIds.map((id) => `Client ${id}: start.`).join("\n\n")}\n`;
}

async function seedStates(roomClients: Map<string, number[]>): Promise<Map<string, Uint8Array>> {
  const { lexicalStateToYUpdate, markdownToLexicalState } = await import("~/editor/convert.server");
  return new Map([...roomClients].map(([room, ids]) => [room, lexicalStateToYUpdate(markdownToLexicalState(benchMarkdown(ids)))]));
}

async function prepareKetenportaal(dataDir: string, documents: number, clients: number) {
  process.env.DATA_DIR = dataDir;
  process.env.NODE_ENV = "production";
  const { getDb, closeDb } = await import("~/db/client.server");
  const { seedDemoIfEmpty } = await import("~/domain/seed/index.server");
  const { loadActorByEmail } = await import("~/domain/actor.server");
  const { createSession } = await import("~/domain/auth.server");
  const { createDocument } = await import("~/domain/documents/documents.server");
  const { appendUpdate } = await import("../../server/collab/persistence");
  getDb();
  await seedDemoIfEmpty();
  const owner = loadActorByEmail("regisseur.participatie@zaanstad.example")!;
  const ids = Array.from({ length: documents + 1 }, (_, i) =>
    createDocument({ actor: owner, title: `Benchmark ${i}`, kind: "overig", ketenId: owner.regisseurOfKetenIds[0], summary: "" }).id,
  );
  // Clients 1..N on the single document, and round-robin over the others.
  const layout = {
    single: new Map([[`doc-${ids[0]}`, Array.from({ length: clients }, (_, i) => i + 1)]]),
    many: new Map(ids.slice(1).map((id, d) => [`doc-${id}`, Array.from({ length: clients }, (_, i) => i + 1).filter((c) => (c - 1) % documents === d)])),
  };
  const seeds = await seedStates(new Map([...layout.single, ...layout.many]));
  for (const [room, state] of seeds) appendUpdate(room, state, null, "snapshot");
  const writers = [
    "professional@dock.example",
    "teamleider@smd.example",
    "prof2@incluzio.example",
    "prof3@smd.example",
    "regisseur.participatie@zaanstad.example",
    "regisseur.wmo@zaanstad.example",
    "regisseur.zorg@zaanstad.example",
    "regisseur.jeugd@zaanstad.example",
  ];
  const cookies = Array.from({ length: clients }, (_, i) => {
    const actor = loadActorByEmail(writers[i % writers.length])!;
    return `kp_session=${createSession(actor.id).id}`;
  });
  closeDb();
  return { single: ids[0], many: ids.slice(1), cookies, layout };
}

function persistedCounter(dataDir: string) {
  return async () => {
    const { default: Database } = await import("better-sqlite3");
    return () => {
      const db = new Database(path.join(dataDir, "ketenportaal.db"), { readonly: true });
      try {
        return (db.prepare("select seq from sqlite_sequence where name = 'y_updates'").get() as { seq: number } | undefined)?.seq ?? 0;
      } finally {
        db.close();
      }
    };
  };
}

function startRelayProcess(): Promise<{ port: number; child: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "tests/bench/reference-relay.ts")], { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout!.on("data", (d) => {
      out += d.toString();
      const m = /relay listening on (\d+)/.exec(out);
      if (m) resolve({ port: Number(m[1]), child });
    });
    child.on("exit", (code) => reject(new Error(`relay exited ${code}`)));
  });
}

/** Give the relay's rooms the same starting document as ours (it has no server-side seeding). */
async function seedRelay(port: number, seeds: Map<string, Uint8Array>): Promise<void> {
  const { RawClient } = await import("../integration/collab-support");
  const Y = await import("yjs");
  for (const [room, state] of seeds) {
    const c = new RawClient(`ws://127.0.0.1:${port}/${room}`);
    await c.synced;
    Y.applyUpdate(c.doc, state);
    await new Promise((r) => setTimeout(r, 50));
    c.close();
  }
}

/** The portal under `node --cpu-prof` (BENCH_CPU_PROF=<dir>): a .cpuprofile is written when it stops. */
async function startProfiledPortal(dataDir: string, extraEnv: Record<string, string>, profileDir: string) {
  fs.mkdirSync(profileDir, { recursive: true });
  const child = spawn(process.execPath, ["--cpu-prof", `--cpu-prof-dir=${profileDir}`, path.join(root, "scripts/start.mjs")], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", KP_SKIP_BUILD: "1", DATA_DIR: dataDir, PORT: "0", HOST: "127.0.0.1", ...extraEnv },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stderr!.on("data", (d) => (out += d.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.on("data", (d) => {
      out += d.toString();
      const m = /draait op http:\/\/[^:]+:(\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.on("exit", (code) => reject(new Error(`portal exited with ${code}:\n${out}`)));
  });
  return {
    baseURL: `http://127.0.0.1:${port}`,
    process: child,
    output: () => out,
    stop: () => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : (child.once("exit", () => resolve()), child.kill("SIGTERM")))),
  };
}

// ------------------------------------------------------------------ main

export async function runCollabBench(opts: Partial<CollabBenchResult["settings"]> = {}): Promise<CollabBenchResult> {
  const settings = {
    clients: opts.clients ?? Number(process.env.BENCH_CLIENTS ?? 50),
    ratePerSecond: opts.ratePerSecond ?? Number(process.env.BENCH_RATE ?? 5),
    seconds: opts.seconds ?? Number(process.env.BENCH_SECONDS ?? 30),
    documents: opts.documents ?? Number(process.env.BENCH_DOCS ?? 20),
    workers: opts.workers ?? Number(process.env.BENCH_WORKERS ?? Math.max(1, Math.min(4, os.cpus().length))),
    clientsApplyUpdates: opts.clientsApplyUpdates ?? process.env.BENCH_CLIENT_APPLY === "1",
    rounds: opts.rounds ?? Number(process.env.BENCH_ROUNDS ?? 3),
  };
  const buildDir = process.env.KP_BUILD_DIR ?? "build";
  if (!fs.existsSync(path.join(root, buildDir, "server/index.js"))) {
    throw new Error(`No production build in ${buildDir}/. Run "npm run build" (or set KP_BUILD_DIR) first.`);
  }
  const machine = { cpus: os.cpus().length, loadAvgAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100), node: process.version };
  const results: ScenarioResult[] = [];
  const log = (m: string) => console.log(`[bench] ${m}`);

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kp-bench-"));
  const prepared = await prepareKetenportaal(dataDir, settings.documents, settings.clients);
  const { startPortal } = await import("../support/portal");
  const portalEnv = { SCHEDULER_INTERVAL_MS: "600000", SEED_DEMO: "0" };
  const portal = process.env.BENCH_CPU_PROF ? await startProfiledPortal(dataDir, portalEnv, process.env.BENCH_CPU_PROF) : await startPortal({ dataDir, env: portalEnv });
  const relay = await startRelayProcess();
  const counter = await persistedCounter(dataDir)();
  try {
    await seedRelay(relay.port, await seedStates(new Map([...prepared.layout.single, ...prepared.layout.many])));
    const ws = portal.baseURL.replace("http", "ws");
    const scenarios = [
      { name: "1 document", layout: prepared.layout.single },
      { name: `${settings.documents} documenten`, layout: prepared.layout.many },
    ];
    for (const s of scenarios) {
      const roomOf = new Map<number, string>();
      for (const [room, ids] of s.layout) for (const id of ids) roomOf.set(id, room);
      const ids = [...roomOf.keys()].sort((a, b) => a - b);
      const ours = await LoadGroup.connect(
        ids.map((id) => ({ id, url: `${ws}/collab/${roomOf.get(id)!.slice(4)}`, cookie: prepared.cookies[id - 1] })),
        { rate: settings.ratePerSecond, workers: settings.workers, apply: settings.clientsApplyUpdates },
      );
      const ref = await LoadGroup.connect(
        ids.map((id) => ({ id, url: `ws://127.0.0.1:${relay.port}/${roomOf.get(id)}` })),
        { rate: settings.ratePerSecond, workers: settings.workers, apply: settings.clientsApplyUpdates },
      );
      // Alternate rounds (ours, reference, ours, ...) so background load hits both alike.
      const roundMs = (settings.seconds * 1000) / settings.rounds;
      const oursRounds: RoundMetrics[] = [];
      const refRounds: RoundMetrics[] = [];
      for (let r = 0; r < settings.rounds; r++) {
        log(`${s.name}: round ${r + 1}/${settings.rounds}, ketenportaal`);
        oursRounds.push(await measureRound(ours, roundMs, portal.process.pid!, counter));
        log(`${s.name}: round ${r + 1}/${settings.rounds}, reference relay`);
        refRounds.push(await measureRound(ref, roundMs, relay.child.pid!));
      }
      results.push({ target: "ketenportaal", scenario: s.name, documents: s.layout.size, ...summarise(ours, oursRounds, settings.seconds) });
      results.push({ target: "reference", scenario: s.name, documents: s.layout.size, ...summarise(ref, refRounds, settings.seconds) });
      await ours.close();
      await ref.close();
    }
  } finally {
    relay.child.kill("SIGTERM");
    await portal.stop();
    if (process.env.BENCH_SERVER_LOG === "1") console.log(portal.output());
    fs.rmSync(dataDir, { recursive: true, force: true });
  }

  const ratios = [...new Set(results.map((r) => r.scenario))].map((scenario) => {
    const o = results.find((r) => r.target === "ketenportaal" && r.scenario === scenario)!;
    const f = results.find((r) => r.target === "reference" && r.scenario === scenario)!;
    const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
    return { scenario, p50: ratio(o.latencyMs.p50, f.latencyMs.p50), p95: ratio(o.latencyMs.p95, f.latencyMs.p95), p99: ratio(o.latencyMs.p99, f.latencyMs.p99) };
  });
  const result: CollabBenchResult = { machine, settings, results, ratios, targets: { p95Ms: 25, ratio: 1.5 } };
  console.log(formatCollabBench(result));
  return result;
}

export function formatCollabBench(r: CollabBenchResult): string {
  const lines = [
    `Collaboration benchmark: ${r.settings.clients} clients × ${r.settings.ratePerSecond} updates/s × ${r.settings.seconds} s per target (${r.settings.rounds} alternating rounds), ${r.settings.workers} load threads, receivers ${r.settings.clientsApplyUpdates ? "integrate" : "decode"} updates (${r.machine.cpus} CPUs, load ${r.machine.loadAvgAtStart.join("/")}, node ${r.machine.node})`,
    "",
    "| target | scenario | p50 ms | p95 ms | p99 ms | max ms | receipts/expected | updates sent | persisted/s | server RSS MB (start→peak) | server CPU % |",
    "|---|---|---|---|---|---|---|---|---|---|---|",
    ...r.results.map(
      (x) =>
        `| ${x.target} | ${x.scenario} | ${x.latencyMs.p50} | ${x.latencyMs.p95} | ${x.latencyMs.p99} | ${x.latencyMs.max} | ${x.receipts}/${x.expectedReceipts} | ${x.updatesSent} | ${x.updatesPersistedPerSecond ?? "–"} | ${x.serverRssMb.start}→${x.serverRssMb.peak} | ${x.serverCpuPercent} |`,
    ),
    "",
    "Ratio ketenportaal / reference relay:",
    ...r.ratios.map((x) => `- ${x.scenario}: p50 ×${x.p50}, p95 ×${x.p95}, p99 ×${x.p99} (target p95 ≤ ${r.targets.p95Ms} ms at one document, ratio ≤ ${r.targets.ratio})`),
  ];
  return lines.join("\n");
}

const direct = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (direct) {
  runCollabBench()
    .then((r) => {
      const out = path.join(os.tmpdir(), `kp-collab-bench-${Date.now()}.json`);
      fs.writeFileSync(out, JSON.stringify(r, null, 2));
      console.log(`\nJSON: ${out}`);
      process.exit(0);
    })
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}
