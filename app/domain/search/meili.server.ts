// The Meilisearch engine, used when MEILI_HOST is set. Same SearchEntry documents, same
// ACL tokens: the permission filter is part of the search request (`visibility IN [...]`),
// so hits, totals and facet distributions never include what the person may not read.
import crypto from "node:crypto";
import { Meilisearch, type Index, type SearchParams, type Settings } from "meilisearch";
import { DUTCH_STOP_WORDS, stemText } from "./dutch.server";
import { clampLimit, decodeCursor, encodeCursor, parseQuery } from "./query.server";
import { alsoSearched, expandTerms, meiliSynonyms, synonymIndex, type SynonymIndex } from "./synonyms";
import {
  FACET_NAMES,
  HL_END,
  HL_START,
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

export type MeiliDocument = {
  id: string;
  key: string;
  entityKey: string;
  soort: string;
  title: string;
  section: string;
  body: string;
  /** Dutch stems, so "afspraak" also finds "afspraken" (Meilisearch has no Dutch stemmer). */
  stems: string;
  /** Kind weight (see KIND_WEIGHT_SQL in fts5.server.ts): agreements before mentions. */
  kindRank: number;
  url: string;
  position: number;
  updatedAt: string;
  visibility: string[];
} & Partial<Record<Exclude<FacetName, "soort">, string[]>>;

export const MEILI_SETTINGS: Settings = {
  searchableAttributes: ["title", "section", "body", "stems"],
  filterableAttributes: ["visibility", "entityKey", ...FACET_NAMES],
  sortableAttributes: ["updatedAt"],
  rankingRules: ["words", "typo", "proximity", "attribute", "kindRank:desc", "sort", "exactness"],
  displayedAttributes: ["key", "entityKey", "soort", "title", "section", "body", "url", "position", "updatedAt", ...FACET_NAMES.filter((f) => f !== "soort")],
  stopWords: [...DUTCH_STOP_WORDS],
  localizedAttributes: [{ attributePatterns: ["*"], locales: ["nld"] }],
  faceting: { maxValuesPerFacet: 200 },
  pagination: { maxTotalHits: 5000 },
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 9 } },
};

/** Meilisearch ids allow only [A-Za-z0-9_-]: hash our keys ("document:12#het-startgesprek"). */
export function meiliId(key: string): string {
  return crypto.createHash("sha256").update(key).digest("base64url").slice(0, 32);
}

function kindRank(e: SearchEntry): number {
  if (e.kind === "document") return 5;
  if (e.kind === "concept") return 4;
  if (e.kind === "voorstel") return e.id.endsWith("#tijdlijn") ? 1 : 3;
  if (e.kind === "persoon" || e.kind === "organisatie") return 2;
  return 2;
}

export function toMeiliDocument(e: SearchEntry): MeiliDocument {
  return {
    id: meiliId(e.id),
    key: e.id,
    entityKey: e.entityKey,
    soort: e.kind,
    title: e.title,
    section: e.section,
    body: e.body,
    stems: stemText(`${e.title} ${e.section} ${e.body}`),
    kindRank: kindRank(e),
    url: e.url,
    position: e.position,
    updatedAt: e.updatedAt,
    visibility: [...new Set(e.visibility)],
    keten: e.facets.keten ?? [],
    thema: e.facets.thema ?? [],
    wijk: e.facets.wijk ?? [],
    organisatie: e.facets.organisatie ?? [],
    status: e.facets.status ?? [],
  };
}

/** A Meilisearch filter string literal; values are escaped, never spliced raw. */
export function meiliString(v: string): string {
  return `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/**
 * The filter of one search: permission first (always), then the facet filters, leaving out
 * `except` (for disjunctive facet counts).
 */
export function meiliFilter(principals: string[], filters: SearchFilters | undefined, except?: FacetName): string[] {
  const out = [`visibility IN [${principals.map(meiliString).join(", ")}]`];
  for (const f of FACET_NAMES) {
    const values = (filters?.[f] ?? []).filter((v) => typeof v === "string" && v.length > 0 && v.length <= 100).slice(0, 30);
    if (f === except || values.length === 0) continue;
    out.push(`${f} IN [${values.map(meiliString).join(", ")}]`);
  }
  return out;
}

/** Meilisearch query text: our parsed words and quoted phrases (its own syntax is not exposed). */
export function meiliQuery(raw: string): string {
  return parseQuery(raw).normalized;
}

export type MeiliOptions = { host: string; apiKey?: string; indexUid?: string; source?: EntrySource; timeoutMs?: number };

export class MeiliProvider implements SearchProvider {
  readonly name = "meilisearch" as const;
  private readonly client: Meilisearch;
  private readonly uid: string;
  private synonyms: SynonymIndex = synonymIndex([]);

  constructor(private readonly options: MeiliOptions) {
    this.client = new Meilisearch({ host: options.host, apiKey: options.apiKey || undefined, timeout: options.timeoutMs ?? 5000 });
    this.uid = options.indexUid ?? "ketenportaal";
  }

  private index(uid = this.uid): Index<MeiliDocument> {
    return this.client.index<MeiliDocument>(uid);
  }

  private async ensureIndex(uid: string): Promise<void> {
    try {
      await this.client.getRawIndex(uid);
    } catch {
      await this.client.createIndex(uid, { primaryKey: "id" }).waitTask();
    }
    await this.index(uid).updateSettings({ ...MEILI_SETTINGS, synonyms: meiliSynonyms(this.synonyms.groups) }).waitTask();
  }

  /** Meilisearch applies synonyms itself; we keep the groups to say what was also searched. */
  async setSynonyms(groups: string[][]): Promise<void> {
    this.synonyms = synonymIndex(groups);
    await this.index().updateSettings({ synonyms: meiliSynonyms(groups) }).waitTask();
  }

  async init(): Promise<void> {
    await this.ensureIndex(this.uid);
  }

  async upsert(entries: SearchEntry[], replaceEntityKeys?: string[]): Promise<void> {
    const keys = [...new Set([...(replaceEntityKeys ?? []), ...entries.map((e) => e.entityKey)])];
    const index = this.index();
    // Tasks on one index run in order: delete the entity's old entries, then add the new ones.
    for (let i = 0; i < keys.length; i += 100) {
      const chunk = keys.slice(i, i + 100);
      await index.deleteDocuments({ filter: `entityKey IN [${chunk.map(meiliString).join(", ")}]` }).waitTask();
    }
    if (entries.length) await index.addDocuments(entries.map(toMeiliDocument), { primaryKey: "id" }).waitTask();
  }

  async remove(entityKeys: string[]): Promise<void> {
    await this.upsert([], entityKeys);
  }

  async reindexAll(onProgress?: (p: ReindexProgress) => void): Promise<{ entries: number }> {
    const source = this.options.source;
    if (!source) throw new Error("Geen bron om de zoekindex uit op te bouwen.");
    // Build next to the live index and swap, so searches keep working during the rebuild.
    const tmp = `${this.uid}_opbouw`;
    await this.client.deleteIndexIfExists(tmp);
    await this.ensureIndex(this.uid);
    await this.ensureIndex(tmp);
    const total = source.countEntities();
    let done = 0;
    let entries = 0;
    onProgress?.({ done, total, phase: "lezen" });
    for (const batch of source.batches(500)) {
      if (batch.entries.length) await this.index(tmp).addDocuments(batch.entries.map(toMeiliDocument), { primaryKey: "id" }).waitTask();
      entries += batch.entries.length;
      done += batch.entities;
      onProgress?.({ done: Math.min(done, total), total, phase: "lezen" });
    }
    onProgress?.({ done: total, total, phase: "schrijven" });
    await this.client.swapIndexes([{ indexes: [this.uid, tmp], rename: false }]).waitTask();
    await this.client.deleteIndexIfExists(tmp);
    onProgress?.({ done: total, total, phase: "klaar" });
    return { entries };
  }

  async count(): Promise<number> {
    const stats = await this.index().getStats();
    return stats.numberOfDocuments;
  }

  /** The version lives in a one-document index next to the main one, outside search and the swap. */
  private metaUid(): string {
    return `${this.uid}_meta`;
  }

  async indexVersion(): Promise<number | null> {
    try {
      const doc = await this.client.index<{ id: string; version: number }>(this.metaUid()).getDocument("version");
      return Number.isInteger(doc.version) ? doc.version : null;
    } catch {
      // No meta index or no version document yet: an index from before the version check.
      return null;
    }
  }

  async setIndexVersion(version: number): Promise<void> {
    await this.client.index(this.metaUid()).addDocuments([{ id: "version", version }], { primaryKey: "id" }).waitTask();
  }

  async health(): Promise<ProviderHealth> {
    try {
      await this.client.health();
      return { ok: true, provider: this.name, entries: await this.count() };
    } catch (e) {
      return { ok: false, provider: this.name, entries: 0, detail: e instanceof Error ? e.message : String(e) };
    }
  }

  async search(query: string, opts: SearchOptions): Promise<SearchResult> {
    const principals = [...new Set(opts.principals ?? [])];
    if (principals.length === 0) return { hits: [], total: 0, facets: {}, nextCursor: null };
    const q = meiliQuery(query);
    const limit = clampLimit(opts.limit);
    const offset = decodeCursor(opts.cursor);
    const highlight = opts.highlight !== false && q !== "";
    const wanted = FACET_NAMES.filter((f) => opts.facets?.includes(f));
    const main: SearchParams & { indexUid: string } = {
      indexUid: this.uid,
      q,
      filter: meiliFilter(principals, opts.filters),
      limit,
      offset,
      facets: wanted,
      attributesToRetrieve: ["key", "entityKey", "soort", "title", "section", "body", "url", "keten", "thema", "wijk", "organisatie", "status"],
      ...(highlight
        ? {
            attributesToHighlight: ["title", "section", "body"],
            attributesToCrop: ["body"],
            cropLength: 28,
            cropMarker: "…",
            highlightPreTag: HL_START,
            highlightPostTag: HL_END,
          }
        : {}),
      ...(q === "" ? { sort: ["updatedAt:desc"] } : {}),
    };
    // Disjunctive facets: a filtered facet is counted with the other filters only.
    const filtered = wanted.filter((f) => (opts.filters?.[f] ?? []).length > 0);
    const extra = filtered.map((f) => ({ indexUid: this.uid, q, filter: meiliFilter(principals, opts.filters, f), limit: 0, facets: [f] }));
    const { results } = await this.client.multiSearch({ queries: [main, ...extra] });
    const [r, ...perFacet] = results;
    const total = r.estimatedTotalHits ?? r.totalHits ?? 0;

    const facets: Partial<Record<FacetName, FacetCount[]>> = {};
    const fromDistribution = (f: FacetName, dist: Record<string, Record<string, number>> | undefined) =>
      Object.entries(dist?.[f] ?? {})
        .map(([value, count]) => ({ value, count }))
        .filter((x) => x.count > 0)
        .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    for (const f of wanted) facets[f] = fromDistribution(f, r.facetDistribution);
    filtered.forEach((f, i) => (facets[f] = fromDistribution(f, perFacet[i]?.facetDistribution)));

    const hits: SearchHit[] = r.hits.map((h) => {
      const d = h as unknown as MeiliDocument & { _formatted?: Partial<MeiliDocument>; _rankingScore?: number };
      const fmt = d._formatted ?? {};
      return {
        id: d.key,
        entityKey: d.entityKey,
        kind: (SEARCH_KINDS as readonly string[]).includes(d.soort) ? (d.soort as SearchKind) : "document",
        title: d.title,
        section: d.section,
        url: d.url,
        facets: { keten: d.keten ?? [], thema: d.thema ?? [], wijk: d.wijk ?? [], organisatie: d.organisatie ?? [], status: d.status ?? [] },
        excerpt: highlight ? (fmt.body ?? d.body) : d.body.split(/\s+/).slice(0, 28).join(" "),
        titleMarked: highlight ? (fmt.title ?? d.title) : d.title,
        sectionMarked: highlight ? (fmt.section ?? d.section) : d.section,
        score: d._rankingScore ?? 0,
      };
    });
    const also = alsoSearched(expandTerms(parseQuery(query).terms.map((t) => t.text), this.synonyms));
    return {
      hits,
      total,
      facets,
      nextCursor: offset + hits.length < total ? encodeCursor(offset + hits.length) : null,
      ...(also.length ? { alsoSearched: also } : {}),
    };
  }
}
