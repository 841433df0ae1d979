import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { createPerson, listOrganisations } from "~/domain/directory.server";
import { assertCanAdminister } from "~/domain/policy.server";
import { sendInvitation } from "~/domain/auth/accounts.server";
import { portalOrigin } from "~/http/request.server";
import { personSchema } from "~/shared/schemas";
import { formAction, intent } from "~/http/action.server";
import { page, requireActor } from "~/http/request.server";
import { PageHeader } from "~/components/ui";
import { refusalFor } from "~/components/forms";
import { PersonForm } from "~/components/PersonForm";

export const meta: MetaFunction = () => [{ title: "Nieuwe persoon · Beheer · Ketenportaal Zaanstad" }];

export const loader = page(({ request }: LoaderFunctionArgs) => {
  assertCanAdminister(requireActor(request));
  return { organisations: listOrganisations().filter((o) => o.active).map((o) => ({ id: o.id, name: o.name })) };
});

export const action = formAction(
  {
    save: intent({
      schema: personSchema,
      async run({ actor, value, request }) {
        const id = await createPerson({ actor, ...value });
        // Without a password set by the beheerder, the person chooses one via an invitation link.
        if (!value.password) sendInvitation({ actor, personId: id, origin: portalOrigin(request) });
        return redirect(`/beheer/personen/${id}?opgeslagen=1${value.password ? "" : "&uitgenodigd=1"}`);
      },
    }),
  },
  { authorize: assertCanAdminister },
);

export default function NieuwePersoon() {
  const { organisations } = useLoaderData<typeof loader>();
  const { formError, fieldErrors } = refusalFor(useActionData<typeof action>());
  return (
    <div>
      <PageHeader title="Nieuwe persoon" />
      <PersonForm
        organisations={organisations}
        formError={formError}
        fieldErrors={fieldErrors}
        submitLabel="Persoon toevoegen"
        passwordHint="Minstens 10 tekens. Laat leeg om de persoon een uitnodiging te sturen: een link (72 uur geldig) om zelf een wachtwoord te kiezen."
      />
    </div>
  );
}
