// The one list of Lexical node classes, shared by the browser editor and the headless
// editors on the server (seeding, derived forms, restore). A node missing here on either
// side would make @lexical/yjs drop or reject content, so both import this list.
// Stable interface: the consultation feature (proposal rooms) imports `editorNodes`.
import type { Klass, LexicalNode } from "lexical";
import { HeadingNode, QuoteNode } from "@lexical/rich-text";
import { ListItemNode, ListNode } from "@lexical/list";
import { AutoLinkNode, LinkNode } from "@lexical/link";
import { TableCellNode, TableNode, TableRowNode } from "@lexical/table";

export const editorNodes: ReadonlyArray<Klass<LexicalNode>> = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  LinkNode,
  AutoLinkNode,
  TableNode,
  TableRowNode,
  TableCellNode,
];

/** Class names the editor's DOM uses; the read view's CSS styles the same names. */
export const editorTheme = {
  paragraph: "ed-p",
  quote: "ed-quote",
  heading: { h1: "ed-h1", h2: "ed-h2", h3: "ed-h3", h4: "ed-h4", h5: "ed-h5", h6: "ed-h6" },
  list: {
    ul: "ed-ul",
    ol: "ed-ol",
    listitem: "ed-li",
    nested: { listitem: "ed-li-nested" },
  },
  link: "ed-link",
  table: "ed-table",
  tableRow: "ed-tr",
  tableCell: "ed-td",
  tableCellHeader: "ed-th",
  text: { bold: "ed-bold", italic: "ed-italic", underline: "ed-underline", strikethrough: "ed-strike", code: "ed-code" },
};
