// Replies in the thread of a margin comment (draft comments and proposal comments share the
// table). Callers have checked that the person may read the comments they list.
import { asc, eq, inArray } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import type { Reader } from "~/db/client.server";

export type ReplyView = { id: number; authorName: string; organisationName: string; text: string; createdAt: string };

export function listReplies(on: "draft" | "proposal", commentIds: number[], db: Reader = getDb()): Map<number, ReplyView[]> {
  const out = new Map<number, ReplyView[]>();
  if (!commentIds.length) return out;
  const column = on === "draft" ? schema.commentReplies.draftCommentId : schema.commentReplies.proposalCommentId;
  const rows = db
    .select({
      id: schema.commentReplies.id,
      commentId: column,
      authorName: schema.people.name,
      organisationName: schema.organisations.name,
      text: schema.commentReplies.text,
      createdAt: schema.commentReplies.createdAt,
    })
    .from(schema.commentReplies)
    .innerJoin(schema.people, eq(schema.commentReplies.authorId, schema.people.id))
    .innerJoin(schema.organisations, eq(schema.commentReplies.organisationId, schema.organisations.id))
    .where(inArray(column, commentIds))
    .orderBy(asc(schema.commentReplies.createdAt), asc(schema.commentReplies.id))
    .all();
  for (const { commentId, ...r } of rows) {
    if (commentId == null) continue;
    const list = out.get(commentId) ?? [];
    list.push(r);
    out.set(commentId, list);
  }
  return out;
}
