import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams, type Params } from "@remix-run/react";
import { NOT_FOUND_MESSAGE } from "~/domain/consultation/access.server";
import { getProposalView } from "~/domain/consultation/view.server";
import { getIntegralCheck, overrideCheck, recordKetenCheck, setCheckDeadline } from "~/domain/verkenning/check.server";
import { linkChange, linkOptions, samenhangFor, unlinkChange } from "~/domain/verkenning/samenhang.server";
import { formAction, intent } from "~/http/action.server";
import { idParam } from "~/http/ids.server";
import { page, requireActor } from "~/http/request.server";
import { integralIntentSchemas } from "~/shared/verkenning-forms";
import { PageRefusal } from "~/components/forms";
import { Notice } from "~/components/ui";
import { ProposalHeader } from "~/components/consultation/ui";
import { IntegralCheckSection } from "~/components/verkenning/IntegralCheck";
import { LinkForms, SamenhangSection } from "~/components/verkenning/Samenhang";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Integrale toets: ${data?.view.proposal.title ?? "voorstel"} · Ketenportaal Zaanstad` }];

const proposalId = (params: Params) => idParam(params, "id", NOT_FOUND_MESSAGE);

export const loader = page(({ request, params }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  const id = proposalId(params);
  const view = getProposalView({ actor, id });
  return {
    view,
    check: getIntegralCheck({ actor, id }),
    samenhang: samenhangFor({ actor, proposalId: id }),
    linkOptions: view.can.manage ? linkOptions({ actor, proposalId: id }) : [],
  };
});

const done = (id: number, what: string) => redirect(`/wijzigingen/${id}/integraal?gedaan=${what}`);

export const action = formAction({
  ketentoets: intent({
    schema: integralIntentSchemas.ketentoets,
    target: "ketenId",
    run({ actor, value, params }) {
      const id = proposalId(params);
      recordKetenCheck({ actor, id, ...value });
      return done(id, "toets");
    },
  }),
  termijn: intent({
    schema: integralIntentSchemas.termijn,
    run({ actor, value, params }) {
      const id = proposalId(params);
      setCheckDeadline({ actor, id, deadline: value.deadline });
      return done(id, "termijn");
    },
  }),
  doorgaan: intent({
    schema: integralIntentSchemas.doorgaan,
    run({ actor, value, params }) {
      const id = proposalId(params);
      overrideCheck({ actor, id, reason: value.reason });
      return done(id, "doorgaan");
    },
  }),
  koppelen: intent({
    schema: integralIntentSchemas.koppelen,
    run({ actor, value, params }) {
      const id = proposalId(params);
      linkChange({ actor, id, target: value.target });
      return done(id, "gekoppeld");
    },
  }),
  ontkoppelen: intent({
    schema: integralIntentSchemas.ontkoppelen,
    run({ actor, value, params }) {
      const id = proposalId(params);
      unlinkChange({ actor, id, linkId: value.linkId });
      return done(id, "ontkoppeld");
    },
  }),
});

const DONE: Record<string, string> = {
  toets: "De toets voor uw keten is vastgelegd.",
  termijn: "De termijn van de integrale toets is opgeslagen.",
  doorgaan: "Vastgelegd: u gaat door zonder antwoord van alle ketens. U kunt de consultatie nu openen.",
  gekoppeld: "De wijziging is gekoppeld.",
  ontkoppeld: "De koppeling is verwijderd.",
};

export default function IntegraleToets() {
  const { view, check, samenhang, linkOptions } = useLoaderData<typeof loader>();
  const actionResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const notice = DONE[params.get("gedaan") ?? ""];
  const shownBy = [...check.ketens.filter((k) => k.canRecord).map((k) => `ketentoets:${k.ketenId}`), ...(check.can.manage ? ["termijn"] : []), ...(check.can.override ? ["doorgaan"] : []), ...(view.can.manage ? ["koppelen"] : [])];
  return (
    <div className="proposal">
      <ProposalHeader proposal={view.proposal} document={view.document} canEditText={view.can.editText} canManage={view.can.manage} />
      <PageRefusal result={actionResult} shownBy={shownBy} />
      {notice ? <Notice tone="success">{notice}</Notice> : null}
      {check.proposal.status === "concept" ? (
        <IntegralCheckSection data={check} actionResult={actionResult} />
      ) : (
        <Notice>De consultatie is geopend; de integrale toets hieronder is zoals hij was vastgelegd.</Notice>
      )}
      {check.proposal.status !== "concept" ? <IntegralCheckSection data={{ ...check, can: { manage: false, override: false } }} actionResult={actionResult} /> : null}
      <SamenhangSection data={samenhang} proposalId={view.proposal.id} />
      {view.can.manage ? <LinkForms data={samenhang} options={linkOptions} actionResult={actionResult} /> : null}
    </div>
  );
}
