import { describe, expect, it } from "vitest";
import { addWorkingDays, easterSunday, holidays, holidayName, isWorkingDay, workingDaysBetween } from "./working-days";

describe("Dutch public holidays 2025–2028", () => {
  it("computes Easter", () => {
    expect(easterSunday(2025)).toBe("2025-04-20");
    expect(easterSunday(2026)).toBe("2026-04-05");
    expect(easterSunday(2027)).toBe("2027-03-28");
    expect(easterSunday(2028)).toBe("2028-04-16");
  });

  const expected: Record<number, string[]> = {
    2025: ["2025-01-01", "2025-04-21", "2025-04-26", "2025-05-05", "2025-05-29", "2025-06-09", "2025-12-25", "2025-12-26"],
    2026: ["2026-01-01", "2026-04-06", "2026-04-27", "2026-05-14", "2026-05-25", "2026-12-25", "2026-12-26"],
    2027: ["2027-01-01", "2027-03-29", "2027-04-27", "2027-05-06", "2027-05-17", "2027-12-25", "2027-12-26"],
    2028: ["2028-01-01", "2028-04-17", "2028-04-27", "2028-05-25", "2028-06-05", "2028-12-25", "2028-12-26"],
  };
  for (const [year, dates] of Object.entries(expected)) {
    it(`lists the days off in ${year}`, () => {
      expect(holidays(Number(year)).map((h) => h.date)).toEqual(dates);
    });
  }

  it("moves Koningsdag to Saturday 26 April when the 27th is a Sunday (2025)", () => {
    expect(holidayName("2025-04-26")).toBe("Koningsdag");
    expect(holidayName("2025-04-27")).toBeNull();
  });

  it("counts Bevrijdingsdag only in a lustrum year", () => {
    expect(isWorkingDay("2025-05-05")).toBe(false);
    expect(isWorkingDay("2026-05-05")).toBe(true);
    expect(isWorkingDay("2027-05-05")).toBe(true);
    expect(isWorkingDay("2028-05-05")).toBe(true);
  });

  it("keeps Goede Vrijdag a working day (decision 301)", () => {
    expect(isWorkingDay("2025-04-18")).toBe(true);
    expect(isWorkingDay("2026-04-03")).toBe(true);
    expect(isWorkingDay("2027-03-26")).toBe(true);
    expect(isWorkingDay("2028-04-14")).toBe(true);
  });

  it("skips weekends", () => {
    expect(isWorkingDay("2026-11-21")).toBe(false);
    expect(isWorkingDay("2026-11-22")).toBe(false);
    expect(isWorkingDay("2026-11-23")).toBe(true);
  });
});

describe("addWorkingDays / workingDaysBetween", () => {
  it("does not count the start day", () => {
    expect(addWorkingDays("2026-11-16", 0)).toBe("2026-11-16");
    expect(addWorkingDays("2026-11-16", 1)).toBe("2026-11-17");
    expect(addWorkingDays("2026-11-20", 1)).toBe("2026-11-23"); // Friday → Monday
    expect(addWorkingDays("2026-11-21", 1)).toBe("2026-11-23"); // reported on Saturday
  });

  it("skips Christmas and New Year", () => {
    expect(addWorkingDays("2025-12-22", 5)).toBe("2025-12-31");
    expect(addWorkingDays("2025-12-31", 1)).toBe("2026-01-02");
  });

  it("skips Easter Monday but not Good Friday", () => {
    expect(addWorkingDays("2026-04-02", 2)).toBe("2026-04-07");
  });

  it("gives 20 working days for the default term", () => {
    expect(addWorkingDays("2026-10-20", 20)).toBe("2026-11-17");
    // May 2025: Bevrijdingsdag and Hemelvaart fall inside the term.
    expect(addWorkingDays("2025-05-01", 20)).toBe("2025-06-02");
  });

  it("is the inverse of workingDaysBetween", () => {
    for (const start of ["2025-04-15", "2025-12-19", "2026-05-08", "2027-03-25", "2028-12-22"]) {
      for (const n of [0, 1, 5, 20, 60]) {
        expect(workingDaysBetween(start, addWorkingDays(start, n))).toBe(n);
      }
    }
    expect(workingDaysBetween("2026-11-17", "2026-11-10")).toBe(-5);
  });

  it("refuses a negative term", () => {
    expect(() => addWorkingDays("2026-01-01", -1)).toThrow();
  });
});
