// The "doc" room kind: who may join a document's collaboration room and what a room starts
// with. Listed in app/collab/kinds.server.ts, the one list of room kinds.
import { eq } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import { lexicalStateToYUpdate, markdownToLexicalState } from "~/editor/convert.server";
import type { RoomKindHandlers } from "~/collab/types";
import { documentRoomAccess } from "../policy.server";
import { enqueueSearch } from "../search-outbox.server";
import { documentById, templateFor } from "./documents.server";

export const documentRoomKind: RoomKindHandlers = {
  authorize(actor, id) {
    const doc = documentById(id);
    return doc ? documentRoomAccess(actor, doc) : null;
  },
  initialState(id) {
    const doc = documentById(id);
    if (!doc) return null;
    const current = doc.currentVersionId
      ? getDb()
          .select({ lexicalJson: schema.documentVersions.lexicalJson, yState: schema.documentVersions.yState })
          .from(schema.documentVersions)
          .where(eq(schema.documentVersions.id, doc.currentVersionId))
          .get()
      : undefined;
    if (current?.yState) return new Uint8Array(current.yState);
    if (current) return lexicalStateToYUpdate(current.lexicalJson);
    return lexicalStateToYUpdate(markdownToLexicalState(templateFor(doc)));
  },
  onDerived(id, tx) {
    enqueueSearch(tx, "draft", id);
  },
};
