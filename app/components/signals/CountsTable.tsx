// The counts table of the signal overview (the accessible twin of each chart) and its helpers.
import type { Counts } from "~/domain/signals/overview.server";
import { TableScroll } from "~/components/ui";

export const fmt = (n: number | null, suffix = "") => (n === null ? "—" : `${String(n).replace(".", ",")}${suffix}`);

export function CountsTable({ id, caption, first, rows }: { id: string; caption: string; first: string; rows: (Counts & { name: string })[] }) {
  return (
    <TableScroll label={caption}>
      <table id={id}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{first}</th>
            <th scope="col">Totaal</th>
            <th scope="col">Afgesloten</th>
            <th scope="col">Open</th>
            <th scope="col">Achter op termijn</th>
            <th scope="col">Mediaan werkdagen tot terugkoppeling</th>
            <th scope="col">Binnen termijn beantwoord</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.name}>
              <th scope="row">{r.name}</th>
              <td>{r.total}</td>
              <td>{r.closed}</td>
              <td>{r.open}</td>
              <td>{r.overdue}</td>
              <td>{fmt(r.medianFeedbackDays)}</td>
              <td>{fmt(r.onTimePct, "%")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export const segValues = (c: Counts) => [c.closed, c.open - c.overdue, c.overdue];

export function summary(rows: (Counts & { name: string })[]): string {
  const top = [...rows].sort((a, b) => b.total - a.total)[0];
  const late = [...rows].sort((a, b) => b.overdue - a.overdue)[0];
  if (!top || top.total === 0) return "Geen signalen in deze periode.";
  return `Meeste signalen: ${top.name} (${top.total}). Meeste achter op termijn: ${late.name} (${late.overdue}). De tabel hieronder bevat alle aantallen.`;
}
