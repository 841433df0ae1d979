import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams, type Params } from "@remix-run/react";
import { getOrganisationForAdmin, setOrganisationActive, updateOrganisation } from "~/domain/directory.server";
import { assertCanAdminister } from "~/domain/policy.server";
import { organisationSchema, personActiveSchema } from "~/shared/schemas";
import { formAction, intent } from "~/http/action.server";
import { idParam } from "~/http/ids.server";
import { page, requireActor } from "~/http/request.server";
import { Notice, PageHeader } from "~/components/ui";
import { Csrf, FormError, Intent, PageRefusal, refusalFor } from "~/components/forms";
import { plural } from "~/shared/plural";
import { OrganisationForm } from "~/components/OrganisationForm";

export const meta: MetaFunction = () => [{ title: "Organisatie bewerken · Beheer · Ketenportaal Zaanstad" }];

const orgId = (params: Params) => idParam(params, "id", "Deze organisatie bestaat niet.");

export const loader = page(({ request, params }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  const org = getOrganisationForAdmin(actor, orgId(params));
  return { org, isOwn: org.id === actor.organisationId, peopleCount: org.peopleCount };
});

export const action = formAction(
  {
    save: intent({
      schema: organisationSchema,
      run({ actor, value, params }) {
        const id = orgId(params);
        updateOrganisation({ actor, id, ...value });
        return redirect(`/beheer/organisaties/${id}?opgeslagen=1`);
      },
    }),
    active: intent({
      schema: personActiveSchema,
      run({ actor, value, params }) {
        const id = orgId(params);
        setOrganisationActive({ actor, id, active: value.active });
        return redirect(`/beheer/organisaties/${id}?opgeslagen=1`);
      },
    }),
  },
  { authorize: assertCanAdminister, defaultIntent: "save" },
);

export default function OrganisatieBewerken() {
  const { org, isOwn, peopleCount } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { formError, fieldErrors } = refusalFor(result, "save");
  const [params] = useSearchParams();
  return (
    <div>
      <PageHeader title={org.name} lead={org.active ? `Actief · ${plural(peopleCount, "actieve medewerker", "actieve medewerkers")}` : "Gedeactiveerd"}>
        {org.active ? <Link to={`/organisaties/${org.slug}`}>Openbare pagina</Link> : null}{" "}
        <Link to={`/beheer/organisaties/${org.id}/inlogdienst`}>Inlogdienst (SSO)</Link>
      </PageHeader>
      <PageRefusal result={result} shownBy={isOwn ? ["save"] : ["save", "active"]} />
      {params.get("opgeslagen") ? <Notice tone="success">De wijziging is opgeslagen en staat in het auditlog.</Notice> : null}
      <OrganisationForm org={org} formError={formError} fieldErrors={fieldErrors} submitLabel="Wijzigingen opslaan" />
      <h2>Status</h2>
      {isOwn ? (
        <p className="meta">U kunt uw eigen organisatie niet deactiveren.</p>
      ) : (
        <Form method="post">
          <Csrf />
          <Intent value="active" />
          <FormError message={refusalFor(result, "active").formError} />
          {org.active ? (
            <>
              <p>Deactiveren beëindigt de sessies van alle medewerkers van deze organisatie; zij kunnen niet meer inloggen.</p>
              <button type="submit" className="button-danger">
                Organisatie deactiveren
              </button>
            </>
          ) : (
            <>
              <input type="hidden" name="active" value="on" />
              <button type="submit">Weer activeren</button>
            </>
          )}
        </Form>
      )}
    </div>
  );
}
