// Start a real portal server process (production build) on a free port with its own data
// directory. Used by the e2e fixtures, crash tests and scheduler restart tests.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export type Portal = {
  baseURL: string;
  port: number;
  dataDir: string;
  process: ChildProcess;
  /** Everything the server printed, for diagnosing failures. */
  output: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<void>;
};

export type StartOptions = {
  dataDir?: string;
  env?: Record<string, string>;
  /** Fixed port (e.g. to restart on the same port); default: a free one. */
  port?: number;
};

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");

export function buildDir(): string {
  return process.env.KP_BUILD_DIR ?? "build";
}

/**
 * The port a portal started with PORT=0 bound: from the "draait op" log line, or (at any
 * LOG_LEVEL — with LOG_LEVEL=warn that line is not printed) from the pid file the server writes
 * into its data directory once it listens. Remove a stale pid file before spawning.
 */
export function announcedPort(child: ChildProcess, dataDir: string, output: () => string, ms = 60_000): Promise<number> {
  const pidFile = path.join(dataDir, "portal.pid");
  return new Promise<number>((resolve, reject) => {
    const finish = (port: number | null, err?: Error) => {
      clearTimeout(timer);
      clearInterval(poll);
      child.off("exit", onExit);
      if (port !== null) resolve(port);
      else reject(err);
    };
    const onExit = (code: number | null) => finish(null, new Error(`portal exited with ${code}:\n${output()}`));
    const timer = setTimeout(() => finish(null, new Error(`portal did not start in ${ms / 1000} s:\n${output()}`)), ms);
    const poll = setInterval(() => {
      const m = output().match(/draait op http:\/\/[^:]+:(\d+)/);
      if (m) return finish(Number(m[1]));
      try {
        const port = (JSON.parse(fs.readFileSync(pidFile, "utf8")) as { port?: number }).port;
        if (port) finish(port);
      } catch {
        /* not written yet */
      }
    }, 50);
    child.on("exit", onExit);
  });
}

export async function startPortal(opts: StartOptions = {}): Promise<Portal> {
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "kp-e2e-"));
  let out = "";
  fs.rmSync(path.join(dataDir, "portal.pid"), { force: true });
  const child = spawn(process.execPath, [path.join(root, "scripts/start.mjs")], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      KP_SKIP_BUILD: "1",
      KP_BUILD_DIR: buildDir(),
      DATA_DIR: dataDir,
      PORT: String(opts.port ?? 0),
      HOST: "127.0.0.1",
      SCHEDULER_INTERVAL_MS: "1000",
      ...opts.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d) => (out += d.toString()));
  child.stderr?.on("data", (d) => (out += d.toString()));
  const port = await announcedPort(child, dataDir, () => out);
  const baseURL = `http://127.0.0.1:${port}`;
  return {
    baseURL,
    port,
    dataDir,
    process: child,
    output: () => out,
    stop: (signal: NodeJS.Signals = "SIGTERM") =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill(signal);
      }),
  };
}
