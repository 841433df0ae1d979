import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { NOT_FOUND_MESSAGE } from "~/domain/consultation/access.server";
import { idParam } from "~/http/ids.server";
import { formAction, intent } from "~/http/action.server";
import { detailsSchema, impactNotes, impactSchema, IMPACT_NOTE_MAX, WAAROM_MAX } from "~/domain/consultation/forms";
import { setImpacts, updateDetails } from "~/domain/consultation/proposals.server";
import { getPreparePage } from "~/domain/consultation/view.server";
import { page, requireActor } from "~/http/request.server";
import { Csrf, Field, FormError, Notice } from "~/components/ui";
import { ProposalHeader } from "~/components/consultation/ui";
import { PageRefusal, Select, refusalFor } from "~/components/forms";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Waarom en impact: ${data?.proposal.title ?? "voorstel"} · Ketenportaal Zaanstad` }];

export const loader = page(({ request, params }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  return getPreparePage({ actor, id: idParam(params, "id", NOT_FOUND_MESSAGE) });
});

export const action = formAction({
  details: intent({
    schema: detailsSchema,
    run({ actor, value, params }) {
      const id = idParam(params, "id", NOT_FOUND_MESSAGE);
      updateDetails({ actor, id, ...value });
      return redirect(`/wijzigingen/${id}/bewerken?opgeslagen=toelichting`);
    },
  }),
  impact: intent({
    schema: impactSchema,
    run({ actor, value, params }) {
      const id = idParam(params, "id", NOT_FOUND_MESSAGE);
      const { invitedOrganisations } = setImpacts({ actor, id, impacts: impactNotes(value, value.organisations) });
      return redirect(`/wijzigingen/${id}/bewerken?opgeslagen=${invitedOrganisations ? "uitgenodigd" : "impact"}#impact`);
    },
  }),
});

const SAVED: Record<string, string> = {
  toelichting: "Het waarom en de verwijzing naar de visie zijn opgeslagen.",
  impact: "De geraakte organisaties zijn opgeslagen.",
  uitgenodigd: "De geraakte organisaties zijn opgeslagen. De nieuw toegevoegde organisaties zijn uitgenodigd voor de consultatie.",
};

export default function WaaromEnImpact() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const p = data.proposal;
  const details = refusalFor(result, "details");
  const impact = refusalFor(result, "impact");
  const saved = SAVED[params.get("opgeslagen") ?? ""];
  const checkedAfterError = impact.formError ? new Set(impact.lists.organisations ?? []) : null;
  return (
    <div>
      <ProposalHeader proposal={p} document={data.document} canEditText={data.can.editText} canManage />
      <PageRefusal result={result} shownBy={["details", "impact"]} />
      {saved ? <Notice tone="success">{saved}</Notice> : null}

      <section aria-labelledby="kop-toelichting">
        <h2 id="kop-toelichting">Waarom en visie</h2>
        <Form method="post" noValidate>
          <Csrf />
          <input type="hidden" name="intent" value="details" />
          <FormError message={details.formError} />
          <Field label="Titel" name="title" required maxLength={200} defaultValue={details.values.title ?? p.title} error={details.fieldErrors.title} />
          <Field
            label="Waarom is deze wijziging nodig?"
            name="waarom"
            multiline
            rows={8}
            maxLength={WAAROM_MAX}
            defaultValue={details.values.waarom ?? p.waarom}
            error={details.fieldErrors.waarom}
            hint="Beschrijf het probleem, wat het voorstel oplost en wat het kost of vraagt. Verplicht voordat de consultatie opent."
          />
          {data.visie.sections.length ? (
            <Select
              label={`Bij welke passage uit ${data.visie.title ?? "de visie"} past dit voorstel?`}
              name="visieAnchor"
              defaultValue={details.values.visieAnchor ?? p.visie.anchor}
              error={details.fieldErrors.visieAnchor}
              hint="Verplicht voordat de consultatie opent."
              options={[{ value: "", label: "Kies een passage" }, ...data.visie.sections.map((s) => ({ value: s, label: s }))]}
            />
          ) : (
            <Field
              label="Passage uit de visie"
              name="visieAnchor"
              maxLength={300}
              defaultValue={details.values.visieAnchor ?? p.visie.anchor}
              error={details.fieldErrors.visieAnchor}
              hint="Er is nog geen gepubliceerde visie; noem de passage waar dit voorstel bij past."
            />
          )}
          <button type="submit">Waarom en visie opslaan</button>
        </Form>
      </section>

      <section id="impact" aria-labelledby="kop-impact">
        <h2 id="kop-impact">Wie raakt deze wijziging?</h2>
        {data.suggestionsPrefilled ? (
          <Notice>De leden van de keten van dit document zijn alvast aangevinkt. Vink uit wie niet geraakt wordt en voeg andere organisaties toe, bijvoorbeeld een Wmo-aanbieder.</Notice>
        ) : null}
        <Form method="post" noValidate>
          <Csrf />
          <input type="hidden" name="intent" value="impact" />
          <FormError message={impact.formError} />
          <fieldset className="impact-fieldset" aria-describedby={impact.fieldErrors.organisations ? "impact-fout" : "impact-hint"}>
            <legend>Geraakte organisaties en wat er voor hen verandert</legend>
            <p className="hint" id="impact-hint">
              De mensen van elke aangevinkte organisatie krijgen een uitnodiging zodra de consultatie opent. Een korte toelichting per organisatie staat in hun uitnodiging.
            </p>
            {impact.fieldErrors.organisations ? (
              <p className="error-text" id="impact-fout">
                {impact.fieldErrors.organisations}
              </p>
            ) : null}
            <ul className="impact-options">
              {data.organisations.map((o) => {
                const checked = checkedAfterError ? checkedAfterError.has(String(o.id)) : o.checked;
                const noteError = impact.fieldErrors[`note_${o.id}`];
                return (
                  <li key={o.id}>
                    <label className="check">
                      <input type="checkbox" name="organisations" value={o.id} defaultChecked={checked} /> {o.name}
                      {o.suggested ? <span className="tag">lid van de keten</span> : null}
                      {o.fictitious ? <span className="tag">fictief</span> : null}
                      {o.invited ? <span className="tag">uitgenodigd</span> : null}
                    </label>
                    <label htmlFor={`note-${o.id}`} className="visually-hidden">
                      Wat verandert er voor {o.name}?
                    </label>
                    {noteError ? (
                      <p className="error-text" id={`note-${o.id}-fout`}>
                        {noteError}
                      </p>
                    ) : null}
                    <textarea
                      id={`note-${o.id}`}
                      name={`note_${o.id}`}
                      rows={2}
                      maxLength={IMPACT_NOTE_MAX}
                      placeholder={`Wat verandert er voor ${o.name}?`}
                      defaultValue={impact.values[`note_${o.id}`] ?? o.note}
                      aria-invalid={noteError ? true : undefined}
                      aria-describedby={noteError ? `note-${o.id}-fout` : undefined}
                    />
                  </li>
                );
              })}
            </ul>
          </fieldset>
          <button type="submit">Geraakte organisaties opslaan</button>
        </Form>
      </section>
    </div>
  );
}
