// Compile server/ (and the app/ modules it imports from source) into one ES module in the
// build directory, so production runs plain `node` without the tsx loader: no loader
// thread, no TypeScript compiled at start (issue 11: idle RSS). Packages stay external.
// `npm run build` runs this after the Remix build; scripts/start.mjs uses the result when it
// is newer than the sources and falls back to tsx otherwise.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outDir = path.resolve(root, process.env.KP_BUILD_DIR ?? "build", "node");

await build({
  entryPoints: [path.join(root, "server/index.ts")],
  outfile: path.join(outDir, "index.js"),
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  alias: { "~": path.join(root, "app") },
  sourcemap: true,
  logLevel: "warning",
});
// Started by app/collab/checkpointer.server.ts next to the module that imports it.
fs.copyFileSync(path.join(root, "app/collab/checkpoint-worker.mjs"), path.join(outDir, "checkpoint-worker.mjs"));
console.log(`server compiled to ${path.relative(root, outDir)}/index.js`);
