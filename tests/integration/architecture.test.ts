// The dependency rules of docs/architecture.md, checked on the real import graph of app/ and
// server/: app/ never imports server/; no import cycles; nothing is imported only for its
// side effects (stylesheets aside); app/collab reaches into app/domain only through its
// list of room kinds; the layers below the routes never import the routes' layer. Each rule
// is first shown to fail on a small made-up graph, so none of them can pass by accident.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { importCycles, importGraph, readSources, type ImportEdge } from "../support/import-graph";

const root = fileURLToPath(new URL("../..", import.meta.url));
const exists = (p: string) => fs.existsSync(path.join(root, p));

const STYLESHEET = /\.css(\?.*)?$/;
/** The one file of app/collab allowed to import app/domain at runtime (see its header). */
const ROOM_KINDS_LIST = "app/collab/kinds.server.ts";
const ROUTE_LAYER = /^app\/(routes|components|http)\//;
const BELOW_ROUTES = /^app\/(domain|collab|db|shared)\//;

function appImportsServer(edges: ImportEdge[]): string[] {
  return edges.filter((e) => e.from.startsWith("app/") && e.to?.startsWith("server/")).map((e) => `${e.from} → ${e.specifier}`);
}

function sideEffectImports(edges: ImportEdge[]): string[] {
  return edges.filter((e) => e.bare && !STYLESHEET.test(e.specifier)).map((e) => `${e.from} → ${e.specifier}`);
}

function collabIntoDomain(edges: ImportEdge[]): string[] {
  return edges
    .filter((e) => e.from.startsWith("app/collab/") && e.from !== ROOM_KINDS_LIST && !e.typeOnly && e.to?.startsWith("app/domain/"))
    .map((e) => `${e.from} → ${e.specifier}`);
}

function upwardImports(edges: ImportEdge[]): string[] {
  return edges.filter((e) => BELOW_ROUTES.test(e.from) && e.to && ROUTE_LAYER.test(e.to)).map((e) => `${e.from} → ${e.specifier}`);
}

const SCHEMA = "app/db/schema.ts";
/** Modules that can end up in the browser bundle: under app/, not *.server.*, not tests. */
const clientReachable = (file: string) => file.startsWith("app/") && !/\.server\.[jt]sx?$/.test(file) && !/\.test\.[jt]sx?$/.test(file) && file !== SCHEMA;

function clientImportsSchema(edges: ImportEdge[]): string[] {
  return edges.filter((e) => clientReachable(e.from) && e.to === SCHEMA && !e.typeOnly).map((e) => `${e.from} → ${e.specifier}`);
}

function graphOf(files: Record<string, string>): ImportEdge[] {
  const map = new Map(Object.entries(files));
  return importGraph(map, (p) => map.has(p) || p.endsWith(".css"));
}

describe("the checks themselves", () => {
  it("see an app module importing server/, through ~/.. or a relative path", () => {
    const edges = graphOf({
      "app/domain/a.server.ts": 'import { x } from "../../server/collab/index";\nexport const a = x;',
      "app/domain/b.server.ts": 'export { y } from "~/../server/y";',
      "server/collab/index.ts": "export const x = 1;",
      "server/y.ts": "export const y = 1;",
    });
    expect(appImportsServer(edges)).toEqual(["app/domain/a.server.ts → ../../server/collab/index", "app/domain/b.server.ts → ~/../server/y"]);
  });

  it("see a cycle, also one closed by a dynamic import, but not one made only of type imports", () => {
    const edges = graphOf({
      "server/services.ts": 'export async function load() { await import("./service-list"); }',
      "server/service-list.ts": 'import { load } from "./services";\nexport const l = load;',
      "app/a.ts": 'import type { B } from "./b";\nexport type A = B;',
      "app/b.ts": 'import type { A } from "./a";\nexport type B = A | 1;',
    });
    expect(importCycles(edges)).toEqual([["server/service-list.ts", "server/services.ts"]]);
  });

  it("see a bare import of a module, but let a stylesheet through", () => {
    const edges = graphOf({
      "app/domain/versions.server.ts": 'import "./room.server";\nimport "./styles.css";\nimport "./editor.css?url";',
      "app/domain/room.server.ts": "registerRoomKind();",
    });
    expect(sideEffectImports(edges)).toEqual(["app/domain/versions.server.ts → ./room.server"]);
  });

  it("see app/collab importing the domain outside its list of room kinds, and the domain importing a route", () => {
    const edges = graphOf({
      "app/collab/rooms.server.ts": 'import { documentById } from "~/domain/documents";\nimport type { Actor } from "~/domain/actor";\nexport const r = documentById;',
      [ROOM_KINDS_LIST]: 'import { documentById } from "~/domain/documents";\nexport const k = documentById;',
      "app/domain/documents.ts": 'import { Field } from "~/components/ui";\nexport const documentById = Field;',
      "app/domain/actor.ts": "export type Actor = { id: number };",
      "app/components/ui.tsx": "export const Field = 1;",
    });
    expect(collabIntoDomain(edges)).toEqual(["app/collab/rooms.server.ts → ~/domain/documents"]);
    expect(upwardImports(edges)).toEqual(["app/domain/documents.ts → ~/components/ui"]);
  });

  it("see a browser-reachable module taking a value from the table definitions, but not a type or a server module", () => {
    const edges = graphOf({
      "app/shared/labels.ts": 'import { ROLES } from "~/db/schema";\nimport type { Role } from "~/db/schema";\nexport const r: Role[] = [...ROLES];',
      "app/shared/kinds.ts": 'import type { Role } from "~/db/schema";\nexport type K = Role;',
      "app/domain/list.server.ts": 'import { schema } from "~/db/schema";\nexport const s = schema;',
      [SCHEMA]: 'export const ROLES = ["lezer"] as const;\nexport type Role = "lezer";\nexport const schema = 1;',
    });
    expect(clientImportsSchema(edges)).toEqual(["app/shared/labels.ts → ~/db/schema"]);
  });

  it("refuse a local import that does not resolve, instead of skipping it", () => {
    expect(() => graphOf({ "app/a.ts": 'import { b } from "./missing";' })).toThrow(/cannot resolve/);
  });
});

describe("the portal's import graph", () => {
  const files = readSources(root, ["app", "server"]);
  const edges = importGraph(files, exists);

  it("is the real thing", () => {
    // Guards the checks below against an empty or unreadable graph.
    expect(files.has("server/index.ts")).toBe(true);
    expect(files.has("app/collab/index.server.ts")).toBe(true);
    expect(edges.some((e) => e.from === "server/index.ts" && e.to === "server/collab/service.ts")).toBe(true);
  });

  it("has no file under app/ that imports from server/", () => {
    expect(appImportsServer(edges)).toEqual([]);
  });

  it("has no import cycles among app/ and server/", () => {
    expect(importCycles(edges)).toEqual([]);
  });

  it("has no module imported only for its side effects", () => {
    expect(sideEffectImports(edges)).toEqual([]);
  });

  it("lets app/collab reach into app/domain only through its list of room kinds", () => {
    expect(collabIntoDomain(edges)).toEqual([]);
    expect(edges.some((e) => e.from === ROOM_KINDS_LIST && e.to?.startsWith("app/domain/"))).toBe(true);
  });

  it("keeps the table definitions (drizzle) out of every module the browser may load: value lists come from app/db/enums.ts", () => {
    expect(clientImportsSchema(edges)).toEqual([]);
  });

  it("keeps domain, collab, db and shared code free of route-layer imports", () => {
    expect(upwardImports(edges)).toEqual([]);
  });
});
