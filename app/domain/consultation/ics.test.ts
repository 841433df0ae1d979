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
