// Issue 10, class 3: what people type must not change the structure of the files we generate.
import { describe, expect, it } from "vitest";
import { buildCalendar, escapeIcsText, foldLine } from "./consultation/ics";
import { reactienotaHtml, type Reactienota } from "./consultation/reactienota.server";
import { csvCell, markdownInline, oneLine, safeFilename } from "./export-escape";

const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, "");

describe("iCalendar", () => {
  const evil = "Ingangsdatum\rATTENDEE:mailto:x@evil.example\nLOCATION:ergens\r\nX-EVIL:1\u2028BEGIN:VALARM";
  const ics = buildCalendar(
    [{ uid: "kp-1@ketenportaal\r\nX-UID:1", date: "2027-03-01", summary: evil, description: `Regel\r${"é".repeat(80)}`, url: "http://x.example/1\r\nX:1" }],
    { now: new Date("2026-11-22T10:00:00Z"), name: "Kalender\rX-NAME:1" },
  );
  const lines = unfold(ics).split("\r\n");

  it("escapes a bare CR, LF, CRLF and Unicode line separators: no property is added", () => {
    expect(escapeIcsText("a\rb\nc\r\nd\u2028e")).toBe("a\\nb\\nc\\nd\\ne");
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const names = lines.filter(Boolean).map((l) => l.split(/[:;]/)[0]);
    expect(names).toEqual(["BEGIN", "VERSION", "PRODID", "CALSCALE", "METHOD", "X-WR-CALNAME", "BEGIN", "UID", "DTSTAMP", "SEQUENCE", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION", "URL", "TRANSP", "END", "END"]);
    expect(lines.find((l) => l.startsWith("SUMMARY:"))).toBe("SUMMARY:Ingangsdatum\\nATTENDEE:mailto:x@evil.example\\nLOCATION:ergens\\nX-EVIL:1\\nBEGIN:VALARM");
    expect(lines.find((l) => l.startsWith("UID:"))).toBe("UID:kp-1@ketenportaalX-UID:1");
  });

  it("removes other control characters and folds at 75 octets", () => {
    expect(escapeIcsText("a\u0000b\u001bc\td")).toBe("abc\td");
    for (const l of ics.split("\r\n")) expect(new TextEncoder().encode(l).length).toBeLessThanOrEqual(75);
    expect(foldLine("X:" + "€".repeat(40)).split("\r\n").every((p) => new TextEncoder().encode(p).length <= 75)).toBe(true);
  });
});

describe("CSV", () => {
  it("neutralises formulas, also after spaces and in full-width forms", () => {
    for (const f of ["=HYPERLINK(\"http://x\")", "+31", "-2+3", "@SUM(A1)", " =1+1", "\t=1", "\r=1", "－1", "＝1+1", "|cmd", "%0A"]) {
      const cell = csvCell(f);
      expect(cell.replace(/^"/, "").startsWith("'"), f).toBe(true);
    }
    expect(csvCell("Werkom")).toBe("Werkom");
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell(1.5)).toBe("1,5");
    expect(csvCell(true)).toBe("ja");
  });

  it("quotes separators, quotes and every line break so a cell never becomes a new row", () => {
    expect(csvCell('a;b "c"')).toBe('"a;b ""c"""');
    expect(csvCell("a\rb")).toBe('"a\r\nb"');
    expect(csvCell("a\nb")).toBe('"a\r\nb"');
    expect(csvCell("a\u0000b")).toBe("ab");
  });
});

describe("Markdown, HTML, headers", () => {
  it("keeps a typed title on one heading line with Markdown and HTML characters escaped", () => {
    const md = `# ${markdownInline("Titel\n\n<script>alert(1)</script> *vet* [link](javascript:x)")}`;
    expect(md.split("\n")).toHaveLength(1);
    expect(md).not.toContain("<script>");
    expect(md).toContain("\\<script\\>");
    expect(md).toContain("\\*vet\\*");
    expect(md).toContain("\\[link\\]");
  });

  it("e-mail subjects and file names carry no line breaks or odd characters", () => {
    expect(oneLine("Nieuw\r\nBcc: x@evil.example\rX")).toBe("Nieuw Bcc: x@evil.example X");
    expect(oneLine("a".repeat(300))).toHaveLength(250);
    expect(safeFilename('signalen-"x\r\nSet-Cookie: a=b-€.csv')).toBe("signalen-x-Set-Cookie-a-b-.csv");
    expect(safeFilename("")).toBe("download");
  });

  it("the printable reactienota escapes typed text and keeps CRLF paragraphs as paragraphs", () => {
    const nota = {
      proposal: { title: "<b>Titel</b>", documentTitle: "Doc", statusLabel: "x", consultationOpens: null, consultationCloses: null, decidedAt: null, decidedByName: null, decisionNote: "", effectiveDate: null },
      comments: [
        { id: 1, number: 1, organisationName: "Org", authorName: "A", stance: "steun", createdAt: "2026-11-01T10:00:00Z", quote: "", anchor: null, text: "Eén\r\n\r\n<img src=x onerror=alert(1)>\rtwee", answer: null },
      ],
      totals: { comments: 1, answered: 0, overgenomen: 0, deels_overgenomen: 0, niet_overgenomen: 0 },
      complete: false,
    } as unknown as Reactienota;
    const html = reactienotaHtml(nota);
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<b>Titel");
    expect(html).toContain("<p>Eén</p><p>&lt;img src=x onerror=alert(1)&gt;<br>twee</p>");
  });
});
