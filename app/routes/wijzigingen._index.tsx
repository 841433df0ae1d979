import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { documentsForNewProposal, listProposals } from "~/domain/consultation/proposals.server";
import { PROPOSAL_STATUSES, STATUS_LABELS, isProposalStatus } from "~/shared/proposals";
import { page, requireActor } from "~/http/request.server";
import { EmptyState, PageHeader, formatDate } from "~/components/ui";
import { StatusBadge } from "~/components/consultation/ui";
import { TableScroll } from "~/components/ui";

export const meta: MetaFunction = () => [{ title: "Wijzigingen · Ketenportaal Zaanstad" }];

export const loader = page(({ request }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  const url = new URL(request.url);
  const raw = url.searchParams.get("status") ?? "";
  const status = isProposalStatus(raw) ? raw : null;
  return {
    proposals: listProposals({ actor, status }),
    status,
    canStart: documentsForNewProposal(actor).length > 0,
  };
});

export default function Wijzigingen() {
  const { proposals, status, canStart } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader
        title="Wijzigingen"
        lead="Voorstellen om werkafspraken en andere documenten te wijzigen: met waarom, wie het raakt, de consultatie, het antwoord op elke reactie, het besluit en de ingangsdatum."
      >
        {canStart ? (
          <Link className="button" to="/wijzigingen/nieuw">
            Nieuw wijzigingsvoorstel
          </Link>
        ) : null}
      </PageHeader>
      <Form method="get" className="filter-bar">
        <label htmlFor="filter-status">Status</label>{" "}
        <select id="filter-status" name="status" defaultValue={status ?? ""}>
          <option value="">Alle statussen</option>
          {PROPOSAL_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>{" "}
        <button type="submit" className="button-secondary">
          Filteren
        </button>
      </Form>
      {proposals.length ? (
        <TableScroll label="Wijzigingsvoorstellen die u mag inzien">
          <table className="proposal-table">
            <caption className="visually-hidden">Wijzigingsvoorstellen die u mag inzien</caption>
            <thead>
              <tr>
                <th scope="col">Voorstel</th>
                <th scope="col">Status</th>
                <th scope="col">Reageren tot en met</th>
                <th scope="col">Besluit gepland</th>
                <th scope="col">Ingangsdatum</th>
              </tr>
            </thead>
            <tbody>
              {proposals.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link to={`/wijzigingen/${p.id}`}>{p.title}</Link>
                    <div className="meta">
                      {p.documentTitle}
                      {p.invited ? (p.responded ? " · u heeft gereageerd" : " · u bent uitgenodigd") : ""}
                    </div>
                  </td>
                  <td>
                    <StatusBadge status={p.status} label={p.statusLabel} />
                  </td>
                  <td>{formatDate(p.consultationCloses)}</td>
                  <td>{formatDate(p.decisionPlanned)}</td>
                  <td>{formatDate(p.effectiveDate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <EmptyState>{status ? "Geen voorstellen met deze status." : "Er zijn (nog) geen wijzigingsvoorstellen die u mag inzien."}</EmptyState>
      )}
    </div>
  );
}
