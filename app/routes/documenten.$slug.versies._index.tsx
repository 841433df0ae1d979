import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { documentRights, requireVisibleDocument } from "~/domain/documents/documents.server";
import { getCurrentVersion, listVersions, restoreVersion } from "~/domain/documents/versions.server";
import { restoreSchema } from "~/shared/document-forms";
import { formAction, page, readForm, requireActor } from "~/utils/request.server";
import { Csrf, EmptyState, FormError, Notice, PageHeader, errorsOf, formatDate } from "~/components/ui";
import { DocumentNav } from "~/components/DocumentNav";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Versies: ${data?.document.title ?? "document"} · Ketenportaal Zaanstad` }];

export const loader = page(({ request, params }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  const doc = requireVisibleDocument(actor, params.slug ?? "");
  const rights = documentRights(actor, doc);
  const current = getCurrentVersion(doc.id);
  return {
    document: { slug: doc.slug, title: doc.title },
    versions: listVersions(doc.id).map((v) => ({
      number: v.number,
      summary: v.summary,
      publishedAt: v.publishedAt,
      publishedBy: v.publishedByName,
      publishedByOrganisation: v.publishedByOrganisation,
      fromProposal: v.proposalId != null,
    })),
    currentNumber: current?.number ?? null,
    canEdit: rights.canEdit,
    canRestore: rights.canRestore,
    restored: Number(new URL(request.url).searchParams.get("teruggezet")) || null,
  };
});

export const action = formAction(async ({ request, params }: ActionFunctionArgs) => {
  const actor = requireActor(request);
  const doc = requireVisibleDocument(actor, params.slug ?? "");
  const { value } = await readForm(request, restoreSchema);
  restoreVersion({ actor, documentId: doc.id, number: value.number });
  return redirect(`/documenten/${doc.slug}/versies?teruggezet=${value.number}`);
});

export default function Versies() {
  const { document: doc, versions, currentNumber, canEdit, canRestore, restored } = useLoaderData<typeof loader>();
  const { formError } = errorsOf(useActionData<typeof action>());
  const busy = useNavigation().state === "submitting";
  const newest = versions[0]?.number;
  const previous = versions[1]?.number;
  return (
    <div>
      <PageHeader title={doc.title} lead="Versiegeschiedenis: wie publiceerde wat, wanneer, en waarom." />
      <DocumentNav slug={doc.slug} canEdit={canEdit} />
      {restored ? (
        <Notice tone="success">
          De tekst van versie {restored} staat weer in het concept. Redacteuren kunnen verder werken; publiceer om hem de geldende versie te maken.{" "}
          <Link to={`/documenten/${doc.slug}/bewerken`}>Naar het concept</Link>
        </Notice>
      ) : null}
      <FormError message={formError} />
      {versions.length ? (
        <>
          <table>
            <caption className="visually-hidden">Versies van {doc.title}</caption>
            <thead>
              <tr>
                <th scope="col">Versie</th>
                <th scope="col">Gepubliceerd</th>
                <th scope="col">Door</th>
                <th scope="col">Wat er veranderde</th>
                <th scope="col">Acties</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.number}>
                  <td>
                    <Link to={`/documenten/${doc.slug}/versies/${v.number}`}>Versie {v.number}</Link>
                    {v.number === currentNumber ? <span className="tag">geldend</span> : null}
                    {v.fromProposal ? <span className="tag">uit wijzigingsvoorstel</span> : null}
                  </td>
                  <td>{formatDate(v.publishedAt, true)}</td>
                  <td>
                    {v.publishedBy ?? "Automatisch (ingangsdatum)"}
                    {v.publishedByOrganisation ? <span className="meta"> ({v.publishedByOrganisation})</span> : null}
                  </td>
                  <td>{v.summary}</td>
                  <td className="actions">
                    {v.number > 1 ? (
                      <Link to={`/documenten/${doc.slug}/vergelijk?van=${v.number - 1}&naar=${v.number}`}>
                        Vergelijk met versie {v.number - 1}
                      </Link>
                    ) : null}
                    {canRestore ? (
                      <Form method="post" className="inline-form">
                        <Csrf />
                        <input type="hidden" name="number" value={v.number} />
                        <button type="submit" className="button-secondary" disabled={busy} aria-label={`Versie ${v.number} terugzetten in het concept`}>
                          Terugzetten
                        </button>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {versions.length > 1 ? (
            <Form method="get" action={`/documenten/${doc.slug}/vergelijk`} className="filters" aria-labelledby="kop-vergelijk">
              <h2 id="kop-vergelijk" className="filters-title">
                Twee versies vergelijken
              </h2>
              <div className="field">
                <label htmlFor="van">Van</label>
                <select id="van" name="van" defaultValue={previous}>
                  {versions.map((v) => (
                    <option key={v.number} value={v.number}>
                      Versie {v.number}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="naar">Naar</label>
                <select id="naar" name="naar" defaultValue={newest}>
                  {versions.map((v) => (
                    <option key={v.number} value={v.number}>
                      Versie {v.number}
                    </option>
                  ))}
                  {canEdit ? <option value="concept">Concept (niet gepubliceerd)</option> : null}
                </select>
              </div>
              <button type="submit" className="button-secondary">
                Vergelijken
              </button>
            </Form>
          ) : null}
          {canRestore ? (
            <p className="hint">Terugzetten zet de tekst van die versie in het concept; er verdwijnt geen versie en er wordt niets gepubliceerd.</p>
          ) : null}
        </>
      ) : (
        <EmptyState>Dit document heeft nog geen gepubliceerde versies.</EmptyState>
      )}
    </div>
  );
}
