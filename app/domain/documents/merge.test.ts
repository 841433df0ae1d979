import { describe, expect, it } from "vitest";
import { mergeDraftBlocks } from "./merge";

const p = (text: string) => ({ type: "paragraph", children: [{ type: "text", text, format: 0 }] });
const texts = (nodes: unknown[]) => nodes.map((n) => (n as { children: { text: string }[] }).children[0].text);

describe("three-way merge of the draft onto the decided text", () => {
  const base = [p("A"), p("B"), p("C")];
  it("keeps changes on different blocks from both sides", () => {
    expect(texts(mergeDraftBlocks(base, [p("A"), p("B2"), p("C"), p("D")], [p("A1"), p("B"), p("C")]))).toEqual(["A1", "B2", "C", "D"]);
  });
  it("takes the decided text when only the decision changed", () => {
    expect(texts(mergeDraftBlocks(base, base, [p("A"), p("C")]))).toEqual(["A", "C"]);
  });
  it("where both changed the same block, the decided block comes first and the draft's follows", () => {
    expect(texts(mergeDraftBlocks(base, [p("A"), p("B draft"), p("C")], [p("A"), p("B besluit"), p("C")]))).toEqual(["A", "B besluit", "B draft", "C"]);
  });
  it("a block the draft removed stays removed unless the decision changed it", () => {
    expect(texts(mergeDraftBlocks(base, [p("A"), p("C")], [p("A"), p("B"), p("C"), p("E")]))).toEqual(["A", "C", "E"]);
  });
});
