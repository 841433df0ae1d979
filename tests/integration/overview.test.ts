import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoIfEmpty } from "~/domain/seed/index.server";
import { loadActorByEmail, type Actor } from "~/domain/actor.server";
import { integralOverview } from "~/domain/overview.server";
import { signalOverview } from "~/domain/signals/overview.server";
import { setClock } from "~/utils/clock.server";

const actor = (email: string): Actor => {
  const a = loadActorByEmail(email);
  if (!a) throw new Error(email);
  return a;
};

beforeAll(async () => {
  setClock("2026-11-23T10:00:00Z");
  await seedDemoIfEmpty();
}, 60_000);

describe("integral overview", () => {
  it("shows the contractmanager every keten with documents, running changes and signal counts equal to the signal overview", () => {
    const cm = actor("contractmanager@zaanstad.example");
    const o = integralOverview({ actor: cm });
    expect(o.ketens.map((k) => k.slug).sort()).toEqual(["opvoeden-opgroeien", "participatie-armoede", "wmo-mantelzorg-gezondheid", "zorg-veiligheid"]);
    const participatie = o.ketens.find((k) => k.slug === "participatie-armoede");
    expect(participatie?.documents.map((d) => d.slug)).toContain("werkafspraken-participatieketen");
    const running = participatie?.running.find((p) => /startgesprek/i.test(p.title));
    expect(running?.statusLabel).toBeTruthy();
    expect(running?.next?.date).toBe("2026-12-08");
    const signals = signalOverview({ actor: cm, filter: {} });
    for (const k of o.ketens) {
      const s = signals.perKeten.find((x) => x.key === k.id);
      expect(k.signals).toEqual({ total: s?.total, open: s?.open, overdue: s?.overdue, medianFeedbackDays: s?.medianFeedbackDays });
    }
    expect(o.portalWide.documents.map((d) => d.slug)).toContain("visie-op-partnerschap");
  });

  it("gives every party the same dates: the agenda lists the moved ingangsdatum for an invited partner", () => {
    const cm = integralOverview({ actor: actor("contractmanager@zaanstad.example") });
    const werkom = integralOverview({ actor: actor("werkom@werkom.example") });
    const pick = (o: typeof cm) => o.agenda.filter((a) => /startgesprek/i.test(a.proposalTitle)).map((a) => [a.field, a.date]);
    expect(pick(werkom)).toEqual(pick(cm));
    expect(pick(cm)).toContainEqual(["effectiveDate", "2027-03-01"]);
    const dates = cm.agenda.map((a) => a.date);
    expect([...dates].sort()).toEqual(dates);
    expect(dates.every((d) => d >= "2026-11-23")).toBe(true);
  });

  it("shows a ketenpartner nothing it was not invited to and no signal counts", () => {
    const o = integralOverview({ actor: actor("aanbieder@zorgvoorbeeld.example") });
    expect(o.showsSignals).toBe(false);
    expect(o.ketens.every((k) => k.signals === null)).toBe(true);
    expect(o.agenda.some((a) => /startgesprek/i.test(a.proposalTitle))).toBe(false);
    expect(o.ketens.flatMap((k) => k.running).some((p) => /startgesprek/i.test(p.title))).toBe(false);
  });
});
