// How each person wants each category of notice: at once by e-mail (the default, also when no
// row exists), in a daily or weekly digest, or only in the portal. notify() asks deliveryFor()
// per recipient and either writes the e-mail now or queues the notice for the digest.
import { and, eq } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import type { DigestPeriod, NoticeDelivery } from "~/db/schema";
import { NOTICE_CATEGORIES, NOTICE_CATEGORY_LABELS, noticeCategory, type NoticeCategory } from "~/shared/notices";
import type { Actor } from "../actor.server";
import { audit } from "../audit.server";

type Reader = Pick<ReturnType<typeof getDb>, "select">;
type Writer = Pick<ReturnType<typeof getDb>, "insert" | "select">;

export function deliveryFor(db: Reader, personId: number, kind: string): NoticeDelivery {
  const row = db
    .select({ delivery: schema.noticePreferences.delivery })
    .from(schema.noticePreferences)
    .where(and(eq(schema.noticePreferences.personId, personId), eq(schema.noticePreferences.category, noticeCategory(kind))))
    .get();
  return row?.delivery ?? "direct";
}

/** Keep a notice (already in the inbox) for the person's next daily or weekly digest. */
export function queueForDigest(tx: Writer, entry: { personId: number; notificationId: number; period: DigestPeriod; at: string }): void {
  tx.insert(schema.digestQueue).values({ notificationId: entry.notificationId, personId: entry.personId, period: entry.period, createdAt: entry.at }).onConflictDoNothing().run();
}

export function noticePreferencesFor(actor: Actor): Array<{ category: NoticeCategory; label: string; delivery: NoticeDelivery }> {
  const rows = getDb()
    .select({ category: schema.noticePreferences.category, delivery: schema.noticePreferences.delivery })
    .from(schema.noticePreferences)
    .where(eq(schema.noticePreferences.personId, actor.id))
    .all();
  const chosen = new Map(rows.map((r) => [r.category, r.delivery]));
  return NOTICE_CATEGORIES.map((category) => ({ category, label: NOTICE_CATEGORY_LABELS[category], delivery: chosen.get(category) ?? "direct" }));
}

/** The signed-in person's own choices; nobody sets them for someone else. */
export function setNoticePreferences(input: { actor: Actor; preferences: Record<NoticeCategory, NoticeDelivery> }): void {
  const { actor } = input;
  getDb().transaction((tx) => {
    for (const category of NOTICE_CATEGORIES) {
      const delivery = input.preferences[category];
      tx.insert(schema.noticePreferences)
        .values({ personId: actor.id, category, delivery })
        .onConflictDoUpdate({ target: [schema.noticePreferences.personId, schema.noticePreferences.category], set: { delivery } })
        .run();
    }
    audit({ actorId: actor.id, action: "person.notice_preferences", entityType: "person", entityId: actor.id, after: input.preferences }, tx);
  });
}
