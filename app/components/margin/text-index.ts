// Finding a comment's passage in the rendered text (the editor or the redline) in the browser:
// the visible text is flattened with whitespace collapsed (struck-out words left out), each
// character remembering its DOM text node and offset, so a passage + the text before it
// becomes a DOM Range for highlighting and scrolling. The server resolved where the passage
// is (by its Yjs positions); this only finds those words on the page.

const DELETED = "del, .diff-del, .visually-hidden, [data-diff='del'], [aria-hidden='true']";
const BLOCK = /^(P|LI|H[1-6]|BLOCKQUOTE|TD|TH|TR|DIV|UL|OL|TABLE|PRE)$/;

type Pos = { node: Text; offset: number };
export type TextIndex = { text: string; pos: Pos[] };

function blockOf(n: Node, root: Element): Node {
  let e: Node | null = n.parentNode;
  while (e && e !== root) {
    if (e instanceof HTMLElement && BLOCK.test(e.tagName)) return e;
    e = e.parentNode;
  }
  return root;
}

export function indexText(root: Element): TextIndex {
  const out: TextIndex = { text: "", pos: [] };
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement?.closest(DELETED) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  let space = false;
  let lastBlock: Node | null = null;
  let last: Pos | null = null;
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    const block = blockOf(n, root);
    if (lastBlock && block !== lastBlock) space = true;
    lastBlock = block;
    const s = n.data;
    for (let i = 0; i < s.length; i++) {
      if (/[\s\u00a0\u200b\ufeff]/.test(s[i])) {
        space = true;
        continue;
      }
      if (space && out.text && last) {
        out.text += " ";
        out.pos.push(last);
      }
      space = false;
      out.text += s[i];
      last = { node: n, offset: i };
      out.pos.push(last);
    }
  }
  return out;
}

function commonSuffix(a: string, b: string): number {
  let k = 0;
  while (k < a.length && k < b.length && a[a.length - 1 - k] === b[b.length - 1 - k]) k++;
  return k;
}

/** The DOM range of `passage`; with several occurrences the one preceded by text most like `hint`. */
export function findRange(index: TextIndex, passage: string, hint: string): Range | null {
  const q = passage.replace(/\s+/g, " ").trim();
  if (!q) return null;
  const h = hint.replace(/\s+/g, " ").trimEnd();
  let best = -1;
  let bestScore = -1;
  for (let i = index.text.indexOf(q); i >= 0; i = index.text.indexOf(q, i + 1)) {
    const score = commonSuffix(index.text.slice(Math.max(0, i - h.length - 1), i).trimEnd(), h);
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  if (best < 0) return null;
  const a = index.pos[best];
  const b = index.pos[best + q.length - 1];
  const r = document.createRange();
  r.setStart(a.node, a.offset);
  r.setEnd(b.node, b.offset + 1);
  return r;
}

/** The visible words of a selection inside `root`, and the text before it (to tell repeats apart). */
export function selectionIn(root: Element): { quote: string; hint: string; range: Range } | null {
  const sel = window.getSelection();
  if (!sel || sel.isCollapsed || !sel.rangeCount) return null;
  const range = sel.getRangeAt(0);
  if (!root.contains(range.commonAncestorContainer)) return null;
  const index = indexText(root);
  const at = (node: Node, offset: number) => {
    // First indexed character at or after (node, offset): binary search, the index is in document order.
    const point = document.createRange();
    point.setStart(node, offset);
    point.collapse(true);
    let lo = 0;
    let hi = index.pos.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (point.comparePoint(index.pos[mid].node, index.pos[mid].offset) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const from = at(range.startContainer, range.startOffset);
  const to = at(range.endContainer, range.endOffset);
  const quote = index.text.slice(from, to).trim().slice(0, 2000);
  if (!quote) return null;
  return { quote, hint: index.text.slice(Math.max(0, from - 40), from), range: range.cloneRange() };
}
