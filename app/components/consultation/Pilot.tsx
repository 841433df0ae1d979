// The two phases of a pilot, as the proposal page, the timeline and the goals page show them:
// first in the wijken or teams (start, end, evaluation, consultation on the result), then for
// everyone (the ingangsdatum), with what the second phase still waits for.
import { Link } from "@remix-run/react";
import { formatDate } from "~/components/ui";
import type { ProposalView } from "~/domain/consultation/view.server";
import { PILOT_DATE_LABELS } from "~/shared/pilot";

type PilotInfo = NonNullable<ProposalView["pilot"]>;

const PHASE_LABEL: Record<PilotInfo["phase"], string> = {
  gepland: "Pilot gepland",
  loopt: "Pilot loopt",
  geevalueerd: "Pilot geëvalueerd, uitkomst ter consultatie",
  regulier: "Regulier: geldt voor iedereen",
};

export function PilotPhases({ pilot, proposalId, inForce, headingId = "kop-pilot" }: { pilot: PilotInfo | null; proposalId: number; inForce: string | null; headingId?: string }) {
  if (!pilot) return null;
  const waiting = pilot.organisations.filter((o) => !o.answered).map((o) => o.name);
  return (
    <section aria-labelledby={headingId} className="pilot-phases">
      <h2 id={headingId}>Pilot, daarna regulier</h2>
      <p>
        <span className={`status ${pilot.phase === "regulier" ? "status-ok" : "status-warn"}`}>{PHASE_LABEL[pilot.phase]}</span> · in {pilot.scope}
      </p>
      <ol className="timeline">
        <li className="phase-heading">
          <strong>Fase 1: pilot in {pilot.scope}</strong>
        </li>
        <li>
          <span className="timeline-label">{PILOT_DATE_LABELS.pilotStarts}</span> <strong>{formatDate(pilot.starts)}</strong>
        </li>
        <li>
          <span className="timeline-label">{PILOT_DATE_LABELS.pilotEvaluationDate}</span> <strong>{formatDate(pilot.evaluationDate)}</strong>{" "}
          <span className="meta">
            {pilot.allAnswered ? "alle genodigde organisaties hebben geantwoord" : `nog niet beantwoord door: ${waiting.join(", ") || "—"}`}
          </span>
        </li>
        <li>
          <span className="timeline-label">{PILOT_DATE_LABELS.pilotEnds}</span> <strong>{formatDate(pilot.ends)}</strong>
        </li>
        <li>
          <span className="timeline-label">Consultatie over de uitkomst</span>{" "}
          <strong>{pilot.resultOpens ? `${formatDate(pilot.resultOpens)} tot en met ${formatDate(pilot.resultCloses)}` : "nog niet geopend"}</strong>
          {pilot.resultConsultation === "gelopen" ? <span className="tag">afgerond</span> : null}
        </li>
        <li className="phase-heading">
          <strong>Fase 2: regulier, voor iedereen</strong>
        </li>
        <li>
          <span className="timeline-label">Ingangsdatum voor iedereen</span> <strong>{formatDate(pilot.effectiveDate)}</strong>{" "}
          {inForce ? <span className="meta">{inForce}</span> : pilot.cleared ? <span className="meta">evaluatie en consultatie afgerond</span> : <span className="meta">pas na de evaluatie en de consultatie over de uitkomst</span>}
          {pilot.regularWaiting ? <span className="status status-bad">wacht op evaluatie en consultatie</span> : null}
        </li>
      </ol>
      <p>
        <Link to={`/wijzigingen/${proposalId}/doelen`}>Doelen, evaluatie van de pilot en uitkomst</Link>
      </p>
    </section>
  );
}
