import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listVerkenningen, verkenningFormOptions } from "~/domain/verkenning/verkenning.server";
import { page, requireActor } from "~/http/request.server";
import { EmptyState, PageHeader, formatDate } from "~/components/ui";
import { VerkenningBadge } from "~/components/verkenning/VerkenningSections";

export const meta: MetaFunction = () => [{ title: "Verkenningen · Ketenportaal Zaanstad" }];

export const loader = page(({ request }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  return { verkenningen: listVerkenningen({ actor }), canStart: verkenningFormOptions(actor).ketens.length > 0 };
});

export default function Verkenningen() {
  const { verkenningen, canStart } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader
        title="Verkenningen"
        lead="Voordat er een tekst is: de regisseur legt een probleem en een paar open vragen voor aan de organisaties die het raakt. Wat zij antwoorden, komt in het voorstel dat eruit volgt."
      >
        {canStart ? (
          <Link className="button" to="/verkenningen/nieuw">
            Nieuwe verkenning
          </Link>
        ) : null}
      </PageHeader>
      {verkenningen.length ? (
        <table>
          <caption className="visually-hidden">Verkenningen die u mag inzien</caption>
          <thead>
            <tr>
              <th scope="col">Verkenning</th>
              <th scope="col">Status</th>
              <th scope="col">Antwoorden tot en met</th>
            </tr>
          </thead>
          <tbody>
            {verkenningen.map((v) => (
              <tr key={v.id}>
                <td>
                  <Link to={`/verkenningen/${v.id}`}>{v.title}</Link>
                  <div className="meta">Keten {v.ketenName}</div>
                </td>
                <td>
                  <VerkenningBadge status={v.status} label={v.statusLabel} />
                </td>
                <td>{formatDate(v.reactionDeadline)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <EmptyState>Er zijn (nog) geen verkenningen die u mag inzien.</EmptyState>
      )}
    </div>
  );
}
