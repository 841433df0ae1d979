import { Form, Link } from "@remix-run/react";
import { REGISTER_PRIORITY_LABELS, REGISTER_STATUS_LABELS } from "~/shared/overleg";
import { Csrf, EmptyState } from "~/components/ui";

type Item = {
  id: number;
  title: string;
  description: string;
  priority: string | null;
  priorityLabel: string;
  status: string;
  statusLabel: string;
  sourceLabel: string;
  outcome: string;
  signalId: number | null;
  okoAction: { id: number; title: string; href: string; status: string } | null;
};

/** The verbeterregister: the EKO's priority and the OKO's progress, side by side for both. */
export function RegisterTable({
  items,
  canEdit,
  canPrioritise,
  actionOptions,
}: {
  items: Item[];
  canEdit: boolean;
  /** Only the EKO (and the regisseur) sets the priority; the OKO's form leaves it out. */
  canPrioritise: boolean;
  actionOptions: { value: string; label: string }[];
}) {
  if (!items.length) return <EmptyState>Het verbeterregister is nog leeg.</EmptyState>;
  return (
    <ul className="register">
      {items.map((i) => (
        <li key={i.id} id={`punt-${i.id}`} className="card">
          <h2 className="h3">{i.title}</h2>
          <p>{i.description}</p>
          <dl className="facts">
            <dt>Prioriteit (EKO)</dt>
            <dd>{i.priorityLabel}</dd>
            <dt>Status</dt>
            <dd>{i.statusLabel}</dd>
            <dt>Uitvoering (OKO)</dt>
            <dd>{i.okoAction ? <Link to={i.okoAction.href}>{`${i.okoAction.title} (${i.okoAction.status})`}</Link> : "Nog niet belegd"}</dd>
            <dt>Herkomst</dt>
            <dd>
              {i.sourceLabel}
              {i.signalId ? (
                <>
                  {" · "}
                  <Link to={`/signalen/${i.signalId}`}>signaal {i.signalId}</Link>
                </>
              ) : null}
            </dd>
            <dt>Resultaat</dt>
            <dd>{i.outcome || "—"}</dd>
          </dl>
          {canEdit ? (
            <details>
              <summary>Bijwerken</summary>
              <Form method="post">
                <Csrf />
                <input type="hidden" name="intent" value="bijwerken" />
                <input type="hidden" name="itemId" value={i.id} />
                {canPrioritise ? (
                  <>
                    <label htmlFor={`prio-${i.id}`}>Prioriteit</label>
                    <select id={`prio-${i.id}`} name="priority" defaultValue={i.priority ?? ""}>
                      <option value="">Nog niet bepaald</option>
                      {Object.entries(REGISTER_PRIORITY_LABELS).map(([k, v]) => (
                        <option key={k} value={k}>
                          {v}
                        </option>
                      ))}
                    </select>
                  </>
                ) : (
                  <p className="hint">De prioriteit stelt het EKO vast: {i.priorityLabel.toLowerCase()}.</p>
                )}
                <label htmlFor={`status-${i.id}`}>Status</label>
                <select id={`status-${i.id}`} name="status" defaultValue={i.status}>
                  {Object.entries(REGISTER_STATUS_LABELS).map(([k, v]) => (
                    <option key={k} value={k}>
                      {v}
                    </option>
                  ))}
                </select>
                <label htmlFor={`oko-${i.id}`}>Actie van het OKO</label>
                <select id={`oko-${i.id}`} name="okoActionId" defaultValue={i.okoAction ? String(i.okoAction.id) : ""}>
                  <option value="">Nog niet belegd</option>
                  {actionOptions.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
                <label htmlFor={`uitkomst-${i.id}`}>Resultaat</label>
                <textarea id={`uitkomst-${i.id}`} name="outcome" rows={2} maxLength={2000} defaultValue={i.outcome} />
                <button type="submit">Bewaar</button>
              </Form>
            </details>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
