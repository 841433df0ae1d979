// The one rule every direct publication of a document passes: while a wijzigingsvoorstel on
// the document runs (from concept until it takes effect), its text changes only through that
// proposal. Kept apart so versions.server.ts and publishing.server.ts share it without a cycle.
import { and, eq, inArray } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import type { Tx } from "~/collab/index.server";
import { OPEN_STATUSES, STATUS_LABELS } from "~/shared/proposals";
import { conflict } from "../errors";

export type RunningProposal = { id: number; title: string; statusLabel: string };

export function runningProposalOn(documentId: number, db: Pick<Tx, "select"> = getDb()): RunningProposal | null {
  const row = db
    .select({ id: schema.proposals.id, title: schema.proposals.title, status: schema.proposals.status })
    .from(schema.proposals)
    .where(and(eq(schema.proposals.documentId, documentId), inArray(schema.proposals.status, [...OPEN_STATUSES])))
    .get();
  return row ? { id: row.id, title: row.title, statusLabel: STATUS_LABELS[row.status] } : null;
}

/** Dutch refusal naming the proposal; the page links it (its address is in the message too). */
export function runningProposalMessage(p: RunningProposal): string {
  return `Publiceren kan nu niet: op dit document loopt het wijzigingsvoorstel "${p.title}" (${p.statusLabel.toLowerCase()}). Wijzigingen aan de tekst gaan via dat voorstel, op /wijzigingen/${p.id}.`;
}

export function assertNoRunningProposal(documentId: number, db: Pick<Tx, "select"> = getDb()): void {
  const p = runningProposalOn(documentId, db);
  if (p) throw conflict(runningProposalMessage(p));
}
