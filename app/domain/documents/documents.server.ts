// Living documents: listing, reading the current published version, the editor's page data
// and creating a document. Access is decided in policy.server.ts; presenters pick fields.
import { and, asc, eq, inArray, isNull, ne, or, sql } from "drizzle-orm";
import { getDb, schema, type Db } from "~/db/client.server";
import { prepared } from "~/db/prepared.server";
import type { DocumentKind } from "~/db/schema";
import type { Actor } from "../actor.server";
import { audit } from "../audit.server";
import { badRequest, forbidden, notFound } from "../errors";
import { canCreateDocument, canEditDocument, canReadDocument, canRestoreVersion, isDocumentOwner, readableDocumentCondition, type DocumentFacts } from "../policy.server";
import { enqueueSearch } from "../search-outbox.server";
import { docRoom, roomPathSegment } from "~/shared/collab";
import { KIND_LABELS, STATUS_LABELS } from "~/shared/documents";
import { nowIso } from "~/utils/clock.server";

export type DocumentRow = DocumentFacts & {
  id: number;
  slug: string;
  title: string;
  kind: DocumentKind;
  status: string;
  summary: string;
  currentVersionId: number | null;
  ketenName: string | null;
  ketenSlug: string | null;
};

function selectDocuments(db: Db = getDb()) {
  return db
    .select({
      id: schema.documents.id,
      slug: schema.documents.slug,
      title: schema.documents.title,
      kind: schema.documents.kind,
      status: schema.documents.status,
      summary: schema.documents.summary,
      ketenId: schema.documents.ketenId,
      currentVersionId: schema.documents.currentVersionId,
      ketenName: schema.ketens.name,
      ketenSlug: schema.ketens.slug,
    })
    .from(schema.documents)
    .leftJoin(schema.ketens, eq(schema.documents.ketenId, schema.ketens.id));
}

/** By id and by slug run on every document page: prepared once per database handle. */
export function documentById(id: number): DocumentRow | null {
  return prepared(getDb(), "documents.byId", (db) => selectDocuments(db).where(eq(schema.documents.id, sql.placeholder("id"))).prepare()).get({ id }) ?? null;
}

export function documentBySlug(slug: string): DocumentRow | null {
  return prepared(getDb(), "documents.bySlug", (db) => selectDocuments(db).where(eq(schema.documents.slug, sql.placeholder("slug"))).prepare()).get({ slug }) ?? null;
}

/** A document the actor may see at all: published, or (for editors) also a concept. */
export function requireVisibleDocument(actor: Actor, slug: string): DocumentRow {
  const doc = documentBySlug(slug);
  if (!doc || !canReadDocument(actor, { ketenId: doc.ketenId, published: doc.currentVersionId != null })) {
    throw notFound("Dit document bestaat niet (meer) of is nog niet gepubliceerd.");
  }
  return doc;
}

export function documentRights(actor: Actor, doc: DocumentFacts) {
  return {
    canEdit: canEditDocument(actor, doc),
    isOwner: isDocumentOwner(actor, doc),
    canRestore: canRestoreVersion(actor, doc),
  };
}

/** The overview: every published document, plus concepts for those who may edit them. */
export function listDocuments({ actor }: { actor: Actor }) {
  const rows = getDb()
    .select({
      id: schema.documents.id,
      slug: schema.documents.slug,
      title: schema.documents.title,
      kind: schema.documents.kind,
      status: schema.documents.status,
      summary: schema.documents.summary,
      ketenId: schema.documents.ketenId,
      ketenName: schema.ketens.name,
      ketenSlug: schema.ketens.slug,
      versionNumber: schema.documentVersions.number,
      publishedAt: schema.documentVersions.publishedAt,
    })
    .from(schema.documents)
    .leftJoin(schema.ketens, eq(schema.documents.ketenId, schema.ketens.id))
    .leftJoin(schema.documentVersions, eq(schema.documents.currentVersionId, schema.documentVersions.id))
    .where(and(ne(schema.documents.status, "gearchiveerd"), readableDocumentCondition(actor)))
    .orderBy(sql`${schema.ketens.name} is not null`, asc(schema.ketens.name), asc(schema.documents.title))
    .all();
  return rows
    .map((r) => ({ ...r, canEdit: canEditDocument(actor, r), kindLabel: KIND_LABELS[r.kind] }))
    .map(({ ketenId: _k, ...r }) => ({ ...r, statusLabel: STATUS_LABELS[r.status] ?? r.status }));
}

/** Documents of the actor's ketens (and portal-wide ones), for the start page. */
export function documentsForHome({ actor }: { actor: Actor }) {
  const ketenIds = [...new Set([...actor.memberKetenIds, ...actor.regisseurOfKetenIds])];
  const db = getDb();
  const rows = db
    .select({
      id: schema.documents.id,
      slug: schema.documents.slug,
      title: schema.documents.title,
      kind: schema.documents.kind,
      ketenId: schema.documents.ketenId,
      ketenName: schema.ketens.name,
      versionNumber: schema.documentVersions.number,
      publishedAt: schema.documentVersions.publishedAt,
      updatedAt: schema.documents.updatedAt,
    })
    .from(schema.documents)
    .leftJoin(schema.ketens, eq(schema.documents.ketenId, schema.ketens.id))
    .leftJoin(schema.documentVersions, eq(schema.documents.currentVersionId, schema.documentVersions.id))
    .where(
      and(
        ne(schema.documents.status, "gearchiveerd"),
        readableDocumentCondition(actor),
        ketenIds.length ? or(isNull(schema.documents.ketenId), inArray(schema.documents.ketenId, ketenIds)) : isNull(schema.documents.ketenId),
      ),
    )
    .all();
  return rows
    .sort((a, b) => (b.publishedAt ?? b.updatedAt).localeCompare(a.publishedAt ?? a.updatedAt))
    .map((r) => ({
      slug: r.slug,
      title: r.title,
      kindLabel: KIND_LABELS[r.kind],
      ketenName: r.ketenName,
      versionNumber: r.versionNumber,
      publishedAt: r.publishedAt,
      canEdit: canEditDocument(actor, r),
    }));
}

/** What the editor page needs; only editors get here (others: 403). */
export function editorPage({ actor, slug }: { actor: Actor; slug: string }) {
  const doc = documentBySlug(slug);
  if (!doc) throw notFound("Dit document bestaat niet (meer).");
  if (!canEditDocument(actor, doc)) {
    throw forbidden("U kunt dit document lezen, maar niet bewerken. Alleen redacteuren van de organisaties in deze keten en de regisseur bewerken het.");
  }
  return {
    document: {
      id: doc.id,
      slug: doc.slug,
      title: doc.title,
      kindLabel: KIND_LABELS[doc.kind],
      ketenName: doc.ketenName,
      hasPublishedVersion: doc.currentVersionId != null,
    },
    collab: {
      /** y-websocket room name: the URL is <origin>/collab/<room>. */
      room: roomPathSegment(docRoom(doc.id)),
      id: docRoom(doc.id),
      user: { name: actor.name, color: actor.organisationColor, organisation: actor.organisationName },
    },
  };
}

// ------------------------------------------------------------------ creating

export function slugify(title: string): string {
  return (
    title
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60)
      .replace(/-+$/g, "") || "document"
  );
}

/** Paths under /documenten/ that a document slug must not shadow. */
const RESERVED_SLUGS = new Set(["nieuw"]);

function uniqueSlug(base: string): string {
  const db = getDb();
  let slug = RESERVED_SLUGS.has(base) ? `${base}-document` : base;
  for (let i = 2; db.select({ id: schema.documents.id }).from(schema.documents).where(eq(schema.documents.slug, slug)).get(); i++) {
    slug = `${base}-${i}`;
  }
  return slug;
}

export function ketensForNewDocument(actor: Actor) {
  const ketens = getDb().select({ id: schema.ketens.id, name: schema.ketens.name }).from(schema.ketens).orderBy(asc(schema.ketens.name)).all();
  return {
    ketens: ketens.filter((k) => canCreateDocument(actor, k.id)),
    portalWide: canCreateDocument(actor, null),
  };
}

/**
 * A new document starts as a concept without versions; its collaboration room is seeded on
 * the server from a short template the first time it is opened.
 */
export function createDocument(input: { actor: Actor; title: string; kind: DocumentKind; ketenId: number | null; summary: string }) {
  const { actor } = input;
  if (input.ketenId != null) {
    const keten = getDb().select({ id: schema.ketens.id }).from(schema.ketens).where(eq(schema.ketens.id, input.ketenId)).get();
    if (!keten) throw badRequest("Kies een bestaande keten.", { ketenId: "Kies een bestaande keten." });
  }
  if (!canCreateDocument(actor, input.ketenId)) {
    throw forbidden("Alleen de regisseur van de keten (of een redacteur van de gemeente) kan hier een document aanmaken.");
  }
  const slug = uniqueSlug(slugify(input.title));
  const at = nowIso();
  return getDb().transaction((tx) => {
    const row = tx
      .insert(schema.documents)
      .values({
        slug,
        title: input.title,
        kind: input.kind,
        ketenId: input.ketenId,
        summary: input.summary,
        status: "concept",
        createdById: actor.id,
        createdAt: at,
        updatedAt: at,
      })
      .returning({ id: schema.documents.id, slug: schema.documents.slug })
      .get();
    audit({ actorId: actor.id, action: "document.create", entityType: "document", entityId: row.id, after: { title: input.title, kind: input.kind } }, tx);
    enqueueSearch(tx, "draft", row.id);
    return row;
  });
}

/** The Markdown a new document's room is seeded with. */
export function templateFor(doc: { title: string; kind: DocumentKind }): string {
  const intro = `*Concept van ${doc.title}. Vervang deze tekst; publiceer een versie zodra de tekst klaar is om te delen.*`;
  switch (doc.kind) {
    case "werkafspraken":
      return `${intro}\n\n## Doel van deze werkafspraken\n\n\n\n## Wie doet wat\n\n- \n\n## Afspraken\n\n1. \n`;
    case "visie":
      return `${intro}\n\n## Waarom\n\n\n\n## Wat wij verstaan onder\n\n`;
    case "opdracht":
      return `${intro}\n\n## Aanleiding\n\n\n\n## De opdracht\n\n\n\n## Tijdpad\n\n`;
    default:
      return `${intro}\n\n## Inleiding\n\n`;
  }
}
