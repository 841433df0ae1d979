// The proposed text of a wijzigingsvoorstel lives in its own collaboration room
// (`proposal-<id>`), started as a copy of the document's published version. Reads use the
// derived forms (room_derived, written while people type); the decision reads the live room
// itself, so the last keystrokes are part of what is decided.
import { eq } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import { proposalRoom } from "~/shared/collab";
import { getRoomLexicalState } from "~/collab/index.server";
import type { Reader } from "./access.server";
import { versionText, type TextForms } from "./text-source.server";

export { versionText, type TextForms };

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

/** The text that is frozen at the decision: the live room's content, not a debounced copy. */
export async function finalProposedLexicalJson(p: { id: number; baseVersionId: number | null }): Promise<string> {
  return getRoomLexicalState(proposalRoom(p.id));
}
