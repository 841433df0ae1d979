// The start page's "nieuw sinds uw laatste bezoek": notices since the previous visit.
import { Link } from "@remix-run/react";
import { formatDate } from "~/shared/dates";
import { plural } from "~/shared/plural";

type Props = { since: string | null; count: number; items: Array<{ id: number; title: string; link: string; createdAt: string }> };

export function SinceLastVisit({ since, count, items }: Props) {
  if (!since) return null;
  return (
    <section aria-labelledby="kop-nieuw-sinds" className="since-last-visit">
      <h2 id="kop-nieuw-sinds">Nieuw sinds uw laatste bezoek</h2>
      <p className="meta">Uw vorige bezoek: {formatDate(since, true)}</p>
      {count ? (
        <>
          <p>{plural(count, "nieuwe melding", "nieuwe meldingen")}:</p>
          <ul>
            {items.map((n) => (
              <li key={n.id}>
                <Link to={n.link}>{n.title}</Link> <span className="meta">· {formatDate(n.createdAt, true)}</span>
              </li>
            ))}
          </ul>
          {count > items.length ? (
            <p>
              <Link to="/meldingen">Alle meldingen</Link>
            </p>
          ) : null}
        </>
      ) : (
        <p>Er is niets nieuws voor u sinds uw vorige bezoek.</p>
      )}
      <p className="meta">
        <Link to="/instellingen/meldingen">Kies hoe u meldingen per e-mail ontvangt</Link>
      </p>
    </section>
  );
}
