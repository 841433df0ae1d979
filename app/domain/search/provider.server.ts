// Which engine serves search: Meilisearch when MEILI_HOST is configured, otherwise the
// embedded SQLite FTS5 index. One instance per configuration, shared by the Remix bundle and
// the server process (singleton), each reading the database of the current DATA_DIR.
import { env } from "~/utils/env.server";
import { singleton } from "~/utils/singleton.server";
import { Fts5Provider } from "./fts5.server";
import { MeiliProvider } from "./meili.server";
import { databaseSource } from "./sources.server";
import { applySynonyms } from "./synonyms.server";
import type { SearchProvider } from "./types";

export function getSearchProvider(): SearchProvider {
  const { MEILI_HOST, MEILI_KEY } = env();
  if (MEILI_HOST) {
    return singleton(`search-provider:meili:${MEILI_HOST}`, () => withSynonyms(new MeiliProvider({ host: MEILI_HOST, apiKey: MEILI_KEY, source: databaseSource() })));
  }
  return singleton("search-provider:fts5", () => withSynonyms(new Fts5Provider({ source: databaseSource() })));
}

/** The engine starts with the stored synonym groups (FTS5 takes them at once, Meilisearch as a task). */
function withSynonyms<P extends SearchProvider>(provider: P): P {
  applySynonyms(provider).catch((e: unknown) => console.error("[zoeken] synoniemen niet toegepast:", e instanceof Error ? e.message : e));
  return provider;
}
