// `npm test`: typecheck, lint, unit + integration (Vitest), production build, end-to-end
// (Playwright). Prints one closing line "tests: N passed, N failed, N skipped".
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
    }
  }
}

fs.rmSync(tmp, { recursive: true, force: true });
if (failedSteps.length) console.log(`\nFailed steps: ${failedSteps.join(", ")}`);
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedSteps.length ? 1 : 0);
