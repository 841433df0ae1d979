// The embedded search engine: SQLite FTS5 in the portal's own database (tables from the
// hand-written migration 0001_search_fts.sql). Permission and facet filters are EXISTS
// clauses in the same statement as the MATCH, so counts and facets only ever see rows the
// person may read.
import type Database from "better-sqlite3";
import { getDb } from "~/db/client.server";
import { oneEditVariants, stem, stemText, tailsText, tokenize } from "./dutch.server";
import { alsoSearched, expandTerms, synonymIndex, type Expansion, type SynonymIndex } from "./synonyms";
import {
  bestCorrection,
  clampLimit,
  decodeCursor,
  encodeCursor,
  excerptAround,
  ftsExpression,
  highlight,
  parseQuery,
  headsExpression,
  tokenMatcher,
  type ParsedQuery,
} from "./query.server";
import {
  FACET_NAMES,
  SEARCH_KINDS,
  type EntrySource,
  type FacetCount,
  type FacetName,
  type ProviderHealth,
  type ReindexProgress,
  type SearchEntry,
  type SearchFilters,
  type SearchHit,
  type SearchKind,
  type SearchOptions,
  type SearchProvider,
  type SearchResult,
} from "./types";

/**
 * bm25 column weights: title and section heading (a passage's own title) above the body;
 * stems and compound tails count less than the literal word.
 */
const RANK = "bm25(10.0, 8.0, 1.0, 6.0, 0.8, 0.3)";
/** Below this many hits the query is widened (stem prefixes, compound tails). */
const WIDEN_BELOW = 5;
/**
 * Counting stops here ("meer dan 1.000 resultaten"): an exact count of a word in half the
 * index costs time and tells nobody anything.
 */
export const COUNT_CAP = 1000;
/**
 * bm25 costs a few microseconds per matching row. Above this many matches, only the rows with
 * a query word in their title or heading are ranked (when there are enough of them for the
 * page): with these column weights they outrank every body-only match anyway.
 */
const RANK_ALL_BELOW = 500;
/** Title, heading and title stems in the small index, weighted as in the main one. */
const HEADS_RANK = "bm25(10.0, 8.0, 6.0)";
/** At most this many rows are ranked with bm25 for one query. */
const RANK_CAP = 3000;
const MAX_FILTER_VALUES = 30;
/**
 * How much each kind of entry counts on top of bm25 (issue 15): for a topic, a passage of a
 * published agreement answers the question; a signal, a proposal's timeline or a directory
 * page mentions it. bm25 is negative (lower is better), so a weight above 1 ranks higher.
 */
const KIND_WEIGHTS: Readonly<Record<string, number>> = { document: 2.0, concept: 1.5, voorstel: 1.0, reactie: 0.8, opmerking: 0.8, signaal: 0.8 };
/** A proposal's timeline passage ("#tijdlijn") mentions a topic; it does not explain it. */
const TIMELINE_WEIGHT = 0.6;
const OTHER_WEIGHT = 0.9;
const MAX_WEIGHT = Math.max(OTHER_WEIGHT, TIMELINE_WEIGHT, ...Object.values(KIND_WEIGHTS));
const KIND_WEIGHT_SQL = `(CASE WHEN e.kind = 'voorstel' AND e.key LIKE '%#tijdlijn' THEN ${TIMELINE_WEIGHT}${Object.entries(KIND_WEIGHTS)
  .map(([k, w]) => ` WHEN e.kind = '${k}' THEN ${w}`)
  .join("")} ELSE ${OTHER_WEIGHT} END)`;
/**
 * A passage with one of the words typed (or its stem) in its title or heading counts this much
 * more than one that only has them in the body (issue 15). bm25's column weights already favour
 * headings, but synonyms and stems add up in a body that lists many related words (a glossary),
 * which could then outrank the section about the word itself — and rank the full word below its
 * own prefix, which does not expand.
 */
const HEAD_BONUS = 1.5;
function kindWeight(kind: string, key: string): number {
  if (kind === "voorstel" && key.endsWith("#tijdlijn")) return TIMELINE_WEIGHT;
  return KIND_WEIGHTS[kind] ?? OTHER_WEIGHT;
}
/**
 * The cheap pass reads this many times the page's rows in FTS5's own bm25 order, and at least
 * TOP_MIN: the rows FTS5 ranks first must include enough of the heaviest kind (documents).
 */
const TOP_FACTOR = 4;
const TOP_MIN = 40;
/** Pages that reach beyond this many rows are ranked by the full weighted query. */
const TOP_MAX = 400;
/** One-word queries at least this long also find compounds in titles and headings (headCompounds). */
const HEAD_PREFIX_MIN = 8;
/** More compounds than this in the headings: none are added to the query (see headCompounds). */
const MAX_HEAD_COMPOUNDS = 8;

/** Fewer hits than this for a question of several words: rank on any of its words instead. */
const ANY_BELOW = 3;

/** A permitted hit's row and its score (lower is better), before it is presented. */
type RankedRow = { id: number; score: number };

type Stored = { facets: SearchEntry["facets"]; visibility: string[] };

type EntryRow = {
  id: number;
  key: string;
  entity_key: string;
  kind: string;
  title: string;
  section: string;
  body: string;
  url: string;
  data: string;
};

export type Fts5Options = {
  /** The SQLite connection; defaults to the portal database of the current DATA_DIR. */
  database?: () => Database.Database;
  /** What reindexAll rebuilds from. */
  source?: EntrySource;
};

const ACL = (rowid: string) =>
  `EXISTS (SELECT 1 FROM search_acl a WHERE a.entry_id = ${rowid} AND a.token IN (SELECT value FROM json_each(@principals)))`;

function cleanFilters(filters: SearchFilters | undefined): Partial<Record<FacetName, string[]>> {
  const out: Partial<Record<FacetName, string[]>> = {};
  for (const f of FACET_NAMES) {
    const values = filters?.[f];
    if (!Array.isArray(values)) continue;
    const clean = [...new Set(values.filter((v): v is string => typeof v === "string" && v.length > 0 && v.length <= 100))].slice(0, MAX_FILTER_VALUES);
    if (clean.length) out[f] = clean;
  }
  return out;
}

/** Facet filters as EXISTS clauses; values travel as JSON parameters, facet names are from a fixed list. */
function filterSql(filters: Partial<Record<FacetName, string[]>>, rowid: string, except?: FacetName): string {
  return FACET_NAMES.filter((f) => filters[f] && f !== except)
    .map(
      (f) =>
        ` AND EXISTS (SELECT 1 FROM search_facets x WHERE x.entry_id = ${rowid} AND x.facet = '${f}' AND x.value IN (SELECT value FROM json_each(@f_${f})))`,
    )
    .join("");
}

function filterParams(filters: Partial<Record<FacetName, string[]>>): Record<string, string> {
  const p: Record<string, string> = {};
  for (const f of FACET_NAMES) if (filters[f]) p[`f_${f}`] = JSON.stringify(filters[f]);
  return p;
}

type ExistingRow = { id: number; key: string; data: string } & Pick<SearchEntry, "entityKey" | "kind" | "title" | "section" | "body" | "url" | "position" | "updatedAt">;

/** Same text, kind, facets and visibility: the row's postings, ACL and facet rows stay valid. */
function sameIndexedContent(row: ExistingRow, e: SearchEntry): boolean {
  const stored: Stored = { facets: e.facets, visibility: e.visibility };
  return row.kind === e.kind && row.title === e.title && row.section === e.section && row.body === e.body && row.data === JSON.stringify(stored);
}

const emptyResult = (): SearchResult => ({ hits: [], total: 0, facets: {}, nextCursor: null });

export class Fts5Provider implements SearchProvider {
  readonly name = "fts5" as const;

  private synonyms: SynonymIndex = synonymIndex([]);

  constructor(private readonly options: Fts5Options = {}) {}

  async setSynonyms(groups: string[][]): Promise<void> {
    this.synonyms = synonymIndex(groups);
  }

  private db(): Database.Database {
    return this.options.database ? this.options.database() : getDb().$client;
  }

  async init(): Promise<void> {
    // The tables come from the migration; fail early and clearly if it has not run.
    const found = this.db().prepare("SELECT name FROM sqlite_master WHERE name = 'search_fts'").get();
    if (!found) throw new Error("search_fts ontbreekt: de migratie 0001_search_fts is niet uitgevoerd.");
  }

  // ---------------------------------------------------------------- writing

  /** Remove every entry of these entities (the replace below with nothing to keep). */
  private removeSync(db: Database.Database, entityKeys: string[]): void {
    this.replaceSync(db, [], entityKeys);
  }

  private insertSync(db: Database.Database, entries: SearchEntry[], withFts: boolean): void {
    const insEntry = db.prepare(
      `INSERT INTO search_entries (key, entity_key, kind, title, section, body, title_stem, body_stem, tails, url, position, updated_at, data)
       VALUES (@key, @entityKey, @kind, @title, @section, @body, @titleStem, @bodyStem, @tails, @url, @position, @updatedAt, @data)
       ON CONFLICT(key) DO NOTHING RETURNING id`,
    );
    const insFts = db.prepare(
      "INSERT INTO search_fts (rowid, title, section, body, title_stem, body_stem, tails) VALUES (?, ?, ?, ?, ?, ?, ?)",
    );
    const insHeads = db.prepare("INSERT INTO search_heads (rowid, title, section, title_stem) VALUES (?, ?, ?, ?)");
    const insAcl = db.prepare("INSERT OR IGNORE INTO search_acl (entry_id, token) VALUES (?, ?)");
    const insFacet = db.prepare("INSERT OR IGNORE INTO search_facets (entry_id, facet, value) VALUES (?, ?, ?)");
    for (const e of entries) {
      const titleStem = stemText(e.title);
      const bodyStem = stemText(`${e.section} ${e.body}`);
      const tails = tailsText(`${e.title} ${e.section} ${e.body}`);
      const stored: Stored = { facets: e.facets, visibility: e.visibility };
      const row = insEntry.get({
        key: e.id,
        entityKey: e.entityKey,
        kind: e.kind,
        title: e.title,
        section: e.section,
        body: e.body,
        titleStem,
        bodyStem,
        tails,
        url: e.url,
        position: e.position,
        updatedAt: e.updatedAt,
        data: JSON.stringify(stored),
      }) as { id: number } | undefined;
      // A duplicate key inside one batch: the first one wins (entries are replaced per entity anyway).
      if (!row) continue;
      if (withFts) {
        insFts.run(row.id, e.title, e.section, e.body, titleStem, bodyStem, tails);
        insHeads.run(row.id, e.title, e.section, titleStem);
      }
      // An entry without visibility would be invisible to everyone; that is the safe default.
      for (const t of new Set(e.visibility)) insAcl.run(row.id, t);
      insFacet.run(row.id, "soort", e.kind);
      for (const f of FACET_NAMES) {
        if (f === "soort") continue;
        for (const v of new Set(e.facets[f] ?? [])) insFacet.run(row.id, f, v);
      }
    }
  }

  /**
   * Replace the entries of `entityKeys` by `entries`, writing only what changed: a passage whose
   * indexed text, kind, facets and visibility are the same keeps its row and its full-text
   * postings (its url, position and date are updated in place). Re-indexing a live draft after
   * a one-word edit then rewrites one passage, not all of them (issue 11: a 60-passage
   * document took 15–35 ms of synchronous FTS5 writes per derive, on the collaboration path).
   */
  private replaceSync(db: Database.Database, entries: SearchEntry[], entityKeys: string[]): void {
    const wanted = new Map<string, SearchEntry>();
    for (const e of entries) if (!wanted.has(e.id)) wanted.set(e.id, e);
    const current = db.prepare<[string], ExistingRow>(
      "SELECT id, key, entity_key AS entityKey, kind, title, section, body, url, position, updated_at AS updatedAt, data FROM search_entries WHERE entity_key = ?",
    );
    const touch = db.prepare("UPDATE search_entries SET url = ?, position = ?, updated_at = ? WHERE id = ?");
    const delFts = db.prepare(
      `INSERT INTO search_fts(search_fts, rowid, title, section, body, title_stem, body_stem, tails)
       SELECT 'delete', id, title, section, body, title_stem, body_stem, tails FROM search_entries WHERE id = ?`,
    );
    const delHeads = db.prepare(
      `INSERT INTO search_heads(search_heads, rowid, title, section, title_stem)
       SELECT 'delete', id, title, section, title_stem FROM search_entries WHERE id = ?`,
    );
    const delEntry = db.prepare("DELETE FROM search_entries WHERE id = ?");
    const kept = new Set<string>();
    for (const k of entityKeys) {
      for (const row of current.all(k)) {
        const e = wanted.get(row.key);
        if (e && e.entityKey === row.entityKey && sameIndexedContent(row, e)) {
          kept.add(row.key);
          if (row.url !== e.url || row.position !== e.position || row.updatedAt !== e.updatedAt) touch.run(e.url, e.position, e.updatedAt, row.id);
          continue;
        }
        delFts.run(row.id);
        delHeads.run(row.id);
        delEntry.run(row.id);
      }
    }
    this.insertSync(
      db,
      entries.filter((e) => !kept.has(e.id)),
      true,
    );
  }

  async upsert(entries: SearchEntry[], replaceEntityKeys?: string[]): Promise<void> {
    const db = this.db();
    const keys = [...new Set([...(replaceEntityKeys ?? []), ...entries.map((e) => e.entityKey)])];
    db.transaction(() => this.replaceSync(db, entries, keys))();
  }

  async remove(entityKeys: string[]): Promise<void> {
    const db = this.db();
    db.transaction(() => this.removeSync(db, [...new Set(entityKeys)]))();
  }

  async reindexAll(onProgress?: (p: ReindexProgress) => void): Promise<{ entries: number }> {
    const source = this.options.source;
    if (!source) throw new Error("Geen bron om de zoekindex uit op te bouwen.");
    const db = this.db();
    const total = source.countEntities();
    let done = 0;
    let entries = 0;
    onProgress?.({ done, total, phase: "lezen" });
    // One transaction: readers keep seeing the old index (WAL) until the new one is complete.
    db.transaction(() => {
      db.exec("DELETE FROM search_acl; DELETE FROM search_facets; DELETE FROM search_entries;");
      db.exec("INSERT INTO search_fts(search_fts) VALUES ('delete-all')");
      db.exec("INSERT INTO search_heads(search_heads) VALUES ('delete-all')");
      for (const batch of source.batches(200)) {
        this.insertSync(db, batch.entries, false);
        entries += batch.entries.length;
        done += batch.entities;
        onProgress?.({ done: Math.min(done, total), total, phase: "lezen" });
      }
      onProgress?.({ done: total, total, phase: "schrijven" });
      // Building the full-text index in one pass from the content table is much faster than row by row.
      db.exec("INSERT INTO search_fts(search_fts) VALUES ('rebuild')");
      db.exec("INSERT INTO search_heads(search_heads) VALUES ('rebuild')");
      db.prepare("INSERT INTO search_meta (key, value) VALUES ('reindexed_at', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(
        new Date().toISOString(),
      );
    })();
    db.exec("INSERT INTO search_fts(search_fts) VALUES ('optimize')");
    db.exec("INSERT INTO search_heads(search_heads) VALUES ('optimize')");
    onProgress?.({ done: total, total, phase: "klaar" });
    return { entries };
  }

  async count(): Promise<number> {
    return (this.db().prepare("SELECT count(*) AS n FROM search_entries").get() as { n: number }).n;
  }

  async indexVersion(): Promise<number | null> {
    const row = this.db().prepare("SELECT value FROM search_meta WHERE key = 'index_version'").get() as { value: string } | undefined;
    const n = row ? Number(row.value) : NaN;
    return Number.isInteger(n) ? n : null;
  }

  async setIndexVersion(version: number): Promise<void> {
    this.db()
      .prepare("INSERT INTO search_meta (key, value) VALUES ('index_version', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
      .run(String(version));
  }

  async health(): Promise<ProviderHealth> {
    try {
      const db = this.db();
      const entries = (db.prepare("SELECT count(*) AS n FROM search_entries").get() as { n: number }).n;
      db.prepare("SELECT rowid FROM search_fts WHERE search_fts MATCH '\"gezondheidscheck\"' LIMIT 1").all();
      return { ok: true, provider: this.name, entries };
    } catch (e) {
      return { ok: false, provider: this.name, entries: 0, detail: e instanceof Error ? e.message : String(e) };
    }
  }

  // ---------------------------------------------------------------- searching

  async search(query: string, opts: SearchOptions): Promise<SearchResult> {
    const principals = [...new Set(opts.principals ?? [])];
    if (principals.length === 0) return emptyResult();
    let parsed = parseQuery(query);
    const filters = cleanFilters(opts.filters);
    const limit = clampLimit(opts.limit);
    const offset = decodeCursor(opts.cursor);
    const base = { principals: JSON.stringify(principals), ...filterParams(filters) };
    const db = this.db();

    if (parsed.empty) return this.browse(db, base, filters, limit, offset, opts);
    parsed = this.settlePrefix(db, parsed);
    let expansions: Expansion[] = expandTerms(
      parsed.terms.map((t) => t.text),
      this.synonyms,
    );

    // Which expression to run (narrow, widened, corrected, any-word) is decided on the permitted
    // hits without facet filters, so choosing a facet never changes what the words match and
    // the disjunctive facet counts stay consistent.
    const none: Partial<Record<FacetName, string[]>> = {};
    let expr = ftsExpression(parsed, "all", false, expansions, this.headCompounds(db, parsed));
    let used = parsed;
    let correctedQuery: string | undefined;
    let found = this.countMatches(db, expr, base, none);
    if (found < WIDEN_BELOW) {
      // Few literal hits: every word as a prefix, stem prefixes and compound tails.
      const wide = ftsExpression(parsed, "all", true, expansions);
      const wideFound = this.countMatches(db, wide, base, none);
      if (wideFound > found) {
        expr = wide;
        found = wideFound;
      }
    }
    const words = parsed.terms.length + parsed.phrases.length;
    if (found === 0) {
      const corrected = this.correct(db, parsed, base, none);
      if (corrected) {
        ({ expr, used } = corrected);
        expansions = corrected.expansions;
        correctedQuery = corrected.used.normalized;
      } else if (words > 1) {
        // Nothing has all the words: rank what has some of them (bm25 favours more of them).
        expr = ftsExpression(parsed, "any", true, expansions);
      }
    } else if (found < ANY_BELOW && words > 2) {
      // A question typed as a sentence rarely has every word in one passage; bm25 still ranks
      // the passages with the most of its words first, so the few full matches stay on top.
      expr = ftsExpression(parsed, "any", true, expansions);
      found = this.countMatches(db, expr, base, none);
    }
    const total = Object.keys(filters).length ? this.countMatches(db, expr, base, filters) : found || this.countMatches(db, expr, base, filters);
    if (total === 0) return { ...emptyResult(), facets: opts.facets?.length ? this.emptyFacets(opts.facets) : {} };

    let rows: RankedRow[];
    const heads = headsExpression(used);
    if (found < RANK_ALL_BELOW) {
      rows = this.ranked(db, expr, false, base, filters, limit, offset, heads);
    } else {
      // Very common words: the best matches have them in the title or heading.
      rows = this.rankedByHeads(db, expr, heads, used, base, filters, limit, offset);
      if (rows.length < limit && offset === 0) rows = this.ranked(db, expr, true, base, filters, limit, offset, heads);
    }

    const hits = this.present(db, rows, used, opts.highlight !== false, expansions);
    const facets = opts.facets?.length ? this.facetCounts(db, `SELECT rowid AS id FROM search_fts WHERE search_fts MATCH @match AND ${ACL("search_fts.rowid")}`, { ...base, match: expr }, filters, opts.facets) : {};
    const also = alsoSearched(expansions);
    return {
      hits,
      total,
      ...(total >= COUNT_CAP ? { totalIsLowerBound: true } : {}),
      facets,
      nextCursor: rows.length === limit && offset + rows.length < total ? encodeCursor(offset + rows.length) : null,
      ...(correctedQuery ? { correctedQuery } : {}),
      ...(also.length ? { alsoSearched: also } : {}),
    };
  }

  /**
   * One page of permitted hits, best first. bm25 costs about a microsecond per matching row, so
   * a word in half of 100,000 passages cannot be ranked in full within our latency budget. For
   * large match sets (`bounded`) the caller first narrows to rows with a query word in the title
   * or heading — with these weights they outrank body-only matches anyway — and only the
   * RANK_CAP most recently indexed rows of that set are ranked.
   */
  private ranked(
    db: Database.Database,
    match: string,
    bounded: boolean,
    base: Record<string, string>,
    filters: Partial<Record<FacetName, string[]>>,
    limit: number,
    offset: number,
    heads: string,
  ): RankedRow[] {
    const minRowid = bounded ? this.windowStart(db, match, base, filters) : null;
    // The excerpt is cut from the body in present(): snippet() would evaluate the MATCH
    // expression a second time for the page's rows.
    return this.weightedTop(
      db,
      "search_fts",
      RANK,
      `search_fts MATCH @match${minRowid != null ? " AND search_fts.rowid >= @minRowid" : ""} AND ${ACL("search_fts.rowid")}${filterSql(filters, "search_fts.rowid")}`,
      { ...base, match, ...(minRowid != null ? { minRowid } : {}) },
      limit,
      offset,
      heads,
    );
  }

  /**
   * One page of `table`'s matching rows ordered by bm25 × kind weight, then id. Computing that
   * score for every match and sorting in SQLite costs about twice FTS5's own bm25 order, so the
   * first pass reads the page's rows several times over in FTS5's order and weighs them here.
   * That is exact when enough of them score better than anything outside the pass could: a row
   * further down has bm25 ≥ the pass's last, so its weighted score is ≥ MAX_WEIGHT × that last
   * bm25 (scores are negative). Otherwise, the full weighted query decides. With `heads` (an
   * expression on search_heads), rows matching it also get HEAD_BONUS.
   */
  private weightedTop(
    db: Database.Database,
    table: "search_fts" | "search_heads",
    rank: string,
    where: string,
    params: Record<string, string | number>,
    limit: number,
    offset: number,
    heads?: string,
  ): RankedRow[] {
    const need = offset + limit;
    const maxWeight = MAX_WEIGHT * (heads ? HEAD_BONUS : 1);
    const k = Math.max(TOP_MIN, need * TOP_FACTOR);
    if (k <= TOP_MAX) {
      // The subquery's LIMIT keeps SQLite from flattening it: only the pass's rows are joined.
      const top = db
        .prepare(
          `SELECT t.id AS id, t.score AS score, e.kind AS kind, e.key AS key
           FROM (SELECT ${table}.rowid AS id, ${table}.rank AS score FROM ${table} WHERE ${where} AND ${table}.rank MATCH '${rank}' ORDER BY ${table}.rank LIMIT @k) t
           JOIN search_entries e ON e.id = t.id`,
        )
        .all({ ...params, k }) as (RankedRow & { kind: string; key: string })[];
      const headed = heads && top.length ? this.headedAmong(db, heads, top.map((r) => r.id)) : new Set<number>();
      const weighed = top
        .map((r) => ({ id: r.id, score: r.score * kindWeight(r.kind, r.key) * (headed.has(r.id) ? HEAD_BONUS : 1) }))
        .sort((a, b) => a.score - b.score || a.id - b.id);
      if (top.length < k) return weighed.slice(offset, need);
      const bound = maxWeight * Math.max(...top.map((r) => r.score));
      if (weighed.filter((r) => r.score < bound).length >= need) return weighed.slice(offset, need);
    }
    return db
      .prepare(
        `SELECT ${table}.rowid AS id, ${table}.rank * ${KIND_WEIGHT_SQL}${heads ? ` * (CASE WHEN ${table}.rowid IN (SELECT rowid FROM search_heads WHERE search_heads MATCH @heads) THEN ${HEAD_BONUS} ELSE 1.0 END)` : ""} AS score
         FROM ${table} CROSS JOIN search_entries e INDEXED BY search_entries_kind ON e.id = ${table}.rowid
         WHERE ${where} AND ${table}.rank MATCH '${rank}'
         ORDER BY score, e.id LIMIT @limit OFFSET @offset`,
      )
      .all({ ...params, limit, offset, ...(heads ? { heads } : {}) }) as RankedRow[];
  }

  /** Which of `ids` match `heads` in their title or heading. */
  private headedAmong(db: Database.Database, heads: string, ids: number[]): Set<number> {
    const rows = db
      .prepare("SELECT rowid AS id FROM search_heads WHERE search_heads MATCH @heads AND rowid IN (SELECT value FROM json_each(@ids))")
      .all({ heads, ids: JSON.stringify(ids) }) as { id: number }[];
    return new Set(rows.map((r) => r.id));
  }

  /**
   * Rank on the small titles-and-headings index. A single word matching there also matches the
   * main index; with more words, the rows must also match all of them in the main index.
   */
  private rankedByHeads(
    db: Database.Database,
    expr: string,
    heads: string,
    used: ParsedQuery,
    base: Record<string, string>,
    filters: Partial<Record<FacetName, string[]>>,
    limit: number,
    offset: number,
  ): RankedRow[] {
    const single = used.terms.length + used.phrases.length === 1;
    // A word still being typed over a large match set (search as you type): FTS5's own rank
    // order is much cheaper than a computed score, and the next keystroke replaces the list.
    // Complete words get the kind weights.
    const weighted = !used.terms.some((t) => t.prefix);
    const where = `search_heads MATCH @heads${single ? "" : " AND +search_heads.rowid IN (SELECT rowid FROM search_fts WHERE search_fts MATCH @match)"} AND ${ACL("search_heads.rowid")}${filterSql(filters, "search_heads.rowid")}`;
    const params = { ...base, heads, ...(single ? {} : { match: expr }) };
    if (weighted) return this.weightedTop(db, "search_heads", HEADS_RANK, where, params, limit, offset);
    return db
      .prepare(`SELECT rowid AS id, rank AS score FROM search_heads WHERE ${where} AND rank MATCH '${HEADS_RANK}' ORDER BY rank LIMIT @limit OFFSET @offset`)
      .all({ ...params, limit, offset }) as RankedRow[];
  }

  /** The lowest rowid among the RANK_CAP most recent permitted matches. */
  private windowStart(db: Database.Database, expr: string, base: Record<string, string>, filters: Partial<Record<FacetName, string[]>>): number | null {
    const row = db
      .prepare(
        `SELECT rowid AS id FROM search_fts WHERE search_fts MATCH @match AND ${ACL("search_fts.rowid")}${filterSql(filters, "search_fts.rowid")}
         ORDER BY rowid DESC LIMIT 1 OFFSET ${RANK_CAP - 1}`,
      )
      .get({ ...base, match: expr }) as { id: number } | undefined;
    return row ? row.id : null;
  }

  /**
   * For a one-word query, the longer words in titles and headings that start with it and are
   * not already found through its stem ("mantelzorg" → "mantelzorgondersteuning"), looked up
   * in the small headings vocabulary. Each named compound costs a read of its postings in the
   * main index, so with more than MAX_HEAD_COMPOUNDS none are named: a word that starts that
   * many heading words is a word to type in full (a prefix over all of them measured 5–10 ms
   * per query at 100,000 passages, on the main index and on the headings index alike).
   */
  private headCompounds(db: Database.Database, parsed: ParsedQuery): string[] {
    const t = parsed.terms[0];
    if (parsed.terms.length !== 1 || parsed.phrases.length || !t || t.prefix || t.text.length < HEAD_PREFIX_MIN) return [];
    const terms = (
      db
        .prepare("SELECT DISTINCT term FROM search_heads_vocab WHERE term > ? AND term < ? AND col IN ('title', 'section') LIMIT ?")
        .all(t.text, `${t.text}\uffff`, MAX_HEAD_COMPOUNDS + 1) as { term: string }[]
    ).map((r) => r.term);
    if (terms.length > MAX_HEAD_COMPOUNDS) return [];
    return terms.filter((w) => stem(w) !== t.stem);
  }

  /**
   * A word being typed is searched as a prefix. A long one that is already a complete word in
   * the index is searched as that word (and its stem): merging every longer word that starts
   * with it costs a lot on a big index and adds little (compounds come in when widening).
   * Prefixes of up to 4 letters have their own index and stay prefixes.
   */
  private settlePrefix(db: Database.Database, parsed: ParsedQuery): ParsedQuery {
    // A MATCH that stops at the first row, not the vocabulary table: fts5vocab reads a term's
    // whole doclist to count it (about 2 ms for a common word at 100,000 passages).
    const exact = db.prepare("SELECT 1 FROM search_fts WHERE search_fts MATCH ? LIMIT 1");
    // Tokens are letters and digits only (parseQuery), so quoting them is safe.
    return {
      ...parsed,
      terms: parsed.terms.map((t) => (t.prefix && t.text.length > 4 && exact.get(`{title section body} : "${t.text}"`) ? { ...t, prefix: false } : t)),
    };
  }

  /** Permitted matches, counted up to `cap`. */
  private countMatches(db: Database.Database, expr: string, base: Record<string, string>, filters: Partial<Record<FacetName, string[]>>, cap = COUNT_CAP): number {
    const row = db
      .prepare(
        `SELECT count(*) AS n FROM (SELECT 1 FROM search_fts WHERE search_fts MATCH @match AND ${ACL("search_fts.rowid")}${filterSql(filters, "search_fts.rowid")} LIMIT @cap)`,
      )
      .get({ ...base, match: expr, cap }) as { n: number };
    return row.n;
  }

  /**
   * Typo tolerance: words that occur nowhere in the index are replaced by a word one edit
   * away that does occur (most frequent first). A correction is only offered when it finds
   * something this person may read, so it cannot hint at hidden entries.
   */
  private correct(
    db: Database.Database,
    parsed: ParsedQuery,
    base: Record<string, string>,
    filters: Partial<Record<FacetName, string[]>>,
  ): { expr: string; used: ParsedQuery; total: number; expansions: Expansion[] } | null {
    const exists = db.prepare(
      "SELECT 1 FROM search_vocab WHERE term >= ? AND term < ? AND col IN ('title', 'section', 'body') LIMIT 1",
    );
    const docsOf = db.prepare("SELECT sum(doc) AS docs FROM search_vocab WHERE term = ? AND col IN ('title', 'section', 'body')");
    const options: string[][] = [];
    let anyCorrection = false;
    for (const t of parsed.terms) {
      if (t.text.length < 4 || exists.get(t.text, `${t.text}\uffff`)) {
        options.push([t.text]);
        continue;
      }
      const candidates: { term: string; docs: number }[] = [];
      for (const v of variantsOf(t.text)) {
        const r = docsOf.get(v) as { docs: number | null };
        if (r.docs) candidates.push({ term: v, docs: r.docs });
      }
      const best = bestCorrection(t.text, candidates).slice(0, 3);
      if (best.length) anyCorrection = true;
      options.push(best.length ? best : [t.text]);
    }
    if (!anyCorrection) return null;
    for (let k = 0; k < 3; k++) {
      const words = options.map((o) => o[Math.min(k, o.length - 1)]);
      const phrasesText = parsed.phrases.map((p) => `"${p.join(" ")}"`).join(" ");
      const used = parseQuery(`${phrasesText} ${words.join(" ")}`);
      const expansions = expandTerms(
        used.terms.map((t) => t.text),
        this.synonyms,
      );
      const expr = ftsExpression(used, "all", true, expansions);
      const total = this.countMatches(db, expr, base, filters);
      if (total > 0) return { expr, used, total, expansions };
      if (options.every((o) => o.length <= k + 1)) break;
    }
    return null;
  }

  private browse(
    db: Database.Database,
    base: Record<string, string>,
    filters: Partial<Record<FacetName, string[]>>,
    limit: number,
    offset: number,
    opts: SearchOptions,
  ): SearchResult {
    const where = `${ACL("e.id")}${filterSql(filters, "e.id")}`;
    const total = (db.prepare(`SELECT count(*) AS n FROM (SELECT 1 FROM search_entries e WHERE ${where} LIMIT ${COUNT_CAP})`).get(base) as { n: number }).n;
    const rows = db
      .prepare(`SELECT e.id AS id, 0 AS score FROM search_entries e WHERE ${where} ORDER BY e.updated_at DESC, e.entity_key, e.position LIMIT @limit OFFSET @offset`)
      .all({ ...base, limit, offset }) as RankedRow[];
    const hits = this.present(db, rows, parseQuery(""), false);
    const facets = opts.facets?.length ? this.facetCounts(db, `SELECT e.id AS id FROM search_entries e WHERE ${ACL("e.id")}`, base, filters, opts.facets) : {};
    return {
      hits,
      total,
      ...(total >= COUNT_CAP ? { totalIsLowerBound: true } : {}),
      facets,
      nextCursor: offset + rows.length < total ? encodeCursor(offset + rows.length) : null,
    };
  }

  private present(
    db: Database.Database,
    rows: RankedRow[],
    parsed: ParsedQuery,
    withHighlight: boolean,
    expansions: readonly Expansion[] = [],
  ): SearchHit[] {
    if (rows.length === 0) return [];
    const entries = db
      .prepare("SELECT id, key, entity_key, kind, title, section, body, url, data FROM search_entries WHERE id IN (SELECT value FROM json_each(?))")
      .all(JSON.stringify(rows.map((r) => r.id))) as EntryRow[];
    const byId = new Map(entries.map((e) => [e.id, e]));
    const matches = tokenMatcher(parsed, expansions);
    const out: SearchHit[] = [];
    for (const r of rows) {
      const e = byId.get(r.id);
      if (!e) continue;
      const stored = JSON.parse(e.data) as Stored;
      const excerpt = excerptAround(e.body, !withHighlight || parsed.empty ? () => false : matches);
      out.push({
        id: e.key,
        entityKey: e.entity_key,
        kind: (SEARCH_KINDS as readonly string[]).includes(e.kind) ? (e.kind as SearchKind) : "document",
        title: e.title,
        section: e.section,
        url: e.url,
        facets: stored.facets ?? {},
        excerpt,
        titleMarked: withHighlight && !parsed.empty ? highlight(e.title, matches) : e.title,
        sectionMarked: withHighlight && !parsed.empty ? highlight(e.section, matches) : e.section,
        score: r.score,
      });
    }
    return out;
  }

  /**
   * Disjunctive facet counts over the permitted hits: each facet is counted with every other
   * facet's filter applied but not its own, so choosing one keten still shows the others.
   */
  private facetCounts(
    db: Database.Database,
    baseSql: string,
    params: Record<string, string>,
    filters: Partial<Record<FacetName, string[]>>,
    facets: readonly FacetName[],
  ): Partial<Record<FacetName, FacetCount[]>> {
    const wanted = FACET_NAMES.filter((f) => facets.includes(f));
    const clauses = wanted
      .map((f) => `(x.facet = '${f}'${filterSql(filters, "b.id", f)})`)
      .join(" OR ");
    const rows = db
      .prepare(
        `WITH b AS MATERIALIZED (${baseSql})
         SELECT x.facet AS facet, x.value AS value, count(*) AS n
         FROM b JOIN search_facets x ON x.entry_id = b.id
         WHERE ${clauses}
         GROUP BY x.facet, x.value`,
      )
      .all(params) as { facet: FacetName; value: string; n: number }[];
    const out = this.emptyFacets(wanted);
    for (const r of rows) out[r.facet]?.push({ value: r.value, count: r.n });
    for (const f of wanted) out[f]?.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    return out;
  }

  private emptyFacets(facets: readonly FacetName[]): Partial<Record<FacetName, FacetCount[]>> {
    const out: Partial<Record<FacetName, FacetCount[]>> = {};
    for (const f of facets) if ((FACET_NAMES as readonly string[]).includes(f)) out[f] = [];
    return out;
  }
}

/** One-edit variants of a word, restricted to what the tokenizer could have produced. */
function variantsOf(word: string): string[] {
  return oneEditVariants(word).filter((v) => tokenize(v).length === 1);
}
