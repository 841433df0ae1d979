import { describe, expect, it } from "vitest";
import { PROPOSAL_STATUSES, TRANSITIONS, canTransition } from "./proposals";

describe("proposal states", () => {
  it("allows only the documented transitions", () => {
    expect(canTransition("concept", "in_consultatie")).toBe(true);
    expect(canTransition("in_consultatie", "in_besluitvorming")).toBe(true);
    expect(canTransition("in_besluitvorming", "vastgesteld")).toBe(true);
    expect(canTransition("vastgesteld", "van_kracht")).toBe(true);
    expect(canTransition("van_kracht", "geevalueerd")).toBe(true);
    expect(canTransition("vastgesteld", "concept")).toBe(false);
    expect(canTransition("concept", "vastgesteld")).toBe(false);
    expect(canTransition("van_kracht", "ingetrokken")).toBe(false);
    expect(canTransition("geevalueerd", "van_kracht")).toBe(false);
  });

  it("has no way back to concept and no way out of the end states", () => {
    for (const s of PROPOSAL_STATUSES) expect(TRANSITIONS[s]).not.toContain("concept");
    expect(TRANSITIONS.geevalueerd).toEqual([]);
    expect(TRANSITIONS.ingetrokken).toEqual([]);
  });
});
