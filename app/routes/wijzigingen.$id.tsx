import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { headingAnchor } from "~/shared/anchors";
import { parseProposalId } from "~/domain/consultation/access.server";
import { intentAction } from "~/domain/consultation/actions.server";
import { addComment, answerComment } from "~/domain/consultation/comments.server";
import { addEvaluationResponse, concludeEvaluation } from "~/domain/consultation/evaluation.server";
import {
  answerSchema,
  closeSchema,
  commentSchema,
  decisionSchema,
  evaluationConclusionSchema,
  evaluationResponseSchema,
  reopenSchema,
  withdrawSchema,
} from "~/domain/consultation/forms";
import { markOpened } from "~/domain/consultation/invitations.server";
import { closeConsultation, decide, openConsultation, reopenConsultation, withdraw } from "~/domain/consultation/lifecycle.server";
import { getProposalView, getRedline } from "~/domain/consultation/view.server";
import { listSignalsLinkedTo } from "~/domain/signals/links.server";
import { page, readForm, requireActor } from "~/utils/request.server";
import { EmptyState, Notice, formatDate } from "~/components/ui";
import { Redline, RedlineLegend } from "~/components/Redline";
import { CommentForm, CommentItem } from "~/components/consultation/Comments";
import { EvaluationResponseForm, NextStep } from "~/components/consultation/Actions";
import { ReceiptTable } from "~/components/consultation/ReceiptTable";
import { PlainText, ProposalHeader } from "~/components/consultation/ui";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.view.proposal.title ?? "Wijzigingsvoorstel"} · Wijzigingen · Ketenportaal Zaanstad` }];

export const loader = page(({ request, params }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  const id = parseProposalId(params.id);
  const view = getProposalView({ actor, id });
  if (view.myInvitation && !view.myInvitation.openedAt) markOpened(actor, id);
  const onlyChanges = new URL(request.url).searchParams.get("weergave") === "wijzigingen";
  return {
    view,
    redline: getRedline({ actor, id }),
    onlyChanges,
    signals: listSignalsLinkedTo({ actor, targetType: "proposal", targetId: id }).map((s) => ({ id: s.id, title: s.title, statusLabel: s.statusLabel, href: s.href, ownerKetenName: s.ownerKetenName })),
  };
});

const done = (id: number, what: string, hash = "") => redirect(`/wijzigingen/${id}?gedaan=${what}${hash}`);

export const action = intentAction({
  async comment({ request, params, actor }) {
    const id = parseProposalId(params.id);
    const { value } = await readForm(request, commentSchema);
    const { commentId } = addComment({ actor, id, ...value });
    return done(id, "reactie", `#reactie-${commentId}`);
  },
  async answer({ request, params, actor }) {
    const id = parseProposalId(params.id);
    const { value } = await readForm(request, answerSchema);
    answerComment({ actor, id, ...value });
    return done(id, "beantwoord", `#reactie-${value.commentId}`);
  },
  async open({ request, params, actor }) {
    const id = parseProposalId(params.id);
    await readForm(request, closeSchema);
    openConsultation({ actor, id });
    return done(id, "geopend");
  },
  async close({ request, params, actor }) {
    const id = parseProposalId(params.id);
    const { value } = await readForm(request, closeSchema);
    closeConsultation({ actor, id, note: value.note });
    return done(id, "gesloten");
  },
  async decide({ request, params, actor }) {
    const id = parseProposalId(params.id);
    const { value } = await readForm(request, decisionSchema);
    await decide({ actor, id, ...value });
    return done(id, "vastgesteld", "#besluit");
  },
  async reopen({ request, params, actor }) {
    const id = parseProposalId(params.id);
    const { value } = await readForm(request, reopenSchema);
    reopenConsultation({ actor, id, ...value });
    return done(id, "heropend");
  },
  async withdraw({ request, params, actor }) {
    const id = parseProposalId(params.id);
    const { value } = await readForm(request, withdrawSchema);
    withdraw({ actor, id, note: value.note });
    return done(id, "ingetrokken");
  },
  async evaluate({ request, params, actor }) {
    const id = parseProposalId(params.id);
    const { value } = await readForm(request, evaluationResponseSchema);
    addEvaluationResponse({ actor, id, text: value.text });
    return done(id, "ervaring", "#evaluatie");
  },
  async conclude({ request, params, actor }) {
    const id = parseProposalId(params.id);
    const { value } = await readForm(request, evaluationConclusionSchema);
    concludeEvaluation({ actor, id, conclusion: value.conclusion });
    return done(id, "geevalueerd", "#evaluatie");
  },
});

const DONE: Record<string, string> = {
  reactie: "Uw reactie is opgeslagen. U vindt hem hieronder; het antwoord van de regisseur komt in de reactienota.",
  beantwoord: "Het antwoord is opgeslagen. Het staat in de reactienota.",
  geopend: "De consultatie is geopend. De mensen van de geraakte organisaties zijn uitgenodigd, in hun meldingen en per e-mail.",
  gesloten: "De consultatie is gesloten. Beantwoord nu elke reactie en leg daarna het besluit vast.",
  vastgesteld: "Het besluit is vastgelegd. Alle genodigden hebben bericht gekregen met de ingangsdatum.",
  heropend: "De consultatie is opnieuw geopend. Alle genodigden hebben de nieuwe uiterste reactiedatum gekregen.",
  ingetrokken: "Het voorstel is ingetrokken.",
  ervaring: "Dank u: uw ervaring staat bij de evaluatie.",
  geevalueerd: "De evaluatie is afgerond.",
  aangemaakt: "Het voorstel is aangemaakt als concept. Bewerk de voorgestelde tekst en vul waarom, impact en tijdlijn in.",
};

export default function Wijzigingsvoorstel() {
  const { view, redline, onlyChanges, signals } = useLoaderData<typeof loader>();
  const actionResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const p = view.proposal;
  const notice = DONE[params.get("gedaan") ?? ""];
  const afterDeadline = !!p.timeline.consultationCloses && view.today > p.timeline.consultationCloses;
  return (
    <div className="proposal">
      <ProposalHeader proposal={p} document={view.document} canEditText={view.can.editText} canManage={view.can.manage} />
      {notice ? <Notice tone="success">{notice}</Notice> : null}
      {view.myInvitation && p.status === "in_consultatie" && !afterDeadline ? (
        <Notice>
          Uw organisatie is uitgenodigd om te reageren, uiterlijk op {formatDate(p.timeline.consultationCloses)}.{" "}
          {view.myInvitation.respondedAt ? "U heeft al gereageerd; u kunt nog een reactie toevoegen." : <a href="#reageren">Naar het reactieformulier</a>}
        </Notice>
      ) : null}

      <NextStep view={view} actionResult={actionResult} />

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

      {p.decidedAt ? (
        <section id="besluit" aria-labelledby="kop-besluit" className="decision card">
          <h2 id="kop-besluit">Besluit</h2>
          <p>
            Vastgesteld door {p.decidedByName} op {formatDate(p.decidedAt)}. Ingangsdatum: <strong>{formatDate(p.timeline.effectiveDate)}</strong>
            {p.activatedAt ? `, van kracht sinds ${formatDate(p.activatedAt)} (versie ${p.resultVersionNumber ?? "?"} van het document)` : ""}.
          </p>
          <PlainText text={p.decisionNote} />
        </section>
      ) : null}

      {view.receipts ? (
        <section aria-labelledby="kop-ontvangst">
          <h2 id="kop-ontvangst">Wie heeft het gezien en gereageerd</h2>
          <ReceiptTable receipts={view.receipts} afterDeadline={afterDeadline} />
        </section>
      ) : null}

      <section aria-labelledby="kop-tekst">
        <h2 id="kop-tekst">{p.status === "van_kracht" || p.status === "geevalueerd" ? "Wat er veranderde" : "Voorgestelde tekst"}</h2>
        <p className="meta">
          Vergeleken met de {redline.beforeLabel}
          {redline.beforeNumber ? ` (versie ${redline.beforeNumber})` : ""}
          {redline.stats ? `: ${redline.stats.addedWords} woorden toegevoegd, ${redline.stats.removedWords} verwijderd.` : "."}{" "}
          {onlyChanges ? <Link to={`/wijzigingen/${p.id}`}>Toon de hele tekst</Link> : <Link to={`/wijzigingen/${p.id}?weergave=wijzigingen`}>Toon alleen de wijzigingen</Link>}
        </p>
        {p.documentMovedOn ? (
          <Notice tone="warning">
            Het document is na de start van dit voorstel opnieuw gepubliceerd (nu versie {p.currentVersionNumber}). De vergelijking hieronder is met die geldende versie; wat daar nieuw in kwam en hier
            ontbreekt, staat als verwijderd. Neem het zo nodig over in de voorgestelde tekst.
          </Notice>
        ) : null}
        {redline.unchanged && p.status === "concept" ? <Notice tone="warning">De voorgestelde tekst is nog gelijk aan de geldende versie.</Notice> : null}
        <RedlineLegend />
        <div id="voorgestelde-tekst">
          <Redline blocks={redline.blocks} onlyChanges={onlyChanges} headingOffset={1} label="Voorgestelde tekst, vergeleken met de geldende versie" />
        </div>
      </section>

      <section aria-labelledby="kop-reacties" className="comments">
        <h2 id="kop-reacties">Reacties ({view.comments.length})</h2>
        {view.comments.length ? (
          view.comments.map((c) => <CommentItem key={c.id} c={c} canAnswer={view.can.answer} expandAnswer={p.status === "in_besluitvorming"} actionResult={actionResult} />)
        ) : (
          <EmptyState>Er zijn nog geen reacties.</EmptyState>
        )}
        {view.can.comment ? (
          <div id="reageren" className="card">
            <h3 id="kop-reageren">Reageren</h3>
            <CommentForm key={`reactie-${view.comments.length}`} textContainerId="voorgestelde-tekst" actionResult={actionResult} closes={p.timeline.consultationCloses} />
          </div>
        ) : null}
      </section>

      {p.status === "van_kracht" || p.status === "geevalueerd" ? (
        <section id="evaluatie" aria-labelledby="kop-evaluatie">
          <h2 id="kop-evaluatie">Evaluatie</h2>
          <p className="meta">Evaluatiedatum: {formatDate(p.timeline.evaluationDate)}</p>
          {p.evaluationConclusion ? (
            <div className="card">
              <h3>Conclusie</h3>
              <PlainText text={p.evaluationConclusion} />
            </div>
          ) : null}
          {view.evaluationResponses.length ? (
            <ul className="stack evaluation-list">
              {view.evaluationResponses.map((r) => (
                <li key={r.id} className="card">
                  <h3 className="h3">{r.organisationName}</h3>
                  <PlainText text={r.text} />
                  <p className="meta">
                    {r.personName ? `${r.personName}, ` : ""}
                    {formatDate(r.createdAt)}
                  </p>
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState>Nog geen ervaringen doorgegeven.</EmptyState>
          )}
          {view.can.respondEvaluation ? <EvaluationResponseForm key={`ervaring-${view.evaluationResponses.length}`} actionResult={actionResult} /> : null}
        </section>
      ) : null}

      {signals.length ? (
        <section aria-labelledby="kop-signalen">
          <h2 id="kop-signalen">Signalen die tot dit voorstel leidden</h2>
          <ul>
            {signals.map((s) => (
              <li key={s.id}>
                <Link to={s.href}>{s.title}</Link> <span className="meta">· {s.statusLabel} · {s.ownerKetenName}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
