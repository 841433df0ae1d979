// Redline between two document texts (serialized Lexical JSON), isomorphic.
//
// Stable interface (the consultation feature reuses it for proposal vs current version):
//   diffDocuments(aLexicalJson, bLexicalJson): DiffBlock[]
//     one entry per block (heading, paragraph, list item, quote, table row) in reading order;
//     status "same" | "changed" | "added" | "removed"; segments are word-level
//     {type: "same" | "add" | "del", text}. Render with app/components/Redline.tsx.
//   diffStats(blocks): counts of added/removed words and changed blocks; countFormatChanges(blocks).
//   A block whose formatting changed (bold, italic, links, heading level, list type, text
//   becoming a heading) is "changed" and carries `formatChanges` with Dutch labels
//   (app/shared/format-changes.ts), also when its words are the same.
//
// Blocks are aligned with a Myers diff over their text; a removed and an added block of the
// same kind in the same place that share enough words become one "changed" block with a
// word diff (Myers over word/space/punctuation tokens).
import { textBlocks, type InlineSpan, type TextBlock } from "~/editor/lexical-json";
import { formatLabel, type FormatChange } from "~/shared/format-changes";

export type { FormatChange } from "~/shared/format-changes";

export type SegmentType = "same" | "add" | "del";
export type Segment = { type: SegmentType; text: string };
export type BlockStatus = "same" | "changed" | "added" | "removed";
export type DiffBlock = {
  kind: TextBlock["kind"];
  /** h1-h6 for headings, ul/ol for list items, p, blockquote, tr. */
  tag: string;
  depth: number;
  status: BlockStatus;
  segments: Segment[];
  /** Formatting that changed in this block, with Dutch labels (absent when none). */
  formatChanges?: FormatChange[];
};

type Op = "same" | "add" | "del";

/** Myers' O(ND) diff of two sequences; returns one op per element, in order. */
export function myersDiff<T>(a: readonly T[], b: readonly T[]): Array<{ op: Op; value: T }> {
  // Common prefix and suffix cost nothing and keep D (and the trace) small.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const head = a.slice(0, start).map((value) => ({ op: "same" as Op, value }));
  const tail = a.slice(endA).map((value) => ({ op: "same" as Op, value }));
  const A = a.slice(start, endA);
  const B = b.slice(start, endB);
  const n = A.length;
  const m = B.length;
  const middle: Array<{ op: Op; value: T }> = [];
  if (n === 0 || m === 0 || n + m > 20_000) {
    // Nothing in common in the middle (or too large to align): all out, all in.
    for (const value of A) middle.push({ op: "del", value });
    for (const value of B) middle.push({ op: "add", value });
    return [...head, ...middle, ...tail];
  }
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  outer: for (let d = 0; d <= max; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && A[x] === B[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break outer;
      }
    }
  }
  // Walk back through the saved frontiers (trace[d] holds V before step d, for k in [-d-1, d+1]).
  const reversed: Array<{ op: Op; value: T }> = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const frame = trace[d];
    const at = (k: number) => frame[k + d + 1];
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      reversed.push({ op: "same", value: A[x - 1] });
      x--;
      y--;
    }
    if (x === prevX) reversed.push({ op: "add", value: B[y - 1] });
    else reversed.push({ op: "del", value: A[x - 1] });
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) {
    reversed.push({ op: "same", value: A[x - 1] });
    x--;
    y--;
  }
  reversed.reverse();
  return [...head, ...reversed, ...tail];
}

/** Words, runs of whitespace and single punctuation marks, so "werk," vs "werk." differs in one mark. */
export function tokenize(text: string): string[] {
  return text.match(/\s+|[\p{L}\p{N}\p{M}'’-]+|[^\s\p{L}\p{N}\p{M}]/gu) ?? [];
}

const isSpace = (s: string) => /^\s+$/.test(s);

/** Word-level diff of two strings, with whitespace between two changes folded into them. */
export function diffWords(a: string, b: string): Segment[] {
  const ops = myersDiff(tokenize(a), tokenize(b));
  // Group into runs: a run of changes (del/add, and lone spaces between them) becomes one
  // deletion followed by one insertion, which reads far better than interleaved pieces.
  const out: Segment[] = [];
  let del = "";
  let add = "";
  const flush = () => {
    if (del) out.push({ type: "del", text: del });
    if (add) out.push({ type: "add", text: add });
    del = "";
    add = "";
  };
  for (let i = 0; i < ops.length; i++) {
    const { op, value } = ops[i];
    if (op === "del") del += value;
    else if (op === "add") add += value;
    else {
      const inChange = (del || add) && isSpace(value) && i + 1 < ops.length && ops[i + 1].op !== "same";
      if (inChange) {
        del += value;
        add += value;
        continue;
      }
      flush();
      const last = out[out.length - 1];
      if (last && last.type === "same") last.text += value;
      else out.push({ type: "same", text: value });
    }
  }
  flush();
  return out;
}

function wordCount(s: string): number {
  return tokenize(s).filter((t) => /[\p{L}\p{N}]/u.test(t)).length;
}

/** Share of words two blocks have in common (0..1). */
function similarity(segments: Segment[], a: string, b: string): number {
  const same = segments.filter((s) => s.type === "same").reduce((n, s) => n + wordCount(s.text), 0);
  const total = wordCount(a) + wordCount(b);
  return total === 0 ? 1 : (2 * same) / total;
}

/** Runs of text sharing one attribute value, trimmed, in order. */
function runs(spans: InlineSpan[] | undefined, pick: (s: InlineSpan) => string | null): Array<{ text: string; value: string }> {
  const out: Array<{ text: string; value: string }> = [];
  let current: { text: string; value: string } | null = null;
  for (const s of spans ?? []) {
    const value = pick(s);
    if (value !== null && current && current.value === value) current.text += s.text;
    else {
      if (current) out.push(current);
      current = value === null ? null : { text: s.text, value };
    }
  }
  if (current) out.push(current);
  return out.map((r) => ({ text: r.text.trim(), value: r.value })).filter((r) => r.text !== "");
}

/** What in `b`'s formatting differs from `a`'s (blocks at the same place in both texts). */
export function formatChanges(a: TextBlock, b: TextBlock): FormatChange[] {
  const out: FormatChange[] = [];
  if (a.tag !== b.tag) {
    if (a.kind === "listitem" && b.kind === "listitem") out.push({ kind: "list", label: formatLabel.list(a.tag, b.tag) });
    else out.push({ kind: "block", label: formatLabel.block(a.tag, b.tag) });
  }
  for (const mark of ["bold", "italic"] as const) {
    const before = runs(a.spans, (s) => (s[mark] ? "1" : null)).map((r) => r.text);
    const after = runs(b.spans, (s) => (s[mark] ? "1" : null)).map((r) => r.text);
    const left = [...before];
    for (const t of after) {
      const i = left.indexOf(t);
      if (i >= 0) left.splice(i, 1);
      else out.push({ kind: mark, label: formatLabel[mark](t, true) });
    }
    for (const t of left) out.push({ kind: mark, label: formatLabel[mark](t, false) });
  }
  const linksA = runs(a.spans, (s) => s.href);
  const linksB = runs(b.spans, (s) => s.href);
  const leftA = [...linksA];
  for (const l of linksB) {
    const same = leftA.findIndex((x) => x.text === l.text && x.value === l.value);
    if (same >= 0) {
      leftA.splice(same, 1);
      continue;
    }
    const retargeted = leftA.findIndex((x) => x.text === l.text);
    if (retargeted >= 0) {
      out.push({ kind: "link-changed", label: formatLabel.linkChanged(l.text, leftA[retargeted].value, l.value) });
      leftA.splice(retargeted, 1);
      continue;
    }
    // The same address under new words is a text change, which the word diff already shows.
    const relabeled = leftA.findIndex((x) => x.value === l.value);
    if (relabeled >= 0) {
      leftA.splice(relabeled, 1);
      continue;
    }
    out.push({ kind: "link-added", label: formatLabel.linkAdded(l.text, l.value) });
  }
  for (const l of leftA) out.push({ kind: "link-removed", label: formatLabel.linkRemoved(l.text, l.value) });
  return out;
}

/** The formatting of a block as a string: equal strings mean equal formatting. */
function formatSignature(b: TextBlock): string {
  return (b.spans ?? [])
    .filter((s) => s.bold || s.italic || s.href)
    .map((s) => `${s.bold ? "b" : ""}${s.italic ? "i" : ""}${s.href ?? ""}\u0001${s.text}`)
    .join("\u0002");
}

const blockKey = (b: TextBlock) => `${b.kind}\u0000${b.tag}\u0000${b.text}\u0000${formatSignature(b)}`;

/** Blocks that can be one block before and after: the same kind, or text that became a heading (and back). */
const pairable = (a: TextBlock, b: TextBlock) => a.kind === b.kind || (a.kind !== "listitem" && b.kind !== "listitem" && a.kind !== "tablerow" && b.kind !== "tablerow");

function changedBlock(r: TextBlock, n: TextBlock, segments: Segment[]): DiffBlock {
  const changes = formatChanges(r, n);
  return { kind: n.kind, tag: n.tag, depth: n.depth, status: "changed", segments, ...(changes.length ? { formatChanges: changes } : {}) };
}

export function diffBlocks(a: TextBlock[], b: TextBlock[]): DiffBlock[] {
  const keysA = a.map(blockKey);
  const keysB = b.map(blockKey);
  const ops = myersDiff(keysA, keysB);
  const result: DiffBlock[] = [];
  let ia = 0;
  let ib = 0;
  let removed: TextBlock[] = [];
  let added: TextBlock[] = [];
  const flush = () => {
    // Pair removed/added blocks of the same kind in order when they are similar enough.
    const usedAdded = new Set<number>();
    const pairs = new Map<number, { block: TextBlock; segments: Segment[] }>();
    let searchFrom = 0;
    removed.forEach((r, ri) => {
      for (let ai = searchFrom; ai < added.length; ai++) {
        const cand = added[ai];
        if (usedAdded.has(ai) || !pairable(r, cand)) continue;
        const segments = diffWords(r.text, cand.text);
        if (similarity(segments, r.text, cand.text) >= 0.4) {
          pairs.set(ri, { block: cand, segments });
          usedAdded.add(ai);
          searchFrom = ai + 1;
          break;
        }
      }
    });
    // Output in the new document's order; unpaired removals go before the block that follows them.
    let ai = 0;
    removed.forEach((r, ri) => {
      const pair = pairs.get(ri);
      if (!pair) {
        result.push({ kind: r.kind, tag: r.tag, depth: r.depth, status: "removed", segments: [{ type: "del", text: r.text }] });
        return;
      }
      const pairIndex = added.indexOf(pair.block);
      for (; ai < pairIndex; ai++) {
        if (usedAdded.has(ai)) continue;
        const n = added[ai];
        result.push({ kind: n.kind, tag: n.tag, depth: n.depth, status: "added", segments: [{ type: "add", text: n.text }] });
      }
      ai = pairIndex + 1;
      result.push(changedBlock(r, pair.block, pair.segments));
    });
    for (; ai < added.length; ai++) {
      if (usedAdded.has(ai)) continue;
      const n = added[ai];
      result.push({ kind: n.kind, tag: n.tag, depth: n.depth, status: "added", segments: [{ type: "add", text: n.text }] });
    }
    removed = [];
    added = [];
  };
  for (const { op } of ops) {
    if (op === "same") {
      flush();
      const blk = b[ib];
      result.push({ kind: blk.kind, tag: blk.tag, depth: blk.depth, status: "same", segments: [{ type: "same", text: blk.text }] });
      ia++;
      ib++;
    } else if (op === "del") removed.push(a[ia++]);
    else added.push(b[ib++]);
  }
  flush();
  return result;
}

export function diffDocuments(aLexicalJson: string, bLexicalJson: string): DiffBlock[] {
  return diffBlocks(textBlocks(aLexicalJson), textBlocks(bLexicalJson));
}

/** How many formatting changes the comparison labels. */
export function countFormatChanges(blocks: DiffBlock[]): number {
  return blocks.reduce((n, b) => n + (b.formatChanges?.length ?? 0), 0);
}

export function diffStats(blocks: DiffBlock[]): { addedWords: number; removedWords: number; changedBlocks: number } {
  let addedWords = 0;
  let removedWords = 0;
  let changedBlocks = 0;
  for (const b of blocks) {
    if (b.status !== "same") changedBlocks++;
    for (const s of b.segments) {
      if (s.type === "add") addedWords += wordCount(s.text);
      if (s.type === "del") removedWords += wordCount(s.text);
    }
  }
  return { addedWords, removedWords, changedBlocks };
}
