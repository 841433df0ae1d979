// The only JavaScript of a page served as plain HTML (`handle = { hydrate: false }`, see
// app/shared/static-page.ts): a small script without React that enhances the server-rendered
// header the way the React app does on hydrated pages (issue 11: ≤ 60 KB on read pages).
//
// - Quick search: the "Snel zoeken" button, the "/" and Ctrl/⌘+K shortcuts and the dialog that
//   app/components/QuickSearch.tsx renders (closed) on every page: results from /zoeken/snel as
//   you type, an ARIA combobox with a listbox, arrows move, Enter opens, Escape closes, the
//   focus goes back to where it was. Same markup, texts and behaviour as the React dialog; a
//   result opens by a normal page load.
// - Phone menu: the "Menu" button that folds the main menu (aria-expanded; Escape closes it and
//   returns the focus to the button), as app/components/SiteHeader.tsx does.
//
// Without JavaScript none of this is there and the page works as plain HTML: the header search
// form goes to /zoeken and the menu stays visible. Bundled by Vite as its own asset (imported
// with `?worker&url` in app/root.tsx), so it shares no chunk with the app.

type Segment = { text: string; mark?: boolean };
type Hit = { id: string; url: string; kindLabel: string; title: Segment[]; section: Segment[]; excerpt: Segment[] };
type Answer = { q: string; total: number; countText: string; hits: Hit[]; message: string | null };

const DEBOUNCE_MS = 70;
const FAILED = "Zoeken lukt nu niet. Probeer het opnieuw.";

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Highlighted segments as text nodes and <mark>s (never HTML from the answer). */
function segments(parent: HTMLElement, list: Segment[]) {
  for (const s of list) parent.append(el(s.mark ? "mark" : "span", undefined, s.text));
}

function phoneMenu() {
  const header = document.querySelector<HTMLElement>(".site-header");
  const inner = header?.querySelector(".header-inner");
  const nav = document.getElementById("hoofdmenu");
  if (!header || !inner || !nav || inner.querySelector(".menu-button")) return;
  const button = el("button", "menu-button", "Menu");
  button.type = "button";
  button.setAttribute("aria-controls", nav.id);
  const set = (open: boolean) => {
    header.classList.toggle("menu-open", open);
    button.setAttribute("aria-expanded", String(open));
  };
  set(false);
  // Last in the row, so Tab goes from the button straight into the menu it opens.
  inner.append(button);
  header.classList.add("has-menu");
  button.addEventListener("click", () => set(!header.classList.contains("menu-open")));
  header.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && header.classList.contains("menu-open")) {
      set(false);
      button.focus();
    }
  });
}

function quickSearch() {
  const form = document.querySelector<HTMLFormElement>("form.header-search");
  const field = document.getElementById("kop-zoeken");
  const dialog = document.querySelector<HTMLDialogElement>("dialog.quick-search");
  const input = dialog?.querySelector<HTMLInputElement>('input[role="combobox"]');
  const status = dialog?.querySelector<HTMLElement>(".quick-search-status");
  const list = dialog?.querySelector<HTMLUListElement>(".quick-search-list");
  const inner = dialog?.querySelector<HTMLElement>(".quick-search-inner");
  if (!form || !dialog || !input || !status || !list || !inner) return;

  const trigger = el("button", "quick-search-open", "Snel zoeken");
  trigger.type = "button";
  trigger.setAttribute("aria-keyshortcuts", "/ Control+K");
  trigger.title = "Snel zoeken (/ of Ctrl+K)";
  form.append(trigger);

  const all = el("p", "quick-search-all");
  const allLink = el("a");
  all.append(allLink);
  all.hidden = true;
  inner.append(all);

  let hits: Hit[] = [];
  let active = -1;
  let answer: Answer | null = null;
  let loading = false;
  let returnTo: HTMLElement | null = null;
  let leaving = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let ctrl: AbortController | undefined;
  const optionId = (i: number) => `${list.id}-optie-${i}`;
  const q = () => input.value;
  const allHref = () => `/zoeken?q=${encodeURIComponent(q())}`;

  function showStatus() {
    const r = answer;
    status!.textContent = !q().trim()
      ? "Typ om te zoeken."
      : loading && !r
        ? "Zoeken…"
        : r?.message
          ? r.message
          : r
            ? r.total === 0
              ? `Geen resultaten voor “${r.q.slice(0, 60)}”.`
              : `${r.countText.charAt(0).toUpperCase()}${r.countText.slice(1)}${r.total > hits.length ? `, de eerste ${hits.length} hieronder` : ""}.`
            : "";
    const text = q().trim();
    all.hidden = !text;
    allLink.href = allHref();
    allLink.textContent = `Alle resultaten voor “${text.slice(0, 60)}” met filters`;
  }

  function showActive() {
    list!.querySelectorAll<HTMLElement>('[role="option"]').forEach((li, i) => {
      li.setAttribute("aria-selected", String(i === active));
      li.classList.toggle("active", i === active);
    });
    if (active >= 0 && hits[active]) {
      input!.setAttribute("aria-activedescendant", optionId(active));
      document.getElementById(optionId(active))?.scrollIntoView({ block: "nearest" });
    } else input!.removeAttribute("aria-activedescendant");
  }

  function showHits() {
    hits = answer?.hits ?? [];
    active = -1;
    list!.replaceChildren(
      ...hits.map((h, i) => {
        const li = el("li");
        li.id = optionId(i);
        li.setAttribute("role", "option");
        li.dataset.url = h.url;
        li.append(el("span", "quick-search-kind", h.kindLabel));
        const title = el("span", "quick-search-title");
        segments(title, h.title);
        if (h.section.length) {
          title.append(" — ");
          segments(title, h.section);
        }
        li.append(title);
        if (h.excerpt.length) {
          const excerpt = el("span", "quick-search-excerpt");
          segments(excerpt, h.excerpt);
          li.append(excerpt);
        }
        li.addEventListener("mousedown", (e) => e.preventDefault());
        li.addEventListener("click", () => go(h.url));
        return li;
      }),
    );
    list!.hidden = hits.length === 0;
    list!.dataset.query = answer?.q ?? "";
    input!.setAttribute("aria-expanded", String(hits.length > 0));
    showActive();
    showStatus();
  }

  // Results for what is typed now; an answer to an older keystroke is discarded (aborted).
  function search() {
    clearTimeout(timer);
    ctrl?.abort();
    if (!q().trim()) {
      answer = null;
      loading = false;
      showHits();
      return;
    }
    const mine = (ctrl = new AbortController());
    const typed = q();
    timer = setTimeout(async () => {
      loading = true;
      showStatus();
      try {
        const res = await fetch(`/zoeken/snel?q=${encodeURIComponent(typed)}`, { signal: mine.signal, headers: { Accept: "application/json" } });
        const body = (await res.json()) as Answer;
        if (mine.signal.aborted) return;
        answer = res.ok ? body : { q: typed, total: 0, countText: "", hits: [], message: body.message ?? FAILED };
      } catch {
        if (mine.signal.aborted) return;
        answer = { q: typed, total: 0, countText: "", hits: [], message: FAILED };
      }
      loading = false;
      showHits();
    }, DEBOUNCE_MS);
  }

  function open() {
    if (dialog!.open) return;
    const before = document.activeElement;
    // On a phone the button is hidden: the header's search field then.
    const fallback = trigger.offsetParent ? trigger : field;
    returnTo = before instanceof HTMLElement && before !== document.body ? before : fallback;
    leaving = false;
    dialog!.showModal();
    input!.focus();
    input!.select();
    search();
  }

  function go(url: string) {
    leaving = true;
    dialog!.close();
    location.assign(url);
  }

  trigger.addEventListener("click", open);
  dialog.querySelector(".quick-search-head button")?.addEventListener("click", () => dialog.close());
  // A click on the backdrop (the dialog element itself) closes it.
  dialog.addEventListener("click", (e) => {
    if (e.target === dialog) dialog.close();
  });
  dialog.addEventListener("close", () => {
    clearTimeout(timer);
    ctrl?.abort();
    loading = false;
    // Back to where the person was (the dialog's own focus return goes to the body when it was opened by a key).
    if (!leaving) (returnTo?.isConnected ? returnTo : field)?.focus();
  });
  input.addEventListener("input", search);
  input.addEventListener("keydown", (e) => {
    const n = hits.length;
    if (e.key === "ArrowDown" && n) active = (active + 1) % n;
    else if (e.key === "ArrowUp" && n) active = active <= 0 ? n - 1 : active - 1;
    else if (e.key === "Home" && active >= 0) active = 0;
    else if (e.key === "End" && active >= 0) active = n - 1;
    else if (e.key === "Enter") {
      e.preventDefault();
      if (active >= 0 && hits[active]) go(hits[active].url);
      else if (q().trim()) go(allHref());
      return;
    } else return;
    e.preventDefault();
    showActive();
  });
  allLink.addEventListener("click", (e) => {
    e.preventDefault();
    go(allHref());
  });
  document.addEventListener("keydown", (e) => {
    if (e.defaultPrevented || e.altKey) return;
    const ctrlK = e.key.toLowerCase() === "k" && (e.ctrlKey || e.metaKey);
    const slash = e.key === "/" && !e.ctrlKey && !e.metaKey && !isEditable(e.target);
    if (ctrlK || slash) {
      e.preventDefault();
      open();
    }
  });
}

quickSearch();
phoneMenu();
