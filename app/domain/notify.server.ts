// In-app inbox + e-mail in one call. Rows are written in the caller's transaction; the
// mailer service delivers e-mails afterwards (and retries), so a failing SMTP server never
// loses a notification or rolls back the change that caused it.
import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import { prepared } from "~/db/prepared.server";
import { nowIso } from "~/utils/clock.server";
import { env } from "~/utils/env.server";
import { loadActor, type Actor } from "./actor.server";
import { documentReadFacts, proposalFacts, signalFacts, verkenningFacts } from "./facts.server";
import { canReadDocument, canReadDraft, canReadOpdracht, canReadProposal, canReadSignal, canReadVerkenning } from "./policy.server";
import { oneLine } from "./export-escape";
import { deliveryFor, queueForDigest } from "./notices/preferences.server";
import { opdrachtFacts } from "./opdrachten/facts.server";

type Writer = Pick<ReturnType<typeof getDb>, "insert" | "select">;

export type Notice = {
  kind: string;
  title: string;
  body: string;
  /** Path inside the portal, e.g. /signalen/12. */
  link: string;
  /** Also send an e-mail (default true). */
  email?: boolean;
  /** Optional calendar attachment (text/calendar). */
  ics?: string;
};

export function publicUrl(): string {
  const e = env();
  return e.PUBLIC_URL || `http://localhost:${e.PORT}`;
}

/**
 * May this person open what a portal path points at? Notifications and e-mails carry a title
 * and an address, so they pass the same read rule as the page they link to.
 */
export function canOpenLink(actor: Actor, link: string, db: Pick<Writer, "select"> = getDb()): boolean {
  const path = link.split(/[?#]/)[0];
  const signal = /^\/signalen\/(\d+)(?:\/|$)/.exec(path);
  if (signal) {
    const f = signalFacts(Number(signal[1]), db);
    return !!f && canReadSignal(actor, f);
  }
  const proposal = /^\/wijzigingen\/(\d+)(?:\/|$)/.exec(path);
  if (proposal) {
    const f = proposalFacts(Number(proposal[1]), db);
    return !!f && canReadProposal(actor, f);
  }
  const opdracht = /^\/opdrachten\/(\d+)(?:\/|$)/.exec(path);
  if (opdracht) {
    const f = opdrachtFacts(Number(opdracht[1]), db);
    return !!f && canReadOpdracht(actor, f);
  }
  const verkenning = /^\/verkenningen\/(\d+)(?:\/|$)/.exec(path);
  if (verkenning) {
    const f = verkenningFacts(Number(verkenning[1]), db);
    return !!f && canReadVerkenning(actor, f);
  }
  const document = /^\/documenten\/([^/]+)(?:\/|$)/.exec(path);
  if (document && document[1] !== "nieuw") {
    const row = db.select({ id: schema.documents.id }).from(schema.documents).where(eq(schema.documents.slug, decodeURIComponent(document[1]))).get();
    const f = row ? documentReadFacts(row.id, db) : null;
    // The draft editor (and its margin comments) is for those who read the draft.
    if (/^\/documenten\/[^/]+\/bewerken(?:\/|$)/.test(path)) return !!f && canReadDraft(actor, f);
    return !!f && canReadDocument(actor, f);
  }
  return true;
}

export function notify(tx: Writer, personIds: number[], notice: Notice): void {
  const ids = [...new Set(personIds)];
  if (!ids.length) return;
  const people = tx
    .select({ id: schema.people.id, email: schema.people.email, name: schema.people.name, active: schema.people.active })
    .from(schema.people)
    .where(inArray(schema.people.id, ids))
    .all();
  const at = nowIso();
  for (const p of people) {
    if (!p.active) continue;
    // Someone who may not open the linked item gets neither its title nor its address.
    const actor = loadActor(p.id);
    if (!actor || !canOpenLink(actor, notice.link, tx)) continue;
    const row = tx
      .insert(schema.notifications)
      .values({ personId: p.id, kind: notice.kind, title: notice.title, body: notice.body, link: notice.link, createdAt: at })
      .returning({ id: schema.notifications.id })
      .get();
    // The person's choice for this kind of notice: an e-mail now (default), a digest, or none.
    const delivery = notice.email === false ? "portaal" : deliveryFor(tx, p.id, notice.kind);
    if (delivery === "dagelijks" || delivery === "wekelijks") queueForDigest(tx, { personId: p.id, notificationId: row.id, period: delivery, at });
    if (delivery === "direct") {
      tx.insert(schema.emails)
        .values({
          personId: p.id,
          to: p.email,
          subject: `[Ketenportaal] ${oneLine(notice.title)}`,
          text: `Beste ${p.name},\n\n${notice.body}\n\nBekijk het in Ketenportaal: ${publicUrl()}${notice.link}\n\n-- \nDit bericht is automatisch verstuurd door Ketenportaal.`,
          ics: notice.ics ?? null,
          createdAt: at,
        })
        .run();
    }
  }
}

/** What a notification about something no longer readable shows instead of its title. */
export const HIDDEN_NOTICE = "Een melding over iets dat niet (meer) voor u zichtbaar is";

/**
 * The inbox, read with the rule as it is now: access may have changed since the notice was
 * written (a keten membership ended), so what the person can no longer open is masked.
 */
export function listNotifications(personId: number, limit = 50) {
  const actor = loadActor(personId);
  return listNotificationRows(personId, limit).map((n) =>
    actor && canOpenLink(actor, n.link) ? n : { ...n, title: HIDDEN_NOTICE, body: "", link: "/meldingen" },
  );
}

function listNotificationRows(personId: number, limit: number) {
  return getDb()
    .select({
      id: schema.notifications.id,
      kind: schema.notifications.kind,
      title: schema.notifications.title,
      body: schema.notifications.body,
      link: schema.notifications.link,
      createdAt: schema.notifications.createdAt,
      readAt: schema.notifications.readAt,
    })
    .from(schema.notifications)
    .where(eq(schema.notifications.personId, personId))
    .orderBy(desc(schema.notifications.createdAt), desc(schema.notifications.id))
    .limit(limit)
    .all();
}

/** Asked by the root loader on every page: prepared once per database handle. */
export function unreadCount(personId: number): number {
  const q = prepared(getDb(), "notifications:unread", (db) =>
    db
      .select({ n: sql<number>`count(*)` })
      .from(schema.notifications)
      .where(and(eq(schema.notifications.personId, sql.placeholder("personId")), isNull(schema.notifications.readAt)))
      .prepare(),
  );
  return q.get({ personId })?.n ?? 0;
}

/** Mark one (or all) of the person's notifications read; only their own rows are touched. */
export function markRead(personId: number, id?: number): void {
  const where = id
    ? and(eq(schema.notifications.personId, personId), eq(schema.notifications.id, id))
    : eq(schema.notifications.personId, personId);
  getDb().update(schema.notifications).set({ readAt: nowIso() }).where(and(where, isNull(schema.notifications.readAt))).run();
}

export function listOutbox(limit = 100) {
  return getDb()
    .select({
      id: schema.emails.id,
      to: schema.emails.to,
      subject: schema.emails.subject,
      text: schema.emails.text,
      hasIcs: sql<number>`${schema.emails.ics} is not null`,
      createdAt: schema.emails.createdAt,
      sentAt: schema.emails.sentAt,
      error: schema.emails.error,
    })
    .from(schema.emails)
    .orderBy(desc(schema.emails.id))
    .limit(limit)
    .all();
}
