import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { getOrganisationForAdmin } from "~/domain/directory.server";
import { getProviderForOrganisation, saveProvider } from "~/domain/auth/sso.server";
import { providerSchema } from "~/domain/auth/forms";
import { assertCanAdminister } from "~/domain/policy.server";
import { idParam } from "~/http/ids.server";
import { formAction, intent } from "~/http/action.server";
import { page, requireActor } from "~/http/request.server";
import { Notice, PageHeader } from "~/components/ui";
import { refusalFor } from "~/components/forms";
import { ProviderForm } from "~/components/auth/ProviderForm";

export const meta: MetaFunction = () => [{ title: "Inlogdienst · Beheer · Ketenportaal Zaanstad" }];

const orgId = (params: { id?: string }) => idParam(params, "id", "Deze organisatie bestaat niet.");

export const loader = page(({ request, params }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  const org = getOrganisationForAdmin(actor, orgId(params));
  const p = getProviderForOrganisation({ actor, organisationId: org.id });
  // The secret never leaves the server.
  const values = p
    ? { issuer: p.issuer, clientId: p.clientId, hasSecret: true, domains: p.domains.split(",").join(", "), provision: p.provision, provisionRole: p.provisionRole, active: p.active }
    : null;
  return { org: { id: org.id, name: org.name }, values };
});

export const action = formAction(
  {
    save: intent({
      schema: providerSchema,
      async run({ actor, value, params }) {
        const id = orgId(params);
        getOrganisationForAdmin(actor, id);
        saveProvider({ actor, organisationId: id, ...value });
        return redirect(`/beheer/organisaties/${id}/inlogdienst?opgeslagen=1`);
      },
    }),
  },
  { authorize: assertCanAdminister },
);

export default function Inlogdienst() {
  const { org, values } = useLoaderData<typeof loader>();
  const { formError, fieldErrors } = refusalFor(useActionData<typeof action>());
  const [params] = useSearchParams();
  return (
    <div>
      <PageHeader title={`Inlogdienst van ${org.name}`} lead="Medewerkers van deze organisatie loggen in met het account van hun organisatie (OpenID Connect).">
        <Link to={`/beheer/organisaties/${org.id}`}>Terug naar de organisatie</Link>
      </PageHeader>
      {params.get("opgeslagen") ? <Notice tone="success">De inlogdienst is opgeslagen en staat in het auditlog.</Notice> : null}
      <p>
        Registreer Ketenportaal bij de dienst met als redirect-URI <code>/login/sso/callback</code> op het adres van het portaal, en als adres na
        uitloggen <code>/login</code>.
      </p>
      <ProviderForm values={values} formError={formError} fieldErrors={fieldErrors} />
    </div>
  );
}
