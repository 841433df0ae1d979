// The synonym groups as stored data: seeded once from content/synoniemen.json, edited by
// beheerders (Beheer > Synoniemen), handed to the search engine whenever they change.
import fs from "node:fs";
import path from "node:path";
import { asc, eq, sql } from "drizzle-orm";
import { getDb, schema, type Db } from "~/db/client.server";
import type { Actor } from "~/domain/actor.server";
import { audit } from "~/domain/audit.server";
import { badRequest, notFound } from "~/domain/errors";
import { assertCanAdminister } from "~/domain/policy.server";
import { MAX_GROUPS, cleanGroup, parseGroupInput, type SynonymGroup } from "./synonyms";
import type { SearchProvider } from "./types";

const SEEDED = "synonyms_seeded";

export function synonymsFile(): string {
  return path.join(path.resolve(process.env.CONTENT_DIR ?? path.join(process.cwd(), "content")), "synoniemen.json");
}

/** The shipped thesaurus (content/synoniemen.json), cleaned. */
export function shippedSynonyms(file = synonymsFile()): SynonymGroup[] {
  if (!fs.existsSync(file)) return [];
  const data = JSON.parse(fs.readFileSync(file, "utf8")) as { groepen?: unknown[] };
  return (data.groepen ?? []).map((g) => (Array.isArray(g) ? cleanGroup(g) : null)).filter((g): g is SynonymGroup => g !== null);
}

/** Once per database: the shipped groups. A beheerder deleting all of them later is respected. */
export function seedSynonymsIfNeeded(db: Db = getDb()): void {
  const $ = db.$client;
  if ($.prepare("SELECT 1 FROM search_meta WHERE key = ?").get(SEEDED)) return;
  const groups = shippedSynonyms();
  db.transaction((tx) => {
    for (const g of groups) tx.insert(schema.searchSynonyms).values({ terms: JSON.stringify(g) }).run();
    tx.run(sql`INSERT OR IGNORE INTO search_meta (key, value) VALUES (${SEEDED}, ${new Date().toISOString()})`);
  });
}

export type SynonymRow = { id: number; terms: string[]; updatedAt: string };

export function listSynonymRows(db: Db = getDb()): SynonymRow[] {
  seedSynonymsIfNeeded(db);
  return db
    .select()
    .from(schema.searchSynonyms)
    .orderBy(asc(schema.searchSynonyms.id))
    .all()
    .map((r) => ({ id: r.id, terms: JSON.parse(r.terms) as string[], updatedAt: r.updatedAt }));
}

export function synonymGroups(db: Db = getDb()): SynonymGroup[] {
  return listSynonymRows(db).map((r) => r.terms);
}

/** Hand the current groups to the engine (FTS5: in memory; Meilisearch: its synonyms setting). */
export async function applySynonyms(provider: SearchProvider, db: Db = getDb()): Promise<void> {
  await provider.setSynonyms(synonymGroups(db));
}

const GROUP_FIELD = "Vul minstens twee woorden of woordgroepen in, gescheiden door komma's (bijvoorbeeld: intake, startgesprek).";

function parseOrRefuse(raw: string): SynonymGroup {
  const g = cleanGroup(parseGroupInput(raw));
  if (!g) throw badRequest("De synoniemen zijn niet opgeslagen.", { terms: GROUP_FIELD });
  return g;
}

export function saveSynonymGroup(input: { actor: Actor; id?: number | null; terms: string }, db: Db = getDb()): { id: number } {
  assertCanAdminister(input.actor);
  const terms = parseOrRefuse(input.terms);
  seedSynonymsIfNeeded(db);
  return db.transaction((tx) => {
    let id: number;
    if (input.id != null) {
      const found = tx.select({ id: schema.searchSynonyms.id }).from(schema.searchSynonyms).where(eq(schema.searchSynonyms.id, input.id)).get();
      if (!found) throw notFound("Deze synoniemengroep bestaat niet (meer).");
      tx.update(schema.searchSynonyms).set({ terms: JSON.stringify(terms), updatedAt: new Date().toISOString() }).where(eq(schema.searchSynonyms.id, input.id)).run();
      id = input.id;
    } else {
      const n = tx.select({ n: sql<number>`count(*)` }).from(schema.searchSynonyms).get()?.n ?? 0;
      if (n >= MAX_GROUPS) throw badRequest(`Er zijn al ${MAX_GROUPS} synoniemengroepen; pas een bestaande groep aan.`);
      id = tx.insert(schema.searchSynonyms).values({ terms: JSON.stringify(terms) }).returning({ id: schema.searchSynonyms.id }).get().id;
    }
    audit({ actorId: input.actor.id, action: "search.synonyms.save", entityType: "search_synonyms", entityId: id, after: { terms } }, tx);
    return { id };
  });
}

export function deleteSynonymGroup(input: { actor: Actor; id: number }, db: Db = getDb()): void {
  assertCanAdminister(input.actor);
  db.transaction((tx) => {
    const row = tx.select().from(schema.searchSynonyms).where(eq(schema.searchSynonyms.id, input.id)).get();
    if (!row) throw notFound("Deze synoniemengroep bestaat niet (meer).");
    tx.delete(schema.searchSynonyms).where(eq(schema.searchSynonyms.id, input.id)).run();
    audit({ actorId: input.actor.id, action: "search.synonyms.delete", entityType: "search_synonyms", entityId: input.id, before: { terms: JSON.parse(row.terms) as unknown } }, tx);
  });
}
