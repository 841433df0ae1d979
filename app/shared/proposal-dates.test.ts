import { describe, expect, it } from "vitest";
import { isIsoDate, isMovable, timelineErrors } from "./proposal-dates";
import { workingDaysBefore } from "./working-days";

describe("timeline", () => {
  const ok = { consultationOpens: "2026-11-10", consultationCloses: "2026-12-08", decisionPlanned: "2026-12-15", effectiveDate: "2027-03-01", evaluationDate: "2027-09-01" };

  it("accepts dates in order and empty dates", () => {
    expect(timelineErrors(ok)).toEqual({});
    expect(timelineErrors({ ...ok, decisionPlanned: null, evaluationDate: null })).toEqual({});
  });

  it("explains, in Dutch, which date is out of order", () => {
    expect(timelineErrors({ ...ok, effectiveDate: "2026-12-01" }).effectiveDate).toMatch(/ingangsdatum ligt na het sluiten/i);
    expect(timelineErrors({ ...ok, evaluationDate: "2027-03-01" }).evaluationDate).toMatch(/evaluatie ligt na de ingangsdatum/i);
    expect(timelineErrors({ ...ok, consultationCloses: "2026-11-10" }).consultationCloses).toMatch(/sluiten na de dag/);
    expect(timelineErrors({ ...ok, effectiveDate: "2027-02-30" }).effectiveDate).toMatch(/geldige datum/);
  });

  it("checks real calendar dates", () => {
    expect(isIsoDate("2027-02-28")).toBe(true);
    expect(isIsoDate("2027-02-29")).toBe(false);
    expect(isIsoDate("1-3-2027")).toBe(false);
  });

  it("fixes each date once its moment has passed", () => {
    expect(isMovable("consultationOpens", "in_consultatie")).toBe(false);
    expect(isMovable("consultationCloses", "in_consultatie")).toBe(true);
    expect(isMovable("consultationCloses", "in_besluitvorming")).toBe(false);
    expect(isMovable("effectiveDate", "vastgesteld")).toBe(true);
    expect(isMovable("effectiveDate", "van_kracht")).toBe(false);
    expect(isMovable("evaluationDate", "van_kracht")).toBe(true);
  });

  it("counts working days back, skipping weekends and holidays", () => {
    // Tuesday 8 December 2026: five working days earlier is Tuesday 1 December.
    expect(workingDaysBefore("2026-12-08", 5)).toBe("2026-12-01");
    expect(workingDaysBefore("2026-12-08", 1)).toBe("2026-12-07");
    // Monday → the Friday before.
    expect(workingDaysBefore("2026-12-07", 1)).toBe("2026-12-04");
    // Across Christmas: 28 December 2026 (Monday) minus 1 → Thursday 24 December.
    expect(workingDaysBefore("2026-12-28", 1)).toBe("2026-12-24");
  });
});
