// Wires the collaboration server into the Node entry: the /collab/ upgrade handler, the
// periodic liveness/rights sweep, WAL checkpoints off the main thread, and a clean stop
// (derived forms flushed, clients told to reconnect). Imported by server/service-list.ts.
import { COLLAB_PATH_PREFIX, CloseCode } from "~/shared/collab";
import "~/domain/documents/room.server";
import { registerService, upgradeHandlers } from "../services";
import { startCheckpointer, stopCheckpointer } from "./checkpointer";
import { manager } from "./rooms";
import { handleUpgrade, sweepConnections } from "./upgrade";

const SWEEP_MS = 30_000;
let sweep: NodeJS.Timeout | null = null;

if (!upgradeHandlers.some((h) => h.prefix === COLLAB_PATH_PREFIX)) {
  upgradeHandlers.push({ prefix: COLLAB_PATH_PREFIX, handle: handleUpgrade });
}

registerService({
  name: "collab",
  start: () => {
    sweep = setInterval(sweepConnections, SWEEP_MS);
    sweep.unref();
    startCheckpointer();
  },
  stop: async () => {
    if (sweep) clearInterval(sweep);
    const m = manager();
    for (const room of [...m.rooms.values()]) m.unload(room, CloseCode.goingAway, "Server stopt");
    await stopCheckpointer();
  },
});
