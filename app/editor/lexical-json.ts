// Reading serialized Lexical JSON without an editor (isomorphic: used by the server's
// serializers and by the diff). Only the fields we use are typed; content may come from
// any client, so every field is checked before use.

/** The fields of serialized Lexical nodes we read; everything else is ignored. */
export type LNode = {
  type?: unknown;
  children?: unknown;
  text?: unknown;
  format?: unknown;
  tag?: unknown;
  listType?: unknown;
  start?: unknown;
  url?: unknown;
  headerState?: unknown;
  colSpan?: unknown;
};

export function parseState(json: string): LNode {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new Error("Invalid Lexical JSON");
  }
  const root = (parsed as { root?: unknown } | null)?.root;
  if (!root || typeof root !== "object") throw new Error("Invalid Lexical JSON: no root");
  return root as LNode;
}

export function childrenOf(n: LNode): LNode[] {
  return Array.isArray(n.children) ? (n.children.filter((c) => c && typeof c === "object") as LNode[]) : [];
}

export const str = (v: unknown) => (typeof v === "string" ? v : "");
export const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : 0);

export function headingTag(n: LNode): "h1" | "h2" | "h3" | "h4" | "h5" | "h6" {
  const t = str(n.tag);
  return (["h1", "h2", "h3", "h4", "h5", "h6"] as const).find((h) => h === t) ?? "h2";
}

export function inlineText(nodes: LNode[]): string {
  return nodes
    .map((n) => {
      if (n.type === "text") return str(n.text);
      if (n.type === "linebreak") return "\n";
      if (n.type === "tab") return "\t";
      if (typeof n.text === "string") return n.text;
      return inlineText(childrenOf(n));
    })
    .join("");
}

/** A run of inline text with its formatting (Lexical text format bits: 1 bold, 2 italic). */
export type InlineSpan = { text: string; bold: boolean; italic: boolean; href: string | null };

/** The inline content as formatted runs, in order (links carry their address). */
export function inlineSpans(nodes: LNode[], href: string | null = null): InlineSpan[] {
  const out: InlineSpan[] = [];
  for (const n of nodes) {
    if (n.type === "text") {
      const format = num(n.format);
      out.push({ text: str(n.text), bold: (format & 1) !== 0, italic: (format & 2) !== 0, href });
    } else if (n.type === "link" || n.type === "autolink") out.push(...inlineSpans(childrenOf(n), str(n.url) || href));
    else if (n.type === "linebreak") out.push({ text: "\n", bold: false, italic: false, href });
    else if (typeof n.text === "string") out.push({ text: n.text, bold: false, italic: false, href });
    else out.push(...inlineSpans(childrenOf(n), href));
  }
  return out;
}

export type TextBlock = {
  kind: "heading" | "paragraph" | "quote" | "listitem" | "tablerow";
  /** h1-h6 for headings, ul/ol for list items. */
  tag: string;
  depth: number;
  text: string;
  /** Formatted runs of the block's text (headings, paragraphs, quotes, list items). */
  spans?: InlineSpan[];
};

/** The document as a flat list of text blocks (headings, paragraphs, list items, table rows). */
export function textBlocks(json: string): TextBlock[] {
  const out: TextBlock[] = [];
  const walk = (n: LNode, depth: number, listTag: string) => {
    switch (n.type) {
      case "heading":
      case "paragraph":
      case "quote": {
        const text = inlineText(childrenOf(n)).trim();
        const spans = inlineSpans(childrenOf(n));
        if (text) out.push({ kind: n.type, tag: n.type === "heading" ? headingTag(n) : n.type === "quote" ? "blockquote" : "p", depth: 0, text, spans });
        return;
      }
      case "list": {
        const tag = n.listType === "number" ? "ol" : "ul";
        for (const item of childrenOf(n)) walk(item, depth, tag);
        return;
      }
      case "listitem": {
        const inline = childrenOf(n).filter((c) => c.type !== "list");
        const text = inlineText(inline).trim();
        if (text) out.push({ kind: "listitem", tag: listTag || "ul", depth, text, spans: inlineSpans(inline) });
        for (const c of childrenOf(n)) if (c.type === "list") walk(c, depth + 1, "");
        return;
      }
      case "table":
        for (const row of childrenOf(n)) walk(row, depth, listTag);
        return;
      case "tablerow": {
        const text = childrenOf(n)
          .map((cell) => textBlocksOfChildren(cell).join(" "))
          .join(" | ")
          .trim();
        if (text) out.push({ kind: "tablerow", tag: "tr", depth: 0, text });
        return;
      }
      default: {
        if (typeof n.text === "string") {
          const text = n.text.trim();
          if (text) out.push({ kind: "paragraph", tag: "p", depth: 0, text });
          return;
        }
        for (const c of childrenOf(n)) walk(c, depth, listTag);
      }
    }
  };
  for (const c of childrenOf(parseState(json))) walk(c, 0, "");
  return out;
}

function textBlocksOfChildren(n: LNode): string[] {
  return childrenOf(n)
    .map((c) => (childrenOf(c).length ? inlineText(childrenOf(c)) : str(c.text)).trim())
    .filter(Boolean);
}
