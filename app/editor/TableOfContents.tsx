// The editor's table of contents: Lexical's TableOfContentsPlugin keeps the headings current
// while people type; choosing one scrolls to it and puts the cursor there.
import { TableOfContentsPlugin } from "@lexical/react/LexicalTableOfContentsPlugin";
import { $getNodeByKey } from "lexical";
import { TableOfContents as Toc } from "~/components/TableOfContents";

export function TableOfContents() {
  return (
    <TableOfContentsPlugin>
      {(entries, editor) => (
        <Toc
          id="inhoud-concept"
          entries={entries.map(([key, text, tag]) => ({
            key,
            text,
            level: Number(tag.slice(1)),
            onSelect: () => {
              editor.getElementByKey(key)?.scrollIntoView({ block: "start", behavior: "smooth" });
              editor.update(() => $getNodeByKey(key)?.selectEnd());
            },
          }))}
        />
      )}
    </TableOfContentsPlugin>
  );
}
