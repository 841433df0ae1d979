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
});

export type Env = z.infer<typeof schema>;

/** Read and validate configuration. Not cached: tests change process.env between files. */
export function env(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${issues}`);
  }
  return parsed.data;
}

/**
 * The data directory. Called on every database access, so it reads the one variable it needs
 * instead of validating the whole environment (tests switch DATA_DIR per file).
 */
export function dataDir(): string {
  return path.resolve(process.env.DATA_DIR || "./data");
}
