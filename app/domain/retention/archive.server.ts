// The archive package (Archiefwet): every published version of a document and every decided
// proposal with its reactienota, as self-contained HTML plus a JSON manifest of metadata,
// zipped with fflate. These records are never touched by retention.
import { asc, eq, inArray } from "drizzle-orm";
import { zipSync, strToU8 } from "fflate";
import { getDb, schema } from "~/db/client.server";
import type { Actor } from "~/domain/actor.server";
import { audit } from "~/domain/audit.server";
import { assertCanAdminister } from "~/domain/policy.server";
import { escapeHtml, getReactienota, reactienotaHtml } from "~/domain/consultation/reactienota.server";
import { nowIso } from "~/utils/clock.server";

/** Proposals whose decision is taken: these and their reactienota have archival value. */
export const DECIDED_PROPOSAL_STATUSES = ["vastgesteld", "van_kracht", "geevalueerd"] as const;

function page(title: string, body: string): string {
  return `<!doctype html>\n<html lang="nl"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>\n${body}\n</body></html>\n`;
}

export type ArchiveManifest = {
  createdAt: string;
  generator: string;
  documentVersions: { file: string; document: string; slug: string; number: number; summary: string; publishedAt: string }[];
  proposals: { file: string; id: number; title: string; status: string }[];
};

export function archivePackage({ actor }: { actor: Actor }): { zip: Uint8Array; manifest: ArchiveManifest } {
  assertCanAdminister(actor);
  const db = getDb();
  const manifest: ArchiveManifest = { createdAt: nowIso(), generator: "Ketenportaal", documentVersions: [], proposals: [] };
  const files: Record<string, Uint8Array> = {};
  const versions = db
    .select({
      slug: schema.documents.slug,
      title: schema.documents.title,
      number: schema.documentVersions.number,
      summary: schema.documentVersions.summary,
      publishedAt: schema.documentVersions.publishedAt,
      html: schema.documentVersions.html,
    })
    .from(schema.documentVersions)
    .innerJoin(schema.documents, eq(schema.documents.id, schema.documentVersions.documentId))
    .orderBy(asc(schema.documents.slug), asc(schema.documentVersions.number))
    .all();
  for (const v of versions) {
    const file = `documenten/${v.slug}/versie-${v.number}.html`;
    const body = `<h1>${escapeHtml(v.title)}, versie ${v.number}</h1>\n<p>Gepubliceerd ${escapeHtml(v.publishedAt)}: ${escapeHtml(v.summary)}</p>\n${v.html}`;
    files[file] = strToU8(page(`${v.title}, versie ${v.number}`, body));
    manifest.documentVersions.push({ file, document: v.title, slug: v.slug, number: v.number, summary: v.summary, publishedAt: v.publishedAt });
  }
  const decided = db
    .select({ id: schema.proposals.id, title: schema.proposals.title, status: schema.proposals.status })
    .from(schema.proposals)
    .where(inArray(schema.proposals.status, [...DECIDED_PROPOSAL_STATUSES]))
    .orderBy(asc(schema.proposals.id))
    .all();
  for (const p of decided) {
    const file = `wijzigingen/voorstel-${p.id}-reactienota.html`;
    files[file] = strToU8(reactienotaHtml(getReactienota({ actor, id: p.id })));
    manifest.proposals.push({ file, id: p.id, title: p.title, status: p.status });
  }
  files["manifest.json"] = strToU8(JSON.stringify(manifest, null, 2));
  audit({ actorId: actor.id, action: "archive.exported", entityType: "archive", entityId: "package", after: { documentVersions: versions.length, proposals: decided.length } });
  return { zip: zipSync(files, { level: 6 }), manifest };
}
