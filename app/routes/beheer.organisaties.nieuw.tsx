import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { createOrganisation } from "~/domain/directory.server";
import { assertCanAdminister } from "~/domain/policy.server";
import { organisationSchema } from "~/shared/schemas";
import { formAction, page, readForm, requireActor } from "~/utils/request.server";
import { PageHeader, errorsOf } from "~/components/ui";
import { OrganisationForm } from "~/components/OrganisationForm";

export const meta: MetaFunction = () => [{ title: "Nieuwe organisatie · Beheer · Ketenportaal Zaanstad" }];

export const loader = page(({ request }: LoaderFunctionArgs) => {
  assertCanAdminister(requireActor(request));
  return null;
});

export const action = formAction(async ({ request }: ActionFunctionArgs) => {
  const actor = requireActor(request);
  assertCanAdminister(actor);
  const { value } = await readForm(request, organisationSchema);
  const org = createOrganisation({ actor, ...value });
  return redirect(`/beheer/organisaties/${org.id}?opgeslagen=1`);
});

export default function NieuweOrganisatie() {
  const { formError, fieldErrors } = errorsOf(useActionData<typeof action>());
  return (
    <div>
      <PageHeader title="Nieuwe organisatie" />
      <OrganisationForm formError={formError} fieldErrors={fieldErrors} submitLabel="Organisatie toevoegen" />
    </div>
  );
}
