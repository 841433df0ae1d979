// Formatting toolbar: one tab stop, arrow keys move between buttons (WAI-ARIA toolbar
// pattern), toggles report their state with aria-pressed. Buttons keep the editor's
// selection by not taking focus on mouse down. The toolbar sticks to the top of the window
// while a long document scrolls; less used actions sit in a "Meer" menu so it never wraps.
// Editor shortcuts win over the page's: Ctrl/Cmd+K inside the text opens the link form
// (QuickSearch ignores a key event the editor has handled). The link form opens at the
// cursor and takes focus without scrolling the page.
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type FormEvent } from "react";
import { useLexicalComposerContext } from "@lexical/react/LexicalComposerContext";
import { $createHeadingNode, $isHeadingNode } from "@lexical/rich-text";
import { $setBlocksType } from "@lexical/selection";
import { $isListNode, INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, REMOVE_LIST_COMMAND, ListNode } from "@lexical/list";
import { $isLinkNode, TOGGLE_LINK_COMMAND } from "@lexical/link";
import { INSERT_TABLE_COMMAND } from "@lexical/table";
import { $findMatchingParent, $getNearestNodeOfType, mergeRegister } from "@lexical/utils";
import {
  $addUpdateTag,
  $createParagraphNode,
  $createRangeSelectionFromDom,
  $getSelection,
  $isRangeSelection,
  $isRootOrShadowRoot,
  $setSelection,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_HIGH,
  COMMAND_PRIORITY_LOW,
  FORMAT_TEXT_COMMAND,
  KEY_DOWN_COMMAND,
  REDO_COMMAND,
  SELECTION_CHANGE_COMMAND,
  SKIP_DOM_SELECTION_TAG,
  UNDO_COMMAND,
} from "lexical";
import { normalizeHref } from "./links";
import { ToolbarMenu } from "./ToolbarMenu";

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
  const [linkAt, setLinkAt] = useState<{ top: number; left: number } | null>(null);
  const wrapRef = useRef<HTMLDivElement>(null);
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

  /** Open the link form just below the cursor (in the editor's coordinates), not at the toolbar. */
  const openLinkForm = useCallback(() => {
    // The sticky wrap is the form's containing block, so measure from it.
    const wrap = wrapRef.current;
    const selection = window.getSelection();
    const rect = selection && selection.rangeCount ? selection.getRangeAt(0).getBoundingClientRect() : null;
    if (wrap && rect && (rect.top || rect.left)) {
      const box = wrap.getBoundingClientRect();
      // Below the cursor, or above it when the window has no room left underneath.
      const below = rect.bottom + 140 < window.innerHeight;
      setLinkAt({ top: below ? rect.bottom - box.top + 6 : rect.top - box.top - 140, left: Math.max(0, Math.min(rect.left - box.left, box.width - 320)) });
    } else setLinkAt(null);
    setLinkError(null);
    setLinkFormOpen(true);
  }, []);

  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          KEY_DOWN_COMMAND,
          (e: globalThis.KeyboardEvent) => {
            if (e.key.toLowerCase() !== "k" || !(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return false;
            e.preventDefault();
            // Lexical takes a keyboard selection over on the next "selectionchange"; a fast
            // Shift+arrow then Ctrl+K may come first. Link what the person sees selected.
            const dom = window.getSelection();
            const root = editor.getRootElement();
            if (dom && root && dom.anchorNode && root.contains(dom.anchorNode)) {
              const selection = $createRangeSelectionFromDom(dom, editor);
              const current = $getSelection();
              if (selection && !(current && selection.is(current))) {
                // The browser already shows this selection: leave the DOM (and focus) alone.
                $addUpdateTag(SKIP_DOM_SELECTION_TAG);
                $setSelection(selection);
              }
            }
            openLinkForm();
            return true;
          },
          COMMAND_PRIORITY_HIGH,
        ),
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
    [editor, readSelection, openLinkForm],
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
    const href = normalizeHref(raw);
    if (!href) {
      setLinkError("Vul een volledig webadres in dat begint met https:// of http://, of een mailto:-adres. Een adres als zaanstad.nl mag ook.");
      return;
    }
    editor.dispatchCommand(TOGGLE_LINK_COMMAND, href);
    setLinkError(null);
    setLinkFormOpen(false);
    editor.focus();
  };

  const closeLinkForm = () => {
    setLinkFormOpen(false);
    setLinkError(null);
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
        else if (linkFormOpen) closeLinkForm();
        else openLinkForm();
      },
    },
    { key: "more", label: "Meer opmaak", text: "Meer ▾", onClick: () => undefined },
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
    <div className="editor-toolbar-wrap" ref={wrapRef}>
      <div className="editor-toolbar" role="toolbar" aria-label="Opmaak" ref={toolbarRef} onKeyDown={onKeyDown}>
        {buttons.map((b, i) =>
          b.key === "more" ? (
            <ToolbarMenu
              key={b.key}
              tabIndex={i === focusIndex ? 0 : -1}
              onFocus={() => setFocusIndex(i)}
              items={[
                {
                  key: "table",
                  text: "Tabel invoegen (3 bij 3)",
                  onSelect: () => editor.dispatchCommand(INSERT_TABLE_COMMAND, { rows: "3", columns: "3", includeHeaders: { rows: true, columns: false } }),
                },
                { key: "link", text: "Link toevoegen (Ctrl+K)", onSelect: openLinkForm },
              ]}
            />
          ) : (
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
          ),
        )}
      </div>
      {linkFormOpen ? (
        <form
          className={`link-form${linkAt ? " link-form-at-cursor" : ""}`}
          style={linkAt ? { top: linkAt.top, left: linkAt.left } : undefined}
          onSubmit={submitLink}
          onKeyDown={(e) => {
            if (e.key === "Escape") closeLinkForm();
          }}
          noValidate
        >
          <label htmlFor="link-url">Adres van de link</label>
          <input
            id="link-url"
            name="url"
            type="text"
            inputMode="url"
            autoComplete="url"
            placeholder="bijvoorbeeld zaanstad.nl"
            aria-invalid={linkError ? true : undefined}
            aria-describedby={linkError ? "link-url-fout" : undefined}
            ref={focusOnce}
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

/** Focus the link field once, without scrolling: autoFocus would jump the page to the form. */
function focusOnce(el: HTMLInputElement | null) {
  if (!el || el.dataset.focused) return;
  el.dataset.focused = "1";
  el.focus({ preventScroll: true });
}
