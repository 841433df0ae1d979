// The demo proposals load from content/proposals.json into a consistent state.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, schema } from "~/db/client.server";
import { resetClock, setClock } from "~/utils/clock.server";
import { seedDocuments } from "../documents/seed.server";
import { seedWorld } from "../seed/world.server";
import { getReactienota } from "./reactienota.server";
import { seedProposals } from "./seed.server";
import { actor } from "./test-support.server";
import { getProposalView, getTexts, getTimeline } from "./view.server";

const P1 = "Startgesprekken bij een bijstandsaanvraag voortaan gevoerd door Werkom";
const P2 = "Aanbieders vooraf consulteren bij wijzigingen en pilots, en een vaste route voor warme overdracht";
const idOf = (title: string) => getDb().select({ id: schema.proposals.id }).from(schema.proposals).where(eq(schema.proposals.title, title)).get()!.id;

beforeAll(async () => {
  setClock("2026-11-22T10:00:00Z");
  await seedWorld();
  seedDocuments();
  expect(seedProposals()).toBe(2);
  return () => resetClock();
});

describe("demo proposals", () => {
  it("P1 is in consultation with the three wijkteam organisations, Werkom, Uitkeringen and Naleving", () => {
    const v = getProposalView({ actor: actor("regisseur.participatie@zaanstad.example"), id: idOf(P1) });
    expect(v.proposal.status).toBe("in_consultatie");
    expect(v.impacts.map((i) => i.name).sort()).toEqual(["Afdeling Naleving", "Afdeling Uitkeringen", "DOCK", "Incluzio", "SMD", "Werkom"]);
    expect(v.comments).toHaveLength(6);
    // Every quote is found in the proposed text.
    for (const c of v.comments.filter((x) => x.quote)) expect(c.anchor?.state, c.quote ?? "").toBe("exact");
    expect(v.receipts?.every((r) => r.invited > 0)).toBe(true);
    expect(v.receipts?.find((r) => r.organisationName === "Werkom")?.responded).toBe(1);
    expect(v.proposal.documentMovedOn).toBe(false);
  });

  it("P1 shows the moved ingangsdatum on its timeline", () => {
    const t = getTimeline({ actor: actor("werkom@werkom.example"), id: idOf(P1) });
    expect(t.changes[0]).toEqual(expect.objectContaining({ field: "effectiveDate", oldValue: "2027-01-01", newValue: "2027-03-01" }));
    expect(t.transitions.map((x) => x.toStatus)).toEqual(["concept", "in_consultatie"]);
  });

  it("P1's proposed text differs from the current version where the startgesprek moves", () => {
    const texts = getTexts({ actor: actor("werkom@werkom.example"), id: idOf(P1) });
    expect(texts.before?.lexicalJson).not.toEqual(texts.after?.lexicalJson);
    expect(texts.after?.lexicalJson).toContain("Het Sociale Wijkteam zit niet meer standaard bij dit eerste gesprek.");
  });

  it("P2 is in force and evaluated, with a complete reactienota and the version it produced", () => {
    const id = idOf(P2);
    const v = getProposalView({ actor: actor("aanbieder@zorgvoorbeeld.example"), id });
    expect(v.proposal.status).toBe("geevalueerd");
    expect(v.proposal.resultVersionNumber).toBe(2);
    expect(v.proposal.baseVersionNumber).toBe(1);
    expect(v.evaluationResponses).toHaveLength(5);
    expect(v.proposal.evaluationConclusion).toMatch(/werken grotendeels/);
    const nota = getReactienota({ actor: actor("aanbieder@zorgvoorbeeld.example"), id });
    expect(nota.complete).toBe(true);
    expect(nota.totals).toMatchObject({ comments: 5, overgenomen: 2, deels_overgenomen: 2, niet_overgenomen: 1 });
    const version = getDb().select().from(schema.documentVersions).where(eq(schema.documentVersions.proposalId, id)).get();
    expect(version?.number).toBe(2);
  });

  it("keeps P1 hidden from a Wmo-aanbieder that was not invited", () => {
    expect(() => getProposalView({ actor: actor("thuishulp@thuishulpdemo.example"), id: idOf(P1) })).toThrow(/niet voor uitgenodigd/);
  });
});
