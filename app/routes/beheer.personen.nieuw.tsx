import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { createPerson, listOrganisations } from "~/domain/directory.server";
import { assertCanAdminister } from "~/domain/policy.server";
import { personSchema } from "~/shared/schemas";
import { formAction, page, readForm, requireActor } from "~/utils/request.server";
import { PageHeader, errorsOf } from "~/components/ui";
import { PersonForm } from "~/components/PersonForm";

export const meta: MetaFunction = () => [{ title: "Nieuwe persoon · Beheer · Ketenportaal Zaanstad" }];

export const loader = page(({ request }: LoaderFunctionArgs) => {
  assertCanAdminister(requireActor(request));
  return { organisations: listOrganisations().filter((o) => o.active).map((o) => ({ id: o.id, name: o.name })) };
});

export const action = formAction(async ({ request }: ActionFunctionArgs) => {
  const actor = requireActor(request);
  assertCanAdminister(actor);
  const { value } = await readForm(request, personSchema);
  const id = await createPerson({ actor, ...value });
  return redirect(`/beheer/personen/${id}?opgeslagen=1`);
});

export default function NieuwePersoon() {
  const { organisations } = useLoaderData<typeof loader>();
  const { formError, fieldErrors } = errorsOf(useActionData<typeof action>());
  return (
    <div>
      <PageHeader title="Nieuwe persoon" />
      <PersonForm
        organisations={organisations}
        formError={formError}
        fieldErrors={fieldErrors}
        submitLabel="Persoon toevoegen"
        passwordHint="Minstens 10 tekens. Laat leeg om later een wachtwoord in te stellen; zonder wachtwoord kan de persoon niet inloggen."
      />
    </div>
  );
}
