// Word in: a .docx becomes serialized Lexical JSON (the form rooms and versions hold).
// mammoth turns the document into plain semantic HTML (headings, paragraphs, nested lists,
// bold/italic, links, tables); Lexical's own HTML import (@lexical/html, in a happy-dom window
// from @lexical/headless/dom) turns that into editor nodes, so the import keeps exactly what
// the editor can show. What cannot be kept is counted from the package itself (images,
// comments, tracked changes, text boxes) and reported, so the person knows what to redo.
// mammoth, @lexical/html and happy-dom (behind @lexical/headless/dom) are loaded on the first
// import, not at start: together ~15 MB of JS heap and ~25 MB RSS in every idle process
// (issue 11, docs/decisions/130-idle-memory-and-growth.md).
import type * as LexicalHtml from "@lexical/html";
import type * as HeadlessDom from "@lexical/headless/dom";
import type Mammoth from "mammoth";
import { $getRoot, $insertNodes } from "lexical";
import { unzipSync, type UnzipFileInfo } from "fflate";
import type { WordLoss } from "~/shared/word-import";
import { createPlainHeadlessEditor } from "./headless.server";

export type WordLossKind = WordLoss["kind"];

export type WordImport = {
  /** Serialized Lexical editor state. */
  lexicalJson: string;
  /** What was not (or not as such) taken over, by kind, with a count. */
  dropped: Array<{ kind: WordLossKind; count: number }>;
  /** Number of top-level blocks imported (headings, paragraphs, lists, tables). */
  blocks: number;
};

/** Why a file was refused; the domain turns it into a Dutch 400. */
export class WordFileError extends Error {
  constructor(public readonly reason: "not-zip" | "old-word" | "not-word" | "too-large-unpacked" | "unreadable" | "empty") {
    super(reason);
    this.name = "WordFileError";
  }
}

/** Unpacked size above which a (small) upload is treated as a zip bomb. */
const MAX_UNPACKED_BYTES = 80_000_000;

const count = (xml: string, re: RegExp) => (xml.match(re) ?? []).length;

/** Look inside the package: is it a Word document, and what will not survive the import? */
function inspect(bytes: Uint8Array): { dropped: WordImport["dropped"] } {
  if (bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) throw new WordFileError("old-word");
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new WordFileError("not-zip");
  let unpacked = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f: UnzipFileInfo) => {
        unpacked += f.originalSize;
        if (unpacked > MAX_UNPACKED_BYTES) throw new WordFileError("too-large-unpacked");
        return f.name === "word/document.xml" || f.name === "word/comments.xml" || f.name === "[Content_Types].xml";
      },
    });
  } catch (e) {
    if (e instanceof WordFileError) throw e;
    throw new WordFileError("not-zip");
  }
  const text = (name: string) => (files[name] ? new TextDecoder().decode(files[name]) : "");
  const documentXml = text("word/document.xml");
  if (!documentXml || !text("[Content_Types].xml").includes("wordprocessingml")) throw new WordFileError("not-word");
  const found: WordImport["dropped"] = [
    { kind: "images", count: count(documentXml, /<w:drawing[\s>]/g) + count(documentXml, /<w:pict[\s>]/g) - count(documentXml, /<w:txbxContent[\s>]/g) },
    { kind: "comments", count: count(text("word/comments.xml"), /<w:comment[\s>]/g) },
    { kind: "insertions", count: count(documentXml, /<w:ins[\s>]/g) },
    { kind: "deletions", count: count(documentXml, /<w:del[\s>]/g) },
    { kind: "textboxes", count: count(documentXml, /<w:txbxContent[\s>]/g) },
  ];
  return { dropped: found.filter((d) => d.count > 0) };
}

let wordLibraries: Promise<{ mammoth: typeof Mammoth; html: typeof LexicalHtml; dom: typeof HeadlessDom }> | undefined;
function loadWordLibraries() {
  wordLibraries ??= Promise.all([import("mammoth"), import("@lexical/html"), import("@lexical/headless/dom")]).then(([m, html, dom]) => ({
    mammoth: (m as { default?: typeof Mammoth }).default ?? (m as unknown as typeof Mammoth),
    html,
    dom,
  }));
  return wordLibraries;
}

/** mammoth's HTML → Lexical JSON, with the editor's own node list and HTML import rules. */
export async function htmlToLexicalState(html: string): Promise<{ lexicalJson: string; blocks: number }> {
  const {
    html: { $generateNodesFromDOM },
    dom: { withDOM },
  } = await loadWordLibraries();
  const editor = createPlainHeadlessEditor();
  let blocks = 0;
  withDOM((window) => {
    const dom = new window.DOMParser().parseFromString(`<!doctype html><html><body>${html}</body></html>`, "text/html");
    editor.update(
      () => {
        const root = $getRoot();
        root.clear();
        root.select();
        $insertNodes($generateNodesFromDOM(editor, dom));
        // Empty paragraphs (where the selection started, where an image stood) carry nothing.
        for (const child of root.getChildren()) {
          if (root.getChildrenSize() > 1 && child.getType() === "paragraph" && child.getTextContent().trim() === "") child.remove();
        }
        blocks = root.getChildrenSize();
      },
      { discrete: true },
    );
  });
  return { lexicalJson: JSON.stringify(editor.getEditorState().toJSON()), blocks };
}

export async function wordToLexical(bytes: Uint8Array): Promise<WordImport> {
  const { dropped } = inspect(bytes);
  const { mammoth } = await loadWordLibraries();
  let images = 0;
  let result: { value: string; messages: Array<{ type: string; message: string }> };
  try {
    result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        // Images are not kept: count them instead of embedding them as data URLs.
        convertImage: mammoth.images.imgElement(async () => {
          images++;
          return { src: "" };
        }),
        ignoreEmptyParagraphs: true,
      },
    );
  } catch {
    throw new WordFileError("unreadable");
  }
  const html = result.value.replace(/<img[^>]*>/g, "");
  const { lexicalJson, blocks } = await htmlToLexicalState(html);
  if (!blocks || !html.trim()) throw new WordFileError("empty");
  const imageEntry = dropped.find((d) => d.kind === "images");
  if (images && !imageEntry) dropped.unshift({ kind: "images", count: images });
  else if (imageEntry && images > imageEntry.count) imageEntry.count = images;
  const unrecognised = result.messages.filter((m) => m.type === "warning" && !/image|comment/i.test(m.message)).length;
  if (unrecognised) dropped.push({ kind: "other", count: unrecognised });
  return { lexicalJson, dropped, blocks };
}
