// The regisseur's next step for a proposal, per status, and the forms that go with it. Only
// steps the domain layer accepts are offered; the domain still checks each one.
import { Form, Link } from "@remix-run/react";
import { Csrf, Field, FormError, formatDate } from "~/components/ui";
import type { ProposalView } from "~/domain/consultation/view.server";
import { refusalFor } from "~/components/forms";

type Props = { view: ProposalView; actionResult: unknown };

function Withdraw({ view, actionResult }: Props) {
  const { formError, fieldErrors, values } = refusalFor(actionResult, "withdraw");
  if (!view.can.transitions.includes("ingetrokken")) return null;
  return (
    <details className="withdraw" open={!!formError}>
      <summary>Voorstel intrekken</summary>
      <Form method="post" noValidate>
        <Csrf />
        <input type="hidden" name="intent" value="withdraw" />
        <FormError message={formError} />
        <Field
          id="intrekken-reden"
          label="Waarom trekt u het voorstel in?"
          name="note"
          multiline
          rows={2}
          required
          defaultValue={values.note}
          error={fieldErrors.note}
          hint={view.proposal.status === "concept" ? undefined : "Alle genodigden krijgen dit bericht. De geldende tekst blijft ongewijzigd."}
        />
        <button type="submit" className="button-danger">
          Voorstel intrekken
        </button>
      </Form>
    </details>
  );
}

function Checklist({ view, errors }: { view: ProposalView; errors: Record<string, string> }) {
  const p = view.proposal;
  const t = p.timeline;
  const items = [
    { ok: !!p.waarom.trim() && !errors.waarom, text: "Waarom is de wijziging nodig", link: "bewerken", error: errors.waarom },
    { ok: !!p.visie.anchor && !errors.visieAnchor, text: "Passage uit de visie", link: "bewerken", error: errors.visieAnchor },
    { ok: view.impacts.length > 0 && !errors.organisations, text: `Geraakte organisaties (${view.impacts.length})`, link: "bewerken", error: errors.organisations },
    { ok: view.goals.length > 0 && !errors.goals, text: `Doelen: wat moet beter, voor wie, hoe merken we het (${view.goals.length})`, link: "doelen", error: errors.goals },
    ...(view.pilot
      ? [{ ok: !errors.pilotScope && !errors.pilotStarts && !errors.pilotEnds && !errors.pilotEvaluationDate && !!view.pilot.starts, text: `Pilot: wijken of teams en datums`, link: "doelen", error: errors.pilotScope ?? errors.pilotStarts ?? errors.pilotEnds ?? errors.pilotEvaluationDate }]
      : []),
    {
      ok: !!(t.consultationCloses && t.decisionPlanned && t.effectiveDate && t.evaluationDate) && !errors.consultationCloses && !errors.effectiveDate && !errors.evaluationDate && !errors.decisionPlanned,
      text: "Tijdlijn: uiterste reactiedatum, besluit, ingangsdatum en evaluatie",
      link: "tijdlijn",
      error: errors.consultationCloses ?? errors.decisionPlanned ?? errors.effectiveDate ?? errors.evaluationDate,
    },
  ];
  return (
    <ul className="checklist">
      {items.map((i) => (
        <li key={i.text} className={i.ok ? "done" : "todo"}>
          <span className={`status ${i.ok ? "status-ok" : "status-warn"}`}>{i.ok ? "klaar" : "nog doen"}</span> <Link to={`/wijzigingen/${p.id}/${i.link}`}>{i.text}</Link>
          {i.error ? <span className="error-text"> {i.error}</span> : null}
        </li>
      ))}
    </ul>
  );
}

export function NextStep({ view, actionResult }: Props) {
  if (!view.can.manage) return null;
  const p = view.proposal;
  const open = refusalFor(actionResult, "open");
  const close = refusalFor(actionResult, "close");
  const decide = refusalFor(actionResult, "decide");
  const reopen = refusalFor(actionResult, "reopen");
  const conclude = refusalFor(actionResult, "conclude");
  const afterDeadline = !!p.timeline.consultationCloses && view.today > p.timeline.consultationCloses;
  let body: React.ReactNode = null;
  switch (p.status) {
    case "concept":
      body = (
        <>
          <p>Vul het volgende in; daarna kunt u de consultatie openen. De mensen van de geraakte organisaties krijgen dan een uitnodiging in hun meldingen en per e-mail, met de datums als agenda-bijlage.</p>
          <Checklist view={view} errors={open.fieldErrors} />
          <Form method="post">
            <Csrf />
            <input type="hidden" name="intent" value="open" />
            <FormError message={open.formError} />
            <button type="submit">Consultatie openen</button>
          </Form>
        </>
      );
      break;
    case "in_consultatie":
      body = afterDeadline ? (
        <Form method="post">
          <Csrf />
          <input type="hidden" name="intent" value="close" />
          <p>De uiterste reactiedatum is verstreken. Sluit de consultatie om de reacties te beantwoorden (dit gebeurt anders vanzelf).</p>
          <FormError message={close.formError} />
          <button type="submit">Consultatie sluiten</button>
        </Form>
      ) : (
        <p>
          De consultatie loopt tot en met {formatDate(p.timeline.consultationCloses)} en sluit daarna vanzelf. U kunt reacties al beantwoorden. Eerder sluiten kan door de{" "}
          <Link to={`/wijzigingen/${p.id}/tijdlijn`}>uiterste reactiedatum te verplaatsen</Link> (met reden; alle genodigden krijgen bericht).
        </p>
      );
      break;
    case "in_besluitvorming":
      body = (
        <>
          {view.unanswered > 0 ? (
            <p className="alert alert-warning">
              Nog {view.unanswered === 1 ? "1 reactie" : `${view.unanswered} reacties`} zonder antwoord. Het besluit kan pas worden vastgelegd als elke reactie is beantwoord.
            </p>
          ) : (
            <p>Alle reacties zijn beantwoord. Leg het besluit vast: de huidige voorgestelde tekst wordt dan de vastgestelde tekst.</p>
          )}
          <Form method="post" noValidate className="decision-form">
            <Csrf />
            <input type="hidden" name="intent" value="decide" />
            <FormError message={decide.formError} />
            <Field
              id="besluit-tekst"
              label="Besluit"
              name="note"
              multiline
              rows={3}
              required
              defaultValue={decide.values.note}
              error={decide.fieldErrors.note}
              hint="Wie besloot, en wat is vastgesteld. Bijvoorbeeld: vastgesteld door de wethouder Werk en Inkomen, met de aanpassingen uit de reactienota."
            />
            <Field
              id="besluit-ingangsdatum"
              label="Ingangsdatum"
              name="effectiveDate"
              type="date"
              required
              defaultValue={decide.values.effectiveDate ?? p.timeline.effectiveDate ?? ""}
              error={decide.fieldErrors.effectiveDate}
              hint="Op deze dag wordt de tekst vanzelf de geldende versie."
            />
            <Field
              id="besluit-reden"
              label="Reden voor een andere ingangsdatum"
              name="reason"
              defaultValue={decide.values.reason}
              error={decide.fieldErrors.reason}
              hint="Alleen nodig als de ingangsdatum afwijkt van de tijdlijn."
            />
            <button type="submit">Besluit vastleggen</button>
          </Form>
          <details open={!!reopen.formError}>
            <summary>Consultatie opnieuw openen</summary>
            <Form method="post" noValidate>
              <Csrf />
              <input type="hidden" name="intent" value="reopen" />
              <FormError message={reopen.formError} />
              <Field id="heropen-datum" label="Nieuwe uiterste reactiedatum" name="consultationCloses" type="date" required defaultValue={reopen.values.consultationCloses} error={reopen.fieldErrors.consultationCloses} />
              <Field id="heropen-reden" label="Waarom opnieuw?" name="note" required defaultValue={reopen.values.note} error={reopen.fieldErrors.note} />
              <button type="submit" className="button-secondary">
                Consultatie heropenen
              </button>
            </Form>
          </details>
        </>
      );
      break;
    case "vastgesteld":
      body = view.pilot ? (
        <p>
          Vastgesteld als pilot in {view.pilot.scope}. De wijziging gaat pas per {formatDate(p.timeline.effectiveDate)} voor iedereen gelden als alle genodigde organisaties de evaluatie van de pilot hebben beantwoord en er een
          consultatie over de uitkomst is geweest. <Link to={`/wijzigingen/${p.id}/doelen`}>Naar de evaluatie van de pilot</Link>
        </p>
      ) : (
        <p>
          Vastgesteld. Op {formatDate(p.timeline.effectiveDate)} wordt de tekst vanzelf de geldende versie van het document en krijgen alle genodigden bericht. De ingangsdatum verplaatsen kan op de{" "}
          <Link to={`/wijzigingen/${p.id}/tijdlijn`}>tijdlijn</Link>.
        </p>
      );
      break;
    case "van_kracht":
      body = view.goals.length ? (
        <p>
          {p.inForce ? `${p.inForce.charAt(0).toUpperCase()}${p.inForce.slice(1)}. ` : ""}Evaluatie gepland op {formatDate(p.timeline.evaluationDate)}. Leg de conclusie per doel vast op{" "}
          <Link to={`/wijzigingen/${p.id}/doelen`}>Doelen en evaluatie</Link>.
        </p>
      ) : (
        <Form method="post" noValidate>
          <Csrf />
          <input type="hidden" name="intent" value="conclude" />
          <p>
            Van kracht sinds {formatDate(p.timeline.effectiveDate)}. Evaluatie gepland op {formatDate(p.timeline.evaluationDate)}; op die dag worden de genodigde organisaties gevraagd hoe de wijziging werkt.
          </p>
          <FormError message={conclude.formError} />
          <Field id="evaluatie-conclusie" label="Conclusie van de evaluatie" name="conclusion" multiline rows={4} required defaultValue={conclude.values.conclusion} error={conclude.fieldErrors.conclusion} />
          <button type="submit">Evaluatie afronden</button>
        </Form>
      );
      break;
    default:
      return null;
  }
  return (
    <section className="next-step card" aria-labelledby="kop-volgende-stap">
      <h2 id="kop-volgende-stap">Volgende stap</h2>
      {body}
      <Withdraw view={view} actionResult={actionResult} />
    </section>
  );
}

export function EvaluationResponseForm({ actionResult }: { actionResult: unknown }) {
  const { formError, fieldErrors, values } = refusalFor(actionResult, "evaluate");
  return (
    <Form method="post" noValidate>
      <Csrf />
      <input type="hidden" name="intent" value="evaluate" />
      <FormError message={formError} />
      <Field
        id="evaluatie-ervaring"
        label="Hoe werkt de wijziging voor uw organisatie?"
        name="text"
        multiline
        rows={4}
        required
        defaultValue={values.text}
        error={fieldErrors.text}
        hint="Wat gaat goed, wat niet, wat moet anders? Uw antwoord staat bij het voorstel, met de naam van uw organisatie."
      />
      <button type="submit">Ervaring doorgeven</button>
    </Form>
  );
}

/**
 * The forms on the proposal page for this person right now, as "intent" or "intent:target",
 * so <PageRefusal/> shows a refusal of any other form (e.g. a decision posted before the
 * deadline, an answer to a comment that does not exist). Mirrors the conditions above.
 */
export function proposalForms(view: ProposalView): string[] {
  const p = view.proposal;
  const forms: string[] = [];
  if (view.can.comment) forms.push("comment");
  if (view.can.answer) for (const c of view.comments) forms.push(`answer:${c.id}`);
  if (view.can.reply) for (const c of view.comments) forms.push(`reply:${c.id}`);
  if (view.can.answer) for (const c of view.comments) if (c.suggestion) forms.push(`accept:${c.id}`, `decline:${c.id}`);
  if ((p.status === "van_kracht" || p.status === "geevalueerd") && view.can.respondEvaluation && !view.goals.length) forms.push("evaluate");
  if (view.can.manage) {
    const afterDeadline = !!p.timeline.consultationCloses && view.today > p.timeline.consultationCloses;
    const step: Partial<Record<typeof p.status, string[]>> = {
      concept: ["open"],
      in_consultatie: afterDeadline ? ["close"] : [],
      in_besluitvorming: ["decide", "reopen"],
      vastgesteld: [],
      van_kracht: view.goals.length ? [] : ["conclude"],
    };
    const here = step[p.status];
    if (here) forms.push(...here, ...(view.can.transitions.includes("ingetrokken") ? ["withdraw"] : []));
  }
  return forms;
}
