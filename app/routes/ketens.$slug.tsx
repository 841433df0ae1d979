import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ORGANISATION_KIND_LABELS, getKeten } from "~/domain/directory.server";
import { canAdminister } from "~/domain/policy.server";
import { page, requireActor } from "~/utils/request.server";
import { PageHeader } from "~/components/ui";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.keten.name ?? "Keten"} · Ketenportaal Zaanstad` }];

export const loader = page(({ request, params }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  const keten = getKeten(params.slug ?? "");
  return {
    keten: { ...keten, members: keten.members.map((m) => ({ ...m, kindLabel: ORGANISATION_KIND_LABELS[m.kind] })) },
    canEdit: canAdminister(actor),
  };
});

export default function Keten() {
  const { keten, canEdit } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader title={keten.name} lead={keten.description}>
        {canEdit ? (
          <Link className="button-secondary" to={`/beheer/ketens/${keten.slug}`}>
            Keten beheren
          </Link>
        ) : null}
      </PageHeader>
      <dl className="facts">
        <dt>Regisseur</dt>
        <dd>{keten.regisseurName ? `${keten.regisseurName}${keten.regisseurFunctie ? `, ${keten.regisseurFunctie}` : ""} (${keten.regisseurEmail})` : "Nog niet benoemd"}</dd>
        <dt>Terugkoppeltermijn signalen</dt>
        <dd>{`${keten.feedbackDays} werkdagen`}</dd>
      </dl>
      <h2>Organisaties in deze keten</h2>
      <table>
        <caption className="visually-hidden">Leden van de keten {keten.name}</caption>
        <thead>
          <tr>
            <th scope="col">Organisatie</th>
            <th scope="col">Soort</th>
          </tr>
        </thead>
        <tbody>
          {keten.members.map((m) => (
            <tr key={m.id}>
              <td>
                <Link to={`/organisaties/${m.slug}`}>{m.name}</Link>
                {m.fictitious ? <span className="tag">fictief</span> : null}
              </td>
              <td>{m.kindLabel}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
