import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ketensForNewDocument, listDocuments } from "~/domain/documents/documents.server";
import { page, requireActor } from "~/http/request.server";
import { KIND_LABELS } from "~/shared/documents";
import { EmptyState, PageHeader, formatDate } from "~/components/ui";
import { TableScroll } from "~/components/ui";

export const meta: MetaFunction = () => [{ title: "Documenten · Ketenportaal Zaanstad" }];

export const loader = page(({ request }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  const url = new URL(request.url);
  const keten = url.searchParams.get("keten") ?? "";
  const soort = url.searchParams.get("soort") ?? "";
  const all = listDocuments({ actor });
  const ketens = [...new Map(all.filter((d) => d.ketenSlug).map((d) => [d.ketenSlug as string, d.ketenName as string])).entries()];
  const documents = all.filter((d) => (!keten || (keten === "portaal" ? d.ketenSlug === null : d.ketenSlug === keten)) && (!soort || d.kind === soort));
  const create = ketensForNewDocument(actor);
  return {
    documents,
    filters: { keten, soort },
    ketens,
    kinds: Object.entries(KIND_LABELS),
    canCreate: create.portalWide || create.ketens.length > 0,
  };
});

export default function Documenten() {
  const { documents, filters, ketens, kinds, canCreate } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader title="Documenten" lead="Visie, werkafspraken en opdrachten: altijd de geldende versie, met de geschiedenis erbij.">
        {canCreate ? (
          <Link className="button" to="/documenten/nieuw">
            Nieuw document
          </Link>
        ) : null}
      </PageHeader>
      <Form method="get" className="filters" aria-label="Documenten filteren">
        <div className="field">
          <label htmlFor="filter-keten">Keten</label>
          <select id="filter-keten" name="keten" defaultValue={filters.keten}>
            <option value="">Alle</option>
            <option value="portaal">Het hele portaal (geen keten)</option>
            {ketens.map(([slug, name]) => (
              <option key={slug} value={slug}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-soort">Soort</label>
          <select id="filter-soort" name="soort" defaultValue={filters.soort}>
            <option value="">Alle</option>
            {kinds.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button-secondary">
          Filteren
        </button>
      </Form>
      {documents.length ? (
        <TableScroll label="Documenten">
          <table>
            <caption className="visually-hidden">Documenten</caption>
            <thead>
              <tr>
                <th scope="col">Document</th>
                <th scope="col">Soort</th>
                <th scope="col">Keten</th>
                <th scope="col">Status</th>
                <th scope="col">Geldende versie</th>
              </tr>
            </thead>
            <tbody>
              {documents.map((d) => (
                <tr key={d.id}>
                  <td>
                    <Link to={`/documenten/${d.slug}`}>{d.title}</Link>
                    {d.summary ? <p className="meta doc-summary">{d.summary}</p> : null}
                  </td>
                  <td>{d.kindLabel}</td>
                  <td>{d.ketenName ?? "Het hele portaal"}</td>
                  <td>
                    <span className={`status${d.status === "gepubliceerd" ? " status-ok" : ""}`}>{d.statusLabel}</span>
                  </td>
                  <td>{d.versionNumber ? `Versie ${d.versionNumber}, ${formatDate(d.publishedAt)}` : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <EmptyState>Er zijn geen documenten die aan deze filters voldoen.</EmptyState>
      )}
    </div>
  );
}
