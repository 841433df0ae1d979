// Commenters hear when their passage changes (issue 12). While a proposal is in consultation
// its text is still co-edited; once the edits have settled (nobody typed for a while), the
// text is compared with the version commenters were last told about, and everyone whose
// quoted passage lies in a changed block gets a notice (in-app and e-mail) with the redline
// of that passage. Idempotent: the snapshot moves on in the same transaction as the notices.
import { and, eq, isNotNull } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import { proposalRoom } from "~/shared/collab";
import { nowIso } from "~/utils/clock.server";
import { notify } from "../notify.server";
import { diffDocuments, type DiffBlock } from "../documents/diff";
import { redlineText } from "../documents/redline-text";
import { normalizeText } from "./anchor";
import { proposedText } from "./text.server";

const oldText = (b: DiffBlock) => b.segments.filter((s) => s.type !== "add").map((s) => s.text).join("");

/** Does a quoted passage lie in (or span) this changed block of the old text? */
function touches(block: DiffBlock, quote: string): boolean {
  if (block.status === "same" || block.status === "added") return false;
  const before = normalizeText(oldText(block));
  const q = normalizeText(quote);
  if (!before || !q) return false;
  if (before.includes(q) || q.includes(before)) return true;
  // A quote running over the end or start of the block: its first or last words are in it.
  const head = q.slice(0, Math.min(24, q.length));
  const tail = q.slice(-Math.min(24, q.length));
  return before.endsWith(head) || before.includes(head) || before.startsWith(tail);
}

/**
 * One pass over the proposals in consultation. `quietSeconds`: only texts nobody changed for
 * this long are compared, so one notice covers a round of edits. Returns the notices written.
 */
export function notifyChangedPassages(opts: { quietSeconds?: number } = {}): number {
  const quietMs = (opts.quietSeconds ?? 120) * 1000;
  const db = getDb();
  const running = db.select().from(schema.proposals).where(eq(schema.proposals.status, "in_consultatie")).all();
  let sent = 0;
  for (const row of running) {
    const current = proposedText(row);
    if (!current) continue;
    const snapshot = db.select().from(schema.proposalTextSnapshots).where(eq(schema.proposalTextSnapshots.proposalId, row.id)).get();
    if (!snapshot) {
      db.insert(schema.proposalTextSnapshots).values({ proposalId: row.id, lexicalJson: current.lexicalJson, text: current.text, takenAt: nowIso() }).run();
      continue;
    }
    if (snapshot.text === current.text) continue;
    const derived = db.select({ updatedAt: schema.roomDerived.updatedAt }).from(schema.roomDerived).where(eq(schema.roomDerived.room, proposalRoom(row.id))).get();
    if (derived && Date.parse(nowIso()) - Date.parse(derived.updatedAt) < quietMs) continue;
    const blocks = diffDocuments(snapshot.lexicalJson, current.lexicalJson);
    const comments = db
      .select({ id: schema.proposalComments.id, authorId: schema.proposalComments.authorId, quote: schema.proposalComments.quote })
      .from(schema.proposalComments)
      .where(and(eq(schema.proposalComments.proposalId, row.id), isNotNull(schema.proposalComments.quote)))
      .all();
    // One notice per commenter, with the redline of each passage of theirs that changed.
    const perAuthor = new Map<number, { commentId: number; quote: string; blocks: DiffBlock[] }[]>();
    for (const c of comments) {
      const hit = blocks.filter((b) => touches(b, c.quote ?? ""));
      if (!hit.length) continue;
      const list = perAuthor.get(c.authorId) ?? [];
      list.push({ commentId: c.id, quote: c.quote ?? "", blocks: hit });
      perAuthor.set(c.authorId, list);
    }
    db.transaction((tx) => {
      for (const [authorId, list] of perAuthor) {
        const parts = list.map((p) => `Uw reactie bij "${p.quote}":\n${redlineText(p.blocks)}`);
        notify(tx, [authorId], {
          kind: "proposal_passage_changed",
          title: `Passage aangepast: ${row.title}`,
          body: `De voorgestelde tekst van "${row.title}" is aangepast op een plek waarop u reageerde. Zo is de passage veranderd:\n\n${parts.join("\n\n")}\n\nU kunt uw reactie aanvullen zolang de consultatie loopt.`,
          link: `/wijzigingen/${row.id}#reactie-${list[0].commentId}`,
        });
        sent++;
      }
      tx.update(schema.proposalTextSnapshots)
        .set({ lexicalJson: current.lexicalJson, text: current.text, takenAt: nowIso() })
        .where(eq(schema.proposalTextSnapshots.proposalId, row.id))
        .run();
    });
  }
  return sent;
}
