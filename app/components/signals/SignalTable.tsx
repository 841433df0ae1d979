import { Link } from "@remix-run/react";
import { formatDate } from "~/components/ui";
import type { SignalListRow } from "~/shared/signals";
import { StatusBadge } from "./SignalUi";
import { TableScroll } from "~/components/ui";

export type { SignalListRow };

export function SignalTable({ rows, caption }: { rows: SignalListRow[]; caption: string }) {
  return (
    <TableScroll label={caption}>
      <table className="signal-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Signaal</th>
            <th scope="col">Status</th>
            <th scope="col">Keten (eigenaar)</th>
            <th scope="col">Gemeld</th>
            <th scope="col">Terugkoppeling uiterlijk</th>
            <th scope="col">Herkend</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>
                <Link to={`/signalen/${r.id}`}>
                  <span className="meta">#{r.id}</span> {r.title}
                </Link>
                <span className="row-meta">
                  {r.themaName} · {r.wijken}
                </span>
              </td>
              <td>
                <StatusBadge status={r.status} label={r.statusLabel} overdue={r.overdue} />
              </td>
              <td>{r.ownerKetenName}</td>
              <td className="nowrap">{formatDate(r.createdAt)}</td>
              <td className="nowrap">{formatDate(r.dueAt)}</td>
              <td>{r.recognitionCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
