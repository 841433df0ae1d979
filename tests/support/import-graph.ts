// A small import-graph walker over our own TypeScript/JavaScript sources, used by
// tests/integration/architecture.test.ts. It parses each file with the TypeScript compiler
// (so comments and strings never count as imports), resolves `~/` (= app/) and relative
// specifiers to files, and leaves package imports out of the graph.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

export type ImportEdge = {
  from: string;
  /** The specifier as written. */
  specifier: string;
  /** Repository-relative path of the imported file; null for packages and Node built-ins. */
  to: string | null;
  /** `import type` / `export type`, or every named binding marked `type`: erased at runtime. */
  typeOnly: boolean;
  /** `import "./x"`: no bindings, imported only for what it does when it loads. */
  bare: boolean;
  dynamic: boolean;
};

export type SourceFiles = ReadonlyMap<string, string>;

const EXTENSIONS = [".ts", ".tsx", ".mjs", ".js"];
const CODE = /\.(ts|tsx|mjs|js)$/;

/** Every code file under the given repository-relative folders, keyed by repository-relative path. */
export function readSources(root: string, folders: string[]): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = path.posix.join(dir, entry.name);
      if (entry.isDirectory()) walk(rel);
      else if (CODE.test(entry.name) && !entry.name.endsWith(".d.ts")) files.set(rel, fs.readFileSync(path.join(root, rel), "utf8"));
    }
  };
  for (const f of folders) walk(f);
  return files;
}

/** Resolve a specifier from `from` to a file in `files`, or null for a package; throws for a local file that is missing. */
export function resolveSpecifier(files: SourceFiles, from: string, specifier: string, exists: (p: string) => boolean = (p) => files.has(p)): string | null {
  const bareSpec = specifier.split("?")[0];
  let base: string;
  if (bareSpec.startsWith("~/")) base = path.posix.join("app", bareSpec.slice(2));
  else if (bareSpec.startsWith("./") || bareSpec.startsWith("../")) base = path.posix.join(path.posix.dirname(from), bareSpec);
  else return null;
  const candidates = [base, ...EXTENSIONS.map((e) => base + e), ...EXTENSIONS.map((e) => `${base}/index${e}`)];
  if (/\.js$/.test(base)) candidates.push(base.replace(/\.js$/, ".ts"), base.replace(/\.js$/, ".tsx"));
  const found = candidates.find((c) => files.has(c));
  if (found) return found;
  // Outside the folders read (tests/fixtures), or not code (a stylesheet, JSON): a leaf.
  const outside = candidates.find((c) => exists(c));
  if (outside) return outside;
  throw new Error(`${from}: cannot resolve "${specifier}"`);
}

/** The imports of one file. */
export function importsOf(files: SourceFiles, file: string, exists?: (p: string) => boolean): ImportEdge[] {
  const text = files.get(file);
  if (text === undefined) throw new Error(`unknown file ${file}`);
  const kind = file.endsWith(".tsx") ? ts.ScriptKind.TSX : file.endsWith(".ts") ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, kind);
  const edges: ImportEdge[] = [];
  const add = (specifier: string, e: Omit<ImportEdge, "from" | "specifier" | "to">) =>
    edges.push({ from: file, specifier, to: resolveSpecifier(files, file, specifier, exists), ...e });

  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : null;
      const typeOnly = !!clause && (clause.isTypeOnly || (!clause.name && !!named && named.length > 0 && named.every((n) => n.isTypeOnly)));
      add(node.moduleSpecifier.text, { typeOnly, bare: !clause, dynamic: false });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const named = node.exportClause && ts.isNamedExports(node.exportClause) ? node.exportClause.elements : null;
      const typeOnly = node.isTypeOnly || (!!named && named.length > 0 && named.every((n) => n.isTypeOnly));
      add(node.moduleSpecifier.text, { typeOnly, bare: false, dynamic: false });
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments.length === 1 &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      add(node.arguments[0].text, { typeOnly: false, bare: false, dynamic: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return edges;
}

export function importGraph(files: SourceFiles, exists?: (p: string) => boolean): ImportEdge[] {
  return [...files.keys()].flatMap((f) => importsOf(files, f, exists));
}

/**
 * Import cycles among our files (each as the list of files around it), found as the strongly
 * connected components of the runtime graph (type-only imports are erased and left out).
 */
export function importCycles(edges: ImportEdge[]): string[][] {
  const next = new Map<string, Set<string>>();
  for (const e of edges) {
    if (e.typeOnly || !e.to || !CODE.test(e.to)) continue;
    if (!next.has(e.from)) next.set(e.from, new Set());
    next.get(e.from)!.add(e.to);
  }
  // Tarjan's algorithm, iterative so deep graphs cannot overflow the stack.
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const nodes = new Set([...next.keys(), ...[...next.values()].flatMap((s) => [...s])]);
  for (const start of nodes) {
    if (indexOf.has(start)) continue;
    const work: { node: string; children: string[]; i: number }[] = [];
    const enter = (n: string) => {
      indexOf.set(n, index);
      low.set(n, index);
      index++;
      stack.push(n);
      onStack.add(n);
      work.push({ node: n, children: [...(next.get(n) ?? [])], i: 0 });
    };
    enter(start);
    while (work.length) {
      const top = work[work.length - 1];
      if (top.i < top.children.length) {
        const child = top.children[top.i++];
        if (!indexOf.has(child)) enter(child);
        else if (onStack.has(child)) low.set(top.node, Math.min(low.get(top.node)!, indexOf.get(child)!));
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent)!, low.get(top.node)!));
      }
      if (low.get(top.node) === indexOf.get(top.node)) {
        const component: string[] = [];
        let n: string;
        do {
          n = stack.pop()!;
          onStack.delete(n);
          component.push(n);
        } while (n !== top.node);
        const selfLoop = next.get(top.node)?.has(top.node) ?? false;
        if (component.length > 1 || selfLoop) cycles.push(component.sort());
      }
    }
  }
  return cycles;
}
