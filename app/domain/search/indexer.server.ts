// Keeping the index in step with the database: draining the outbox (rows written by each
// feature in the transaction of its change) and full rebuilds.
import { asc, inArray, lt, lte, sql } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import { singleton } from "~/utils/singleton.server";
import { SEARCH_INDEX_VERSION } from "./index-version";
import { getSearchProvider } from "./provider.server";
import { allEntityRefs, dependents, entityKey, isEntityType, loadEntity, type EntityRef } from "./sources.server";
import type { ReindexProgress, SearchEntry, SearchProvider } from "./types";

/** A row that failed this often is left in the outbox for a look by a person (and a reindex). */
export const MAX_ATTEMPTS = 8;
const BATCH = 200;

type State = { running: Promise<DrainResult> | null };
const state = () => singleton<State>("search-indexer-state", () => ({ running: null }));

export type DrainResult = { processed: number; failed: number; remaining: boolean };

/**
 * Process pending outbox rows once. Concurrent calls share one run, so the poller, the
 * nudge after an enqueue and a test can all call this safely.
 */
export function drainOutbox(provider: SearchProvider = getSearchProvider(), batch = BATCH): Promise<DrainResult> {
  const s = state();
  if (s.running) return s.running;
  s.running = drainOnce(provider, batch).finally(() => {
    s.running = null;
  });
  return s.running;
}

/** Drain until the outbox is empty (or only rows that keep failing are left). */
export async function drainAll(provider: SearchProvider = getSearchProvider()): Promise<void> {
  for (let i = 0; i < 1000; i++) {
    const r = await drainOutbox(provider);
    if (!r.remaining || r.processed === 0) return;
  }
}

async function drainOnce(provider: SearchProvider, batch: number): Promise<DrainResult> {
  const db = getDb();
  const rows = db
    .select()
    .from(schema.searchOutbox)
    .where(lt(schema.searchOutbox.attempts, MAX_ATTEMPTS))
    .orderBy(asc(schema.searchOutbox.id))
    .limit(batch)
    .all();
  if (rows.length === 0) return { processed: 0, failed: 0, remaining: false };

  // The last operation per entity wins; an unknown type is dropped (nothing could index it).
  const latest = new Map<string, { ref: EntityRef; op: "upsert" | "remove"; rowIds: number[] }>();
  const junk: number[] = [];
  for (const r of rows) {
    const id = Number(r.entityId);
    if (!isEntityType(r.entityType) || !Number.isInteger(id)) {
      junk.push(r.id);
      continue;
    }
    const key = entityKey(r.entityType, id);
    const prev = latest.get(key);
    latest.set(key, { ref: { type: r.entityType, id }, op: r.op, rowIds: [...(prev?.rowIds ?? []), r.id] });
  }
  if (junk.length) {
    console.warn(`[zoeken] ${junk.length} onbekende outbox-regel(s) overgeslagen`);
    db.delete(schema.searchOutbox).where(inArray(schema.searchOutbox.id, junk)).run();
  }

  const groups = [...latest.values()];
  try {
    await applyGroups(provider, groups);
    deleteRows(groups.flatMap((g) => g.rowIds));
    return { processed: rows.length, failed: 0, remaining: rows.length === batch };
  } catch (batchError) {
    // One bad entity must not block the others: retry one by one and count the failures.
    let failed = 0;
    for (const g of groups) {
      try {
        await applyGroups(provider, [g]);
        deleteRows(g.rowIds);
      } catch (e) {
        failed += g.rowIds.length;
        db.update(schema.searchOutbox)
          .set({ attempts: sql`${schema.searchOutbox.attempts} + 1` })
          .where(inArray(schema.searchOutbox.id, g.rowIds))
          .run();
        console.error(`[zoeken] indexeren van ${entityKey(g.ref.type, g.ref.id)} mislukt:`, e instanceof Error ? e.message : e);
      }
    }
    if (failed === 0) console.warn("[zoeken] batch mislukte, afzonderlijk wel gelukt:", batchError instanceof Error ? batchError.message : batchError);
    return { processed: rows.length - failed, failed, remaining: rows.length === batch };
  }
}

async function applyGroups(provider: SearchProvider, groups: { ref: EntityRef; op: "upsert" | "remove" }[]): Promise<void> {
  const db = getDb();
  const refs = new Map<string, { ref: EntityRef; op: "upsert" | "remove" }>();
  for (const g of groups) {
    for (const d of g.op === "remove" ? [g.ref] : dependents(db, g.ref)) {
      const k = entityKey(d.type, d.id);
      // A removal of the entity itself beats an upsert derived from a dependency.
      if (!refs.has(k) || d === g.ref) refs.set(k, { ref: d, op: d === g.ref ? g.op : "upsert" });
    }
  }
  const entries: SearchEntry[] = [];
  for (const { ref, op } of refs.values()) if (op === "upsert") entries.push(...loadEntity(db, ref));
  // Every touched entity is replaced as a whole: passages that disappeared stop matching.
  await provider.upsert(entries, [...refs.keys()]);
}

function deleteRows(ids: number[]): void {
  if (!ids.length) return;
  const db = getDb();
  for (let i = 0; i < ids.length; i += 500) {
    db.delete(schema.searchOutbox).where(inArray(schema.searchOutbox.id, ids.slice(i, i + 500))).run();
  }
}

/**
 * Rebuild the index from the database. Outbox rows written before the rebuild started are
 * covered by it and removed afterwards; later ones are drained as usual.
 */
export async function reindexSearch(opts: { onProgress?: (p: ReindexProgress) => void; provider?: SearchProvider } = {}): Promise<{ entries: number }> {
  const provider = opts.provider ?? getSearchProvider();
  const db = getDb();
  await provider.init();
  const maxRow = db.select({ id: sql<number | null>`max(${schema.searchOutbox.id})` }).from(schema.searchOutbox).get();
  const result = await provider.reindexAll(opts.onProgress);
  // Only after a complete rebuild: an interrupted one leaves the old number, and the next start tries again.
  await provider.setIndexVersion(SEARCH_INDEX_VERSION);
  if (maxRow?.id != null) {
    db.delete(schema.searchOutbox).where(lte(schema.searchOutbox.id, maxRow.id)).run();
  }
  return result;
}

/**
 * On start: the index is rebuilt when it is empty next to a database with content (new
 * install, new engine), or when it was built by another SEARCH_INDEX_VERSION (an upgrade that
 * changed what is indexed or the ACL tokens). Returns whether it rebuilt.
 */
export async function ensureIndexed(log: (m: string) => void = () => {}, provider: SearchProvider = getSearchProvider()): Promise<boolean> {
  await provider.init();
  const version = await provider.indexVersion();
  if (version === SEARCH_INDEX_VERSION) {
    if ((await provider.count()) > 0 || allEntityRefs(getDb()).length === 0) return false;
    log(`Zoekindex (${provider.name}) is leeg: opnieuw opbouwen uit de database...`);
  } else if ((await provider.count()) === 0 && allEntityRefs(getDb()).length === 0) {
    // Nothing to index yet: the empty index is of the current version.
    await provider.setIndexVersion(SEARCH_INDEX_VERSION);
    return false;
  } else {
    log(`Zoekindex (${provider.name}) heeft versie ${version ?? "onbekend"}, deze versie van het portaal gebruikt ${SEARCH_INDEX_VERSION}: opnieuw opbouwen uit de database...`);
  }
  const r = await reindexSearch({ provider });
  log(`Zoekindex opgebouwd: ${r.entries} items.`);
  return true;
}

export function pendingOutboxRows(): number {
  return getDb().select({ n: sql<number>`count(*)` }).from(schema.searchOutbox).where(lt(schema.searchOutbox.attempts, MAX_ATTEMPTS)).get()?.n ?? 0;
}
