import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { documentRights, requireVisibleDocument } from "~/domain/documents/documents.server";
import { getCurrentVersion, getVersion } from "~/domain/documents/versions.server";
import { notFound } from "~/domain/errors";
import { page, requireActor } from "~/utils/request.server";
import { Notice, PageHeader, formatDate } from "~/components/ui";
import { DocumentNav } from "~/components/DocumentNav";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.document.title ?? "Document"}, versie ${data?.version.number ?? ""} · Ketenportaal Zaanstad` },
];

export const loader = page(({ request, params }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  const doc = requireVisibleDocument(actor, params.slug ?? "");
  const number = Number(params.nummer);
  const version = Number.isInteger(number) && number > 0 ? getVersion(doc.id, number) : null;
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
  };
});

export default function VersieLezen() {
  const { document: doc, version, currentNumber, canEdit } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader title={`${doc.title}, versie ${version.number}`} lead={`Gepubliceerd op ${formatDate(version.publishedAt)}${version.publishedBy ? ` door ${version.publishedBy}` : ""}. ${version.summary}`} />
      <DocumentNav slug={doc.slug} canEdit={canEdit} />
      {currentNumber !== version.number ? (
        <Notice tone="warning">
          Dit is een oudere versie. <Link to={`/documenten/${doc.slug}`}>Lees de geldende versie {currentNumber}</Link> of{" "}
          <Link to={`/documenten/${doc.slug}/vergelijk?van=${version.number}&naar=${currentNumber}`}>bekijk wat er sindsdien veranderde</Link>.
        </Notice>
      ) : null}
      <article className="doc-body" aria-label={`Tekst van versie ${version.number}`} dangerouslySetInnerHTML={{ __html: version.html }} />
    </div>
  );
}
