// Registry of what runs beside HTTP: websocket upgrade handlers and background services
// (collaboration rooms, scheduler, mail delivery, search indexing). Each feature registers
// itself here so server/index.ts stays the same.
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

export const upgradeHandlers: UpgradeHandler[] = [];
const services: BackgroundService[] = [];

export function registerService(s: BackgroundService): void {
  services.push(s);
}

export async function startBackground(server: http.Server): Promise<void> {
  const { loadServices } = await import("./service-list");
  await loadServices();
  for (const s of services) await s.start(server);
}

export async function stopBackground(): Promise<void> {
  for (const s of [...services].reverse()) {
    try {
      await s.stop();
    } catch (e) {
      console.error(`stopping ${s.name} failed`, e);
    }
  }
}
