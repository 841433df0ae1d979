// `npm run docker:replay`: replay the Dockerfile's stages without a Docker engine, so a file the
// runtime stage forgets to COPY fails CI instead of the first real deployment.
//
// The Dockerfile is parsed, not paraphrased: each stage's WORKDIR, COPY, RUN, ENV and USER are
// read from it. Build stages run their RUN lines in a folder of their own (apt-get lines are
// skipped: system packages come from this machine). The runtime stage starts from an EMPTY
// folder that receives exactly what its `COPY --from=` lines name; it is then started with the
// runtime ENV (PORT/HOST/VOLUME paths pointed at this machine) as an unprivileged user, and
// must answer GET /healthz and accept a demo login.
//
// Input is the committed HEAD (git archive), like a fresh clone. Like Docker's layer cache, a RUN
// whose inputs (the instructions so far and the files COPYed before it) are unchanged is taken
// from a cache folder (KP_REPLAY_CACHE, default ~/.cache/kp-docker-replay; --no-cache to skip):
// the dependency stage (npm ci, which compiles better-sqlite3) only reruns when package.json or
// the lock changes. The npm cache is reused too (prefer-offline).
import { execFileSync, spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const started = Date.now();
const keep = process.argv.includes("--keep");
const useCache = !process.argv.includes("--no-cache");
const cacheRoot = process.env.KP_REPLAY_CACHE || path.join(os.homedir(), ".cache", "kp-docker-replay");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "kp-docker-replay-"));
fs.chmodSync(work, 0o755); // the unprivileged runtime user must be able to reach the app folder
const log = (m) => console.log(`[docker-replay ${((Date.now() - started) / 1000).toFixed(1)} s] ${m}`);

function fail(message) {
  console.error(`docker-replay: FAILED: ${message}`);
  cleanup();
  process.exit(1);
}

function cleanup() {
  if (keep) return log(`kept ${work}`);
  // Removing ~1 GB of stage folders takes minutes on a busy disk; CI need not wait for it.
  spawn("rm", ["-rf", work], { detached: true, stdio: "ignore" }).unref();
}

// ---- Parse the Dockerfile into stages -------------------------------------------------------
/** Join continuation lines, drop comments, split into [instruction, rest]. */
export function parseDockerfile(text) {
  const lines = [];
  let acc = "";
  for (const raw of text.split("\n")) {
    const line = raw.trimEnd();
    if (!acc && /^\s*#/.test(line)) continue;
    if (line.endsWith("\\")) {
      acc += line.slice(0, -1) + " ";
      continue;
    }
    acc += line;
    if (acc.trim()) lines.push(acc.trim());
    acc = "";
  }
  const stages = [];
  for (const line of lines) {
    const m = line.match(/^(\w+)\s+(.*)$/);
    if (!m) continue;
    const [, instr, rest] = [m[0], m[1].toUpperCase(), m[2]];
    if (instr === "FROM") {
      const f = rest.match(/^(\S+)(?:\s+AS\s+(\S+))?$/i);
      stages.push({ base: f[1], name: f[2] ?? String(stages.length), steps: [] });
    } else if (stages.length) {
      stages.at(-1).steps.push({ instr, rest });
    }
  }
  return stages;
}

/** ENV a=b c=d (the key=value form, with optional quotes). */
function parseEnv(rest) {
  const out = {};
  for (const m of rest.matchAll(/(\w+)=("([^"]*)"|'([^']*)'|(\S*))/g)) out[m[1]] = m[3] ?? m[4] ?? m[5] ?? "";
  return out;
}

/** COPY [--from=x] [--chown=..] src... dest, shell or JSON form. */
function parseCopy(rest) {
  const flags = {};
  let args = rest;
  for (;;) {
    const f = args.match(/^--(\w+)=(\S+)\s+/);
    if (!f) break;
    flags[f[1]] = f[2];
    args = args.slice(f[0].length);
  }
  const parts = args.trim().startsWith("[") ? JSON.parse(args) : args.trim().split(/\s+/);
  return { from: flags.from, srcs: parts.slice(0, -1), dest: parts.at(-1) };
}

/** Map an image path (absolute, or relative to WORKDIR) to a folder on this machine. */
function hostPath(stage, p) {
  const abs = path.posix.isAbsolute(p) ? p : path.posix.join(stage.workdir, p);
  if (!abs.startsWith(stage.workdir)) fail(`stage ${stage.name}: path ${p} lies outside WORKDIR ${stage.workdir}; the replay cannot map it`);
  return path.join(stage.dir, path.posix.relative(stage.workdir, abs));
}

function copyInto(srcAbs, destAbs, destIsDir) {
  if (!fs.existsSync(srcAbs)) return false;
  const stat = fs.statSync(srcAbs);
  const target = stat.isDirectory() ? destAbs : destIsDir ? path.join(destAbs, path.basename(srcAbs)) : destAbs;
  fs.mkdirSync(stat.isDirectory() ? target : path.dirname(target), { recursive: true });
  // cp -a keeps modes and symlinks (node_modules/.bin) and is much faster than fs.cpSync here.
  execFileSync("cp", ["-a", stat.isDirectory() ? `${srcAbs}/.` : srcAbs, target]);
  return true;
}

/** sha256 of a file or folder tree (names and contents), for the layer cache key. */
function hashPath(p, h = crypto.createHash("sha256")) {
  const st = fs.lstatSync(p);
  if (st.isDirectory()) {
    for (const name of fs.readdirSync(p).sort()) {
      h.update(`\0${name}\0`);
      hashPath(path.join(p, name), h);
    }
  } else if (st.isSymbolicLink()) h.update(fs.readlinkSync(p));
  else h.update(fs.readFileSync(p));
  return h;
}

/** The build context: HEAD as a fresh clone has it, minus what .dockerignore names. */
function makeContext() {
  const ctx = path.join(work, "context");
  fs.mkdirSync(ctx);
  const archive = spawnSync("git", ["archive", "--format=tar", "HEAD"], { cwd: root, maxBuffer: 1 << 30 });
  if (archive.status !== 0) fail(`git archive: ${archive.stderr}`);
  const untar = spawnSync("tar", ["-x", "-C", ctx], { input: archive.stdout });
  if (untar.status !== 0) fail(`tar: ${untar.stderr}`);
  const ignore = path.join(ctx, ".dockerignore");
  if (fs.existsSync(ignore)) {
    for (const pattern of fs.readFileSync(ignore, "utf8").split("\n").map((l) => l.trim())) {
      if (!pattern || pattern.startsWith("#") || pattern.startsWith("!")) continue;
      for (const name of fs.readdirSync(ctx)) {
        if (globToRegExp(pattern.replace(/^\/|\/$/g, "")).test(name)) fs.rmSync(path.join(ctx, name), { recursive: true, force: true });
      }
    }
  }
  return ctx;
}

/** .dockerignore patterns at the top level: `*` and `?` wildcards. */
function globToRegExp(glob) {
  return new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*").replace(/\?/g, "[^/]")}$`);
}

function runtimeUser() {
  if (process.getuid?.() !== 0) return { uid: process.getuid?.(), gid: process.getgid?.(), label: `current user (uid ${process.getuid?.()})` };
  const passwd = fs.readFileSync("/etc/passwd", "utf8").split("\n").map((l) => l.split(":"));
  const pick = passwd.find((p) => p[0] === "node") ?? passwd.find((p) => p[0] === "nobody");
  if (!pick) fail("running as root and neither a `node` nor a `nobody` user exists to drop privileges to");
  return { uid: Number(pick[2]), gid: Number(pick[3]), label: `${pick[0]} (uid ${pick[2]})` };
}

async function waitForPort(child, out) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`runtime did not start in 90 s:\n${out()}`)), 90_000);
    const check = () => {
      const m = out().match(/draait op http:\/\/[^:]+:(\d+)/);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout.on("data", check);
    child.stderr.on("data", check);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`runtime exited with ${code}:\n${out()}`));
    });
  });
}

function cookieJar() {
  const jar = new Map();
  return {
    take(res) {
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(";");
        const i = pair.indexOf("=");
        jar.set(pair.slice(0, i), pair.slice(i + 1));
      }
    },
    get: (k) => jar.get(k),
    header: () => [...jar].map(([k, v]) => `${k}=${v}`).join("; "),
  };
}

async function smokeTest(base) {
  const health = await fetch(`${base}/healthz`);
  const body = await health.text();
  if (health.status !== 200) fail(`/healthz answered ${health.status}: ${body}`);
  log(`GET /healthz → ${health.status} ${body}`);
  const jar = cookieJar();
  const page = await fetch(`${base}/login`);
  jar.take(page);
  const html = await page.text();
  if (page.status !== 200) fail(`/login answered ${page.status}`);
  if (!jar.get("kp_csrf")) fail("/login set no CSRF cookie");
  // The form token is bound to the (pre-)session cookie: read it from the page.
  const csrf = /name="csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!csrf) fail("/login carries no CSRF token");
  // The login page must load its own client bundle from the copied build.
  const asset = html.match(/\/assets\/[^"]+\.js/);
  if (!asset) fail("the login page names no /assets/*.js (client build missing?)");
  const assetRes = await fetch(`${base}${asset[0]}`);
  if (assetRes.status !== 200) fail(`${asset[0]} answered ${assetRes.status}`);
  const form = new URLSearchParams({ csrf, email: "regisseur.participatie@zaanstad.example", password: "demo", redirectTo: "/wijzigingen" });
  const login = await fetch(`${base}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header(), origin: base },
    body: form,
  });
  jar.take(login);
  if (login.status !== 302 || !jar.get("kp_session")) fail(`login answered ${login.status} without a session: ${(await login.text()).slice(0, 300)}`);
  // A regisseur (a beheerder would need the second factor); a page that reads the database.
  const after = await fetch(`${base}/wijzigingen`, { headers: { cookie: jar.header() }, redirect: "manual" });
  if (after.status !== 200) fail(`/wijzigingen after login answered ${after.status}`);
  log(`login as regisseur.participatie@zaanstad.example → ${login.status}, /wijzigingen → ${after.status}`);
}

async function main() {
  const dockerfile = fs.readFileSync(path.join(root, "Dockerfile"), "utf8");
  const stages = parseDockerfile(dockerfile);
  if (stages.length < 2) fail("expected a multi-stage Dockerfile");
  const byName = new Map();
  const context = makeContext();
  log(`context: git archive HEAD (${execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root }).toString().trim()})`);
  const runtime = stages.at(-1);

  for (const stage of stages) {
    const parent = byName.get(stage.base);
    stage.dir = path.join(work, `stage-${stage.name}`);
    stage.env = { ...(parent?.env ?? {}) };
    stage.workdir = parent?.workdir ?? "/";
    stage.user = parent?.user ?? "root";
    stage.volumes = [];
    // The cache key chain, as Docker's: base image, then each instruction and what it copies.
    // Node's version is part of the key: npm ci compiles native modules against it.
    stage.key = parent ? parent.key : crypto.createHash("sha256").update(`FROM ${stage.base} node ${process.version} ${process.arch}`).digest("hex");
    if (parent) execFileSync("cp", ["-al", parent.dir, stage.dir]); // hard links: FROM <stage> costs no copy
    else fs.mkdirSync(stage.dir);
    fs.chmodSync(stage.dir, 0o755);
    byName.set(stage.name, stage);
    const isRuntime = stage === runtime;
    log(`stage ${stage.name} (FROM ${stage.base})`);

    for (const { instr, rest } of stage.steps) {
      if (instr === "WORKDIR") {
        // Every stage maps its first WORKDIR to its own folder; nested WORKDIRs become subfolders.
        if (stage.workdir === "/") stage.workdir = rest;
        else fs.mkdirSync(hostPath(stage, rest), { recursive: true });
      } else if (instr === "ENV") {
        Object.assign(stage.env, parseEnv(rest));
      } else if (instr === "USER") {
        stage.user = rest;
      } else if (instr === "VOLUME") {
        stage.volumes.push(...(rest.trim().startsWith("[") ? JSON.parse(rest) : rest.split(/\s+/)));
      } else if (instr === "COPY") {
        const c = parseCopy(rest);
        const from = c.from ? byName.get(c.from) : null;
        if (c.from && !from) fail(`COPY --from=${c.from}: no such stage`);
        const destAbs = hostPath(stage, c.dest);
        const destIsDir = c.dest.endsWith("/") || c.srcs.length > 1 || c.dest === ".";
        const h = crypto.createHash("sha256").update(`${stage.key}\nCOPY ${rest}`);
        for (const src of c.srcs) {
          const srcAbs = from ? hostPath(from, src) : path.join(context, src);
          // Hashing all of `COPY . .` costs more than it saves: the chain stops being cacheable.
          if (stage.key && !from && src !== "." && fs.existsSync(srcAbs)) hashPath(srcAbs, h);
          else stage.key = null;
          if (!copyInto(srcAbs, destAbs, destIsDir)) fail(`stage ${stage.name}: COPY ${c.from ? `--from=${c.from} ` : ""}${src}: not found in ${from ? `stage ${c.from}` : "the build context"}`);
        }
        if (stage.key) stage.key = h.digest("hex");
        log(`  COPY ${rest}`);
      } else if (instr === "RUN") {
        if (/^\s*apt-get\b/.test(rest)) {
          log(`  RUN ${rest.slice(0, 60)}… (skipped: system packages come from this machine)`);
          continue;
        }
        if (isRuntime) {
          // Runtime RUN lines prepare image paths (the data volume); the replay creates those itself.
          log(`  RUN ${rest} (replayed as: volume folders owned by the runtime user)`);
          continue;
        }
        const t = Date.now();
        if (stage.key) stage.key = crypto.createHash("sha256").update(`${stage.key}\nRUN ${rest}`).digest("hex");
        const cached = stage.key && useCache ? path.join(cacheRoot, stage.key) : null;
        if (cached && fs.existsSync(path.join(cached, ".complete"))) {
          fs.rmSync(stage.dir, { recursive: true, force: true });
          execFileSync("cp", ["-al", cached, stage.dir]);
          fs.rmSync(path.join(stage.dir, ".complete"));
          log(`  RUN ${rest} (layer cache ${stage.key.slice(0, 12)}, ${((Date.now() - t) / 1000).toFixed(1)} s)`);
          continue;
        }
        log(`  RUN ${rest}`);
        const r = spawnSync("sh", ["-c", rest], {
          cwd: hostPath(stage, "."),
          stdio: "inherit",
          env: { ...process.env, ...stage.env, npm_config_prefer_offline: "true", npm_config_update_notifier: "false" },
        });
        if (r.status !== 0) fail(`stage ${stage.name}: RUN ${rest} exited with ${r.status ?? r.signal}`);
        log(`  … ${((Date.now() - t) / 1000).toFixed(1)} s`);
        if (cached) {
          // Store the layer; older layers of the same Dockerfile line are superseded.
          fs.mkdirSync(cacheRoot, { recursive: true });
          for (const old of fs.readdirSync(cacheRoot)) {
            const f = path.join(cacheRoot, old, ".complete");
            if (old !== stage.key && fs.existsSync(f) && fs.readFileSync(f, "utf8") === `${rest}\n`) fs.rmSync(path.join(cacheRoot, old), { recursive: true, force: true });
          }
          const tmpLayer = `${cached}.partial`;
          fs.rmSync(tmpLayer, { recursive: true, force: true });
          execFileSync("cp", ["-a", stage.dir, tmpLayer]);
          fs.writeFileSync(path.join(tmpLayer, ".complete"), `${rest}\n`);
          fs.renameSync(tmpLayer, cached);
        }
      }
    }
  }

  // ---- Start the runtime stage -----------------------------------------------------------
  const cmdStep = runtime.steps.filter((s) => s.instr === "CMD").at(-1);
  if (!cmdStep) fail("the runtime stage has no CMD");
  const cmd = cmdStep.rest.trim().startsWith("[") ? JSON.parse(cmdStep.rest) : ["sh", "-c", cmdStep.rest];
  const user = runtime.user === "root" ? { uid: process.getuid?.(), gid: process.getgid?.(), label: "root (as the Dockerfile says)" } : runtimeUser();
  const env = { ...runtime.env };
  for (const vol of runtime.volumes) {
    const host = path.join(work, `volume${vol.replaceAll("/", "-")}`);
    fs.mkdirSync(host, { recursive: true });
    if (process.getuid?.() === 0) fs.chownSync(host, user.uid, user.gid);
    for (const [k, v] of Object.entries(env)) if (v === vol) env[k] = host;
  }
  // Only what must differ on a shared machine: a free port on loopback.
  env.PORT = "0";
  env.HOST = "127.0.0.1";
  const appDir = hostPath(runtime, ".");
  const bin = cmd[0] === "node" ? process.execPath : cmd[0];
  log(`start: ${cmd.join(" ")} in the runtime folder as ${user.label} with ${Object.keys(runtime.env).join(", ")}`);
  let out = "";
  const child = spawn(bin, cmd.slice(1), {
    cwd: appDir,
    // PATH only: nothing else of this machine's environment leaks into the runtime.
    env: { PATH: process.env.PATH, HOME: work, ...env },
    uid: user.uid,
    gid: user.gid,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (out += d));
  let exited = false;
  child.on("exit", () => (exited = true));
  try {
    const port = await waitForPort(child, () => out);
    log(`runtime listening on port ${port}`);
    await smokeTest(`http://127.0.0.1:${port}`);
  } catch (e) {
    if (!exited) child.kill("SIGKILL");
    fail(e instanceof Error ? e.message : String(e));
  }
  const stopping = Date.now();
  await new Promise((resolve) => {
    if (exited) return resolve();
    const t = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(t);
      resolve();
    });
    child.kill("SIGTERM");
  });
  log(`runtime stopped after SIGTERM in ${((Date.now() - stopping) / 1000).toFixed(1)} s (exit ${child.exitCode ?? child.signalCode})`);
  const files = execFileSync("du", ["-sh", appDir]).toString().split("\t")[0];
  const cleaning = Date.now();
  cleanup();
  log(`temporary folders handed to a background rm in ${((Date.now() - cleaning) / 1000).toFixed(1)} s`);
  log(`ok: runtime folder ${files}; total ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => fail(e instanceof Error ? e.stack ?? e.message : String(e)));
}
