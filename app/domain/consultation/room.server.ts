// The "proposal" room kind: the proposed text of a wijzigingsvoorstel is its own Y.Doc
// (room `proposal-<id>`), co-edited with the same editor as documents. It starts as a copy of
// the published version the proposal is based on. Editors write until the decision freezes
// the text; everyone who may read the proposal may follow along read-only. Listed in
// app/collab/kinds.server.ts, the one list of room kinds.
import type { RoomKindHandlers } from "~/collab/types";
import { lexicalStateToYUpdate } from "~/editor/convert.server";
import { canEditProposedText, canReadProposal } from "../policy.server";
import { loadProposal } from "./access.server";
import { versionText } from "./text-source.server";

export const proposalRoomKind: RoomKindHandlers = {
  authorize(actor, id) {
    const p = loadProposal(id);
    if (!p) return null;
    if (canEditProposedText(actor, p.facts)) return "write";
    return canReadProposal(actor, p.facts) ? "read" : null;
  },
  initialState(id) {
    const p = loadProposal(id);
    if (!p) return null;
    const base = versionText(p.row.baseVersionId);
    return base ? lexicalStateToYUpdate(base.lexicalJson) : null;
  },
};
