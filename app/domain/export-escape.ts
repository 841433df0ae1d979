// Escaping for the files and headers we generate from what people typed (issue 10, class 3):
// CSV cells, Markdown, e-mail headers and download file names. iCalendar has its own in
// consultation/ics.ts, HTML escaping is in consultation/reactienota.server.ts (escapeHtml).

// Control characters (C0 except tab/newline handling below, DEL, C1) and Unicode line and
// paragraph separators, which some readers treat as line breaks.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const ANY_BREAK = /\r\n|[\r\n\u0085\u2028\u2029]/g;

/** One line of text for a header (e-mail subject): every line break and control character becomes a space. */
export function oneLine(s: string, max = 250): string {
  const flat = s.replace(ANY_BREAK, " ").replace(/\t/g, " ").replace(CONTROL, " ").replace(/ {2,}/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** A file name for Content-Disposition: letters, digits, dot, dash and underscore only. */
export function safeFilename(s: string): string {
  const cleaned = s.normalize("NFKD").replace(/[^A-Za-z0-9._-]+/g, "-").replace(/-{2,}/g, "-").replace(/^[-.]+|-+$/g, "");
  return cleaned.slice(0, 150) || "download";
}

// A cell starting with one of these (after any spaces) runs as a formula in Excel, LibreOffice
// or Google Sheets: = + - @, tab, CR, LF, and their full-width forms; | and % for DDE.
const FORMULA_START = /^[\s\u00a0]*[=+\-@|%\uff1d\uff0b\uff0d\uff20]|^[\t\r\n]/;

/**
 * One CSV cell for our ";"-separated files (Excel in a Dutch locale). Text that could run as a
 * formula gets a leading apostrophe; a cell with a separator, quote or line break is quoted,
 * with quotes doubled. Line breaks inside a cell are kept as CRLF inside the quotes.
 */
export function csvCell(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "boolean") return v ? "ja" : "nee";
  if (typeof v === "number") return Number.isFinite(v) ? String(v).replace(".", ",") : "";
  let s = v.replace(CONTROL, "").replace(ANY_BREAK, "\r\n");
  if (FORMULA_START.test(s)) s = `'${s}`;
  return /[";\r\n\t]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Text inside a Markdown line (a heading, an emphasised summary): one line, with the characters
 * that Markdown or an HTML-capable renderer would interpret escaped by a backslash.
 */
export function markdownInline(s: string): string {
  return oneLine(s, 10_000).replace(/[\\`*_{}[\]<>|~&]/g, (c) => `\\${c}`);
}
