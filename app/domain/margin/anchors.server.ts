// Anchoring margin comments in a collaboration room (decision 110). A new comment arrives
// with the quote the reader selected and a little of the text before it; the passage is found
// in the room's live text and stored twice: as two Yjs relative positions (they move with the
// words while anyone types around them, and survive reloading the room from the database),
// and as quote + prefix + suffix (decision 203), the fallback when the positions no longer
// resolve (the room was replaced by a restore, a published version is shown).
import * as Y from "yjs";
import { applyServerUpdate, flushDerived, getRoomState } from "~/collab/index.server";
import { decodeRange, encodeRange, flatten, replaceRange, type FlatText } from "~/editor/yjs-ranges.server";
import { locate, makeAnchor, normalizeText, type Anchor } from "../consultation/anchor";

export const HINT_CHARS = 40;

export type StoredAnchor = { quote: string; prefix: string; suffix: string; start: string | null; end: string | null };

/** Where a comment's passage is now, for display and for the browser to highlight it. */
export type PassageState =
  | { state: "exact"; passage: string; hint: string }
  | { state: "changed"; passage: string; hint: string }
  | { state: "missing" };

/** The room's text once, flattened and normalized, to anchor or resolve many comments against. */
export class RoomText {
  readonly doc = new Y.Doc();
  flat: FlatText;
  norm = "";
  /** norm[i] is flat.text[map[i]]. */
  map: number[] = [];

  constructor(readonly room: string) {
    Y.applyUpdate(this.doc, getRoomState(room));
    this.flat = flatten(this.doc);
    this.index();
  }

  private index(): void {
    const t = this.flat.text;
    let norm = "";
    const map: number[] = [];
    let space = false;
    for (let i = 0; i < t.length; i++) {
      if (/[\s\u00a0\u200b]/.test(t[i])) {
        space = norm.length > 0;
        continue;
      }
      if (space) {
        norm += " ";
        map.push(i - 1);
        space = false;
      }
      norm += t[i];
      map.push(i);
    }
    this.norm = norm;
    this.map = map;
  }

  private normIndexOf(flatOffset: number): number {
    let lo = 0;
    let hi = this.map.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.map[mid] < flatOffset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Anchor a selected quote; null when it is not in the current text. */
  anchor(quote: string, hint: string): StoredAnchor | null {
    const a = makeAnchor(this.norm, quote, hint);
    if (!a) return null;
    const at = locate(this.norm, a);
    if (at.state !== "exact") return { ...a, start: null, end: null };
    const start = this.map[at.index];
    const end = this.map[at.index + a.quote.length - 1] + 1;
    const range = encodeRange(this.flat, start, end);
    return { ...a, start: range?.start ?? null, end: range?.end ?? null };
  }

  /** Flat-text range of a stored anchor now, by its positions, else by its quote. */
  private range(a: StoredAnchor): { from: number; to: number } | null {
    if (a.start && a.end) {
      const r = decodeRange(this.doc, this.flat, { start: a.start, end: a.end });
      if (r) {
        const from = this.normIndexOf(r.start);
        const to = this.normIndexOf(r.end);
        if (to > from) return { from, to };
      }
    }
    const found = locate(this.norm, a as Anchor);
    if (found.state === "missing") return null;
    if (a.start && a.end) {
      // The anchored words were deleted: the quote elsewhere only counts in its old context
      // (the passage was put back, e.g. by a restore), not as some other occurrence.
      const context = normalizeText(a.prefix).slice(-12);
      if (context && !this.norm.slice(0, found.index).trimEnd().endsWith(context.trimEnd())) return null;
    }
    return { from: found.index, to: found.index + found.passage.length };
  }

  resolve(a: StoredAnchor): PassageState {
    const r = this.range(a);
    if (!r) return { state: "missing" };
    const passage = this.norm.slice(r.from, r.to).trim();
    if (!passage) return { state: "missing" };
    const hint = this.norm.slice(Math.max(0, r.from - HINT_CHARS), r.from);
    return { state: passage === a.quote ? "exact" : "changed", passage, hint };
  }

  /**
   * Replace the anchored passage by `replacement` as one incremental Yjs update applied to the
   * room (connected editors see it at once). Returns what was replaced, or null when the
   * passage is gone or spans several paragraphs.
   */
  replace(a: StoredAnchor, replacement: string, personId: number): string | null {
    const r = this.range(a);
    if (!r) return null;
    const from = this.map[r.from];
    const to = this.map[r.to - 1] + 1;
    const old = this.flat.text.slice(from, to);
    const before = Y.encodeStateVector(this.doc);
    if (!replaceRange(this.doc, this.flat, from, to, replacement)) return null;
    applyServerUpdate(this.room, Y.encodeStateAsUpdate(this.doc, before), { personId });
    flushDerived(this.room);
    this.flat = flatten(this.doc);
    this.index();
    return old;
  }
}
