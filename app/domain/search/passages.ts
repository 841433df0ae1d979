// Splitting a document's Markdown into passages, one per heading, so a search hit can link
// to /documenten/<slug>#<anchor>. Anchors come from app/shared/anchors.ts, the same helper the
// document view uses for the ids of its headings (all headings, in document order).
import { headingAnchors } from "~/shared/anchors";

export type Passage = {
  /** "" for the text before the first heading. */
  heading: string;
  /** "" for the text before the first heading (links to the top of the document). */
  anchor: string;
  level: number;
  text: string;
};

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;

/** Markdown inline syntax to plain text (links keep their text, emphasis and code marks go). */
export function plainInline(s: string): string {
  return s
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/<[^>]+>/g, " ")
    .replace(/(\*\*|__)(.*?)\1/g, "$2")
    .replace(/(\*|_)(\S(?:.*?\S)?)\1/g, "$2")
    .replace(/`([^`]*)`/g, "$1")
    .replace(/\\([\\`*_{}[\]()#+\-.!>])/g, "$1");
}

function plainLine(line: string): string {
  return plainInline(
    line
      .replace(/^\s*>\s?/, "")
      .replace(/^\s*(?:[-*+]|\d+[.)])\s+/, "")
      .replace(/^\s*(?:-{3,}|\*{3,}|_{3,})\s*$/, ""),
  ).trim();
}

export function splitMarkdown(markdown: string): Passage[] {
  const lines = markdown.replace(/\r\n?/g, "\n").split("\n");
  const raw: { heading: string; level: number; lines: string[] }[] = [{ heading: "", level: 0, lines: [] }];
  let inFence = false;
  for (const line of lines) {
    if (/^\s*(```|~~~)/.test(line)) {
      inFence = !inFence;
      continue;
    }
    const m = inFence ? null : HEADING.exec(line);
    if (m) raw.push({ heading: plainInline(m[2]).trim(), level: m[1].length, lines: [] });
    else raw[raw.length - 1].lines.push(plainLine(line));
  }
  const anchors = headingAnchors(raw.slice(1).map((r) => r.heading));
  return raw
    .map((r, i) => ({
      heading: r.heading,
      anchor: i === 0 ? "" : anchors[i - 1],
      level: r.level,
      text: r.lines
        .join("\n")
        .replace(/\n{2,}/g, "\n")
        .trim(),
    }))
    .filter((p) => p.heading !== "" || p.text !== "");
}

/** Fallback for versions without Markdown: the plain text as one passage. */
export function passagesOf(markdown: string, text: string): Passage[] {
  if (markdown.trim()) return splitMarkdown(markdown);
  return text.trim() ? [{ heading: "", anchor: "", level: 0, text: text.trim() }] : [];
}
