// The keten report for the resultaatgesprek: per keten and period, the signal figures (from
// signalOverview — the same computation as the signal overview, so they cannot disagree),
// changes and their status, decisions and actions of the keten's overleggen, and the
// verbeterregister. As a page, a printable HTML and a CSV.
import { and, eq, gte, inArray, lte } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import { formatDate } from "~/shared/dates";
import { OPEN_ACTION_STATUSES, REGISTER_PRIORITY_LABELS, REGISTER_STATUS_LABELS, type RegisterPriority, type RegisterStatus } from "~/shared/overleg";
import { STATUS_LABELS as PROPOSAL_STATUS_LABELS } from "~/shared/proposals";
import { today } from "~/utils/clock.server";
import type { Actor } from "../actor.server";
import { readableOverlegCondition, readableProposalCondition } from "../policy.server";
import { signalOverview, type Counts } from "../signals/overview.server";
import { readableRegisterItems } from "./register.server";

export type ReportFilter = { van?: string; tot?: string };

const lastDay = (month: string) => {
  const [y, m] = month.split("-").map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};

export function ketenReport(input: { actor: Actor; slug: string; filter: ReportFilter }) {
  const { actor } = input;
  // Same access and same numbers as the overview (it throws 403/400 for us).
  const overview = signalOverview({ actor, filter: { ...input.filter, keten: input.slug } });
  const { van, tot } = overview.period;
  const from = `${van}-01`;
  const to = lastDay(tot);
  const db = getDb();
  const keten = db.select().from(schema.ketens).where(eq(schema.ketens.slug, input.slug)).get()!;
  const docIds = db.select({ id: schema.documents.id }).from(schema.documents).where(eq(schema.documents.ketenId, keten.id)).all().map((d) => d.id);
  const changes = docIds.length
    ? db
        .select({ id: schema.proposals.id, title: schema.proposals.title, status: schema.proposals.status, updatedAt: schema.proposals.updatedAt })
        .from(schema.proposals)
        .where(and(readableProposalCondition(actor), inArray(schema.proposals.documentId, docIds)))
        .all()
        .filter((p) => p.updatedAt.slice(0, 10) >= from && p.updatedAt.slice(0, 10) <= to)
        .map((p) => ({ ...p, statusLabel: PROPOSAL_STATUS_LABELS[p.status] }))
    : [];
  const overlegIds = db.select({ id: schema.overleggen.id }).from(schema.overleggen).where(and(readableOverlegCondition(actor), eq(schema.overleggen.ketenId, keten.id))).all().map((o) => o.id);
  const decisions = overlegIds.length
    ? db
        .select({ id: schema.decisions.id, text: schema.decisions.text, decidedBy: schema.decisions.decidedBy, decidedOn: schema.decisions.decidedOn, overleg: schema.overleggen.name })
        .from(schema.decisions)
        .innerJoin(schema.overleggen, eq(schema.decisions.overlegId, schema.overleggen.id))
        .where(and(inArray(schema.decisions.overlegId, overlegIds), gte(schema.decisions.decidedOn, from), lte(schema.decisions.decidedOn, to)))
        .all()
    : [];
  const on = today();
  const actions = overlegIds.length ? db.select().from(schema.actions).where(inArray(schema.actions.overlegId, overlegIds)).all().filter((a) => a.createdAt.slice(0, 10) <= to) : [];
  const open = actions.filter((a) => OPEN_ACTION_STATUSES.includes(a.status));
  const register = readableRegisterItems(actor, keten.id).map((r) => ({
    id: r.id,
    title: r.title,
    priority: r.priority ? REGISTER_PRIORITY_LABELS[r.priority as RegisterPriority] : "—",
    status: REGISTER_STATUS_LABELS[r.status as RegisterStatus],
  }));
  return {
    keten: { slug: keten.slug, name: keten.name },
    period: { van, tot },
    today: on,
    signals: { totals: overview.totals, perThema: overview.perThema.filter((t) => t.total > 0), perWijk: overview.perWijk.filter((w) => w.total > 0), mergedDuplicates: overview.mergedDuplicates },
    changes,
    decisions,
    actions: { total: actions.length, done: actions.filter((a) => a.status === "gereed").length, open: open.length, overdue: open.filter((a) => a.dueDate < on).length },
    register,
  };
}

export type KetenReport = ReturnType<typeof ketenReport>;

function cell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return "";
  let s = String(v);
  if (typeof v === "number") s = s.replace(".", ",");
  else if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[";\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV with a section column, for Excel (";" and a BOM, formula-safe cells). */
export function reportCsv(r: KetenReport): string {
  const rows: (string | number | null)[][] = [["onderdeel", "naam", "totaal", "open", "achter op termijn", "beantwoord", "binnen termijn (%)", "stand"]];
  const sig = (section: string, name: string, c: Counts) => rows.push([section, name, c.total, c.open, c.overdue, c.answered, c.onTimePct, null]);
  sig("signalen", "totaal", r.signals.totals);
  for (const t of r.signals.perThema) sig("signalen per thema", t.name, t);
  for (const w of r.signals.perWijk) sig("signalen per wijk", w.name, w);
  for (const c of r.changes) rows.push(["wijziging", c.title, null, null, null, null, null, c.statusLabel]);
  for (const d of r.decisions) rows.push(["besluit", `${d.text} (${d.overleg}, ${formatDate(d.decidedOn)})`, null, null, null, null, null, null]);
  rows.push(["acties", "totaal", r.actions.total, r.actions.open, r.actions.overdue, r.actions.done, null, null]);
  for (const i of r.register) rows.push(["verbeterregister", i.title, null, null, null, null, null, `${i.priority} · ${i.status}`]);
  return "\ufeff" + rows.map((row) => row.map(cell).join(";")).join("\r\n") + "\r\n";
}
