// Margin comments on a draft in search (entity "draft_comments:<document id>"): one entry per
// comment with its quote, its text and its thread of replies, linking to the comment beside
// the draft. They quote the draft, so they are read by exactly whom canReadDraftComments
// (= canReadDraft) lets read them: visibilityForDraft of their document.
import { asc, eq, inArray } from "drizzle-orm";
import { schema, type Db } from "~/db/client.server";
import { visibilityForDraft } from "../search/acl.server";
import type { SearchSource } from "../search/source-registry.server";
import type { SearchEntry } from "../search/types";
import { listReplies } from "./replies.server";

export function draftCommentEntries(db: Db, documentId: number): SearchEntry[] {
  const doc = db
    .select({ id: schema.documents.id, slug: schema.documents.slug, title: schema.documents.title, ketenId: schema.documents.ketenId, ketenSlug: schema.ketens.slug })
    .from(schema.documents)
    .leftJoin(schema.ketens, eq(schema.documents.ketenId, schema.ketens.id))
    .where(eq(schema.documents.id, documentId))
    .get();
  if (!doc) return [];
  const rows = db
    .select({ c: schema.draftComments, authorName: schema.people.name, orgName: schema.organisations.name, orgSlug: schema.organisations.slug })
    .from(schema.draftComments)
    .innerJoin(schema.people, eq(schema.draftComments.authorId, schema.people.id))
    .innerJoin(schema.organisations, eq(schema.draftComments.organisationId, schema.organisations.id))
    .where(eq(schema.draftComments.documentId, documentId))
    .orderBy(asc(schema.draftComments.createdAt), asc(schema.draftComments.id))
    .all();
  if (!rows.length) return [];
  const replies = listReplies(
    "draft",
    rows.map((r) => r.c.id),
    db,
  );
  const key = `draft_comments:${documentId}`;
  const visibility = visibilityForDraft({ ketenId: doc.ketenId });
  return rows.map(({ c, authorName, orgName, orgSlug }, i) => {
    const thread = replies.get(c.id) ?? [];
    return {
      id: `${key}#opmerking-${c.id}`,
      entityKey: key,
      kind: "opmerking" as const,
      title: `Opmerking bij het concept van ${doc.title}`,
      section: `${authorName} · ${orgName}${c.resolvedAt ? " · afgehandeld" : ""}`,
      body: [`Over: “${c.quote}”`, c.text, ...thread.map((r) => `Antwoord van ${r.authorName} (${r.organisationName}): ${r.text}`)].join("\n"),
      url: `/documenten/${doc.slug}/bewerken#opmerking-${c.id}`,
      position: i,
      updatedAt: [c.resolvedAt ?? c.createdAt, ...thread.map((r) => r.createdAt)].sort().at(-1)!,
      visibility,
      facets: { keten: doc.ketenSlug ? [doc.ketenSlug] : [], organisatie: [orgSlug] },
    };
  });
}

export const draftCommentsSource: SearchSource = {
  type: "draft_comments",
  load: draftCommentEntries,
  allIds: (db) =>
    db
      .selectDistinct({ id: schema.draftComments.documentId })
      .from(schema.draftComments)
      .orderBy(asc(schema.draftComments.documentId))
      .all()
      .map((r) => r.id),
  // Who may read them follows the document's keten; an organisation's name is in the section.
  dependsOn: [
    { on: "document", ids: (db, documentId) => (db.select({ id: schema.draftComments.id }).from(schema.draftComments).where(eq(schema.draftComments.documentId, documentId)).get() ? [documentId] : []) },
    {
      on: "organisation",
      ids: (db, organisationId) =>
        db
          .selectDistinct({ id: schema.draftComments.documentId })
          .from(schema.draftComments)
          .where(inArray(schema.draftComments.organisationId, [organisationId]))
          .all()
          .map((r) => r.id),
    },
  ],
};
