import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { KIND_LABELS, documentRights, requireVisibleDocument } from "~/domain/documents/documents.server";
import { draftDiffersFromPublished, getCurrentVersion } from "~/domain/documents/versions.server";
import { listProposals } from "~/domain/consultation/proposals.server";
import { page, requireActor } from "~/utils/request.server";
import { Notice, PageHeader, formatDate } from "~/components/ui";
import { DocumentNav } from "~/components/DocumentNav";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.document.title ?? "Document"} · Ketenportaal Zaanstad` }];

export const loader = page(({ request, params }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  const doc = requireVisibleDocument(actor, params.slug ?? "");
  const rights = documentRights(actor, doc);
  const current = getCurrentVersion(doc.id);
  return {
    document: { slug: doc.slug, title: doc.title, kindLabel: KIND_LABELS[doc.kind], ketenName: doc.ketenName, ketenSlug: doc.ketenSlug, summary: doc.summary },
    version: current
      ? {
          number: current.number,
          summary: current.summary,
          publishedAt: current.publishedAt,
          publishedBy: current.publishedByName,
          publishedByOrganisation: current.publishedByOrganisation,
          // Built by our own serializer from the JSON: escaped text, whitelisted links, no content attributes.
          html: current.html,
        }
      : null,
    canEdit: rights.canEdit,
    isOwner: rights.isOwner,
    // A reader of the agreement sees at once that a change is coming, and when.
    running: listProposals({ actor, documentSlug: doc.slug })
      .filter((p) => p.status !== "geevalueerd" && p.status !== "ingetrokken" && p.status !== "van_kracht")
      .map((p) => ({ id: p.id, title: p.title, statusLabel: p.statusLabel, consultationCloses: p.consultationCloses, effectiveDate: p.effectiveDate })),
    draftDiffers: rights.canEdit ? draftDiffersFromPublished(doc.id) : false,
    justPublished: Number(new URL(request.url).searchParams.get("gepubliceerd")) || null,
  };
});

export default function DocumentRead() {
  const { document: doc, version, canEdit, isOwner, running, draftDiffers, justPublished } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader
        title={doc.title}
        lead={
          <>
            {doc.kindLabel} ·{" "}
            {doc.ketenSlug ? <Link to={`/ketens/${doc.ketenSlug}`}>{doc.ketenName}</Link> : "Het hele portaal"}
          </>
        }
      >
        {canEdit ? (
          <Link className="button" to={`/documenten/${doc.slug}/bewerken`}>
            Bewerken
          </Link>
        ) : null}
        {isOwner && version ? (
          <Link className="button-secondary" to={`/wijzigingen/nieuw?document=${doc.slug}`}>
            Wijziging voorstellen
          </Link>
        ) : null}
        <Link className="button-secondary" to={`/signalen/nieuw?document=${doc.slug}${doc.ketenSlug ? `&keten=${doc.ketenSlug}` : ""}`}>
          Signaal melden over dit document
        </Link>
        {version ? (
          <a className="button-secondary" href={`/documenten/${doc.slug}/export.md`} download>
            Exporteren als Markdown
          </a>
        ) : null}
      </PageHeader>
      <DocumentNav slug={doc.slug} canEdit={canEdit} />
      {justPublished && version?.number === justPublished ? <Notice tone="success">Versie {justPublished} is gepubliceerd.</Notice> : null}
      {running.map((p) => (
        <Notice key={p.id} tone="warning">
          <strong>Er loopt een wijzigingsvoorstel:</strong> <Link to={`/wijzigingen/${p.id}`}>{p.title}</Link> ({p.statusLabel.toLowerCase()}
          {p.consultationCloses ? `; reageren kan tot en met ${formatDate(p.consultationCloses)}` : ""}
          {p.effectiveDate ? `; beoogde ingangsdatum ${formatDate(p.effectiveDate)}` : ""}). Tot die datum geldt de tekst hieronder.
        </Notice>
      ))}
      {draftDiffers && version ? (
        <Notice tone="warning">
          Het concept bevat wijzigingen die nog niet zijn gepubliceerd. Alleen wie het document bewerkt ziet ze.{" "}
          <Link to={`/documenten/${doc.slug}/vergelijk?van=${version.number}&naar=concept`}>Bekijk de verschillen</Link>.
        </Notice>
      ) : null}
      {version ? (
        <>
          <p className="version-line">
            <strong>Versie {version.number}</strong>, gepubliceerd op {formatDate(version.publishedAt)}
            {version.publishedBy ? (
              <>
                {" "}
                door {version.publishedBy}
                {version.publishedByOrganisation ? ` (${version.publishedByOrganisation})` : ""}
              </>
            ) : null}
            . <span className="meta">Wat er veranderde: {version.summary}</span>{" "}
            <Link to={`/documenten/${doc.slug}/versies`}>Alle versies</Link>
          </p>
          <article className="doc-body" aria-label={`Tekst van ${doc.title}`} dangerouslySetInnerHTML={{ __html: version.html }} />
        </>
      ) : (
        <Notice>
          Dit document is nog niet gepubliceerd. Alleen redacteuren zien het concept.{" "}
          {canEdit ? <Link to={`/documenten/${doc.slug}/bewerken`}>Verder schrijven</Link> : null}
        </Notice>
      )}
    </div>
  );
}
