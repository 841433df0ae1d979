// Synonym groups (issue 15): "intake" also searches "startgesprek". One pure matcher decides,
// for both engines, which words of a query have synonyms, so FTS5's query expansion and what
// the page shows ("ook gezocht op: startgesprek") agree; Meilisearch gets the same groups as
// its synonyms setting.
import { isStopWord, stem, tokenize } from "./dutch.server";

/** A group of folded terms (single words or short phrases) that find each other. */
export type SynonymGroup = string[];

export const MAX_GROUP_TERMS = 12;
export const MAX_TERM_WORDS = 4;
export const MAX_GROUPS = 1000;

/** Normalise what a beheerder typed or the seed file holds: folded, deduplicated, ≥ 2 terms. */
export function cleanGroup(terms: readonly unknown[]): SynonymGroup | null {
  const out: string[] = [];
  for (const t of terms) {
    if (typeof t !== "string") continue;
    const toks = tokenize(t).slice(0, MAX_TERM_WORDS);
    const term = toks.join(" ");
    if (term && term.length <= 60 && !out.includes(term)) out.push(term);
    if (out.length >= MAX_GROUP_TERMS) break;
  }
  return out.length >= 2 ? out : null;
}

/** A beheerder's input "intake, startgesprek; eerste gesprek" → terms. */
export function parseGroupInput(raw: string): string[] {
  return raw.split(/[,;\n]/).map((s) => s.trim()).filter(Boolean);
}

/** One stretch of the query's words that has synonyms. */
export type Expansion = {
  /** Index of the first and one past the last query term covered. */
  start: number;
  end: number;
  /** The words of the query this covers, as typed (folded). */
  matched: string;
  /** The other terms of the group(s), each as its tokens. */
  alternatives: string[][];
};

/** Stop words are not query terms, so a member is keyed without them ("verschil van inzicht" → verschil inzicht). */
const stemKey = (tokens: readonly string[]) => {
  const content = tokens.filter((t) => !isStopWord(t));
  return (content.length ? content : tokens).map(stem).join(" ");
};

export type SynonymIndex = { byKey: Map<string, string[][]>; maxWords: number; groups: SynonymGroup[] };

/** Groups indexed by the stems of each member, so "overdrachten" meets "overdracht". */
export function synonymIndex(groups: readonly SynonymGroup[]): SynonymIndex {
  const byKey = new Map<string, string[][]>();
  let maxWords = 1;
  for (const g of groups) {
    const members = g.map((t) => tokenize(t)).filter((t) => t.length > 0);
    for (const m of members) {
      maxWords = Math.max(maxWords, m.filter((t) => !isStopWord(t)).length);
      const key = stemKey(m);
      const list = byKey.get(key) ?? [];
      for (const other of members) {
        if (stemKey(other) === key) continue;
        if (!list.some((x) => x.join(" ") === other.join(" "))) list.push(other);
      }
      byKey.set(key, list);
    }
  }
  return { byKey, maxWords: Math.min(maxWords, MAX_TERM_WORDS), groups: [...groups] };
}

/**
 * Which stretches of the query's terms have synonyms: longest match first, left to right, so
 * "aanvraag uitkering" uses its own group before "uitkering" alone.
 */
export function expandTerms(terms: readonly string[], index: SynonymIndex, maxAlternatives = 6): Expansion[] {
  const out: Expansion[] = [];
  let i = 0;
  while (i < terms.length) {
    let hit: Expansion | null = null;
    for (let n = Math.min(index.maxWords, terms.length - i); n >= 1 && !hit; n--) {
      const span = terms.slice(i, i + n);
      const alts = index.byKey.get(stemKey(span));
      if (alts && alts.length) hit = { start: i, end: i + n, matched: span.join(" "), alternatives: alts.slice(0, maxAlternatives) };
    }
    if (hit) {
      out.push(hit);
      i = hit.end;
    } else i++;
  }
  return out;
}

/** The words shown as "ook gezocht op: …". */
export function alsoSearched(expansions: readonly Expansion[], limit = 8): string[] {
  return [...new Set(expansions.flatMap((e) => e.alternatives.map((a) => a.join(" "))))].slice(0, limit);
}

/** Meilisearch's synonyms setting: every term maps to the other terms of its groups. */
export function meiliSynonyms(groups: readonly SynonymGroup[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const g of groups) {
    for (const t of g) {
      const others = g.filter((x) => x !== t);
      out[t] = [...new Set([...(out[t] ?? []), ...others])];
    }
  }
  return out;
}
