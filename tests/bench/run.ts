// `npm run bench`: every benchmark in turn; each prints its own figures. Not a test: nothing
// here asserts a time, because shared machines make timings flaky.
//   npm run bench                      default set (collab 50/1 + 50/20, http, idle, js-size, search)
//   npm run bench -- collab --large    also 1,500 clients in 500 documents
//   npm run bench -- soak --minutes 10 the soak (opt-in: only when named)
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** Long benchmarks that run only when named. */
const OPT_IN = ["soak.ts"];

const dir = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
// Names select benchmarks; --flags (and a flag's value) are read by the benchmarks themselves.
const only = args.filter((a, i) => !a.startsWith("--") && !(i > 0 && args[i - 1].startsWith("--") && /^\d/.test(a)));
const benches = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".ts") && f !== "run.ts" && !f.endsWith(".d.ts") && !f.startsWith("_"))
  .filter((f) => (only.length === 0 ? !OPT_IN.includes(f) : only.some((o) => f.includes(o))))
  .sort();

for (const file of benches) {
  const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as Record<string, unknown>;
  const entry = Object.entries(mod).find(([name, fn]) => /^run.*Bench$/.test(name) && typeof fn === "function");
  if (!entry) continue;
  console.log(`\n##### ${file}: ${entry[0]}()`);
  await (entry[1] as () => Promise<unknown>)();
}
process.exit(0);
