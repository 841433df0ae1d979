import { Link } from "@remix-run/react";
import { formatDate } from "~/shared/dates";
import { formatNumber } from "~/shared/plural";
import type { SerializeFrom } from "@remix-run/node";
import type { OpdrachtRow } from "~/domain/opdrachten/queries.server";

export type OpdrachtListRow = SerializeFrom<OpdrachtRow>;

const STATUS_TONE: Record<string, string> = { voorgesteld: "status-warn", getoetst: "status-ok", lopend: "status-ok", afgerond: "", gestopt: "status-bad" };

export function OpdrachtStatus({ r }: { r: Pick<OpdrachtListRow, "status" | "statusLabel" | "outsideRoute" | "routeLabel"> }) {
  return (
    <>
      <span className={`tag ${STATUS_TONE[r.status] ?? ""}`}>{r.statusLabel}</span>
      {r.outsideRoute ? <span className="tag status-bad">{r.routeLabel}</span> : null}
    </>
  );
}

export const euro = (n: number | null) => (n == null ? "—" : `€ ${formatNumber(n)}`);

export function OpdrachtTable({ rows, caption }: { rows: OpdrachtListRow[]; caption: string }) {
  return (
    <div className="table-scroll">
      <table className="opdracht-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Opdracht of verzoek</th>
            <th scope="col">Status</th>
            <th scope="col">Uitgevoerd door</th>
            <th scope="col">Looptijd</th>
            <th scope="col">Volgende rapportage</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} id={`opdracht-${r.id}`}>
              <td>
                <Link to={`/opdrachten/${r.id}`}>{r.title}</Link>
                <span className="row-meta">
                  {r.kindLabel} · gevraagd door {r.requestedBy} · {r.ketens.map((k) => k.name).join(", ")}
                </span>
              </td>
              <td>
                <OpdrachtStatus r={r} />
              </td>
              <td>{r.organisations.map((o) => o.name).join(", ")}</td>
              <td>
                {formatDate(r.startDate)} tot {formatDate(r.endDate)}
              </td>
              <td>{r.nextReport ? `${formatDate(r.nextReport.dueDate)}: ${r.nextReport.title}` : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
