// A published version's text forms (kept apart from text.server.ts so the room kind can use
// it without an import cycle).
import { eq } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import type { Reader } from "./access.server";

export type TextForms = { lexicalJson: string; html: string; text: string; markdown: string };

export function versionText(versionId: number | null, db: Reader = getDb()): (TextForms & { id: number; number: number }) | null {
  if (versionId == null) return null;
  return (
    db
      .select({
        id: schema.documentVersions.id,
        number: schema.documentVersions.number,
        lexicalJson: schema.documentVersions.lexicalJson,
        html: schema.documentVersions.html,
        text: schema.documentVersions.text,
        markdown: schema.documentVersions.markdown,
      })
      .from(schema.documentVersions)
      .where(eq(schema.documentVersions.id, versionId))
      .get() ?? null
  );
}
