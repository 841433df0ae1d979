// Shared pieces of the proposal pages: status badge, the header with the sub-navigation,
// the key dates and plain text.
import { Link, NavLink } from "@remix-run/react";
import type { ReactNode } from "react";
import { formatIsoDateNl } from "~/shared/dates";
import { STATUS_TONE, type ProposalStatus } from "~/shared/proposals";

export function StatusBadge({ status, label }: { status: ProposalStatus; label: string }) {
  const tone = STATUS_TONE[status];
  return <span className={`status${tone ? ` status-${tone}` : ""}`}>{label}</span>;
}

type HeaderProposal = {
  id: number;
  title: string;
  status: ProposalStatus;
  statusLabel: string;
  timeline: { consultationCloses: string | null; effectiveDate: string | null };
};

export function ProposalHeader(props: {
  proposal: HeaderProposal;
  document: { slug: string; title: string };
  canEditText?: boolean;
  canManage?: boolean;
  children?: ReactNode;
}) {
  const p = props.proposal;
  const base = `/wijzigingen/${p.id}`;
  const frozen = ["vastgesteld", "van_kracht", "geevalueerd", "ingetrokken"].includes(p.status);
  return (
    <>
      <div className="page-header">
        <div>
          <p className="meta proposal-kicker">
            Wijzigingsvoorstel voor <Link to={`/documenten/${props.document.slug}`}>{props.document.title}</Link>
          </p>
          <h1>{p.title}</h1>
          <p className="lead">
            <StatusBadge status={p.status} label={p.statusLabel} /> · uiterste reactiedatum {formatIsoDateNl(p.timeline.consultationCloses)} · ingangsdatum{" "}
            {formatIsoDateNl(p.timeline.effectiveDate)}
          </p>
        </div>
        {props.children ? <div className="page-actions">{props.children}</div> : null}
      </div>
      <nav className="sub-nav" aria-label="Onderdelen van dit voorstel">
        <ul>
          <li>
            <NavLink to={base} end>
              Overzicht
            </NavLink>
          </li>
          {props.canEditText ? (
            <li>
              <NavLink to={`${base}/tekst`}>Tekst bewerken</NavLink>
            </li>
          ) : null}
          {props.canManage && !frozen ? (
            <li>
              <NavLink to={`${base}/bewerken`}>Waarom en impact</NavLink>
            </li>
          ) : null}
          <li>
            <NavLink to={`${base}/doelen`}>Doelen en evaluatie</NavLink>
          </li>
          <li>
            <NavLink to={`${base}/tijdlijn`}>Tijdlijn</NavLink>
          </li>
          <li>
            <NavLink to={`${base}/integraal`}>Integrale toets en samenhang</NavLink>
          </li>
          <li>
            <NavLink to={`${base}/reactienota`}>Reactienota</NavLink>
          </li>
          <li>
            <a href={`${base}/agenda.ics`} download>
              Agenda (.ics)
            </a>
          </li>
        </ul>
      </nav>
    </>
  );
}

/** Plain text with blank lines as paragraph breaks; React escapes every character. */
export function PlainText({ text, className }: { text: string; className?: string }) {
  const paras = text.split(/\n{2,}/).filter((p) => p.trim());
  return (
    <div className={className}>
      {paras.map((p, i) => (
        <p key={i} className="preserve-lines">
          {p}
        </p>
      ))}
    </div>
  );
}
