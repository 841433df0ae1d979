// `npm start`: build the app when the build is missing or older than the sources, then run
// the production server in this process (the compiled server from build/node/ when fresh,
// else tsx compiles server/ on the fly).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);

function newestMtime(dir) {
  let newest = 0;
  if (!fs.existsSync(dir)) return newest;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

const buildEntry = path.join(root, process.env.KP_BUILD_DIR ?? "build", "server/index.js");
if (process.env.KP_SKIP_BUILD !== "1") {
  const sourcesNewest = Math.max(newestMtime(path.join(root, "app")), fs.statSync(path.join(root, "vite.config.ts")).mtimeMs);
  const stale = !fs.existsSync(buildEntry) || fs.statSync(buildEntry).mtimeMs < sourcesNewest;
  if (stale) {
    console.log("Ketenportaal wordt gebouwd (eenmalig na een wijziging)...");
    const r = spawnSync(process.execPath, [path.join(root, "node_modules/@remix-run/dev/dist/cli.js"), "vite:build"], { stdio: "inherit" });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
} else if (!fs.existsSync(buildEntry)) {
  console.error(`Geen build gevonden op ${buildEntry}. Bouw eerst met: npm run build`);
  process.exit(1);
}

process.env.NODE_ENV ??= "production";
process.env.KP_RUN_SERVER = "1";
process.env.KP_ROOT = root;
// The server compiled at build time (scripts/build-server.mjs) when it is newer than every
// source it was built from; otherwise tsx compiles server/ on the fly (a loader thread and
// ~40 MB more at idle).
const compiled = path.join(root, process.env.KP_BUILD_DIR ?? "build", "node/index.js");
const serverSourcesNewest = Math.max(newestMtime(path.join(root, "server")), newestMtime(path.join(root, "app")));
if (process.env.KP_USE_TSX !== "1" && fs.existsSync(compiled) && fs.statSync(compiled).mtimeMs >= serverSourcesNewest) {
  await import(compiled);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import(path.join(root, "server/index.ts"));
}
