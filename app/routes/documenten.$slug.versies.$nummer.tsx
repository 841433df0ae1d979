import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { documentRights, requireVisibleDocument } from "~/domain/documents/documents.server";
import { getCurrentVersion, getVersion } from "~/domain/documents/versions.server";
import { notFound } from "~/domain/errors";
import { idParam } from "~/http/ids.server";
import { page, requireActor } from "~/http/request.server";
import { Notice, PageHeader, formatDate } from "~/components/ui";
import { DownloadLinks } from "~/components/export/DownloadLinks";
import { DocumentNav } from "~/components/DocumentNav";
import { EditorialPanel } from "~/components/documents/EditorialPanel";
import { editorialOf, objectToVersion } from "~/domain/documents/publishing.server";
import { objectionSchema } from "~/shared/document-forms";
import { formAction, intent } from "~/http/action.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.document.title ?? "Document"}, versie ${data?.version.number ?? ""} · Ketenportaal Zaanstad` },
];

export const loader = page(({ request, params }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  const doc = requireVisibleDocument(actor, params.slug ?? "");
  const version = getVersion(doc.id, idParam(params, "nummer", "Deze versie bestaat niet."));
  if (!version) throw notFound("Deze versie bestaat niet.");
  return {
    document: { slug: doc.slug, title: doc.title },
    version: {
      number: version.number,
      summary: version.summary,
      publishedAt: version.publishedAt,
      publishedBy: version.publishedByName,
      html: version.html,
    },
    currentNumber: getCurrentVersion(doc.id)?.number ?? null,
    canEdit: documentRights(actor, doc).canEdit,
    editorial: editorialOf(actor, doc, version.id),
    objected: new URL(request.url).searchParams.get("gemeld") === "1",
  };
});

export const action = formAction({
  object: intent({
    schema: objectionSchema,
    run({ actor, value, params }) {
      const doc = requireVisibleDocument(actor, params.slug ?? "");
      const number = idParam(params, "nummer", "Deze versie bestaat niet.");
      objectToVersion({ actor, documentId: doc.id, number, reason: value.reason });
      return redirect(`/documenten/${doc.slug}/versies/${number}?gemeld=1`);
    },
  }),
});

export default function VersieLezen() {
  const { document: doc, version, currentNumber, canEdit, editorial, objected } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div>
      <PageHeader title={`${doc.title}, versie ${version.number}`} lead={`Gepubliceerd op ${formatDate(version.publishedAt)}${version.publishedBy ? ` door ${version.publishedBy}` : ""}. ${version.summary}`} />
      <DocumentNav slug={doc.slug} canEdit={canEdit} />
      <DownloadLinks base={`/documenten/${doc.slug}/versies/${version.number}/download`} label={`Versie ${version.number} downloaden`} />
      {currentNumber !== version.number ? (
        <Notice tone="warning">
          Dit is een oudere versie. <Link to={`/documenten/${doc.slug}`}>Lees de geldende versie {currentNumber}</Link> of{" "}
          <Link to={`/documenten/${doc.slug}/vergelijk?van=${version.number}&naar=${currentNumber}`}>bekijk wat er sindsdien veranderde</Link>.
        </Notice>
      ) : null}
      {editorial ? <EditorialPanel editorial={editorial} result={result} objected={objected} /> : null}
      <article className="doc-body" aria-label={`Tekst van versie ${version.number}`} dangerouslySetInnerHTML={{ __html: version.html }} />
    </div>
  );
}
