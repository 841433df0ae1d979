import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { organisationView, parseYear } from "~/domain/opdrachten/queries.server";
import { page, requireActor } from "~/http/request.server";
import { EmptyState, PageHeader } from "~/components/ui";
import { OpdrachtTable, euro } from "~/components/opdrachten/OpdrachtTable";
import { formatDate } from "~/shared/dates";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Wat vragen we van ${data?.organisation.name ?? ""} · Ketenportaal Zaanstad` }];

export const loader = page(({ request, params }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  const year = parseYear(new URL(request.url).searchParams.get("jaar"));
  return organisationView({ actor, slug: params.slug ?? "", year });
});

export default function VanOrganisatie() {
  const v = useLoaderData<typeof loader>();
  const t = v.totals;
  return (
    <div>
      <PageHeader title={`Wat vragen we van ${v.organisation.name} in ${v.year}`} lead="Alle opdrachten en verzoeken die deze organisatie in dit jaar uitvoert, met de rapportagemomenten per maand.">
        <Link className="button-secondary" to="/opdrachten/organisaties">
          Alle organisaties
        </Link>
      </PageHeader>
      <dl className="key-figures">
        <div>
          <dt>Lopend of getoetst</dt>
          <dd>{t.active}</dd>
        </div>
        <div>
          <dt>Aanvullende opdrachten</dt>
          <dd>{t.aanvullend}</dd>
        </div>
        <div>
          <dt>Informatieverzoeken</dt>
          <dd>{t.informatie}</dd>
        </div>
        <div>
          <dt>Rapportagemomenten</dt>
          <dd>{t.reports}</dd>
        </div>
        <div>
          <dt>Buiten de route</dt>
          <dd>{t.outsideRoute}</dd>
        </div>
        <div>
          <dt>Budget (som van de verzoeken)</dt>
          <dd>{euro(t.budget || null)}</dd>
        </div>
      </dl>
      {v.items.length ? <OpdrachtTable rows={v.items} caption={`Opdrachten en verzoeken voor ${v.organisation.name}`} /> : <EmptyState>Er lopen dit jaar geen opdrachten of verzoeken die u kunt zien.</EmptyState>}
      <h2>Rapportagemomenten per maand</h2>
      {v.months.length ? (
        v.months.map((m) => (
          <section key={m.month} aria-labelledby={`maand-${m.month}`}>
            <h3 id={`maand-${m.month}`}>{m.label}</h3>
            <ul>
              {m.moments.map((x) => (
                <li key={x.id}>
                  {formatDate(x.dueDate)}: <Link to={`/opdrachten/${x.opdrachtId}#moment-${x.id}`}>{x.opdrachtTitle}</Link> · {x.title}
                  <span className="meta">{x.feedback ? " · teruggekoppeld" : x.done ? " · ontvangen" : ""}</span>
                </li>
              ))}
            </ul>
          </section>
        ))
      ) : (
        <EmptyState>Geen rapportagemomenten in dit jaar.</EmptyState>
      )}
    </div>
  );
}
