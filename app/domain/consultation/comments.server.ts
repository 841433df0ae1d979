// Comments on a proposal (anchored to a passage or general, with a stance) and the recorded
// answer to each. Comment text is plain text: it is stored as typed and always rendered
// escaped, never as HTML.
import { and, asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb, schema } from "~/db/client.server";
import { nowIso, today } from "~/utils/clock.server";
import { loadActor, type Actor } from "../actor.server";
import { audit } from "../audit.server";
import { badRequest, conflict, forbidden } from "../errors";
import { notify } from "../notify.server";
import { canAnswerComments, canCommentOnProposal, canReadProposalComments } from "../policy.server";
import { followersOf } from "../follows-store.server";
import { requireManageable, requireReadable, type Reader } from "./access.server";
import { locate, makeAnchor, type Located } from "./anchor";
import { formatIsoDateNl } from "~/shared/dates";
import { markResponded } from "./invitations.server";
import { STATUS_LABELS, type AnswerDecision, type Stance } from "~/shared/proposals";
import { enqueueSearch } from "../search-outbox.server";
import { proposedText } from "./text.server";
import { assertNoClientData } from "../privacy.server";
import { proposalRoom } from "~/shared/collab";
import { RoomText, type PassageState } from "../margin/anchors.server";
import { listReplies, type ReplyView } from "../margin/replies.server";
import { diffWords, type Segment } from "../documents/diff";

export function addComment(input: { actor: Actor; id: number; stance: Stance; text: string; quote: string; quoteHint?: string; suggestion?: string }): { commentId: number } {
  const p = requireReadable(input.actor, input.id);
  const row = p.row;
  if (row.status !== "in_consultatie") {
    throw conflict(
      row.status === "concept"
        ? "Dit voorstel is nog een concept; reageren kan zodra de consultatie open is."
        : `Reageren kan niet meer: de consultatie is gesloten (het voorstel is ${STATUS_LABELS[row.status].toLowerCase()}).`,
    );
  }
  if (!canCommentOnProposal(input.actor, p.facts)) {
    throw forbidden("U kunt alleen reageren op voorstellen waarvoor uw organisatie is uitgenodigd.");
  }
  assertNoClientData({ text: input.text, suggestion: input.suggestion }, "reactie");
  if (input.suggestion && !input.quote) {
    throw badRequest("Een tekstvoorstel hoort bij een passage. Selecteer de passage die u wilt vervangen.", {
      quote: "Kies de passage waarvoor u andere tekst voorstelt.",
    });
  }
  if (row.consultationCloses && today() > row.consultationCloses) {
    throw conflict(`Reageren kan niet meer: de uiterste reactiedatum was ${formatIsoDateNl(row.consultationCloses)}.`);
  }
  let anchor: { quote: string; prefix: string; suffix: string } | null = null;
  let positions: { start: string | null; end: string | null } = { start: null, end: null };
  if (input.quote) {
    const text = proposedText(row);
    anchor = text ? makeAnchor(text.text, input.quote, input.quoteHint ?? "") : null;
    if (!anchor) {
      throw badRequest("De geciteerde passage staat niet in de voorgestelde tekst. Uw reactie is nog niet opgeslagen; de tekst staat hieronder nog.", {
        quote:
          "Deze passage komt niet (meer) voor in de voorgestelde tekst. Selecteer de passage opnieuw in de tekst (doorgehaalde tekst telt niet mee), of maak het veld leeg voor een algemene reactie.",
      });
    }
    // Also anchor in the live room, so the comment stays on its words while editors type.
    const live = new RoomText(proposalRoom(row.id)).anchor(anchor.quote, input.quoteHint ?? "");
    if (live) positions = { start: live.start, end: live.end };
  }
  return getDb().transaction((tx) => {
    const comment = tx
      .insert(schema.proposalComments)
      .values({
        proposalId: row.id,
        authorId: input.actor.id,
        organisationId: input.actor.organisationId,
        stance: input.stance,
        quote: anchor?.quote ?? null,
        quotePrefix: anchor?.prefix ?? null,
        quoteSuffix: anchor?.suffix ?? null,
        anchorStart: positions.start,
        anchorEnd: positions.end,
        text: input.text,
        suggestion: input.suggestion || null,
        createdAt: nowIso(),
      })
      .returning({ id: schema.proposalComments.id })
      .get();
    markResponded(tx, input.actor, row.id);
    enqueueSearch(tx, "comments", row.id);
    audit({ actorId: input.actor.id, action: "proposal.comment", entityType: "proposal", entityId: row.id, after: { commentId: comment.id, stance: input.stance } }, tx);
    // Followers of the proposal hear of the comment too, but only those who may read it (and
    // notify() checks the link once more); never the commenter. They get the follower's
    // notice, with e-mail or digest as they chose, instead of the owner's in-app one.
    const followers = followersOf(tx, "voorstel", row.id).filter((id) => {
      if (id === input.actor.id) return false;
      const follower = loadActor(id);
      return !!follower && canReadProposalComments(follower, p.facts);
    });
    if (followers.length) {
      notify(tx, followers, {
        kind: "proposal_comment",
        title: `Nieuwe reactie op ${row.title}`,
        body: `${input.actor.name} (${input.actor.organisationName}) reageerde op het wijzigingsvoorstel "${row.title}" dat u volgt.`,
        link: `/wijzigingen/${row.id}#reactie-${comment.id}`,
      });
    }
    if (row.createdById !== input.actor.id && !followers.includes(row.createdById)) {
      notify(tx, [row.createdById], {
        kind: "proposal_comment",
        title: `Nieuwe reactie (${input.stance}) op ${row.title}`,
        body: `${input.actor.name} (${input.actor.organisationName}) reageerde op het wijzigingsvoorstel.`,
        link: `/wijzigingen/${row.id}#reactie-${comment.id}`,
        email: false,
      });
    }
    return { commentId: comment.id };
  });
}

export function answerComment(input: {
  actor: Actor;
  id: number;
  commentId: number;
  decision: AnswerDecision;
  text: string;
  textChange: string;
}): void {
  const p = requireManageable(input.actor, input.id);
  if (!canAnswerComments(input.actor, p.facts)) throw forbidden();
  assertNoClientData({ text: input.text, textChange: input.textChange }, "voorstel");
  const row = p.row;
  if (row.status !== "in_consultatie" && row.status !== "in_besluitvorming") {
    throw conflict(`Antwoorden kunnen niet meer worden gewijzigd: het voorstel is ${STATUS_LABELS[row.status].toLowerCase()}.`);
  }
  const db = getDb();
  const comment = db
    .select({ id: schema.proposalComments.id, authorId: schema.proposalComments.authorId })
    .from(schema.proposalComments)
    .where(and(eq(schema.proposalComments.id, input.commentId), eq(schema.proposalComments.proposalId, row.id)))
    .get();
  if (!comment) throw badRequest("Deze reactie hoort niet bij dit voorstel.", { commentId: "Deze reactie bestaat niet (meer)." });
  db.transaction((tx) => {
    const previous = tx.select().from(schema.commentAnswers).where(eq(schema.commentAnswers.commentId, comment.id)).get();
    const values = { decision: input.decision, text: input.text, textChange: input.textChange, answeredById: input.actor.id, answeredAt: nowIso() };
    tx.insert(schema.commentAnswers)
      .values({ commentId: comment.id, ...values })
      .onConflictDoUpdate({ target: schema.commentAnswers.commentId, set: values })
      .run();
    enqueueSearch(tx, "comments", row.id);
    audit(
      {
        actorId: input.actor.id,
        action: previous ? "proposal.answer.update" : "proposal.answer",
        entityType: "proposal",
        entityId: row.id,
        before: previous ? { decision: previous.decision, text: previous.text } : undefined,
        after: { commentId: comment.id, decision: input.decision },
      },
      tx,
    );
    if (!previous) {
      notify(tx, [comment.authorId], {
        kind: "proposal_answer",
        title: `Uw reactie op ${row.title} is beantwoord`,
        body: "De regisseur heeft uw reactie beantwoord. Het antwoord staat in de reactienota.",
        link: `/wijzigingen/${row.id}/reactienota#reactie-${comment.id}`,
        email: false,
      });
    }
  });
}

export type CommentView = {
  id: number;
  number: number;
  authorName: string;
  organisationName: string;
  stance: Stance;
  quote: string | null;
  anchor: Located | null;
  /** Where the passage is in the live room (by its Yjs positions), for the margin. */
  passage: PassageState | null;
  text: string;
  /** Suggested wording, with a word redline against the quoted passage. */
  suggestion: null | { text: string; appliedAt: string | null; redline: Segment[] };
  replies: ReplyView[];
  createdAt: string;
  answer: null | { decision: AnswerDecision; text: string; textChange: string; answeredByName: string; answeredAt: string };
};

/** All comments, numbered in order of arrival, each re-anchored in the current proposed text. */
export function listComments(p: { id: number; baseVersionId: number | null }, db: Reader = getDb()): CommentView[] {
  const answerer = alias(schema.people, "answerer");
  const rows = db
    .select({
      id: schema.proposalComments.id,
      authorName: schema.people.name,
      organisationName: schema.organisations.name,
      stance: schema.proposalComments.stance,
      quote: schema.proposalComments.quote,
      quotePrefix: schema.proposalComments.quotePrefix,
      quoteSuffix: schema.proposalComments.quoteSuffix,
      anchorStart: schema.proposalComments.anchorStart,
      anchorEnd: schema.proposalComments.anchorEnd,
      suggestion: schema.proposalComments.suggestion,
      suggestionAppliedAt: schema.proposalComments.suggestionAppliedAt,
      text: schema.proposalComments.text,
      createdAt: schema.proposalComments.createdAt,
      answerDecision: schema.commentAnswers.decision,
      answerText: schema.commentAnswers.text,
      answerTextChange: schema.commentAnswers.textChange,
      answeredAt: schema.commentAnswers.answeredAt,
      answeredByName: answerer.name,
    })
    .from(schema.proposalComments)
    .innerJoin(schema.people, eq(schema.proposalComments.authorId, schema.people.id))
    .innerJoin(schema.organisations, eq(schema.proposalComments.organisationId, schema.organisations.id))
    .leftJoin(schema.commentAnswers, eq(schema.commentAnswers.commentId, schema.proposalComments.id))
    .leftJoin(answerer, eq(schema.commentAnswers.answeredById, answerer.id))
    .where(eq(schema.proposalComments.proposalId, p.id))
    .orderBy(asc(schema.proposalComments.createdAt), asc(schema.proposalComments.id))
    .all();
  const current = rows.some((r) => r.quote) ? (proposedText(p, db)?.text ?? "") : "";
  const room = rows.some((r) => r.quote) ? new RoomText(proposalRoom(p.id)) : null;
  const replies = listReplies("proposal", rows.map((r) => r.id), db);
  return rows.map((r, i) => ({
    id: r.id,
    number: i + 1,
    authorName: r.authorName,
    organisationName: r.organisationName,
    stance: r.stance,
    quote: r.quote,
    anchor: r.quote ? locate(current, { quote: r.quote, prefix: r.quotePrefix ?? "", suffix: r.quoteSuffix ?? "" }) : null,
    passage: r.quote && room ? room.resolve({ quote: r.quote, prefix: r.quotePrefix ?? "", suffix: r.quoteSuffix ?? "", start: r.anchorStart, end: r.anchorEnd }) : null,
    text: r.text,
    suggestion: r.suggestion ? { text: r.suggestion, appliedAt: r.suggestionAppliedAt, redline: diffWords(r.quote ?? "", r.suggestion) } : null,
    replies: replies.get(r.id) ?? [],
    createdAt: r.createdAt,
    answer:
      r.answerDecision && r.answeredAt
        ? { decision: r.answerDecision, text: r.answerText ?? "", textChange: r.answerTextChange ?? "", answeredByName: r.answeredByName ?? "", answeredAt: r.answeredAt }
        : null,
  }));
}
