// Loading a proposal together with the facts the policy module decides on. Every consultation
// function goes through here, so "may this person see this proposal" is asked in one way.
import { eq } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import type { Actor } from "../actor.server";
import { forbidden, notFound } from "../errors";
import { proposalFacts } from "../facts.server";
import { canManageProposal, canReadProposal, type ProposalFacts } from "../policy.server";

export type { Db, Reader, Tx } from "~/db/client.server";
import type { Reader } from "~/db/client.server";

export type ProposalRow = typeof schema.proposals.$inferSelect;
export type LoadedProposal = {
  row: ProposalRow;
  facts: ProposalFacts;
  document: { id: number; slug: string; title: string; ketenId: number | null; currentVersionId: number | null };
};

/** Not readable and not existing look the same: a ketenpartner learns nothing from a guessed id. */
export const NOT_FOUND_MESSAGE = "Dit wijzigingsvoorstel bestaat niet, of u bent er niet voor uitgenodigd.";

export function loadProposal(id: number, db: Reader = getDb()): LoadedProposal | null {
  const row = db.select().from(schema.proposals).where(eq(schema.proposals.id, id)).get();
  if (!row) return null;
  const document = db
    .select({
      id: schema.documents.id,
      slug: schema.documents.slug,
      title: schema.documents.title,
      ketenId: schema.documents.ketenId,
      currentVersionId: schema.documents.currentVersionId,
    })
    .from(schema.documents)
    .where(eq(schema.documents.id, row.documentId))
    .get();
  if (!document) return null;
  const facts = proposalFacts(id, db);
  if (!facts) return null;
  return { row, document, facts };
}

/** The proposal if the actor may read it; otherwise a 404 that does not reveal it exists. */
export function requireReadable(actor: Actor, id: number, db: Reader = getDb()): LoadedProposal {
  const p = loadProposal(id, db);
  if (!p || !canReadProposal(actor, p.facts)) throw notFound(NOT_FOUND_MESSAGE);
  return p;
}

export function requireManageable(actor: Actor, id: number, db: Reader = getDb()): LoadedProposal {
  const p = requireReadable(actor, id, db);
  if (!canManageProposal(actor, p.facts)) {
    throw forbidden("Alleen de regisseur van de keten van dit document kan dit voorstel beheren.");
  }
  return p;
}
