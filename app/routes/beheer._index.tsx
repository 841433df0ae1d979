import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ORGANISATION_KIND_LABELS, ROLE_LABELS, listKetens, listOrganisations, listPeople } from "~/domain/directory.server";
import { assertCanAdminister } from "~/domain/policy.server";
import { page, requireActor } from "~/http/request.server";
import { PageHeader } from "~/components/ui";
import { TableScroll } from "~/components/ui";

export const meta: MetaFunction = () => [{ title: "Beheer · Ketenportaal Zaanstad" }];

export const loader = page(({ request }: LoaderFunctionArgs) => {
  assertCanAdminister(requireActor(request));
  return {
    people: listPeople({ includeInactive: true }).map((p) => ({ ...p, roleLabels: p.roles.map((r) => ROLE_LABELS[r]) })),
    organisations: listOrganisations().map((o) => ({ ...o, kindLabel: ORGANISATION_KIND_LABELS[o.kind] })),
    ketens: listKetens(),
  };
});

export default function BeheerIndex() {
  const { people, organisations, ketens } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader title="Beheer" lead="Personen, organisaties, ketens en rollen. Elke wijziging komt in het auditlog." />
      <h2 id="kop-personen">Personen</h2>
      <p>
        <Link to="/beheer/personen/nieuw" className="button">
          Persoon toevoegen
        </Link>
      </p>
      <TableScroll label="Personen">
        <table aria-labelledby="kop-personen">
          <thead>
            <tr>
              <th scope="col">Naam</th>
              <th scope="col">E-mail</th>
              <th scope="col">Organisatie</th>
              <th scope="col">Rollen</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {people.map((p) => (
              <tr key={p.id}>
                <td>
                  <Link to={`/beheer/personen/${p.id}`}>{p.name}</Link>
                </td>
                <td>{p.email}</td>
                <td>{p.organisationName}</td>
                <td>{p.roleLabels.join(", ")}</td>
                <td>{p.active ? <span className="status status-ok">actief</span> : <span className="status status-bad">gedeactiveerd</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <h2 id="kop-organisaties">Organisaties</h2>
      <p>
        <Link to="/beheer/organisaties/nieuw" className="button">
          Organisatie toevoegen
        </Link>
      </p>
      <TableScroll label="Organisaties">
        <table aria-labelledby="kop-organisaties">
          <thead>
            <tr>
              <th scope="col">Naam</th>
              <th scope="col">Soort</th>
              <th scope="col">Actieve medewerkers</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {organisations.map((o) => (
              <tr key={o.id}>
                <td>
                  <Link to={`/beheer/organisaties/${o.id}`}>{o.name}</Link>
                </td>
                <td>{o.kindLabel}</td>
                <td>{o.peopleCount}</td>
                <td>{o.active ? <span className="status status-ok">actief</span> : <span className="status status-bad">gedeactiveerd</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <h2 id="kop-ketens">Ketens</h2>
      <TableScroll label="Ketens">
        <table aria-labelledby="kop-ketens">
          <thead>
            <tr>
              <th scope="col">Keten</th>
              <th scope="col">Regisseur</th>
              <th scope="col">Leden</th>
            </tr>
          </thead>
          <tbody>
            {ketens.map((k) => (
              <tr key={k.id}>
                <td>
                  <Link to={`/beheer/ketens/${k.slug}`}>{k.name}</Link>
                </td>
                <td>{k.regisseurName ?? "—"}</td>
                <td>{k.memberCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
