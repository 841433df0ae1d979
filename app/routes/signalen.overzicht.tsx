import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { parseOverviewFilter, signalOverview } from "~/domain/signals/overview.server";
import { DIMENSION_LABELS, type Dimension } from "~/shared/signals";
import { page, requireActor } from "~/http/request.server";
import { PageHeader, formatDate } from "~/components/ui";
import { Legend, MonthBars, STATUS_SEGMENTS, StackedBars } from "~/components/signals/Charts";
import { SignalNav } from "~/components/signals/SignalUi";
import { CountsTable, fmt, segValues, summary } from "~/components/signals/CountsTable";
import { plural } from "~/shared/plural";
import { TableScroll } from "~/components/ui";

export const meta: MetaFunction = () => [{ title: "Overzicht signalen · Ketenportaal Zaanstad" }];

export const loader = page(({ request }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  const url = new URL(request.url);
  const filter = parseOverviewFilter(url.searchParams);
  const per = (["keten", "thema", "wijk"] as const).find((d) => d === url.searchParams.get("per")) ?? "keten";
  // Present only what the page shows: no per-signal facts beyond the overdue list.
  const { facts: _facts, lookups: _lookups, ...o } = signalOverview({ actor, filter });
  return { ...o, per, query: url.search };
});

export default function Overzicht() {
  const o = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const csv = (tabel: string) => {
    const p = new URLSearchParams(params);
    p.delete("per");
    p.set("tabel", tabel);
    return `/signalen/overzicht.csv?${p.toString()}`;
  };
  const matrix = o.perMonth[o.per as Dimension];
  const monthData = o.perMonth.keten.rows.map((r) => ({ label: r.label, value: r.total }));
  const busiest = [...monthData].sort((a, b) => b.value - a.value)[0];
  const t = o.totals;
  return (
    <div>
      <PageHeader
        title="Overzicht signalen"
        lead="Aantallen per keten, thema en wijk over de maanden, open tegenover achter op termijn, en hoe snel melders antwoord krijgen. Voor regisseurs en de contractmanager."
      />
      <SignalNav />
      <Form method="get" className="filters signal-filters" aria-label="Periode en keten kiezen">
        <div className="field">
          <label htmlFor="o-van">Van (maand)</label>
          <input id="o-van" type="month" name="van" defaultValue={o.period.van} />
        </div>
        <div className="field">
          <label htmlFor="o-tot">Tot en met (maand)</label>
          <input id="o-tot" type="month" name="tot" defaultValue={o.period.tot} />
        </div>
        <div className="field">
          <label htmlFor="o-keten">Keten</label>
          <select id="o-keten" name="keten" defaultValue={o.period.keten?.slug ?? ""}>
            <option value="">Alle ketens</option>
            {o.filterOptions.ketens.map((k) => (
              <option key={k.slug} value={k.slug}>
                {k.name}
              </option>
            ))}
          </select>
        </div>
        <div className="filter-actions">
          <button type="submit">Tonen</button>
        </div>
      </Form>

      <p className="meta">
        Signalen gemeld van {o.period.months.length ? `${o.perMonth.keten.rows[0].label} tot en met ${o.perMonth.keten.rows.at(-1)!.label}` : "—"}
        {o.period.keten ? ` in de keten ${o.period.keten.name}` : ""}. Stand op {formatDate(o.today)}. Een signaal met meer ketens of wijken telt bij elk ervan
        mee.
      </p>

      <section aria-labelledby="kop-kerncijfers">
        <h2 id="kop-kerncijfers">Kerncijfers</h2>
        <dl className="key-figures">
          <div>
            <dt>Signalen</dt>
            <dd>{t.total}</dd>
          </div>
          <div>
            <dt>Open</dt>
            <dd>{t.open}</dd>
          </div>
          <div>
            <dt>Achter op termijn</dt>
            <dd className={t.overdue ? "late" : undefined}>{t.overdue}</dd>
          </div>
          <div>
            <dt>Mediaan tot terugkoppeling</dt>
            <dd>{t.medianFeedbackDays === null ? "—" : plural(t.medianFeedbackDays, "werkdag", "werkdagen")}</dd>
          </div>
          <div>
            <dt>Binnen termijn beantwoord</dt>
            <dd>{fmt(t.onTimePct, "%")}</dd>
          </div>
        </dl>
        <p>
          Downloaden als CSV (puntkomma-gescheiden, opent in Excel):{" "}
          <a href={csv("signalen")} download>
            alle signalen
          </a>{" "}
          ·{" "}
          <a href={csv("keten")} download>
            per keten
          </a>{" "}
          ·{" "}
          <a href={csv("thema")} download>
            per thema
          </a>{" "}
          ·{" "}
          <a href={csv("wijk")} download>
            per wijk
          </a>{" "}
          ·{" "}
          <a href={csv("maand-keten")} download>
            per maand en keten
          </a>{" "}
          ·{" "}
          <a href={csv("maand-thema")} download>
            per maand en thema
          </a>{" "}
          ·{" "}
          <a href={csv("maand-wijk")} download>
            per maand en wijk
          </a>
        </p>
      </section>

      <section aria-labelledby="kop-maanden">
        <h2 id="kop-maanden">Nieuwe signalen per maand</h2>
        <MonthBars
          id="grafiek-maanden"
          title="Nieuwe signalen per maand"
          desc={
            busiest && busiest.value
              ? `Staafdiagram van ${monthData.length} maanden. Meeste signalen in ${busiest.label}: ${busiest.value}. De tabel hieronder bevat alle aantallen.`
              : "Geen signalen in deze periode."
          }
          data={monthData}
        />
        <nav aria-label="Tabel per maand uitsplitsen" className="per-switch">
          Tabel per maand en:{" "}
          {(["keten", "thema", "wijk"] as const).map((d, i) => {
            const p = new URLSearchParams(params);
            p.set("per", d);
            return (
              <span key={d}>
                {i ? " · " : ""}
                {o.per === d ? (
                  <strong aria-current="true">{DIMENSION_LABELS[d].toLowerCase()}</strong>
                ) : (
                  <Link to={`?${p.toString()}#kop-maanden`}>{DIMENSION_LABELS[d].toLowerCase()}</Link>
                )}
              </span>
            );
          })}
        </nav>

        <TableScroll label={`Nieuwe signalen per maand en ${DIMENSION_LABELS[o.per as Dimension].toLowerCase()}`}>
          <table>
            <caption>Nieuwe signalen per maand en {DIMENSION_LABELS[o.per as Dimension].toLowerCase()}</caption>
            <thead>
              <tr>
                <th scope="col">Maand</th>
                {matrix.columns.map((c) => (
                  <th scope="col" key={c.key}>
                    {c.name}
                  </th>
                ))}
                <th scope="col">Signalen</th>
              </tr>
            </thead>
            <tbody>
              {matrix.rows.map((r) => (
                <tr key={r.month}>
                  <th scope="row">{r.label}</th>
                  {r.counts.map((n, i) => (
                    <td key={matrix.columns[i].key}>{n}</td>
                  ))}
                  <td>{r.total}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>

      {(
        [
          ["keten", "Per keten", o.perKeten],
          ["thema", "Per thema", o.perThema],
          ["wijk", "Per wijk", o.perWijk],
        ] as const
      ).map(([key, title, rows]) => (
        <section aria-labelledby={`kop-${key}`} key={key}>
          <h2 id={`kop-${key}`}>{title}</h2>
          <Legend segments={STATUS_SEGMENTS} />
          <StackedBars
            id={`grafiek-${key}`}
            title={`Signalen ${title.toLowerCase()}: afgesloten, open en achter op termijn`}
            desc={summary(rows)}
            rows={rows.map((r) => ({ label: r.name, values: segValues(r) }))}
          />
          <CountsTable id={`tabel-${key}`} caption={`Signalen ${title.toLowerCase()}`} first={DIMENSION_LABELS[key]} rows={rows} />
        </section>
      ))}

      <section aria-labelledby="kop-achter">
        <h2 id="kop-achter">Achter op termijn</h2>
        {o.overdueList.length ? (
          <TableScroll label="Signalen achter op termijn">
            <table>
              <caption className="visually-hidden">Signalen achter op termijn</caption>
              <thead>
                <tr>
                  <th scope="col">Signaal</th>
                  <th scope="col">Eigenaar-keten</th>
                  <th scope="col">Status</th>
                  <th scope="col">Terugkoppeling uiterlijk</th>
                  <th scope="col">Werkdagen te laat</th>
                </tr>
              </thead>
              <tbody>
                {o.overdueList.map((r) => (
                  <tr key={r.id}>
                    <td>
                      <Link to={`/signalen/${r.id}`}>
                        #{r.id} {r.title}
                      </Link>
                    </td>
                    <td>{r.ownerKeten}</td>
                    <td>{r.statusLabel}</td>
                    <td>{formatDate(r.dueAt)}</td>
                    <td>{r.daysLate}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : (
          <p className="empty">Geen signalen achter op termijn.</p>
        )}
      </section>
    </div>
  );
}
