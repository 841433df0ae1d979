import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams, type Params } from "@remix-run/react";
import { markVerkenningOpened } from "~/domain/verkenning/invitations.server";
import {
  VERKENNING_NOT_FOUND,
  answerQuestion,
  closeVerkenning,
  convertToProposal,
  documentsForConversion,
  getVerkenningView,
  writeSummary,
} from "~/domain/verkenning/verkenning.server";
import { formAction, intent } from "~/http/action.server";
import { idParam } from "~/http/ids.server";
import { page, requireActor } from "~/http/request.server";
import { verkenningIntentSchemas } from "~/shared/verkenning-forms";
import { PageRefusal } from "~/components/forms";
import { EmptyState, Notice, formatDate } from "~/components/ui";
import { PlainText } from "~/components/consultation/ui";
import { ReceiptTable } from "~/components/consultation/ReceiptTable";
import { NextSteps, Questions, SummaryForm, VerkenningBadge } from "~/components/verkenning/VerkenningSections";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.view.verkenning.title ?? "Verkenning"} · Verkenningen · Ketenportaal Zaanstad` }];

const verkenningId = (params: Params) => idParam(params, "id", VERKENNING_NOT_FOUND);

export const loader = page(({ request, params }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  const id = verkenningId(params);
  const view = getVerkenningView({ actor, id });
  if (view.myInvitation && !view.myInvitation.openedAt) markVerkenningOpened(actor, id);
  return { view, documents: view.can.manage ? documentsForConversion(actor, id) : [] };
});

const DONE: Record<string, string> = {
  gestart: "De verkenning is gestart. De gevraagde organisaties hebben een uitnodiging gekregen.",
  antwoord: "Uw antwoord is opgeslagen. Dank u wel.",
  samenvatting: "De samenvatting is opgeslagen.",
  gesloten: "De verkenning is gesloten.",
};

export const action = formAction({
  antwoord: intent({
    schema: verkenningIntentSchemas.antwoord,
    target: "questionId",
    run({ actor, value, params }) {
      const id = verkenningId(params);
      answerQuestion({ actor, id, ...value });
      return redirect(`/verkenningen/${id}?gedaan=antwoord#vraag-${value.questionId}`);
    },
  }),
  samenvatting: intent({
    schema: verkenningIntentSchemas.samenvatting,
    run({ actor, value, params }) {
      const id = verkenningId(params);
      writeSummary({ actor, id, summary: value.summary });
      return redirect(`/verkenningen/${id}?gedaan=samenvatting#kop-gehoord`);
    },
  }),
  voorstel: intent({
    schema: verkenningIntentSchemas.voorstel,
    run({ actor, value, params }) {
      const { proposalId } = convertToProposal({ actor, id: verkenningId(params), ...value });
      return redirect(`/wijzigingen/${proposalId}?gedaan=aangemaakt`);
    },
  }),
  sluiten: intent({
    schema: verkenningIntentSchemas.sluiten,
    run({ actor, value, params }) {
      const id = verkenningId(params);
      closeVerkenning({ actor, id, reason: value.reason });
      return redirect(`/verkenningen/${id}?gedaan=gesloten`);
    },
  }),
});

export default function VerkenningPagina() {
  const { view, documents } = useLoaderData<typeof loader>();
  const actionResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const v = view.verkenning;
  const notice = DONE[params.get("gedaan") ?? ""];
  const shownBy = [...(view.can.answer ? view.questions.map((q) => `antwoord:${q.id}`) : []), ...(view.can.manage ? ["samenvatting", "voorstel", "sluiten"] : [])];
  return (
    <div className="verkenning">
      <div className="page-header">
        <div>
          <p className="meta">
            <Link to="/verkenningen">Verkenning</Link> · keten {v.ketenName} · gestart door {v.authorName} op {formatDate(v.startedOn)}
          </p>
          <h1>{v.title}</h1>
          <p className="lead">
            <VerkenningBadge status={v.status} label={v.statusLabel} /> · antwoorden tot en met {formatDate(v.reactionDeadline)}
          </p>
        </div>
      </div>
      <PageRefusal result={actionResult} shownBy={shownBy} />
      {notice ? <Notice tone="success">{notice}</Notice> : null}
      {view.can.answer ? (
        <Notice>
          Uw organisatie is gevraagd mee te denken, uiterlijk op {formatDate(v.reactionDeadline)}. {view.myInvitation?.respondedAt ? "U heeft al geantwoord; u kunt nog iets toevoegen." : "Beantwoord de vragen hieronder."}
        </Notice>
      ) : null}
      {view.proposal ? (
        <Notice tone="success">
          Deze verkenning is omgezet in het wijzigingsvoorstel <Link to={`/wijzigingen/${view.proposal.id}`}>{view.proposal.title}</Link>.
        </Notice>
      ) : null}
      {v.status === "gesloten" ? (
        <Notice>
          Gesloten zonder voorstel. Reden: <PlainText text={v.closedReason} />
        </Notice>
      ) : null}

      <div className="two-col">
        <section aria-labelledby="kop-probleem">
          <h2 id="kop-probleem">Het probleem</h2>
          <PlainText text={v.problem} />
          <h2 id="kop-weten">Wat we al weten</h2>
          {v.knowledge ? <PlainText text={v.knowledge} /> : <EmptyState>Nog niets vastgelegd.</EmptyState>}
          {view.signals.length ? (
            <>
              <h3 id="kop-signalen">Signalen</h3>
              <ul>
                {view.signals.map((s) => (
                  <li key={s.id}>
                    <Link to={`/signalen/${s.id}`}>{s.title}</Link>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
        <aside aria-labelledby="kop-gevraagd">
          <h2 id="kop-gevraagd">Gevraagde organisaties</h2>
          <ul>
            {view.organisations.map((o) => (
              <li key={o.id}>{o.name}</li>
            ))}
          </ul>
        </aside>
      </div>

      {view.receipts ? (
        <section aria-labelledby="kop-ontvangst">
          <h2 id="kop-ontvangst">Wie heeft het gezien en geantwoord</h2>
          <ReceiptTable receipts={view.receipts} afterDeadline={view.afterDeadline} what="de verkenning" />
        </section>
      ) : null}

      <section aria-labelledby="kop-vragen">
        <h2 id="kop-vragen">Open vragen</h2>
        <Questions questions={view.questions} canAnswer={view.can.answer} actionResult={actionResult} />
      </section>

      <section aria-labelledby="kop-gehoord">
        <h2 id="kop-gehoord">Wat we hebben gehoord</h2>
        {view.can.manage ? <SummaryForm summary={v.summary} actionResult={actionResult} /> : v.summary ? <PlainText text={v.summary} /> : <EmptyState>De regisseur heeft nog geen samenvatting geschreven.</EmptyState>}
      </section>

      {view.can.manage ? (
        <section aria-labelledby="kop-verder">
          <h2 id="kop-verder">Verder</h2>
          <NextSteps documents={documents} hasSummary={!!v.summary.trim()} actionResult={actionResult} />
        </section>
      ) : null}
    </div>
  );
}
