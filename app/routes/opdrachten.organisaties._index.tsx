import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { organisationLoad, parseYear } from "~/domain/opdrachten/queries.server";
import { page, requireActor } from "~/http/request.server";
import { PageHeader } from "~/components/ui";
import { euro } from "~/components/opdrachten/OpdrachtTable";

export const meta: MetaFunction = () => [{ title: "Belasting per organisatie · Opdrachtenregister · Ketenportaal Zaanstad" }];

export const loader = page(({ request }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  const year = parseYear(new URL(request.url).searchParams.get("jaar"));
  return { year, load: organisationLoad({ actor, year }) };
});

export default function Belasting() {
  const { year, load } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader title={`Wat vragen we van de wijkteams in ${year}`} lead="Per wijkteamorganisatie: de opdrachten en verzoeken die in dit jaar lopen (niet gestopt), de rapportagemomenten en wat buiten de afgesproken route binnenkwam.">
        <Link className="button-secondary" to="/opdrachten">
          Naar het register
        </Link>
      </PageHeader>
      <nav aria-label="Jaar" className="sub-nav">
        <ul>
          <li>
            <Link to={`?jaar=${year - 1}`}>{year - 1}</Link>
          </li>
          <li>
            <Link to={`?jaar=${year + 1}`}>{year + 1}</Link>
          </li>
        </ul>
      </nav>
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">Belasting per wijkteamorganisatie in {year}</caption>
          <thead>
            <tr>
              <th scope="col">Organisatie</th>
              <th scope="col">Opdrachten en verzoeken</th>
              <th scope="col">Aanvullende opdrachten</th>
              <th scope="col">Informatieverzoeken</th>
              <th scope="col">Rapportagemomenten</th>
              <th scope="col">Buiten de route</th>
              <th scope="col">Budget (som van de verzoeken)</th>
            </tr>
          </thead>
          <tbody>
            {load.map((l) => (
              <tr key={l.slug}>
                <th scope="row">
                  <Link to={`/opdrachten/organisaties/${l.slug}?jaar=${year}`}>{l.name}</Link>
                </th>
                <td>{l.total}</td>
                <td>{l.aanvullend}</td>
                <td>{l.informatie}</td>
                <td>{l.reports}</td>
                <td>{l.outsideRoute}</td>
                <td>{euro(l.budget || null)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
