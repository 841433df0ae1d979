import { describe, expect, it } from "vitest";
import { buildCalendar, escapeIcsText, foldLine } from "./ics";

describe("iCalendar (RFC 5545)", () => {
  const ics = buildCalendar(
    [
      {
        uid: "kp-voorstel-7-ingangsdatum@ketenportaal",
        date: "2027-03-01",
        summary: "Ingangsdatum: Startgesprekken voortaan door Werkom; met komma's, puntkomma's en een heel lange titel die gevouwen moet worden",
        description: "Regel één\nRegel twee met een backslash \\ en ëën accent",
        url: "http://localhost:3000/wijzigingen/7",
        sequence: 2,
      },
    ],
    { now: new Date("2026-11-22T10:11:12.345Z"), name: "Ketenportaal" },
  );

  it("uses CRLF line endings only", () => {
    expect(ics.endsWith("\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it("folds lines at 75 octets with a leading space on continuation lines", () => {
    const lines = ics.split("\r\n");
    for (const l of lines) expect(new TextEncoder().encode(l).length).toBeLessThanOrEqual(75);
    expect(lines.some((l) => l.startsWith(" "))).toBe(true);
    const unfolded = ics.replace(/\r\n /g, "");
    expect(unfolded).toContain("SUMMARY:Ingangsdatum: Startgesprekken voortaan door Werkom\\; met komma\\'s".replace("\\'", "'"));
  });

  it("has an all-day event with UID, DTSTAMP and SEQUENCE", () => {
    const unfolded = ics.replace(/\r\n /g, "");
    expect(unfolded).toMatch(/^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\nPRODID:/);
    expect(unfolded).toContain("UID:kp-voorstel-7-ingangsdatum@ketenportaal\r\n");
    expect(unfolded).toContain("DTSTAMP:20261122T101112Z\r\n");
    expect(unfolded).toContain("DTSTART;VALUE=DATE:20270301\r\n");
    expect(unfolded).toContain("DTEND;VALUE=DATE:20270302\r\n");
    expect(unfolded).toContain("SEQUENCE:2\r\n");
    expect(unfolded).toContain("DESCRIPTION:Regel één\\nRegel twee met een backslash \\\\ en ëën accent\r\n");
    expect(unfolded.trim().endsWith("END:VEVENT\r\nEND:VCALENDAR")).toBe(true);
  });

  it("escapes text values", () => {
    expect(escapeIcsText("a,b;c\\d\ne")).toBe("a\\,b\\;c\\\\d\\ne");
  });

  it("never splits a multi-byte character when folding", () => {
    const folded = foldLine("DESCRIPTION:" + "é".repeat(100));
    for (const part of folded.split("\r\n")) expect(() => decodeURIComponent(encodeURIComponent(part))).not.toThrow();
    expect(folded.replace(/\r\n /g, "")).toBe("DESCRIPTION:" + "é".repeat(100));
  });
});

describe("a cancelled ingangsdatum", () => {
  const now = new Date("2026-11-05T09:00:00Z");
  const earlier = { uid: "kp-voorstel-7-ingangsdatum@ketenportaal", date: "2027-03-01", summary: "Ingangsdatum: Warme overdracht", description: "Gaat in.", sequence: 0 };
  const cancelled = { ...earlier, summary: "Vervallen: ingangsdatum Warme overdracht", sequence: 1, cancelled: true };
  const unfold = (s: string) => s.replace(/\r\n /g, "");
  const field = (ics: string, name: string) => unfold(ics).split("\r\n").filter((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`));

  it("goes out as METHOD:CANCEL under the same UID, a higher SEQUENCE and STATUS:CANCELLED", () => {
    const original = buildCalendar([earlier], { now });
    const cancel = buildCalendar([cancelled], { now, method: "CANCEL", organizer: { name: "Ketenportaal", email: "noreply@ketenportaal.example" } });
    expect(field(cancel, "METHOD")).toEqual(["METHOD:CANCEL"]);
    expect(field(cancel, "UID")).toEqual(field(original, "UID"));
    const seq = (ics: string) => Number(field(ics, "SEQUENCE")[0].split(":")[1]);
    expect(seq(cancel)).toBeGreaterThan(seq(original));
    expect(field(cancel, "STATUS")).toEqual(["STATUS:CANCELLED"]);
    expect(field(cancel, "ORGANIZER")).toEqual(['ORGANIZER;CN="Ketenportaal":mailto:noreply@ketenportaal.example']);
    expect(field(original, "STATUS")).toEqual([]);
    expect(unfold(cancel)).toMatch(/BEGIN:VEVENT\r\n[\s\S]*STATUS:CANCELLED[\s\S]*END:VEVENT\r\nEND:VCALENDAR\r\n$/);
  });

  it("stays a cancelled event inside a PUBLISH calendar that also carries live dates, and CANCEL refuses live ones", () => {
    const live = { uid: "kp-voorstel-7-consultatie-sluit@ketenportaal", date: "2026-11-20", summary: "Uiterste reactiedatum", description: "" };
    const both = unfold(buildCalendar([live, cancelled], { now }));
    expect(both).toContain("METHOD:PUBLISH\r\n");
    const events = both.split("BEGIN:VEVENT").slice(1);
    expect(events[0]).not.toContain("STATUS:CANCELLED");
    expect(events[1]).toContain("UID:kp-voorstel-7-ingangsdatum@ketenportaal\r\n");
    expect(events[1]).toContain("STATUS:CANCELLED\r\n");
    expect(() => buildCalendar([live], { now, method: "CANCEL" })).toThrow();
  });
});
