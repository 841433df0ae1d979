import { describe, expect, test } from "vitest";
import { countFormatChanges, diffDocuments, diffStats, diffWords, myersDiff } from "./diff";

function state(blocks: Array<{ type: string; text: string; tag?: string; listType?: string }>): string {
  const children = [] as unknown[];
  for (const b of blocks) {
    const inline = [{ type: "text", text: b.text, format: 0, version: 1 }];
    if (b.type === "listitem") {
      children.push({ type: "list", listType: b.listType ?? "bullet", tag: "ul", children: [{ type: "listitem", children: inline }] });
    } else children.push({ type: b.type, tag: b.tag, children: inline });
  }
  return JSON.stringify({ root: { type: "root", children } });
}

const apply = (segments: { type: string; text: string }[], side: "a" | "b") =>
  segments.filter((s) => s.type === "same" || s.type === (side === "a" ? "del" : "add")).map((s) => s.text).join("");

describe("myersDiff", () => {
  test("finds a shortest edit script that reproduces both sides", () => {
    const a = "ABCABBA".split("");
    const b = "CBABAC".split("");
    const ops = myersDiff(a, b);
    expect(ops.filter((o) => o.op !== "add").map((o) => o.value).join("")).toBe("ABCABBA");
    expect(ops.filter((o) => o.op !== "del").map((o) => o.value).join("")).toBe("CBABAC");
    expect(ops.filter((o) => o.op !== "same").length).toBe(5); // D = 5 for this classic example
  });

  test("handles empty sides", () => {
    expect(myersDiff([], ["x"])).toEqual([{ op: "add", value: "x" }]);
    expect(myersDiff(["x"], [])).toEqual([{ op: "del", value: "x" }]);
    expect(myersDiff([], [])).toEqual([]);
  });
});

describe("diffWords", () => {
  test("marks changed words and keeps the rest", () => {
    const segs = diffWords("De startgesprekken blijven bij de wijkteams.", "De startgesprekken gaan naar Werkom.");
    expect(apply(segs, "a")).toBe("De startgesprekken blijven bij de wijkteams.");
    expect(apply(segs, "b")).toBe("De startgesprekken gaan naar Werkom.");
    expect(segs[0]).toEqual({ type: "same", text: "De startgesprekken " });
    expect(segs.find((s) => s.type === "del")?.text).toContain("wijkteams");
    expect(segs.find((s) => s.type === "add")?.text).toContain("Werkom");
  });

  test("punctuation changes are isolated", () => {
    const segs = diffWords("binnen tien werkdagen,", "binnen tien werkdagen.");
    expect(segs).toEqual([
      { type: "same", text: "binnen tien werkdagen" },
      { type: "del", text: "," },
      { type: "add", text: "." },
    ]);
  });
});

describe("diffDocuments", () => {
  const v1 = state([
    { type: "heading", tag: "h2", text: "Het startgesprek" },
    { type: "paragraph", text: "De wijkteams voeren de startgesprekken samen met Uitkeringen." },
    { type: "listitem", text: "Werkom begeleidt naar werk" },
    { type: "paragraph", text: "Terugblik op het EKO van 2024." },
  ]);
  const v2 = state([
    { type: "heading", tag: "h2", text: "Het startgesprek" },
    { type: "paragraph", text: "Werkom voert de startgesprekken samen met Uitkeringen." },
    { type: "listitem", text: "Werkom begeleidt naar werk" },
    { type: "heading", tag: "h2", text: "Registratie" },
  ]);

  test("per block: same, changed with word diff, removed and added", () => {
    const blocks = diffDocuments(v1, v2);
    expect(blocks.map((b) => `${b.kind}:${b.status}`)).toEqual([
      "heading:same",
      "paragraph:changed",
      "listitem:same",
      "paragraph:removed",
      "heading:added",
    ]);
    const changed = blocks[1];
    expect(changed.segments).toContainEqual({ type: "del", text: "De wijkteams voeren" });
    expect(changed.segments).toContainEqual({ type: "add", text: "Werkom voert" });
    expect(blocks[2].tag).toBe("ul");
    expect(diffStats(blocks)).toEqual({ addedWords: 3, removedWords: 9, changedBlocks: 3 });
  });

  test("identical documents have no changes", () => {
    expect(diffStats(diffDocuments(v1, v1)).changedBlocks).toBe(0);
  });
});

describe("formatting changes (issue 14)", () => {
  type Inline = { text: string; format?: number; url?: string };
  const inline = (parts: Inline[]) =>
    parts.map((p) => {
      const text = { type: "text", text: p.text, format: p.format ?? 0, version: 1 };
      return p.url ? { type: "link", url: p.url, children: [text] } : text;
    });
  const doc = (...children: unknown[]) => JSON.stringify({ root: { type: "root", children } });
  const heading = (tag: string, parts: Inline[]) => ({ type: "heading", tag, children: inline(parts) });
  const para = (parts: Inline[]) => ({ type: "paragraph", children: inline(parts) });
  const list = (listType: string, items: string[]) => ({ type: "list", listType, children: items.map((t) => ({ type: "listitem", children: inline([{ text: t }]) })) });
  const labels = (a: string, b: string) => diffDocuments(a, b).flatMap((blk) => (blk.formatChanges ?? []).map((c) => c.label));

  test("a link added inside a heading is a change with a Dutch label", () => {
    const a = doc(heading("h2", [{ text: "Aanmelden bij Werkom" }]));
    const b = doc(heading("h2", [{ text: "Aanmelden bij " }, { text: "Werkom", url: "https://www.werkom.nl/" }]));
    const blocks = diffDocuments(a, b);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toMatchObject({ kind: "heading", tag: "h2", status: "changed" });
    expect(blocks[0].formatChanges).toEqual([{ kind: "link-added", label: "Link toegevoegd: ‘Werkom’ → https://www.werkom.nl/" }]);
    expect(diffStats(blocks)).toMatchObject({ changedBlocks: 1, addedWords: 0 });
    expect(countFormatChanges(blocks)).toBe(1);
  });

  test("links removed and changed", () => {
    const a = doc(para([{ text: "Zie " }, { text: "de regeling", url: "https://zaanstad.nl/a" }, { text: " en " }, { text: "het loket", url: "https://zaanstad.nl/loket" }]));
    const b = doc(para([{ text: "Zie " }, { text: "de regeling", url: "https://zaanstad.nl/b" }, { text: " en het loket" }]));
    expect(labels(a, b)).toEqual([
      "Link gewijzigd: ‘de regeling’ → https://zaanstad.nl/b (was https://zaanstad.nl/a)",
      "Link verwijderd: ‘het loket’ (was https://zaanstad.nl/loket)",
    ]);
  });

  test("bold and italic made and taken away", () => {
    const a = doc(para([{ text: "Dit is " }, { text: "verplicht", format: 2 }, { text: " voor iedereen." }]));
    const b = doc(para([{ text: "Dit is " }, { text: "verplicht", format: 1 }, { text: " voor iedereen." }]));
    expect(labels(a, b)).toEqual(["Vet gemaakt: ‘verplicht’", "Niet meer cursief: ‘verplicht’"]);
  });

  test("heading level, text becoming a heading, and list type", () => {
    expect(labels(doc(heading("h2", [{ text: "Termijnen" }])), doc(heading("h3", [{ text: "Termijnen" }])))).toEqual([
      "Opmaak gewijzigd: kop niveau 2 → kop niveau 3",
    ]);
    expect(labels(doc(para([{ text: "Termijnen" }])), doc(heading("h2", [{ text: "Termijnen" }])))).toEqual(["Opmaak gewijzigd: gewone tekst → kop niveau 2"]);
    const blocks = diffDocuments(doc(list("bullet", ["Intake", "Besluit"])), doc(list("number", ["Intake", "Besluit"])));
    expect(blocks.map((b) => b.status)).toEqual(["changed", "changed"]);
    expect(blocks[0].formatChanges?.[0].label).toBe("Soort lijst gewijzigd: opsomming → genummerde lijst");
  });

  test("unchanged formatting is not a change, and a text change keeps its word diff", () => {
    const a = doc(para([{ text: "Zie " }, { text: "de regeling", url: "https://zaanstad.nl/a", format: 1 }]));
    expect(diffDocuments(a, a).map((b) => b.status)).toEqual(["same"]);
    const b = doc(para([{ text: "Lees " }, { text: "de regeling", url: "https://zaanstad.nl/a", format: 1 }]));
    const [blk] = diffDocuments(a, b);
    expect(blk.status).toBe("changed");
    expect(blk.formatChanges).toBeUndefined();
    expect(blk.segments.filter((s) => s.type !== "same").map((s) => s.text)).toEqual(["Zie", "Lees"]);
  });
});
