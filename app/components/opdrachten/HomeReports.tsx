import { Link } from "@remix-run/react";
import { formatDate } from "~/shared/dates";

type Moment = { id: number; dueDate: string; title: string; opdrachtId: number; opdrachtTitle: string };

/** The start page's coming reporting moments of the register (readable items only). */
export function HomeReports({ moments }: { moments: Moment[] }) {
  if (!moments.length) return null;
  return (
    <section aria-labelledby="kop-rapportages">
      <h2 id="kop-rapportages">Komende rapportagemomenten</h2>
      <ul>
        {moments.map((m) => (
          <li key={m.id}>
            {formatDate(m.dueDate)}: <Link to={`/opdrachten/${m.opdrachtId}#moment-${m.id}`}>{m.opdrachtTitle}</Link> <span className="meta">· {m.title}</span>
          </li>
        ))}
      </ul>
      <p>
        <Link to="/opdrachten">Opdrachtenregister</Link> · <a href="/opdrachten/agenda.ics">In uw agenda (.ics)</a>
      </p>
    </section>
  );
}
