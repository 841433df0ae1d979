import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { getKeten, listOrganisations, listPeople, updateKeten } from "~/domain/directory.server";
import { assertCanAdminister } from "~/domain/policy.server";
import { ketenSchema } from "~/shared/schemas";
import { formAction, page, readForm, requireActor } from "~/utils/request.server";
import { Csrf, Field, FormError, Notice, PageHeader, errorsOf } from "~/components/ui";

export const meta: MetaFunction = () => [{ title: "Keten beheren · Beheer · Ketenportaal Zaanstad" }];

export const loader = page(({ request, params }: LoaderFunctionArgs) => {
  assertCanAdminister(requireActor(request));
  const keten = getKeten(params.slug ?? "");
  return {
    keten,
    organisations: listOrganisations().filter((o) => o.active).map((o) => ({ id: o.id, name: o.name })),
    candidates: listPeople().filter((p) => p.roles.includes("regisseur")).map((p) => ({ id: p.id, name: p.name, organisationName: p.organisationName })),
  };
});

export const action = formAction(async ({ request, params }: ActionFunctionArgs) => {
  const actor = requireActor(request);
  assertCanAdminister(actor);
  const keten = getKeten(params.slug ?? "");
  const { value } = await readForm(request, ketenSchema);
  updateKeten({ actor, id: keten.id, ...value });
  return redirect(`/beheer/ketens/${keten.slug}?opgeslagen=1`);
});

export default function KetenBeheer() {
  const { keten, organisations, candidates } = useLoaderData<typeof loader>();
  const { formError, fieldErrors: e } = errorsOf(useActionData<typeof action>());
  const [params] = useSearchParams();
  const memberIds = new Set(keten.members.map((m) => m.id));
  return (
    <div>
      <PageHeader title={`Keten: ${keten.name}`} />
      {params.get("opgeslagen") ? <Notice tone="success">De wijziging is opgeslagen en staat in het auditlog.</Notice> : null}
      <Form method="post" noValidate>
        <Csrf />
        <FormError message={formError} />
        <Field label="Omschrijving" name="description" multiline maxLength={1000} defaultValue={keten.description} error={e.description} />
        <div className={`field${e.regisseurId ? " field-error" : ""}`}>
          <label htmlFor="veld-regisseurId">Regisseur</label>
          {e.regisseurId ? (
            <p className="error-text" id="veld-regisseurId-fout">
              {e.regisseurId}
            </p>
          ) : null}
          <select id="veld-regisseurId" name="regisseurId" defaultValue={keten.regisseurId ?? ""} aria-describedby={e.regisseurId ? "veld-regisseurId-fout" : undefined}>
            <option value="">Nog niet benoemd</option>
            {candidates.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} ({c.organisationName})
              </option>
            ))}
          </select>
        </div>
        <Field
          label="Terugkoppeltermijn voor signalen (werkdagen)"
          name="feedbackDays"
          type="number"
          required
          defaultValue={keten.feedbackDays}
          hint="Binnen deze termijn krijgt wie een signaal meldt een antwoord. Een gewijzigde termijn geldt voor nieuwe signalen; lopende signalen houden de termijn die bij het melden gold."
          error={e.feedbackDays}
        />
        <fieldset aria-describedby={e.members ? "veld-members-fout" : undefined}>
          <legend>Organisaties in deze keten</legend>
          {e.members ? (
            <p className="error-text" id="veld-members-fout">
              {e.members}
            </p>
          ) : null}
          {organisations.map((o) => (
            <div className="check" key={o.id}>
              <input type="checkbox" id={`lid-${o.id}`} name="members" value={o.id} defaultChecked={memberIds.has(o.id)} />
              <label htmlFor={`lid-${o.id}`}>{o.name}</label>
            </div>
          ))}
        </fieldset>
        <button type="submit">Keten opslaan</button>
      </Form>
    </div>
  );
}
