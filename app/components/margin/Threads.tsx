// Margin cards: a draft comment's thread (replies, resolve / reopen) and a proposal comment's
// card (stance, suggestion as a redline, the owner's answer, replies, accept / decline). All
// user text is rendered as text.
import { Form } from "@remix-run/react";
import { Csrf, Intent, Textarea, FormError, refusalFor } from "~/components/forms";
import { formatDate } from "~/components/ui";
import { PlainText } from "~/components/consultation/ui";
import type { DraftCommentView } from "~/domain/margin/drafts.server";
import type { CommentView } from "~/domain/consultation/comments.server";
import type { ReplyView } from "~/domain/margin/replies.server";
import type { PassageState } from "~/domain/margin/anchors.server";
import { ANSWER_LABELS, STANCE_LABELS } from "~/shared/proposals";
import { MARGIN_TEXT_MAX, draftCommentSchema, replySchema } from "~/shared/margin-forms";
import type { MarginAnchor, Pending } from "./Margin";

export function anchorsOf(items: { cardId: string; anchor: PassageState | null }[]): MarginAnchor[] {
  return items.flatMap((i) => (i.anchor && i.anchor.state !== "missing" ? [{ cardId: i.cardId, passage: i.anchor.passage, hint: i.anchor.hint }] : []));
}

function PassageNote({ quote, anchor, cardId }: { quote: string; anchor: PassageState | null; cardId: string }) {
  return (
    <figure className="comment-quote">
      <blockquote>
        <p>{quote}</p>
      </blockquote>
      {!anchor || anchor.state === "missing" ? (
        <figcaption className="anchor-changed">
          <strong>Deze passage is verwijderd.</strong> Hierboven staat de tekst zoals die werd geciteerd.
        </figcaption>
      ) : (
        <figcaption>
          {anchor.state === "changed" ? <span className="anchor-changed">Passage is gewijzigd: “{anchor.passage}”. </span> : null}
          <button type="button" className="button-link" data-show-passage={cardId}>
            Toon passage
          </button>
        </figcaption>
      )}
    </figure>
  );
}

function Replies({ replies }: { replies: ReplyView[] }) {
  if (!replies.length) return null;
  return (
    <ol className="thread" aria-label="Antwoorden">
      {replies.map((r) => (
        <li key={r.id}>
          <p className="meta">
            {r.authorName} ({r.organisationName}) · {formatDate(r.createdAt, true)}
          </p>
          <PlainText text={r.text} />
        </li>
      ))}
    </ol>
  );
}

function ReplyForm({ commentId, actionResult, label }: { commentId: number; actionResult: unknown; label: string }) {
  const mine = refusalFor(actionResult, "reply", String(commentId));
  return (
    <details className="reply-form" open={!!mine.formError || !!mine.fieldErrors.text}>
      <summary>{label}</summary>
      <Form method="post" noValidate preventScrollReset>
        <Csrf />
        <Intent value="reply" />
        <input type="hidden" name="commentId" value={commentId} />
        <FormError message={mine.formError} />
        <Textarea
          id={`antwoord-op-${commentId}`}
          schema={replySchema}
          label="Uw antwoord"
          name="text"
          rows={3}
          defaultValue={mine.values.text}
          error={mine.fieldErrors.text}
          hint="Noem iemand met @ en de volledige naam, bijvoorbeeld @Petra Jansen; die krijgt een melding."
        />
        <button type="submit">Antwoord plaatsen</button>
      </Form>
    </details>
  );
}

export function DraftCard({ c, actionResult }: { c: DraftCommentView; actionResult: unknown }) {
  const cardId = `opmerking-${c.id}`;
  return (
    <article id={cardId} data-margin-card className={`margin-card${c.resolved ? " margin-card-resolved" : ""}`} tabIndex={-1} aria-labelledby={`${cardId}-kop`}>
      <h3 id={`${cardId}-kop`} className="comment-title">
        {c.authorName} <span className="meta">({c.organisationName})</span>
      </h3>
      <p className="meta">
        {formatDate(c.createdAt, true)}
        {c.resolved ? ` · Afgehandeld door ${c.resolved.byName}` : ""}
      </p>
      <PassageNote quote={c.quote} anchor={c.anchor} cardId={cardId} />
      <PlainText text={c.text} className="comment-text" />
      <Replies replies={c.replies} />
      <ReplyForm commentId={c.id} actionResult={actionResult} label="Antwoorden" />
      <Form method="post" noValidate preventScrollReset className="inline-form">
        <Csrf />
        <Intent value="resolve" />
        <input type="hidden" name="commentId" value={c.id} />
        <input type="hidden" name="resolved" value={c.resolved ? "nee" : "ja"} />
        <button type="submit" className="button-secondary">
          {c.resolved ? "Heropenen" : "Afhandelen"}
        </button>
      </Form>
    </article>
  );
}

export function DraftCommentForm({ pending, close, actionResult }: { pending: Pending; close: () => void; actionResult: unknown }) {
  const mine = refusalFor(actionResult, "comment");
  return (
    <Form method="post" noValidate preventScrollReset aria-label="Nieuwe opmerking" onSubmit={() => setTimeout(close, 0)}>
      <Csrf />
      <Intent value="comment" />
      <input type="hidden" name="quote" value={pending.quote} />
      <input type="hidden" name="quoteHint" value={pending.hint} />
      <p className="meta">Opmerking bij: “{pending.quote.length > 120 ? `${pending.quote.slice(0, 120)}…` : pending.quote}”</p>
      <FormError message={mine.formError ?? mine.fieldErrors.quote} />
      <Textarea
        id="nieuwe-opmerking"
        schema={draftCommentSchema}
        label="Uw opmerking"
        name="text"
        rows={4}
        defaultValue={mine.values.text}
        error={mine.fieldErrors.text}
        hint={`Maximaal ${MARGIN_TEXT_MAX} tekens. Noem iemand met @ en de volledige naam.`}
      />
      <button type="submit">Opmerking plaatsen</button>{" "}
      <button type="button" className="button-secondary" onClick={close}>
        Annuleren
      </button>
    </Form>
  );
}

export function ProposalCard(props: { c: CommentView; canReply: boolean; canAnswer: boolean; actionResult: unknown }) {
  const { c } = props;
  const cardId = `marge-${c.id}`;
  const open = !!c.suggestion && !c.suggestion.appliedAt && !c.answer;
  return (
    <article id={cardId} data-margin-card className="margin-card" tabIndex={-1} aria-labelledby={`${cardId}-kop`}>
      <h3 id={`${cardId}-kop`} className="comment-title">
        Reactie {c.number}: {c.organisationName}
      </h3>
      <p className="meta">
        {c.authorName} · {STANCE_LABELS[c.stance]} · <a href={`#reactie-${c.id}`}>in de lijst</a>
      </p>
      <PassageNote quote={c.quote ?? ""} anchor={c.passage} cardId={cardId} />
      <PlainText text={c.text} className="comment-text" />
      {c.suggestion ? (
        <div className="suggestion">
          <p className="answer-change-label">
            Tekstvoorstel{c.suggestion.appliedAt ? " (overgenomen)" : c.answer?.decision === "niet_overgenomen" ? " (niet overgenomen)" : ""}:
          </p>
          <p className="suggestion-redline">
            {c.suggestion.redline.map((s, i) => (s.type === "add" ? <ins key={i}>{s.text}</ins> : s.type === "del" ? <del key={i}>{s.text}</del> : <span key={i}>{s.text}</span>))}
          </p>
        </div>
      ) : null}
      {c.answer ? (
        <div className="answer">
          <p>
            <strong>Antwoord: {ANSWER_LABELS[c.answer.decision]}</strong> <span className="meta">({c.answer.answeredByName})</span>
          </p>
          <PlainText text={c.answer.text} />
        </div>
      ) : null}
      <Replies replies={c.replies} />
      {props.canReply ? <ReplyForm commentId={c.id} actionResult={props.actionResult} label={c.answer ? "Reageren op het antwoord" : "Antwoorden"} /> : null}
      {props.canAnswer && open ? <SuggestionDecision commentId={c.id} actionResult={props.actionResult} /> : null}
    </article>
  );
}

function SuggestionDecision({ commentId, actionResult }: { commentId: number; actionResult: unknown }) {
  const accept = refusalFor(actionResult, "accept", String(commentId));
  const decline = refusalFor(actionResult, "decline", String(commentId));
  return (
    <div className="suggestion-decision">
      <Form method="post" noValidate preventScrollReset className="inline-form">
        <Csrf />
        <Intent value="accept" />
        <input type="hidden" name="commentId" value={commentId} />
        <FormError message={accept.formError} />
        <button type="submit">Tekstvoorstel overnemen</button>
      </Form>
      <details open={!!decline.formError || !!decline.fieldErrors.text}>
        <summary>Niet overnemen</summary>
        <Form method="post" noValidate preventScrollReset>
          <Csrf />
          <Intent value="decline" />
          <input type="hidden" name="commentId" value={commentId} />
          <FormError message={decline.formError} />
          <Textarea id={`afwijzen-${commentId}`} label="Waarom niet?" name="text" rows={3} required maxLength={MARGIN_TEXT_MAX} defaultValue={decline.values.text} error={decline.fieldErrors.text} />
          <button type="submit">Niet overnemen</button>
        </Form>
      </details>
    </div>
  );
}
