// The contract between the search feature and its engines. Everything above this line
// (routes, indexer, tests) talks to a SearchProvider; FTS5 and Meilisearch sit below it.
import type { SearchEntityType } from "~/domain/search-outbox.server";

export type { SearchEntityType };

/** The "soort" facet: what kind of thing a hit is. */
export const SEARCH_KINDS = ["document", "concept", "voorstel", "reactie", "signaal", "persoon", "organisatie", "besluit", "verbeterpunt", "opdracht", "verkenning", "bijeenkomst", "actie", "opmerking"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const FACET_NAMES = ["soort", "keten", "thema", "wijk", "organisatie", "status"] as const;
export type FacetName = (typeof FACET_NAMES)[number];

export type FacetValues = Partial<Record<FacetName, string[]>>;

/**
 * One findable unit: a passage of a published document (per heading), a changed passage of a
 * draft, a proposal or its timeline, a signal, a person, an organisation.
 */
export type SearchEntry = {
  /** Unique per entry, e.g. "document:12#het-startgesprek". */
  id: string;
  /** The entity the outbox refers to, e.g. "document:12"; all its entries are replaced together. */
  entityKey: string;
  kind: SearchKind;
  title: string;
  /** Heading of the passage (documents) or part name ("Tijdlijn"); "" for the whole item. */
  section: string;
  body: string;
  /** Where the hit links to, straight to the passage. */
  url: string;
  /** Order inside the entity (passage number), used to break ties. */
  position: number;
  updatedAt: string;
  /**
   * ACL tokens: a person may see this entry when one of their principal tokens (see acl.server.ts)
   * is in this list. Filtering happens in the engine's query, never afterwards.
   */
  visibility: string[];
  /** Facet values except "soort", which is `kind`. */
  facets: Omit<FacetValues, "soort">;
};

export type SearchFilters = FacetValues;

export type SearchOptions = {
  /** The searching person's principal tokens (required: there is no unfiltered search). */
  principals: string[];
  filters?: SearchFilters;
  /** Facets to count (over the permitted hits only). */
  facets?: readonly FacetName[];
  highlight?: boolean;
  limit?: number;
  cursor?: string | null;
};

export type HighlightedText = {
  /** Text with \u0002 … \u0003 around matched words; the UI turns these into <mark>. */
  marked: string;
};

export type SearchHit = {
  id: string;
  entityKey: string;
  kind: SearchKind;
  title: string;
  section: string;
  url: string;
  facets: Omit<FacetValues, "soort">;
  /** Excerpt of the body with highlight markers (or a plain excerpt when highlight is off). */
  excerpt: string;
  /** Title with highlight markers. */
  titleMarked: string;
  /** Section heading with highlight markers. */
  sectionMarked: string;
  score: number;
};

export type FacetCount = { value: string; count: number };

export type SearchResult = {
  hits: SearchHit[];
  /** Number of permitted hits for this query and filters (never counts what the person cannot read). */
  total: number;
  /** The engine stopped counting at `total`: there are at least this many. */
  totalIsLowerBound?: boolean;
  facets: Partial<Record<FacetName, FacetCount[]>>;
  nextCursor: string | null;
  /** When the literal query found nothing and a one-letter correction did: the corrected query. */
  correctedQuery?: string;
  /** Synonyms that were searched as well ("ook gezocht op: startgesprek"). */
  alsoSearched?: string[];
};

export type ReindexProgress = { done: number; total: number; phase: "lezen" | "schrijven" | "klaar" };

export type ProviderHealth = { ok: boolean; provider: string; entries: number; detail?: string };

/** Source of truth for a full rebuild: the database, read entity by entity. */
export interface EntrySource {
  countEntities(): number;
  /** All entries, in batches of whole entities (`entities`: how many entities the batch covers, some may have no entries). */
  batches(batchSize?: number): Iterable<{ entries: SearchEntry[]; entities: number }>;
}

export interface SearchProvider {
  readonly name: "fts5" | "meilisearch";
  /** Create/upgrade index settings. Idempotent; called on start. */
  init(): Promise<void>;
  /**
   * Store entries. For every entityKey in the batch, the entity's previous entries are
   * replaced entirely, so a passage that disappeared stops matching.
   */
  upsert(entries: SearchEntry[], replaceEntityKeys?: string[]): Promise<void>;
  /** Remove every entry of these entities. */
  remove(entityKeys: string[]): Promise<void>;
  search(query: string, opts: SearchOptions): Promise<SearchResult>;
  /**
   * Rebuild the whole index from the provider's source (the database, or fixtures in tests),
   * atomically for readers where the engine allows it.
   */
  reindexAll(onProgress?: (p: ReindexProgress) => void): Promise<{ entries: number }>;
  health(): Promise<ProviderHealth>;
  /**
   * The synonym groups to apply from now on (synonyms.ts; stored in search_synonyms). FTS5
   * expands queries with them, Meilisearch gets them as its synonyms setting.
   */
  setSynonyms(groups: string[][]): Promise<void>;
  /** Number of entries in the index. */
  count(): Promise<number>;
  /** The SEARCH_INDEX_VERSION the index was last fully built with; null when none is stored. */
  indexVersion(): Promise<number | null>;
  /** Store the version a full rebuild has just produced. */
  setIndexVersion(version: number): Promise<void>;
}

export const HL_START = "\u0002";
export const HL_END = "\u0003";
