import { Link } from "@remix-run/react";
import type { SerializeFrom } from "@remix-run/node";
import { formatDate } from "~/shared/dates";
import type { OpdrachtDetail } from "~/domain/opdrachten/detail.server";
import { OpdrachtStatus, euro } from "./OpdrachtTable";

export function OpdrachtFacts({ d }: { d: SerializeFrom<OpdrachtDetail> }) {
  const i = d.item;
  return (
    <>
      <p>
        <OpdrachtStatus r={i} /> <span className="meta">{d.statusHint}</span>
      </p>
      {i.outsideRoute ? (
        <div className="alert alert-warning">
          <p>
            <strong>Buiten de afgesproken route.</strong> Dit verzoek is bij de teams uitgezet zonder dat de contractmanager het vooraf naast de brede opdracht heeft gelegd.
          </p>
        </div>
      ) : null}
      <p>{i.purpose}</p>
      <dl className="facts">
        <dt>Soort</dt>
        <dd>{i.kindLabel}</dd>
        <dt>Gevraagd door</dt>
        <dd>{i.requestedBy}</dd>
        <dt>Eigenaar</dt>
        <dd>{d.owner ? `${d.owner.name}${d.owner.functie ? `, ${d.owner.functie}` : ""}` : "—"}</dd>
        <dt>Keten(s)</dt>
        <dd>{i.ketens.map((k) => k.name).join(", ") || "—"}</dd>
        <dt>Thema&apos;s</dt>
        <dd>{i.themas.map((t) => t.name).join(", ") || "—"}</dd>
        <dt>Uitgevoerd door</dt>
        <dd>
          {i.organisations.map((o, n) => (
            <span key={o.id}>
              {n ? ", " : ""}
              <Link to={`/opdrachten/organisaties/${o.slug}`}>{o.name}</Link>
            </span>
          ))}
        </dd>
        <dt>Budget</dt>
        <dd>{euro(i.budget)}</dd>
        <dt>Looptijd</dt>
        <dd>
          {formatDate(i.startDate)} tot en met {formatDate(i.endDate)}
        </dd>
        <dt>Evaluatie</dt>
        <dd>{formatDate(i.evaluationDate)}</dd>
        <dt>Visie</dt>
        <dd>
          {d.visie ? d.visie.href ? <Link to={d.visie.href}>{d.visie.anchor ? `${d.visie.title}: ${d.visie.anchor}` : d.visie.title}</Link> : d.visie.title : "Niet gekoppeld"}
        </dd>
        <dt>Route</dt>
        <dd>{i.routeLabel}</dd>
        <dt>Toets</dt>
        <dd>{d.toets ? `${d.toets.outcome} (${d.toets.by ?? "contractmanager"}, ${formatDate(d.toets.at)}): ${d.toets.note}` : "Nog niet getoetst"}</dd>
        {d.statusNote ? (
          <>
            <dt>Toelichting status</dt>
            <dd>{d.statusNote}</dd>
          </>
        ) : null}
      </dl>
      {i.indicators.length ? (
        <>
          <h2>Indicatoren</h2>
          <ul>
            {i.indicators.map((x) => (
              <li key={x}>{x}</li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
