// Shared pieces of the proposal pages: status badge, the header with the sub-navigation,
// the key dates, and reading a form's own errors out of the page's action data.
import { Link, NavLink } from "@remix-run/react";
import type { ReactNode } from "react";
import { formatIsoDateNl } from "~/domain/consultation/dates";
import { STATUS_TONE, type ProposalStatus } from "~/domain/consultation/states";

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
            <NavLink to={`${base}/tijdlijn`}>Tijdlijn</NavLink>
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

export type IntentResult = { ok: false; intent: string; target: string; formError: string; fieldErrors: Record<string, string>; values: Record<string, string> } | undefined;

/** The errors and typed values of one form on a page with several (matched by intent and target). */
export function errorsFor(result: unknown, intent: string, target = "") {
  const r = result as IntentResult;
  if (r && r.ok === false && r.intent === intent && (target === "" || r.target === target)) {
    return { formError: r.formError, fieldErrors: r.fieldErrors ?? {}, values: r.values ?? {} };
  }
  return { formError: undefined, fieldErrors: {} as Record<string, string>, values: {} as Record<string, string> };
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

export function Select(props: {
  label: string;
  name: string;
  options: { value: string; label: string }[];
  defaultValue?: string;
  error?: string;
  hint?: string;
  required?: boolean;
  id?: string;
}) {
  const id = props.id ?? `veld-${props.name}`;
  const describedBy = [props.hint ? `${id}-hint` : null, props.error ? `${id}-fout` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`field${props.error ? " field-error" : ""}`}>
      <label htmlFor={id}>
        {props.label}
        {props.required ? <span className="required"> (verplicht)</span> : null}
      </label>
      {props.hint ? (
        <p className="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p className="error-text" id={`${id}-fout`}>
          {props.error}
        </p>
      ) : null}
      <select id={id} name={props.name} defaultValue={props.defaultValue} aria-invalid={props.error ? true : undefined} aria-describedby={describedBy}>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
