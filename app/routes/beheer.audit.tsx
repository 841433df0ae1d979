import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listAudit } from "~/domain/audit.server";
import { assertCanAdminister } from "~/domain/policy.server";
import { page, requireActor } from "~/utils/request.server";
import { EmptyState, PageHeader, formatDate } from "~/components/ui";

export const meta: MetaFunction = () => [{ title: "Auditlog · Beheer · Ketenportaal Zaanstad" }];

const PAGE = 100;

export const loader = page(({ request }: LoaderFunctionArgs) => {
  assertCanAdminister(requireActor(request));
  const url = new URL(request.url);
  const p = Math.max(1, Math.min(10_000, Number(url.searchParams.get("pagina")) || 1));
  return { entries: listAudit({ limit: PAGE + 1, offset: (p - 1) * PAGE }), page: p };
});

function pretty(json: string | null): string {
  if (!json) return "—";
  try {
    return JSON.stringify(JSON.parse(json), null, 1);
  } catch {
    return json;
  }
}

export default function Audit() {
  const { entries, page: p } = useLoaderData<typeof loader>();
  const shown = entries.slice(0, PAGE);
  return (
    <div>
      <PageHeader title="Auditlog" lead="Wie wat wanneer wijzigde, met de waarden ervoor en erna." />
      {shown.length ? (
        <table>
          <caption className="visually-hidden">Auditlog, nieuwste eerst</caption>
          <thead>
            <tr>
              <th scope="col">Wanneer</th>
              <th scope="col">Wie</th>
              <th scope="col">Wat</th>
              <th scope="col">Ervoor</th>
              <th scope="col">Erna</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((e) => (
              <tr key={e.id}>
                <td>{formatDate(e.at, true)}</td>
                <td>{e.actorName ?? "systeem"}</td>
                <td>
                  {e.action}
                  <br />
                  <span className="meta">
                    {e.entityType} #{e.entityId}
                  </span>
                </td>
                <td>
                  <pre className="json">{pretty(e.before)}</pre>
                </td>
                <td>
                  <pre className="json">{pretty(e.after)}</pre>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <EmptyState>Nog geen wijzigingen vastgelegd.</EmptyState>
      )}
      <nav aria-label="Paginering" className="page-actions">
        {p > 1 ? <Link to={`?pagina=${p - 1}`}>Nieuwere</Link> : null}
        {entries.length > PAGE ? <Link to={`?pagina=${p + 1}`}>Oudere</Link> : null}
      </nav>
    </div>
  );
}
