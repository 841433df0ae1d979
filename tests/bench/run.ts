// `npm run bench`: every benchmark in turn; each prints its own figures. Not a test: nothing
// here asserts a time, because shared machines make timings flaky.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const dir = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const benches = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".ts") && f !== "run.ts" && !f.endsWith(".d.ts") && !f.startsWith("_"))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

for (const file of benches) {
  const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as Record<string, unknown>;
  const entry = Object.entries(mod).find(([name, fn]) => /^run.*Bench$/.test(name) && typeof fn === "function");
  if (!entry) continue;
  console.log(`\n##### ${file}: ${entry[0]}()`);
  await (entry[1] as () => Promise<unknown>)();
}
