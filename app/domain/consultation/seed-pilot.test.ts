// The demo of issue 12: the startgesprekken proposal shows "tot nader orde" in its date
// history and states its goals; the pilot individuele begeleiding shows both phases, the
// evaluation per goal and the conclusion per goal, with the follow-up it led to.
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoIfEmpty } from "../seed/index.server";
import { seededProposalId } from "./seed.server";
import { actor } from "./test-support.server";
import { getGoalsPage, getProposalView, getTimeline } from "./view.server";

beforeAll(async () => {
  await seedDemoIfEmpty();
}, 60_000);

describe("demo content for pilots, goals and uncertain dates", () => {
  it("shows the startgesprekken date history including tot nader orde, and its goals", () => {
    const id = seededProposalId("Startgesprekken bij een bijstandsaanvraag voortaan gevoerd door Werkom")!;
    const t = getTimeline({ actor: actor("werkom@werkom.example"), id });
    expect(t.changes.map((c) => [c.oldValue, c.newValue])).toEqual([["2027-01-01", "2027-03-01"], ["2027-03-01", null], [null, "2027-03-01"]]);
    expect(t.changes[1].reason).toContain("Tot nader orde");
    expect(t.dates.find((d) => d.field === "effectiveDate")).toMatchObject({ value: "2027-03-01", unknown: null });
    expect(getProposalView({ actor: actor("werkom@werkom.example"), id }).goals).toHaveLength(3);
  });

  it("shows the IB pilot as a pilot that became regular after its evaluation and a consultation on the result", () => {
    const id = seededProposalId("Lichte individuele begeleiding door de wijkteams: eerst een pilot, daarna in de brede opdracht")!;
    const page = getGoalsPage({ actor: actor("regisseur.wmo@zaanstad.example"), id });
    expect(page.proposal.status).toBe("geevalueerd");
    expect(page.pilot).toMatchObject({ phase: "regulier", allAnswered: true, resultConsultation: "gelopen", cleared: true, starts: "2020-01-01", effectiveDate: "2024-01-01" });
    expect(page.goals).toHaveLength(3);
    expect(page.goals.every((g) => g.answers.length === 3 && g.conclusions.length === 2)).toBe(true);
    expect(page.goals[2].conclusions.find((c) => c.phase === "regulier")).toMatchObject({ outcomeLabel: "Niet behaald", followUp: { href: expect.stringMatching(/^\/wijzigingen\/\d+$/) } });
    expect(page.reactions).toHaveLength(2);
    expect(page.proposal.inForce).toBe("van kracht per 1 januari 2024");
  });
});
