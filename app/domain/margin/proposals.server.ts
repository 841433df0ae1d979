// Threads and suggestions on a proposal's comments. Replies are open to whoever may still
// comment (invited organisations, the document's editors), also after the owner answered; the
// owner's formal answer (overgenomen / deels / niet, in comment_answers) stays separate and is
// what the decision waits for. A suggestion is replacement wording for the quoted passage: the
// owner accepts it (applied to the proposed text in its room as one incremental Yjs change, and
// answered "overgenomen" crediting the author in the reactienota) or declines it with an answer.
import { and, eq } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import { proposalRoom } from "~/shared/collab";
import { nowIso } from "~/utils/clock.server";
import type { Actor } from "../actor.server";
import { audit } from "../audit.server";
import { badRequest, conflict, forbidden } from "../errors";
import { notify } from "../notify.server";
import { enqueueSearch } from "../search-outbox.server";
import { canAnswerComments, canReplyOnProposal } from "../policy.server";
import { assertNoClientData } from "../privacy.server";
import { requireManageable, requireReadable } from "../consultation/access.server";
import { answerComment } from "../consultation/comments.server";
import { RoomText } from "./anchors.server";
import { mentionedPeople } from "./mentions.server";

function commentOf(proposalId: number, commentId: number) {
  const c = getDb()
    .select({
      id: schema.proposalComments.id,
      authorId: schema.proposalComments.authorId,
      authorName: schema.people.name,
      organisationName: schema.organisations.name,
      quote: schema.proposalComments.quote,
      quotePrefix: schema.proposalComments.quotePrefix,
      quoteSuffix: schema.proposalComments.quoteSuffix,
      anchorStart: schema.proposalComments.anchorStart,
      anchorEnd: schema.proposalComments.anchorEnd,
      suggestion: schema.proposalComments.suggestion,
      suggestionAppliedAt: schema.proposalComments.suggestionAppliedAt,
    })
    .from(schema.proposalComments)
    .innerJoin(schema.people, eq(schema.proposalComments.authorId, schema.people.id))
    .innerJoin(schema.organisations, eq(schema.proposalComments.organisationId, schema.organisations.id))
    .where(and(eq(schema.proposalComments.id, commentId), eq(schema.proposalComments.proposalId, proposalId)))
    .get();
  if (!c) throw badRequest("Deze reactie hoort niet bij dit voorstel.", { commentId: "Deze reactie bestaat niet (meer)." });
  return c;
}

export function replyToProposalComment(input: { actor: Actor; id: number; commentId: number; text: string }): void {
  const p = requireReadable(input.actor, input.id);
  if (!canReplyOnProposal(input.actor, p.facts)) {
    throw forbidden("U kunt alleen antwoorden bij voorstellen waarvoor uw organisatie is uitgenodigd, zolang de reacties nog worden gewogen.");
  }
  assertNoClientData({ text: input.text }, "reactie");
  const c = commentOf(p.row.id, input.commentId);
  getDb().transaction((tx) => {
    tx.insert(schema.commentReplies)
      .values({ proposalCommentId: c.id, authorId: input.actor.id, organisationId: input.actor.organisationId, text: input.text, createdAt: nowIso() })
      .run();
    audit({ actorId: input.actor.id, action: "proposal.comment.reply", entityType: "proposal", entityId: p.row.id, after: { commentId: c.id } }, tx);
    const earlier = tx
      .select({ id: schema.commentReplies.authorId })
      .from(schema.commentReplies)
      .where(eq(schema.commentReplies.proposalCommentId, c.id))
      .all()
      .map((r) => r.id);
    const link = `/wijzigingen/${p.row.id}#reactie-${c.id}`;
    const mentioned = mentionedPeople(input.text).filter((id) => id !== input.actor.id);
    const thread = [...new Set([c.authorId, p.row.createdById, ...earlier])].filter((id) => id !== input.actor.id && !mentioned.includes(id));
    notify(tx, thread, {
      kind: "proposal_reply",
      title: `Nieuw antwoord in een draad bij ${p.row.title}`,
      body: `${input.actor.name} (${input.actor.organisationName}) antwoordde bij een reactie op het wijzigingsvoorstel.`,
      link,
      email: false,
    });
    notify(tx, mentioned, {
      kind: "proposal_mention",
      title: `${input.actor.name} noemde u bij ${p.row.title}`,
      body: `${input.actor.name} (${input.actor.organisationName}) noemde u in een draad bij een reactie op het wijzigingsvoorstel.`,
      link,
    });
    // The thread is part of the comment's search entry (comments:<proposal id>).
    enqueueSearch(tx, "comments", p.row.id);
  });
}

function requireOpenSuggestion(actor: Actor, id: number, commentId: number) {
  const p = requireManageable(actor, id);
  if (!canAnswerComments(actor, p.facts)) throw forbidden();
  const c = commentOf(p.row.id, commentId);
  if (!c.suggestion || !c.quote) throw badRequest("Bij deze reactie hoort geen tekstvoorstel.", { commentId: "Deze reactie heeft geen tekstvoorstel." });
  if (c.suggestionAppliedAt) throw conflict("Dit tekstvoorstel is al overgenomen in de voorgestelde tekst.");
  return { p, c };
}

/** Apply the suggested wording to the proposed text and answer the comment "overgenomen". */
export function acceptSuggestion(input: { actor: Actor; id: number; commentId: number; text: string }): void {
  const { p, c } = requireOpenSuggestion(input.actor, input.id, input.commentId);
  if (p.row.status !== "in_consultatie" && p.row.status !== "in_besluitvorming") {
    throw conflict("De voorgestelde tekst ligt vast; een tekstvoorstel kan niet meer worden overgenomen.");
  }
  const room = new RoomText(proposalRoom(p.row.id));
  const stored = { quote: c.quote ?? "", prefix: c.quotePrefix ?? "", suffix: c.quoteSuffix ?? "", start: c.anchorStart, end: c.anchorEnd };
  const replaced = room.replace(stored, c.suggestion ?? "", input.actor.id);
  if (replaced == null) {
    throw conflict(
      "Het tekstvoorstel kon niet automatisch worden verwerkt: de passage is gewijzigd of verwijderd, of loopt over meer dan één alinea. Pas de tekst zelf aan en beantwoord de reactie.",
    );
  }
  getDb().update(schema.proposalComments).set({ suggestionAppliedAt: nowIso() }).where(eq(schema.proposalComments.id, c.id)).run();
  answerComment({
    actor: input.actor,
    id: p.row.id,
    commentId: c.id,
    decision: "overgenomen",
    text: input.text || "Het tekstvoorstel is overgenomen.",
    textChange: `Tekstvoorstel van ${c.authorName} (${c.organisationName}) overgenomen: “${replaced.replace(/\s+/g, " ").trim()}” is nu “${c.suggestion}”.`,
  });
}

/** Decline a suggestion: an answer "niet overgenomen" with the reason, the text stays as it is. */
export function declineSuggestion(input: { actor: Actor; id: number; commentId: number; text: string }): void {
  const { p, c } = requireOpenSuggestion(input.actor, input.id, input.commentId);
  answerComment({ actor: input.actor, id: p.row.id, commentId: c.id, decision: "niet_overgenomen", text: input.text, textChange: "" });
}
