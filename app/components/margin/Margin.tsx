// The margin beside a text (a draft in the editor, a proposal's redline): comment cards sit
// next to their passage on wide screens and below the text on narrow ones; passages are
// highlighted (CSS Custom Highlight API, so the editor's DOM is never touched); clicking a
// highlight focuses its card and "Toon passage" on a card scrolls to the words. Selecting text
// shows a small "Reageer" control at the selection; Ctrl+Alt+M and the button at the top of the
// margin do the same from the keyboard. The comment form itself is the page's (renderForm).
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { findRange, indexText, selectionIn } from "./text-index";

export type MarginAnchor = { cardId: string; passage: string; hint: string };
export type Pending = { quote: string; hint: string };

const WIDE = "(min-width: 70rem)";
const HIGHLIGHT = "kp-marge";
const ACTIVE = "kp-marge-actief";

type HighlightRegistry = { set(name: string, h: unknown): void; delete(name: string): void };
function registry(): { reg: HighlightRegistry; make: (...r: Range[]) => unknown } | null {
  const css = (globalThis as { CSS?: { highlights?: HighlightRegistry } }).CSS;
  const H = (globalThis as { Highlight?: new (...r: Range[]) => unknown }).Highlight;
  return css?.highlights && H ? { reg: css.highlights, make: (...r) => new H(...r) } : null;
}

export function isShortcut(e: KeyboardEvent | React.KeyboardEvent): boolean {
  return e.ctrlKey && e.altKey && !e.shiftKey && (e.key === "m" || e.key === "M" || e.code === "KeyM");
}

export function Margin(props: {
  textId: string;
  anchors: MarginAnchor[];
  cards: ReactNode;
  canComment: boolean;
  renderForm: (pending: Pending, close: () => void) => ReactNode;
  children: ReactNode;
  /** Heading of the margin, e.g. "Opmerkingen (3)". */
  title: string;
}) {
  const layoutRef = useRef<HTMLDivElement>(null);
  const asideRef = useRef<HTMLElement>(null);
  const formRef = useRef<HTMLDivElement>(null);
  const ranges = useRef(new Map<string, Range>());
  const [selection, setSelection] = useState<{ quote: string; hint: string; top: number; left: number } | null>(null);
  const lastSelection = useRef<Pending & { top: number } | null>(null);
  const [pending, setPending] = useState<(Pending & { top: number }) | null>(null);
  const [active, setActive] = useState<string | null>(null);
  const [, setTick] = useState(0);

  const textEl = useCallback(() => document.getElementById(props.textId), [props.textId]);

  // Find the passages, highlight them, and place the cards beside them.
  const layout = useCallback(() => {
    const root = textEl();
    const layoutEl = layoutRef.current;
    const aside = asideRef.current;
    if (!root || !layoutEl || !aside) return;
    const index = indexText(root);
    const found = new Map<string, Range>();
    for (const a of props.anchors) {
      const r = findRange(index, a.passage, a.hint);
      if (r) found.set(a.cardId, r);
    }
    ranges.current = found;
    const hl = registry();
    if (hl) {
      hl.reg.set(HIGHLIGHT, hl.make(...[...found.entries()].filter(([id]) => id !== active).map(([, r]) => r)));
      const act = active ? found.get(active) : undefined;
      if (act) hl.reg.set(ACTIVE, hl.make(act));
      else hl.reg.delete(ACTIVE);
    }
    const wide = window.matchMedia(WIDE).matches;
    const cards = [...aside.querySelectorAll<HTMLElement>("[data-margin-card]")];
    const base = aside.getBoundingClientRect().top;
    let bottom = 0;
    const placed = cards
      .map((el) => ({ el, r: found.get(el.id) }))
      .sort((x, y) => (x.r && y.r ? x.r.getBoundingClientRect().top - y.r.getBoundingClientRect().top : x.r ? -1 : y.r ? 1 : 0));
    const head = aside.querySelector<HTMLElement>("[data-margin-head]");
    bottom = head ? head.offsetHeight + 8 : 0;
    if (pending && formRef.current && wide) {
      formRef.current.style.top = `${Math.max(bottom, pending.top)}px`;
      bottom = Math.max(bottom, pending.top) + formRef.current.offsetHeight + 12;
    }
    for (const { el, r } of placed) {
      if (!wide) {
        el.style.position = "";
        el.style.top = "";
        continue;
      }
      const want = r ? r.getBoundingClientRect().top - base : bottom;
      const top = Math.max(bottom, want);
      el.style.position = "absolute";
      el.style.top = `${top}px`;
      bottom = top + el.offsetHeight + 12;
    }
    aside.style.minHeight = wide ? `${bottom}px` : "";
    if (!wide && formRef.current) formRef.current.style.top = "";
  }, [props.anchors, active, pending, textEl]);

  useEffect(() => {
    layout();
    const root = textEl();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const later = () => {
      clearTimeout(timer);
      timer = setTimeout(layout, 150);
    };
    const mo = root ? new MutationObserver(later) : null;
    if (root && mo) mo.observe(root, { subtree: true, childList: true, characterData: true });
    window.addEventListener("resize", later);
    // The editor fills itself after load: look again a few times.
    const early = [300, 1000, 2500].map((ms) => setTimeout(layout, ms));
    return () => {
      mo?.disconnect();
      window.removeEventListener("resize", later);
      clearTimeout(timer);
      early.forEach(clearTimeout);
      registry()?.reg.delete(HIGHLIGHT);
      registry()?.reg.delete(ACTIVE);
    };
  }, [layout, textEl]);

  const open = useCallback(
    (from: (Pending & { top: number }) | null) => {
      if (!from || !props.canComment) return;
      setPending(from);
      setSelection(null);
      setTick((t) => t + 1);
    },
    [props.canComment],
  );

  // Focus the form's first text field when it opens.
  useEffect(() => {
    if (pending) formRef.current?.querySelector<HTMLElement>("textarea, input[type=radio], input[type=text]")?.focus();
  }, [pending]);

  // Track the selection inside the text: the floating control and the keyboard path use it.
  useEffect(() => {
    const onChange = () => {
      const root = textEl();
      const layoutEl = layoutRef.current;
      if (!root || !layoutEl) return;
      const sel = selectionIn(root);
      if (!sel) {
        const s = window.getSelection();
        if (s && s.rangeCount && root.contains(s.getRangeAt(0).commonAncestorContainer)) setSelection(null);
        return;
      }
      const rect = sel.range.getBoundingClientRect();
      const box = layoutEl.getBoundingClientRect();
      const asideTop = asideRef.current?.getBoundingClientRect().top ?? box.top;
      lastSelection.current = { quote: sel.quote, hint: sel.hint, top: rect.top - asideTop };
      setSelection({ quote: sel.quote, hint: sel.hint, top: rect.bottom - box.top + 4, left: Math.min(rect.right - box.left, box.width - 120) });
    };
    const onKey = (e: KeyboardEvent) => {
      if (!isShortcut(e) || !lastSelection.current) return;
      e.preventDefault();
      open(lastSelection.current);
    };
    document.addEventListener("selectionchange", onChange);
    document.addEventListener("keydown", onKey, true);
    return () => {
      document.removeEventListener("selectionchange", onChange);
      document.removeEventListener("keydown", onKey, true);
    };
  }, [open, textEl]);

  // A click on highlighted words brings its card forward.
  const onTextClick = (e: React.MouseEvent) => {
    const doc = document as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null };
    const at = doc.caretRangeFromPoint?.(e.clientX, e.clientY);
    if (!at) return;
    for (const [id, r] of ranges.current) {
      if (r.isPointInRange(at.startContainer, at.startOffset)) {
        setActive(id);
        const card = document.getElementById(id);
        card?.scrollIntoView({ block: "nearest", behavior: "smooth" });
        card?.focus({ preventScroll: true });
        return;
      }
    }
  };

  const showPassage = (e: React.MouseEvent) => {
    const button = (e.target as HTMLElement).closest<HTMLElement>("[data-show-passage]");
    if (!button) return;
    const id = button.dataset.showPassage ?? "";
    const r = ranges.current.get(id);
    setActive(id);
    const el = r?.startContainer.parentElement;
    el?.scrollIntoView({ block: "center", behavior: "smooth" });
  };

  const close = () => setPending(null);

  return (
    <div className="margin-layout" ref={layoutRef}>
      <div className="margin-text" onClick={onTextClick}>
        {props.children}
      </div>
      {selection && props.canComment && !pending ? (
        <button
          type="button"
          className="margin-react"
          style={{ top: selection.top, left: Math.max(0, selection.left - 80) }}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => open(lastSelection.current)}
        >
          Reageer
        </button>
      ) : null}
      <aside className="margin-side" ref={asideRef} aria-labelledby={`${props.textId}-marge`} onClick={showPassage}>
        <div className="margin-head" data-margin-head>
          <h2 id={`${props.textId}-marge`} className="margin-title">
            {props.title}
          </h2>
          {props.canComment ? (
            <p className="margin-tools">
              <button
                type="button"
                className="button-secondary"
                aria-keyshortcuts="Control+Alt+M"
                disabled={!lastSelection.current && !selection}
                onClick={() => open(lastSelection.current)}
              >
                Reageer op selectie
              </button>{" "}
              <span className="meta">Selecteer tekst, dan Ctrl+Alt+M</span>
            </p>
          ) : null}
        </div>
        {pending ? (
          <div className="margin-form card" ref={formRef}>
            {props.renderForm(pending, close)}
          </div>
        ) : null}
        {props.cards}
      </aside>
    </div>
  );
}
