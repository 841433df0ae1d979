// Each test file gets its own data directory, so its own SQLite database.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kp-test-"));
process.env.DATA_DIR = dir;
process.env.NODE_ENV = "test";
process.env.CONTENT_DIR ??= path.resolve("content");

afterAll(async () => {
  const { closeDb } = await import("~/db/client.server");
  closeDb();
  fs.rmSync(dir, { recursive: true, force: true });
});
