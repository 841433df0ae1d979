// `npm test`: typecheck, lint, unit + integration (Vitest), production build, end-to-end
// (Playwright), and the Dockerfile replay (clean install, build, prune, runtime stage start). Prints one closing line "tests: N passed, N failed, N skipped".
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "kp-test-run-"));
const only = process.argv.slice(2);
const want = (step) => only.length === 0 || only.includes(step);

const totals = { passed: 0, failed: 0, skipped: 0 };
let failedSteps = [];
const failedTests = [];
/** Terminal colour codes in error messages (ESC [ … m). */
const ANSI_COLOUR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g");

function run(step, cmd, args, env = {}) {
  console.log(`\n=== ${step}: ${[path.basename(cmd), ...args].join(" ")}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });
  const ok = r.status === 0;
  console.log(`=== ${step}: ${ok ? "ok" : `FAILED (exit ${r.status ?? r.signal})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (!ok) failedSteps.push(step);
  return ok;
}

if (want("typecheck")) run("typecheck", bin("tsc"), ["--noEmit"]);
if (want("lint")) run("lint", bin("eslint"), ["--max-warnings", "0", "."]);

if (want("unit")) {
  const out = path.join(tmp, "vitest.json");
  run("unit+integration", bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`]);
  if (fs.existsSync(out)) {
    const r = JSON.parse(fs.readFileSync(out, "utf8"));
    totals.passed += r.numPassedTests ?? 0;
    totals.failed += r.numFailedTests ?? 0;
    totals.skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  }
}

/**
 * What a CI log tail needs to explain an e2e failure without the trace: where it stopped
 * (the failing line and what it waited for) and what the page showed then (headings, alerts
 * and status messages of <main> from Playwright's error-context snapshot).
 */
function failureDetail(result, err) {
  const lines = [];
  const loc = result.error?.location;
  if (loc) lines.push(`at ${path.relative(root, loc.file)}:${loc.line}`);
  const waited = err.split("\n").find((l) => /waiting for/.test(l));
  if (waited) lines.push(waited.trim().slice(0, 300));
  const context = (result.attachments ?? []).find((a) => a.name === "error-context" && a.path && fs.existsSync(a.path));
  if (context) {
    const text = fs.readFileSync(context.path, "utf8");
    const main = text.split("\n").findIndex((l) => /^\s*- main\b/.test(l));
    if (main >= 0) {
      const shown = text
        .split("\n")
        .slice(main + 1)
        .filter((l) => /- (heading|alert|status)\b|- text: |invalid|disabled/.test(l))
        .slice(0, 12)
        .map((l) => `page: ${l.trim().replace(/ \[ref=[^\]]+\]/g, "").slice(0, 200)}`);
      lines.push(...shown);
    }
  }
  return lines.map((l) => `\n      ${l}`).join("");
}

if (want("e2e")) {
  const chromiumOk = run("chromium", process.execPath, [path.join(root, "scripts/ensure-chromium.mjs")]);
  const built = run("build", process.execPath, [path.join(root, "node_modules/@remix-run/dev/dist/cli.js"), "vite:build"], { KP_BUILD_DIR: process.env.KP_BUILD_DIR ?? "build" });
  if (chromiumOk && built) {
    const out = path.join(tmp, "playwright.json");
    run("e2e", bin("playwright"), ["test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: out });
    if (fs.existsSync(out)) {
      const r = JSON.parse(fs.readFileSync(out, "utf8"));
      totals.passed += r.stats?.expected ?? 0;
      totals.failed += (r.stats?.unexpected ?? 0) + (r.stats?.flaky ?? 0);
      totals.skipped += r.stats?.skipped ?? 0;
      const walk = (suite, titles) => {
        for (const spec of suite.specs ?? [])
          for (const t of spec.tests ?? [])
            if (t.status === "unexpected" || t.status === "flaky") {
              const result = (t.results ?? []).find((x) => x.error?.message) ?? {};
              const err = (result.error?.message ?? "").replace(ANSI_COLOUR, "");
              failedTests.push(`e2e ${spec.file}:${spec.line} ${[...titles, spec.title].join(" › ")} (${t.status}) — ${err.split("\n").slice(0, 3).join(" ").slice(0, 400)}${failureDetail(result, err)}`);
            }
        for (const child of suite.suites ?? []) walk(child, [...titles, child.title].filter(Boolean));
      };
      for (const suite of r.suites ?? []) walk(suite, []);
    }
  }
}

// Its own step: a file the runtime stage forgets to COPY fails here, not at the first deployment.
if (want("docker")) run("docker-replay", process.execPath, [path.join(root, "scripts/docker-replay.mjs")]);

fs.rmSync(tmp, { recursive: true, force: true });
if (failedTests.length) console.log(`\nFailed tests:\n${failedTests.map((t) => `  - ${t}`).join("\n")}`);
if (failedSteps.length) console.log(`\nFailed steps: ${failedSteps.join(", ")}`);
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedSteps.length ? 1 : 0);
