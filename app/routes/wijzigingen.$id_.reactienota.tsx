import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { NOT_FOUND_MESSAGE } from "~/domain/consultation/access.server";
import { idParam } from "~/http/ids.server";
import { markOpened } from "~/domain/consultation/invitations.server";
import { getReactienota } from "~/domain/consultation/reactienota.server";
import { page, requireActor } from "~/http/request.server";
import { EmptyState, Notice, formatDate } from "~/components/ui";
import { CommentItem } from "~/components/consultation/Comments";
import { PlainText, ProposalHeader } from "~/components/consultation/ui";
import { VerkenningRound } from "~/components/verkenning/VerkenningSections";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Reactienota: ${data?.nota.proposal.title ?? "voorstel"} · Ketenportaal Zaanstad` }];

export const loader = page(({ request, params }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  const id = idParam(params, "id", NOT_FOUND_MESSAGE);
  const nota = getReactienota({ actor, id });
  markOpened(actor, id);
  return { nota };
});

export default function ReactienotaPagina() {
  const { nota } = useLoaderData<typeof loader>();
  const round = nota.round;
  const p = nota.proposal;
  const t = nota.totals;
  const header = { ...p, timeline: { consultationCloses: p.consultationCloses, effectiveDate: p.effectiveDate } };
  return (
    <div className="reactienota">
      <ProposalHeader proposal={header} document={{ slug: p.documentSlug, title: p.documentTitle }}>
        <a className="button-secondary" href={`/wijzigingen/${p.id}/reactienota.html`}>
          Afdrukbare versie (HTML)
        </a>{" "}
        <a className="button-secondary" href={`/wijzigingen/${p.id}/reactienota/download/docx`} download>
          Word (.docx)
        </a>{" "}
        <a className="button-secondary" href={`/wijzigingen/${p.id}/reactienota/download/pdf`} download>
          PDF
        </a>
      </ProposalHeader>
      <h2>Reactienota</h2>
      {round ? <VerkenningRound round={round} /> : null}
      {round ? <h2 id="kop-ronde-2">Ronde 2: consultatie</h2> : null}
      <p>
        Consultatie van {formatDate(p.consultationOpens)} tot en met {formatDate(p.consultationCloses)}. {t.comments === 1 ? "1 reactie" : `${t.comments} reacties`}: {t.overgenomen} overgenomen,{" "}
        {t.deels_overgenomen} deels overgenomen, {t.niet_overgenomen} niet overgenomen.
      </p>
      {!nota.complete ? (
        <Notice tone="warning">
          Nog {t.comments - t.answered === 1 ? "1 reactie" : `${t.comments - t.answered} reacties`} zonder antwoord. De reactienota is compleet als elke reactie is beantwoord; pas dan kan het besluit worden vastgelegd.
        </Notice>
      ) : null}
      {p.decidedAt ? (
        <div className="card">
          <h3>Besluit</h3>
          <p>
            Vastgesteld door {p.decidedByName} op {formatDate(p.decidedAt)}; ingangsdatum {formatDate(p.effectiveDate)}.
          </p>
          <PlainText text={p.decisionNote} />
        </div>
      ) : null}
      {nota.comments.length ? (
        nota.comments.map((c) => <CommentItem key={c.id} c={c} canAnswer={false} actionResult={undefined} />)
      ) : (
        <EmptyState>Er zijn geen reacties ontvangen.</EmptyState>
      )}
      <p>
        <Link to={`/wijzigingen/${p.id}`}>Terug naar het voorstel</Link>
      </p>
    </div>
  );
}
