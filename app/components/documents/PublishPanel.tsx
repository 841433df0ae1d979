// Under the editor: publish (the owner, saying what the change is), offer for publication
// (other redacteuren of a binding document), or why publishing waits for a running proposal.
import { Form, Link } from "@remix-run/react";
import { Csrf, Field, FormError, Intent, refusalFor } from "~/components/forms";
import { Notice, formatDate } from "~/components/ui";
import { CHANGE_KIND_LABELS, CHANGE_KINDS, OFFER_STATUS_LABELS } from "~/shared/documents";
import { offerSchema, proposalFromDraftSchema, publishDraftSchema } from "~/shared/document-forms";

export type PublishPanelData = {
  mode: "plain" | "owner" | "offer" | "none";
  running: { id: number; title: string; statusLabel: string } | null;
  pendingOffers: { id: number; summary: string; createdAt: string; offeredByName: string }[];
  myOffers: { id: number; summary: string; status: string; remark: string; createdAt: string }[];
};

export function PublishPanel(p: { slug: string; next: number; currentNumber: number | null; panel: PublishPanelData; result: unknown; busy: boolean; askProposal: boolean }) {
  const { panel, slug } = p;
  const publish = refusalFor(p.result, "publish");
  const offer = refusalFor(p.result, "offer");
  const proposal = refusalFor(p.result, "proposal");
  const compare = p.currentNumber ? <Link to={`/documenten/${slug}/vergelijk?van=${p.currentNumber}&naar=concept`}>Bekijk eerst wat er veranderd is</Link> : null;
  return (
    <>
      {panel.pendingOffers.length ? (
        <section className="publish" aria-labelledby="kop-aanbod">
          <h2 id="kop-aanbod">Ter publicatie aangeboden</h2>
          <ul>
            {panel.pendingOffers.map((o) => (
              <li key={o.id}>
                <Link to={`/documenten/${slug}/aanbod/${o.id}`}>{o.summary}</Link> <span className="meta">door {o.offeredByName}, {formatDate(o.createdAt)}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {panel.running ? (
        <Notice tone="warning">
          Publiceren kan nu niet: op dit document loopt het wijzigingsvoorstel <Link to={`/wijzigingen/${panel.running.id}`}>{panel.running.title}</Link> ({panel.running.statusLabel.toLowerCase()}). Wijzigingen aan de tekst gaan via dat voorstel; wat u hier typt blijft in het concept staan.
        </Notice>
      ) : null}
      {panel.mode === "plain" || panel.mode === "owner" ? (
        <section className="publish" aria-labelledby="kop-publiceren">
          <h2 id="kop-publiceren">Publiceren als versie {p.next}</h2>
          <p className="hint">
            Publiceren maakt de huidige tekst de geldende versie voor iedereen. {compare}
          </p>
          <FormError message={publish.formError} />
          <Form method="post" noValidate>
            <Csrf />
            <Intent value="publish" />
            <input type="hidden" name="seen" defaultValue="" />
            <Field
              schema={publishDraftSchema}
              label="Wat is er veranderd?"
              name="summary"
              multiline
              rows={3}
              defaultValue={publish.values.summary}
              hint="Een korte samenvatting voor de versiegeschiedenis, bijvoorbeeld: termijn voor terugkoppeling toegevoegd."
              error={publish.fieldErrors.summary}
            />
            {panel.mode === "owner" ? (
              <fieldset aria-describedby={publish.fieldErrors.change ? "veld-change-fout" : "veld-change-hint"}>
                <legend>Wat voor wijziging is dit? (verplicht)</legend>
                <p className="hint" id="veld-change-hint">
                  Een redactionele versie wordt met de verschillen aan de organisaties van de keten gemeld; zij kunnen binnen vijf werkdagen laten weten dat het toch inhoudelijk is.
                </p>
                {publish.fieldErrors.change ? (
                  <p className="error-text" id="veld-change-fout">
                    {publish.fieldErrors.change}
                  </p>
                ) : null}
                {CHANGE_KINDS.map((k) => (
                  <label key={k} className="check">
                    <input type="radio" name="change" value={k} defaultChecked={publish.values.change === k} /> {CHANGE_KIND_LABELS[k]}
                  </label>
                ))}
              </fieldset>
            ) : null}
            <button type="submit" disabled={p.busy || !!panel.running}>
              {p.busy ? "Bezig…" : `Publiceer versie ${p.next}`}
            </button>
          </Form>
        </section>
      ) : null}
      {panel.mode === "owner" && (p.askProposal || proposal.formError) ? (
        <section className="publish" aria-labelledby="kop-voorstel" id="voorstel">
          <h2 id="kop-voorstel">Een wijzigingsvoorstel starten met dit concept</h2>
          <p className="hint">Een inhoudelijke wijziging gaat langs de organisaties van de keten. Het voorstel begint met de tekst van het concept; er wordt nu niets gepubliceerd.</p>
          <FormError message={proposal.formError} />
          <Form method="post" noValidate>
            <Csrf />
            <Intent value="proposal" />
            <Field schema={proposalFromDraftSchema} label="Titel van het voorstel" name="title" defaultValue={proposal.values.title} error={proposal.fieldErrors.title} />
            <button type="submit" disabled={p.busy}>
              Wijzigingsvoorstel starten
            </button>
          </Form>
        </section>
      ) : null}
      {panel.mode === "offer" ? (
        <section className="publish" aria-labelledby="kop-aanbieden">
          <h2 id="kop-aanbieden">Ter publicatie aanbieden</h2>
          <p className="hint">
            Dit is een bindend document: alleen de eigenaar (de regisseur van de keten) publiceert een nieuwe versie. Bied het concept aan; de eigenaar ziet de verschillen en publiceert het, stuurt het terug of maakt er een wijzigingsvoorstel van. {compare}
          </p>
          <FormError message={offer.formError} />
          <Form method="post" noValidate>
            <Csrf />
            <Intent value="offer" />
            <input type="hidden" name="seen" defaultValue="" />
            <Field schema={offerSchema} label="Wat is er veranderd?" name="summary" multiline rows={3} defaultValue={offer.values.summary} error={offer.fieldErrors.summary} />
            <button type="submit" disabled={p.busy || !!panel.running}>
              Ter publicatie aanbieden
            </button>
          </Form>
          {panel.myOffers.length ? (
            <>
              <h3>Uw aanbiedingen</h3>
              <ul>
                {panel.myOffers.map((o) => (
                  <li key={o.id}>
                    <Link to={`/documenten/${slug}/aanbod/${o.id}`}>{o.summary}</Link>: {OFFER_STATUS_LABELS[o.status] ?? o.status}
                    {o.remark ? ` (${o.remark})` : ""}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
