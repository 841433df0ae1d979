import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { auditLogPage, parseAuditFilter } from "~/domain/audit-log.server";
import { page, requireActor } from "~/http/request.server";
import { PageHeader } from "~/components/ui";
import { AuditFilters, AuditTable, auditQuery } from "~/components/beheer/AuditLog";

export const meta: MetaFunction = () => [{ title: "Auditlog · Beheer · Ketenportaal Zaanstad" }];

const PAGE = 100;

export const loader = page(({ request }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  const url = new URL(request.url);
  const filter = parseAuditFilter(url.searchParams);
  const p = Math.max(1, Math.min(10_000, Number(url.searchParams.get("pagina")) || 1));
  return { ...auditLogPage({ actor, filter, page: p, pageSize: PAGE }), filter, page: p };
});

export default function Audit() {
  const { entries, filter, people, actions, objects, page: p } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader title="Auditlog" lead="Wie wat wanneer wijzigde, met de waarden ervoor en erna. Filter op persoon, handeling, soort object en periode, of download de selectie als CSV." />
      <AuditFilters filter={filter} people={people} actions={actions} objects={objects} />
      <AuditTable entries={entries.slice(0, PAGE)} />
      <nav aria-label="Paginering" className="page-actions">
        {p > 1 ? <Link to={auditQuery(filter, { pagina: String(p - 1) })}>Nieuwere</Link> : null}
        {entries.length > PAGE ? <Link to={auditQuery(filter, { pagina: String(p + 1) })}>Oudere</Link> : null}
      </nav>
    </div>
  );
}
