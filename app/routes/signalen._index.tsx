import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { badRequest } from "~/domain/errors";
import { filterOptions, listSignals } from "~/domain/signals/queries.server";
import { listFilterSchema } from "~/shared/signal-forms";
import { SIGNAL_STATUS_LIST, STATUS_LABELS } from "~/shared/signals";
import { page, requireActor } from "~/http/request.server";
import { EmptyState, PageHeader } from "~/components/ui";
import { RuleForPartners, SignalNav } from "~/components/signals/SignalUi";
import { SignalTable } from "~/components/signals/SignalTable";

export const meta: MetaFunction = () => [{ title: "Signalen · Ketenportaal Zaanstad" }];

export const loader = page(({ request }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  const params = Object.fromEntries([...new URL(request.url).searchParams.entries()].filter(([, v]) => v !== ""));
  const parsed = listFilterSchema.safeParse(params);
  if (!parsed.success) throw badRequest("Dit filter kennen we niet. Kies de waarden uit de lijsten.");
  const filter = parsed.data;
  const { rows, total } = listSignals({ actor, filter });
  return { rows, total, filter, options: filterOptions(), isPartner: actor.organisationKind === "ketenpartner" };
});

export default function Signalen() {
  const { rows, total, filter, options, isPartner } = useLoaderData<typeof loader>();
  const filtered = Object.keys(filter).length > 0;
  return (
    <div>
      <PageHeader
        title="Signalen uit de praktijk"
        lead="Knelpunten die professionals in de keten zien, doorgezet naar de regisseur van de keten, met een antwoord binnen de terugkoppeltermijn."
      >
        <Link className="button" to="/signalen/nieuw">
          Signaal melden
        </Link>
      </PageHeader>
      <SignalNav />
      {isPartner ? (
        <p className="meta">U ziet als ketenpartner de signalen van uw eigen organisatie, signalen die u volgt en de signalen van de ketens waarin uw organisatie zit.</p>
      ) : null}
      <RuleForPartners />
      <Form method="get" className="filters signal-filters" aria-label="Signalen filteren">
        <div className="field">
          <label htmlFor="f-keten">Keten</label>
          <select id="f-keten" name="keten" defaultValue={filter.keten ?? ""}>
            <option value="">Alle ketens</option>
            {options.ketens.map((k) => (
              <option key={k.slug} value={k.slug}>
                {k.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-thema">Thema</label>
          <select id="f-thema" name="thema" defaultValue={filter.thema ?? ""}>
            <option value="">Alle thema&apos;s</option>
            {options.themas.map((t) => (
              <option key={t.slug} value={t.slug}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-wijk">Wijk</label>
          <select id="f-wijk" name="wijk" defaultValue={filter.wijk ?? ""}>
            <option value="">Alle wijken</option>
            <option value="stadsbreed">Stadsbreed</option>
            {options.wijken.map((w) => (
              <option key={w.slug} value={w.slug}>
                {w.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-status">Status</label>
          <select id="f-status" name="status" defaultValue={filter.status ?? ""}>
            <option value="">Alle statussen</option>
            <option value="open">Open (nog geen antwoord)</option>
            <option value="gesloten">Afgesloten</option>
            {SIGNAL_STATUS_LIST.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-q">Zoeken in titel en tekst</label>
          <input id="f-q" type="search" name="q" defaultValue={filter.q ?? ""} />
        </div>
        <div className="check filter-check">
          <input type="checkbox" id="f-achter" name="achter" value="1" defaultChecked={filter.achter === "1"} />
          <label htmlFor="f-achter">Alleen achter op termijn</label>
        </div>
        <div className="filter-actions">
          <button type="submit">Filteren</button>
          {filtered ? <Link to="/signalen">Filters wissen</Link> : null}
        </div>
      </Form>
      <p role="status" className="meta">
        {total === 1 ? "1 signaal" : `${total} signalen`}
        {filtered ? " met deze filters" : ""}
        {rows.length < total ? ` (de nieuwste ${rows.length} getoond)` : ""}.
      </p>
      {rows.length ? <SignalTable rows={rows} caption="Signalen" /> : <EmptyState>Geen signalen gevonden.</EmptyState>}
    </div>
  );
}
