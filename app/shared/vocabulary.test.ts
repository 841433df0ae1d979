// Lint-like checks over the source: every Dutch label is defined once (in its vocabulary's home
// in app/shared), and UI text speaks to the reader as "u". See docs/schrijfwijzer.md.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");

function sourceFiles(dir: string): string[] {
  return (fs.readdirSync(path.join(ROOT, dir), { recursive: true }) as string[])
    .filter((f) => /\.tsx?$/.test(f) && !/\.(test|testkit)\.tsx?$/.test(f) && !f.endsWith(".d.ts"))
    .map((f) => path.join(dir, f));
}

function parse(file: string, text = fs.readFileSync(path.join(ROOT, file), "utf8")): ts.SourceFile {
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
}

type LabelEntry = { file: string; map: string; key: string; label: string };

function unwrap(e: ts.Expression): ts.Expression {
  while (ts.isAsExpression(e) || ts.isSatisfiesExpression(e) || ts.isParenthesizedExpression(e)) e = e.expression;
  return e;
}

/** The literal entries of every `…LABELS = { key: "label" }` map in a file (spreads are reuse, not definitions). */
function labelEntries(sf: ts.SourceFile): LabelEntry[] {
  const out: LabelEntry[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && /LABELS$/.test(node.name.text) && node.initializer) {
      const init = unwrap(node.initializer);
      if (ts.isObjectLiteralExpression(init)) {
        for (const p of init.properties) {
          if (!ts.isPropertyAssignment(p)) continue;
          const key = ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) ? p.name.text : p.name.getText(sf);
          const v = unwrap(p.initializer);
          if (ts.isStringLiteral(v) || ts.isNoSubstitutionTemplateLiteral(v)) out.push({ file: sf.fileName, map: node.name.text, key, label: v.text });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/**
 * Labels defined twice. A status label (key → label of a …STATUS_LABELS map) may exist in only
 * one map; any other two maps may not share two or more key → label pairs (a copied vocabulary).
 * One shared pair elsewhere is a common noun naming two different things ("Document" as a
 * search kind and as a link type), not a copy.
 */
function duplicates(entries: LabelEntry[]): string[] {
  const problems: string[] = [];
  const where = (e: LabelEntry) => `${e.file}#${e.map}`;
  const pair = (e: LabelEntry) => `${e.key} → "${e.label}"`;
  const maps = new Map<string, LabelEntry[]>();
  for (const e of entries) maps.set(where(e), [...(maps.get(where(e)) ?? []), e]);
  const names = [...maps.keys()];
  for (const [i, a] of names.entries()) {
    for (const b of names.slice(i + 1)) {
      const inB = new Set(maps.get(b)!.map(pair));
      const shared = maps.get(a)!.filter((e) => inB.has(pair(e))).map(pair);
      const isStatus = /STATUS_LABELS$/.test(a) || /STATUS_LABELS$/.test(b);
      if (shared.length >= 2 || (isStatus && shared.length > 0)) problems.push(`${a} and ${b} both define ${shared.join(", ")}`);
    }
  }
  const status = entries.filter((e) => /STATUS_LABELS$/.test(e.map));
  const byLabel = new Map<string, LabelEntry[]>();
  for (const e of status) byLabel.set(e.label, [...(byLabel.get(e.label) ?? []), e]);
  for (const [label, list] of byLabel) {
    const homes = new Set(list.map(where));
    if (homes.size > 1 && new Set(list.map((e) => e.key)).size > 1) problems.push(`status label "${label}" is defined in ${[...homes].join(", ")}`);
  }
  return problems;
}

const appFiles = sourceFiles("app");
const allEntries = appFiles.flatMap((f) => labelEntries(parse(f)));

describe("Dutch labels are defined once", () => {
  it("finds the vocabularies it is meant to guard", () => {
    const maps = new Set(allEntries.map((e) => `${e.file}#${e.map}`));
    expect(maps).toContain("app/shared/proposals.ts#STATUS_LABELS");
    expect(maps).toContain("app/shared/signals.ts#STATUS_LABELS");
    expect(maps).toContain("app/shared/documents.ts#STATUS_LABELS");
    expect(allEntries.find((e) => e.file === "app/shared/signals.ts" && e.key === "nieuw")?.label).toBe("Nieuw");
  });

  it("reports a label map that copies another one", () => {
    const a = parse("a.ts", `export const STATUS_LABELS = { nieuw: "Nieuw", klaar: "Klaar" } as const;`);
    const b = parse("b.ts", `const SIGNAL_STATUS_LABELS: Record<string, string> = { ...X, nieuw: "Nieuw", done: "Klaar" };`);
    const c = parse("c.ts", `const DATE_LABELS = { opens: "Open", closes: "Dicht", later: "Later" };\nconst AGENDA_LABELS = { opens: "Open", closes: "Dicht" };`);
    const d = parse("d.tsx", `const KIND_LABELS = { document: "Document" };\nconst LINK_LABELS = { document: "Document", version: "Versie" };`);
    expect(duplicates([...labelEntries(a), ...labelEntries(b), ...labelEntries(c), ...labelEntries(d)])).toEqual([
      `a.ts#STATUS_LABELS and b.ts#SIGNAL_STATUS_LABELS both define nieuw → "Nieuw"`,
      `c.ts#DATE_LABELS and c.ts#AGENDA_LABELS both define opens → "Open", closes → "Dicht"`,
      `status label "Klaar" is defined in a.ts#STATUS_LABELS, b.ts#SIGNAL_STATUS_LABELS`,
    ]);
  });

  it("has no label defined in two label maps under app/", () => {
    expect(duplicates(allEntries)).toEqual([]);
  });

  it("keeps every status vocabulary in app/shared", () => {
    const outside = [...new Set(allEntries.filter((e) => /STATUS_LABELS$/.test(e.map) && !e.file.startsWith("app/shared/")).map((e) => `${e.file}#${e.map}`))];
    expect(outside).toEqual([]);
  });
});

// ------------------------------------------------------------------ one voice

const INFORMAL = /\b(je|jij|jou|jouw|jullie|jezelf)\b/i;
// The search stop-word list and the privacy guard's list of two-letter words name these words as data, not as text for the reader.
const NOT_UI = new Set(["app/domain/search/dutch.server.ts", "app/shared/privacy-guard.ts"]);

/** Text a reader can see: string and template literal parts and JSX text. */
function uiTexts(sf: ts.SourceFile): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  const add = (node: ts.Node, text: string) => out.push({ line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, text });
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isJsxText(node)) add(node, node.text);
    else if (ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) add(node, node.text);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

function informal(files: string[], read: (f: string) => ts.SourceFile = (f) => parse(f)): string[] {
  return files
    .filter((f) => !NOT_UI.has(f))
    .flatMap((f) => uiTexts(read(f)).filter((t) => INFORMAL.test(t.text)).map((t) => `${f}:${t.line}: ${t.text.trim()}`));
}

describe("UI text addresses the reader as u", () => {
  it("reports je, jij and jouw in strings and JSX text, not in code or comments", () => {
    const sf = parse("x.tsx", `// je mag dit\nconst je = 1;\nconst a = "Wie vraag je wat";\nconst b = <p>Dit is jouw signaal</p>;\nconst c = \`Weet \${je} het?\`;\nconst d = "Jeugdzorg en u";`);
    expect(informal(["x.tsx"], () => sf)).toEqual(["x.tsx:3: Wie vraag je wat", "x.tsx:4: Dit is jouw signaal"]);
  });

  it("finds none in app/ and server/", () => {
    expect(informal([...appFiles, ...sourceFiles("server")])).toEqual([]);
  });
});

// ------------------------------------------------------------------ one place for dates and numbers

describe("dates and numbers are formatted in app/shared", () => {
  // A formatter built per call costs ~67 µs and ~10 KB of native memory (issue 11).
  const PER_CALL = /\.toLocale(Date|Time)?String\(|new Intl\.(DateTimeFormat|NumberFormat)\(/;
  const HOMES = new Set(["app/shared/dates.ts", "app/shared/plural.ts"]);

  it("builds no formatter outside app/shared/dates.ts and app/shared/plural.ts", () => {
    const offenders = [...appFiles, ...sourceFiles("server")]
      .filter((f) => !HOMES.has(f))
      .flatMap((f) =>
        fs
          .readFileSync(path.join(ROOT, f), "utf8")
          .split("\n")
          .flatMap((line, i) => (PER_CALL.test(line) && !line.trim().startsWith("//") ? [`${f}:${i + 1}`] : [])),
      );
    expect(offenders).toEqual([]);
  });

  it("would notice one", () => {
    expect(PER_CALL.test(`x.toLocaleDateString("nl-NL")`)).toBe(true);
    expect(PER_CALL.test(`new Intl.DateTimeFormat("nl-NL", {})`)).toBe(true);
    expect(PER_CALL.test(`n.toLocaleString("nl-NL")`)).toBe(true);
  });
});
