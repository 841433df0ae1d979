// Why process-wide state lives on globalThis, and the one place it does.
//
// The process loads app/ twice: server/ (run by tsx) imports app modules from source, and
// the Remix server bundle carries its own copy — build/server/index.js in production, and in
// development Vite's ssrLoadModule, which evaluates the modules again after every edit (hot
// reload). Module-level state would then exist twice (or be lost on reload). Only state that
// both copies must share is kept here:
//   - the SQLite handles (app/db/client.server.ts): a route's transaction and the collab
//     store's "is a transaction open?" check must see the same connection;
//   - the collab rooms (app/collab/rooms.server.ts): a publish in a route changes the room
//     that editors connected through server/collab are in;
//   - the clock offset (tests and demos move it), the search provider and the search-outbox
//     listeners (the indexer in server/ wakes on enqueues made in routes).
// Everything else is ordinary module state. Do not add a key without a reason of this kind.
export function singleton<T>(key: string, create: () => T): T {
  const g = globalThis as unknown as { __kp_singletons?: Map<string, unknown> };
  g.__kp_singletons ??= new Map();
  if (!g.__kp_singletons.has(key)) g.__kp_singletons.set(key, create());
  return g.__kp_singletons.get(key) as T;
}

export function dropSingleton(key: string): void {
  const g = globalThis as unknown as { __kp_singletons?: Map<string, unknown> };
  g.__kp_singletons?.delete(key);
}
