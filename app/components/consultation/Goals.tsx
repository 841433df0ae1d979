// Goals of a proposal and their evaluation: the list with answers and conclusions per goal,
// and the forms of the "doelen en evaluatie" page (goals, pilot, evaluation per goal, the
// pilot's result, reactions on it, and the conclusion per goal).
import { Form, Link } from "@remix-run/react";
import { Csrf, Field, FormError, formatDate } from "~/components/ui";
import { Intent, Select, refusalFor } from "~/components/forms";
import type { ProposalView } from "~/domain/consultation/view.server";
import { GOAL_OUTCOME_LABELS, GOAL_OUTCOMES, PILOT_DATE_LABELS } from "~/shared/pilot";
import { PlainText } from "./ui";

type Goal = ProposalView["goals"][number];
const PHASE_TITLE = { pilot: "Evaluatie van de pilot", regulier: "Evaluatie na de ingangsdatum", uitkomst: "Uitkomst van de pilot" } as const;

export function GoalList({ goals, showAnswers = true }: { goals: Goal[]; showAnswers?: boolean }) {
  if (!goals.length) return <p className="meta">Er zijn nog geen doelen beschreven.</p>;
  return (
    <ol className="stack goal-list">
      {goals.map((g) => (
        <li key={g.id} className="card">
          <h3 className="h3">{g.improve}</h3>
          <p>
            <strong>Voor wie:</strong> {g.forWhom}
            <br />
            <strong>Zo merken we het:</strong> {g.measure}
          </p>
          {g.conclusions.map((c) => (
            <p key={c.phase}>
              <span className={`status ${c.outcome === "behaald" ? "status-ok" : c.outcome === "deels" ? "status-warn" : "status-bad"}`}>{c.outcomeLabel}</span>{" "}
              <span className="meta">({c.phase === "pilot" ? "uitkomst van de pilot" : "evaluatie"})</span>
              {c.note ? ` ${c.note}` : ""}
              {c.followUp ? (
                <>
                  {" "}
                  <Link to={c.followUp.href}>Vervolgvoorstel</Link>
                </>
              ) : null}
            </p>
          ))}
          {showAnswers && g.answers.length ? (
            <details>
              <summary>Antwoorden van de organisaties ({g.answers.length})</summary>
              <ul>
                {g.answers.map((a) => (
                  <li key={`${a.responseId}`}>
                    <strong>{a.organisationName}</strong> <span className="meta">· {a.phase === "pilot" ? "pilot" : "evaluatie"} · {formatDate(a.at)}</span>
                    <PlainText text={a.text} />
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

export function GoalsEditor({ goals, result }: { goals: Goal[]; result: unknown }) {
  const r = refusalFor(result, "goals");
  const rows = Math.min(8, Math.max(goals.length + 1, 2));
  return (
    <Form method="post" noValidate className="card">
      <Csrf />
      <Intent value="goals" />
      <h2 id="kop-doelen-bewerken">Doelen beschrijven</h2>
      <p>Beschrijf per doel wat er beter moet worden, voor wie, en hoe we merken dat het lukt. De consultatie kan pas open als er ten minste één doel is; de evaluatie vraagt de genodigden later per doel hoe het ging.</p>
      <FormError message={r.formError} />
      {Array.from({ length: rows }, (_, i) => (
        <fieldset key={i}>
          <legend>Doel {i + 1}</legend>
          <Field id={`doel-${i}-beter`} label="Wat moet er beter worden?" name={`improve_${i}`} defaultValue={r.values[`improve_${i}`] ?? goals[i]?.improve ?? ""} error={r.fieldErrors[`improve_${i}`]} />
          <Field id={`doel-${i}-wie`} label="Voor wie?" name={`forWhom_${i}`} defaultValue={r.values[`forWhom_${i}`] ?? goals[i]?.forWhom ?? ""} error={r.fieldErrors[`forWhom_${i}`]} />
          <Field id={`doel-${i}-meten`} label="Hoe weten we dat het lukt?" name={`measure_${i}`} defaultValue={r.values[`measure_${i}`] ?? goals[i]?.measure ?? ""} error={r.fieldErrors[`measure_${i}`]} />
        </fieldset>
      ))}
      <button type="submit">Doelen opslaan</button>
    </Form>
  );
}

type PilotSettings = { pilot: boolean; scope: string; pilotStarts: string | null; pilotEnds: string | null; pilotEvaluationDate: string | null };

export function PilotEditor({ settings: s, concept, result }: { settings: PilotSettings; concept: boolean; result: unknown }) {
  const r = refusalFor(result, "pilot");
  const v = (k: keyof PilotSettings, d: string | null) => r.values[k] ?? d ?? "";
  return (
    <Form method="post" noValidate className="card">
      <Csrf />
      <Intent value="pilot" />
      <h2 id="kop-pilot-bewerken">Pilot</h2>
      <p>Een pilot loopt eerst in een paar wijken of teams. Hij wordt pas regulier (de ingangsdatum voor iedereen) als alle genodigde organisaties de evaluatie hebben beantwoord en er een consultatie over de uitkomst is geweest.</p>
      <FormError message={r.formError} />
      {concept ? (
        <p>
          <label>
            <input type="checkbox" name="pilot" value="1" defaultChecked={r.formError ? r.values.pilot === "1" : s.pilot} /> Dit voorstel start als pilot
          </label>
        </p>
      ) : (
        <input type="hidden" name="pilot" value={s.pilot ? "1" : ""} />
      )}
      {concept ? (
        <Field id="pilot-scope" label="In welke wijken of teams?" name="scope" defaultValue={v("scope", s.scope)} error={r.fieldErrors.scope} hint="Bijvoorbeeld: wijkteam Poelenburg en wijkteam Peldersveld." />
      ) : (
        <>
          <input type="hidden" name="scope" value={s.scope} />
          <p>
            Pilot in: <strong>{s.scope}</strong>
          </p>
        </>
      )}
      <Field id="pilot-start" label={PILOT_DATE_LABELS.pilotStarts} name="pilotStarts" type="date" defaultValue={v("pilotStarts", s.pilotStarts)} error={r.fieldErrors.pilotStarts} />
      <Field id="pilot-einde" label={PILOT_DATE_LABELS.pilotEnds} name="pilotEnds" type="date" defaultValue={v("pilotEnds", s.pilotEnds)} error={r.fieldErrors.pilotEnds} />
      <Field id="pilot-evaluatie" label={PILOT_DATE_LABELS.pilotEvaluationDate} name="pilotEvaluationDate" type="date" defaultValue={v("pilotEvaluationDate", s.pilotEvaluationDate)} error={r.fieldErrors.pilotEvaluationDate} />
      {!concept ? <Field id="pilot-reden" label="Reden van de wijziging" name="reason" multiline rows={2} required defaultValue={r.values.reason} error={r.fieldErrors.reason} /> : null}
      <button type="submit">Pilot opslaan</button>
    </Form>
  );
}

export function GoalEvaluationForm({ goals, phase, result }: { goals: Goal[]; phase: "pilot" | "regulier"; result: unknown }) {
  const r = refusalFor(result, "answer");
  return (
    <Form method="post" noValidate className="card">
      <Csrf />
      <Intent value="answer" />
      <h3 id="kop-evaluatie-per-doel">{PHASE_TITLE[phase]}: uw ervaring per doel</h3>
      <FormError message={r.formError} />
      {goals.map((g) => (
        <Field key={g.id} id={`antwoord-${g.id}`} label={`${g.improve}: wat ziet u in de praktijk?`} name={`goal_${g.id}`} multiline rows={3} required defaultValue={r.values[`goal_${g.id}`]} error={r.fieldErrors[`goal_${g.id}`]} hint={`Voor wie: ${g.forWhom}. Zo merken we het: ${g.measure}.`} />
      ))}
      <Field id="antwoord-toelichting" label="Verder nog iets?" name="text" multiline rows={2} defaultValue={r.values.text} error={r.fieldErrors.text} />
      <button type="submit">Ervaring per doel doorgeven</button>
    </Form>
  );
}

function OutcomeFields({ goals, r, followUp }: { goals: Goal[]; r: ReturnType<typeof refusalFor>; followUp: boolean }) {
  const options = GOAL_OUTCOMES.map((o) => ({ value: o, label: GOAL_OUTCOME_LABELS[o] }));
  return (
    <>
      {goals.map((g) => (
        <fieldset key={g.id}>
          <legend>{g.improve}</legend>
          <Select id={`uitkomst-${g.id}`} label="Is het doel behaald?" name={`outcome_${g.id}`} options={options} placeholder="Kies" defaultValue={r.values[`outcome_${g.id}`] ?? ""} error={r.fieldErrors[`outcome_${g.id}`]} required />
          <Field id={`uitkomst-toelichting-${g.id}`} label="Toelichting" name={`note_${g.id}`} defaultValue={r.values[`note_${g.id}`]} error={r.fieldErrors[`note_${g.id}`]} />
          {followUp ? (
            <p>
              <label>
                <input type="checkbox" name={`followUp_${g.id}`} value="1" defaultChecked={r.values[`followUp_${g.id}`] === "1"} /> Start een vervolgvoorstel voor dit doel
              </label>
            </p>
          ) : null}
        </fieldset>
      ))}
    </>
  );
}

export function PilotResultForm({ goals, effectiveDate, result }: { goals: Goal[]; effectiveDate: string | null; result: unknown }) {
  const r = refusalFor(result, "result");
  return (
    <Form method="post" noValidate className="card">
      <Csrf />
      <Intent value="result" />
      <h3 id="kop-uitkomst-vastleggen">Uitkomst van de pilot vastleggen en voorleggen</h3>
      <p>Leg per doel de uitkomst vast. De genodigde organisaties krijgen die ter consultatie; pas daarna gaat de wijziging per {formatDate(effectiveDate)} voor iedereen gelden.</p>
      <FormError message={r.formError} />
      <OutcomeFields goals={goals} r={r} followUp={false} />
      <Field id="uitkomst-sluit" label={PILOT_DATE_LABELS.pilotResultCloses} name="closes" type="date" required defaultValue={r.values.closes} error={r.fieldErrors.closes} />
      <button type="submit">Consultatie over de uitkomst openen</button>
    </Form>
  );
}

export function ResultReactionForm({ result, closes }: { result: unknown; closes: string | null }) {
  const r = refusalFor(result, "react");
  return (
    <Form method="post" noValidate className="card">
      <Csrf />
      <Intent value="react" />
      <h3 id="kop-reageer-uitkomst">Reageren op de uitkomst</h3>
      <FormError message={r.formError} />
      <Field id="uitkomst-reactie" label="Wat vindt uw organisatie van de uitkomst?" name="text" multiline rows={3} required defaultValue={r.values.text} error={r.fieldErrors.text} hint={`Reageer uiterlijk ${formatDate(closes)}.`} />
      <button type="submit">Reactie versturen</button>
    </Form>
  );
}

export function GoalConclusionForm({ goals, result }: { goals: Goal[]; result: unknown }) {
  const r = refusalFor(result, "conclude");
  return (
    <Form method="post" noValidate className="card">
      <Csrf />
      <Intent value="conclude" />
      <h3 id="kop-conclusie-per-doel">Conclusie per doel</h3>
      <FormError message={r.formError} />
      <OutcomeFields goals={goals} r={r} followUp />
      <Field id="conclusie-algemeen" label="Conclusie van de evaluatie" name="conclusion" multiline rows={3} required defaultValue={r.values.conclusion} error={r.fieldErrors.conclusion} />
      <button type="submit">Evaluatie afronden</button>
    </Form>
  );
}
