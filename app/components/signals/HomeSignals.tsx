import { Link } from "@remix-run/react";
import { EmptyState, formatDate } from "~/components/ui";
import type { SignalStatus } from "~/shared/signals";
import { StatusBadge } from "./SignalUi";

type Row = { id: number; title: string; status: SignalStatus; statusLabel: string; overdue: boolean; dueAt: string; ownerKetenName: string; feedback?: string; isOwner?: boolean };

export type HomeSignalsData = { mine: Row[]; forMe: Row[]; forMeTotal: number; forMeOverdue: number };

/** Start page: "Signalen voor u" (regisseurs) and "Mijn signalen" (everyone who reported). */
export function HomeSignals({ data }: { data: HomeSignalsData }) {
  return (
    <>
      {data.forMeTotal > 0 ? (
        <section aria-labelledby="kop-signalen-voor-u">
          <h2 id="kop-signalen-voor-u">Signalen voor u</h2>
          <p className="meta">
            {data.forMeTotal} open {data.forMeTotal === 1 ? "signaal" : "signalen"} in uw ketens
            {data.forMeOverdue ? `, waarvan ${data.forMeOverdue} achter op termijn` : ""}.
          </p>
          <ul className="home-signals">
            {data.forMe.map((s) => (
              <li key={s.id}>
                <Link to={`/signalen/${s.id}`}>
                  #{s.id} {s.title}
                </Link>{" "}
                <StatusBadge status={s.status} label={s.statusLabel} overdue={s.overdue} />
                <span className="meta">
                  {" "}
                  · {s.isOwner ? "u bent eigenaar" : `eigenaar: ${s.ownerKetenName}`} · uiterlijk {formatDate(s.dueAt)}
                </span>
              </li>
            ))}
          </ul>
          <p>
            <Link to="/signalen?status=open">Alle open signalen</Link>
          </p>
        </section>
      ) : null}
      <section aria-labelledby="kop-mijn-signalen">
        <h2 id="kop-mijn-signalen">Mijn signalen</h2>
        {data.mine.length ? (
          <ul className="home-signals">
            {data.mine.map((s) => (
              <li key={s.id}>
                <Link to={`/signalen/${s.id}`}>
                  #{s.id} {s.title}
                </Link>{" "}
                <StatusBadge status={s.status} label={s.statusLabel} overdue={s.overdue} />
                {s.feedback ? <span className="meta"> · beantwoord</span> : <span className="meta"> · antwoord uiterlijk {formatDate(s.dueAt)}</span>}
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState>U heeft geen lopende signalen.</EmptyState>
        )}
        <p>
          <Link to="/signalen/mijn">Al mijn signalen</Link> · <Link to="/signalen/nieuw">Signaal melden</Link>
        </p>
      </section>
    </>
  );
}
