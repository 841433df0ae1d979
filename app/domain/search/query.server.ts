// Turning what a person typed into something an engine can run safely. Raw input never
// reaches FTS5's MATCH or Meilisearch's query syntax: it is reduced to folded word tokens and
// quoted phrases first, so quotes, stars, NEAR( or SQL fragments are just words.
import { HL_END, HL_START } from "./types";
import { TAIL_MIN_QUERY, editDistance, fold, isStopWord, reverse, stem, tokenize } from "./dutch.server";
import type { Expansion } from "./synonyms";

/** Longer input is cut: nobody types more, and it bounds the work per query. */
export const MAX_QUERY_CHARS = 200;
export const MAX_TERMS = 8;
export const MAX_PHRASES = 3;

/** `prefix`: the word is still being typed (the last word, no space after it yet). */
export type QueryTerm = { text: string; stem: string; prefix: boolean };

export type ParsedQuery = {
  terms: QueryTerm[];
  /** Quoted phrases, as folded tokens. */
  phrases: string[][];
  /** Tokens of every term and phrase, for highlighting. */
  allTokens: string[];
  empty: boolean;
  /** A clean version of the query (terms and quoted phrases) for engines and for display. */
  normalized: string;
};

export function parseQuery(raw: unknown): ParsedQuery {
  const input = (typeof raw === "string" ? raw : "")
    .slice(0, MAX_QUERY_CHARS)
    // Control characters (and our own highlight markers) are never part of a word.
    .replace(/\p{Cc}/gu, " ");
  const phrases: string[][] = [];
  // Balanced pairs of double quotes are phrases; a stray quote is just a separator.
  const rest = input.replace(/["“”„]([^"“”„]*)["“”„]/g, (_m, inner: string) => {
    const toks = tokenize(inner);
    if (toks.length > 1 && phrases.length < MAX_PHRASES) phrases.push(toks.slice(0, MAX_TERMS));
    else if (toks.length) return ` ${toks.join(" ")} `;
    return " ";
  });
  const all = tokenize(rest);
  // The word under the cursor: the last one, unless a space or quote already follows it.
  const typing = /[\p{L}\p{N}]$/u.test(input) ? all.at(-1) : undefined;
  let tokens = all;
  const meaningful = tokens.filter((t) => !isStopWord(t));
  // Only stop words ("wie", "hoe"): keep them, a person might search for exactly that.
  if (meaningful.length > 0) tokens = meaningful;
  const seen = new Set<string>();
  const terms: QueryTerm[] = [];
  for (const t of tokens) {
    if (seen.has(t)) continue;
    seen.add(t);
    terms.push({ text: t, stem: stem(t), prefix: t === typing });
    if (terms.length >= MAX_TERMS) break;
  }
  const allTokens = [...terms.map((t) => t.text), ...phrases.flat().filter((t) => !isStopWord(t))];
  const normalized = [...phrases.map((p) => `"${p.join(" ")}"`), ...terms.map((t) => t.text)].join(" ");
  return { terms, phrases, allTokens, empty: terms.length === 0 && phrases.length === 0, normalized };
}

// ------------------------------------------------------------------ FTS5 expressions

const TEXT_COLS = "{title section body}";
const STEM_COLS = "{title_stem body_stem}";
const TAIL_COLS = "{tails}";

/** Tokens contain only letters and digits, so wrapping them in quotes is always a valid FTS5 string. */
const q = (s: string) => `"${s}"`;

/**
 * One query word: its surface form (as a prefix while it is being typed) or its exact Dutch
 * stem (afspraak → afspraken). `widen` makes every word a prefix and adds stem prefixes and
 * compound tails (afspraak → werkafspraken); prefix merges and extra phrases cost time on a
 * large index, so that is only done when the narrow form finds little.
 */
function termExpression(t: QueryTerm, widen: boolean, headCompounds: readonly string[] = []): string {
  if (t.text.length < 2) return `${TEXT_COLS} : ${q(t.text)}`;
  const parts = [`${TEXT_COLS} : ${q(t.text)}${t.prefix || widen ? "*" : ""}`, `${STEM_COLS} : ${q(t.stem)}${widen ? "*" : ""}`];
  // A complete word also finds the compounds that start with it in a title or heading
  // ("mantelzorg" → "Mantelzorgondersteuning"), so an exact word never finds less than its
  // own prefix would. The provider decides which (headCompounds in fts5.server.ts) and names
  // them: a prefix on the main index would merge every longer word of every passage body,
  // about 5 ms for a common word at 100,000 passages (tests/bench/search.ts).
  if (!t.prefix && !widen && headCompounds.length) {
    parts.push(`{title section} : (${headCompounds.map(q).join(" OR ")})`);
  }
  if (widen && t.text.length >= TAIL_MIN_QUERY && t.stem.length >= TAIL_MIN_QUERY) parts.push(`${TAIL_COLS} : ${q(reverse(t.stem))}*`);
  return `(${parts.join(" OR ")})`;
}

function phraseExpression(p: string[]): string {
  return `(${TEXT_COLS} : ${q(p.join(" "))} OR ${STEM_COLS} : ${q(p.map(stem).join(" "))})`;
}

/** A synonym as an expression: one word like a query word, several as a phrase. */
function alternativeExpression(tokens: string[], widen: boolean): string {
  if (tokens.length === 1) return termExpression({ text: tokens[0], stem: stem(tokens[0]), prefix: false }, widen);
  // Several words: close together rather than an exact phrase, so "aanvraag bijstand" finds
  // "aanvraag voor bijstand".
  const content = tokens.filter((t) => !isStopWord(t));
  const words = content.length ? content : tokens;
  if (words.length === 1) return termExpression({ text: words[0], stem: stem(words[0]), prefix: false }, widen);
  return `(${TEXT_COLS} : NEAR(${words.map(q).join(" ")}, ${NEAR_DISTANCE}) OR ${STEM_COLS} : NEAR(${words.map((w) => q(stem(w))).join(" ")}, ${NEAR_DISTANCE}))`;
}

/** Words allowed between the words of a multi-word synonym. */
const NEAR_DISTANCE = 3;

/**
 * The FTS5 expression of a query. `expansions` (from synonyms.ts) cover stretches of the
 * query's terms: such a stretch matches as typed or as any of its synonyms. `headCompounds`:
 * for a one-word query, the longer words in titles and headings that start with it (the
 * provider only names them for a single complete word).
 */
export function ftsExpression(
  query: ParsedQuery,
  mode: "all" | "any" = "all",
  widen = false,
  expansions: readonly Expansion[] = [],
  headCompounds: readonly string[] = [],
): string {
  const parts = query.phrases.map(phraseExpression);
  const join = mode === "all" ? " AND " : " OR ";
  for (let i = 0; i < query.terms.length; ) {
    const ex = expansions.find((e) => e.start === i);
    if (!ex) {
      parts.push(termExpression(query.terms[i], widen, headCompounds));
      i++;
      continue;
    }
    const own = query.terms.slice(ex.start, ex.end).map((t) => termExpression(t, widen, headCompounds));
    const ownExpr = own.length === 1 ? own[0] : `(${own.join(" AND ")})`;
    parts.push(`(${[ownExpr, ...ex.alternatives.map((a) => alternativeExpression(a, widen))].join(" OR ")})`);
    i = ex.end;
  }
  return parts.join(join);
}

/** For the titles-and-headings index: rows where some query word is in the title or heading. */
export function headsExpression(query: ParsedQuery): string {
  const parts = [
    ...query.phrases.map((p) => `{title section} : ${q(p.join(" "))}`),
    ...query.terms.map((t) =>
      t.text.length < 2 ? `{title section} : ${q(t.text)}` : `({title section} : ${q(t.text)}${t.prefix ? "*" : ""} OR {title_stem} : ${q(t.stem)})`,
    ),
  ];
  return parts.join(" OR ");
}

// ------------------------------------------------------------------ highlighting

/** Does a text token match one of the query's terms (prefix, same stem, or compound tail)? */
export function tokenMatcher(query: ParsedQuery, expansions: readonly Expansion[] = []): (token: string) => boolean {
  const words = [...query.allTokens, ...expansions.flatMap((e) => e.alternatives.flat()).filter((t) => !isStopWord(t))];
  const stems = new Set(words.map(stem));
  const tails = words.map(stem).filter((s) => s.length >= TAIL_MIN_QUERY);
  return (token: string) => {
    if (words.some((w) => (w.length < 2 ? token === w : token.startsWith(w)))) return true;
    const s = stem(token);
    if (stems.has(s)) return true;
    return token.length >= 8 && tails.some((t) => s.endsWith(t));
  };
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Wrap matching words of a plain text in highlight markers. */
export function highlight(text: string, matches: (token: string) => boolean): string {
  return text.replace(WORD, (w) => (matches(fold(w)) ? `${HL_START}${w}${HL_END}` : w));
}

/**
 * An excerpt of about `words` words from the window with the most matching words (ties: the
 * earliest), starting just before its first match, with matches highlighted. This is the
 * excerpt of every FTS5 hit: the engine's own snippet() costs a second evaluation of the whole
 * MATCH expression, and it only sees literal terms, not stems, compound tails or synonyms.
 */
export function excerptAround(text: string, matches: (token: string) => boolean, words = 28): string {
  const found = [...text.matchAll(WORD)];
  if (found.length === 0) return "";
  const hit = found.map((m) => matches(fold(m[0])));
  // Sliding window over the words: the window [i, i + words) with the most hits.
  let best = -1;
  let bestCount = 0;
  let count = 0;
  for (let i = 0; i < found.length; i++) {
    if (hit[i]) count += 1;
    if (i >= words && hit[i - words]) count -= 1;
    const start = Math.max(0, i - words + 1);
    if (count > bestCount) {
      bestCount = count;
      best = start;
    }
  }
  const firstHit = best < 0 ? -1 : hit.indexOf(true, best);
  // Two words of lead-in where the window has room for them, so no counted match falls off.
  const startWord = firstHit < 0 ? 0 : Math.max(0, Math.min(firstHit - Math.min(2, firstHit - best), found.length - words));
  const endWord = Math.min(found.length, startWord + words);
  // At either end of the text the punctuation around the first and last word stays.
  const from = startWord === 0 ? 0 : (found[startWord].index ?? 0);
  const last = found[endWord - 1];
  const to = endWord === found.length ? text.length : (last.index ?? 0) + last[0].length;
  const piece = text.slice(from, to).trim();
  return `${startWord > 0 ? "…" : ""}${highlight(piece, matches)}${endWord < found.length ? "…" : ""}`;
}

export function stripMarkers(s: string): string {
  return s.split(HL_START).join("").split(HL_END).join("");
}

// ------------------------------------------------------------------ typo tolerance helpers

/** Pick the closest candidate (edit distance 1), preferring the most frequent. */
export function bestCorrection(word: string, candidates: { term: string; docs: number }[]): string[] {
  return candidates
    .filter((c) => c.term !== word && editDistance(word, c.term, 1) <= 1)
    .sort((a, b) => b.docs - a.docs || a.term.localeCompare(b.term))
    .map((c) => c.term);
}

// ------------------------------------------------------------------ cursors

/** Opaque page cursor; anything unreadable starts at the first page. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`, "utf8").toString("base64url");
}

export function decodeCursor(cursor: string | null | undefined): number {
  if (!cursor || cursor.length > 40) return 0;
  try {
    const m = /^o:(\d{1,6})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

export function clampLimit(limit: number | undefined, fallback = 20): number {
  if (limit === undefined || !Number.isFinite(limit)) return fallback;
  return Math.min(100, Math.max(1, Math.floor(limit)));
}
