// Wires the collaboration server into the Node entry: the /collab/ upgrade handler, the
// periodic liveness/rights sweep, WAL checkpoints off the main thread, and a clean stop
// (derived forms flushed, clients told to reconnect). Listed in server/index.ts.
import { startCheckpointer, stopCheckpointer } from "~/collab/checkpointer.server";
import { manager } from "~/collab/rooms.server";
import { COLLAB_PATH_PREFIX, CloseCode } from "~/shared/collab";
import type { BackgroundService, UpgradeHandler } from "../services";
import { handleUpgrade, sweepSlice } from "./upgrade";

/** Each connection is re-checked once per period, in slices (see sweepSlice). */
const SWEEP_MS = 30_000;
const SWEEP_SLICES = 30;
let sweep: NodeJS.Timeout | null = null;

export const collabUpgrade: UpgradeHandler = { prefix: COLLAB_PATH_PREFIX, handle: handleUpgrade };

export const collabService: BackgroundService = {
  name: "collab",
  start: () => {
    sweep = setInterval(() => sweepSlice(SWEEP_SLICES), SWEEP_MS / SWEEP_SLICES);
    sweep.unref();
    startCheckpointer();
  },
  stop: async () => {
    if (sweep) clearInterval(sweep);
    const m = manager();
    for (const room of [...m.rooms.values()]) m.unload(room, CloseCode.goingAway, "Server stopt");
    await stopCheckpointer();
  },
};
