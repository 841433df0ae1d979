import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { homeFor } from "~/domain/home.server";
import { ROLE_LABELS } from "~/domain/directory.server";
import { page, requireActor } from "~/http/request.server";
import { EmptyState, formatDate } from "~/components/ui";
import { HomeProposals } from "~/components/consultation/HomeProposals";
import { HomeSignals } from "~/components/signals/HomeSignals";
import { newSinceLastVisit } from "~/domain/notices/visits.server";
import { SinceLastVisit } from "~/components/notices/SinceLastVisit";
import { HomeReports } from "~/components/opdrachten/HomeReports";
import { upcomingReports } from "~/domain/opdrachten/queries.server";
import { HomeOffers } from "~/components/documents/HomeOffers";
import type { RouteHandle } from "~/shared/static-page";

// Text and links only: served without the React app (app/shared/static-page.ts).
export const handle: RouteHandle = { hydrate: false };

export const meta: MetaFunction = () => [{ title: "Start · Ketenportaal Zaanstad" }];

export const loader = page(({ request }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  return {
    me: { name: actor.name, organisationName: actor.organisationName, roles: actor.roles.map((r) => ROLE_LABELS[r]) },
    ...homeFor(actor),
    sinceLastVisit: newSinceLastVisit(actor),
    reports: upcomingReports({ actor, days: 60, limit: 5 }),
  };
});

export default function Index() {
  const data = useLoaderData<typeof loader>();
  return (
    <div>
      <h1>Goedendag, {data.me.name}</h1>
      <p className="lead">
        {data.me.organisationName} · {data.me.roles.join(", ")}
      </p>
      <div className="two-col">
        <div>
          <SinceLastVisit {...data.sinceLastVisit} />
          <section aria-labelledby="kop-meldingen">
            <h2 id="kop-meldingen">Nieuwste meldingen</h2>
            {data.notifications.length ? (
              <ul>
                {data.notifications.map((n) => (
                  <li key={n.id}>
                    <Link to={n.link}>{n.title}</Link> <span className="meta">· {formatDate(n.createdAt, true)}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <EmptyState>U heeft nog geen meldingen.</EmptyState>
            )}
            <p>
              <Link to="/meldingen">Alle meldingen</Link>
            </p>
          </section>
          <HomeOffers offers={data.offers} />
          <HomeProposals invited={data.proposals.invited} managed={data.proposals.managed} />
          <HomeSignals data={data.signals} />
          <HomeReports moments={data.reports} />
          <section aria-labelledby="kop-documenten">
            <h2 id="kop-documenten">Documenten van uw ketens</h2>
            {data.documents.length ? (
              <ul className="home-documents">
                {data.documents.map((d) => (
                  <li key={d.slug}>
                    <Link to={`/documenten/${d.slug}`}>{d.title}</Link>{" "}
                    <span className="meta">
                      · {d.kindLabel} · {d.ketenName ?? "hele portaal"} ·{" "}
                      {d.versionNumber ? `versie ${d.versionNumber}, ${formatDate(d.publishedAt)}` : "concept"}
                    </span>
                    {d.canEdit ? (
                      <>
                        {" "}
                        <Link to={`/documenten/${d.slug}/bewerken`} aria-label={`${d.title} bewerken`}>
                          bewerken
                        </Link>
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : (
              <EmptyState>Er zijn nog geen documenten voor uw ketens.</EmptyState>
            )}
            <p>
              <Link to="/documenten">Alle documenten</Link>
            </p>
          </section>
        </div>
        <aside aria-labelledby="kop-ketens">
          <h2 id="kop-ketens">Uw ketens</h2>
          {data.ketens.length ? (
            <ul>
              {data.ketens.map((k) => (
                <li key={k.id}>
                  <Link to={`/ketens/${k.slug}`}>{k.name}</Link>
                  {k.isRegisseur ? <span className="tag">regisseur</span> : null}
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState>Uw organisatie is (nog) geen lid van een keten.</EmptyState>
          )}
        </aside>
      </div>
    </div>
  );
}
