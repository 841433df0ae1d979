// Follow-up links: "dit signaal heeft geleid tot …" a change proposal, a document version or a
// document. The consultation and document pages call listSignalsLinkedTo() to show the
// signals behind a change; both directions respect the reader's rights.
import { and, desc, eq, inArray, ne, or, sql } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import type { SignalStatus } from "~/db/schema";
import { STATUS_LABELS } from "~/shared/signals";
import type { Actor } from "../actor.server";
import { conflict, DomainError, notFound } from "../errors";
import { documentReadFacts, proposalFacts } from "../facts.server";
import { assertCanHandleSignal, canReadDocument, canReadProposal, readableDocumentCondition, readableProposalCondition, readableSignalCondition } from "../policy.server";
import { regieAudit } from "../overleg/regie.server";
import { enqueueSearch } from "../search-outbox.server";
import { loadReadableSignal, type Reader } from "./access.server";
import { signalLink } from "./signals.server";

export type LinkTargetType = "proposal" | "version" | "document";

export const LINK_TYPE_LABELS: Record<LinkTargetType, string> = {
  proposal: "Wijzigingsvoorstel",
  version: "Documentversie",
  document: "Document",
};

export const proposalHref = (id: number) => `/wijzigingen/${id}`;
export const documentHref = (slug: string) => `/documenten/${slug}`;
export const versionHref = (slug: string, number: number) => `/documenten/${slug}/versies/${number}`;

/**
 * A link target as one reader may see it. What they may not read carries neither its title nor
 * its address (not even in loader data): only that there is something they cannot open.
 */
type Target = { title: string; href: string; visible: true } | { title: string; href: null; visible: false };

export const HIDDEN_PROPOSAL = "een wijzigingsvoorstel dat (nog) niet voor u zichtbaar is";
export const HIDDEN_DOCUMENT = "een document dat (nog) niet voor u zichtbaar is";

function documentRow(db: Reader, id: number) {
  return db
    .select({ id: schema.documents.id, slug: schema.documents.slug, title: schema.documents.title })
    .from(schema.documents)
    .where(eq(schema.documents.id, id))
    .get();
}

/** Title and address of a document as this reader may see it (null when it does not exist). */
export function describeDocument(actor: Actor, id: number, db: Reader = getDb()): Target | null {
  const d = documentRow(db, id);
  const facts = d ? documentReadFacts(id, db) : null;
  if (!d || !facts) return null;
  return canReadDocument(actor, facts) ? { title: d.title, href: documentHref(d.slug), visible: true } : { title: HIDDEN_DOCUMENT, href: null, visible: false };
}

/** Title and address of a link target as this reader may see it (null when it no longer exists). */
export function describeTarget(actor: Actor, type: LinkTargetType, id: number, db: Reader = getDb()): Target | null {
  if (type === "proposal") {
    const p = db.select({ title: schema.proposals.title }).from(schema.proposals).where(eq(schema.proposals.id, id)).get();
    const facts = p ? proposalFacts(id, db) : null;
    if (!p || !facts) return null;
    return canReadProposal(actor, facts) ? { title: p.title, href: proposalHref(id), visible: true } : { title: HIDDEN_PROPOSAL, href: null, visible: false };
  }
  if (type === "document") return describeDocument(actor, id, db);
  const v = db
    .select({ number: schema.documentVersions.number, documentId: schema.documentVersions.documentId })
    .from(schema.documentVersions)
    .where(eq(schema.documentVersions.id, id))
    .get();
  if (!v) return null;
  const d = describeDocument(actor, v.documentId, db);
  if (!d) return null;
  const row = documentRow(db, v.documentId)!;
  return d.visible ? { title: `${d.title}, versie ${v.number}`, href: versionHref(row.slug, v.number), visible: true } : d;
}

export function listLinksOf(actor: Actor, signalId: number, db: Reader = getDb()) {
  const rows = db
    .select({ id: schema.signalLinks.id, targetType: schema.signalLinks.targetType, targetId: schema.signalLinks.targetId, createdAt: schema.signalLinks.createdAt })
    .from(schema.signalLinks)
    .where(eq(schema.signalLinks.signalId, signalId))
    .orderBy(schema.signalLinks.id)
    .all();
  return rows.flatMap((r) => {
    const t = describeTarget(actor, r.targetType, r.targetId, db);
    return t ? [{ id: r.id, targetType: r.targetType, typeLabel: LINK_TYPE_LABELS[r.targetType], createdAt: r.createdAt, ...t }] : [];
  });
}

/** What the eigenaar can link to: proposals and documents they can read, and published versions. */
export function linkTargetOptions(actor: Actor) {
  const db = getDb();
  const proposals = db
    .select({ id: schema.proposals.id, title: schema.proposals.title })
    .from(schema.proposals)
    .where(readableProposalCondition(actor))
    .orderBy(desc(schema.proposals.id))
    .limit(200)
    .all()
    .map((p) => ({ value: `proposal:${p.id}`, label: `Voorstel #${p.id}: ${p.title}` }));
  const docs = db
    .select({ id: schema.documents.id, title: schema.documents.title })
    .from(schema.documents)
    .where(and(ne(schema.documents.status, "gearchiveerd"), readableDocumentCondition(actor)))
    .orderBy(schema.documents.title)
    .all();
  const versions = docs.length
    ? db
        .select({ id: schema.documentVersions.id, number: schema.documentVersions.number, documentId: schema.documentVersions.documentId })
        .from(schema.documentVersions)
        .where(inArray(schema.documentVersions.documentId, docs.map((d) => d.id)))
        .orderBy(schema.documentVersions.documentId, schema.documentVersions.number)
        .all()
    : [];
  const titleOf = new Map(docs.map((d) => [d.id, d.title]));
  return {
    proposals,
    documents: docs.map((d) => ({ value: `document:${d.id}`, label: d.title })),
    versions: versions.map((v) => ({ value: `version:${v.id}`, label: `${titleOf.get(v.documentId)}, versie ${v.number}` })),
  };
}

export function linkSignal(input: { actor: Actor; id: number; targetType: LinkTargetType; targetId: number }): void {
  const { actor } = input;
  const db = getDb();
  const s = loadReadableSignal(db, actor, input.id);
  assertCanHandleSignal(actor, s, "Alleen de regisseur van de eigenaar-keten legt vast waartoe een signaal heeft geleid.");
  const target = describeTarget(actor, input.targetType, input.targetId, db);
  // Not readable and not existing look the same, and neither is stored.
  if (!target || !target.visible) throw new DomainError(404, "Dit voorstel of document bestaat niet, of u heeft er geen toegang toe.", { target: "Kies een bestaand voorstel of document." });
  const dup = db
    .select({ id: schema.signalLinks.id })
    .from(schema.signalLinks)
    .where(and(eq(schema.signalLinks.signalId, s.id), eq(schema.signalLinks.targetType, input.targetType), eq(schema.signalLinks.targetId, input.targetId)))
    .get();
  if (dup) throw conflict("Deze koppeling bestaat al.", { target: "Deze koppeling bestaat al." });
  db.transaction((tx) => {
    tx.insert(schema.signalLinks).values({ signalId: s.id, targetType: input.targetType, targetId: input.targetId, createdById: actor.id }).run();
    regieAudit(tx, actor, s.ownerRegie, { action: "signaal gekoppeld", entityType: "signaal", entityId: s.id, after: { targetType: input.targetType, targetId: input.targetId, title: target.title } });
    enqueueSearch(tx, "signal", s.id);
  });
}

export function unlinkSignal(input: { actor: Actor; id: number; linkId: number }): void {
  const { actor } = input;
  const db = getDb();
  const s = loadReadableSignal(db, actor, input.id);
  assertCanHandleSignal(actor, s, "Alleen de regisseur van de eigenaar-keten kan koppelingen verwijderen.");
  const link = db
    .select()
    .from(schema.signalLinks)
    .where(and(eq(schema.signalLinks.id, input.linkId), eq(schema.signalLinks.signalId, s.id)))
    .get();
  if (!link) throw notFound("Deze koppeling bestaat niet (meer).");
  db.transaction((tx) => {
    tx.delete(schema.signalLinks).where(eq(schema.signalLinks.id, link.id)).run();
    regieAudit(tx, actor, s.ownerRegie, { action: "signaalkoppeling verwijderd", entityType: "signaal", entityId: s.id, before: { targetType: link.targetType, targetId: link.targetId } });
    enqueueSearch(tx, "signal", s.id);
  });
}

export type LinkedSignal = {
  id: number;
  title: string;
  status: SignalStatus;
  statusLabel: string;
  ownerKetenName: string;
  createdAt: string;
  recognitionCount: number;
  href: string;
  /** "geleid_tot": linked as follow-up; "gaat_over": reported about this document. */
  relation: "geleid_tot" | "gaat_over";
};

/**
 * Signals that led to a proposal, version or document, as far as the actor may read them.
 * For a document this includes links to any of its versions and signals reported about it.
 */
export function listSignalsLinkedTo(input: { actor: Actor; targetType: LinkTargetType; targetId: number }): LinkedSignal[] {
  const db = getDb();
  const l = schema.signalLinks;
  let cond = and(eq(l.targetType, input.targetType), eq(l.targetId, input.targetId));
  let aboutIds: number[] = [];
  if (input.targetType === "document") {
    const versionIds = db
      .select({ id: schema.documentVersions.id })
      .from(schema.documentVersions)
      .where(eq(schema.documentVersions.documentId, input.targetId))
      .all()
      .map((v) => v.id);
    if (versionIds.length) cond = or(cond, and(eq(l.targetType, "version"), inArray(l.targetId, versionIds)));
    aboutIds = db
      .select({ id: schema.signals.id })
      .from(schema.signals)
      .where(eq(schema.signals.documentId, input.targetId))
      .all()
      .map((r) => r.id);
  }
  const linkedIds = [...new Set(db.select({ id: l.signalId }).from(l).where(cond).all().map((r) => r.id))];
  const ids = [...new Set([...linkedIds, ...aboutIds])];
  if (!ids.length) return [];
  const rows = db
    .select({
      id: schema.signals.id,
      title: schema.signals.title,
      status: schema.signals.status,
      createdAt: schema.signals.createdAt,
      ownerKetenName: schema.ketens.name,
      recognitionCount: sql<number>`(select count(*) from signal_recognitions r where r.signal_id = ${schema.signals.id})`,
    })
    .from(schema.signals)
    .innerJoin(schema.ketens, eq(schema.signals.ownerKetenId, schema.ketens.id))
    .where(and(inArray(schema.signals.id, ids), readableSignalCondition(input.actor)))
    .orderBy(schema.signals.createdAt)
    .all();
  const linked = new Set(linkedIds);
  return rows.map((r) => ({
    ...r,
    statusLabel: STATUS_LABELS[r.status],
    href: signalLink(r.id),
    relation: linked.has(r.id) ? ("geleid_tot" as const) : ("gaat_over" as const),
  }));
}
