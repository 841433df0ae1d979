// Comments on a proposal with their answers, the form to comment (quoting a selected passage
// of the proposed text) and the regisseur's answer form. All user text is rendered as text.
import { Form } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { Csrf, Field, FormError, formatDate } from "~/components/ui";
import type { CommentView } from "~/domain/consultation/comments.server";
import { COMMENT_MAX } from "~/domain/consultation/forms";
import { ANSWER_LABELS, STANCE_LABELS, type AnswerDecision, type Stance } from "~/shared/proposals";
import { PlainText } from "./ui";
import { Textarea, refusalFor } from "~/components/forms";
import { formatNumber } from "~/shared/plural";

type CommentData = Omit<CommentView, "anchor"> & { anchor: CommentView["anchor"] };

const STANCE_TONE: Record<Stance, string> = { steun: "status-ok", zorg: "status-warn", bezwaar: "status-bad" };

function AnchorNote({ c }: { c: CommentData }) {
  if (!c.quote || !c.anchor) return null;
  if (c.anchor.state === "exact") return <figcaption className="meta">Passage uit de voorgestelde tekst</figcaption>;
  if (c.anchor.state === "changed") {
    return (
      <figcaption className="anchor-changed">
        <strong>Passage is gewijzigd.</strong> Nu staat er: “{c.anchor.passage}”
      </figcaption>
    );
  }
  return (
    <figcaption className="anchor-changed">
      <strong>Passage is gewijzigd</strong> of verwijderd; hierboven staat de tekst zoals die werd geciteerd.
    </figcaption>
  );
}

export function CommentItem(props: { c: CommentData; canAnswer: boolean; actionResult: unknown; headingLevel?: "h3" | "h4"; expandAnswer?: boolean }) {
  const { c } = props;
  const H = props.headingLevel ?? "h3";
  return (
    <article className="comment" id={`reactie-${c.id}`} aria-labelledby={`reactie-${c.id}-kop`}>
      <H id={`reactie-${c.id}-kop`} className="comment-title">
        Reactie {c.number}: {c.organisationName}
      </H>
      <p className="meta">
        {c.authorName} · <span className={`status ${STANCE_TONE[c.stance]}`}>{STANCE_LABELS[c.stance]}</span> · {formatDate(c.createdAt, true)}
      </p>
      {c.quote ? (
        <figure className="comment-quote">
          <blockquote>
            <p>{c.quote}</p>
          </blockquote>
          <AnchorNote c={c} />
        </figure>
      ) : (
        <p className="meta">Algemene reactie op het voorstel</p>
      )}
      <PlainText text={c.text} className="comment-text" />
      {c.answer ? (
        <div className="answer">
          <p>
            <strong>Antwoord: {ANSWER_LABELS[c.answer.decision]}</strong>{" "}
            <span className="meta">
              ({c.answer.answeredByName}, {formatDate(c.answer.answeredAt)})
            </span>
          </p>
          <PlainText text={c.answer.text} />
          {c.answer.textChange ? (
            <>
              <p className="answer-change-label">Wat er in de tekst veranderde:</p>
              <PlainText text={c.answer.textChange} />
            </>
          ) : null}
        </div>
      ) : (
        <p className="answer answer-open">Nog niet beantwoord.</p>
      )}
      {props.canAnswer ? <AnswerForm c={c} actionResult={props.actionResult} expand={!!props.expandAnswer && !c.answer} /> : null}
    </article>
  );
}

function AnswerForm({ c, actionResult, expand }: { c: CommentData; actionResult: unknown; expand: boolean }) {
  const { formError, fieldErrors, values } = refusalFor(actionResult, "answer", String(c.id));
  const prefix = `antwoord-${c.id}`;
  const decision = (values.decision as AnswerDecision | undefined) ?? c.answer?.decision;
  return (
    <details className="answer-form" open={expand || !!formError}>
      <summary>{c.answer ? "Antwoord wijzigen" : `Reactie ${c.number} beantwoorden`}</summary>
      <Form method="post" noValidate preventScrollReset>
        <Csrf />
        <input type="hidden" name="intent" value="answer" />
        <input type="hidden" name="commentId" value={c.id} />
        <FormError message={formError} />
        <fieldset aria-describedby={fieldErrors.decision ? `${prefix}-besluit-fout` : undefined}>
          <legend>Wat doet u met deze reactie? (verplicht)</legend>
          {fieldErrors.decision ? (
            <p className="error-text" id={`${prefix}-besluit-fout`}>
              {fieldErrors.decision}
            </p>
          ) : null}
          {(Object.keys(ANSWER_LABELS) as AnswerDecision[]).map((d) => (
            <label key={d} className="check">
              <input type="radio" name="decision" value={d} defaultChecked={decision === d} /> {ANSWER_LABELS[d]}
            </label>
          ))}
        </fieldset>
        <Field
          id={`${prefix}-toelichting`}
          label="Toelichting"
          name="text"
          multiline
          rows={3}
          required
          defaultValue={values.text ?? c.answer?.text}
          error={fieldErrors.text}
          hint="Waarom wel, deels of niet? De indiener en alle genodigden lezen dit in de reactienota."
        />
        <Field
          id={`${prefix}-tekstwijziging`}
          label="Wat veranderde er in de tekst?"
          name="textChange"
          multiline
          rows={2}
          defaultValue={values.textChange ?? c.answer?.textChange}
          error={fieldErrors.textChange}
          hint="Bijvoorbeeld: termijn in de paragraaf over het startgesprek verlengd van twee naar vijf werkdagen. Leeg laten als de tekst niet veranderde."
        />
        <button type="submit">Antwoord opslaan</button>
      </Form>
    </details>
  );
}

// ------------------------------------------------------------------ commenting

const BLOCKS = "p, li, h1, h2, h3, h4, h5, h6, blockquote, tr, div";
const DELETED = "del, .diff-del, .visually-hidden, [data-diff='del']";

/** The visible words of a range as a reader of the proposed text sees them: deleted words left out. */
function textOfRange(range: Range): string {
  const fragment = range.cloneContents();
  fragment.querySelectorAll(DELETED).forEach((el) => el.remove());
  fragment.querySelectorAll(BLOCKS).forEach((el) => el.append(document.createTextNode("\n")));
  return (fragment.textContent ?? "").replace(/\s+/g, " ").trim();
}

export function CommentForm(props: { textContainerId: string; actionResult: unknown; closes: string | null; initial?: { quote: string; hint: string }; idPrefix?: string }) {
  const { formError, fieldErrors, values } = refusalFor(props.actionResult, "comment");
  const id = (name: string) => (props.idPrefix ? `${props.idPrefix}-${name}` : name);
  const quoteRef = useRef<HTMLInputElement>(null);
  const hintRef = useRef<HTMLInputElement>(null);
  const [selection, setSelection] = useState<{ quote: string; hint: string } | null>(null);
  const [length, setLength] = useState((values.text ?? "").length);

  useEffect(() => {
    const onChange = () => {
      const sel = window.getSelection();
      const container = document.getElementById(props.textContainerId);
      if (!sel || sel.isCollapsed || !sel.rangeCount || !container) return;
      const range = sel.getRangeAt(0);
      if (!container.contains(range.commonAncestorContainer)) return;
      const quote = textOfRange(range).slice(0, 2000);
      if (!quote) return;
      const before = document.createRange();
      before.setStart(container, 0);
      before.setEnd(range.startContainer, range.startOffset);
      setSelection({ quote, hint: textOfRange(before).slice(-40) });
    };
    document.addEventListener("selectionchange", onChange);
    return () => document.removeEventListener("selectionchange", onChange);
  }, [props.textContainerId]);

  const useSelection = () => {
    if (!selection || !quoteRef.current || !hintRef.current) return;
    quoteRef.current.value = selection.quote;
    hintRef.current.value = selection.hint;
    quoteRef.current.focus();
  };

  return (
    <Form method="post" noValidate preventScrollReset className="comment-form" aria-labelledby={props.idPrefix ? undefined : "kop-reageren"} aria-label={props.idPrefix ? "Reageren op de geselecteerde passage" : undefined}>
      <Csrf />
      <input type="hidden" name="intent" value="comment" />
      <FormError message={formError} />
      <fieldset aria-describedby={fieldErrors.stance ? id("veld-stance-fout") : undefined}>
        <legend>Uw standpunt (verplicht)</legend>
        {fieldErrors.stance ? (
          <p className="error-text" id={id("veld-stance-fout")}>
            {fieldErrors.stance}
          </p>
        ) : null}
        {(Object.keys(STANCE_LABELS) as Stance[]).map((s) => (
          <label key={s} className="check">
            <input type="radio" name="stance" value={s} defaultChecked={values.stance === s} /> {STANCE_LABELS[s]}
          </label>
        ))}
      </fieldset>
      <div className={`field${fieldErrors.quote ? " field-error" : ""}`}>
        <label htmlFor={id("veld-quote")}>Passage waarop u reageert</label>
        <p className="hint" id={id("veld-quote-hint")}>
          Selecteer tekst in de voorgestelde tekst en kies “Citeer de selectie”, of plak de passage hier. Laat leeg voor een reactie op het voorstel als geheel.
        </p>
        {fieldErrors.quote ? (
          <p className="error-text" id={id("veld-quote-fout")}>
            {fieldErrors.quote}
          </p>
        ) : null}
        <input
          ref={quoteRef}
          id={id("veld-quote")}
          name="quote"
          type="text"
          defaultValue={values.quote ?? props.initial?.quote}
          aria-invalid={fieldErrors.quote ? true : undefined}
          aria-describedby={[id("veld-quote-hint"), fieldErrors.quote ? id("veld-quote-fout") : null].filter(Boolean).join(" ")}
        />
        <input ref={hintRef} type="hidden" name="quoteHint" defaultValue={values.quoteHint ?? props.initial?.hint} />
        <p>
          <button type="button" className="button-secondary" onClick={useSelection} disabled={!selection}>
            Citeer de selectie
          </button>{" "}
          {selection ? <span className="meta">Geselecteerd: “{selection.quote.length > 80 ? `${selection.quote.slice(0, 80)}…` : selection.quote}”</span> : null}
        </p>
      </div>
      <Textarea
        id={id("veld-reactie")}
        label="Uw reactie"
        name="text"
        rows={6}
        required
        noMaxLength
        hint={
          <>
            Gewone tekst, maximaal {formatNumber(COMMENT_MAX)} tekens. {length > 0 ? `Nu ${formatNumber(length)} tekens.` : null}
            {props.closes ? ` Reageren kan tot en met ${formatDate(props.closes)}.` : null}
          </>
        }
        defaultValue={values.text}
        onInput={(v) => setLength(v.length)}
        error={fieldErrors.text}
      />
      <Textarea
        id={id("veld-suggestie")}
        label="Tekstvoorstel (optioneel)"
        name="suggestion"
        rows={3}
        maxLength={2000}
        hint="De tekst die volgens u in de plaats van de passage moet komen. De regisseur kan die overnemen of gemotiveerd afwijzen."
        defaultValue={values.suggestion}
        error={fieldErrors.suggestion}
      />
      <button type="submit">Reactie versturen</button>
    </Form>
  );
}
