// What people searched for and could not find (issue 15). Only the query is kept — never who
// searched — with counts: how often, how often nothing came back, how often a result was
// opened. Beheerders see the queries with no result or no click and add a synonym or a passage.
import { getDb, type Db } from "~/db/client.server";
import { fold } from "./dutch.server";
import type { SearchOptions, SearchProvider, SearchResult } from "./types";

const MAX_LOGGED = 100;

/**
 * The form a query is counted under: folded, single spaces. Queries that look like personal
 * data (a run of six or more digits such as a BSN or phone number, or an e-mail address) are not
 * kept at all: a search box is where people paste things they should not.
 */
export function loggableQuery(raw: string): string | null {
  const q = fold(raw).replace(/\s+/g, " ").trim();
  if (q.length < 2 || q.length > MAX_LOGGED) return null;
  if (/\d{6,}/.test(q.replace(/[\s.-]/g, "")) || /\S@\S/.test(q)) return null;
  return q;
}

export function recordSearch(input: { query: string; total: number }, db: Db = getDb()): void {
  const q = loggableQuery(input.query);
  if (!q) return;
  db.$client
    .prepare(
      `INSERT INTO search_queries (query, searches, zero_results, clicks, last_at) VALUES (@q, 1, @zero, 0, @now)
       ON CONFLICT(query) DO UPDATE SET searches = searches + 1, zero_results = zero_results + @zero, last_at = @now`,
    )
    .run({ q, zero: input.total === 0 ? 1 : 0, now: new Date().toISOString() });
}

/** A result of this query was opened (only counted for queries that were searched). */
export function recordClick(input: { query: string }, db: Db = getDb()): void {
  const q = loggableQuery(input.query);
  if (!q) return;
  db.$client.prepare("UPDATE search_queries SET clicks = clicks + 1 WHERE query = ?").run(q);
}

/** A first page of results is one search; paging through the same query is not another. */
export async function searchAndRecord(provider: SearchProvider, query: string, opts: SearchOptions, db: Db = getDb()): Promise<SearchResult> {
  const result = await provider.search(query, opts);
  if (!opts.cursor && query.trim()) recordSearch({ query, total: result.total }, db);
  return result;
}

export type MissRow = { query: string; searches: number; zeroResults: number; clicks: number; lastAt: string; reason: "geen resultaat" | "niet aangeklikt" };

/** Queries that found nothing, or were never followed by a click; most frequent first. */
export function listMisses(input: { limit?: number } = {}, db: Db = getDb()): MissRow[] {
  const rows = db.$client
    .prepare(
      `SELECT query, searches, zero_results AS zeroResults, clicks, last_at AS lastAt FROM search_queries
       WHERE zero_results > 0 OR clicks = 0
       ORDER BY zero_results DESC, searches DESC, last_at DESC LIMIT ?`,
    )
    .all(Math.min(500, Math.max(1, input.limit ?? 200))) as Omit<MissRow, "reason">[];
  return rows.map((r) => ({ ...r, reason: r.zeroResults > 0 ? "geen resultaat" : "niet aangeklikt" }));
}
