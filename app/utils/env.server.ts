import path from "node:path";
import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATA_DIR: z.string().default("./data"),
  SEED_DEMO: z.enum(["0", "1"]).default("1"),
  COOKIE_SECURE: z.enum(["auto", "0", "1"]).default("auto"),
  PUBLIC_URL: z.string().default(""),
  SMTP_URL: z.string().default(""),
  MAIL_FROM: z.string().default("Ketenportaal <noreply@ketenportaal.example>"),
  MEILI_HOST: z.string().default(""),
  MEILI_KEY: z.string().default(""),
  KP_NOW: z.string().default(""),
  COLLAB_MAX_MESSAGE_BYTES: z.coerce.number().int().positive().default(1_000_000),
  COLLAB_COMPACT_AFTER: z.coerce.number().int().positive().default(500),
  SCHEDULER_INTERVAL_MS: z.coerce.number().int().positive().default(30_000),
  BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1_000_000),
  BODY_LIMITS: z.string().default(""),
  BACKUP_DIR: z.string().default(""),
  BACKUP_KEEP: z.coerce.number().int().min(1).default(14),
  BACKUP_HOUR: z.coerce.number().int().min(0).max(23).default(3),
  /** Largest .docx accepted by the Word import (bytes). */
  WORD_IMPORT_MAX_BYTES: z.coerce.number().int().positive().default(10_000_000),
  /** Hour (Europe/Amsterdam) at which daily and weekly e-mail digests are sent. */
  DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(8),
  METRICS_TOKEN: z.string().default(""),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Env = z.infer<typeof schema>;

let cached: Env | null = null;

/**
 * The configuration, validated on the first call (at boot: server/index.ts calls it before
 * anything else) and cached for the life of the process. Tests set process.env before they
 * import app code (tests/setup-db.ts; vitest runs each file in its own process).
 */
export function env(): Env {
  cached ??= parse();
  return cached;
}

/** Validate process.env again, for a test that changes a setting on purpose. */
export function reloadEnv(): Env {
  cached = parse();
  return cached;
}

function parse(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${issues}`);
  }
  return parsed.data;
}

/**
 * The data directory. Read from process.env on every call rather than from the cached env(),
 * so a script or test that sets DATA_DIR before its first database access is always obeyed.
 */
export function dataDir(): string {
  return path.resolve(process.env.DATA_DIR || "./data");
}
