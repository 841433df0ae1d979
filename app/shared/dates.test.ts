import { describe, expect, it } from "vitest";
import { amsterdamDate, formatDate, formatIsoDateNl } from "./dates";

// Amsterdam is UTC+1 in winter and UTC+2 in summer; clocks go forward on the last Sunday of
// March at 01:00 UTC and back on the last Sunday of October at 01:00 UTC (2026: 29 March, 25 October).
describe("dates are read in Europe/Amsterdam", () => {
  it("dates an instant shortly after local midnight on the local day, not the UTC day", () => {
    // 00:47 on 11 March in Amsterdam is 23:47 on 10 March in UTC.
    expect(amsterdamDate("2026-03-10T23:47:00.000Z")).toBe("2026-03-11");
    expect(formatDate("2026-03-10T23:47:00.000Z")).toBe("11 maart 2026");
    expect(formatDate("2026-03-10T23:47:00.000Z", true)).toBe("11 maart 2026 om 00:47");
    expect(formatIsoDateNl("2026-03-10T23:47:00.000Z")).toBe("11 maart 2026");
    // One minute before local midnight stays on the 10th.
    expect(formatDate("2026-03-10T22:59:00.000Z", true)).toBe("10 maart 2026 om 23:59");
  });

  it("keeps a calendar day as it is, whatever the time zone of the process", () => {
    expect(formatDate("2026-03-11")).toBe("11 maart 2026");
    expect(formatIsoDateNl("2026-12-31")).toBe("31 december 2026");
    expect(amsterdamDate("2026-01-01")).toBe("2026-01-01");
  });

  it("follows the switch to summer time (last Sunday of March)", () => {
    // Before the switch: UTC+1.
    expect(formatDate("2026-03-28T23:30:00.000Z", true)).toBe("29 maart 2026 om 00:30");
    expect(formatDate("2026-03-29T00:59:00.000Z", true)).toBe("29 maart 2026 om 01:59");
    // From 01:00 UTC: UTC+2, so 02:00–03:00 local does not exist.
    expect(formatDate("2026-03-29T01:00:00.000Z", true)).toBe("29 maart 2026 om 03:00");
    // 22:30 UTC on the Sunday is already Monday in Amsterdam (it would still be Sunday in winter).
    expect(amsterdamDate("2026-03-29T22:30:00.000Z")).toBe("2026-03-30");
    expect(amsterdamDate("2026-03-27T22:30:00.000Z")).toBe("2026-03-27");
  });

  it("follows the switch back to winter time (last Sunday of October)", () => {
    expect(amsterdamDate("2026-10-24T22:30:00.000Z")).toBe("2026-10-25"); // 00:30 CEST
    expect(formatDate("2026-10-25T00:30:00.000Z", true)).toBe("25 oktober 2026 om 02:30"); // first 02:30 (CEST)
    expect(formatDate("2026-10-25T01:30:00.000Z", true)).toBe("25 oktober 2026 om 02:30"); // second 02:30 (CET)
    expect(amsterdamDate("2026-10-25T22:30:00.000Z")).toBe("2026-10-25"); // 23:30 CET, still Sunday
    expect(amsterdamDate("2026-10-25T23:30:00.000Z")).toBe("2026-10-26");
  });

  it("says so when there is no date", () => {
    expect(formatDate(null)).toBe("—");
    expect(formatDate("")).toBe("—");
    expect(formatDate("geen datum")).toBe("—");
    expect(formatIsoDateNl(undefined)).toBe("nog niet bepaald");
    expect(formatIsoDateNl("geen datum")).toBe("nog niet bepaald");
    expect(() => amsterdamDate("geen datum")).toThrow();
  });

  it("gives the same text when a cached formatter is reused", () => {
    const first = formatDate("2026-07-01T10:00:00.000Z", true);
    formatDate("2026-07-01");
    expect(formatDate("2026-07-01T10:00:00.000Z", true)).toBe(first);
    expect(first).toBe("1 juli 2026 om 12:00");
  });
});
