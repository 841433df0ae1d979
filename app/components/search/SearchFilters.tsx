// The facet filters of /zoeken: beside the results on wide screens, a collapsible panel above
// them on narrow ones (issue 15: the first screen shows results, not filters). The inputs
// belong to the search form by its id, so they can live outside it.
import { Link } from "@remix-run/react";
import { useEffect, useRef } from "react";
import type { PresentedFacet } from "~/domain/search/search.server";

/** Wider than this, the panel is open and shown as a sidebar (the same value as in styles.css). */
const WIDE = "(min-width: 62rem)";

export function SearchFilters({
  facets,
  formId,
  q,
}: {
  facets: PresentedFacet[];
  formId: string;
  q: string;
}) {
  const ref = useRef<HTMLDetailsElement>(null);
  const chosen = facets.reduce(
    (n, f) => n + f.values.filter((v) => v.selected).length,
    0
  );
  useEffect(() => {
    // Without JavaScript the panel starts closed everywhere (one click opens it); with it, wide
    // screens show the filters open beside the results.
    const mq = window.matchMedia(WIDE);
    const sync = () => {
      if (ref.current && mq.matches) ref.current.open = true;
    };
    sync();
    mq.addEventListener("change", sync);
    return () => mq.removeEventListener("change", sync);
  }, []);
  const visible = facets.filter((f) => f.values.length > 0);
  if (visible.length === 0) return null;
  return (
    <aside className="search-filters" aria-labelledby="kop-filters">
      <details ref={ref} className="search-filters-panel">
        <summary>
          <h2 id="kop-filters" className="search-filters-title">
            Filters{chosen ? ` (${chosen} gekozen)` : ""}
          </h2>
        </summary>
        <div className="search-facets">
          {visible.map((f) => (
            <fieldset key={f.name} className="facet">
              <legend>{f.label}</legend>
              <ul>
                {f.values.map((v) => (
                  <li key={v.value} className="check">
                    <input
                      type="checkbox"
                      form={formId}
                      id={`facet-${f.name}-${v.value}`}
                      name={f.name}
                      value={v.value}
                      defaultChecked={v.selected}
                    />
                    <label htmlFor={`facet-${f.name}-${v.value}`}>
                      {v.label} <span className="facet-count">({v.count})</span>
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
          ))}
          <div className="facet-actions">
            <button type="submit" form={formId} className="button-secondary">
              Filters toepassen
            </button>
            <Link to={q ? `/zoeken?q=${encodeURIComponent(q)}` : "/zoeken"}>
              Filters wissen
            </Link>
          </div>
        </div>
      </details>
    </aside>
  );
}
