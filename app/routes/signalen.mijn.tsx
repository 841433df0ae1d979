import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { mySignals } from "~/domain/signals/queries.server";
import { page, requireActor } from "~/http/request.server";
import { EmptyState, PageHeader, formatDate } from "~/components/ui";
import { SignalNav, StatusBadge } from "~/components/signals/SignalUi";

export const meta: MetaFunction = () => [{ title: "Mijn signalen · Ketenportaal Zaanstad" }];

export const loader = page(({ request }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  return { rows: mySignals({ actor }) };
});

export default function MijnSignalen() {
  const { rows } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader title="Mijn signalen" lead="Wat u meldde (en signalen die u volgt omdat uw melding is samengevoegd), de status en het antwoord." />
      <SignalNav />
      {rows.length ? (
        <ul className="stack signal-cards" aria-label="Mijn signalen">
          {rows.map((r) => (
            <li key={r.id} className="card">
              <h2 className="h3">
                <Link to={`/signalen/${r.id}`}>
                  <span className="meta">#{r.id}</span> {r.title}
                </Link>
              </h2>
              <p>
                <StatusBadge status={r.status} label={r.statusLabel} overdue={r.overdue} />
                {r.following ? <span className="tag">u volgt dit signaal</span> : null}
              </p>
              <p className="meta">
                {r.ownerKetenName} · {r.themaName} · {r.wijken} · gemeld {formatDate(r.createdAt)}
                {r.closedAt ? ` · afgesloten ${formatDate(r.closedAt)}` : ` · antwoord uiterlijk ${formatDate(r.dueAt)}`}
              </p>
              {r.question ? (
                <div className="feedback feedback-question">
                  <p>
                    <strong>De regisseur vraagt:</strong> {r.question}
                  </p>
                  <p>
                    <Link to={`/signalen/${r.id}#kop-melder`}>Beantwoorden</Link>
                  </p>
                </div>
              ) : null}
              {r.feedback ? (
                <div className="feedback">
                  <p>
                    <strong>Antwoord:</strong> {r.feedback}
                  </p>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState>
          U heeft nog geen signalen gemeld. <Link to="/signalen/nieuw">Meld een signaal</Link> als u in de praktijk een knelpunt ziet dat vaker voorkomt.
        </EmptyState>
      )}
    </div>
  );
}
