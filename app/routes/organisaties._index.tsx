import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ORGANISATION_KIND_LABELS, listOrganisations } from "~/domain/directory.server";
import { page, requireActor } from "~/http/request.server";
import { PageHeader } from "~/components/ui";
import { TableScroll } from "~/components/ui";

export const meta: MetaFunction = () => [{ title: "Organisaties · Ketenportaal Zaanstad" }];

export const loader = page(({ request }: LoaderFunctionArgs) => {
  requireActor(request);
  return {
    organisations: listOrganisations()
      .filter((o) => o.active)
      .map((o) => ({ ...o, kindLabel: ORGANISATION_KIND_LABELS[o.kind] })),
  };
});

export default function Organisaties() {
  const { organisations } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader title="Organisaties" lead="De gemeente, haar afdelingen, de wijkteamorganisaties en de ketenpartners." />
      <TableScroll label="Alle organisaties">
        <table>
          <caption className="visually-hidden">Alle organisaties</caption>
          <thead>
            <tr>
              <th scope="col">Organisatie</th>
              <th scope="col">Soort</th>
              <th scope="col">Actieve medewerkers</th>
            </tr>
          </thead>
          <tbody>
            {organisations.map((o) => (
              <tr key={o.id}>
                <td>
                  <span className="swatch" style={{ background: o.color }} aria-hidden="true" />
                  <Link to={`/organisaties/${o.slug}`}>{o.name}</Link>
                  {o.fictitious ? <span className="tag">fictief</span> : null}
                </td>
                <td>{o.kindLabel}</td>
                <td>{o.peopleCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
