// The facts the policy decides on, loaded in one way per entity. The detail pages, the links
// between features, the notifications and the search index all read them from here, so a
// change in what a rule depends on (say, a new kind of follower) is made once.
import { eq, inArray } from "drizzle-orm";
import { getDb, schema, type Reader } from "~/db/client.server";
import type { DocumentReadFacts, ProposalFacts, SignalFacts, VerkenningFacts } from "./policy.server";

function unique(ids: readonly number[]): number[] {
  return [...new Set(ids.filter((id) => Number.isSafeInteger(id) && id > 0))];
}

/** canReadDocument's facts: the keten, and whether a version was ever published. */
export function documentFactsByIds(ids: readonly number[], db: Reader = getDb()): Map<number, DocumentReadFacts> {
  const out = new Map<number, DocumentReadFacts>();
  const want = unique(ids);
  if (!want.length) return out;
  const rows = db
    .select({ id: schema.documents.id, ketenId: schema.documents.ketenId, currentVersionId: schema.documents.currentVersionId })
    .from(schema.documents)
    .where(inArray(schema.documents.id, want))
    .all();
  for (const r of rows) out.set(r.id, { ketenId: r.ketenId, published: r.currentVersionId != null });
  return out;
}

export function proposalFactsByIds(ids: readonly number[], db: Reader = getDb()): Map<number, ProposalFacts> {
  const out = new Map<number, ProposalFacts>();
  const want = unique(ids);
  if (!want.length) return out;
  const rows = db
    .select({ id: schema.proposals.id, status: schema.proposals.status, createdById: schema.proposals.createdById, ketenId: schema.documents.ketenId })
    .from(schema.proposals)
    .innerJoin(schema.documents, eq(schema.proposals.documentId, schema.documents.id))
    .where(inArray(schema.proposals.id, want))
    .all();
  for (const r of rows) out.set(r.id, { status: r.status, document: { ketenId: r.ketenId }, impactedOrganisationIds: [], createdById: r.createdById });
  const impacts = db
    .select({ proposalId: schema.proposalImpacts.proposalId, organisationId: schema.proposalImpacts.organisationId })
    .from(schema.proposalImpacts)
    .where(inArray(schema.proposalImpacts.proposalId, want))
    .all();
  for (const i of impacts) out.get(i.proposalId)?.impactedOrganisationIds.push(i.organisationId);
  return out;
}

/** ketenIds are the signal_ketens rows (the owner keten is one of them). */
export function signalFactsByIds(ids: readonly number[], db: Reader = getDb()): Map<number, SignalFacts> {
  const out = new Map<number, SignalFacts>();
  const want = unique(ids);
  if (!want.length) return out;
  const rows = db
    .select({
      id: schema.signals.id,
      reporterId: schema.signals.reporterId,
      reporterOrganisationId: schema.signals.reporterOrganisationId,
      ownerKetenId: schema.signals.ownerKetenId,
    })
    .from(schema.signals)
    .where(inArray(schema.signals.id, want))
    .all();
  for (const { id, ...r } of rows) out.set(id, { ...r, ketenIds: [], followerIds: [] });
  for (const k of db.select().from(schema.signalKetens).where(inArray(schema.signalKetens.signalId, want)).all()) out.get(k.signalId)?.ketenIds.push(k.ketenId);
  for (const f of db.select().from(schema.signalFollowers).where(inArray(schema.signalFollowers.signalId, want)).all()) out.get(f.signalId)?.followerIds.push(f.personId);
  return out;
}

/** canReadVerkenning's facts: keten, author, status and the organisations asked. */
export function verkenningFactsByIds(ids: readonly number[], db: Reader = getDb()): Map<number, VerkenningFacts> {
  const out = new Map<number, VerkenningFacts>();
  const want = unique(ids);
  if (!want.length) return out;
  const v = schema.verkenningen;
  for (const r of db.select({ id: v.id, ketenId: v.ketenId, createdById: v.createdById, status: v.status }).from(v).where(inArray(v.id, want)).all()) {
    out.set(r.id, { ketenId: r.ketenId, createdById: r.createdById, status: r.status, organisationIds: [] });
  }
  const vo = schema.verkenningOrganisations;
  for (const o of db.select().from(vo).where(inArray(vo.verkenningId, want)).all()) out.get(o.verkenningId)?.organisationIds.push(o.organisationId);
  return out;
}

export const verkenningFacts = (id: number, db: Reader = getDb()) => verkenningFactsByIds([id], db).get(id) ?? null;
export const documentReadFacts = (id: number, db: Reader = getDb()) => documentFactsByIds([id], db).get(id) ?? null;
export const proposalFacts = (id: number, db: Reader = getDb()) => proposalFactsByIds([id], db).get(id) ?? null;
export const signalFacts = (id: number, db: Reader = getDb()) => signalFactsByIds([id], db).get(id) ?? null;
