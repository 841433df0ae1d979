// The parts of a verkenning page: the questions with every answer (and the answer form for the
// asked organisations), "wat we hebben gehoord", and the regisseur's two ways out: a proposal
// or closing with a reason. Also used for the first round in the reactienota.
import { Form, Link } from "@remix-run/react";
import { Checkboxes, Csrf, Field, FormError, Intent, Select, refusalFor } from "~/components/forms";
import { PlainText } from "~/components/consultation/ui";
import { EmptyState, formatDate } from "~/components/ui";
import { plural } from "~/shared/plural";
import { VERKENNING_STATUS_TONE, type VerkenningStatus } from "~/shared/verkenning";
import { verkenningIntentSchemas, verkenningSchema } from "~/shared/verkenning-forms";

type Answer = { id: number; text: string; createdAt: string; organisationName: string; authorName: string };
type Question = { id: number; text: string; answers: Answer[] };

export function VerkenningBadge({ status, label }: { status: VerkenningStatus; label: string }) {
  const tone = VERKENNING_STATUS_TONE[status];
  return <span className={`status${tone ? ` status-${tone}` : ""}`}>{label}</span>;
}

export function Questions({ questions, canAnswer, actionResult, headingLevel = 3 }: { questions: Question[]; canAnswer: boolean; actionResult: unknown; headingLevel?: 3 | 4 }) {
  const H = headingLevel === 3 ? "h3" : "h4";
  return (
    <ol className="verkenning-questions">
      {questions.map((q, i) => {
        const mine = refusalFor(actionResult, "antwoord", String(q.id));
        return (
          <li key={q.id} id={`vraag-${q.id}`} className="card">
            <H id={`kop-vraag-${q.id}`}>
              Vraag {i + 1}: {q.text}
            </H>
            {q.answers.length ? (
              <ul className="verkenning-answers" aria-label={`Antwoorden op vraag ${i + 1}`}>
                {q.answers.map((a) => (
                  <li key={a.id}>
                    <p className="meta">
                      <strong>{a.organisationName}</strong> · {a.authorName} · {formatDate(a.createdAt)}
                    </p>
                    <PlainText text={a.text} />
                  </li>
                ))}
              </ul>
            ) : (
              <EmptyState>Nog geen antwoorden.</EmptyState>
            )}
            {canAnswer ? (
              <Form method="post" noValidate>
                <Csrf />
                <Intent value="antwoord" />
                <input type="hidden" name="questionId" value={q.id} />
                <FormError message={mine.formError} />
                <Field
                  schema={verkenningIntentSchemas.antwoord}
                  multiline
                  rows={3}
                  id={`antwoord-${q.id}`}
                  label={`Uw antwoord op vraag ${i + 1}`}
                  name="text"
                  defaultValue={mine.values.text}
                  error={mine.fieldErrors.text ?? mine.fieldErrors.questionId}
                  hint="Beschrijf wat uw organisatie ziet, zonder gegevens van inwoners."
                />
                <button type="submit">Antwoord versturen</button>
              </Form>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

export function SummaryForm({ summary, actionResult }: { summary: string; actionResult: unknown }) {
  const mine = refusalFor(actionResult, "samenvatting");
  return (
    <Form method="post" noValidate className="card">
      <Csrf />
      <Intent value="samenvatting" />
      <FormError message={mine.formError} />
      <Field
        schema={verkenningIntentSchemas.samenvatting}
        multiline
        rows={6}
        label="Wat we hebben gehoord"
        name="summary"
        defaultValue={mine.values.summary ?? summary}
        error={mine.fieldErrors.summary}
        hint="Vat samen wat de organisaties antwoordden. Deze tekst wordt het waarom van het voorstel."
      />
      <button type="submit">Samenvatting opslaan</button>
    </Form>
  );
}

export function NextSteps({ documents, hasSummary, actionResult }: { documents: { slug: string; title: string }[]; hasSummary: boolean; actionResult: unknown }) {
  const toProposal = refusalFor(actionResult, "voorstel");
  const close = refusalFor(actionResult, "sluiten");
  return (
    <div className="two-col">
      <Form method="post" noValidate className="card">
        <h3 id="kop-naar-voorstel">Omzetten in een wijzigingsvoorstel</h3>
        <Csrf />
        <Intent value="voorstel" />
        <FormError message={toProposal.formError ?? toProposal.fieldErrors.summary} />
        {!hasSummary ? <p className="hint">Schrijf eerst op wat u heeft gehoord; dat wordt het waarom van het voorstel.</p> : null}
        <Select
          label="Document"
          name="document"
          required
          error={toProposal.fieldErrors.document}
          defaultValue={toProposal.values.document}
          placeholder="Kies een document"
          options={documents.map((d) => ({ value: d.slug, label: d.title }))}
        />
        <Field schema={verkenningIntentSchemas.voorstel} label="Titel van het voorstel" name="title" defaultValue={toProposal.values.title} error={toProposal.fieldErrors.title} />
        <button type="submit">Voorstel maken</button>
      </Form>
      <Form method="post" noValidate className="card">
        <h3 id="kop-sluiten">Sluiten zonder voorstel</h3>
        <Csrf />
        <Intent value="sluiten" />
        <FormError message={close.formError} />
        <Field
          schema={verkenningIntentSchemas.sluiten}
          multiline
          rows={3}
          label="Reden"
          name="reason"
          defaultValue={close.values.reason}
          error={close.fieldErrors.reason}
          hint="De gevraagde organisaties lezen waarom er geen voorstel komt."
        />
        <button type="submit" className="button-secondary">
          Verkenning sluiten
        </button>
      </Form>
    </div>
  );
}

/** The first round of a proposal that came from a verkenning (reactienota). */
export function VerkenningRound({ round }: { round: { id: number; title: string; problem: string; startedOn: string; reactionDeadline: string; summary: string; questions: Question[] } }) {
  const answers = round.questions.reduce((n, q) => n + q.answers.length, 0);
  return (
    <section aria-labelledby="kop-ronde-1" className="verkenning-round">
      <h2 id="kop-ronde-1">Ronde 1: verkenning</h2>
      <p>
        <Link to={`/verkenningen/${round.id}`}>{round.title}</Link>, van {formatDate(round.startedOn)} tot en met {formatDate(round.reactionDeadline)}: {plural(round.questions.length, "open vraag", "open vragen")},{" "}
        {plural(answers, "antwoord", "antwoorden")}.
      </p>
      <PlainText text={round.problem} />
      <Questions questions={round.questions} canAnswer={false} actionResult={undefined} headingLevel={3} />
      <h3 id="kop-gehoord">Wat we hebben gehoord</h3>
      {round.summary ? <PlainText text={round.summary} /> : <EmptyState>Er is geen samenvatting geschreven.</EmptyState>}
    </section>
  );
}

type Options = { ketens: { id: number; name: string }[]; organisations: { id: number; name: string }[]; signals: { id: number; title: string }[] };

export function StartForm({ options, actionResult }: { options: Options; actionResult: unknown }) {
  const r = refusalFor(actionResult, "start");
  const questions = r.lists.questions ?? [];
  return (
    <Form method="post" noValidate>
      <Csrf />
      <Intent value="start" />
      <FormError message={r.formError} />
      <Select
        label="Keten"
        name="ketenId"
        required
        error={r.fieldErrors.ketenId}
        defaultValue={r.values.ketenId ?? (options.ketens.length === 1 ? String(options.ketens[0].id) : "")}
        placeholder={options.ketens.length === 1 ? undefined : "Kies een keten"}
        options={options.ketens.map((k) => ({ value: String(k.id), label: k.name }))}
      />
      <Field schema={verkenningSchema} label="Titel" name="title" defaultValue={r.values.title} error={r.fieldErrors.title} />
      <Field schema={verkenningSchema} multiline label="Het probleem" name="problem" defaultValue={r.values.problem} error={r.fieldErrors.problem} hint="Wat gaat er nu mis, en voor wie? Nog geen oplossing." />
      <Field schema={verkenningSchema} multiline markOptional label="Wat we al weten" name="knowledge" defaultValue={r.values.knowledge} error={r.fieldErrors.knowledge} />
      <Checkboxes
        legend="Signalen die erbij horen"
        name="signals"
        options={options.signals.map((s) => ({ value: String(s.id), label: s.title }))}
        checked={r.lists.signals ?? []}
        error={r.fieldErrors.signals}
      />
      <fieldset className={r.fieldErrors.questions ? "field-error" : undefined}>
        <legend>Open vragen (twee tot vijf, verplicht)</legend>
        {r.fieldErrors.questions ? <p className="error-text">{r.fieldErrors.questions}</p> : null}
        {[0, 1, 2, 3, 4].map((i) => (
          <Field key={i} id={`vraag-${i + 1}`} label={`Vraag ${i + 1}`} name="questions" required={false} maxLength={500} defaultValue={questions[i] ?? ""} />
        ))}
      </fieldset>
      <Checkboxes
        legend="Welke organisaties vraagt u?"
        required
        name="organisations"
        options={options.organisations.map((o) => ({ value: String(o.id), label: o.name }))}
        checked={r.lists.organisations ?? []}
        error={r.fieldErrors.organisations}
        hint="Alle actieve medewerkers van deze organisaties krijgen een uitnodiging, met herinneringen vóór de uiterste reactiedatum."
      />
      <Field schema={verkenningSchema} type="date" label="Uiterste reactiedatum" name="reactionDeadline" defaultValue={r.values.reactionDeadline} error={r.fieldErrors.reactionDeadline} />
      <button type="submit">Verkenning starten</button>
    </Form>
  );
}
