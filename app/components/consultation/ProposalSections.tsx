// The read-only sections of the proposal page: the decision, the evaluation and the signals
// that led to the proposal.
import { Link } from "@remix-run/react";
import { EmptyState, formatDate } from "~/components/ui";
import type { ProposalView } from "~/domain/consultation/view.server";
import { EvaluationResponseForm } from "./Actions";
import { PlainText } from "./ui";
import { GoalList } from "./Goals";

/** The confirmation after each form, keyed by the `gedaan` the action redirects with. */
export const DONE: Record<string, string> = {
  reactie: "Uw reactie is opgeslagen. U vindt hem hieronder; het antwoord van de regisseur komt in de reactienota.",
  beantwoord: "Het antwoord is opgeslagen. Het staat in de reactienota.",
  geopend: "De consultatie is geopend. De mensen van de geraakte organisaties zijn uitgenodigd, in hun meldingen en per e-mail.",
  gesloten: "De consultatie is gesloten. Beantwoord nu elke reactie en leg daarna het besluit vast.",
  vastgesteld: "Het besluit is vastgelegd. Alle genodigden hebben bericht gekregen met de ingangsdatum.",
  heropend: "De consultatie is opnieuw geopend. Alle genodigden hebben de nieuwe uiterste reactiedatum gekregen.",
  ingetrokken: "Het voorstel is ingetrokken.",
  ervaring: "Dank u: uw ervaring staat bij de evaluatie.",
  geevalueerd: "De evaluatie is afgerond.",
  aangemaakt: "Het voorstel is aangemaakt als concept. Bewerk de voorgestelde tekst en vul waarom, impact en tijdlijn in.",
};

/** The goals on the proposal page, with a conclusion per goal once evaluated. */
export function GoalsSummary({ view }: { view: ProposalView }) {
  return (
    <section aria-labelledby="kop-doelen-overzicht">
      <h2 id="kop-doelen-overzicht">Doelen</h2>
      <GoalList goals={view.goals} showAnswers={false} />
      <p>
        <Link to={`/wijzigingen/${view.proposal.id}/doelen`}>Doelen en evaluatie per doel</Link>
      </p>
    </section>
  );
}

export function Decision({ proposal: p }: { proposal: ProposalView["proposal"] }) {
  if (!p.decidedAt) return null;
  return (
    <section id="besluit" aria-labelledby="kop-besluit" className="decision card">
      <h2 id="kop-besluit">Besluit</h2>
      <p>
        Vastgesteld door {p.decidedByName} op {formatDate(p.decidedAt)}. Ingangsdatum: <strong>{formatDate(p.timeline.effectiveDate)}</strong>
        {p.inForce ? `, ${p.inForce} (versie ${p.resultVersionNumber ?? "?"} van het document)` : ""}.
      </p>
      <PlainText text={p.decisionNote} />
    </section>
  );
}

export function Evaluation({ view, actionResult }: { view: ProposalView; actionResult: unknown }) {
  const p = view.proposal;
  if (!(p.status === "van_kracht" || p.status === "geevalueerd")) return null;
  return (
    <section id="evaluatie" aria-labelledby="kop-evaluatie">
      <h2 id="kop-evaluatie">Evaluatie</h2>
      <p className="meta">Evaluatiedatum: {formatDate(p.timeline.evaluationDate)}</p>
      {p.evaluationConclusion ? (
        <div className="card">
          <h3>Conclusie</h3>
          <PlainText text={p.evaluationConclusion} />
        </div>
      ) : null}
      {view.evaluationResponses.length ? (
        <ul className="stack evaluation-list">
          {view.evaluationResponses.map((r) => (
            <li key={r.id} className="card">
              <h3 className="h3">{r.organisationName}</h3>
              <PlainText text={r.text} />
              <p className="meta">
                {r.personName ? `${r.personName}, ` : ""}
                {formatDate(r.createdAt)}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState>Nog geen ervaringen doorgegeven.</EmptyState>
      )}
      {view.goals.length ? (
        <p>
          <Link to={`/wijzigingen/${p.id}/doelen`}>De evaluatie per doel</Link> vraagt elke genodigde organisatie hoe het ging; de conclusie staat daar per doel.
        </p>
      ) : null}
      {view.can.respondEvaluation && !view.goals.length ? <EvaluationResponseForm key={`ervaring-${view.evaluationResponses.length}`} actionResult={actionResult} /> : null}
    </section>
  );
}

type LinkedSignal = {
  id: number;
  title: string;
  statusLabel: string;
  href: string;
  ownerKetenName: string;
};

export function LinkedSignals({ signals }: { signals: LinkedSignal[] }) {
  if (!signals.length) return null;
  return (
    <section aria-labelledby="kop-signalen">
      <h2 id="kop-signalen">Signalen die tot dit voorstel leidden</h2>
      <ul>
        {signals.map((s) => (
          <li key={s.id}>
            <Link to={s.href}>{s.title}</Link>{" "}
            <span className="meta">
              · {s.statusLabel} · {s.ownerKetenName}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
