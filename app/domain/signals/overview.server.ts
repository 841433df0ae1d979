// The overview for regisseurs and the contractmanager: counts per keten, thema and wijk over
// the months, open versus overdue, and the median time to feedback. One computation feeds the
// page (charts + tables) and the CSV export, so they can never disagree.
import { asc } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import type { SignalStatus } from "~/db/schema";
import { OPEN_STATUSES, STATUS_LABELS, type Dimension } from "~/shared/signals";
import { amsterdamDate } from "~/shared/dates";
import { today } from "~/utils/clock.server";
import type { Actor } from "../actor.server";
import { badRequest, forbidden } from "../errors";
import { canSeeSignalOverview } from "../policy.server";
import { readableCondition } from "./access.server";
import { isOverdue } from "./signals.server";
import { workingDaysBetween } from "~/shared/working-days";
import { csvCell } from "../export-escape";

export type OverviewFilter = { van?: string; tot?: string; keten?: string };
export { DIMENSION_LABELS, type Dimension } from "~/shared/signals";

const MONTH_NAMES = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];
export const monthLabel = (m: string) => `${MONTH_NAMES[Number(m.slice(5, 7)) - 1]} ${m.slice(0, 4)}`;

function shiftMonth(m: string, delta: number): string {
  const y = Number(m.slice(0, 4));
  const mo = Number(m.slice(5, 7)) - 1 + delta;
  const d = new Date(Date.UTC(y, mo, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

function monthsBetween(van: string, tot: string): string[] {
  const out: string[] = [];
  for (let m = van; m <= tot; m = shiftMonth(m, 1)) out.push(m);
  return out;
}

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const v = [...values].sort((a, b) => a - b);
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

type Fact = {
  id: number;
  title: string;
  status: SignalStatus;
  month: string;
  createdDay: string;
  dueAt: string;
  overdue: boolean;
  feedbackDays: number | null;
  onTime: boolean | null;
  ownerKetenId: number;
  themaId: number;
  stadsbreed: boolean;
  ketenIds: number[];
  wijkIds: number[];
  recognitions: number;
  /** A duplicate merged into another signal: listed, but counted once (as its survivor). */
  merged: boolean;
};

export type Counts = { total: number; open: number; overdue: number; closed: number; medianFeedbackDays: number | null; onTimePct: number | null; answered: number };

function count(facts: Fact[]): Counts {
  const answered = facts.filter((f) => f.feedbackDays !== null);
  const onTime = answered.filter((f) => f.onTime).length;
  const open = facts.filter((f) => OPEN_STATUSES.includes(f.status)).length;
  return {
    total: facts.length,
    open,
    overdue: facts.filter((f) => f.overdue).length,
    closed: facts.length - open,
    medianFeedbackDays: median(answered.map((f) => f.feedbackDays!)),
    onTimePct: answered.length ? Math.round((onTime / answered.length) * 100) : null,
    answered: answered.length,
  };
}

export function parseOverviewFilter(raw: URLSearchParams, on: string = today()) {
  const month = /^\d{4}-(0[1-9]|1[0-2])$/;
  const current = on.slice(0, 7);
  const tot = raw.get("tot") || current;
  const van = raw.get("van") || shiftMonth(tot, -11);
  const errors: Record<string, string> = {};
  if (!month.test(van)) errors.van = "Vul een maand in als JJJJ-MM, bijvoorbeeld 2026-01.";
  if (!month.test(tot)) errors.tot = "Vul een maand in als JJJJ-MM, bijvoorbeeld 2026-12.";
  if (!Object.keys(errors).length) {
    if (van > tot) errors.van = "De beginmaand ligt na de eindmaand.";
    else if (monthsBetween(van, tot).length > 60) errors.van = "Kies een periode van hoogstens vijf jaar.";
  }
  if (Object.keys(errors).length) throw badRequest(`De periode klopt niet: ${Object.values(errors).join(" ")}`, errors);
  const keten = raw.get("keten") || undefined;
  return { van, tot, keten };
}

function loadFactsFor(actor: Actor, filter: Required<Pick<OverviewFilter, "van" | "tot">> & { ketenId?: number }): Fact[] {
  const db = getDb();
  const on = today();
  const s = schema.signals;
  const rows = db
    .select({
      id: s.id,
      title: s.title,
      status: s.status,
      createdAt: s.createdAt,
      dueAt: s.dueAt,
      firstFeedbackAt: s.firstFeedbackAt,
      ownerKetenId: s.ownerKetenId,
      themaId: s.themaId,
      stadsbreed: s.stadsbreed,
      mergedIntoId: s.mergedIntoId,
    })
    .from(s)
    .where(readableCondition(actor))
    .orderBy(asc(s.createdAt), asc(s.id))
    .all();
  const ketensOf = new Map<number, number[]>();
  for (const k of db.select().from(schema.signalKetens).all()) ketensOf.set(k.signalId, [...(ketensOf.get(k.signalId) ?? []), k.ketenId]);
  const wijkenOf = new Map<number, number[]>();
  for (const w of db.select().from(schema.signalWijken).all()) wijkenOf.set(w.signalId, [...(wijkenOf.get(w.signalId) ?? []), w.wijkId]);
  const recognitions = new Map<number, number>();
  for (const r of db.select({ id: schema.signalRecognitions.signalId }).from(schema.signalRecognitions).all()) recognitions.set(r.id, (recognitions.get(r.id) ?? 0) + 1);
  return rows
    .map((r) => {
      const createdDay = amsterdamDate(new Date(r.createdAt));
      const feedbackDay = r.firstFeedbackAt ? amsterdamDate(new Date(r.firstFeedbackAt)) : null;
      return {
        id: r.id,
        title: r.title,
        status: r.status,
        month: createdDay.slice(0, 7),
        createdDay,
        dueAt: r.dueAt,
        overdue: isOverdue(r, on),
        feedbackDays: feedbackDay ? workingDaysBetween(createdDay, feedbackDay) : null,
        onTime: feedbackDay ? feedbackDay <= r.dueAt : null,
        ownerKetenId: r.ownerKetenId,
        themaId: r.themaId,
        stadsbreed: r.stadsbreed,
        ketenIds: ketensOf.get(r.id) ?? [r.ownerKetenId],
        wijkIds: wijkenOf.get(r.id) ?? [],
        recognitions: recognitions.get(r.id) ?? 0,
        merged: r.mergedIntoId != null,
      };
    })
    .filter((f) => f.month >= filter.van && f.month <= filter.tot && (!filter.ketenId || f.ketenIds.includes(filter.ketenId)));
}

export const STADSBREED_KEY = 0;

export function signalOverview(input: { actor: Actor; filter: OverviewFilter }) {
  const { actor } = input;
  if (!canSeeSignalOverview(actor)) throw forbidden("Het overzicht van signalen is er voor regisseurs, de contractmanager en beheerders.");
  const db = getDb();
  const on = today();
  const van = input.filter.van ?? shiftMonth(on.slice(0, 7), -11);
  const tot = input.filter.tot ?? on.slice(0, 7);
  const ketens = db.select({ id: schema.ketens.id, slug: schema.ketens.slug, name: schema.ketens.name, feedbackDays: schema.ketens.feedbackDays }).from(schema.ketens).orderBy(asc(schema.ketens.name)).all();
  const themas = db.select({ id: schema.themas.id, slug: schema.themas.slug, name: schema.themas.name }).from(schema.themas).orderBy(asc(schema.themas.name)).all();
  const wijken = db.select({ id: schema.wijken.id, slug: schema.wijken.slug, name: schema.wijken.name }).from(schema.wijken).orderBy(asc(schema.wijken.name)).all();
  let keten: (typeof ketens)[number] | undefined;
  if (input.filter.keten) {
    keten = ketens.find((k) => k.slug === input.filter.keten);
    if (!keten) throw badRequest(`Onbekende keten "${input.filter.keten}" in het filter.`, { keten: "Kies een bestaande keten." });
  }
  const facts = loadFactsFor(actor, { van, tot, ketenId: keten?.id });
  // Merged duplicates describe the same thing as their survivor: every count uses `counted`.
  const counted = facts.filter((f) => !f.merged);
  const months = monthsBetween(van, tot);

  const members: Record<Dimension, { key: number; slug: string; name: string }[]> = {
    keten: (keten ? [keten] : ketens).map((k) => ({ key: k.id, slug: k.slug, name: k.name })),
    thema: themas.map((t) => ({ key: t.id, slug: t.slug, name: t.name })),
    wijk: [...wijken.map((w) => ({ key: w.id, slug: w.slug, name: w.name })), { key: STADSBREED_KEY, slug: "stadsbreed", name: "Stadsbreed" }],
  };
  const keysOf: Record<Dimension, (f: Fact) => number[]> = {
    keten: (f) => f.ketenIds,
    thema: (f) => [f.themaId],
    wijk: (f) => (f.stadsbreed ? [STADSBREED_KEY] : f.wijkIds),
  };
  const per = (d: Dimension) =>
    members[d].map((m) => ({ ...m, ...count(counted.filter((f) => keysOf[d](f).includes(m.key))) }));
  const matrix = (d: Dimension) => ({
    columns: members[d],
    rows: months.map((month) => {
      const inMonth = counted.filter((f) => f.month === month);
      return { month, label: monthLabel(month), total: inMonth.length, counts: members[d].map((m) => inMonth.filter((f) => keysOf[d](f).includes(m.key)).length) };
    }),
  });
  const byStatus = (Object.keys(STATUS_LABELS) as SignalStatus[]).map((st) => ({ status: st, label: STATUS_LABELS[st], count: facts.filter((f) => f.status === st).length }));
  return {
    today: on,
    period: { van, tot, months, keten: keten ? { slug: keten.slug, name: keten.name } : null },
    totals: count(counted),
    mergedDuplicates: facts.length - counted.length,
    byStatus,
    perKeten: per("keten"),
    perThema: per("thema"),
    perWijk: per("wijk"),
    perMonth: { keten: matrix("keten"), thema: matrix("thema"), wijk: matrix("wijk") },
    overdueList: counted
      .filter((f) => f.overdue)
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt))
      .map((f) => ({ id: f.id, title: f.title, dueAt: f.dueAt, status: f.status, statusLabel: STATUS_LABELS[f.status], daysLate: workingDaysBetween(f.dueAt, on), ownerKeten: ketens.find((k) => k.id === f.ownerKetenId)?.name ?? "" })),
    filterOptions: { ketens: ketens.map((k) => ({ slug: k.slug, name: k.name })) },
    facts,
    lookups: { ketens, themas, wijken },
  };
}

export type Overview = ReturnType<typeof signalOverview>;

// ------------------------------------------------------------------ CSV

export const CSV_TABLES = ["signalen", "keten", "thema", "wijk", "maand-keten", "maand-thema", "maand-wijk"] as const;
export type CsvTable = (typeof CSV_TABLES)[number];

function toCsv(header: string[], rows: (string | number | boolean | null)[][]): string {
  return "\ufeff" + [header, ...rows].map((r) => r.map(csvCell).join(";")).join("\r\n") + "\r\n";
}

export function overviewCsv(o: Overview, table: CsvTable): string {
  const countsHeader = ["totaal", "open", "achter op termijn", "afgesloten", "mediaan werkdagen tot terugkoppeling", "binnen termijn (%)"];
  const countsRow = (c: Counts) => [c.total, c.open, c.overdue, c.closed, c.medianFeedbackDays, c.onTimePct];
  switch (table) {
    case "keten":
      return toCsv(["keten", ...countsHeader], o.perKeten.map((k) => [k.name, ...countsRow(k)]));
    case "thema":
      return toCsv(["thema", ...countsHeader], o.perThema.map((k) => [k.name, ...countsRow(k)]));
    case "wijk":
      return toCsv(["wijk", ...countsHeader], o.perWijk.map((k) => [k.name, ...countsRow(k)]));
    case "maand-keten":
    case "maand-thema":
    case "maand-wijk": {
      const m = o.perMonth[table.slice(6) as Dimension];
      return toCsv(["maand", ...m.columns.map((c) => c.name), "totaal signalen"], m.rows.map((r) => [r.month, ...r.counts, r.total]));
    }
    default: {
      const { ketens, themas, wijken } = o.lookups;
      const name = (list: { id: number; name: string }[], id: number) => list.find((x) => x.id === id)?.name ?? "";
      return toCsv(
        ["id", "titel", "status", "eigenaar-keten", "ketens", "thema", "wijken", "gemeld op", "terugkoppeling uiterlijk", "achter op termijn", "werkdagen tot terugkoppeling", "binnen termijn", "herkend door"],
        o.facts.map((f) => [
          f.id,
          f.title,
          STATUS_LABELS[f.status],
          name(ketens, f.ownerKetenId),
          f.ketenIds.map((k) => name(ketens, k)).join(", "),
          name(themas, f.themaId),
          f.stadsbreed ? "Stadsbreed" : f.wijkIds.map((w) => name(wijken, w)).join(", "),
          f.createdDay,
          f.dueAt,
          f.overdue,
          f.feedbackDays,
          f.onTime,
          f.recognitions,
        ]),
      );
    }
  }
}
