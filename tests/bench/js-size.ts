// JavaScript a page loads (issue 11, target ≤ 60 KB gzip on read pages), from the Remix
// client manifest of a production build: the entry, root and the route's module with all
// their static imports, summed once each (raw and gzip -9). Lazy chunks (import()) are not
// counted: the browser only loads them when they are used.
//
//   npx tsx tests/bench/js-size.ts [routeId ...]     (build dir: KP_BUILD_DIR or build/)
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";

type ManifestEntry = { module: string; imports?: string[] };
type RemixManifest = { entry: ManifestEntry; routes: Record<string, ManifestEntry & { id: string; parentId?: string }> };

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export function readClientManifest(buildDir: string): RemixManifest {
  const assets = path.join(buildDir, "client/assets");
  const file = fs.readdirSync(assets).find((f) => /^manifest-[\w-]+\.js$/.test(f));
  if (!file) throw new Error(`no Remix manifest in ${assets}`);
  const src = fs.readFileSync(path.join(assets, file), "utf8");
  return JSON.parse(src.slice(src.indexOf("=") + 1).replace(/;\s*$/, "")) as RemixManifest;
}

export type RouteJs = { route: string; files: number; rawKb: number; gzipKb: number; largest: Array<{ file: string; gzipKb: number }>; plain?: boolean };

/** A route served without hydration (`handle = { hydrate: false }`, app/shared/static-page.ts). */
export function isPlainRoute(routeId: string): boolean {
  const base = path.join(here, "app", routeId);
  const file = [".tsx", ".ts"].map((ext) => base + ext).find((f) => fs.existsSync(f));
  return !!file && /export const handle[^=]*=\s*\{[^}]*hydrate:\s*false/.test(fs.readFileSync(file, "utf8"));
}

const kb = (n: number) => Math.round(n / 102.4) / 10;

export function routeJs(buildDir: string, routeId: string): RouteJs {
  if (isPlainRoute(routeId)) {
    // No framework scripts: only the island of app/shared/plain-page.island.ts, its own asset.
    const assets = path.join(buildDir, "client/assets");
    const island = fs.readdirSync(assets).filter((f) => /^plain-page\.island-[\w-]+\.js$/.test(f));
    if (island.length !== 1) throw new Error(`expected one plain-page island in ${assets}, found ${island.length}`);
    const buf = fs.readFileSync(path.join(assets, island[0]));
    const gzipKb = kb(zlib.gzipSync(buf, { level: 9 }).length);
    return { route: routeId, files: 1, rawKb: kb(buf.length), gzipKb, largest: [{ file: island[0], gzipKb }], plain: true };
  }
  const m = readClientManifest(buildDir);
  const chain: ManifestEntry[] = [m.entry];
  for (let r: (typeof m.routes)[string] | undefined = m.routes[routeId]; r; r = r.parentId ? m.routes[r.parentId] : undefined) chain.push(r);
  if (chain.length === 1) throw new Error(`unknown route ${routeId}`);
  const files = new Set(chain.flatMap((e) => [e.module, ...(e.imports ?? [])]));
  const sizes = [...files].map((f) => {
    const buf = fs.readFileSync(path.join(buildDir, "client", f));
    return { file: path.basename(f), raw: buf.length, gzip: zlib.gzipSync(buf, { level: 9 }).length };
  });
  return {
    route: routeId,
    files: sizes.length,
    rawKb: kb(sizes.reduce((n, s) => n + s.raw, 0)),
    gzipKb: kb(sizes.reduce((n, s) => n + s.gzip, 0)),
    largest: sizes.sort((a, b) => b.gzip - a.gzip).slice(0, 4).map((s) => ({ file: s.file, gzipKb: kb(s.gzip) })),
  };
}

export const READ_ROUTES = ["routes/_index", "routes/documenten.$slug._index", "routes/documenten.$slug.bewerken", "routes/zoeken._index", "routes/signalen._index"];

export async function runJsSizeBench(routes = READ_ROUTES): Promise<RouteJs[]> {
  const buildDir = path.resolve(here, process.env.KP_BUILD_DIR ?? "build");
  const rows = routes.map((r) => routeJs(buildDir, r));
  console.log(["| route | files | raw KB | gzip KB | largest (gzip KB) |", "|---|---|---|---|---|", ...rows.map((r) => `| ${r.route}${r.plain ? " (plain HTML)" : ""} | ${r.files} | ${r.rawKb} | ${r.gzipKb} | ${r.largest.map((l) => `${l.file} ${l.gzipKb}`).join(", ")} |`)].join("\n"));
  return rows;
}

const direct = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (direct) await runJsSizeBench(process.argv.slice(2).length ? process.argv.slice(2) : READ_ROUTES);
