// Collaboration benchmark: headless y-websocket clients typing ~R updates/s each, in
// scenarios of clients/documents@rate, against (1) the real portal server (auth, SQLite
// persistence before broadcast, derived forms, compaction), (2) Hocuspocus 4.7 with its
// SQLite extension (tests/bench/hocuspocus-server.ts, debounced store) and (3) a bare
// y-websocket relay (tests/bench/reference-relay.ts). Rounds alternate between the targets.
// Reports send → receipt latency at every other client (p50/p95/p99), server RSS and CPU,
// RSS per open room, and at the end of every round how many of the updates sent so far are
// on disk for each target (decoded from what the target stored).
//
//   npx tsx tests/bench/collab.ts            (needs a production build: npm run build, or KP_BUILD_DIR)
//   BENCH_SCENARIOS="50/1@5,50/20@5" (default; add 1500/500@1 for the large one, or
//   `npm run bench -- collab --large`), BENCH_SECONDS=30 per target and scenario,
//   BENCH_WORKERS=2 BENCH_ROUNDS=3, BENCH_CLIENT_APPLY=1 (receivers integrate updates),
//   BENCH_SERVER_LOG=1 (print server output), BENCH_CPU_PROF=<dir> (portal under --cpu-prof)
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
type WorkerInput = { clients: Array<{ id: number; url: string; cookie?: string; hocuspocus?: string }>; ratePerSecond: number; durationMs: number; apply: boolean };
export type Target = "ketenportaal" | "hocuspocus" | "relay";
const TARGETS: Target[] = ["ketenportaal", "hocuspocus", "relay"];

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export type Percentiles = { p50: number; p95: number; p99: number; max: number; samples: number };
export type ScenarioResult = {
  target: Target;
  scenario: string;
  clients: number;
  documents: number;
  seconds: number;
  updatesSent: number;
  receipts: number;
  expectedReceipts: number;
  latencyMs: Percentiles;
  /** After each round: updates this target was sent in this scenario so far, and how many of them are on disk. */
  onDisk: Array<{ round: number; sent: number; onDisk: number | null }>;
  serverRssMb: { start: number; peak: number };
  /** Server RSS growth when the scenario's clients connected, per open room. */
  rssPerRoomKb: number;
  serverCpuPercent: number;
};
export type Scenario = { clients: number; documents: number; rate: number };
export type CollabBenchResult = {
  machine: { cpus: number; loadAvgAtStart: number[]; node: string };
  settings: { scenarios: Scenario[]; seconds: number; workers: number; clientsApplyUpdates: boolean; rounds: number };
  results: ScenarioResult[];
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
export class LoadGroup {
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


type RoundMetrics = { done: Done[]; wall: number; cpuTicks: number; rssStart: number; rssPeak: number };

async function measureRound(group: LoadGroup, durationMs: number, pid: number): Promise<RoundMetrics> {
  const rssStart = rssMb(pid);
  let rssPeak = rssStart;
  const cpuBefore = cpuTicks(pid);
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssMb(pid))), 500);
  const t0 = Date.now();
  const done = await group.round(durationMs);
  const wall = (Date.now() - t0) / 1000;
  clearInterval(sampler);
  return { done, wall, cpuTicks: cpuTicks(pid) - cpuBefore, rssStart, rssPeak };
}

function sentIn(r: RoundMetrics): number {
  return r.done.reduce((n, d) => n + Object.values(d.sentBy).reduce((a, b) => a + b, 0), 0);
}

function summarise(group: LoadGroup, rounds: RoundMetrics[], seconds: number): Omit<ScenarioResult, "target" | "scenario" | "documents" | "onDisk" | "rssPerRoomKb"> {
  const all: Float64Array[] = rounds.flatMap((r) => r.done.map((d) => d.latencies));
  const merged = new Float64Array(all.reduce((n, a) => n + a.length, 0));
  let offset = 0;
  for (const a of all) {
    merged.set(a, offset);
    offset += a.length;
  }
  const roomSize = new Map<string, number>();
  for (const c of group.clients) roomSize.set(c.url + (c.hocuspocus ?? ""), (roomSize.get(c.url + (c.hocuspocus ?? "")) ?? 0) + 1);
  let sent = 0;
  let expected = 0;
  for (const r of rounds) {
    const sentBy = Object.assign({}, ...r.done.map((d) => d.sentBy)) as Record<number, number>;
    for (const c of group.clients) {
      sent += sentBy[c.id] ?? 0;
      expected += (sentBy[c.id] ?? 0) * ((roomSize.get(c.url + (c.hocuspocus ?? "")) ?? 1) - 1);
    }
  }
  const wall = rounds.reduce((n, r) => n + r.wall, 0);
  return {
    clients: group.clients.length,
    seconds,
    updatesSent: sent,
    receipts: rounds.reduce((n, r) => n + r.done.reduce((m, d) => m + d.received, 0), 0),
    expectedReceipts: expected,
    latencyMs: percentiles(merged),
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


type Layout = Map<string, number[]>;

/** Clients 1..n spread round robin over `documents` rooms. */
function layoutFor(rooms: string[], clients: number): Layout {
  const layout: Layout = new Map(rooms.map((r) => [r, []]));
  for (let c = 1; c <= clients; c++) layout.get(rooms[(c - 1) % rooms.length])!.push(c);
  return layout;
}

export async function prepareKetenportaal(dataDir: string, scenarios: Scenario[]) {
  process.env.DATA_DIR = dataDir;
  process.env.NODE_ENV = "production";
  const { getDb, closeDb } = await import("~/db/client.server");
  const { seedDemoIfEmpty } = await import("~/domain/seed/index.server");
  const { loadActorByEmail } = await import("~/domain/actor.server");
  const { createSession } = await import("~/domain/auth.server");
  const { createDocument } = await import("~/domain/documents/documents.server");
  const { appendUpdate } = await import("~/collab/persistence.server");
  getDb();
  await seedDemoIfEmpty();
  const owner = loadActorByEmail("regisseur.participatie@zaanstad.example")!;
  let n = 0;
  const layouts = scenarios.map((s) => {
    const rooms = Array.from({ length: s.documents }, () => `doc-${createDocument({ actor: owner, title: `Benchmark ${n++}`, kind: "overig", ketenId: owner.regisseurOfKetenIds[0], summary: "" }).id}`);
    return layoutFor(rooms, s.clients);
  });
  const seeds = await seedStates(new Map(layouts.flatMap((l) => [...l])));
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
  const maxClients = Math.max(...scenarios.map((s) => s.clients));
  const actors = writers.map((w) => loadActorByEmail(w)!);
  const cookies = Array.from({ length: maxClients }, (_, i) => `kp_session=${createSession(actors[i % actors.length].id).id}`);
  closeDb();
  return { cookies, layouts, seeds };
}

const MARK = /~\d+:\d+:\d+\.\d{3}~/g;
/**
 * Distinct typing bursts ("~client:seq:time~", seq restarts every round, the time makes it
 * unique) in stored Yjs data: the inserted text is plain UTF-8 inside it.
 */
function countMarkers(blobs: Iterable<Buffer>): number {
  const seen = new Set<string>();
  for (const b of blobs) for (const m of b.toString("latin1").matchAll(MARK)) seen.add(m[0]);
  return seen.size;
}

/** What each target has on disk for a set of rooms, counted from its own storage. */
async function diskCounters(portalDb: string, hocuspocusDb: string) {
  const { default: Database } = await import("better-sqlite3");
  const read = <T>(file: string, fn: (db: InstanceType<typeof Database>) => T): T => {
    const db = new Database(file, { readonly: true, timeout: 5000 });
    try {
      return fn(db);
    } finally {
      db.close();
    }
  };
  const placeholders = (n: number) => Array.from({ length: n }, () => "?").join(",");
  return {
    ketenportaal: (rooms: string[]) =>
      read(portalDb, (db) => countMarkers((db.prepare(`select "update" as u from y_updates where room in (${placeholders(rooms.length)})`).all(...rooms) as Array<{ u: Buffer }>).map((r) => r.u))),
    hocuspocus: (rooms: string[]) =>
      read(hocuspocusDb, (db) => countMarkers((db.prepare(`select data from documents where name in (${placeholders(rooms.length)})`).all(...rooms) as Array<{ data: Buffer }>).map((r) => r.data))),
    relay: () => null,
  } satisfies Record<Target, (rooms: string[]) => number | null>;
}

/** Hocuspocus' SQLite file, with every room already holding the same starting document as ours. */
async function prepareHocuspocusDb(file: string, seeds: Map<string, Uint8Array>): Promise<void> {
  const { default: Database } = await import("better-sqlite3");
  const { schema } = await import("@hocuspocus/extension-sqlite");
  const db = new Database(file);
  db.exec(schema);
  const insert = db.prepare(`insert into documents (name, data) values (?, ?)`);
  db.transaction(() => {
    for (const [room, state] of seeds) insert.run(room, Buffer.from(state));
  })();
  db.close();
}

function startChild(script: string, args: string[], pattern: RegExp): Promise<{ port: number; child: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(root, script), ...args], { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout!.on("data", (d) => {
      out += d.toString();
      const m = pattern.exec(out);
      if (m) resolve({ port: Number(m[1]), child });
    });
    child.on("exit", (code) => reject(new Error(`${script} exited ${code}`)));
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
  fs.rmSync(path.join(dataDir, "portal.pid"), { force: true });
  const child = spawn(process.execPath, ["--cpu-prof", `--cpu-prof-dir=${profileDir}`, path.join(root, "scripts/start.mjs")], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", KP_SKIP_BUILD: "1", DATA_DIR: dataDir, PORT: "0", HOST: "127.0.0.1", ...extraEnv },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stderr!.on("data", (d) => (out += d.toString()));
  child.stdout!.on("data", (d) => (out += d.toString()));
  const { announcedPort } = await import("../support/portal");
  const port = await announcedPort(child, dataDir, () => out, 120_000);
  return {
    baseURL: `http://127.0.0.1:${port}`,
    process: child,
    output: () => out,
    stop: () => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : (child.once("exit", () => resolve()), child.kill("SIGTERM")))),
  };
}


// ------------------------------------------------------------------ main

export function parseScenarios(spec: string): Scenario[] {
  return spec
    .split(",")
    .filter(Boolean)
    .map((part) => {
      const m = /^(\d+)\/(\d+)(?:@(\d+(?:\.\d+)?))?$/.exec(part.trim());
      if (!m) throw new Error(`scenario "${part}": expected clients/documents@rate, e.g. 50/20@5`);
      return { clients: Number(m[1]), documents: Number(m[2]), rate: Number(m[3] ?? 1) };
    });
}

export const DEFAULT_SCENARIOS = "50/1@5,50/20@5";
export const LARGE_SCENARIO = "1500/500@1";

export async function runCollabBench(opts: Partial<CollabBenchResult["settings"]> = {}): Promise<CollabBenchResult> {
  const large = process.argv.includes("--large");
  const settings = {
    scenarios: opts.scenarios ?? parseScenarios(process.env.BENCH_SCENARIOS ?? (large ? `${DEFAULT_SCENARIOS},${LARGE_SCENARIO}` : DEFAULT_SCENARIOS)),
    seconds: opts.seconds ?? Number(process.env.BENCH_SECONDS ?? 30),
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
  const prepared = await prepareKetenportaal(dataDir, settings.scenarios);
  const hocuspocusDb = path.join(dataDir, "hocuspocus.sqlite");
  await prepareHocuspocusDb(hocuspocusDb, prepared.seeds);
  const { startPortal } = await import("../support/portal");
  const portalEnv = { SCHEDULER_INTERVAL_MS: "600000", SEED_DEMO: "0", LOG_LEVEL: "warn" };
  const portal = process.env.BENCH_CPU_PROF ? await startProfiledPortal(dataDir, portalEnv, process.env.BENCH_CPU_PROF) : await startPortal({ dataDir, env: portalEnv });
  const relay = await startChild("tests/bench/reference-relay.ts", [], /relay listening on (\d+)/);
  const hocuspocus = await startChild("tests/bench/hocuspocus-server.ts", [hocuspocusDb], /hocuspocus listening on (\d+)/);
  const disk = await diskCounters(path.join(dataDir, "ketenportaal.db"), hocuspocusDb);
  const pids: Record<Target, number> = { ketenportaal: portal.process.pid!, hocuspocus: hocuspocus.child.pid!, relay: relay.child.pid! };
  try {
    await seedRelay(relay.port, prepared.seeds);
    const ws = portal.baseURL.replace("http", "ws");
    for (const [si, sc] of settings.scenarios.entries()) {
      const layout = prepared.layouts[si];
      const name = `${sc.clients}/${sc.documents}@${sc.rate}`;
      const roomOf = new Map<number, string>();
      for (const [room, ids] of layout) for (const id of ids) roomOf.set(id, room);
      const ids = [...roomOf.keys()].sort((a, b) => a - b);
      const specs: Record<Target, (id: number) => WorkerInput["clients"][number]> = {
        ketenportaal: (id) => ({ id, url: `${ws}/collab/${roomOf.get(id)!.slice(4)}`, cookie: prepared.cookies[id - 1] }),
        hocuspocus: (id) => ({ id, url: `ws://127.0.0.1:${hocuspocus.port}`, hocuspocus: roomOf.get(id)! }),
        relay: (id) => ({ id, url: `ws://127.0.0.1:${relay.port}/${roomOf.get(id)}` }),
      };
      const groups = {} as Record<Target, LoadGroup>;
      const perRoom = {} as Record<Target, number>;
      for (const t of TARGETS) {
        const before = rssMb(pids[t]);
        groups[t] = await LoadGroup.connect(ids.map(specs[t]), { rate: sc.rate, workers: settings.workers, apply: settings.clientsApplyUpdates });
        await new Promise((r) => setTimeout(r, 1000));
        perRoom[t] = Math.round(((rssMb(pids[t]) - before) * 1024) / sc.documents);
      }
      // Alternate rounds (ours, Hocuspocus, relay, ours, ...) so background load hits all alike.
      const roundMs = (settings.seconds * 1000) / settings.rounds;
      const rounds = Object.fromEntries(TARGETS.map((t) => [t, [] as RoundMetrics[]])) as Record<Target, RoundMetrics[]>;
      const onDisk = Object.fromEntries(TARGETS.map((t) => [t, [] as ScenarioResult["onDisk"]])) as Record<Target, ScenarioResult["onDisk"]>;
      const rooms = [...layout.keys()];
      for (let r = 0; r < settings.rounds; r++) {
        for (const t of TARGETS) {
          log(`${name}: round ${r + 1}/${settings.rounds}, ${t}`);
          rounds[t].push(await measureRound(groups[t], roundMs, pids[t]));
          // At the end of the round (1.5 s after the last send): what is on disk now.
          const entry = { round: r + 1, sent: rounds[t].reduce((n, x) => n + sentIn(x), 0), onDisk: disk[t](rooms) };
          onDisk[t].push(entry);
          log(`${name}: ${t} round ${r + 1}: ${entry.onDisk ?? "–"} of ${entry.sent} sent updates on disk`);
        }
      }
      for (const t of TARGETS) {
        results.push({ target: t, scenario: name, documents: sc.documents, onDisk: onDisk[t], rssPerRoomKb: perRoom[t], ...summarise(groups[t], rounds[t], settings.seconds) });
        await groups[t].close();
      }
    }
  } finally {
    // Hocuspocus stores its debounced documents on SIGTERM: wait for it before removing its file.
    const exited = (c: ChildProcess) => new Promise<void>((r) => (c.exitCode !== null ? r() : c.once("exit", () => r())));
    relay.child.kill("SIGTERM");
    hocuspocus.child.kill("SIGTERM");
    await Promise.all([exited(relay.child), exited(hocuspocus.child), portal.stop()]);
    if (process.env.BENCH_SERVER_LOG === "1") console.log(portal.output());
    fs.rmSync(dataDir, { recursive: true, force: true });
  }

  const result: CollabBenchResult = { machine, settings, results };
  console.log(formatCollabBench(result));
  return result;
}

export function formatCollabBench(r: CollabBenchResult): string {
  const lines = [
    `Collaboration benchmark: ${r.settings.seconds} s per target and scenario (${r.settings.rounds} alternating rounds), ${r.settings.workers} load threads, receivers ${r.settings.clientsApplyUpdates ? "integrate" : "decode"} updates (${r.machine.cpus} CPUs, load ${r.machine.loadAvgAtStart.join("/")}, node ${r.machine.node})`,
    "",
    "| target | clients/docs@rate | p50 ms | p95 ms | p99 ms | max ms | receipts/expected | sent | on disk after each round | RSS MB (start→peak) | RSS per open room KB | CPU % |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ...r.results.map(
      (x) =>
        `| ${x.target} | ${x.scenario} | ${x.latencyMs.p50} | ${x.latencyMs.p95} | ${x.latencyMs.p99} | ${x.latencyMs.max} | ${x.receipts}/${x.expectedReceipts} | ${x.updatesSent} | ${x.onDisk.map((d) => (d.onDisk === null ? "none stored" : `${d.onDisk}/${d.sent}`)).join(", ")} | ${x.serverRssMb.start}→${x.serverRssMb.peak} | ${x.rssPerRoomKb} | ${x.serverCpuPercent} |`,
    ),
    "",
    "Ratio ketenportaal / hocuspocus (target p95 ≤ ×1, p99 ≤ 50 ms at 1500/500):",
    ...[...new Set(r.results.map((x) => x.scenario))].map((sc) => {
      const o = r.results.find((x) => x.target === "ketenportaal" && x.scenario === sc)!;
      const h = r.results.find((x) => x.target === "hocuspocus" && x.scenario === sc)!;
      const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
      return `- ${sc}: p50 ×${ratio(o.latencyMs.p50, h.latencyMs.p50)}, p95 ×${ratio(o.latencyMs.p95, h.latencyMs.p95)}, p99 ×${ratio(o.latencyMs.p99, h.latencyMs.p99)}`;
    }),
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
