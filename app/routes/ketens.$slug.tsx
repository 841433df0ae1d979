import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ORGANISATION_KIND_LABELS, getKeten } from "~/domain/directory.server";
import { listOverleggen } from "~/domain/overleg/overleg.server";
import { ketenRegie, setStandIn } from "~/domain/overleg/regie.server";
import { canAdminister } from "~/domain/policy.server";
import { page, requireActor } from "~/http/request.server";
import { plural } from "~/shared/plural";
import { regieIntentSchemas } from "~/shared/overleg-forms";
import { formAction, intent } from "~/http/action.server";
import { PageHeader } from "~/components/ui";
import { KetenRegieFacts, KetenRoles } from "~/components/overleg/KetenRegie";
import { TableScroll } from "~/components/ui";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.keten.name ?? "Keten"} · Ketenportaal Zaanstad` }];

export const loader = page(({ request, params }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  const keten = getKeten(params.slug ?? "");
  return {
    keten: { ...keten, members: keten.members.map((m) => ({ ...m, kindLabel: ORGANISATION_KIND_LABELS[m.kind] })) },
    canEdit: canAdminister(actor),
    regie: ketenRegie({ actor, slug: keten.slug }),
    overleggen: listOverleggen({ actor, ketenId: keten.id }),
  };
});

export const action = formAction({
  waarnemen: intent({
    schema: regieIntentSchemas.waarnemen,
    run({ actor, value, params }) {
      const keten = getKeten(params.slug ?? "");
      setStandIn({ actor, ketenId: keten.id, standIn: value.standIn === "aan" });
      return redirect(`/ketens/${keten.slug}`);
    },
  }),
});

export default function Keten() {
  const { keten, canEdit, regie, overleggen } = useLoaderData<typeof loader>();
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
        <dd>
          {keten.regisseurName
            ? `${keten.regisseurName}${keten.regisseurFunctie ? `, ${keten.regisseurFunctie}` : ""} (${keten.regisseurEmail})`
            : "Nog niet benoemd"}
        </dd>
        <dt>Terugkoppeltermijn signalen</dt>
        <dd>{plural(keten.feedbackDays, "werkdag", "werkdagen")}</dd>
      </dl>
      <KetenRegieFacts regie={regie} />
      {overleggen.length ? (
        <>
          <h2>Overleg</h2>
          <ul>
            {overleggen.map((o) => (
              <li key={o.id}>
                <Link to={`/overleg/${o.id}`}>{o.name}</Link> · {o.kindLabel}
                {o.rhythm ? ` · ${o.rhythm}` : ""}
              </li>
            ))}
          </ul>
          <p>
            <Link to={`/ketens/${keten.slug}/verbeterregister`}>Verbeterregister</Link> · <Link to={`/ketens/${keten.slug}/rapport`}>Ketenrapportage</Link>
          </p>
        </>
      ) : null}
      <KetenRoles regie={regie} />
      <h2>Organisaties in deze keten</h2>
      <TableScroll label={`Leden van de keten ${keten.name}`}>
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
      </TableScroll>
    </div>
  );
}
