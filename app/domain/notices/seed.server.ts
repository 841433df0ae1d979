// Demo content (voorbeeldinhoud): notice choices of a few demo people, from content/meldingen.json,
// so the settings page and the daily digest have someone to show them with.
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import { NOTICE_DELIVERIES, type NoticeDelivery } from "~/db/schema";
import { NOTICE_CATEGORIES } from "~/shared/notices";
import { contentDir } from "../seed/world.server";

type Content = { people: Array<{ email: string; preferences: Record<string, string> }> };

export function seedNoticePreferences(): number {
  const file = path.join(contentDir(), "meldingen.json");
  if (!fs.existsSync(file)) return 0;
  const content = JSON.parse(fs.readFileSync(file, "utf8")) as Content;
  const db = getDb();
  let n = 0;
  for (const p of content.people) {
    const person = db.select({ id: schema.people.id }).from(schema.people).where(eq(schema.people.email, p.email)).get();
    if (!person) throw new Error(`meldingen.json: onbekende persoon ${p.email}`);
    for (const category of NOTICE_CATEGORIES) {
      const delivery = p.preferences[category] ?? "direct";
      if (!(NOTICE_DELIVERIES as readonly string[]).includes(delivery)) throw new Error(`meldingen.json: onbekende keuze ${delivery}`);
      db.insert(schema.noticePreferences).values({ personId: person.id, category, delivery: delivery as NoticeDelivery }).onConflictDoNothing().run();
    }
    n++;
  }
  return n;
}
