import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { assertCanAdminister } from "~/domain/policy.server";
import { listMisses } from "~/domain/search/search-log.server";
import { page, requireActor } from "~/http/request.server";
import { EmptyState, PageHeader, formatDate } from "~/components/ui";
import { TableScroll } from "~/components/ui";

export const meta: MetaFunction = () => [{ title: "Niet gevonden · Beheer · Ketenportaal Zaanstad" }];

export const loader = page(({ request }: LoaderFunctionArgs) => {
  assertCanAdminister(requireActor(request));
  return { misses: listMisses({ limit: 200 }) };
});

const times = (n: number) => `${n} keer`;

export default function Zoekvragen() {
  const { misses } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader
        title="Wat mensen niet konden vinden"
        lead="Zoekvragen zonder resultaat of waarbij niemand een resultaat opende, met hoe vaak. Wie zocht wordt niet bewaard; vragen die op persoonsgegevens lijken evenmin. Voeg een synoniem toe, of schrijf de passage die ontbreekt."
      />
      {misses.length ? (
        <TableScroll label="Zoekvragen zonder resultaat of zonder klik">
          <table className="table">
            <caption className="visually-hidden">Zoekvragen zonder resultaat of zonder klik</caption>
            <thead>
              <tr>
                <th scope="col">Zoekvraag</th>
                <th scope="col">Waarom</th>
                <th scope="col">Gezocht</th>
                <th scope="col">Laatst</th>
                <th scope="col">
                  <span className="visually-hidden">Actie</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {misses.map((m) => (
                <tr key={m.query}>
                  <td>
                    <Link to={`/zoeken?q=${encodeURIComponent(m.query)}`}>{m.query}</Link>
                  </td>
                  <td>{m.reason === "geen resultaat" ? `Geen resultaat (${times(m.zeroResults)})` : "Niets geopend"}</td>
                  <td>{times(m.searches)}</td>
                  <td>{formatDate(m.lastAt, true)}</td>
                  <td>
                    <Link to={`/beheer/synoniemen?nieuw=${encodeURIComponent(m.query)}#nieuw`}>Synoniem toevoegen</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <EmptyState>Er zijn nog geen zoekvragen zonder resultaat of zonder klik.</EmptyState>
      )}
    </div>
  );
}
