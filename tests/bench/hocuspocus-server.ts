// Hocuspocus 4.7 with its SQLite extension, as a benchmark target beside the portal and the
// bare relay (tests/bench/collab.ts). Default configuration as its docs give it: the store is
// debounced (2 s, at most 10 s), so the last seconds of updates exist only in memory until
// then. Bench-only: the portal does not use Hocuspocus.
//   npx tsx tests/bench/hocuspocus-server.ts <sqlite file>   prints "hocuspocus listening on <port>"
import { Server } from "@hocuspocus/server";
import { SQLite } from "@hocuspocus/extension-sqlite";

export async function startHocuspocus(database: string): Promise<Server> {
  const server = new Server({ port: 0, address: "127.0.0.1", quiet: true, extensions: [new SQLite({ database })] });
  await server.listen();
  return server;
}

// npm run bench imports every file here to find its benchmark: start only when run directly.
const direct = process.argv[1] && /hocuspocus-server\.ts$/.test(process.argv[1]);
if (direct) {
  const database = process.argv[2];
  if (!database) throw new Error("usage: hocuspocus-server.ts <sqlite file>");
  const server = await startHocuspocus(database);
  console.log(`hocuspocus listening on ${server.address.port}`);
}
