// An offer for publication (issue 12): the owner sees the redline against the version in
// force and publishes it (as a redactionele version), sends it back with a remark, or turns
// it into a wijzigingsvoorstel. The redacteur who offered it sees what became of it.
import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { decideOffer, offerPage } from "~/domain/documents/publishing.server";
import { offerReturnSchema, proposalFromDraftSchema } from "~/shared/document-forms";
import { OFFER_STATUS_LABELS } from "~/shared/documents";
import { plural } from "~/shared/plural";
import { z } from "zod";
import { formAction, intent } from "~/http/action.server";
import { idParam } from "~/http/ids.server";
import { page, requireActor } from "~/http/request.server";
import { Csrf, Field, FormError, Intent, PageRefusal, refusalFor } from "~/components/forms";
import { Notice, PageHeader, formatDate } from "~/components/ui";
import { DocumentNav } from "~/components/DocumentNav";
import { Redline, RedlineLegend } from "~/components/Redline";

const NOT_FOUND = "Dit aanbod bestaat niet (meer).";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Aanbod: ${data?.document.title ?? "document"} · Ketenportaal Zaanstad` }];

export const loader = page(({ request, params }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  return offerPage({ actor, slug: params.slug ?? "", offerId: idParam(params, "id", NOT_FOUND) });
});

export const action = formAction({
  publish: intent({
    schema: z.object({}),
    run({ actor, params }) {
      const out = decideOffer({ actor, offerId: idParam(params, "id", NOT_FOUND), decision: "publish" });
      return redirect(`/documenten/${out.documentSlug}?gepubliceerd=${out.versionNumber}`);
    },
  }),
  return: intent({
    schema: offerReturnSchema,
    run({ actor, value, params }) {
      const out = decideOffer({ actor, offerId: idParam(params, "id", NOT_FOUND), decision: "return", remark: value.remark });
      return redirect(`/documenten/${out.documentSlug}/aanbod/${params.id}`);
    },
  }),
  proposal: intent({
    schema: proposalFromDraftSchema,
    run({ actor, value, params }) {
      const out = decideOffer({ actor, offerId: idParam(params, "id", NOT_FOUND), decision: "proposal", title: value.title });
      return redirect(`/wijzigingen/${out.proposalId}`);
    },
  }),
});

export default function Aanbod() {
  const { document: doc, offer, currentNumber, blocks, stats, canDecide } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const back = refusalFor(result, "return");
  const proposal = refusalFor(result, "proposal");
  const publish = refusalFor(result, "publish");
  return (
    <div>
      <PageHeader
        title={`Ter publicatie aangeboden: ${doc.title}`}
        lead={`${offer.offeredBy ? `${offer.offeredBy.name} (${offer.offeredBy.organisation})` : "Een redacteur"} bood op ${formatDate(offer.createdAt)} het concept aan: ${offer.summary}`}
      />
      <DocumentNav slug={doc.slug} canEdit />
      <PageRefusal result={result} shownBy={canDecide ? ["publish", "return", "proposal"] : []} />
      <p>
        <strong>Status:</strong> {OFFER_STATUS_LABELS[offer.status] ?? offer.status}
        {offer.remark ? <> · Opmerking van de eigenaar: {offer.remark}</> : null}
        {offer.proposalId ? (
          <>
            {" "}
            · <Link to={`/wijzigingen/${offer.proposalId}`}>Naar het wijzigingsvoorstel</Link>
          </>
        ) : null}
      </p>
      <h2>Wat verandert er ten opzichte van {currentNumber ? `versie ${currentNumber}` : "een leeg document"}</h2>
      <p className="meta">
        {plural(stats.changedBlocks, "gewijzigd blok", "gewijzigde blokken")}: {plural(stats.addedWords, "woord", "woorden")} erbij, {plural(stats.removedWords, "woord", "woorden")} eruit.
      </p>
      <RedlineLegend />
      <Redline blocks={blocks} onlyChanges headingOffset={1} label="Verschillen van het aangeboden concept" />
      {canDecide ? (
        <section className="publish" aria-labelledby="kop-besluit">
          <h2 id="kop-besluit">Uw besluit als eigenaar</h2>
          <Notice>
            Publiceren maakt deze tekst de geldende versie als <strong>redactionele wijziging</strong>: de organisaties van de keten krijgen de verschillen en kunnen binnen vijf werkdagen laten weten dat het toch inhoudelijk is. Verandert dit wat iemand moet doen? Maak er dan een wijzigingsvoorstel van.
          </Notice>
          <Form method="post" noValidate>
            <Csrf />
            <Intent value="publish" />
            <FormError message={publish.formError} />
            <button type="submit">Publiceren als redactionele versie</button>
          </Form>
          <h3>Terugsturen</h3>
          <Form method="post" noValidate>
            <Csrf />
            <Intent value="return" />
            <FormError message={back.formError} />
            <Field schema={offerReturnSchema} label="Opmerking voor de redacteur" name="remark" multiline rows={3} defaultValue={back.values.remark} error={back.fieldErrors.remark} />
            <button type="submit" className="button-secondary">
              Terugsturen met opmerking
            </button>
          </Form>
          <h3>Wijzigingsvoorstel maken</h3>
          <Form method="post" noValidate>
            <Csrf />
            <Intent value="proposal" />
            <FormError message={proposal.formError} />
            <Field schema={proposalFromDraftSchema} label="Titel van het voorstel" name="title" defaultValue={proposal.values.title ?? offer.summary.slice(0, 120)} error={proposal.fieldErrors.title} />
            <button type="submit" className="button-secondary">
              Omzetten in een wijzigingsvoorstel
            </button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
