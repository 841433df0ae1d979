import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { EmptyState, PageHeader, formatDate } from "~/components/ui";
import { onboardingFor } from "~/domain/search/onboarding.server";
import { page, requireActor } from "~/http/request.server";
import { ketenRegie } from "~/domain/overleg/regie.server";
import { KetenRoles } from "~/components/overleg/KetenRegie";

export const meta: MetaFunction = () => [{ title: "Nieuw hier? · Ketenportaal Zaanstad" }];

export const loader = page(({ request }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  const data = onboardingFor(actor);
  // The roles table of the ketens the newcomer's organisation takes part in: who does what.
  const roles = data.ketens.filter((k) => k.mine).map((k) => ketenRegie({ actor, slug: k.slug })).filter((r) => r.roles.length > 0);
  return { ...data, roles };
});

const QUESTIONS = [
  { q: "warme overdracht", label: "Hoe draag ik een inwoner warm over?" },
  { q: "startgesprek", label: "Wie voert het startgesprek?" },
  { q: "signaal melden", label: "Hoe meld ik een signaal?" },
  { q: "escalatie", label: "Wat doen we bij verschil van inzicht?" },
  { q: "verbeterregister", label: "Waar staan de knelpunten?" },
];

export default function NieuwHier() {
  const data = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader
        title="Nieuw hier?"
        lead={`Welkom! Dit lezen ${data.audienceLabel} als eerste, en dit zijn de mensen die u per keten iets kunt vragen.`}
      />

      <section aria-labelledby="kop-vraag" className="onboarding-search">
        <h2 id="kop-vraag">Hoe doen we dat hier?</h2>
        <Form method="get" action="/zoeken" role="search" aria-label="Zoek een werkafspraak" className="search-page-row">
          <label htmlFor="nieuw-hier-q" className="visually-hidden">
            Uw vraag in een paar woorden
          </label>
          <input id="nieuw-hier-q" name="q" type="search" placeholder="Bijvoorbeeld: warme overdracht" maxLength={500} autoComplete="off" />
          <button type="submit">Zoek</button>
        </Form>
        <ul className="search-examples">
          {QUESTIONS.map((x) => (
            <li key={x.q}>
              <Link to={`/zoeken?q=${encodeURIComponent(x.q)}`}>{x.label}</Link>
            </li>
          ))}
        </ul>
      </section>

      <div className="two-col">
        <section aria-labelledby="kop-eerst">
          <h2 id="kop-eerst">Lees dit eerst</h2>
          {data.readFirst.length ? (
            <ol className="read-first">
              {data.readFirst.map((d) => (
                <li key={d.slug} className="card">
                  <h3>
                    <Link to={`/documenten/${d.slug}`}>{d.title}</Link>
                  </h3>
                  <p className="meta">
                    {d.kindLabel} · {d.ketenName ?? "voor alle ketens"} · versie {d.versionNumber}, {formatDate(d.publishedAt)}
                    {d.mine ? " · uw keten" : ""}
                  </p>
                  {d.summary ? <p>{d.summary}</p> : null}
                </li>
              ))}
            </ol>
          ) : (
            <EmptyState>Er zijn nog geen documenten aangewezen om eerst te lezen.</EmptyState>
          )}
          {data.alsoUseful.length ? (
            <>
              <h3>Ook handig</h3>
              <ul>
                {data.alsoUseful.map((d) => (
                  <li key={d.slug}>
                    <Link to={`/documenten/${d.slug}`}>{d.title}</Link> <span className="meta">· {d.kindLabel}{d.ketenName ? ` · ${d.ketenName}` : ""}</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>

        <section aria-labelledby="kop-vragen">
          <h2 id="kop-vragen">Bij wie u terechtkunt</h2>
          {data.ketens.map((k) => (
            <div key={k.slug} className="ask-keten">
              <h3>
                <Link to={`/ketens/${k.slug}`}>{k.name}</Link>
                {k.mine ? <span className="tag">uw organisatie doet mee</span> : null}
              </h3>
              {k.people.length ? (
                <ul className="ask-people">
                  {k.people.map((p) => (
                    <li key={p.email}>
                      <strong>{p.name}</strong>
                      {p.functie ? `, ${p.functie}` : ""} — <a href={`mailto:${p.email}`}>{p.email}</a>
                      <br />
                      <span className="meta">{p.why}</span>
                    </li>
                  ))}
                </ul>
              ) : (
                <EmptyState>Voor deze keten is nog geen aanspreekpunt bekend.</EmptyState>
              )}
            </div>
          ))}
        </section>
        {data.roles.length ? (
          <section aria-labelledby="kop-rollen">
            <h2 id="kop-rollen">Wie doet wat in uw ketens</h2>
            {data.roles.map((r) => (
              <KetenRoles key={r.keten.slug} regie={r} headingLevel={3} />
            ))}
          </section>
        ) : null}
      </div>
    </div>
  );
}
