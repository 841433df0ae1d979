// Acceptance 7: the overview's numbers equal a direct count on the seeded demo data. The
// expected figures are computed here from content/signals.json and from plain SQL, not with
// the overview's own code.
import { beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import { loadActorByEmail, type Actor } from "~/domain/actor.server";
import { seedWorld } from "~/domain/seed/world.server";
import { findClientData } from "~/shared/privacy-guard";
import { OPEN_STATUSES, TRANSITIONS } from "~/shared/signals";
import { setClock } from "~/utils/clock.server";
import type { SignalStatus } from "~/db/schema";
import { overviewCsv, parseOverviewFilter, signalOverview } from "./overview.server";
import { readSeedSignals, seedSignals, type SeedSignal } from "./seed.server";
import { amsterdamDate } from "~/shared/dates";
import { workingDaysBetween } from "~/shared/working-days";

const TODAY = "2026-11-23";
let items: SeedSignal[];
let cm: Actor;

const amsterdamDay = (iso: string) => amsterdamDate(iso);

function directMedian(values: number[]): number | null {
  if (!values.length) return null;
  const v = [...values].sort((a, b) => a - b);
  return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
}

beforeAll(async () => {
  setClock(`${TODAY}T09:00:00Z`);
  await seedWorld();
  items = readSeedSignals();
  expect(seedSignals()).toBe(items.length);
  cm = loadActorByEmail("contractmanager@zaanstad.example")!;
});

describe("demo seed", () => {
  it("holds about 30 signals over several ketens, wijken, months and statuses", () => {
    expect(items.length).toBeGreaterThanOrEqual(25);
    expect(new Set(items.map((s) => s.status)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(items.flatMap((s) => s.ketens)).size).toBe(4);
    expect(new Set(items.map((s) => s.createdAt.slice(0, 7))).size).toBeGreaterThanOrEqual(8);
    expect(getDb().select({ n: sql<number>`count(*)` }).from(schema.signals).get()!.n).toBe(items.length);
  });

  it("contains no client data", () => {
    for (const s of items) {
      const text = [s.title, s.description, s.feedback ?? "", ...s.herkend.map((h) => h.note)].join("\n");
      expect(findClientData(text, { referenceYear: 2026 }), s.id).toEqual([]);
    }
  });

  it("rebuilds a history that the state machine allows", () => {
    const log = getDb().select().from(schema.signalTransitions).all();
    for (const t of log) {
      if (t.fromStatus === null) {
        expect(t.toStatus).toBe("nieuw");
        continue;
      }
      expect(TRANSITIONS[t.fromStatus as SignalStatus][t.toStatus as SignalStatus], `${t.fromStatus} → ${t.toStatus}`).toBeDefined();
    }
    const closedWithoutFeedback = getDb()
      .select({ n: sql<number>`count(*)` })
      .from(schema.signals)
      .where(sql`${schema.signals.status} in ('afgehandeld', 'niet_opgepakt') and trim(${schema.signals.feedback}) = ''`)
      .get()!.n;
    expect(closedWithoutFeedback).toBe(0);
  });
});

describe("overview equals a direct count (acceptance 7)", () => {
  const months = () => [...new Set(items.map((s) => amsterdamDay(s.createdAt).slice(0, 7)))].sort();

  it("per keten, thema, wijk, month and status", () => {
    const [van, tot] = [months()[0], months().at(-1)!];
    const o = signalOverview({ actor: cm, filter: { van, tot } });
    expect(o.totals.total).toBe(items.length);

    const world = getDb();
    const ketenSlug = new Map(world.select().from(schema.ketens).all().map((k) => [k.id, k.slug]));
    for (const k of o.perKeten) expect(k.total, k.name).toBe(items.filter((s) => s.ketens.includes(ketenSlug.get(k.key)!)).length);
    for (const t of o.perThema) expect(t.total, t.name).toBe(items.filter((s) => s.thema === t.slug).length);
    for (const w of o.perWijk) expect(w.total, w.name).toBe(items.filter((s) => s.wijken.includes(w.slug)).length);
    for (const row of o.perMonth.keten.rows) expect(row.total, row.month).toBe(items.filter((s) => amsterdamDay(s.createdAt).startsWith(row.month)).length);
    for (const st of o.byStatus) expect(st.count, st.status).toBe(items.filter((s) => s.status === st.status).length);
    const open = items.filter((s) => OPEN_STATUSES.includes(s.status)).length;
    expect(o.totals.open).toBe(open);
    expect(o.totals.closed).toBe(items.length - open);
    // Month × thema cells add up to the month totals (each signal has one thema).
    for (const row of o.perMonth.thema.rows) expect(row.counts.reduce((a, b) => a + b, 0)).toBe(row.total);
  });

  it("open versus overdue and the median time to feedback", () => {
    const o = signalOverview({ actor: cm, filter: { van: "2025-01", tot: "2026-12" } });
    const overdueSql = getDb()
      .select({ n: sql<number>`count(*)` })
      .from(schema.signals)
      .where(sql`${schema.signals.status} in ('nieuw','in_behandeling','informatie_gevraagd','heropend') and ${schema.signals.dueAt} < ${TODAY}`)
      .get()!.n;
    expect(o.totals.overdue).toBe(overdueSql);
    expect(o.overdueList).toHaveLength(overdueSql);
    // The content says: three "nieuw" signals are older than twenty working days.
    expect(o.overdueList.filter((r) => r.status === "nieuw")).toHaveLength(3);

    const answered = items.filter((s) => s.closedAt);
    const expectedMedian = directMedian(answered.map((s) => workingDaysBetween(amsterdamDay(s.createdAt), amsterdamDay(s.closedAt!))));
    expect(o.totals.medianFeedbackDays).toBe(expectedMedian);
    expect(o.totals.answered).toBe(answered.length);

    // Per keten: the participation keten's overdue count, straight from SQL.
    const part = getDb().select({ id: schema.ketens.id }).from(schema.ketens).where(eq(schema.ketens.slug, "participatie-armoede")).get()!.id;
    const partOverdue = getDb()
      .select({ n: sql<number>`count(*)` })
      .from(schema.signals)
      .where(
        sql`${schema.signals.status} in ('nieuw','in_behandeling','informatie_gevraagd','heropend') and ${schema.signals.dueAt} < ${TODAY}
            and exists (select 1 from signal_ketens k where k.signal_id = ${schema.signals.id} and k.keten_id = ${part})`,
      )
      .get()!.n;
    expect(o.perKeten.find((k) => k.slug === "participatie-armoede")!.overdue).toBe(partOverdue);
  });

  it("the CSV carries the same numbers as the page", () => {
    const o = signalOverview({ actor: cm, filter: { van: "2025-01", tot: "2026-12" } });
    const csv = overviewCsv(o, "keten");
    expect(csv.startsWith("\ufeffketen;totaal;open;achter op termijn")).toBe(true);
    for (const k of o.perKeten) expect(csv).toContain(`${k.name};${k.total};${k.open};${k.overdue};${k.closed};`);
    const perSignal = overviewCsv(o, "signalen").trim().split("\r\n");
    expect(perSignal).toHaveLength(items.length + 1);
    expect(perSignal.filter((l) => l.split(";")[9] === "ja")).toHaveLength(o.totals.overdue);
    const months = overviewCsv(o, "maand-wijk").trim().split("\r\n");
    expect(months[0]).toContain("Stadsbreed");
  });

  it("filters by keten and validates the period", () => {
    const o = signalOverview({ actor: cm, filter: { van: "2025-01", tot: "2026-12", keten: "zorg-veiligheid" } });
    expect(o.totals.total).toBe(items.filter((s) => s.ketens.includes("zorg-veiligheid")).length);
    expect(() => signalOverview({ actor: cm, filter: { keten: "bestaat-niet" } })).toThrow(/Onbekende keten/);
    expect(() => parseOverviewFilter(new URLSearchParams("van=2026-13"))).toThrow(/JJJJ-MM/);
    expect(() => parseOverviewFilter(new URLSearchParams("van=2026-10&tot=2026-01"))).toThrow(/na de eindmaand/);
    expect(parseOverviewFilter(new URLSearchParams(""), TODAY)).toEqual({ van: "2025-12", tot: "2026-11", keten: undefined });
  });
});
