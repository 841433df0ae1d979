// The README is the set-up manual: it must show the two commands, every demo account and
// every environment variable the server reads.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readWorld } from "~/domain/seed/world.server";

const readme = fs.readFileSync(path.resolve("README.md"), "utf8");
const envSource = fs.readFileSync(path.resolve("app/utils/env.server.ts"), "utf8");

describe("README", () => {
  it("shows the two commands", () => {
    expect(readme).toContain("npm install && npm start");
    expect(readme).toMatch(/^npm test$/m);
    expect(readme).toContain("http://localhost:3000");
  });

  it("lists the demo accounts of the issue, all present in the seed", () => {
    const emails = readWorld().people.map((p) => p.email);
    for (const email of [
      "beheer@zaanstad.example",
      "regisseur.participatie@zaanstad.example",
      "regisseur.wmo@zaanstad.example",
      "contractmanager@zaanstad.example",
      "professional@dock.example",
      "teamleider@smd.example",
      "nieuw@incluzio.example",
      "werkom@werkom.example",
      "aanbieder@zorgvoorbeeld.example",
    ]) {
      expect(readme).toContain(`\`${email}\``);
      expect(emails).toContain(email);
    }
    expect(readme).toContain("**`demo`**");
  });

  it("documents every environment variable the server validates", () => {
    const keys = [...envSource.matchAll(/^\s{2}([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1]).filter((k) => k !== "NODE_ENV");
    expect(keys.length).toBeGreaterThan(5);
    for (const key of keys) expect(readme, key).toContain(`\`${key}\``);
  });

  it("defaults the data directory to ./data", async () => {
    const saved = process.env.DATA_DIR;
    delete process.env.DATA_DIR;
    const { dataDir } = await import("~/utils/env.server");
    expect(dataDir()).toBe(path.resolve("data"));
    process.env.DATA_DIR = saved;
  });
});
