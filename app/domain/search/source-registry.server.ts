// Content types added to search after the first six (issue 15), each as ONE definition: how to
// turn an entity into entries (with the policy's ACL tokens), how to list every entity for a
// rebuild, and which other entities' changes affect its entries. sources.server.ts dispatches
// to these next to its built-in loaders; the outbox, the indexer, both engines and the ACL
// test need nothing else. How to add one: docs/architecture-search.md.
import { asc, eq } from "drizzle-orm";
import { schema, type Db } from "~/db/client.server";
import { STANCE_LABELS } from "~/shared/proposals";
import { visibilityForProposal } from "./acl.server";
// A cycle with sources.server.ts (which lists ADDED_SOURCES), safe because both sides only
// use each other inside functions: one definition of a proposal's policy facts.
import { proposalFacts } from "~/domain/facts.server";
import type { SearchEntityType, SearchEntry } from "./types";
import { opdrachtSource } from "../opdrachten/search.server";
import { verkenningSource } from "../verkenning/search.server";
import { actionSource, meetingSource } from "../overleg/search.server";
import { draftCommentsSource } from "../margin/search.server";
import { listReplies } from "../margin/replies.server";

export type SearchSource = {
  /** The outbox's entity type (add it to SearchEntityType in search-outbox.server.ts). */
  type: SearchEntityType;
  /** The entries of one entity; [] when it is gone (the indexer then removes it). */
  load(db: Db, id: number): SearchEntry[];
  /** Every entity id, for a full rebuild. */
  allIds(db: Db): number[];
  /**
   * When an entity of type `on` changes, these ids of this source are re-indexed too (e.g. a
   * proposal's status decides who may read its comments).
   */
  dependsOn?: { on: SearchEntityType; ids(db: Db, id: number): number[] }[];
};

// ------------------------------------------------------------------ comments and answers

const DECISION_LABELS: Record<string, string> = { overgenomen: "overgenomen", deels_overgenomen: "deels overgenomen", niet_overgenomen: "niet overgenomen" };

/**
 * The comments on one proposal (entity "comments:<proposal id>"), one entry per comment with
 * its answer. Whoever may read the proposal reads its comments (requireReadable in
 * consultation/comments.server.ts), so they carry the proposal's ACL tokens.
 */
function commentEntries(db: Db, proposalId: number): SearchEntry[] {
  const p = db
    .select({ id: schema.proposals.id, title: schema.proposals.title, status: schema.proposals.status, ketenSlug: schema.ketens.slug })
    .from(schema.proposals)
    .innerJoin(schema.documents, eq(schema.proposals.documentId, schema.documents.id))
    .leftJoin(schema.ketens, eq(schema.documents.ketenId, schema.ketens.id))
    .where(eq(schema.proposals.id, proposalId))
    .get();
  if (!p) return [];
  const facts = proposalFacts(proposalId, db);
  if (!facts) return [];
  const rows = db
    .select({
      id: schema.proposalComments.id,
      stance: schema.proposalComments.stance,
      quote: schema.proposalComments.quote,
      text: schema.proposalComments.text,
      createdAt: schema.proposalComments.createdAt,
      orgName: schema.organisations.name,
      orgSlug: schema.organisations.slug,
      answerText: schema.commentAnswers.text,
      answerDecision: schema.commentAnswers.decision,
      answerChange: schema.commentAnswers.textChange,
      answeredAt: schema.commentAnswers.answeredAt,
    })
    .from(schema.proposalComments)
    .innerJoin(schema.organisations, eq(schema.proposalComments.organisationId, schema.organisations.id))
    .leftJoin(schema.commentAnswers, eq(schema.commentAnswers.commentId, schema.proposalComments.id))
    .where(eq(schema.proposalComments.proposalId, proposalId))
    .orderBy(asc(schema.proposalComments.createdAt), asc(schema.proposalComments.id))
    .all();
  const key = `comments:${proposalId}`;
  const visibility = visibilityForProposal(facts);
  // The margin thread under each comment (decision 110) is read with the comment.
  const replies = listReplies(
    "proposal",
    rows.map((r) => r.id),
    db,
  );
  return rows.map((r, i) => ({
    id: `${key}#reactie-${r.id}`,
    entityKey: key,
    kind: "reactie" as const,
    title: `Reactie op ${p.title}`,
    section: `${STANCE_LABELS[r.stance as keyof typeof STANCE_LABELS] ?? r.stance} · ${r.orgName}`,
    body: [
      r.quote ? `Over: “${r.quote}”` : "",
      r.text,
      r.answerText ? `Antwoord (${DECISION_LABELS[r.answerDecision ?? ""] ?? ""}): ${r.answerText}` : "",
      r.answerChange ? `Aanpassing: ${r.answerChange}` : "",
      ...(replies.get(r.id) ?? []).map((x) => `Antwoord van ${x.authorName} (${x.organisationName}): ${x.text}`),
    ]
      .filter((s) => s.trim())
      .join("\n"),
    url: `/wijzigingen/${proposalId}#reactie-${r.id}`,
    position: i,
    updatedAt: r.answeredAt ?? r.createdAt,
    visibility,
    facets: { keten: p.ketenSlug ? [p.ketenSlug] : [], organisatie: [r.orgSlug], status: [p.status] },
  }));
}

export const commentsSource: SearchSource = {
  type: "comments",
  load: commentEntries,
  allIds: (db) =>
    db
      .selectDistinct({ id: schema.proposalComments.proposalId })
      .from(schema.proposalComments)
      .orderBy(asc(schema.proposalComments.proposalId))
      .all()
      .map((r) => r.id),
  // Who may read them follows the proposal (its status, invitations) and its document's keten.
  dependsOn: [
    { on: "proposal", ids: (_db, id) => [id] },
    {
      on: "document",
      ids: (db, documentId) =>
        db.select({ id: schema.proposals.id }).from(schema.proposals).where(eq(schema.proposals.documentId, documentId)).all().map((r) => r.id),
    },
  ],
};

/** Every added source. A new content type is one more definition in this list. */
export const ADDED_SOURCES: readonly SearchSource[] = [commentsSource, opdrachtSource, verkenningSource, meetingSource, actionSource, draftCommentsSource];
