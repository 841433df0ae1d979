import { describe, expect, it } from "vitest";
import { locate, makeAnchor, normalizeText } from "./anchor";

const text = `Het startgesprek
Na een aanvraag voor bijstand volgt een startgesprek met Werkom.
Werkom verwijst door naar het wijkteam via een warme overdracht.
Warme overdracht
Het wijkteam plant binnen tien werkdagen een driegesprek met Werkom.`;

describe("quote anchoring", () => {
  it("keeps the quote with about 32 characters of context on each side", () => {
    const a = makeAnchor(text, "verwijst door naar het wijkteam");
    expect(a).not.toBeNull();
    expect(a!.quote).toBe("verwijst door naar het wijkteam");
    expect(a!.prefix.length).toBe(32);
    expect(a!.prefix.endsWith("met Werkom. Werkom ")).toBe(true);
    expect(a!.suffix.startsWith(" via een warme overdracht")).toBe(true);
  });

  it("matches across different line wrapping and non-breaking spaces", () => {
    const a = makeAnchor(text, "verwijst door\n naar het\u00a0wijkteam");
    expect(a?.quote).toBe("verwijst door naar het wijkteam");
  });

  it("refuses a quote that is not in the text", () => {
    expect(makeAnchor(text, "een zin die er niet staat")).toBeNull();
    expect(makeAnchor(text, "   ")).toBeNull();
  });

  it("finds the passage again after text was inserted before it (moved)", () => {
    const a = makeAnchor(text, "binnen tien werkdagen")!;
    const moved = `Inleiding die er later bij kwam.\n${text}`;
    const found = locate(moved, a);
    expect(found.state).toBe("exact");
    if (found.state === "exact") expect(normalizeText(moved).slice(found.index, found.index + a.quote.length)).toBe("binnen tien werkdagen");
  });

  it("picks the right one of several occurrences by its surroundings", () => {
    const a = makeAnchor(text, "Werkom", "driegesprek met ")!;
    expect(a.prefix.endsWith("driegesprek met ")).toBe(true);
    const found = locate(text, a);
    expect(found.state).toBe("exact");
    if (found.state === "exact") expect(found.index).toBe(normalizeText(text).lastIndexOf("Werkom"));
  });

  it("reports a changed passage between the kept prefix and suffix", () => {
    const a = makeAnchor(text, "binnen tien werkdagen")!;
    const edited = text.replace("binnen tien werkdagen", "binnen vijf werkdagen");
    const found = locate(edited, a);
    expect(found).toEqual({ state: "changed", index: expect.any(Number), passage: "binnen vijf werkdagen" });
  });

  it("reports a passage that is gone", () => {
    const a = makeAnchor(text, "binnen tien werkdagen")!;
    expect(locate("Een heel andere tekst zonder de passage.", a)).toEqual({ state: "missing" });
  });
});
