// Three-way merge of document texts at the level of top-level blocks (headings, paragraphs,
// lists, quotes, tables), isomorphic and pure. Used when a wijzigingsvoorstel takes effect:
// base = the version in force, draft = the document's draft (edited meanwhile), decided = the
// decided text. The result is the decided text with the draft's own changes on top:
//   - a block only the draft changed (or added, or removed) keeps the draft's change;
//   - a block only the decision changed takes the decided text;
//   - where both changed the same blocks, the decided blocks come first and the draft's own
//     versions of those blocks follow right after them, so nothing typed is dropped.
import { myersDiff } from "./diff";
import { childrenOf, parseState, type LNode } from "~/editor/lexical-json";

type Hunk = { s: number; e: number; nodes: unknown[]; side: "draft" | "decided" };

/** What makes two blocks the same: their type, structure, text and formatting, not editor ids. */
function canonical(n: unknown): unknown {
  if (!n || typeof n !== "object") return n;
  const x = n as LNode & Record<string, unknown>;
  return {
    type: x.type,
    tag: x.tag,
    listType: x.listType,
    text: x.text,
    format: x.format,
    url: x.url,
    children: Array.isArray(x.children) ? x.children.map(canonical) : undefined,
  };
}
const keyOf = (n: unknown) => JSON.stringify(canonical(n));

function hunks(base: string[], other: unknown[], side: Hunk["side"]): Hunk[] {
  const ops = myersDiff(base, other.map(keyOf));
  const out: Hunk[] = [];
  let ib = 0;
  let io = 0;
  let cur: Hunk | null = null;
  for (const { op } of ops) {
    if (op === "same") {
      if (cur) out.push(cur);
      cur = null;
      ib++;
      io++;
      continue;
    }
    cur ??= { s: ib, e: ib, nodes: [], side };
    if (op === "del") cur.e = ++ib;
    else cur.nodes.push(other[io++]);
  }
  if (cur) out.push(cur);
  return out;
}

export function mergeDraftBlocks(base: unknown[], draft: unknown[], decided: unknown[]): unknown[] {
  const baseKeys = base.map(keyOf);
  const all = [...hunks(baseKeys, decided, "decided"), ...hunks(baseKeys, draft, "draft")].sort(
    (a, b) => a.s - b.s || a.e - b.e || (a.side === b.side ? 0 : a.side === "decided" ? -1 : 1),
  );
  // Group hunks whose base ranges overlap into regions.
  const regions: { s: number; e: number; list: Hunk[] }[] = [];
  for (const h of all) {
    const last = regions[regions.length - 1];
    if (last && h.s < last.e) {
      last.list.push(h);
      last.e = Math.max(last.e, h.e);
    } else regions.push({ s: h.s, e: h.e, list: [h] });
  }
  const out: unknown[] = [];
  let pos = 0;
  const render = (r: { s: number; e: number }, list: Hunk[]) => {
    const res: unknown[] = [];
    let k = r.s;
    for (const h of list) {
      for (; k < h.s; k++) res.push(base[k]);
      res.push(...h.nodes);
      k = Math.max(k, h.e);
    }
    for (; k < r.e; k++) res.push(base[k]);
    return res;
  };
  for (const r of regions) {
    for (; pos < r.s; pos++) out.push(base[pos]);
    const decidedHunks = r.list.filter((h) => h.side === "decided");
    const draftHunks = r.list.filter((h) => h.side === "draft");
    if (!draftHunks.length || !decidedHunks.length) {
      out.push(...render(r, r.list));
    } else {
      const mine = render(r, decidedHunks);
      const known = new Set([...mine.map(keyOf), ...baseKeys.slice(r.s, r.e)]);
      out.push(...mine, ...render(r, draftHunks).filter((n) => !known.has(keyOf(n))));
    }
    pos = Math.max(pos, r.e);
  }
  for (; pos < base.length; pos++) out.push(base[pos]);
  return out;
}

/** The decided text with the draft's changes (relative to base) merged on top, as Lexical JSON. */
export function mergeDraft(baseJson: string, draftJson: string, decidedJson: string): string {
  const draftRoot = parseState(draftJson);
  const children = mergeDraftBlocks(childrenOf(parseState(baseJson)), childrenOf(draftRoot), childrenOf(parseState(decidedJson)));
  return JSON.stringify({ root: { ...draftRoot, children } });
}
