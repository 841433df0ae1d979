import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation, useRouteLoaderData } from "@remix-run/react";
import { SearchHitItem } from "~/components/SearchResults";
import { SearchFilters } from "~/components/search/SearchFilters";
import { EmptyState, Notice, PageHeader } from "~/components/ui";
import { countLabel } from "~/domain/search/labels";
import { readSearchParams, searchFor } from "~/domain/search/search.server";
import { FACET_NAMES } from "~/domain/search/types";
import { page, requireActor } from "~/http/request.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data?.q ? `Zoeken: ${data.q.slice(0, 60)} · Ketenportaal Zaanstad` : "Zoeken · Ketenportaal Zaanstad",
  },
];

export const loader = page(async ({ request }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  const url = new URL(request.url);
  const { q, filters, cursor } = readSearchParams(url);
  const searching = q.trim() !== "" || Object.keys(filters).length > 0;
  const result = searching
    ? await searchFor({
        actor,
        q,
        filters,
        cursor,
        facets: FACET_NAMES,
        limit: 20,
        record: true,
      })
    : null;
  // Links keep the query and filters, only the cursor changes.
  const base = new URLSearchParams(url.searchParams);
  base.delete("na");
  const next = result?.nextCursor ? `/zoeken?${new URLSearchParams([...base, ["na", result.nextCursor]]).toString()}` : null;
  const first = cursor ? `/zoeken?${base.toString()}` : null;
  return { q, result, next, first };
});

const FORM_ID = "zoekformulier";

/** Tell the server a result of this query was opened; the link itself stays the passage's own URL. */
function countOpen(q: string, csrf: string) {
  if (q.trim() && typeof navigator.sendBeacon === "function") navigator.sendBeacon("/zoeken/open", new URLSearchParams({ q, csrf }));
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const EXAMPLES = ["warme overdracht", "startgesprek", "signaal melden", "verbeterregister", "consultatie", "mantelzorg"];

export default function Zoeken() {
  const { q, result, next, first } = useLoaderData<typeof loader>();
  const csrf = (useRouteLoaderData("root") as { csrfToken?: string } | undefined)?.csrfToken ?? "";
  const navigation = useNavigation();
  const busy = navigation.state === "loading" && navigation.location?.pathname === "/zoeken";
  return (
    <div>
      <PageHeader title="Zoeken" lead="Zoek in documenten, wijzigingsvoorstellen, signalen, mensen en organisaties. U ziet alleen wat u mag lezen." />
      <Form method="get" action="/zoeken" id={FORM_ID} className="search-page-form" role="search" aria-label="Zoeken met filters">
        <div className="search-page-box">
          <label htmlFor="zoekpagina-q">Zoekwoorden</label>
          <div className="search-page-row">
            <input id="zoekpagina-q" name="q" type="search" defaultValue={q} maxLength={500} autoComplete="off" aria-describedby="zoekpagina-tip" />
            <button type="submit">Zoek</button>
          </div>
          <p className="hint" id="zoekpagina-tip">
            Tip: zet woorden tussen aanhalingstekens voor een vaste woordgroep, bijvoorbeeld &quot;warme overdracht&quot;.
            <span className="keyboard-hint">
              {" "}
              Druk overal op <kbd>/</kbd> of <kbd>Ctrl</kbd>+<kbd>K</kbd> om snel te zoeken.
            </span>
          </p>
        </div>
      </Form>

      <div className={result && result.facets.some((f) => f.values.length > 0) ? "search-layout" : undefined}>
        {result ? <SearchFilters facets={result.facets} formId={FORM_ID} q={q} /> : null}
        <section aria-labelledby="kop-resultaten" className="search-results-section" aria-busy={busy}>
          <h2 id="kop-resultaten">{result ? "Resultaten" : "Waar kunt u naar zoeken?"}</h2>
          {!result ? (
            <>
              <p>Bijvoorbeeld:</p>
              <ul className="search-examples">
                {EXAMPLES.map((e) => (
                  <li key={e}>
                    <Link to={`/zoeken?q=${encodeURIComponent(e)}`}>{e}</Link>
                  </li>
                ))}
              </ul>
              <p>
                Nieuw bij een van de organisaties? Begin bij <Link to="/nieuw-hier">Nieuw hier?</Link>
              </p>
            </>
          ) : result.unavailable ? (
            <Notice tone="warning">{result.unavailable}</Notice>
          ) : (
            <>
              <p role="status" className="search-summary">
                {result.total === 0
                  ? `Geen resultaten${q ? ` voor “${q.slice(0, 80)}”` : ""}.`
                  : `${capitalize(countLabel(result.total, result.totalIsLowerBound))}${
                      result.correctedQuery ? ` voor “${result.correctedQuery}”` : q ? ` voor “${q.slice(0, 80)}”` : ""
                    }.`}
              </p>
              {result.alsoSearched.length ? <p className="meta search-also">Ook gezocht op: {result.alsoSearched.join(", ")}.</p> : null}
              {result.correctedQuery ? (
                <p className="meta">
                  Er was niets te vinden voor “{q.slice(0, 80)}”; we zochten naar “{result.correctedQuery}”.
                </p>
              ) : null}
              {result.hits.length ? (
                <ol className="search-results">
                  {result.hits.map((h) => (
                    <SearchHitItem key={h.id} hit={h} onOpen={() => countOpen(q, csrf)} />
                  ))}
                </ol>
              ) : (
                <EmptyState>Probeer een ander of korter woord, of haal een filter weg.</EmptyState>
              )}
              {next || first ? (
                <nav aria-label="Meer resultaten" className="search-pages">
                  {first ? <Link to={first}>Eerste resultaten</Link> : null}
                  {next ? <Link to={next}>Volgende resultaten</Link> : null}
                </nav>
              ) : null}
            </>
          )}
        </section>
      </div>
    </div>
  );
}
