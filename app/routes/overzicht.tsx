import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { integralOverview } from "~/domain/overview.server";
import { page, requireActor } from "~/http/request.server";
import { plural } from "~/shared/plural";
import { EmptyState, PageHeader, formatDate } from "~/components/ui";
import { OverlapList } from "~/components/verkenning/Samenhang";
import { TableScroll } from "~/components/ui";

export const meta: MetaFunction = () => [{ title: "Integraal overzicht · Ketenportaal Zaanstad" }];

export const loader = page(({ request }: LoaderFunctionArgs) => integralOverview({ actor: requireActor(request) }));

type Group = ReturnType<typeof useLoaderData<typeof loader>>["portalWide"];

function GroupBody({ group, headingId }: { group: Group; headingId: string }) {
  return (
    <>
      <h3 id={`${headingId}-docs`}>Documenten</h3>
      {group.documents.length ? (
        <ul>
          {group.documents.map((d) => (
            <li key={d.slug}>
              <Link to={`/documenten/${d.slug}`}>{d.title}</Link>{" "}
              <span className="meta">
                · {d.kindLabel} · {d.versionNumber ? `versie ${d.versionNumber} van ${formatDate(d.publishedAt)}` : "nog niet gepubliceerd"}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState>Geen documenten.</EmptyState>
      )}
      <h3 id={`${headingId}-wijz`}>Lopende wijzigingen</h3>
      {group.running.length ? (
        <ul>
          {group.running.map((p) => (
            <li key={p.id}>
              <Link to={`/wijzigingen/${p.id}`}>{p.title}</Link> <span className="status">{p.statusLabel}</span>
              <br />
              <span className="meta">
                {p.documentTitle}
                {p.next ? ` · volgende stap: ${p.next.label.toLowerCase()} op ${formatDate(p.next.date)}` : ""}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState>Geen lopende wijzigingen die u kunt inzien.</EmptyState>
      )}
    </>
  );
}

export default function Overzicht() {
  const data = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader
        title="Integraal overzicht"
        lead="Alle ketens naast elkaar: de geldende afspraken, wat er verandert en wanneer, en welke signalen er liggen. U ziet wat u mag inzien."
      />
      <section aria-labelledby="kop-agenda">
        <h2 id="kop-agenda">Agenda: komende data van wijzigingen</h2>
        {data.agenda.length ? (
          <TableScroll label="Komende data van lopende wijzigingsvoorstellen, vroegste eerst">
            <table>
              <caption className="visually-hidden">Komende data van lopende wijzigingsvoorstellen, vroegste eerst</caption>
              <thead>
                <tr>
                  <th scope="col">Datum</th>
                  <th scope="col">Stap</th>
                  <th scope="col">Wijziging</th>
                  <th scope="col">Keten</th>
                </tr>
              </thead>
              <tbody>
                {data.agenda.map((a) => (
                  <tr key={`${a.proposalId}-${a.field}`}>
                    <td>{formatDate(a.date)}</td>
                    <td>{a.label}</td>
                    <td>
                      <Link to={`/wijzigingen/${a.proposalId}/tijdlijn`}>{a.proposalTitle}</Link>
                      <br />
                      <span className="meta">{a.documentTitle}</span>
                    </td>
                    <td>{a.ketenName}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : (
          <EmptyState>Er staan geen data gepland voor wijzigingen die u kunt inzien.</EmptyState>
        )}
      </section>
      <section aria-labelledby="kop-samenloop">
        <h2 id="kop-samenloop">Samenloop: wijzigingen die dezelfde organisatie kort na elkaar raken</h2>
        <OverlapList overlaps={data.overlaps} />
      </section>
      <section aria-labelledby="kop-ketens-overzicht">
        <h2 id="kop-ketens-overzicht">Per keten</h2>
        <ul className="cards overview-cards">
          {data.ketens.map((k) => (
            <li key={k.id} className="card" aria-labelledby={`keten-${k.slug}`}>
              <h3 id={`keten-${k.slug}`} className="overview-keten">
                <Link to={`/ketens/${k.slug}`}>{k.name}</Link>
              </h3>
              {k.signals ? (
                <p>
                  <Link to={`/signalen?keten=${k.slug}`}>Signalen</Link>: {k.signals.open} open
                  {k.signals.overdue ? (
                    <>
                      {", "}
                      <strong>{k.signals.overdue} over de termijn</strong>
                    </>
                  ) : null}{" "}
                  van {k.signals.total}
                  {k.signals.medianFeedbackDays != null ? ` · mediaan ${plural(k.signals.medianFeedbackDays, "werkdag", "werkdagen")} tot terugkoppeling` : ""}
                </p>
              ) : null}
              <GroupBody group={k} headingId={`keten-${k.slug}`} />
            </li>
          ))}
          <li className="card" aria-labelledby="keten-alle">
            <h3 id="keten-alle" className="overview-keten">
              Voor alle ketens
            </h3>
            <GroupBody group={data.portalWide} headingId="keten-alle" />
          </li>
        </ul>
        {data.showsSignals ? (
          <p>
            <Link to="/signalen/overzicht">Trends in signalen per keten, thema en wijk</Link>
          </p>
        ) : null}
      </section>
    </div>
  );
}
