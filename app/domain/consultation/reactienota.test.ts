import { describe, expect, it } from "vitest";
import { reactienotaHtml, type Reactienota } from "./reactienota.server";

// The printable reactienota dated an answer given at 00:47 local time on the previous day,
// because it took the UTC calendar day of the timestamp.
function nota(answeredAt: string, createdAt: string): Reactienota {
  return {
    proposal: {
      id: 1,
      title: "Warme overdracht",
      status: "in_besluitvorming",
      statusLabel: "In besluitvorming",
      documentTitle: "Werkafspraken",
      documentSlug: "werkafspraken",
      consultationOpens: "2026-03-02",
      consultationCloses: "2026-03-27",
      decidedAt: null,
      decidedByName: null,
      decisionNote: "",
      effectiveDate: null,
    },
    round: null,
    comments: [
      {
        id: 7,
        number: 1,
        authorName: "Petra Jansen",
        organisationName: "DOCK",
        stance: "zorg",
        quote: null,
        anchor: null,
        passage: null,
        suggestion: null,
        replies: [],
        text: "Reactie",
        createdAt,
        answer: { decision: "overgenomen", text: "Antwoord", textChange: "", answeredByName: "Sanne de Vries", answeredAt },
      },
    ],
    totals: { comments: 1, answered: 1, overgenomen: 1, deels_overgenomen: 0, niet_overgenomen: 0 },
    complete: true,
  };
}

describe("reactienota dates", () => {
  it("dates an answer given at 00:47 Amsterdam time on that Amsterdam day", () => {
    const html = reactienotaHtml(nota("2026-03-10T23:47:00.000Z", "2026-03-09T12:00:00.000Z"));
    expect(html).toContain("(Sanne de Vries, 11 maart 2026)");
    expect(html).not.toContain("10 maart 2026");
  });

  it("dates a comment made just after midnight on the night clocks go forward", () => {
    const html = reactienotaHtml(nota("2026-03-30T08:00:00.000Z", "2026-03-29T22:30:00.000Z"));
    expect(html).toContain("Petra Jansen · Zorg · 30 maart 2026");
  });

  it("writes the number of reactions in the right form", () => {
    const html = reactienotaHtml(nota("2026-03-10T10:00:00.000Z", "2026-03-09T12:00:00.000Z"));
    expect(html).toContain("1 reactie, waarvan 1 overgenomen");
    expect(html).toContain("Consultatie van 2 maart 2026 tot en met 27 maart 2026.");
  });
});
