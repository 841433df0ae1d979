import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { documentRights, requireVisibleDocument } from "~/domain/documents/documents.server";
import { getCurrentVersion, listVersions, restoreVersion } from "~/domain/documents/versions.server";
import { restoreSchema } from "~/shared/document-forms";
import { parseIdText } from "~/shared/ids";
import { formAction, intent } from "~/http/action.server";
import { page, requireActor } from "~/http/request.server";
import { Csrf, EmptyState, FormError, Notice, PageHeader, formatDate, TableScroll } from "~/components/ui";
import { refusalFor } from "~/components/forms";
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
    restored: parseIdText(new URL(request.url).searchParams.get("teruggezet")),
    // ?terugzetten=N asks for confirmation first: a restore replaces the shared draft for everyone.
    confirm: rights.canRestore ? parseIdText(new URL(request.url).searchParams.get("terugzetten")) : null,
  };
});

export const action = formAction({
  restore: intent({
    schema: restoreSchema,
    run({ actor, value, params }) {
      const doc = requireVisibleDocument(actor, params.slug ?? "");
      restoreVersion({ actor, documentId: doc.id, number: value.number });
      return redirect(`/documenten/${doc.slug}/versies?teruggezet=${value.number}`);
    },
  }),
});

export default function Versies() {
  const { document: doc, versions, currentNumber, canEdit, canRestore, restored, confirm } = useLoaderData<typeof loader>();
  const confirming = confirm && versions.some((v) => v.number === confirm) ? confirm : null;
  const { formError } = refusalFor(useActionData<typeof action>());
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
      {confirming ? (
        <section className="confirm-restore" aria-labelledby="kop-terugzetten">
          <h2 id="kop-terugzetten" tabIndex={-1} ref={(el) => el?.focus()}>
            Versie {confirming} terugzetten in het concept?
          </h2>
          <p>
            Dit vervangt het huidige concept voor iedereen: wie het document nu bewerkt, ziet meteen de tekst van versie {confirming}. Wijzigingen in het concept die nog niet
            gepubliceerd zijn, verdwijnen uit het concept. Er verdwijnt geen versie en er wordt niets gepubliceerd.
          </p>
          <div className="actions">
            <Form method="post" className="inline-form">
              <Csrf />
              <input type="hidden" name="number" value={confirming} />
              <button type="submit" disabled={busy}>
                Ja, vervang het concept door versie {confirming}
              </button>
            </Form>
            <Link to={`/documenten/${doc.slug}/versies`}>Annuleren</Link>
          </div>
        </section>
      ) : null}
      {versions.length ? (
        <>
          <TableScroll label={`Versies van ${doc.title}`}>
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
                      <Form method="get" className="inline-form">
                        <input type="hidden" name="terugzetten" value={v.number} />
                        <button type="submit" className="button-secondary" aria-label={`Versie ${v.number} terugzetten in het concept`}>
                          Terugzetten
                        </button>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          </TableScroll>
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
            <p className="hint">
              Terugzetten zet de tekst van die versie in het concept, voor iedereen die het document bewerkt; u bevestigt eerst. Er verdwijnt geen versie en er wordt niets
              gepubliceerd.
            </p>
          ) : null}
        </>
      ) : (
        <EmptyState>Dit document heeft nog geen gepubliceerde versies.</EmptyState>
      )}
    </div>
  );
}
