// Browsing the audit log in beheer: filters (who, what, period, object type) read from the
// query string, Dutch sentences per entry, and the same selection as CSV.
import { and, desc, eq, gte, inArray, lte, sql, type SQL } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import { AUDIT_OBJECT_LABELS, auditActionLabel, auditChanges, auditSentence } from "~/shared/audit-labels";
import { formatDate } from "~/shared/dates";
import type { Actor } from "./actor.server";
import { badRequest } from "./errors";
import { csvCell } from "./export-escape";
import { auditRowsQuery } from "./audit.server";
import { assertCanAdminister } from "./policy.server";

export type AuditFilter = { wie: number | null; wat: string | null; van: string | null; tot: string | null; object: string | null };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The filter from the query string; a malformed value is a 400 with a Dutch message. */
export function parseAuditFilter(params: URLSearchParams): AuditFilter {
  const text = (k: string) => {
    const v = (params.get(k) ?? "").trim();
    return v ? v.slice(0, 200) : null;
  };
  const wieText = text("wie");
  const wie = wieText == null ? null : Number(wieText);
  if (wie != null && !(Number.isInteger(wie) && wie > 0)) throw badRequest("Kies een persoon uit de lijst.", { wie: "Kies een persoon uit de lijst." });
  const van = text("van");
  const tot = text("tot");
  if (van && !DAY.test(van)) throw badRequest("Vul een geldige begindatum in.", { van: "Vul een geldige datum in." });
  if (tot && !DAY.test(tot)) throw badRequest("Vul een geldige einddatum in.", { tot: "Vul een geldige datum in." });
  if (van && tot && van > tot) throw badRequest("De begindatum ligt na de einddatum.", { van: "De begindatum ligt na de einddatum." });
  return { wie, wat: text("wat"), van, tot, object: text("object") };
}

function where(f: AuditFilter): SQL | undefined {
  const parts: SQL[] = [];
  if (f.wie != null) parts.push(eq(schema.auditLog.actorId, f.wie));
  if (f.wat) parts.push(eq(schema.auditLog.action, f.wat));
  if (f.object) parts.push(inArray(schema.auditLog.entityType, sameObjectTypes(f.object)));
  if (f.van) parts.push(gte(schema.auditLog.at, `${f.van}T00:00:00`));
  if (f.tot) parts.push(lte(schema.auditLog.at, `${f.tot}T23:59:59.999Z`));
  return parts.length ? and(...parts) : undefined;
}

/** "signal" and "signaal" (and "person"/"persoon") are one object type for the reader. */
function sameObjectTypes(type: string): string[] {
  const label = AUDIT_OBJECT_LABELS[type];
  return label ? Object.keys(AUDIT_OBJECT_LABELS).filter((k) => AUDIT_OBJECT_LABELS[k] === label) : [type];
}

/** Titles of the objects entries are about, for the sentence. */
function objectNames(rows: { entityType: string; entityId: string }[]): Map<string, string> {
  const db = getDb();
  const ids = (types: string[]) => [...new Set(rows.filter((r) => types.includes(r.entityType)).map((r) => Number(r.entityId)).filter((n) => Number.isInteger(n) && n > 0))];
  const out = new Map<string, string>();
  const add = (types: string[], list: { id: number; name: string }[]) => list.forEach((x) => types.forEach((t) => out.set(`${t}:${x.id}`, x.name)));
  const p = ids(["proposal"]);
  if (p.length) add(["proposal"], db.select({ id: schema.proposals.id, name: schema.proposals.title }).from(schema.proposals).where(inArray(schema.proposals.id, p)).all());
  const d = ids(["document"]);
  if (d.length) add(["document"], db.select({ id: schema.documents.id, name: schema.documents.title }).from(schema.documents).where(inArray(schema.documents.id, d)).all());
  const s = ids(["signal", "signaal"]);
  if (s.length) add(["signal", "signaal"], db.select({ id: schema.signals.id, name: schema.signals.title }).from(schema.signals).where(inArray(schema.signals.id, s)).all());
  const pe = ids(["person", "persoon"]);
  if (pe.length) add(["person", "persoon"], db.select({ id: schema.people.id, name: schema.people.name }).from(schema.people).where(inArray(schema.people.id, pe)).all());
  return out;
}

function rowsFor(f: AuditFilter, limit: number, offset: number) {
  const rows = auditRowsQuery()
    .where(where(f))
    .orderBy(desc(schema.auditLog.id))
    .limit(limit)
    .offset(offset)
    .all();
  const names = objectNames(rows);
  return rows.map((r) => {
    const withName = { ...r, objectName: names.get(`${r.entityType}:${r.entityId}`) ?? null };
    return { id: r.id, at: r.at, sentence: auditSentence(withName), changes: auditChanges(r.before, r.after), action: r.action, actorName: r.actorName, objectType: AUDIT_OBJECT_LABELS[r.entityType] ?? r.entityType, entityId: r.entityId };
  });
}

/** One page of the audit log for a beheerder, with the choices for the filter form. */
export function auditLogPage(input: { actor: Actor; filter: AuditFilter; page: number; pageSize: number }) {
  assertCanAdminister(input.actor);
  const db = getDb();
  const people = db
    .select({ id: schema.people.id, name: schema.people.name })
    .from(schema.people)
    .where(sql`${schema.people.id} in (select actor_id from audit_log where actor_id is not null)`)
    .orderBy(schema.people.name)
    .all();
  const actions = db.selectDistinct({ action: schema.auditLog.action }).from(schema.auditLog).all().map((a) => ({ value: a.action, label: auditActionLabel(a.action).replace(/:$/, "") }));
  actions.sort((a, b) => a.label.localeCompare(b.label, "nl"));
  const types = db.selectDistinct({ t: schema.auditLog.entityType }).from(schema.auditLog).all().map((t) => t.t);
  const objects = [...new Map(types.map((t) => [AUDIT_OBJECT_LABELS[t] ?? t, t])).entries()].map(([label, value]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, "nl"));
  return { entries: rowsFor(input.filter, input.pageSize + 1, (input.page - 1) * input.pageSize), people, actions, objects };
}

const CSV_LIMIT = 50_000;

/** The filtered audit log as CSV (semicolon-separated, for Excel in Dutch), newest first. */
export function auditLogCsv(input: { actor: Actor; filter: AuditFilter }): string {
  assertCanAdminister(input.actor);
  const head = ["Wanneer", "Wie", "Wat", "Object", "Nummer", "Wijzigingen", "Actiecode"];
  const lines = rowsFor(input.filter, CSV_LIMIT, 0).map((e) =>
    [formatDate(e.at, true), e.actorName ?? "systeem", e.sentence, e.objectType, e.entityId, e.changes.join("; "), e.action].map(csvCell).join(";"),
  );
  return `\uFEFF${[head.map(csvCell).join(";"), ...lines].join("\r\n")}\r\n`;
}
