// Both the Remix server bundle and the Node entry (server/) load these modules; one
// process-wide instance per key keeps the database, rooms and scheduler shared.
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
