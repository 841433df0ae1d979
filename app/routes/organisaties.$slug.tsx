import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ORGANISATION_KIND_LABELS, getOrganisation } from "~/domain/directory.server";
import { page, requireActor } from "~/http/request.server";
import { EmptyState, PageHeader } from "~/components/ui";
import { TableScroll } from "~/components/ui";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.org.name ?? "Organisatie"} · Ketenportaal Zaanstad` }];

export const loader = page(({ request, params }: LoaderFunctionArgs) => {
  requireActor(request);
  const org = getOrganisation(params.slug ?? "");
  if (!org.active) throw new Response("Deze organisatie is niet meer actief.", { status: 404 });
  return { org: { ...org, kindLabel: ORGANISATION_KIND_LABELS[org.kind] } };
});

export default function Organisatie() {
  const { org } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader title={org.name} lead={org.description} />
      <dl className="facts">
        <dt>Soort</dt>
        <dd>
          {org.kindLabel}
          {org.fictitious ? " (fictieve organisatie, voorbeeldinhoud)" : ""}
        </dd>
      </dl>
      <h2>Ketens</h2>
      {org.ketens.length ? (
        <ul>
          {org.ketens.map((k) => (
            <li key={k.id}>
              <Link to={`/ketens/${k.slug}`}>{k.name}</Link>
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState>Deze organisatie is geen lid van een keten.</EmptyState>
      )}
      {org.wijken.length ? (
        <>
          <h2>Wijkteams</h2>
          <ul>
            {org.wijken.map((w) => (
              <li key={w.slug}>{w.teamName}</li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>Medewerkers</h2>
      {org.people.length ? (
        <TableScroll label={`Medewerkers van ${org.name}`}>
          <table>
            <caption className="visually-hidden">Medewerkers van {org.name}</caption>
            <thead>
              <tr>
                <th scope="col">Naam</th>
                <th scope="col">Functie</th>
                <th scope="col">E-mail</th>
              </tr>
            </thead>
            <tbody>
              {org.people.map((p) => (
                <tr key={p.id}>
                  <td>{p.name}</td>
                  <td>{p.functie}</td>
                  <td>
                    <a href={`mailto:${p.email}`}>{p.email}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <EmptyState>Geen actieve medewerkers.</EmptyState>
      )}
    </div>
  );
}
