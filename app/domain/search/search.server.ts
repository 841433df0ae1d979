// Searching as a person: their principal tokens go into the engine's query, and the result
// is presented for the UI (labels for facet values, highlight segments instead of HTML).
import type { Actor } from "~/domain/actor.server";
import { listKetens, listOrganisations, listThemas, listWijken } from "~/domain/directory.server";
import { principalsFor } from "./acl.server";
import { FACET_LABELS, KIND_LABELS, STATUS_LABELS } from "./labels";
import { getSearchProvider } from "./provider.server";
import { searchAndRecord } from "./search-log.server";
import { MAX_QUERY_CHARS } from "./query.server";
import { FACET_NAMES, HL_END, HL_START, type FacetName, type SearchFilters, type SearchHit, type SearchResult } from "./types";

export type Segment = { text: string; mark: boolean };

/** Highlight markers → segments the UI renders as text and <mark>, never as HTML. */
export function segments(marked: string): Segment[] {
  const out: Segment[] = [];
  let mark = false;
  let buf = "";
  for (const ch of marked) {
    if (ch === HL_START || ch === HL_END) {
      if (buf) out.push({ text: buf, mark });
      buf = "";
      mark = ch === HL_START;
    } else buf += ch;
  }
  if (buf) out.push({ text: buf, mark });
  return out;
}

export type SearchParamsInput = { q: string; filters: SearchFilters; cursor: string | null };

/** Read q, facet filters and the cursor from a URL; anything odd is dropped, never an error. */
export function readSearchParams(url: URL): SearchParamsInput {
  const q = (url.searchParams.get("q") ?? "").slice(0, MAX_QUERY_CHARS * 5);
  const filters: SearchFilters = {};
  for (const f of FACET_NAMES) {
    const values = url.searchParams
      .getAll(f)
      .filter((v) => v.length > 0 && v.length <= 100)
      .slice(0, 30);
    if (values.length) filters[f] = [...new Set(values)];
  }
  const cursor = url.searchParams.get("na");
  return { q, filters, cursor: cursor && cursor.length <= 40 ? cursor : null };
}

type Labeler = (facet: FacetName, value: string) => string;

function labeler(): Labeler {
  const maps: Partial<Record<FacetName, Map<string, string>>> = {
    keten: new Map(listKetens().map((k) => [k.slug, k.name])),
    thema: new Map(listThemas().map((t) => [t.slug, t.name])),
    wijk: new Map([...listWijken().map((w) => [w.slug, w.name] as [string, string]), ["stadsbreed", "Stadsbreed"]]),
    organisatie: new Map(listOrganisations().map((o) => [o.slug, o.name])),
    soort: new Map(Object.entries(KIND_LABELS)),
    status: new Map(Object.entries(STATUS_LABELS)),
  };
  return (facet, value) => maps[facet]?.get(value) ?? value;
}

export type PresentedHit = {
  id: string;
  kind: string;
  kindLabel: string;
  url: string;
  title: Segment[];
  section: Segment[];
  excerpt: Segment[];
  meta: string[];
};

function presentHit(h: SearchHit, label: Labeler): PresentedHit {
  const meta = [
    ...(h.facets.keten ?? []).map((v) => label("keten", v)),
    ...(h.kind === "signaal" ? (h.facets.thema ?? []).map((v) => label("thema", v)) : []),
    ...(h.kind === "voorstel" || h.kind === "signaal" || (h.facets.status ?? []).includes("gearchiveerd") ? (h.facets.status ?? []).map((v) => label("status", v)) : []),
  ];
  return {
    id: h.id,
    kind: h.kind,
    kindLabel: KIND_LABELS[h.kind],
    url: h.url,
    title: segments(h.titleMarked),
    section: segments(h.sectionMarked),
    excerpt: segments(h.excerpt),
    meta,
  };
}

export type PresentedFacet = { name: FacetName; label: string; values: { value: string; label: string; count: number; selected: boolean }[] };

export type PresentedSearch = {
  q: string;
  hits: PresentedHit[];
  total: number;
  /** "Meer dan 1.000": the engine stopped counting. */
  totalIsLowerBound: boolean;
  facets: PresentedFacet[];
  nextCursor: string | null;
  correctedQuery: string | null;
  /** Synonyms searched as well ("ook gezocht op: startgesprek"). */
  alsoSearched: string[];
  /** A Dutch message when the engine could not answer (the page still renders). */
  unavailable: string | null;
};

const UNAVAILABLE = "Zoeken is op dit moment niet beschikbaar. Probeer het over een paar minuten opnieuw; de documenten zelf zijn gewoon te openen via het menu.";

export async function searchFor(input: {
  actor: Actor;
  q: string;
  filters?: SearchFilters;
  cursor?: string | null;
  limit?: number;
  facets?: readonly FacetName[];
  /** Count the query for "what people could not find" (the search page, not search-as-you-type). */
  record?: boolean;
}): Promise<PresentedSearch> {
  const label = labeler();
  let result: SearchResult;
  try {
    const opts = {
      principals: principalsFor(input.actor),
      filters: input.filters,
      facets: input.facets ?? [],
      highlight: true,
      limit: input.limit ?? 20,
      cursor: input.cursor ?? null,
    };
    result = input.record ? await searchAndRecord(getSearchProvider(), input.q, opts) : await getSearchProvider().search(input.q, opts);
  } catch (e) {
    // The engine failing (Meilisearch down, a corrupt index) is not the searcher's fault:
    // say so in Dutch and log it, but do not show a stack trace or a 500 page.
    console.error("[zoeken] zoekopdracht mislukt:", e instanceof Error ? e.message : e);
    return { q: input.q, hits: [], total: 0, totalIsLowerBound: false, facets: [], nextCursor: null, correctedQuery: null, alsoSearched: [], unavailable: UNAVAILABLE };
  }
  const selected = input.filters ?? {};
  const facets: PresentedFacet[] = (input.facets ?? []).map((name) => {
    const counts = result.facets[name] ?? [];
    const values = counts.map((c) => ({ value: c.value, label: label(name, c.value), count: c.count, selected: (selected[name] ?? []).includes(c.value) }));
    // A selected value with no hits stays visible, so it can be switched off again.
    for (const v of selected[name] ?? []) if (!values.some((x) => x.value === v)) values.push({ value: v, label: label(name, v), count: 0, selected: true });
    return { name, label: FACET_LABELS[name], values };
  });
  return {
    q: input.q,
    hits: result.hits.map((h) => presentHit(h, label)),
    total: result.total,
    totalIsLowerBound: result.totalIsLowerBound ?? false,
    facets,
    nextCursor: result.nextCursor,
    correctedQuery: result.correctedQuery ?? null,
    alsoSearched: result.alsoSearched ?? [],
    unavailable: null,
  };
}
