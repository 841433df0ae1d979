// Search relevance benchmark (issue 15): the relevance set of tests/fixtures/search-relevance.ts
// against the demo content, as a new wijkteam professional, through FTS5 — and through
// Meilisearch too when MEILI_HOST answers. Prints success@5, recall@5 and MRR per engine and
// every query that misses the top five. Run alone: `npx tsx tests/bench/relevance.ts`.
// The floor (success@5 ≥ 0.95) is asserted in app/domain/search/relevance.test.ts.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { RELEVANCE_CASES } from "../fixtures/search-relevance";
import { evaluateRelevance, formatReport, type RelevanceReport } from "../support/relevance";
import type { SearchProvider } from "~/domain/search/types";

export async function runRelevanceBench(): Promise<Record<string, RelevanceReport>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kp-relevance-"));
  const before = process.env.DATA_DIR;
  process.env.DATA_DIR = dir;
  process.env.CONTENT_DIR ??= path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../content");
  const out: Record<string, RelevanceReport> = {};
  try {
    // Imported here: the database modules read DATA_DIR when first used.
    const { eq } = await import("drizzle-orm");
    const { getDb, schema, closeDb } = await import("~/db/client.server");
    const { loadActor } = await import("~/domain/actor.server");
    const { seedDemoIfEmpty } = await import("~/domain/seed/index.server");
    const { principalsFor } = await import("~/domain/search/acl.server");
    const { Fts5Provider } = await import("~/domain/search/fts5.server");
    const { MeiliProvider } = await import("~/domain/search/meili.server");
    const { reindexSearch } = await import("~/domain/search/indexer.server");
    const { databaseSource } = await import("~/domain/search/sources.server");
    const { applySynonyms } = await import("~/domain/search/synonyms.server");
    await seedDemoIfEmpty();
    const newcomer = getDb().select({ id: schema.people.id }).from(schema.people).where(eq(schema.people.name, "Lotte de Boer")).get();
    const principals = principalsFor(loadActor(newcomer!.id)!);
    const engines: { name: string; make: () => SearchProvider }[] = [{ name: "FTS5", make: () => new Fts5Provider({ source: databaseSource() }) }];
    const host = process.env.MEILI_HOST;
    if (host) engines.push({ name: "Meilisearch", make: () => new MeiliProvider({ host, apiKey: process.env.MEILI_KEY, indexUid: `kp_relevance_${process.pid}`, source: databaseSource() }) });
    else console.log("Meilisearch overgeslagen: MEILI_HOST is niet gezet.");
    for (const e of engines) {
      const provider = e.make();
      try {
        await reindexSearch({ provider });
        await applySynonyms(provider);
        const report = await evaluateRelevance(provider, RELEVANCE_CASES, principals);
        out[e.name] = report;
        console.log(`\nRelevantie (${e.name}), demo-inhoud, als nieuwe medewerker:\n${formatReport(report)}`);
      } catch (err) {
        console.log(`${e.name} overgeslagen: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    closeDb();
  } finally {
    if (before === undefined) delete process.env.DATA_DIR;
    else process.env.DATA_DIR = before;
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) await runRelevanceBench();
