// @mentions in margin comments: "@" followed by a person's full name as the directory has
// it ("@Sanne de Vries"), matched case-insensitively. Whether the person may open the text
// is decided by notify(), which skips whoever may not read the linked page.
import { eq } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";

export function mentionedPeople(text: string): number[] {
  if (!text.includes("@")) return [];
  const lower = text.toLocaleLowerCase("nl");
  return getDb()
    .select({ id: schema.people.id, name: schema.people.name })
    .from(schema.people)
    .where(eq(schema.people.active, true))
    .all()
    .filter((p) => {
      const at = lower.indexOf(`@${p.name.toLocaleLowerCase("nl")}`);
      if (at < 0) return false;
      const next = lower[at + p.name.length + 1];
      return next === undefined || !/[\p{L}\p{N}]/u.test(next);
    })
    .map((p) => p.id);
}
