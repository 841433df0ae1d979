// What runs beside HTTP: websocket upgrade handlers and background services (collaboration
// rooms, scheduler, mail delivery, search indexing). The lists themselves are in
// server/index.ts; a service module only exports its service, it never registers itself.
import type http from "node:http";
import type { Duplex } from "node:stream";

export type UpgradeHandler = {
  prefix: string;
  handle: (req: http.IncomingMessage, socket: Duplex, head: Buffer) => void;
};

export type BackgroundService = {
  name: string;
  start: (server: http.Server) => Promise<void> | void;
  stop: () => Promise<void> | void;
};

/** Start services in list order. */
export async function startServices(services: readonly BackgroundService[], server: http.Server): Promise<void> {
  for (const s of services) await s.start(server);
}

/** Stop services in reverse order; one failing stop does not keep the others running. */
export async function stopServices(services: readonly BackgroundService[]): Promise<void> {
  for (const s of [...services].reverse()) {
    try {
      await s.stop();
    } catch (e) {
      console.error(`stopping ${s.name} failed`, e);
    }
  }
}

/** The upgrade handler whose prefix the request path starts with, if any. */
export function findUpgradeHandler(handlers: readonly UpgradeHandler[], url: string): UpgradeHandler | undefined {
  return handlers.find((h) => url.startsWith(h.prefix));
}
