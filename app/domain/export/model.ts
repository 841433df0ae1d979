// The one shape every export (Word, PDF) is written from: a titled document of text blocks
import { formatDate } from "~/shared/dates";
// whose segments are plain, inserted or deleted text. Versions have only "same" segments;
// comparisons and redlines come straight from the redline diff (documents/diff.ts).
import { textBlocks } from "~/editor/lexical-json";
import type { DiffBlock, Segment } from "../documents/diff";

export type ExportBlock = Pick<DiffBlock, "kind" | "tag" | "depth" | "segments"> & { status?: DiffBlock["status"] };

export type ExportModel = {
  /** Base of the download's file name (no extension). */
  fileName: string;
  title: string;
  /** E.g. "Versie 3" or "Versie 2 → versie 3". */
  versionLabel: string;
  /** The date the content is of (publication, decision), YYYY-MM-DD or ISO. */
  date: string;
  /** One line under the title, e.g. the change summary. */
  lead?: string;
  /** Whether segments mark insertions and deletions (Word shows them as tracked changes). */
  tracked: boolean;
  /** Who the tracked changes are attributed to in Word's review pane. */
  author?: string;
  blocks: ExportBlock[];
};

/** A published text as export blocks (no changes marked). */
export function blocksFromLexical(lexicalJson: string): ExportBlock[] {
  return textBlocks(lexicalJson).map((b) => ({ kind: b.kind, tag: b.tag, depth: b.depth, segments: [{ type: "same", text: b.text } as Segment] }));
}

export function plain(kind: ExportBlock["kind"], tag: string, text: string): ExportBlock {
  return { kind, tag, depth: 0, segments: [{ type: "same", text }] };
}

/** A safe ASCII file name part. */
export function fileSlug(s: string): string {
  return (
    s
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 60) || "document"
  );
}

/** "2 december 2026", in Amsterdam time (one formatter for the whole portal: app/shared/dates.ts). */
export function dutchDate(iso: string): string {
  return formatDate(iso);
}
