import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { getKeten, listOrganisations, listPeople, updateKeten } from "~/domain/directory.server";
import { assertCanAdminister } from "~/domain/policy.server";
import { ketenSchema } from "~/shared/schemas";
import { formAction, intent } from "~/http/action.server";
import { page, requireActor } from "~/http/request.server";
import { Csrf, Field, FormError, Notice, PageHeader } from "~/components/ui";
import { Select, refusalFor } from "~/components/forms";

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

export const action = formAction(
  {
    save: intent({
      schema: ketenSchema,
      run({ actor, value, params }) {
        const keten = getKeten(params.slug ?? "");
        updateKeten({ actor, id: keten.id, ...value });
        return redirect(`/beheer/ketens/${keten.slug}?opgeslagen=1`);
      },
    }),
  },
  { authorize: assertCanAdminister },
);

export default function KetenBeheer() {
  const { keten, organisations, candidates } = useLoaderData<typeof loader>();
  const { formError, fieldErrors: e } = refusalFor(useActionData<typeof action>());
  const [params] = useSearchParams();
  const memberIds = new Set(keten.members.map((m) => m.id));
  return (
    <div>
      <PageHeader title={`Keten: ${keten.name}`} />
      {params.get("opgeslagen") ? <Notice tone="success">De wijziging is opgeslagen en staat in het auditlog.</Notice> : null}
      <Form method="post" noValidate>
        <Csrf />
        <FormError message={formError} />
        <Field schema={ketenSchema} label="Omschrijving" name="description" multiline defaultValue={keten.description} error={e.description} />
        <Select
          label="Regisseur"
          name="regisseurId"
          placeholder="Nog niet benoemd"
          defaultValue={keten.regisseurId ? String(keten.regisseurId) : ""}
          options={candidates.map((c) => ({ value: String(c.id), label: `${c.name} (${c.organisationName})` }))}
          error={e.regisseurId}
        />
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
