import { formatDate } from "~/shared/dates";
import { ACTION_STATUS_LABELS } from "~/shared/overleg";
import { Form } from "@remix-run/react";
import { Csrf, EmptyState } from "~/components/ui";
import { TableScroll } from "~/components/ui";

export type ActionRow = {
  id: number;
  title: string;
  owner: string;
  dueDate: string;
  status: string;
  statusLabel: string;
  overdue: boolean;
  signalId: number | null;
};

/** Acties with owner, due date and status; members change the status in place. */
export function ActionsTable({ actions, canEdit, caption }: { actions: ActionRow[]; canEdit: boolean; caption: string }) {
  if (!actions.length) return <EmptyState>Geen acties.</EmptyState>;
  return (
    <TableScroll label={caption}>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Actie</th>
            <th scope="col">Eigenaar</th>
            <th scope="col">Uiterlijk</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {actions.map((a) => (
            <tr key={a.id} id={`actie-${a.id}`}>
              <td>
                {a.title}
                {a.signalId ? (
                  <>
                    {" "}
                    <a href={`/signalen/${a.signalId}`}>uit signaal {a.signalId}</a>
                  </>
                ) : null}
              </td>
              <td>{a.owner}</td>
              <td>
                {formatDate(a.dueDate)}
                {a.overdue ? <span className="tag tag-bad"> over de datum</span> : null}
              </td>
              <td>
                {canEdit ? (
                  <Form method="post" className="inline-status">
                    <Csrf />
                    <input type="hidden" name="intent" value="actiestatus" />
                    <input type="hidden" name="actionId" value={a.id} />
                    <label className="visually-hidden" htmlFor={`status-${a.id}`}>
                      Status van {a.title}
                    </label>
                    <select id={`status-${a.id}`} name="status" defaultValue={a.status}>
                      {Object.entries(ACTION_STATUS_LABELS).map(([k, v]) => (
                        <option key={k} value={k}>
                          {v}
                        </option>
                      ))}
                    </select>{" "}
                    <button type="submit" className="button-secondary">
                      Bewaar
                    </button>
                  </Form>
                ) : (
                  a.statusLabel
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
