// "Nieuw sinds uw laatste bezoek" on the start page: the notices that arrived since the person's
// previous visit. A visit is the start page opened after more than VISIT_GAP_MINUTES away, so
// moving around the portal does not reset what counts as new.
import { eq } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import { now } from "~/utils/clock.server";
import type { Actor } from "../actor.server";
import { HIDDEN_NOTICE, listNotifications } from "../notify.server";

const VISIT_GAP_MINUTES = 30;

export function newSinceLastVisit(actor: Actor, limit = 8) {
  const db = getDb();
  const at = now();
  const row = db.select().from(schema.personVisits).where(eq(schema.personVisits.personId, actor.id)).get();
  let since: string | null = row?.previousSeenAt ?? null;
  if (!row) {
    db.insert(schema.personVisits).values({ personId: actor.id, lastSeenAt: at.toISOString(), previousSeenAt: null }).onConflictDoNothing().run();
  } else {
    const newVisit = at.getTime() - Date.parse(row.lastSeenAt) > VISIT_GAP_MINUTES * 60_000;
    if (newVisit) since = row.lastSeenAt;
    db.update(schema.personVisits)
      .set({ lastSeenAt: at.toISOString(), previousSeenAt: since })
      .where(eq(schema.personVisits.personId, actor.id))
      .run();
  }
  if (!since) return { since: null, count: 0, items: [] };
  const cutoff = since;
  // Masked by the read rule as it is now; masked items are not "new" to show.
  const fresh = listNotifications(actor.id, 200).filter((n) => n.createdAt > cutoff && n.title !== HIDDEN_NOTICE);
  return { since, count: fresh.length, items: fresh.slice(0, limit).map((n) => ({ id: n.id, title: n.title, link: n.link, createdAt: n.createdAt })) };
}
