import { describe, expect, test } from "vitest";
import { diffDocuments, diffStats, diffWords, myersDiff } from "./diff";

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
