// Formatting toolbar: one tab stop, arrow keys move between buttons (WAI-ARIA toolbar
// pattern), toggles report their state with aria-pressed. Buttons keep the editor's
// selection by not taking focus on mouse down.
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type FormEvent } from "react";
import { useLexicalComposerContext } from "@lexical/react/LexicalComposerContext";
import { $createHeadingNode, $isHeadingNode } from "@lexical/rich-text";
import { $setBlocksType } from "@lexical/selection";
import { $isListNode, INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, REMOVE_LIST_COMMAND, ListNode } from "@lexical/list";
import { $isLinkNode, TOGGLE_LINK_COMMAND } from "@lexical/link";
import { INSERT_TABLE_COMMAND } from "@lexical/table";
import { $findMatchingParent, $getNearestNodeOfType, mergeRegister } from "@lexical/utils";
import {
  $createParagraphNode,
  $getSelection,
  $isRangeSelection,
  $isRootOrShadowRoot,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  FORMAT_TEXT_COMMAND,
  REDO_COMMAND,
  SELECTION_CHANGE_COMMAND,
  UNDO_COMMAND,
} from "lexical";
import { safeHref } from "./links";

type BlockType = "paragraph" | "h2" | "h3" | "bullet" | "number" | "other";

export function Toolbar() {
  const [editor] = useLexicalComposerContext();
  const [bold, setBold] = useState(false);
  const [italic, setItalic] = useState(false);
  const [block, setBlock] = useState<BlockType>("paragraph");
  const [inLink, setInLink] = useState(false);
  const [canUndo, setCanUndo] = useState(false);
  const [canRedo, setCanRedo] = useState(false);
  const [linkFormOpen, setLinkFormOpen] = useState(false);
  const [linkError, setLinkError] = useState<string | null>(null);
  const toolbarRef = useRef<HTMLDivElement>(null);
  const [focusIndex, setFocusIndex] = useState(0);

  const readSelection = useCallback(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return;
    setBold(selection.hasFormat("bold"));
    setItalic(selection.hasFormat("italic"));
    const anchor = selection.anchor.getNode();
    const top =
      anchor.getKey() === "root"
        ? anchor
        : ($findMatchingParent(anchor, (n) => {
            const parent = n.getParent();
            return parent !== null && $isRootOrShadowRoot(parent);
          }) ?? anchor.getTopLevelElementOrThrow());
    if ($isListNode(top)) {
      const list = $getNearestNodeOfType(anchor, ListNode);
      setBlock((list ?? top).getListType() === "number" ? "number" : "bullet");
    } else if ($isHeadingNode(top)) {
      const tag = top.getTag();
      setBlock(tag === "h2" ? "h2" : tag === "h3" ? "h3" : "other");
    } else setBlock(top.getType() === "paragraph" ? "paragraph" : "other");
    setInLink($isLinkNode(anchor.getParent()) || $isLinkNode(anchor));
  }, []);

  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ editorState }) => editorState.read(readSelection)),
        editor.registerCommand(
          SELECTION_CHANGE_COMMAND,
          () => {
            readSelection();
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerCommand(
          CAN_UNDO_COMMAND,
          (v) => {
            setCanUndo(v);
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerCommand(
          CAN_REDO_COMMAND,
          (v) => {
            setCanRedo(v);
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
      ),
    [editor, readSelection],
  );

  const setBlockType = (type: "paragraph" | "h2" | "h3") => {
    editor.update(() => {
      const selection = $getSelection();
      if (!$isRangeSelection(selection)) return;
      // Pressing an active heading button again turns the block back into plain text.
      if (type === "paragraph" || block === type) $setBlocksType(selection, () => $createParagraphNode());
      else $setBlocksType(selection, () => $createHeadingNode(type));
    });
    editor.focus();
  };

  const toggleList = (type: "bullet" | "number") => {
    if (block === type) editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
    else editor.dispatchCommand(type === "bullet" ? INSERT_UNORDERED_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND, undefined);
    editor.focus();
  };

  const submitLink = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const raw = String(new FormData(e.currentTarget).get("url") ?? "");
    const href = safeHref(raw);
    if (!href) {
      setLinkError("Vul een volledig webadres in dat begint met https:// of http://, of een mailto:-adres.");
      return;
    }
    editor.dispatchCommand(TOGGLE_LINK_COMMAND, href);
    setLinkError(null);
    setLinkFormOpen(false);
    editor.focus();
  };

  const buttons: Array<{ key: string; label: string; pressed?: boolean; disabled?: boolean; onClick: () => void; text: string }> = [
    { key: "p", label: "Gewone tekst", text: "Tekst", pressed: block === "paragraph", onClick: () => setBlockType("paragraph") },
    { key: "h2", label: "Kop niveau 2", text: "Kop 2", pressed: block === "h2", onClick: () => setBlockType("h2") },
    { key: "h3", label: "Kop niveau 3", text: "Kop 3", pressed: block === "h3", onClick: () => setBlockType("h3") },
    { key: "ul", label: "Opsomming", text: "• Lijst", pressed: block === "bullet", onClick: () => toggleList("bullet") },
    { key: "ol", label: "Genummerde lijst", text: "1. Lijst", pressed: block === "number", onClick: () => toggleList("number") },
    { key: "b", label: "Vet", text: "Vet", pressed: bold, onClick: () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, "bold") },
    { key: "i", label: "Cursief", text: "Cursief", pressed: italic, onClick: () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, "italic") },
    {
      key: "a",
      label: inLink ? "Link verwijderen" : "Link toevoegen",
      text: inLink ? "Link weg" : "Link",
      pressed: inLink,
      onClick: () => {
        if (inLink) editor.dispatchCommand(TOGGLE_LINK_COMMAND, null);
        else setLinkFormOpen((o) => !o);
      },
    },
    {
      key: "table",
      label: "Tabel invoegen (3 bij 3)",
      text: "Tabel",
      onClick: () => editor.dispatchCommand(INSERT_TABLE_COMMAND, { rows: "3", columns: "3", includeHeaders: { rows: true, columns: false } }),
    },
    { key: "undo", label: "Ongedaan maken", text: "Ongedaan maken", disabled: !canUndo, onClick: () => editor.dispatchCommand(UNDO_COMMAND, undefined) },
    { key: "redo", label: "Opnieuw", text: "Opnieuw", disabled: !canRedo, onClick: () => editor.dispatchCommand(REDO_COMMAND, undefined) },
  ];

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const keys = ["ArrowRight", "ArrowLeft", "Home", "End"];
    if (!keys.includes(e.key)) return;
    e.preventDefault();
    const n = buttons.length;
    const next = e.key === "Home" ? 0 : e.key === "End" ? n - 1 : (focusIndex + (e.key === "ArrowRight" ? 1 : -1) + n) % n;
    setFocusIndex(next);
    toolbarRef.current?.querySelectorAll<HTMLButtonElement>("button[data-tool]")[next]?.focus();
  };

  return (
    <div className="editor-toolbar-wrap">
      <div className="editor-toolbar" role="toolbar" aria-label="Opmaak" ref={toolbarRef} onKeyDown={onKeyDown}>
        {buttons.map((b, i) => (
          <button
            key={b.key}
            type="button"
            data-tool={b.key}
            className="tool"
            aria-label={b.label}
            title={b.label}
            aria-pressed={b.pressed === undefined ? undefined : b.pressed}
            aria-disabled={b.disabled ? true : undefined}
            tabIndex={i === focusIndex ? 0 : -1}
            onMouseDown={(e) => e.preventDefault()}
            onFocus={() => setFocusIndex(i)}
            onClick={() => {
              if (!b.disabled) b.onClick();
            }}
          >
            {b.text}
          </button>
        ))}
      </div>
      {linkFormOpen ? (
        <form className="link-form" onSubmit={submitLink} noValidate>
          <label htmlFor="link-url">Adres van de link</label>
          <input
            id="link-url"
            name="url"
            type="url"
            inputMode="url"
            placeholder="https://"
            aria-invalid={linkError ? true : undefined}
            aria-describedby={linkError ? "link-url-fout" : undefined}
            autoFocus
          />
          <button type="submit" className="button-secondary">
            Link toevoegen
          </button>
          <button type="button" className="button-link" onClick={() => setLinkFormOpen(false)}>
            Annuleren
          </button>
          {linkError ? (
            <p className="error-text" id="link-url-fout" role="alert">
              {linkError}
            </p>
          ) : null}
        </form>
      ) : null}
    </div>
  );
}
