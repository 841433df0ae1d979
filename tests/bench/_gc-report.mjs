// Diagnostic preload (not used by the portal): on SIGUSR2, a full GC, then memory figures on
// stderr, and with HEAPSNAP_DIR a heap snapshot. Needs node --expose-gc. With GC_REPORT_DETAIL=1
// also the V8 heap spaces and /proc/self/smaps_rollup.
import fs from "node:fs";
import v8 from "node:v8";
import path from "node:path";
process.on("SIGUSR2", () => {
  globalThis.gc?.();
  const mb = (n) => Math.round((n / 1048576) * 10) / 10;
  const m = process.memoryUsage();
  console.error(`GC-REPORT rss=${mb(m.rss)} heapUsed=${mb(m.heapUsed)} heapTotal=${mb(m.heapTotal)} external=${mb(m.external)} arrayBuffers=${mb(m.arrayBuffers)}`);
  if (process.env.GC_REPORT_DETAIL === "1") {
    const spaces = v8.getHeapSpaceStatistics().map((s) => `${s.space_name}=${mb(s.space_used_size)}/${mb(s.physical_space_size)}`);
    console.error(`GC-DETAIL spaces(used/physical) ${spaces.join(" ")}`);
    const code = v8.getHeapCodeStatistics();
    console.error(`GC-DETAIL code=${mb(code.code_and_metadata_size)} bytecode=${mb(code.bytecode_and_metadata_size)} external_script_source=${mb(code.external_script_source_size)}`);
    console.error(`GC-DETAIL smaps ${fs.readFileSync("/proc/self/smaps_rollup", "utf8").replace(/\s+/g, " ")}`);
  }
  if (process.env.HEAPSNAP_DIR) v8.writeHeapSnapshot(path.join(process.env.HEAPSNAP_DIR, `kp-${Date.now()}.heapsnapshot`));
});
