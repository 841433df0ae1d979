// Acceptance 6: the keten report's signal figures are the signal overview's for the same
// filters (one computation), and a merged duplicate counts once — in the overview's per-thema
// and per-keten totals, their CSV, and therefore the report.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, schema } from "~/db/client.server";
import { seedDemoIfEmpty } from "~/domain/seed/index.server";
import { setClock } from "~/utils/clock.server";
import { loadActorByEmail } from "../actor.server";
import { overviewCsv, signalOverview } from "../signals/overview.server";
import { mergeSignals, reportSignal } from "../signals/signals.server";
import { ketenReport, reportCsv } from "./report.server";

const cm = () => loadActorByEmail("contractmanager@zaanstad.example")!;
const filter = { van: "2025-01", tot: "2026-12" };

beforeAll(async () => {
  setClock("2026-11-23T09:00:00Z");
  await seedDemoIfEmpty();
}, 60_000);

describe("keten report", () => {
  it("shows the overview's signal figures for the same keten and period", () => {
    const report = ketenReport({ actor: cm(), slug: "participatie-armoede", filter });
    const overview = signalOverview({ actor: cm(), filter: { ...filter, keten: "participatie-armoede" } });
    expect(report.signals.totals).toEqual(overview.totals);
    expect(report.signals.perThema).toEqual(overview.perThema.filter((t) => t.total > 0));
    expect(report.signals.totals.total).toBeGreaterThan(0);
    // The contractmanager sits in the EKO, not in the OKO: only the EKO's decisions are in her report.
    expect(report.decisions.length).toBe(3);
    expect(report.actions.overdue).toBeGreaterThanOrEqual(1);
    expect(report.register.length).toBe(4);
    const csv = reportCsv(report);
    expect(csv).toContain(`signalen;totaal;${overview.totals.total};${overview.totals.open};${overview.totals.overdue};`);
  });

  it("is refused to a ketenpartner (the overview's rule)", () => {
    expect(() => ketenReport({ actor: loadActorByEmail("werkom@werkom.example")!, slug: "participatie-armoede", filter })).toThrow(expect.objectContaining({ status: 403 }));
  });

  it("counts a merged duplicate once in the totals, per thema and per keten, and in the CSV", () => {
    const db = getDb();
    const before = signalOverview({ actor: cm(), filter });
    const ketenId = db.select({ id: schema.ketens.id }).from(schema.ketens).where(eq(schema.ketens.slug, "participatie-armoede")).get()!.id;
    const thema = db.select({ id: schema.themas.id, slug: schema.themas.slug }).from(schema.themas).where(eq(schema.themas.slug, "participatie")).get()!;
    const input = { title: "Aanmelding Werkom blijft liggen", description: "Geen reactie na aanmelding.", ketenId, extraKetenIds: [], themaId: thema.id, wijken: ["stadsbreed"], documentAnchor: "" };
    const survivor = reportSignal({ actor: loadActorByEmail("professional@dock.example")!, ...input });
    const duplicate = reportSignal({ actor: loadActorByEmail("prof2@incluzio.example")!, ...input });
    mergeSignals({ actor: loadActorByEmail("regisseur.participatie@zaanstad.example")!, duplicateId: duplicate, survivorId: survivor });
    const after = signalOverview({ actor: cm(), filter });
    expect(after.totals.total).toBe(before.totals.total + 1);
    const themaOf = (o: typeof after) => o.perThema.find((t) => t.slug === thema.slug)!;
    const ketenOf = (o: typeof after) => o.perKeten.find((k) => k.slug === "participatie-armoede")!;
    expect(themaOf(after).total).toBe(themaOf(before).total + 1);
    expect(ketenOf(after).total).toBe(ketenOf(before).total + 1);
    expect(overviewCsv(after, "thema")).toContain(`${themaOf(after).name};${themaOf(before).total + 1};`);
    expect(overviewCsv(after, "keten")).toContain(`${ketenOf(after).name};${ketenOf(before).total + 1};`);
    expect(after.mergedDuplicates).toBe(1);
    // The per-signal list still shows both, the duplicate as "samengevoegd".
    expect(overviewCsv(after, "signalen").split("\r\n").filter((l) => l.includes("Aanmelding Werkom blijft liggen"))).toHaveLength(2);
    // The report (page data and its CSV) shows the keten overview's figures, the duplicate counted once.
    const report = ketenReport({ actor: cm(), slug: "participatie-armoede", filter });
    const ketenOverview = signalOverview({ actor: cm(), filter: { ...filter, keten: "participatie-armoede" } });
    expect(report.signals.totals).toEqual(ketenOverview.totals);
    expect(report.signals.perThema).toEqual(ketenOverview.perThema.filter((t) => t.total > 0));
    expect(report.signals.perWijk).toEqual(ketenOverview.perWijk.filter((w) => w.total > 0));
    expect(report.signals.mergedDuplicates).toBe(1);
    const pct = (x: number | null) => (x === null ? "" : String(x).replace(".", ","));
    const csv = reportCsv(report).split("\r\n");
    const t = themaOf(ketenOverview);
    const w = ketenOverview.perWijk.find((x) => x.slug === "stadsbreed")!;
    expect(csv).toContain(`signalen;totaal;${ketenOverview.totals.total};${ketenOverview.totals.open};${ketenOverview.totals.overdue};${ketenOverview.totals.answered};${pct(ketenOverview.totals.onTimePct)};`);
    expect(csv.filter((l) => l.startsWith(`signalen per thema;${t.name};`))).toEqual([`signalen per thema;${t.name};${t.total};${t.open};${t.overdue};${t.answered};${pct(t.onTimePct)};`]);
    expect(csv.filter((l) => l.startsWith("signalen per wijk;Stadsbreed;"))).toEqual([`signalen per wijk;Stadsbreed;${w.total};${w.open};${w.overdue};${w.answered};${pct(w.onTimePct)};`]);
  });
});
