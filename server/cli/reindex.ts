// `npm run reindex`: rebuild the search index from the database (DATA_DIR), with a progress
// bar. The engine is the configured one (Meilisearch when MEILI_HOST is set, else SQLite
// FTS5); `--provider=fts5` or `--provider=meilisearch` picks one explicitly.
import { closeDb, databasePath } from "~/db/client.server";
import { Fts5Provider } from "~/domain/search/fts5.server";
import { reindexSearch } from "~/domain/search/indexer.server";
import { MeiliProvider } from "~/domain/search/meili.server";
import { getSearchProvider } from "~/domain/search/provider.server";
import { databaseSource } from "~/domain/search/sources.server";
import type { ReindexProgress, SearchProvider } from "~/domain/search/types";
import { env } from "~/utils/env.server";

const PHASES: Record<ReindexProgress["phase"], string> = { lezen: "lezen", schrijven: "index schrijven", klaar: "klaar" };

export function progressBar(p: ReindexProgress, width = 30): string {
  const ratio = p.total === 0 ? 1 : Math.min(1, p.done / p.total);
  const filled = Math.round(ratio * width);
  return `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${String(Math.round(ratio * 100)).padStart(3)}%  ${p.done}/${p.total} objecten  ${PHASES[p.phase]}`;
}

function chooseProvider(arg: string | undefined): SearchProvider {
  const { MEILI_HOST, MEILI_KEY } = env();
  if (arg === "fts5") return new Fts5Provider({ source: databaseSource() });
  if (arg === "meilisearch") {
    if (!MEILI_HOST) throw new Error("--provider=meilisearch vraagt om MEILI_HOST (en zo nodig MEILI_KEY).");
    return new MeiliProvider({ host: MEILI_HOST, apiKey: MEILI_KEY, source: databaseSource() });
  }
  if (arg) throw new Error(`Onbekende provider "${arg}": kies fts5 of meilisearch.`);
  return getSearchProvider();
}

async function main(): Promise<number> {
  const arg = process.argv.find((a) => a.startsWith("--provider="))?.split("=")[1];
  const provider = chooseProvider(arg);
  console.log(`Zoekindex opnieuw opbouwen (${provider.name}) uit ${databasePath()}`);
  const tty = process.stdout.isTTY;
  let lastLogged = -1;
  const started = Date.now();
  const result = await reindexSearch({
    provider,
    onProgress: (p) => {
      if (tty) {
        process.stdout.write(`\r${progressBar(p)}   `);
        return;
      }
      // Not a terminal (CI, logs): one line per 10% and per phase change.
      const step = p.total ? Math.floor((p.done / p.total) * 10) : 10;
      const key = step * 10 + ["lezen", "schrijven", "klaar"].indexOf(p.phase);
      if (key !== lastLogged) {
        lastLogged = key;
        console.log(progressBar(p));
      }
    },
  });
  if (tty) process.stdout.write("\n");
  console.log(`Klaar: ${result.entries} zoekitems in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return 0;
}

const invokedDirectly = process.argv[1]?.endsWith("reindex.ts");
if (invokedDirectly) {
  main()
    .then((code) => {
      closeDb();
      process.exit(code);
    })
    .catch((e) => {
      const hint = env().MEILI_HOST ? ` Is Meilisearch op ${env().MEILI_HOST} bereikbaar, en klopt MEILI_KEY?` : "";
      console.error(`Opnieuw opbouwen mislukt: ${e instanceof Error ? e.message : String(e)}.${hint}`);
      closeDb();
      process.exit(1);
    });
}
