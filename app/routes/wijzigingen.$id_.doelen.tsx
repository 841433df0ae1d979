import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams, type Params } from "@remix-run/react";
import { NOT_FOUND_MESSAGE } from "~/domain/consultation/access.server";
import { idParam } from "~/http/ids.server";
import { formAction, intent } from "~/http/action.server";
import {
  goalAnswers,
  goalConclusionSchema,
  goalConclusions,
  goalEvaluationSchema,
  goalRows,
  goalsSchema,
  pilotSchema,
  resultConsultationSchema,
  resultReactionSchema,
} from "~/domain/consultation/forms";
import { concludeGoals, listGoals, saveGoals, submitGoalEvaluation } from "~/domain/consultation/goals.server";
import { addResultReaction, openResultConsultation, setPilot } from "~/domain/consultation/pilot.server";
import { getGoalsPage } from "~/domain/consultation/view.server";
import { page, requireActor } from "~/http/request.server";
import { EmptyState, Notice, formatDate } from "~/components/ui";
import { PageRefusal } from "~/components/forms";
import { ProposalHeader, PlainText } from "~/components/consultation/ui";
import { GoalConclusionForm, GoalEvaluationForm, GoalList, GoalsEditor, PilotEditor, PilotResultForm, ResultReactionForm } from "~/components/consultation/Goals";
import { PilotPhases } from "~/components/consultation/Pilot";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Doelen en evaluatie: ${data?.proposal.title ?? "voorstel"} · Ketenportaal Zaanstad` }];

const proposalId = (params: Params) => idParam(params, "id", NOT_FOUND_MESSAGE);
const done = (id: number, what: string) => redirect(`/wijzigingen/${id}/doelen?gedaan=${what}`);

export const loader = page(({ request, params }: LoaderFunctionArgs) => getGoalsPage({ actor: requireActor(request), id: proposalId(params) }));

export const action = formAction({
  goals: intent({
    schema: goalsSchema,
    run({ actor, value, params }) {
      saveGoals({ actor, id: proposalId(params), goals: goalRows(value) });
      return done(proposalId(params), "doelen");
    },
  }),
  pilot: intent({
    schema: pilotSchema,
    run({ actor, value, params }) {
      setPilot({ actor, id: proposalId(params), ...value });
      return done(proposalId(params), "pilot");
    },
  }),
  answer: intent({
    schema: goalEvaluationSchema,
    run({ actor, value, params }) {
      submitGoalEvaluation({ actor, id: proposalId(params), answers: goalAnswers(value), text: value.text });
      return done(proposalId(params), "ervaring");
    },
  }),
  result: intent({
    schema: resultConsultationSchema,
    run({ actor, value, params }) {
      const id = proposalId(params);
      openResultConsultation({ actor, id, closes: value.closes, conclusions: goalConclusions(value, listGoals(id).map((g) => g.id)) });
      return done(id, "uitkomst");
    },
  }),
  react: intent({
    schema: resultReactionSchema,
    run({ actor, value, params }) {
      addResultReaction({ actor, id: proposalId(params), text: value.text });
      return done(proposalId(params), "reactie");
    },
  }),
  conclude: intent({
    schema: goalConclusionSchema,
    run({ actor, value, params }) {
      const id = proposalId(params);
      const { followUpId } = concludeGoals({ actor, id, conclusion: value.conclusion, conclusions: goalConclusions(value, listGoals(id).map((g) => g.id)) });
      return followUpId ? redirect(`/wijzigingen/${followUpId}?gedaan=aangemaakt`) : done(id, "geevalueerd");
    },
  }),
});

const DONE: Record<string, string> = {
  doelen: "De doelen zijn opgeslagen.",
  pilot: "De pilot is opgeslagen.",
  ervaring: "Dank u: uw ervaring per doel is opgeslagen.",
  uitkomst: "De uitkomst van de pilot is vastgelegd en ter consultatie voorgelegd aan de genodigde organisaties.",
  reactie: "Uw reactie op de uitkomst is opgeslagen.",
  geevalueerd: "De evaluatie is afgerond, met een conclusie per doel.",
};

export default function DoelenEnEvaluatie() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const p = d.proposal;
  const notice = DONE[params.get("gedaan") ?? ""];
  const shownBy = [
    ...(d.can.editGoals ? ["goals"] : []),
    ...(d.can.editPilot ? ["pilot"] : []),
    ...(d.can.answer ? ["answer"] : []),
    ...(d.pilot?.can.openResult ? ["result"] : []),
    ...(d.pilot?.can.react ? ["react"] : []),
    ...(d.can.conclude && d.goals.length ? ["conclude"] : []),
  ];
  return (
    <div>
      <ProposalHeader proposal={p} document={d.document} canEditText={d.can.editText} canManage={d.can.manage} />
      <PageRefusal result={result} shownBy={shownBy} />
      {notice ? <Notice tone="success">{notice}</Notice> : null}
      <section aria-labelledby="kop-doelen">
        <h2 id="kop-doelen">Doelen</h2>
        <p className="meta">Wat moet er beter worden, voor wie, en hoe merken we het. De evaluatie vraagt per doel hoe het ging; de conclusie staat per doel.</p>
        <GoalList goals={d.goals} />
      </section>
      {d.can.editGoals ? <GoalsEditor goals={d.goals} result={result} /> : null}
      <PilotPhases pilot={d.pilot} proposalId={p.id} inForce={p.inForce} />
      {d.can.editPilot ? <PilotEditor settings={d.pilotSettings} concept={p.status === "concept"} result={result} /> : null}
      {d.can.answer && d.evaluationPhase && d.goals.length ? <GoalEvaluationForm goals={d.goals} phase={d.evaluationPhase === "pilot" ? "pilot" : "regulier"} result={result} /> : null}
      {d.pilot?.can.openResult && d.pilot.allAnswered ? <PilotResultForm goals={d.goals} effectiveDate={d.pilot.effectiveDate} result={result} /> : null}
      {d.pilot?.can.openResult && !d.pilot.allAnswered && d.pilot.phase === "loopt" ? (
        <Notice>De uitkomst kan ter consultatie zodra alle genodigde organisaties de evaluatie van de pilot hebben beantwoord.</Notice>
      ) : null}
      {d.pilot?.resultOpens ? (
        <section aria-labelledby="kop-reacties-uitkomst">
          <h2 id="kop-reacties-uitkomst">Reacties op de uitkomst van de pilot</h2>
          {d.reactions.length ? (
            <ul className="stack">
              {d.reactions.map((r) => (
                <li key={r.id} className="card">
                  <strong>{r.organisationName}</strong> <span className="meta">· {formatDate(r.createdAt)}</span>
                  <PlainText text={r.text} />
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState>Nog geen reacties op de uitkomst.</EmptyState>
          )}
          {d.pilot.can.react ? <ResultReactionForm result={result} closes={d.pilot.resultCloses} /> : null}
        </section>
      ) : null}
      {d.can.conclude && d.goals.length ? <GoalConclusionForm goals={d.goals} result={result} /> : null}
    </div>
  );
}
