import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { documentRights, requireVisibleDocument } from "~/domain/documents/documents.server";
import { compareVersions } from "~/domain/documents/versions.server";
import { countFormatChanges } from "~/domain/documents/diff";
import { plural } from "~/shared/plural";
import { badRequest } from "~/domain/errors";
import { compareSchema } from "~/shared/document-forms";
import { page, requireActor } from "~/http/request.server";
import { PageHeader } from "~/components/ui";
import { DocumentNav } from "~/components/DocumentNav";
import { ChangeNavigator, Redline, RedlineLegend, countChanges } from "~/components/Redline";
import { DownloadLinks } from "~/components/export/DownloadLinks";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Vergelijken: ${data?.document.title ?? "document"} · Ketenportaal Zaanstad` },
];

export const loader = page(({ request, params }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  const url = new URL(request.url);
  const parsed = compareSchema.safeParse({ van: url.searchParams.get("van") ?? undefined, naar: url.searchParams.get("naar") ?? undefined });
  if (!parsed.success) throw badRequest("Kies twee versies om te vergelijken, bijvoorbeeld ?van=1&naar=2.");
  const doc = requireVisibleDocument(actor, params.slug ?? "");
  const result = compareVersions({ actor, slug: doc.slug, from: parsed.data.van, to: parsed.data.naar });
  return {
    ...result,
    query: { van: String(parsed.data.van), naar: String(parsed.data.naar) },
    onlyChanges: url.searchParams.get("alleen") === "wijzigingen",
    canEdit: documentRights(actor, doc).canEdit,
  };
});

export default function Vergelijk() {
  const { document: doc, from, to, blocks, stats, query, onlyChanges, canEdit } = useLoaderData<typeof loader>();
  const base = `/documenten/${doc.slug}/vergelijk?van=${query.van}&naar=${query.naar}`;
  const formatChanges = countFormatChanges(blocks);
  return (
    <div>
      <PageHeader title={`${doc.title}: ${from.label} en ${to.label} vergeleken`} />
      <DocumentNav slug={doc.slug} canEdit={canEdit} />
      <p className="lead">
        {stats.changedBlocks === 0
          ? "Er zijn geen verschillen in de tekst."
          : `${stats.changedBlocks} ${stats.changedBlocks === 1 ? "blok" : "blokken"} gewijzigd: ${stats.addedWords} ${stats.addedWords === 1 ? "woord" : "woorden"} toegevoegd, ${stats.removedWords} verwijderd${formatChanges ? `, ${plural(formatChanges, "opmaakwijziging", "opmaakwijzigingen")}` : ""}.`}
      </p>
      <RedlineLegend />
      <DownloadLinks base={`/documenten/${doc.slug}/vergelijk/download`} query={`?van=${query.van}&naar=${query.naar}`} label="Vergelijking downloaden (Word met wijzigingen bijhouden)" />
      <p>
        {onlyChanges ? <Link to={base}>Toon de hele tekst</Link> : <Link to={`${base}&alleen=wijzigingen`}>Toon alleen de wijzigingen</Link>}
      </p>
      <ChangeNavigator count={countChanges(blocks)} />
      <Redline blocks={blocks} onlyChanges={onlyChanges} label={`Verschillen tussen ${from.label} en ${to.label}`} />
    </div>
  );
}
