// Diagnostic preload (not used by the portal): on SIGUSR2, a full GC, then memory figures on
// stderr, and with HEAPSNAP_DIR a heap snapshot. Needs node --expose-gc.
import v8 from "node:v8";
import path from "node:path";
process.on("SIGUSR2", () => {
  globalThis.gc?.();
  const mb = (n) => Math.round((n / 1048576) * 10) / 10;
  const m = process.memoryUsage();
  console.error(`GC-REPORT rss=${mb(m.rss)} heapUsed=${mb(m.heapUsed)} heapTotal=${mb(m.heapTotal)} external=${mb(m.external)} arrayBuffers=${mb(m.arrayBuffers)}`);
  if (process.env.HEAPSNAP_DIR) v8.writeHeapSnapshot(path.join(process.env.HEAPSNAP_DIR, `kp-${Date.now()}.heapsnapshot`));
});
