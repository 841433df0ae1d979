// Excerpts are cut in JavaScript (decision 402): a window of words around the densest cluster
// of matches, two words of lead-in, ellipses where text was left out, matches marked.
import { describe, expect, it } from "vitest";
import { excerptAround, stripMarkers } from "./query.server";
import { HL_END, HL_START } from "./types";

const words = (n: number, w = "tekst") => Array.from({ length: n }, (_, i) => `${w}${i}`).join(" ");
const is = (...terms: string[]) => (t: string) => terms.includes(t);
const marked = (s: string) => [...s.matchAll(new RegExp(`${HL_START}(.*?)${HL_END}`, "g"))].map((m) => m[1]);

describe("excerptAround", () => {
  it("returns a short text whole, with its matches marked and no ellipsis", () => {
    const out = excerptAround("De warme overdracht naar Werkom.", is("overdracht"));
    expect(out).toBe(`De warme ${HL_START}overdracht${HL_END} naar Werkom.`);
  });

  it("starts at the beginning, unmarked, when nothing matches", () => {
    const text = words(60);
    const out = excerptAround(text, () => false, 10);
    expect(out).toBe(`${words(10)}…`);
    expect(marked(out)).toEqual([]);
  });

  it("chooses the window with the most matches, not the first match", () => {
    // One match early, three close together near the end.
    const text = `${words(5)} schuld ${words(40, "a")} schuld b1 schuld b2 schuld ${words(20, "c")}`;
    const out = excerptAround(text, is("schuld"), 10);
    expect(marked(out)).toEqual(["schuld", "schuld", "schuld"]);
    expect(out.startsWith("…")).toBe(true);
    expect(out.endsWith("…")).toBe(true);
    // Two words of lead-in before the first match of the cluster.
    expect(stripMarkers(out)).toMatch(/^…a38 a39 schuld b1/);
  });

  it("keeps the lead-in inside the text and never cuts a counted match at the end", () => {
    const text = `${words(30)} einde schuld`;
    const out = excerptAround(text, is("schuld"), 8);
    expect(out.endsWith(`${HL_START}schuld${HL_END}`)).toBe(true);
    expect(stripMarkers(out).split(" ").length).toBe(8);
  });

  it("folds accents and case before matching, and returns the empty string for no words", () => {
    expect(marked(excerptAround("Één Cliënt vraagt hulp", is("client")))).toEqual(["Cliënt"]);
    expect(excerptAround("  … ", is("x"))).toBe("");
  });

  it("keeps the punctuation at the ends of the text, not inside a cut", () => {
    expect(excerptAround("“Eerst lezen.”", () => false)).toBe("“Eerst lezen.”");
    expect(excerptAround(`${words(20)}, slot.`, () => false, 5)).toBe(`${words(5)}…`);
  });
});
