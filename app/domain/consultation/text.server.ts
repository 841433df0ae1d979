// The proposed text of a wijzigingsvoorstel lives in its own collaboration room
// (`proposal-<id>`), started as a copy of the document's published version. This module reads
// its derived forms; until somebody edits, the text is the base version itself.
import { eq } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import { proposalRoom } from "~/shared/collab";
import type { Reader } from "./access.server";

export type TextForms = { lexicalJson: string; html: string; text: string; markdown: string };


export function versionText(versionId: number | null, db: Reader = getDb()): (TextForms & { id: number; number: number }) | null {
  if (versionId == null) return null;
  return (
    db
      .select({
        id: schema.documentVersions.id,
        number: schema.documentVersions.number,
        lexicalJson: schema.documentVersions.lexicalJson,
        html: schema.documentVersions.html,
        text: schema.documentVersions.text,
        markdown: schema.documentVersions.markdown,
      })
      .from(schema.documentVersions)
      .where(eq(schema.documentVersions.id, versionId))
      .get() ?? null
  );
}

/** The proposed text as last derived from its room, or the base version when nobody edited yet. */
export function proposedText(p: { id: number; baseVersionId: number | null }, db: Reader = getDb()): TextForms | null {
  const derived = db
    .select({
      lexicalJson: schema.roomDerived.lexicalJson,
      html: schema.roomDerived.html,
      text: schema.roomDerived.text,
      markdown: schema.roomDerived.markdown,
    })
    .from(schema.roomDerived)
    .where(eq(schema.roomDerived.room, proposalRoom(p.id)))
    .get();
  if (derived) return derived;
  return versionText(p.baseVersionId, db);
}

/**
 * The text that is frozen at the decision. Async because the live room may hold edits that
 * are not yet derived to room_derived.
 */
export async function finalProposedLexicalJson(p: { id: number; baseVersionId: number | null }): Promise<string> {
  const text = proposedText(p);
  if (!text) throw new Error(`proposal ${p.id} has no text`);
  return text.lexicalJson;
}
