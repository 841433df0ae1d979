// Margin comments on a living document's draft (the `doc-<id>` room): anchored to a passage,
// with a thread of replies, resolved and reopened, and @mentions of people who may read the
// draft. Read and written by whoever reads the draft (canReadDraftComments); everyone else
// gets a 404 and never sees them in loader data. Comment text is plain text.
import { and, asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb, schema } from "~/db/client.server";
import { docRoom } from "~/shared/collab";
import { nowIso } from "~/utils/clock.server";
import type { Actor } from "../actor.server";
import { audit } from "../audit.server";
import { badRequest, conflict, notFound } from "../errors";
import { notify } from "../notify.server";
import { enqueueSearch } from "../search-outbox.server";
import { canCommentOnDraft, canReadDraftComments } from "../policy.server";
import { assertNoClientData } from "../privacy.server";
import { RoomText, type PassageState } from "./anchors.server";
import { mentionedPeople } from "./mentions.server";
import { listReplies, type ReplyView } from "./replies.server";

type DraftDoc = { id: number; slug: string; title: string; ketenId: number | null };

const NOT_FOUND = "Dit document bestaat niet (meer).";

function loadDraftDoc(actor: Actor, documentId: number): DraftDoc {
  const doc = getDb()
    .select({ id: schema.documents.id, slug: schema.documents.slug, title: schema.documents.title, ketenId: schema.documents.ketenId })
    .from(schema.documents)
    .where(eq(schema.documents.id, documentId))
    .get();
  if (!doc || !canReadDraftComments(actor, doc)) throw notFound(NOT_FOUND);
  return doc;
}

export type DraftCommentView = {
  id: number;
  authorName: string;
  organisationName: string;
  quote: string;
  anchor: PassageState;
  text: string;
  createdAt: string;
  resolved: null | { at: string; byName: string };
  replies: ReplyView[];
};

export function listDraftComments(input: { actor: Actor; documentId: number }): DraftCommentView[] {
  const doc = loadDraftDoc(input.actor, input.documentId);
  const resolver = alias(schema.people, "resolver");
  const rows = getDb()
    .select({
      c: schema.draftComments,
      authorName: schema.people.name,
      organisationName: schema.organisations.name,
      resolverName: resolver.name,
    })
    .from(schema.draftComments)
    .innerJoin(schema.people, eq(schema.draftComments.authorId, schema.people.id))
    .innerJoin(schema.organisations, eq(schema.draftComments.organisationId, schema.organisations.id))
    .leftJoin(resolver, eq(schema.draftComments.resolvedById, resolver.id))
    .where(eq(schema.draftComments.documentId, doc.id))
    .orderBy(asc(schema.draftComments.createdAt), asc(schema.draftComments.id))
    .all();
  if (!rows.length) return [];
  const text = new RoomText(docRoom(doc.id));
  const replies = listReplies("draft", rows.map((r) => r.c.id));
  return rows.map(({ c, authorName, organisationName, resolverName }) => ({
    id: c.id,
    authorName,
    organisationName,
    quote: c.quote,
    anchor: text.resolve({ quote: c.quote, prefix: c.quotePrefix, suffix: c.quoteSuffix, start: c.anchorStart, end: c.anchorEnd }),
    text: c.text,
    createdAt: c.createdAt,
    resolved: c.resolvedAt ? { at: c.resolvedAt, byName: resolverName ?? "" } : null,
    replies: replies.get(c.id) ?? [],
  }));
}

function notifyMentions(tx: Parameters<typeof notify>[0], actor: Actor, doc: DraftDoc, commentId: number, text: string): void {
  const ids = mentionedPeople(text).filter((id) => id !== actor.id);
  notify(tx, ids, {
    kind: "draft_mention",
    title: `${actor.name} noemde u bij het concept van ${doc.title}`,
    body: `${actor.name} (${actor.organisationName}) noemde u in een opmerking in de kantlijn van het concept.`,
    link: `/documenten/${doc.slug}/bewerken#opmerking-${commentId}`,
  });
}

export function addDraftComment(input: { actor: Actor; documentId: number; quote: string; quoteHint?: string; text: string }): { commentId: number } {
  const doc = loadDraftDoc(input.actor, input.documentId);
  if (!canCommentOnDraft(input.actor, doc)) throw notFound(NOT_FOUND);
  assertNoClientData({ text: input.text }, "reactie");
  const anchor = new RoomText(docRoom(doc.id)).anchor(input.quote, input.quoteHint ?? "");
  if (!anchor) {
    throw badRequest("De gekozen passage staat niet (meer) in het concept. Uw opmerking is nog niet opgeslagen.", {
      quote: "Selecteer de passage opnieuw in de tekst en kies dan “Reageer”.",
    });
  }
  return getDb().transaction((tx) => {
    const row = tx
      .insert(schema.draftComments)
      .values({
        documentId: doc.id,
        authorId: input.actor.id,
        organisationId: input.actor.organisationId,
        quote: anchor.quote,
        quotePrefix: anchor.prefix,
        quoteSuffix: anchor.suffix,
        anchorStart: anchor.start,
        anchorEnd: anchor.end,
        text: input.text,
        createdAt: nowIso(),
      })
      .returning({ id: schema.draftComments.id })
      .get();
    audit({ actorId: input.actor.id, action: "document.draft_comment", entityType: "document", entityId: doc.id, after: { commentId: row.id } }, tx);
    notifyMentions(tx, input.actor, doc, row.id, input.text);
    enqueueSearch(tx, "draft_comments", doc.id);
    return { commentId: row.id };
  });
}

function ownComment(documentId: number, commentId: number) {
  const c = getDb()
    .select({ id: schema.draftComments.id, authorId: schema.draftComments.authorId, resolvedAt: schema.draftComments.resolvedAt })
    .from(schema.draftComments)
    .where(and(eq(schema.draftComments.id, commentId), eq(schema.draftComments.documentId, documentId)))
    .get();
  if (!c) throw badRequest("Deze opmerking hoort niet bij dit document.", { commentId: "Deze opmerking bestaat niet (meer)." });
  return c;
}

export function replyToDraftComment(input: { actor: Actor; documentId: number; commentId: number; text: string }): void {
  const doc = loadDraftDoc(input.actor, input.documentId);
  if (!canCommentOnDraft(input.actor, doc)) throw notFound(NOT_FOUND);
  assertNoClientData({ text: input.text }, "reactie");
  const c = ownComment(doc.id, input.commentId);
  getDb().transaction((tx) => {
    tx.insert(schema.commentReplies)
      .values({ draftCommentId: c.id, authorId: input.actor.id, organisationId: input.actor.organisationId, text: input.text, createdAt: nowIso() })
      .run();
    audit({ actorId: input.actor.id, action: "document.draft_comment.reply", entityType: "document", entityId: doc.id, after: { commentId: c.id } }, tx);
    const earlier = tx
      .select({ id: schema.commentReplies.authorId })
      .from(schema.commentReplies)
      .where(eq(schema.commentReplies.draftCommentId, c.id))
      .all()
      .map((r) => r.id);
    const thread = [...new Set([c.authorId, ...earlier])].filter((id) => id !== input.actor.id);
    const mentioned = mentionedPeople(input.text);
    notify(tx, thread.filter((id) => !mentioned.includes(id)), {
      kind: "draft_reply",
      title: `Nieuw antwoord bij een opmerking in ${doc.title}`,
      body: `${input.actor.name} (${input.actor.organisationName}) antwoordde in een draad in de kantlijn van het concept.`,
      link: `/documenten/${doc.slug}/bewerken#opmerking-${c.id}`,
      email: false,
    });
    notifyMentions(tx, input.actor, doc, c.id, input.text);
    enqueueSearch(tx, "draft_comments", doc.id);
  });
}

export function setDraftCommentResolved(input: { actor: Actor; documentId: number; commentId: number; resolved: boolean }): void {
  const doc = loadDraftDoc(input.actor, input.documentId);
  if (!canCommentOnDraft(input.actor, doc)) throw notFound(NOT_FOUND);
  const c = ownComment(doc.id, input.commentId);
  if (!!c.resolvedAt === input.resolved) {
    throw conflict(input.resolved ? "Deze opmerking was al afgehandeld." : "Deze opmerking stond al open.");
  }
  getDb().transaction((tx) => {
    tx.update(schema.draftComments)
      .set(input.resolved ? { resolvedAt: nowIso(), resolvedById: input.actor.id } : { resolvedAt: null, resolvedById: null })
      .where(eq(schema.draftComments.id, c.id))
      .run();
    audit(
      { actorId: input.actor.id, action: input.resolved ? "document.draft_comment.resolve" : "document.draft_comment.reopen", entityType: "document", entityId: doc.id, after: { commentId: c.id } },
      tx,
    );
    enqueueSearch(tx, "draft_comments", doc.id);
  });
}
