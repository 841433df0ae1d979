import { Form, useLocation, useNavigate } from "@remix-run/react";
import { headingAnchors } from "~/shared/anchors";
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from "react";
import type { QuickSearchResponse } from "~/routes/zoeken.snel";
import { Highlighted } from "./SearchResults";

/** Typing "/" in a field or the editor is text, not a shortcut. */
function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT";
}

/**
 * Search hits link to /documenten/<slug>#<heading anchor>. Where a document's headings carry no
 * id yet, give them the ids of the shared anchor scheme (app/shared/anchors.ts) and scroll to
 * the target, so the link still lands on the passage. A no-op where the ids are rendered.
 */
function useHeadingAnchorFallback() {
  const location = useLocation();
  useEffect(() => {
    const hash = decodeURIComponent(location.hash.slice(1));
    if (!hash || document.getElementById(hash)) return;
    const headings = [...document.querySelectorAll<HTMLElement>(".doc-body :is(h1, h2, h3, h4, h5, h6)")];
    if (!headings.length) return;
    const anchors = headingAnchors(headings.map((h) => h.textContent ?? ""));
    headings.forEach((h, i) => {
      if (!h.id) h.id = anchors[i];
    });
    const target = document.getElementById(hash);
    if (target) {
      target.setAttribute("tabindex", "-1");
      target.scrollIntoView();
      target.focus({ preventScroll: true });
    }
  }, [location.pathname, location.hash]);
}

/** Wait this long after a keystroke before asking the server; short enough that every keystroke shows its own results. */
const DEBOUNCE_MS = 70;

/**
 * The header search box: a plain GET form to /zoeken (works without JavaScript), plus a
 * quick-search dialog (the "/" key or Ctrl-K) with results as you type: an ARIA combobox with
 * a listbox, arrows move, Enter opens, Escape closes.
 */
export function QuickSearch() {
  const navigate = useNavigate();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  /** Where the focus was when the dialog opened (the button, or whatever had it for "/" and Ctrl+K). */
  const returnTo = useRef<HTMLElement | null>(null);
  /** Closed to open a result: the page's heading takes the focus instead. */
  const leaving = useRef(false);
  const baseId = useId();
  const titleId = `${baseId}-titel`;
  const inputId = `${baseId}-invoer`;
  const listId = `${baseId}-lijst`;
  const optionId = (i: number) => `${baseId}-optie-${i}`;
  const [hydrated, setHydrated] = useState(false);
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState("");
  const [result, setResult] = useState<QuickSearchResponse | null>(null);
  const [active, setActive] = useState(-1);
  const [loading, setLoading] = useState(false);

  useEffect(() => setHydrated(true), []);
  useHeadingAnchorFallback();

  const openDialog = useCallback(() => {
    const d = dialogRef.current;
    if (!d || d.open) return;
    const before = document.activeElement;
    // On a phone the button is hidden: the header's search field then.
    const trigger = triggerRef.current?.offsetParent ? triggerRef.current : document.getElementById("kop-zoeken");
    returnTo.current = before instanceof HTMLElement && before !== document.body ? before : trigger;
    leaving.current = false;
    d.showModal();
    setOpen(true);
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);

  const close = useCallback(() => dialogRef.current?.close(), []);

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.defaultPrevented || e.altKey) return;
      const ctrlK = e.key.toLowerCase() === "k" && (e.ctrlKey || e.metaKey);
      const slash = e.key === "/" && !e.ctrlKey && !e.metaKey && !isEditable(e.target);
      if (ctrlK || slash) {
        e.preventDefault();
        openDialog();
      }
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [openDialog]);

  // Results for what is typed now; an answer to an older keystroke is discarded (aborted).
  useEffect(() => {
    if (!open) return;
    if (!q.trim()) {
      setResult(null);
      setActive(-1);
      setLoading(false);
      return;
    }
    const ctrl = new AbortController();
    const timer = setTimeout(async () => {
      setLoading(true);
      try {
        const res = await fetch(`/zoeken/snel?q=${encodeURIComponent(q)}`, { signal: ctrl.signal, headers: { Accept: "application/json" } });
        const body = (await res.json()) as QuickSearchResponse;
        if (ctrl.signal.aborted) return;
        setResult(res.ok ? body : { q, total: 0, countText: "", hits: [], message: body.message ?? "Zoeken lukt nu niet. Probeer het opnieuw." });
        setActive(-1);
      } catch {
        if (!ctrl.signal.aborted) setResult({ q, total: 0, countText: "", hits: [], message: "Zoeken lukt nu niet. Probeer het opnieuw." });
      } finally {
        if (!ctrl.signal.aborted) setLoading(false);
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [q, open]);

  const hits = result?.hits ?? [];
  const allResultsHref = `/zoeken?q=${encodeURIComponent(q)}`;

  const go = (url: string) => {
    leaving.current = true;
    close();
    navigate(url);
  };

  function onInputKey(e: ReactKeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown" && hits.length) {
      e.preventDefault();
      setActive((a) => (a + 1) % hits.length);
    } else if (e.key === "ArrowUp" && hits.length) {
      e.preventDefault();
      setActive((a) => (a <= 0 ? hits.length - 1 : a - 1));
    } else if (e.key === "Home" && active >= 0) {
      e.preventDefault();
      setActive(0);
    } else if (e.key === "End" && active >= 0) {
      e.preventDefault();
      setActive(hits.length - 1);
    } else if (e.key === "Enter") {
      e.preventDefault();
      if (active >= 0 && hits[active]) go(hits[active].url);
      else if (q.trim()) go(allResultsHref);
    }
  }

  useEffect(() => {
    if (active >= 0) document.getElementById(optionId(active))?.scrollIntoView({ block: "nearest" });
    // optionId only depends on baseId, which is stable.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active]);

  const status = !q.trim()
    ? "Typ om te zoeken."
    : loading && !result
      ? "Zoeken…"
      : result?.message
        ? result.message
        : result
          ? result.total === 0
            ? `Geen resultaten voor “${result.q.slice(0, 60)}”.`
            : `${result.countText.charAt(0).toUpperCase()}${result.countText.slice(1)}${result.total > hits.length ? `, de eerste ${hits.length} hieronder` : ""}.`
          : "";

  return (
    <>
      <Form method="get" action="/zoeken" role="search" className="header-search" aria-label="Zoeken in Ketenportaal">
        <label htmlFor="kop-zoeken" className="visually-hidden">
          Zoek in Ketenportaal
        </label>
        <input id="kop-zoeken" name="q" type="search" placeholder="Zoeken…" maxLength={500} autoComplete="off" />
        <button type="submit">Zoek</button>
        {hydrated ? (
          <button type="button" className="quick-search-open" ref={triggerRef} onClick={openDialog} aria-keyshortcuts="/ Control+K" title="Snel zoeken (/ of Ctrl+K)">
            Snel zoeken
          </button>
        ) : null}
      </Form>
      <dialog
        ref={dialogRef}
        className="quick-search"
        aria-labelledby={titleId}
        onClose={() => {
          // The close event is queued as a task: when the dialog was opened again before it
          // arrived (Escape, then Ctrl+K at once), it is stale and must not mark it closed.
          if (dialogRef.current?.open) return;
          setOpen(false);
          // Back to where the person was (the dialog's own focus return goes to the body when it was opened by a key).
          if (!leaving.current) (returnTo.current?.isConnected ? returnTo.current : document.getElementById("kop-zoeken"))?.focus();
        }}
        onClick={(e) => {
          // A click on the backdrop (the dialog element itself) closes it.
          if (e.target === dialogRef.current) close();
        }}
      >
        <div className="quick-search-inner">
          <div className="quick-search-head">
            <h2 id={titleId}>Snel zoeken</h2>
            <button type="button" className="button-link" onClick={close}>
              Sluiten
            </button>
          </div>
          <label htmlFor={inputId}>Zoekwoorden</label>
          <input
            id={inputId}
            ref={inputRef}
            type="text"
            role="combobox"
            aria-expanded={hits.length > 0}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={active >= 0 && hits[active] ? optionId(active) : undefined}
            aria-describedby={`${baseId}-uitleg`}
            autoComplete="off"
            spellCheck={false}
            maxLength={500}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onKeyDown={onInputKey}
          />
          <p id={`${baseId}-uitleg`} className="hint">
            Pijltjes kiezen een resultaat, Enter opent het (of alle resultaten), Escape sluit.
          </p>
          <p role="status" className="quick-search-status" aria-live="polite">
            {status}
          </p>
          <ul id={listId} role="listbox" aria-label="Resultaten" className="quick-search-list" hidden={hits.length === 0} data-query={result?.q ?? ""}>
            {hits.map((h, i) => (
              <li
                key={h.id}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                data-url={h.url}
                className={i === active ? "active" : undefined}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => go(h.url)}
              >
                <span className="quick-search-kind">{h.kindLabel}</span>
                <span className="quick-search-title">
                  <Highlighted segments={h.title} />
                  {h.section.length ? (
                    <>
                      {" — "}
                      <Highlighted segments={h.section} />
                    </>
                  ) : null}
                </span>
                {h.excerpt.length ? (
                  <span className="quick-search-excerpt">
                    <Highlighted segments={h.excerpt} />
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
          {q.trim() ? (
            <p className="quick-search-all">
              <a
                href={allResultsHref}
                onClick={(e) => {
                  e.preventDefault();
                  go(allResultsHref);
                }}
              >
                Alle resultaten voor “{q.trim().slice(0, 60)}” met filters
              </a>
            </p>
          ) : null}
        </div>
      </dialog>
    </>
  );
}
