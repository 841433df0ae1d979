import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { isFollowing } from "~/domain/follows.server";
import { FollowButton } from "~/components/FollowButton";
import { documentRights, requireVisibleDocument } from "~/domain/documents/documents.server";
import { KIND_LABELS } from "~/shared/documents";
import { draftDiffersFromPublished, getCurrentVersion } from "~/domain/documents/versions.server";
import { listProposals } from "~/domain/consultation/proposals.server";
import { unknownDatesOf } from "~/domain/consultation/unknown-dates.server";
import { page, requireActor } from "~/http/request.server";
import { Notice, PageHeader, formatDate } from "~/components/ui";
import { DocumentNav } from "~/components/DocumentNav";
import { parseIdText } from "~/shared/ids";
import { UNKNOWN_DATE_TEXT } from "~/shared/pilot";
import type { RouteHandle } from "~/shared/static-page";
import { headingOutline } from "~/editor/convert.server";
import { TableOfContents } from "~/components/TableOfContents";

// The read view is text and links only: served without the React app (app/shared/static-page.ts).
export const handle: RouteHandle = { hydrate: false };

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
          outline: headingOutline(current.lexicalJson),
        }
      : null,
    canEdit: rights.canEdit,
    following: isFollowing(actor.id, "document", doc.id),
    isOwner: rights.isOwner,
    // A reader of the agreement sees at once that a change is coming, and when.
    running: listProposals({ actor, documentSlug: doc.slug })
      .filter((p) => p.status !== "geevalueerd" && p.status !== "ingetrokken" && p.status !== "van_kracht")
      .map((p) => ({
        id: p.id,
        title: p.title,
        statusLabel: p.statusLabel,
        consultationCloses: p.consultationCloses,
        effectiveDate: p.effectiveDate,
        effectiveUnknown: unknownDatesOf(p.id).some((u) => u.field === "effectiveDate"),
      })),
    draftDiffers: rights.canEdit ? draftDiffersFromPublished(doc.id) : false,
    justPublished: parseIdText(new URL(request.url).searchParams.get("gepubliceerd")),
  };
});

export default function DocumentRead() {
  const { document: doc, version, canEdit, isOwner, running, draftDiffers, justPublished, following } = useLoaderData<typeof loader>();
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
      <FollowButton type="document" item={doc.slug} following={following} />
      {justPublished && version?.number === justPublished ? <Notice tone="success">Versie {justPublished} is gepubliceerd.</Notice> : null}
      {running.map((p) => (
        <Notice key={p.id} tone="warning">
          <strong>Er loopt een wijzigingsvoorstel:</strong> <Link to={`/wijzigingen/${p.id}`}>{p.title}</Link> ({p.statusLabel.toLowerCase()}
          {p.consultationCloses ? `; reageren kan tot en met ${formatDate(p.consultationCloses)}` : ""}
          {p.effectiveDate ? `; beoogde ingangsdatum ${formatDate(p.effectiveDate)}` : `; ingangsdatum ${p.effectiveUnknown ? UNKNOWN_DATE_TEXT : "nog niet vastgesteld"}`}).{" "}
          {p.effectiveDate ? "Tot die datum geldt de tekst hieronder." : "Tot er een ingangsdatum is, geldt de tekst hieronder."}
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
          <div className="doc-layout">
            <TableOfContents entries={version.outline.map((h) => ({ key: h.id, text: h.text, level: h.level, href: `#${h.id}` }))} />
            <article className="doc-body" aria-label={`Tekst van ${doc.title}`} dangerouslySetInnerHTML={{ __html: version.html }} />
          </div>
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
