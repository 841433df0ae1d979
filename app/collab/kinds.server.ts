// The one list of room kinds. A room is named `<kind>-<id>` (see ~/shared/collab); its kind
// says who may join (authorize), what an empty room starts with (initialState) and what
// else to do when its derived forms change (onDerived). The handlers are domain code — they
// ask app/domain/policy.server.ts — so this file is the single place where app/collab
// reaches into app/domain; tests/integration/architecture.test.ts keeps it that way.
// To add a kind: add it to RoomKind in ~/shared/collab, write its handlers next to its
// domain (e.g. app/domain/<noun>/room.server.ts) and list them here.
import { proposalRoomKind } from "~/domain/consultation/room.server";
import { documentRoomKind } from "~/domain/documents/room.server";
import { minutesRoomKind } from "~/domain/overleg/room.server";
import type { RoomKind } from "~/shared/collab";
import type { RoomKindHandlers } from "./types";

export const roomKinds: Readonly<Record<RoomKind, RoomKindHandlers>> = {
  doc: documentRoomKind,
  proposal: proposalRoomKind,
  minutes: minutesRoomKind,
};
