// Reading signals: the list with filters, the detail presenter, "mijn signalen" and the start
// page section. Presenters pick the fields a page needs; access is in the query itself.
import { and, asc, desc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { SignalListRow } from "~/shared/signals";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb, schema } from "~/db/client.server";
import type { SignalStatus } from "~/db/schema";
import type { ListFilter } from "~/shared/signal-forms";
import { ACTION_LABELS, CLOSED_STATUSES, OPEN_STATUSES, STADSBREED, STATUS_LABELS, allowedTargets, type TextRule } from "~/shared/signals";
import { amsterdamDate } from "~/shared/dates";
import { today } from "~/utils/clock.server";
import type { Actor } from "../actor.server";
import { badRequest } from "../errors";
import { standInKetenIds } from "../overleg/facts.server";
import { canHandleSignal, canRecogniseSignal, isSignalCoOwner, isSignalReporter, isStandingInForSignal, readableDocumentCondition } from "../policy.server";
import { loadReadableSignal, readableCondition } from "./access.server";
import { linkTargetOptions, listLinksOf } from "./links.server";
import { isOverdue, mergeCandidates, reopenDeadline } from "./signals.server";
import { addDays, workingDaysBetween } from "~/shared/working-days";

const s = schema.signals;

// ------------------------------------------------------------------ list

export type ListRow = SignalListRow;

function wijkenLabel(stadsbreed: boolean, names: string | null): string {
  return stadsbreed ? "Stadsbreed" : (names ?? "").split("|").filter(Boolean).sort().join(", ");
}

function listSelect() {
  return {
    id: s.id,
    title: s.title,
    status: s.status,
    createdAt: s.createdAt,
    dueAt: s.dueAt,
    stadsbreed: s.stadsbreed,
    feedback: s.feedback,
    closedAt: s.closedAt,
    ownerKetenName: schema.ketens.name,
    themaName: schema.themas.name,
    wijkNames: sql<string | null>`(select group_concat(w.name, '|') from signal_wijken sw join wijken w on w.id = sw.wijk_id where sw.signal_id = ${s.id})`,
    recognitionCount: sql<number>`(select count(*) from signal_recognitions r where r.signal_id = ${s.id})`,
  };
}

function present<T extends { status: SignalStatus; dueAt: string; stadsbreed: boolean; wijkNames: string | null }>(r: T, on: string) {
  const { wijkNames, ...rest } = r;
  return { ...rest, statusLabel: STATUS_LABELS[r.status], wijken: wijkenLabel(r.stadsbreed, wijkNames), overdue: isOverdue(r, on) };
}

/** Resolve filter slugs to ids; unknown values are a 400 with a Dutch message. */
function filterConditions(f: ListFilter, on: string): SQL[] {
  const db = getDb();
  const conds: SQL[] = [];
  if (f.keten) {
    const k = db.select({ id: schema.ketens.id }).from(schema.ketens).where(eq(schema.ketens.slug, f.keten)).get();
    if (!k) throw badRequest(`Onbekende keten "${f.keten}" in het filter.`);
    conds.push(sql`exists (select 1 from signal_ketens sk where sk.signal_id = ${s.id} and sk.keten_id = ${k.id})`);
  }
  if (f.thema) {
    const t = db.select({ id: schema.themas.id }).from(schema.themas).where(eq(schema.themas.slug, f.thema)).get();
    if (!t) throw badRequest(`Onbekend thema "${f.thema}" in het filter.`);
    conds.push(eq(s.themaId, t.id));
  }
  if (f.wijk) {
    if (f.wijk === STADSBREED) conds.push(eq(s.stadsbreed, true));
    else {
      const w = db.select({ id: schema.wijken.id }).from(schema.wijken).where(eq(schema.wijken.slug, f.wijk)).get();
      if (!w) throw badRequest(`Onbekende wijk "${f.wijk}" in het filter.`);
      conds.push(sql`exists (select 1 from signal_wijken sw where sw.signal_id = ${s.id} and sw.wijk_id = ${w.id})`);
    }
  }
  if (f.status === "open") conds.push(inArray(s.status, [...OPEN_STATUSES]));
  else if (f.status === "gesloten") conds.push(inArray(s.status, [...CLOSED_STATUSES]));
  else if (f.status) conds.push(eq(s.status, f.status));
  if (f.achter) conds.push(and(inArray(s.status, [...OPEN_STATUSES]), sql`${s.dueAt} < ${on}`)!);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conds.push(sql`(${s.title} like ${like} escape '\\' or ${s.description} like ${like} escape '\\')`);
  }
  return conds;
}

export function listSignals(input: { actor: Actor; filter: ListFilter; limit?: number }): { rows: ListRow[]; total: number } {
  const on = today();
  const where = and(readableCondition(input.actor), ...filterConditions(input.filter, on));
  const db = getDb();
  const total = db.select({ n: sql<number>`count(*)` }).from(s).where(where).get()?.n ?? 0;
  const rows = db
    .select(listSelect())
    .from(s)
    .innerJoin(schema.ketens, eq(s.ownerKetenId, schema.ketens.id))
    .innerJoin(schema.themas, eq(s.themaId, schema.themas.id))
    .where(where)
    .orderBy(desc(s.createdAt), desc(s.id))
    .limit(input.limit ?? 200)
    .all();
  return { rows: rows.map((r) => present(r, on)), total };
}

export function filterOptions() {
  const db = getDb();
  return {
    ketens: db.select({ id: schema.ketens.id, slug: schema.ketens.slug, name: schema.ketens.name, feedbackDays: schema.ketens.feedbackDays, regisseurName: schema.people.name })
      .from(schema.ketens)
      .leftJoin(schema.people, eq(schema.ketens.regisseurId, schema.people.id))
      .orderBy(asc(schema.ketens.name))
      .all(),
    themas: db.select({ id: schema.themas.id, slug: schema.themas.slug, name: schema.themas.name }).from(schema.themas).orderBy(asc(schema.themas.name)).all(),
    wijken: db.select({ id: schema.wijken.id, slug: schema.wijken.slug, name: schema.wijken.name }).from(schema.wijken).orderBy(asc(schema.wijken.name)).all(),
  };
}

// ------------------------------------------------------------------ detail

export function getSignalDetail(input: { actor: Actor; id: number }) {
  const { actor } = input;
  const db = getDb();
  const sig = loadReadableSignal(db, actor, input.id);
  const on = today();
  const reporter = db
    .select({ name: schema.people.name, organisationName: schema.organisations.name })
    .from(schema.people)
    .innerJoin(schema.organisations, eq(schema.people.organisationId, schema.organisations.id))
    .where(eq(schema.people.id, sig.reporterId))
    .get();
  const ketens = db
    .select({ id: schema.ketens.id, slug: schema.ketens.slug, name: schema.ketens.name, regisseurName: schema.people.name })
    .from(schema.ketens)
    .leftJoin(schema.people, eq(schema.ketens.regisseurId, schema.people.id))
    .where(inArray(schema.ketens.id, sig.ketenIds))
    .orderBy(asc(schema.ketens.name))
    .all()
    .map((k) => ({ ...k, isOwner: k.id === sig.ownerKetenId }));
  const thema = db.select({ name: schema.themas.name, slug: schema.themas.slug }).from(schema.themas).where(eq(schema.themas.id, sig.themaId)).get();
  const wijken = db
    .select({ id: schema.wijken.id, name: schema.wijken.name })
    .from(schema.signalWijken)
    .innerJoin(schema.wijken, eq(schema.signalWijken.wijkId, schema.wijken.id))
    .where(eq(schema.signalWijken.signalId, sig.id))
    .orderBy(asc(schema.wijken.name))
    .all();
  const by = alias(schema.people, "by");
  const timeline = db
    .select({ id: schema.signalTransitions.id, at: schema.signalTransitions.at, from: schema.signalTransitions.fromStatus, to: schema.signalTransitions.toStatus, note: schema.signalTransitions.note, byName: by.name })
    .from(schema.signalTransitions)
    .leftJoin(by, eq(schema.signalTransitions.byId, by.id))
    .where(eq(schema.signalTransitions.signalId, sig.id))
    .orderBy(asc(schema.signalTransitions.at), asc(schema.signalTransitions.id))
    .all()
    .map((t) => ({ ...t, toLabel: STATUS_LABELS[t.to as SignalStatus] ?? t.to, fromLabel: t.from ? (STATUS_LABELS[t.from as SignalStatus] ?? t.from) : null }));
  const recognitions = db
    .select({
      personId: schema.signalRecognitions.personId,
      personName: schema.people.name,
      organisationName: schema.organisations.name,
      wijkId: schema.signalRecognitions.wijkId,
      wijkName: schema.wijken.name,
      note: schema.signalRecognitions.note,
      createdAt: schema.signalRecognitions.createdAt,
    })
    .from(schema.signalRecognitions)
    .innerJoin(schema.people, eq(schema.signalRecognitions.personId, schema.people.id))
    .innerJoin(schema.organisations, eq(schema.signalRecognitions.organisationId, schema.organisations.id))
    .leftJoin(schema.wijken, eq(schema.signalRecognitions.wijkId, schema.wijken.id))
    .where(eq(schema.signalRecognitions.signalId, sig.id))
    .orderBy(asc(schema.signalRecognitions.createdAt))
    .all();
  // Related items pass the same read rule as their own pages: what this reader may not open
  // is left out entirely (no title, no address, no reporter).
  const mergedInto = sig.mergedIntoId
    ? db.select({ id: s.id, title: s.title }).from(s).where(and(eq(s.id, sig.mergedIntoId), readableCondition(actor))).get() ?? null
    : null;
  const mergedFrom = db
    .select({ id: s.id, title: s.title, reporterName: schema.people.name })
    .from(s)
    .innerJoin(schema.people, eq(s.reporterId, schema.people.id))
    .where(and(eq(s.mergedIntoId, sig.id), readableCondition(actor)))
    .orderBy(asc(s.id))
    .all();
  const document = sig.documentId
    ? db
        .select({ slug: schema.documents.slug, title: schema.documents.title })
        .from(schema.documents)
        .where(and(eq(schema.documents.id, sig.documentId), readableDocumentCondition(actor)))
        .get() ?? null
    : null;

  // "Herkenbaar": how far the pattern reaches — people, organisations and wijken.
  const spread = new Map<string, number>();
  for (const w of wijken) spread.set(w.name, (spread.get(w.name) ?? 0) + 1);
  if (sig.stadsbreed) spread.set("Stadsbreed", (spread.get("Stadsbreed") ?? 0) + 1);
  for (const r of recognitions) {
    const key = r.wijkName ?? "Geen wijk opgegeven";
    spread.set(key, (spread.get(key) ?? 0) + 1);
  }

  const canHandle = canHandleSignal(actor, sig);
  const isReporter = isSignalReporter(actor, sig);
  const lastReopenDay = ["afgehandeld", "niet_opgepakt"].includes(sig.status) ? reopenDeadline(sig.closedAt) : null;
  const label = (to: SignalStatus, text: TextRule) => ({ to, text, label: ACTION_LABELS[to] ?? STATUS_LABELS[to] });
  const ownerTargets = canHandle ? allowedTargets(sig.status, "owner").map((t) => label(t.to, t.text)) : [];
  const reporterTargets = isReporter
    ? allowedTargets(sig.status, "reporter")
        .filter((t) => t.to !== "heropend" || (lastReopenDay !== null && on <= lastReopenDay))
        .map((t) => label(t.to, t.text))
    : [];

  return {
    signal: {
      id: sig.id,
      title: sig.title,
      description: sig.description,
      status: sig.status,
      statusLabel: STATUS_LABELS[sig.status],
      statusReason: sig.statusReason,
      feedback: sig.feedback,
      createdAt: sig.createdAt,
      dueAt: sig.dueAt,
      closedAt: sig.closedAt,
      firstFeedbackAt: sig.firstFeedbackAt,
      overdue: isOverdue(sig, on),
      workingDaysLeft: workingDaysBetween(on, sig.dueAt),
      stadsbreed: sig.stadsbreed,
      documentAnchor: sig.documentAnchor,
    },
    reporter: reporter ?? { name: "Onbekend", organisationName: "" },
    ketens,
    thema: thema ?? { name: "", slug: "" },
    wijken,
    document,
    mergedInto,
    mergedFrom,
    timeline,
    recognitions: recognitions.map((r) => ({ ...r, isMine: r.personId === actor.id })),
    recognitionStats: {
      people: recognitions.length,
      organisations: new Set(recognitions.map((r) => r.organisationName)).size,
      spread: [...spread.entries()].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
    },
    links: listLinksOf(actor, sig.id, db),
    can: {
      handle: canHandle,
      /** The deputy handles it as stand-in for the regisseur (shown, and logged in both names). */
      standIn: isStandingInForSignal(actor, sig),
      ownerTargets,
      reporterTargets,
      lastReopenDay,
      isReporter,
      isCoOwner: !canHandle && isSignalCoOwner(actor, sig),
      recognise: canRecogniseSignal(actor, sig) && sig.status !== "samengevoegd",
      hasRecognised: recognitions.some((r) => r.personId === actor.id),
      merge: canHandle && sig.status !== "samengevoegd" && OPEN_STATUSES.includes(sig.status),
      transfer: canHandle && OPEN_STATUSES.includes(sig.status) && sig.ketenIds.length > 1,
    },
    mergeCandidates: canHandle ? mergeCandidates({ actor, id: sig.id }) : [],
    linkOptions: canHandle ? linkTargetOptions(actor) : null,
  };
}

// ------------------------------------------------------------------ mine and start page

/** What I reported and what I follow (merged duplicates), newest first, with the answer. */
export function mySignals(input: { actor: Actor }) {
  const on = today();
  const db = getDb();
  const rows = db
    .select({ ...listSelect(), reporterId: s.reporterId, statusReason: s.statusReason })
    .from(s)
    .innerJoin(schema.ketens, eq(s.ownerKetenId, schema.ketens.id))
    .innerJoin(schema.themas, eq(s.themaId, schema.themas.id))
    .where(
      and(
        readableCondition(input.actor),
        or(eq(s.reporterId, input.actor.id), sql`exists (select 1 from signal_followers f where f.signal_id = ${s.id} and f.person_id = ${input.actor.id})`),
      ),
    )
    .orderBy(desc(s.createdAt), desc(s.id))
    .all();
  return rows.map(({ statusReason, ...r }) => ({
    ...present(r, on),
    following: r.reporterId !== input.actor.id,
    /** The regisseur's open question, when the signal waits for the reporter. */
    question: r.status === "informatie_gevraagd" ? statusReason : null,
  }));
}

/** The start page: my open or recently answered signals; for regisseurs, what waits for them. */
export function signalsForHome(actor: Actor) {
  const on = today();
  const mine = mySignals({ actor })
    .filter((r) => OPEN_STATUSES.includes(r.status) || (r.closedAt !== null && amsterdamDate(new Date(r.closedAt)) >= addDays(on, -30)))
    .slice(0, 5);
  let forMe: (ListRow & { isOwner: boolean })[] = [];
  // The deputy regisseur, while set as stand-in, finds the keten's signals here too.
  const ids = [...new Set([...actor.regisseurOfKetenIds, ...standInKetenIds(actor.id)])];
  if (ids.length) {
    const db = getDb();
    forMe = db
      .select({ ...listSelect(), ownerKetenId: s.ownerKetenId })
      .from(s)
      .innerJoin(schema.ketens, eq(s.ownerKetenId, schema.ketens.id))
      .innerJoin(schema.themas, eq(s.themaId, schema.themas.id))
      .where(
        and(
          readableCondition(actor),
          inArray(s.status, [...OPEN_STATUSES]),
          sql`exists (select 1 from signal_ketens sk where sk.signal_id = ${s.id} and sk.keten_id in (${sql.join(ids.map((k) => sql`${k}`), sql`, `)}))`,
        ),
      )
      .orderBy(asc(s.dueAt), asc(s.id))
      .all()
      .map((r) => ({ ...present(r, on), isOwner: ids.includes(r.ownerKetenId) }));
  }
  return {
    mine,
    forMe: forMe.slice(0, 8),
    forMeTotal: forMe.length,
    forMeOverdue: forMe.filter((r) => r.overdue).length,
  };
}

/** Choices on the report form: ketens with their regisseur and term, thema's, wijken, documents. */
export function reportFormOptions() {
  const db = getDb();
  const documents = db
    .select({ id: schema.documents.id, slug: schema.documents.slug, title: schema.documents.title })
    .from(schema.documents)
    .where(eq(schema.documents.status, "gepubliceerd"))
    .orderBy(asc(schema.documents.title))
    .all();
  return { ...filterOptions(), documents };
}
