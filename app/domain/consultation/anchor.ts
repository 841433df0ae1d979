// Anchoring a comment to a passage of the proposed text. The quote and ~32 characters on
// either side are stored with the comment; when the text moves or changes, the passage is
// found again (exact, then between the kept prefix and suffix), and when it cannot be found
// the kept quote is still shown, marked as changed. Isomorphic and pure.

export const CONTEXT_CHARS = 32;

/** Whitespace-insensitive form used for all matching (the rendered text wraps differently). */
export function normalizeText(s: string): string {
  return s.replace(/[\s\u00a0\u200b]+/g, " ").trim();
}

export type Anchor = { quote: string; prefix: string; suffix: string };

/**
 * Build an anchor for a quote inside text. With several occurrences, the one whose
 * surroundings best match `hintPrefix` (what the reader saw before the selection) wins.
 * Returns null when the quote is not in the text.
 */
export function makeAnchor(text: string, quote: string, hintPrefix = ""): Anchor | null {
  const t = normalizeText(text);
  const q = normalizeText(quote);
  if (!q) return null;
  const hits = occurrences(t, q);
  if (!hits.length) return null;
  const hint = normalizeText(hintPrefix);
  const at = hits.length === 1 || !hint ? hits[0] : best(hits, (i) => commonSuffix(t.slice(Math.max(0, i - CONTEXT_CHARS), i).trimEnd(), hint));
  return {
    quote: q,
    prefix: t.slice(Math.max(0, at - CONTEXT_CHARS), at),
    suffix: t.slice(at + q.length, at + q.length + CONTEXT_CHARS),
  };
}

export type Located =
  | { state: "exact"; index: number; passage: string }
  | { state: "changed"; index: number; passage: string }
  | { state: "missing" };

/** Find the anchored passage in (a later version of) the text. */
export function locate(text: string, anchor: Anchor): Located {
  const t = normalizeText(text);
  const q = normalizeText(anchor.quote);
  const prefix = normalizeText(anchor.prefix);
  const suffix = normalizeText(anchor.suffix);
  const hits = q ? occurrences(t, q) : [];
  if (hits.length) {
    const at =
      hits.length === 1
        ? hits[0]
        : best(
            hits,
            (i) =>
              commonSuffix(t.slice(Math.max(0, i - CONTEXT_CHARS), i).trimEnd(), prefix) +
              commonPrefix(t.slice(i + q.length, i + q.length + CONTEXT_CHARS).trimStart(), suffix),
          );
    return { state: "exact", index: at, passage: q };
  }
  // The quote itself was edited: look for the unchanged surroundings and take what lies between.
  if (prefix.length >= 8 && suffix.length >= 8) {
    const limit = q.length * 3 + 200;
    for (const p of occurrences(t, prefix)) {
      const start = p + prefix.length;
      const s = t.indexOf(suffix, start);
      if (s >= 0 && s - start <= limit) {
        return { state: "changed", index: start, passage: t.slice(start, s).trim() };
      }
    }
  }
  return { state: "missing" };
}

function occurrences(t: string, q: string): number[] {
  const out: number[] = [];
  for (let i = t.indexOf(q); i >= 0; i = t.indexOf(q, i + 1)) out.push(i);
  return out;
}

function best(candidates: number[], score: (i: number) => number): number {
  let bestAt = candidates[0];
  let bestScore = -1;
  for (const c of candidates) {
    const s = score(c);
    if (s > bestScore) {
      bestScore = s;
      bestAt = c;
    }
  }
  return bestAt;
}

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}
