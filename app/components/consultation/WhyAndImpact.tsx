// The proposal page's "why" and "what changes for whom" (app/routes/wijzigingen.$id.tsx).
import { Link } from "@remix-run/react";
import { headingAnchor } from "~/shared/anchors";
import { EmptyState } from "~/components/ui";
import type { ProposalView } from "~/domain/consultation/view.server";
import { PlainText } from "./ui";

export function WhyAndImpact({ view }: { view: ProposalView }) {
  const p = view.proposal;
  return (
  <div className="two-col">
    <div>
      <section aria-labelledby="kop-waarom">
        <h2 id="kop-waarom">Waarom deze wijziging</h2>
        {p.waarom ? <PlainText text={p.waarom} /> : <EmptyState>De regisseur heeft het waarom nog niet beschreven.</EmptyState>}
        {p.visie.anchor ? (
          <p>
            Past bij de visie:{" "}
            {p.visie.slug ? (
              <Link to={`/documenten/${p.visie.slug}#${headingAnchor(p.visie.anchor)}`}>
                {p.visie.title}, “{p.visie.anchor}”
              </Link>
            ) : (
              <>“{p.visie.anchor}”</>
            )}
          </p>
        ) : null}
      </section>
    </div>
    <aside aria-labelledby="kop-impact">
      <h2 id="kop-impact">Wat verandert er voor wie</h2>
      {view.impacts.length ? (
        <ul className="impact-list">
          {view.impacts.map((i) => (
            <li key={i.organisationId}>
              <strong>{i.name}</strong>
              {i.fictitious ? <span className="tag">fictief</span> : null}
              {i.note ? <PlainText text={i.note} /> : null}
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState>Nog geen geraakte organisaties gekozen.</EmptyState>
      )}
      <p>
        <Link to={`/wijzigingen/${p.id}/tijdlijn`}>Tijdlijn en datumwijzigingen</Link>
      </p>
    </aside>
  </div>
  );
}
