import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { isFollowing } from "~/domain/follows.server";
import { FollowButton } from "~/components/FollowButton";
import { Link, useActionData, useLoaderData, useSearchParams, type Params } from "@remix-run/react";
import { NOT_FOUND_MESSAGE } from "~/domain/consultation/access.server";
import { idParam } from "~/http/ids.server";
import { formAction, intent } from "~/http/action.server";
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
import { page, requireActor } from "~/http/request.server";
import { EmptyState, Notice, formatDate } from "~/components/ui";
import { Redline, RedlineLegend } from "~/components/Redline";
import { DownloadLinks } from "~/components/export/DownloadLinks";
import { CommentForm, CommentItem } from "~/components/consultation/Comments";
import { NextStep, proposalForms } from "~/components/consultation/Actions";
import { DONE, Decision, Evaluation, GoalsSummary, LinkedSignals } from "~/components/consultation/ProposalSections";
import { PilotPhases } from "~/components/consultation/Pilot";
import { PageRefusal } from "~/components/forms";
import { ReceiptTable } from "~/components/consultation/ReceiptTable";
import { ProposalHeader } from "~/components/consultation/ui";
import { WhyAndImpact } from "~/components/consultation/WhyAndImpact";
import { proposalMarginIntents } from "~/http/margin-intents.server";
import { ProposalMargin } from "~/components/margin/ProposalMargin";
import { integralCheckSummary } from "~/domain/verkenning/check.server";
import { samenhangFor } from "~/domain/verkenning/samenhang.server";
import { IntegralCheckLine } from "~/components/verkenning/IntegralCheck";
import { SamenhangSection } from "~/components/verkenning/Samenhang";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.view.proposal.title ?? "Wijzigingsvoorstel"} · Wijzigingen · Ketenportaal Zaanstad` }];

export const loader = page(({ request, params }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  const id = proposalId(params);
  const view = getProposalView({ actor, id });
  if (view.myInvitation && !view.myInvitation.openedAt) markOpened(actor, id);
  const onlyChanges = new URL(request.url).searchParams.get("weergave") === "wijzigingen";
  return {
    view,
    redline: getRedline({ actor, id }),
    onlyChanges,
    samenhang: samenhangFor({ actor, proposalId: id }),
    check: view.proposal.status === "concept" ? integralCheckSummary(id) : null,
    following: isFollowing(actor.id, "voorstel", id),
    signals: listSignalsLinkedTo({ actor, targetType: "proposal", targetId: id }).map((s) => ({ id: s.id, title: s.title, statusLabel: s.statusLabel, href: s.href, ownerKetenName: s.ownerKetenName })),
  };
});

const done = (id: number, what: string, hash = "") => redirect(`/wijzigingen/${id}?gedaan=${what}${hash}`);
const proposalId = (params: Params) => idParam(params, "id", NOT_FOUND_MESSAGE);

export const action = formAction({
  ...proposalMarginIntents,
  comment: intent({
    schema: commentSchema,
    run({ actor, value, params }) {
      const id = proposalId(params);
      const { commentId } = addComment({ actor, id, ...value });
      return done(id, "reactie", `#reactie-${commentId}`);
    },
  }),
  answer: intent({
    schema: answerSchema,
    target: "commentId",
    run({ actor, value, params }) {
      const id = proposalId(params);
      answerComment({ actor, id, ...value });
      return done(id, "beantwoord", `#reactie-${value.commentId}`);
    },
  }),
  open: intent({
    schema: closeSchema,
    run({ actor, params }) {
      const id = proposalId(params);
      openConsultation({ actor, id });
      return done(id, "geopend");
    },
  }),
  close: intent({
    schema: closeSchema,
    run({ actor, value, params }) {
      const id = proposalId(params);
      closeConsultation({ actor, id, note: value.note });
      return done(id, "gesloten");
    },
  }),
  decide: intent({
    schema: decisionSchema,
    async run({ actor, value, params }) {
      const id = proposalId(params);
      await decide({ actor, id, ...value });
      return done(id, "vastgesteld", "#besluit");
    },
  }),
  reopen: intent({
    schema: reopenSchema,
    run({ actor, value, params }) {
      const id = proposalId(params);
      reopenConsultation({ actor, id, ...value });
      return done(id, "heropend");
    },
  }),
  withdraw: intent({
    schema: withdrawSchema,
    run({ actor, value, params }) {
      const id = proposalId(params);
      withdraw({ actor, id, note: value.note });
      return done(id, "ingetrokken");
    },
  }),
  evaluate: intent({
    schema: evaluationResponseSchema,
    run({ actor, value, params }) {
      const id = proposalId(params);
      addEvaluationResponse({ actor, id, text: value.text });
      return done(id, "ervaring", "#evaluatie");
    },
  }),
  conclude: intent({
    schema: evaluationConclusionSchema,
    run({ actor, value, params }) {
      const id = proposalId(params);
      concludeEvaluation({ actor, id, conclusion: value.conclusion });
      return done(id, "geevalueerd", "#evaluatie");
    },
  }),
});

export default function Wijzigingsvoorstel() {
  const { view, redline, onlyChanges, signals, samenhang, check, following } = useLoaderData<typeof loader>();
  const actionResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const p = view.proposal;
  const notice = DONE[params.get("gedaan") ?? ""];
  const afterDeadline = !!p.timeline.consultationCloses && view.today > p.timeline.consultationCloses;
  return (
    <div className="proposal">
      <ProposalHeader proposal={p} document={view.document} canEditText={view.can.editText} canManage={view.can.manage} />
      <FollowButton type="voorstel" item={String(p.id)} following={following} />
      <PageRefusal result={actionResult} shownBy={proposalForms(view)} />
      {notice ? <Notice tone="success">{notice}</Notice> : null}
      {view.myInvitation && p.status === "in_consultatie" && !afterDeadline ? (
        <Notice>
          Uw organisatie is uitgenodigd om te reageren, uiterlijk op {formatDate(p.timeline.consultationCloses)}.{" "}
          {view.myInvitation.respondedAt ? "U heeft al gereageerd; u kunt nog een reactie toevoegen." : <a href="#reageren">Naar het reactieformulier</a>}
        </Notice>
      ) : null}

      <IntegralCheckLine summary={check} proposalId={p.id} />
      <NextStep view={view} actionResult={actionResult} />

      <WhyAndImpact view={view} />

      <GoalsSummary view={view} />
      <PilotPhases pilot={view.pilot} proposalId={p.id} inForce={p.inForce} />
      <Decision proposal={p} />

      {view.receipts ? (
        <section aria-labelledby="kop-ontvangst">
          <h2 id="kop-ontvangst">Wie heeft het gezien en gereageerd</h2>
          <ReceiptTable receipts={view.receipts} afterDeadline={afterDeadline} />
          {view.can.manage && p.status === "in_consultatie" ? <Link to={`/wijzigingen/${p.id}/herinnering`}>Herinnering sturen aan wie nog niet reageerde</Link> : null}
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
        <DownloadLinks base={`/wijzigingen/${p.id}/redline`} label="Redline downloaden (Word met wijzigingen bijhouden)" />
        <ProposalMargin textId="voorgestelde-tekst" comments={view.comments} can={view.can} closes={p.timeline.consultationCloses} actionResult={actionResult}>
          <div id="voorgestelde-tekst">
            <Redline blocks={redline.blocks} onlyChanges={onlyChanges} headingOffset={1} label="Voorgestelde tekst, vergeleken met de geldende versie" />
          </div>
        </ProposalMargin>
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

      <Evaluation view={view} actionResult={actionResult} />

      <SamenhangSection data={samenhang} proposalId={p.id} />
      <LinkedSignals signals={signals} />
    </div>
  );
}
