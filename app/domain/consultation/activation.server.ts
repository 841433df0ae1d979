// On the ingangsdatum the decided text becomes the published version of the document, by
// itself and exactly once: the status moves vastgesteld → van_kracht with a conditional
// UPDATE, a scheduled_runs key is claimed, and the version is published, all in one SQLite
// transaction. A crash before the commit leaves nothing behind; a restart after it finds the
// status already moved and does nothing.
import { eq } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import { nowIso, today } from "~/utils/clock.server";
import { publishDecidedKeepingDraft } from "../documents/draft-merge.server";
import { notify } from "../notify.server";
import { enqueueSearch } from "../search-outbox.server";
import { formatIsoDateNl } from "~/shared/dates";
import { audienceOf } from "./invitations.server";
import { applyTransition } from "./lifecycle.server";
import { claimRun } from "./runs.server";
import { inForceNotice } from "./in-force.server";
import { pilotBlocksRegular } from "./pilot-rules.server";

/** Returns true when this call published the version; false when there was nothing (left) to do. */
export async function activateProposal(proposalId: number): Promise<boolean> {
  const db = getDb();
  return db.transaction((tx) => {
    const row = tx.select().from(schema.proposals).where(eq(schema.proposals.id, proposalId)).get();
    if (!row || row.status !== "vastgesteld" || !row.effectiveDate || row.effectiveDate > today()) return false;
    if (pilotBlocksRegular(tx, row)) return false;
    if (!row.decidedLexicalJson) throw new Error(`proposal ${proposalId} is vastgesteld without a decided text`);
    if (!claimRun(tx, `activate:${proposalId}`)) return false;
    const doc = tx.select({ title: schema.documents.title }).from(schema.documents).where(eq(schema.documents.id, row.documentId)).get();
    const activatedAt = nowIso();
    applyTransition(tx, { row, to: "van_kracht", actorId: null, note: "Ingangsdatum bereikt", patch: { activatedAt } });
    // The version is the decided text; draft edits made meanwhile stay in the draft (issue 12).
    const version = publishDecidedKeepingDraft(tx, {
      documentId: row.documentId,
      proposalId: row.id,
      proposalTitle: row.title,
      summary: `Wijzigingsvoorstel "${row.title}" van kracht per ${formatIsoDateNl(row.effectiveDate)}`,
      decidedLexicalJson: row.decidedLexicalJson,
    });
    tx.update(schema.proposals).set({ resultVersionId: version.id }).where(eq(schema.proposals.id, row.id)).run();
    enqueueSearch(tx, "proposal", row.id);
    notify(tx, audienceOf(row, tx), inForceNotice({ row, activatedAt, documentTitle: doc?.title ?? "het document" }));
    return true;
  });
}
