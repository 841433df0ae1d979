// Conversions between the forms a document takes: Markdown (demo content, export),
// serialized Lexical JSON (versions, diffs), Yjs state (the collaboration room) and the
// derived read forms (sanitised HTML, plain text).
//
// Stable interface (also used by the consultation feature):
//   markdownToLexicalState(md)        Markdown → serialized editor state JSON (@lexical/markdown)
//   lexicalStateToHtml(json)          sanitised HTML from our own serializer (never from content attributes)
//   lexicalStateToText(json)          plain text, one block per line (search)
//   lexicalStateToMarkdown(json)      Markdown (export)
//   lexicalStateToYUpdate(json)       full Yjs update of a fresh Y.Doc holding that state (seeding)
//   yDocToLexicalState(doc)           read a Y.Doc back into serialized Lexical JSON
//   lexicalReplaceUpdate(state, json) the Yjs update that turns `state` into `json` (publish/restore)
import {
  $convertFromMarkdownString,
  BOLD_ITALIC_STAR,
  BOLD_ITALIC_UNDERSCORE,
  BOLD_STAR,
  BOLD_UNDERSCORE,
  HEADING,
  INLINE_CODE,
  ITALIC_STAR,
  ITALIC_UNDERSCORE,
  LINK,
  ORDERED_LIST,
  QUOTE,
  STRIKETHROUGH,
  UNORDERED_LIST,
  type Transformer,
} from "@lexical/markdown";
import * as Y from "yjs";
import { bindHeadless, createPlainHeadlessEditor } from "./headless.server";
import { childrenOf, headingTag, inlineText, num, parseState, str, type LNode } from "./lexical-json";
import { safeHref } from "./links";
import { headingAnchors } from "~/shared/anchors";

/** The Markdown subset our content uses; code blocks and check lists are not supported. */
export const MARKDOWN_TRANSFORMERS: Transformer[] = [
  HEADING,
  QUOTE,
  UNORDERED_LIST,
  ORDERED_LIST,
  INLINE_CODE,
  BOLD_ITALIC_STAR,
  BOLD_ITALIC_UNDERSCORE,
  BOLD_STAR,
  BOLD_UNDERSCORE,
  ITALIC_STAR,
  ITALIC_UNDERSCORE,
  STRIKETHROUGH,
  LINK,
];

export function markdownToLexicalState(md: string): string {
  const editor = createPlainHeadlessEditor();
  editor.update(() => $convertFromMarkdownString(md.replace(/\r\n?/g, "\n"), MARKDOWN_TRANSFORMERS, undefined, false, true), {
    discrete: true,
  });
  return JSON.stringify(editor.getEditorState().toJSON());
}

/** An editor state with one empty paragraph: what a brand-new document starts from. */
export function emptyLexicalState(): string {
  return JSON.stringify({
    root: {
      type: "root",
      version: 1,
      direction: null,
      format: "",
      indent: 0,
      children: [{ type: "paragraph", version: 1, direction: null, format: "", indent: 0, children: [], textFormat: 0, textStyle: "" }],
    },
  });
}

// ------------------------------------------------------------------ Yjs

export function lexicalStateToYUpdate(json: string): Uint8Array {
  const doc = new Y.Doc();
  const headless = bindHeadless(doc);
  try {
    headless.replaceWith(json);
    return Y.encodeStateAsUpdate(doc);
  } finally {
    headless.destroy();
    doc.destroy();
  }
}

/** Load a full Yjs state (or a doc) into a fresh doc bound to a headless editor. */
function withLoaded<T>(state: Uint8Array, fn: (h: ReturnType<typeof bindHeadless>) => T): T {
  const doc = new Y.Doc();
  const headless = bindHeadless(doc);
  try {
    Y.applyUpdate(doc, state, "load");
    headless.flush();
    return fn(headless);
  } finally {
    headless.destroy();
    doc.destroy();
  }
}

export function yDocToLexicalState(doc: Y.Doc): string {
  // Read from a copy: binding the live room doc would attach collab nodes to its types.
  return yStateToLexicalState(Y.encodeStateAsUpdate(doc));
}

export function yStateToLexicalState(state: Uint8Array): string {
  return withLoaded(state, (h) => h.toJSON());
}

/**
 * The incremental Yjs update that makes a document holding `state` show `json` instead.
 * Applied to the live room it merges with concurrent edits like any other edit, so
 * connected editors continue from the new text without reloading.
 */
export function lexicalReplaceUpdate(state: Uint8Array, json: string): Uint8Array {
  return withLoaded(state, (h) => {
    const before = Y.encodeStateVector(h.doc);
    h.replaceWith(json);
    return Y.encodeStateAsUpdate(h.doc, before);
  });
}

// ------------------------------------------------------------------ JSON walkers

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);
}

const FORMAT = { bold: 1, italic: 2, strikethrough: 4, underline: 8, code: 16, subscript: 32, superscript: 64 } as const;

// ------------------------------------------------------------------ HTML

/** Heading ids (the shared anchor scheme of app/shared/anchors.ts, also used by search links). */
type HtmlContext = { headingIds: Map<LNode, string> };

function inlineHtml(nodes: LNode[], ctx: HtmlContext): string {
  return nodes.map((c) => nodeHtml(c, ctx)).join("");
}

function nodeHtml(n: LNode, ctx: HtmlContext): string {
  const kids = childrenOf(n);
  const all = () => kids.map((c) => nodeHtml(c, ctx)).join("");
  switch (n.type) {
    case "text": {
      let html = escapeHtml(str(n.text));
      const f = num(n.format);
      if (f & FORMAT.code) html = `<code>${html}</code>`;
      if (f & FORMAT.subscript) html = `<sub>${html}</sub>`;
      if (f & FORMAT.superscript) html = `<sup>${html}</sup>`;
      if (f & FORMAT.strikethrough) html = `<s>${html}</s>`;
      if (f & FORMAT.underline) html = `<u>${html}</u>`;
      if (f & FORMAT.italic) html = `<em>${html}</em>`;
      if (f & FORMAT.bold) html = `<strong>${html}</strong>`;
      return html;
    }
    case "linebreak":
      return "<br>";
    case "tab":
      return "\t";
    case "link":
    case "autolink": {
      const href = safeHref(str(n.url));
      const inner = inlineHtml(kids, ctx);
      return href ? `<a href="${escapeHtml(href)}" rel="noopener noreferrer nofollow">${inner}</a>` : inner;
    }
    case "paragraph":
      return kids.length ? `<p>${inlineHtml(kids, ctx)}</p>` : "";
    case "heading": {
      const tag = headingTag(n);
      const id = ctx.headingIds.get(n);
      return `<${tag}${id ? ` id="${escapeHtml(id)}"` : ""}>${inlineHtml(kids, ctx)}</${tag}>`;
    }
    case "quote":
      return `<blockquote><p>${inlineHtml(kids, ctx)}</p></blockquote>`;
    case "list": {
      const ordered = n.listType === "number";
      const start = Math.trunc(num(n.start));
      const open = ordered ? (start > 1 ? `<ol start="${start}">` : "<ol>") : "<ul>";
      return `${open}${all()}${ordered ? "</ol>" : "</ul>"}`;
    }
    case "listitem": {
      // A nested list lives in its own list item; render it inside the previous item's <li>.
      return `<li>${all()}</li>`;
    }
    case "table":
      return `<div class="table-wrap"><table><tbody>${all()}</tbody></table></div>`;
    case "tablerow":
      return `<tr>${all()}</tr>`;
    case "tablecell": {
      const th = num(n.headerState) > 0;
      const inner = all();
      return th ? `<th scope="col">${inner}</th>` : `<td>${inner}</td>`;
    }
    case "root":
      return kids.map((c) => nodeHtml(c, ctx)).join("\n");
    default:
      // Unknown node types (a newer client, a crafted update): keep the words, drop the markup.
      if (typeof n.text === "string") return escapeHtml(n.text);
      return all();
  }
}

function collectHeadings(n: LNode, out: LNode[] = []): LNode[] {
  if (n.type === "heading") out.push(n);
  for (const c of childrenOf(n)) collectHeadings(c, out);
  return out;
}

/** The headings of a document with the ids lexicalStateToHtml gives them (for a table of contents). */
export function headingOutline(json: string): Array<{ id: string; text: string; level: number }> {
  const headings = collectHeadings(parseState(json));
  const texts = headings.map((h) => inlineText(childrenOf(h)).trim());
  const anchors = headingAnchors(texts);
  return headings.map((h, i) => ({ id: anchors[i], text: texts[i], level: Number(headingTag(h).slice(1)) })).filter((h) => h.text !== "");
}

export function lexicalStateToHtml(json: string): string {
  const root = parseState(json);
  const headings = collectHeadings(root);
  const anchors = headingAnchors(headings.map((h) => inlineText(childrenOf(h)).trim()));
  return nodeHtml(root, { headingIds: new Map(headings.map((h, i) => [h, anchors[i]])) });
}

// ------------------------------------------------------------------ plain text

const BLOCKS = new Set(["paragraph", "heading", "quote"]);

function textLines(n: LNode, out: string[]): void {
  if (BLOCKS.has(str(n.type))) {
    const t = inlineText(childrenOf(n)).trim();
    if (t) out.push(t);
    return;
  }
  if (n.type === "listitem") {
    const inline = childrenOf(n).filter((c) => c.type !== "list");
    const t = inlineText(inline).trim();
    if (t) out.push(t);
    for (const c of childrenOf(n)) if (c.type === "list") textLines(c, out);
    return;
  }
  if (n.type === "tablerow") {
    const t = childrenOf(n)
      .map((cell) => {
        const parts: string[] = [];
        textLines(cell, parts);
        return parts.join(" ");
      })
      .join(" | ")
      .trim();
    if (t) out.push(t);
    return;
  }
  if (n.type === "text" || typeof n.text === "string") {
    const t = str(n.text).trim();
    if (t) out.push(t);
    return;
  }
  for (const c of childrenOf(n)) textLines(c, out);
}

export function lexicalStateToText(json: string): string {
  const out: string[] = [];
  textLines(parseState(json), out);
  return out.join("\n");
}

// ------------------------------------------------------------------ Markdown

function inlineMarkdown(nodes: LNode[]): string {
  return nodes
    .map((n) => {
      if (n.type === "text") {
        const raw = str(n.text);
        const f = num(n.format);
        // Markers must hug the words: move surrounding spaces outside them.
        const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(raw) as RegExpExecArray;
        let core = m[2];
        if (!core) return raw;
        if (f & FORMAT.code) core = `\`${core}\``;
        if (f & FORMAT.strikethrough) core = `~~${core}~~`;
        if (f & FORMAT.bold && f & FORMAT.italic) core = `***${core}***`;
        else if (f & FORMAT.bold) core = `**${core}**`;
        else if (f & FORMAT.italic) core = `*${core}*`;
        return m[1] + core + m[3];
      }
      if (n.type === "linebreak") return "  \n";
      if (n.type === "tab") return "\t";
      if (n.type === "link" || n.type === "autolink") {
        const href = safeHref(str(n.url));
        const inner = inlineMarkdown(childrenOf(n));
        return href ? `[${inner}](${href})` : inner;
      }
      if (typeof n.text === "string") return n.text;
      return inlineMarkdown(childrenOf(n));
    })
    .join("");
}

function listMarkdown(list: LNode, depth: number): string[] {
  const lines: string[] = [];
  const ordered = list.listType === "number";
  let counter = Math.max(1, Math.trunc(num(list.start)) || 1);
  for (const item of childrenOf(list)) {
    const nested = childrenOf(item).filter((c) => c.type === "list");
    const inline = childrenOf(item).filter((c) => c.type !== "list");
    const text = inlineMarkdown(inline).trim();
    if (text || !nested.length) {
      const marker = ordered ? `${counter}. ` : "- ";
      lines.push(`${"   ".repeat(depth)}${marker}${text}`);
      counter += 1;
    }
    for (const n of nested) lines.push(...listMarkdown(n, depth + 1));
  }
  return lines;
}

function blockMarkdown(n: LNode): string | null {
  switch (n.type) {
    case "heading": {
      const level = Number(headingTag(n).slice(1));
      return `${"#".repeat(level)} ${inlineMarkdown(childrenOf(n)).trim()}`;
    }
    case "quote":
      return inlineMarkdown(childrenOf(n))
        .split("\n")
        .map((l) => `> ${l}`)
        .join("\n");
    case "list":
      return listMarkdown(n, 0).join("\n");
    case "table": {
      const rows = childrenOf(n).map((r) =>
        childrenOf(r).map((cell) =>
          childrenOf(cell)
            .map((b) => inlineMarkdown(childrenOf(b)))
            .join(" ")
            .replace(/\|/g, "\\|")
            .trim(),
        ),
      );
      if (!rows.length) return null;
      const width = Math.max(...rows.map((r) => r.length));
      const line = (cells: string[]) => `| ${Array.from({ length: width }, (_, i) => cells[i] ?? "").join(" | ")} |`;
      return [line(rows[0]), `| ${Array.from({ length: width }, () => "---").join(" | ")} |`, ...rows.slice(1).map(line)].join("\n");
    }
    case "paragraph": {
      const t = inlineMarkdown(childrenOf(n));
      return t.trim() ? t : null;
    }
    default: {
      const t = inlineText([n]).trim();
      return t || null;
    }
  }
}

export function lexicalStateToMarkdown(json: string): string {
  const blocks = childrenOf(parseState(json))
    .map(blockMarkdown)
    .filter((b): b is string => b !== null);
  return blocks.join("\n\n") + "\n";
}
