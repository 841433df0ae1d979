// What the register shows: the list with its filters, one item, the load per organisation
// ("wat vragen we van DOCK dit jaar"), the CSV and the coming reporting moments. Every query
// puts readableOpdrachtCondition in its WHERE, so lists, counts, CSV and agenda agree with the
// detail page and a ketenpartner never learns of items it does not carry out.
import { and, asc, eq, exists, gte, inArray, isNull, lte, sql, type SQL } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import { csvCell } from "../export-escape";
import { formatDate } from "~/shared/dates";
import { OPDRACHT_FILTER_KEYS, type OpdrachtFilter } from "~/shared/opdracht-forms";
import {
  ACTIVE_OPDRACHT_STATUSES,
  OPDRACHT_KIND_LABELS,
  OPDRACHT_KINDS,
  OPDRACHT_ROUTE_LABELS,
  OPDRACHT_ROUTES,
  OPDRACHT_STATUS_LABELS,
  OPDRACHT_STATUSES,
  TOETS_OUTCOME_LABELS,
  type OpdrachtKind,
  type OpdrachtRoute,
  type OpdrachtStatus,
  type ToetsOutcome,
} from "~/shared/opdrachten";
import { today } from "~/utils/clock.server";
import type { Actor } from "../actor.server";
import { notFound } from "../errors";
import { readableOpdrachtCondition } from "../policy.server";

const o = schema.opdrachten;

export function parseOpdrachtFilter(params: URLSearchParams): OpdrachtFilter {
  const out: OpdrachtFilter = {};
  for (const k of OPDRACHT_FILTER_KEYS) {
    const v = params.get(k)?.trim();
    if (v && /^[a-z0-9_-]{1,80}$/.test(v)) out[k] = v;
  }
  if (out.status && !(OPDRACHT_STATUSES as readonly string[]).includes(out.status)) delete out.status;
  if (out.soort && !(OPDRACHT_KINDS as readonly string[]).includes(out.soort)) delete out.soort;
  if (out.route && !(OPDRACHT_ROUTES as readonly string[]).includes(out.route)) delete out.route;
  return out;
}

function filterConditions(f: OpdrachtFilter): SQL[] {
  const db = getDb();
  const out: SQL[] = [];
  if (f.status) out.push(eq(o.status, f.status as OpdrachtStatus));
  if (f.soort) out.push(eq(o.kind, f.soort as OpdrachtKind));
  if (f.route) out.push(eq(o.route, f.route as OpdrachtRoute));
  if (f.keten)
    out.push(exists(db.select({ x: sql`1` }).from(schema.opdrachtKetens).innerJoin(schema.ketens, eq(schema.opdrachtKetens.ketenId, schema.ketens.id)).where(and(eq(schema.opdrachtKetens.opdrachtId, o.id), eq(schema.ketens.slug, f.keten)))));
  if (f.thema)
    out.push(exists(db.select({ x: sql`1` }).from(schema.opdrachtThemas).innerJoin(schema.themas, eq(schema.opdrachtThemas.themaId, schema.themas.id)).where(and(eq(schema.opdrachtThemas.opdrachtId, o.id), eq(schema.themas.slug, f.thema)))));
  if (f.organisatie)
    out.push(
      exists(
        db
          .select({ x: sql`1` })
          .from(schema.opdrachtOrganisations)
          .innerJoin(schema.organisations, eq(schema.opdrachtOrganisations.organisationId, schema.organisations.id))
          .where(and(eq(schema.opdrachtOrganisations.opdrachtId, o.id), eq(schema.organisations.slug, f.organisatie))),
      ),
    );
  return out;
}

type Named = { id: number; slug: string; name: string };

/** Ketens, thema's, organisations and moments of the given items, in four queries. */
function relations(ids: number[]) {
  const db = getDb();
  if (!ids.length) return { ketens: new Map<number, Named[]>(), themas: new Map<number, Named[]>(), orgs: new Map<number, (Named & { kind: string })[]>(), reports: new Map<number, (typeof schema.opdrachtReports.$inferSelect)[]>() };
  const group = <T extends { opdrachtId: number }>(rows: T[]) => {
    const m = new Map<number, Omit<T, "opdrachtId">[]>();
    for (const { opdrachtId, ...rest } of rows) m.set(opdrachtId, [...(m.get(opdrachtId) ?? []), rest]);
    return m;
  };
  const ketens = db
    .select({ opdrachtId: schema.opdrachtKetens.opdrachtId, id: schema.ketens.id, slug: schema.ketens.slug, name: schema.ketens.name })
    .from(schema.opdrachtKetens)
    .innerJoin(schema.ketens, eq(schema.opdrachtKetens.ketenId, schema.ketens.id))
    .where(inArray(schema.opdrachtKetens.opdrachtId, ids))
    .orderBy(asc(schema.ketens.name))
    .all();
  const themas = db
    .select({ opdrachtId: schema.opdrachtThemas.opdrachtId, id: schema.themas.id, slug: schema.themas.slug, name: schema.themas.name })
    .from(schema.opdrachtThemas)
    .innerJoin(schema.themas, eq(schema.opdrachtThemas.themaId, schema.themas.id))
    .where(inArray(schema.opdrachtThemas.opdrachtId, ids))
    .orderBy(asc(schema.themas.name))
    .all();
  const orgs = db
    .select({ opdrachtId: schema.opdrachtOrganisations.opdrachtId, id: schema.organisations.id, slug: schema.organisations.slug, name: schema.organisations.name, kind: schema.organisations.kind })
    .from(schema.opdrachtOrganisations)
    .innerJoin(schema.organisations, eq(schema.opdrachtOrganisations.organisationId, schema.organisations.id))
    .where(inArray(schema.opdrachtOrganisations.opdrachtId, ids))
    .orderBy(asc(schema.organisations.name))
    .all();
  const reports = db.select().from(schema.opdrachtReports).where(inArray(schema.opdrachtReports.opdrachtId, ids)).orderBy(asc(schema.opdrachtReports.dueDate), asc(schema.opdrachtReports.id)).all();
  const byItem = new Map<number, (typeof schema.opdrachtReports.$inferSelect)[]>();
  for (const r of reports) byItem.set(r.opdrachtId, [...(byItem.get(r.opdrachtId) ?? []), r]);
  return { ketens: group(ketens) as Map<number, Named[]>, themas: group(themas) as Map<number, Named[]>, orgs: group(orgs) as Map<number, (Named & { kind: string })[]>, reports: byItem };
}

/** One row of the register as lists, the CSV and the per-organisation view show it. */
function present(rows: (typeof o.$inferSelect)[]) {
  const rel = relations(rows.map((r) => r.id));
  const day = today();
  return rows.map((r) => {
    const reports = rel.reports.get(r.id) ?? [];
    const next = reports.find((m) => m.dueDate >= day && !m.receivedAt) ?? null;
    return {
      id: r.id,
      title: r.title,
      purpose: r.purpose,
      kind: r.kind,
      kindLabel: OPDRACHT_KIND_LABELS[r.kind as OpdrachtKind],
      status: r.status,
      statusLabel: OPDRACHT_STATUS_LABELS[r.status as OpdrachtStatus],
      route: r.route,
      outsideRoute: r.route === "buiten_route",
      routeLabel: OPDRACHT_ROUTE_LABELS[r.route as OpdrachtRoute],
      toetsLabel: r.toetsOutcome ? TOETS_OUTCOME_LABELS[r.toetsOutcome as ToetsOutcome] : null,
      requestedBy: r.requestedBy,
      budget: r.budget,
      startDate: r.startDate,
      endDate: r.endDate,
      evaluationDate: r.evaluationDate,
      indicators: r.indicators ? r.indicators.split("\n").map((s) => s.trim()).filter(Boolean) : [],
      ketens: rel.ketens.get(r.id) ?? [],
      themas: rel.themas.get(r.id) ?? [],
      organisations: rel.orgs.get(r.id) ?? [],
      reports,
      nextReport: next ? { dueDate: next.dueDate, title: next.title } : null,
    };
  });
}
export type OpdrachtRow = ReturnType<typeof present>[number];

const ORDER = [sql`case ${o.status} when 'voorgesteld' then 0 when 'getoetst' then 1 when 'lopend' then 2 when 'afgerond' then 3 else 4 end`, asc(o.startDate), asc(o.id)];

export function listOpdrachten(input: { actor: Actor; filter: OpdrachtFilter }): OpdrachtRow[] {
  const rows = getDb()
    .select()
    .from(o)
    .where(and(readableOpdrachtCondition(input.actor), ...filterConditions(input.filter)))
    .orderBy(...ORDER)
    .all();
  return present(rows);
}

/** The choices of the filter bar and the new-item form. */
export function opdrachtOptions() {
  const db = getDb();
  return {
    ketens: db.select({ value: schema.ketens.slug, id: schema.ketens.id, label: schema.ketens.name }).from(schema.ketens).orderBy(asc(schema.ketens.name)).all(),
    themas: db.select({ value: schema.themas.slug, id: schema.themas.id, label: schema.themas.name }).from(schema.themas).orderBy(asc(schema.themas.name)).all(),
    organisations: db
      .select({ value: schema.organisations.slug, id: schema.organisations.id, label: schema.organisations.name, kind: schema.organisations.kind })
      .from(schema.organisations)
      .where(and(eq(schema.organisations.active, true), sql`${schema.organisations.kind} <> 'gemeente'`))
      .orderBy(sql`case ${schema.organisations.kind} when 'wijkteam' then 0 when 'ketenpartner' then 1 else 2 end`, asc(schema.organisations.name))
      .all(),
    statuses: OPDRACHT_STATUSES.map((s) => ({ value: s, label: OPDRACHT_STATUS_LABELS[s] })),
    kinds: OPDRACHT_KINDS.map((k) => ({ value: k, label: OPDRACHT_KIND_LABELS[k] })),
    routes: OPDRACHT_ROUTES.map((k) => ({ value: k, label: OPDRACHT_ROUTE_LABELS[k] })),
  };
}

export function opdrachtRow(actor: Actor, id: number): OpdrachtRow {
  const row = getDb().select().from(o).where(and(eq(o.id, id), readableOpdrachtCondition(actor))).get();
  if (!row) throw notFound("Dit item van het opdrachtenregister bestaat niet, of u heeft er geen toegang toe.");
  return present([row])[0];
}

// ------------------------------------------------------------------ per organisation

const yearOf = (y: number) => ({ from: `${y}-01-01`, to: `${y}-12-31` });
const inYear = (y: number) => and(lte(o.startDate, yearOf(y).to), gte(o.endDate, yearOf(y).from));

export function parseYear(raw: string | null): number {
  const y = raw && /^\d{4}$/.test(raw) ? Number(raw) : Number(today().slice(0, 4));
  return y >= 2015 && y <= 2040 ? y : Number(today().slice(0, 4));
}

/** The load on each wijkteam organisation in a year: what is asked of it, counted from readable items only. */
export function organisationLoad(input: { actor: Actor; year: number }) {
  const db = getDb();
  const { from, to } = yearOf(input.year);
  const orgs = db.select({ id: schema.organisations.id, slug: schema.organisations.slug, name: schema.organisations.name }).from(schema.organisations).where(eq(schema.organisations.kind, "wijkteam")).orderBy(asc(schema.organisations.name)).all();
  const rows = present(db.select().from(o).where(and(readableOpdrachtCondition(input.actor), inYear(input.year), sql`${o.status} <> 'gestopt'`)).all());
  return orgs.map((g) => {
    const mine = rows.filter((r) => r.organisations.some((x) => x.id === g.id));
    return {
      ...g,
      aanvullend: mine.filter((r) => r.kind === "aanvullende_opdracht").length,
      informatie: mine.filter((r) => r.kind === "informatieverzoek").length,
      total: mine.length,
      outsideRoute: mine.filter((r) => r.outsideRoute).length,
      reports: mine.reduce((n, r) => n + r.reports.filter((m) => m.dueDate >= from && m.dueDate <= to).length, 0),
      budget: mine.reduce((n, r) => n + (r.budget ?? 0), 0),
    };
  });
}

/** "Wat vragen we van DOCK dit jaar": the readable items it carries out, and its reporting moments per month. */
export function organisationView(input: { actor: Actor; slug: string; year: number }) {
  const db = getDb();
  const org = db.select({ id: schema.organisations.id, slug: schema.organisations.slug, name: schema.organisations.name, kind: schema.organisations.kind }).from(schema.organisations).where(eq(schema.organisations.slug, input.slug)).get();
  if (!org || org.kind === "gemeente") throw notFound("Deze organisatie bestaat niet in het opdrachtenregister.");
  const { from, to } = yearOf(input.year);
  const items = listOpdrachten({ actor: input.actor, filter: { organisatie: org.slug } }).filter((r) => r.startDate <= to && r.endDate >= from);
  const moments = items
    .flatMap((r) => r.reports.filter((m) => m.dueDate >= from && m.dueDate <= to).map((m) => ({ id: m.id, dueDate: m.dueDate, title: m.title, opdrachtId: r.id, opdrachtTitle: r.title, done: !!m.receivedAt, feedback: !!m.feedback })))
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  const months = new Map<string, typeof moments>();
  for (const m of moments) months.set(m.dueDate.slice(0, 7), [...(months.get(m.dueDate.slice(0, 7)) ?? []), m]);
  const active = items.filter((r) => r.status !== "gestopt");
  return {
    organisation: { slug: org.slug, name: org.name },
    year: input.year,
    items,
    months: [...months.entries()].map(([month, list]) => ({ month, label: formatDate(`${month}-01`).replace(/^1 /, ""), moments: list })),
    totals: {
      active: active.length,
      aanvullend: active.filter((r) => r.kind === "aanvullende_opdracht").length,
      informatie: active.filter((r) => r.kind === "informatieverzoek").length,
      outsideRoute: active.filter((r) => r.outsideRoute).length,
      reports: moments.length,
      budget: active.reduce((n, r) => n + (r.budget ?? 0), 0),
    },
  };
}

// ------------------------------------------------------------------ CSV and agenda

const CSV_HEAD = ["Nummer", "Soort", "Titel", "Doel", "Gevraagd door", "Ketens", "Thema's", "Uitgevoerd door", "Budget (euro)", "Begin", "Einde", "Evaluatie", "Status", "Route", "Toets", "Rapportagemomenten", "Indicatoren"];

/** The register as CSV (";" for Excel in a Dutch locale), the same rows as the page. */
export function opdrachtenCsv(rows: OpdrachtRow[]): string {
  const lines = [CSV_HEAD.map(csvCell).join(";")];
  for (const r of rows) {
    lines.push(
      [
        r.id,
        r.kindLabel,
        r.title,
        r.purpose,
        r.requestedBy,
        r.ketens.map((k) => k.name).join(", "),
        r.themas.map((t) => t.name).join(", "),
        r.organisations.map((g) => g.name).join(", "),
        r.budget ?? null,
        r.startDate,
        r.endDate,
        r.evaluationDate,
        r.statusLabel,
        r.routeLabel,
        r.toetsLabel,
        r.reports.map((m) => `${m.dueDate} ${m.title}`).join("\n"),
        r.indicators.join("\n"),
      ]
        .map(csvCell)
        .join(";"),
    );
  }
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}

/** Coming reporting moments of readable, running items (the start page and the agenda feed). */
export function upcomingReports(input: { actor: Actor; from?: string; days?: number; limit?: number }) {
  const from = input.from ?? today();
  const until = new Date(`${from}T00:00:00Z`);
  until.setUTCDate(until.getUTCDate() + (input.days ?? 366));
  const r = schema.opdrachtReports;
  return getDb()
    .select({ id: r.id, dueDate: r.dueDate, title: r.title, opdrachtId: o.id, opdrachtTitle: o.title, status: o.status })
    .from(r)
    .innerJoin(o, eq(r.opdrachtId, o.id))
    .where(and(readableOpdrachtCondition(input.actor), inArray(o.status, [...ACTIVE_OPDRACHT_STATUSES, "voorgesteld"]), gte(r.dueDate, from), lte(r.dueDate, until.toISOString().slice(0, 10)), isNull(r.receivedAt)))
    .orderBy(asc(r.dueDate), asc(r.id))
    .limit(input.limit ?? 500)
    .all();
}
