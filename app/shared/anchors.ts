// One anchor scheme for headings, shared by the document read view (which renders
// id="<anchor>" on each heading) and the search index (which links a hit to
// /documenten/<slug>#<anchor>). Both must derive anchors with these functions, or search
// links land at the top of the page instead of at the passage.

const MAX_ANCHOR_LENGTH = 80;

/**
 * The anchor of one heading: diacritics folded, lower case, runs of anything but a–z/0–9
 * become "-". "Continuïteit ondanks personeelswisselingen" → "continuiteit-ondanks-personeelswisselingen".
 * A heading without letters or digits becomes "sectie".
 */
export function headingAnchor(text: string): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, MAX_ANCHOR_LENGTH)
    .replace(/-+$/g, "");
  return slug || "sectie";
}

/**
 * Anchors for all headings of one document, in document order. A repeated heading gets
 * "-2", "-3", … so every anchor on the page is unique (the first occurrence keeps the plain
 * anchor, so links stay stable when a later duplicate is added).
 */
export function headingAnchors(texts: readonly string[]): string[] {
  const seen = new Map<string, number>();
  const used = new Set<string>();
  return texts.map((t) => {
    const base = headingAnchor(t);
    let n = seen.get(base) ?? 0;
    let anchor = n === 0 ? base : `${base}-${n + 1}`;
    while (used.has(anchor)) {
      n += 1;
      anchor = `${base}-${n + 1}`;
    }
    seen.set(base, n + 1);
    used.add(anchor);
    return anchor;
  });
}
