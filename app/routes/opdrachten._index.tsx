import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listOpdrachten, opdrachtOptions, parseOpdrachtFilter } from "~/domain/opdrachten/queries.server";
import { canCreateOpdracht } from "~/domain/policy.server";
import { page, requireActor } from "~/http/request.server";
import { EmptyState, PageHeader } from "~/components/ui";
import { OpdrachtFilters } from "~/components/opdrachten/OpdrachtFilters";
import { OpdrachtTable } from "~/components/opdrachten/OpdrachtTable";
import { plural } from "~/shared/plural";

export const meta: MetaFunction = () => [{ title: "Opdrachtenregister · Ketenportaal Zaanstad" }];

export const loader = page(({ request }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  const url = new URL(request.url);
  const filter = parseOpdrachtFilter(url.searchParams);
  const rows = listOpdrachten({ actor, filter });
  return { rows, filter, query: url.search, options: opdrachtOptions(), canCreate: canCreateOpdracht(actor), isPartner: actor.organisationKind === "ketenpartner" };
});

export default function Opdrachten() {
  const { rows, filter, query, options, canCreate, isPartner } = useLoaderData<typeof loader>();
  const outside = rows.filter((r) => r.outsideRoute).length;
  return (
    <div>
      <PageHeader
        title="Opdrachtenregister"
        lead="De brede opdracht aan de Sociale Wijkteams, de aanvullende opdrachten en de informatieverzoeken op één plek. De contractmanager toetst elk nieuw verzoek aan de brede opdracht voordat het bij de teams komt."
      >
        {canCreate ? (
          <Link className="button" to="/opdrachten/nieuw">
            Verzoek registreren
          </Link>
        ) : null}
      </PageHeader>
      <nav aria-label="Opdrachtenregister" className="sub-nav">
        <ul>
          <li>
            <Link to="/opdrachten/organisaties">Belasting per organisatie</Link>
          </li>
          <li>
            <a href={`/opdrachten.csv${query}`}>Download als CSV</a>
          </li>
          <li>
            <a href="/opdrachten/agenda.ics">Rapportagemomenten in uw agenda (.ics)</a>
          </li>
        </ul>
      </nav>
      {isPartner ? <p className="meta">U ziet als ketenpartner de opdrachten en verzoeken die uw organisatie uitvoert.</p> : null}
      <OpdrachtFilters filter={filter} options={options} />
      <p role="status" className="meta">
        {plural(rows.length, "item", "items")}
        {Object.keys(filter).length ? " met deze filters" : ""}
        {outside ? `, waarvan ${outside} buiten de afgesproken route` : ""}.
      </p>
      {rows.length ? <OpdrachtTable rows={rows} caption="Opdrachten en verzoeken" /> : <EmptyState>Geen opdrachten of verzoeken gevonden.</EmptyState>}
    </div>
  );
}
