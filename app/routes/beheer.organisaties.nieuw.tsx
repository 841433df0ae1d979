import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { createOrganisation } from "~/domain/directory.server";
import { assertCanAdminister } from "~/domain/policy.server";
import { organisationSchema } from "~/shared/schemas";
import { formAction, intent } from "~/http/action.server";
import { page, requireActor } from "~/http/request.server";
import { PageHeader } from "~/components/ui";
import { refusalFor } from "~/components/forms";
import { OrganisationForm } from "~/components/OrganisationForm";

export const meta: MetaFunction = () => [{ title: "Nieuwe organisatie · Beheer · Ketenportaal Zaanstad" }];

export const loader = page(({ request }: LoaderFunctionArgs) => {
  assertCanAdminister(requireActor(request));
  return null;
});

export const action = formAction(
  {
    save: intent({
      schema: organisationSchema,
      run({ actor, value }) {
        const org = createOrganisation({ actor, ...value });
        return redirect(`/beheer/organisaties/${org.id}?opgeslagen=1`);
      },
    }),
  },
  { authorize: assertCanAdminister },
);

export default function NieuweOrganisatie() {
  const { formError, fieldErrors } = refusalFor(useActionData<typeof action>());
  return (
    <div>
      <PageHeader title="Nieuwe organisatie" />
      <OrganisationForm formError={formError} fieldErrors={fieldErrors} submitLabel="Organisatie toevoegen" />
    </div>
  );
}
