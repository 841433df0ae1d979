// Passages of a Lexical document held in a Y.Doc (the @lexical/yjs layout: a root Y.XmlText
// whose blocks are embedded Y.XmlText, text nodes a Y.Map embed followed by their characters).
// The document's text is flattened (blocks separated by "\n") with, for every run of
// characters, the Y.XmlText and index it lives at, so a range of that text can be stored as
// two Yjs relative positions and found again after anyone edited around it. Pure: takes a
// Y.Doc, touches no storage.
import * as Y from "yjs";

/** Element types that sit inside a line (no block break around them). */
const INLINE_TYPES = new Set(["link", "autolink"]);

type Span = { type: Y.XmlText; index: number; at: number; len: number };
export type FlatText = { text: string; spans: Span[] };

export function flatten(doc: Y.Doc): FlatText {
  const root = doc.get("root", Y.XmlText);
  const out: FlatText = { text: "", spans: [] };
  walk(root, out);
  return out;
}

function walk(t: Y.XmlText, out: FlatText): void {
  let index = 0;
  for (const op of t.toDelta() as Array<{ insert: unknown }>) {
    const ins = op.insert;
    if (typeof ins === "string") {
      out.spans.push({ type: t, index, at: out.text.length, len: ins.length });
      out.text += ins;
      index += ins.length;
      continue;
    }
    if (ins instanceof Y.XmlText) {
      const kind = ins.getAttribute("__type");
      const inline = typeof kind === "string" && INLINE_TYPES.has(kind);
      if (!inline && out.text && !out.text.endsWith("\n")) out.text += "\n";
      walk(ins, out);
      if (!inline && !out.text.endsWith("\n")) out.text += "\n";
    } else if (ins instanceof Y.Map && ins.get("__type") === "linebreak") {
      out.text += "\n";
    }
    index += 1;
  }
}

export type EncodedRange = { start: string; end: string };

const b64 = (u: Uint8Array) => Buffer.from(u).toString("base64");
const unb64 = (s: string) => new Uint8Array(Buffer.from(s, "base64"));

function spanAt(flat: FlatText, offset: number, preferEnd: boolean): Span | null {
  for (const s of flat.spans) {
    if (offset >= s.at && (offset < s.at + s.len || (preferEnd && offset === s.at + s.len))) return s;
  }
  return null;
}

/** Relative positions for [start, end) of the flat text; null when the range holds no characters. */
export function encodeRange(flat: FlatText, start: number, end: number): EncodedRange | null {
  if (end <= start) return null;
  const a = spanAt(flat, start, false);
  const b = spanAt(flat, end, true);
  if (!a || !b) return null;
  // Start sticks to the first character (typing before it stays outside); end sticks to the
  // last one (assoc -1: typing right after the passage stays outside too).
  const rs = Y.createRelativePositionFromTypeIndex(a.type, a.index + (start - a.at), 0);
  const re = Y.createRelativePositionFromTypeIndex(b.type, b.index + (end - b.at), -1);
  return { start: b64(Y.encodeRelativePosition(rs)), end: b64(Y.encodeRelativePosition(re)) };
}

function toFlat(flat: FlatText, abs: Y.AbsolutePosition): number | null {
  let last: Span | null = null;
  for (const s of flat.spans) {
    if (s.type !== abs.type) continue;
    if (abs.index <= s.index + s.len) return s.at + Math.max(0, abs.index - s.index);
    last = s;
  }
  return last ? last.at + last.len : null;
}

/** Where an encoded range is now: flat offsets, or null when its text is gone (deleted). */
export function decodeRange(doc: Y.Doc, flat: FlatText, range: EncodedRange): { start: number; end: number } | null {
  let rs: Y.RelativePosition, re: Y.RelativePosition;
  try {
    rs = Y.decodeRelativePosition(unb64(range.start));
    re = Y.decodeRelativePosition(unb64(range.end));
  } catch {
    return null;
  }
  const as = Y.createAbsolutePositionFromRelativePosition(rs, doc);
  const ae = Y.createAbsolutePositionFromRelativePosition(re, doc);
  if (!as || !ae) return null;
  const start = toFlat(flat, as);
  const end = toFlat(flat, ae);
  if (start == null || end == null || end <= start) return null;
  if (!flat.text.slice(start, end).trim()) return null;
  return { start, end };
}

/**
 * Replace [start, end) of the flat text by `replacement` inside one Yjs transaction on `doc`:
 * the new words go in at the start (inheriting that text node's formatting), then the old
 * characters are deleted run by run, so element and text-node structure stays intact.
 * Returns false (and changes nothing) when the range crosses a paragraph.
 */
export function replaceRange(doc: Y.Doc, flat: FlatText, start: number, end: number, replacement: string): boolean {
  const a = spanAt(flat, start, false);
  if (!a || end <= start) return false;
  const runs = flat.spans.filter((s) => s.at < end && s.at + s.len > start);
  if (!runs.length || runs.some((s) => s.type !== a.type) || flat.text.slice(start, end).includes("\n")) return false;
  doc.transact(() => {
    const insertAt = a.index + (start - a.at);
    if (replacement) a.type.insert(insertAt, replacement);
    // Delete from the last run backwards; the first run's indices moved by the insert.
    for (const s of [...runs].reverse()) {
      const from = Math.max(start, s.at);
      const to = Math.min(end, s.at + s.len);
      const shift = s === a || s.index >= a.index ? replacement.length : 0;
      a.type.delete(s.index + (from - s.at) + shift, to - from);
    }
  });
  return true;
}
