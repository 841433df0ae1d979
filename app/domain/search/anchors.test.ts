import { describe, expect, it } from "vitest";
import { headingAnchor, headingAnchors } from "~/shared/anchors";

describe("headingAnchor", () => {
  it("folds diacritics, case and punctuation into a stable slug", () => {
    expect(headingAnchor("Continuïteit ondanks personeelswisselingen")).toBe("continuiteit-ondanks-personeelswisselingen");
    expect(headingAnchor("Overleg: EKO en OKO")).toBe("overleg-eko-en-oko");
    expect(headingAnchor("De acht thema's")).toBe("de-acht-thema-s");
    expect(headingAnchor("  Coördinatie — wie doet wat?  ")).toBe("coordinatie-wie-doet-wat");
  });

  it("never returns an empty anchor", () => {
    expect(headingAnchor("")).toBe("sectie");
    expect(headingAnchor("???")).toBe("sectie");
  });

  it("caps long headings without a trailing dash", () => {
    const a = headingAnchor(`${"woord ".repeat(40)}`);
    expect(a.length).toBeLessThanOrEqual(80);
    expect(a.endsWith("-")).toBe(false);
  });
});

describe("headingAnchors", () => {
  it("makes repeated headings unique in document order", () => {
    expect(headingAnchors(["Contact", "Wie doet wat", "Contact", "Contact", "Contact 2"])).toEqual([
      "contact",
      "wie-doet-wat",
      "contact-2",
      "contact-3",
      "contact-2-2",
    ]);
  });
});
