// Demo documents from content/documents/<slug>/{meta.json, v1.md, v2.md}: every version is
// published in order with its author and date, and the collaboration room starts from the
// last one. Everything there is voorbeeldinhoud.
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import * as Y from "yjs";
import { z } from "zod";
import { getDb, schema } from "~/db/client.server";
import { DOCUMENT_KINDS } from "~/db/schema";
import { lexicalReplaceUpdate, lexicalStateToYUpdate, markdownToLexicalState, yStateToLexicalState } from "~/editor/convert.server";
import { docRoom } from "~/shared/collab";
import { appendUpdate } from "~/collab/persistence.server";
import { writeDerived } from "~/collab/derived.server";
import { enqueueSearch } from "../search-outbox.server";
import { contentDir } from "../seed/world.server";
import { insertVersion } from "./versions.server";

const metaSchema = z.object({
  slug: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1),
  kind: z.enum(DOCUMENT_KINDS),
  keten: z.string().nullable(),
  summary: z.string().default(""),
  readFirstFor: z.array(z.string()).default([]),
  versions: z
    .array(z.object({ file: z.string().regex(/^[\w.-]+\.md$/), summary: z.string().min(1), publishedBy: z.string(), publishedAt: z.string() }))
    .min(1),
});

export type DocumentMeta = z.infer<typeof metaSchema>;

export function readDocumentContent(): Array<{ dir: string; meta: DocumentMeta }> {
  const root = path.join(contentDir(), "documents");
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(root, e.name, "meta.json")))
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const dir = path.join(root, name);
      const parsed = metaSchema.safeParse(JSON.parse(fs.readFileSync(path.join(dir, "meta.json"), "utf8")));
      if (!parsed.success) throw new Error(`content/documents/${name}/meta.json: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
      return { dir, meta: parsed.data };
    });
}

export function seedDocuments(log: (m: string) => void = () => {}): number {
  const db = getDb();
  const personId = (email: string) => db.select({ id: schema.people.id }).from(schema.people).where(eq(schema.people.email, email.toLowerCase())).get()?.id ?? null;
  let count = 0;
  for (const { dir, meta } of readDocumentContent()) {
    const ketenId = meta.keten
      ? (db.select({ id: schema.ketens.id }).from(schema.ketens).where(eq(schema.ketens.slug, meta.keten)).get()?.id ?? null)
      : null;
    if (meta.keten && ketenId == null) throw new Error(`content/documents/${meta.slug}: unknown keten ${meta.keten}`);
    // Convert outside the transaction; the room's history follows the versions like real edits would.
    let state: Uint8Array | null = null;
    const versions = meta.versions.map((v) => {
      const md = fs.readFileSync(path.join(dir, v.file), "utf8");
      const json = markdownToLexicalState(md);
      state = state ? Y.mergeUpdates([state, lexicalReplaceUpdate(state, json)]) : lexicalStateToYUpdate(json);
      return { ...v, state, lexicalJson: yStateToLexicalState(state) };
    });
    const first = meta.versions[0];
    db.transaction((tx) => {
      const doc = tx
        .insert(schema.documents)
        .values({
          slug: meta.slug,
          title: meta.title,
          kind: meta.kind,
          ketenId,
          summary: meta.summary,
          readFirstFor: JSON.stringify(meta.readFirstFor),
          createdById: personId(first.publishedBy),
          createdAt: first.publishedAt,
          updatedAt: first.publishedAt,
        })
        .returning({ id: schema.documents.id })
        .get();
      for (const v of versions) {
        insertVersion(tx, {
          documentId: doc.id,
          summary: v.summary,
          lexicalJson: v.lexicalJson,
          yState: v.state,
          publishedById: personId(v.publishedBy),
          publishedAt: v.publishedAt,
        });
      }
      const last = versions[versions.length - 1];
      const room = docRoom(doc.id);
      appendUpdate(room, last.state, null, "snapshot");
      writeDerived(room, last.lexicalJson, (t) => enqueueSearch(t, "draft", doc.id), tx);
    });
    count += 1;
    log(`Document ${meta.title}: ${versions.length} versie(s).`);
  }
  return count;
}
