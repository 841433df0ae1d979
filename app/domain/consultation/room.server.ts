// The "proposal" room kind: the proposed text of a wijzigingsvoorstel is its own Y.Doc
// (room `proposal-<id>`), co-edited with the same editor as documents. It starts as a copy of
// the published version the proposal is based on. Editors write until the decision freezes
// the text; everyone who may read the proposal may follow along read-only. Imported by
// server/service-list.ts (connections) and by text.server.ts (server-side reads).
import { lexicalStateToYUpdate } from "~/editor/convert.server";
import { canEditProposedText, canReadProposal } from "../policy.server";
import { registerRoomKind } from "../../../server/collab/index";
import { loadProposal } from "./access.server";
import { versionText } from "./text-source.server";

registerRoomKind("proposal", {
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
});
