import { formatDate } from "~/shared/dates";
import type { KetenReport } from "~/domain/overleg/report.server";
import { TableScroll } from "~/components/ui";

type Counts = KetenReport["signals"]["totals"];
type Row = Counts & { name: string; slug: string };

function CountsTable({ caption, rows }: { caption: string; rows: Row[] }) {
  return (
    <TableScroll label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Naam</th>
            <th scope="col">Totaal</th>
            <th scope="col">Open</th>
            <th scope="col">Achter op termijn</th>
            <th scope="col">Binnen termijn beantwoord</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.slug}>
              <th scope="row">{r.name}</th>
              <td>{r.total}</td>
              <td>{r.open}</td>
              <td>{r.overdue}</td>
              <td>{r.onTimePct === null ? "—" : `${r.onTimePct}%`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** The report body, shared by the page and the printable HTML (server-rendered, no scripts). */
export function KetenReportView({ report: r }: { report: KetenReport }) {
  const t = r.signals.totals;
  return (
    <>
      <h2>Signalen</h2>
      <p>
        Nieuw in de periode: <strong>{t.total}</strong> · open: {t.open} · achter op termijn: {t.overdue} · beantwoord: {t.answered}
        {t.onTimePct !== null ? `, waarvan ${t.onTimePct}% binnen de termijn` : ""}
        {r.signals.mergedDuplicates ? ` · ${r.signals.mergedDuplicates} samengevoegde dubbele melding(en) tellen één keer` : ""}
      </p>
      <CountsTable caption="Signalen per thema" rows={r.signals.perThema} />
      <CountsTable caption="Signalen per wijk" rows={r.signals.perWijk} />
      <h2>Wijzigingen</h2>
      {r.changes.length ? (
        <ul>
          {r.changes.map((c) => (
            <li key={c.id}>
              {c.title} — {c.statusLabel}
            </li>
          ))}
        </ul>
      ) : (
        <p>Geen wijzigingen in deze periode.</p>
      )}
      <h2>Besluiten</h2>
      {r.decisions.length ? (
        <ul>
          {r.decisions.map((d) => (
            <li key={d.id}>
              {d.text}{" "}
              <span className="hint">
                ({d.overleg}, {formatDate(d.decidedOn)})
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p>Geen besluiten in deze periode.</p>
      )}
      <h2>Acties</h2>
      <p>
        Totaal {r.actions.total} · gereed {r.actions.done} · open {r.actions.open} · over de datum {r.actions.overdue}
      </p>
      <h2>Verbeterregister</h2>
      <ul>
        {r.register.map((i) => (
          <li key={i.id}>
            {i.title} — {i.priority}, {i.status}
          </li>
        ))}
      </ul>
    </>
  );
}
