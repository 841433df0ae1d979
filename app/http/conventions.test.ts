// Guards for the one-way form convention (issue 9): they fail when a route or the domain drifts.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "..");
const files = (dir: string): string[] =>
  fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));

const strip = (src: string) => src.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:])\/\/.*$/gm, "$1");

describe("conventions", () => {
  it("app/domain uses no Request, FormData or Response and nothing from app/http", () => {
    const offenders = files("domain")
      .filter((f) => /\.tsx?$/.test(f) && !/\.test\.ts$|\.testkit\.ts$/.test(f))
      .filter((f) => {
        const src = strip(fs.readFileSync(path.join(root, f), "utf8"));
        return /\b(Request|FormData|Response)\b/.test(src) || /from "~\/http\//.test(src) || /@remix-run\//.test(src);
      });
    expect(offenders).toEqual([]);
  });

  it("every route that posts uses formAction(), and no route reads its intent from the URL", () => {
    for (const f of files("routes")) {
      const src = fs.readFileSync(path.join(root, f), "utf8");
      if (/export (const|async function|function) action\b/.test(src)) expect(src, f).toMatch(/export const action = formAction\(/);
      expect(src, f).not.toMatch(/searchParams\.get\("intent"\)|action="\?intent=/);
    }
  });

  it("route modules stay under 250 lines", () => {
    const long = files("routes").filter((f) => fs.readFileSync(path.join(root, f), "utf8").split("\n").length > 250);
    expect(long).toEqual([]);
  });
});
