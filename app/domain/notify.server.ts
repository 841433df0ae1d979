// In-app inbox + e-mail in one call. Rows are written in the caller's transaction; the
// mailer service delivers e-mails afterwards (and retries), so a failing SMTP server never
// loses a notification or rolls back the change that caused it.
import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import { nowIso } from "~/utils/clock.server";
import { env } from "~/utils/env.server";

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
    tx.insert(schema.notifications)
      .values({ personId: p.id, kind: notice.kind, title: notice.title, body: notice.body, link: notice.link, createdAt: at })
      .run();
    if (notice.email !== false) {
      tx.insert(schema.emails)
        .values({
          personId: p.id,
          to: p.email,
          subject: `[Ketenportaal] ${notice.title}`,
          text: `Beste ${p.name},\n\n${notice.body}\n\nBekijk het in Ketenportaal: ${publicUrl()}${notice.link}\n\n-- \nDit bericht is automatisch verstuurd door Ketenportaal.`,
          ics: notice.ics ?? null,
          createdAt: at,
        })
        .run();
    }
  }
}

export function listNotifications(personId: number, limit = 50) {
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
    .orderBy(desc(schema.notifications.id))
    .limit(limit)
    .all();
}

export function unreadCount(personId: number): number {
  return (
    getDb()
      .select({ n: sql<number>`count(*)` })
      .from(schema.notifications)
      .where(and(eq(schema.notifications.personId, personId), isNull(schema.notifications.readAt)))
      .get()?.n ?? 0
  );
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
