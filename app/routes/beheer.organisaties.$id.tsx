import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { getOrganisationForAdmin, setOrganisationActive, updateOrganisation } from "~/domain/directory.server";
import { notFound } from "~/domain/errors";
import { assertCanAdminister } from "~/domain/policy.server";
import { organisationSchema, personActiveSchema } from "~/shared/schemas";
import { formAction, page, readForm, requireActor } from "~/utils/request.server";
import { Csrf, Notice, PageHeader, errorsOf } from "~/components/ui";
import { OrganisationForm } from "~/components/OrganisationForm";

export const meta: MetaFunction = () => [{ title: "Organisatie bewerken · Beheer · Ketenportaal Zaanstad" }];

function orgId(params: { id?: string }): number {
  const id = Number(params.id);
  if (!Number.isInteger(id) || id <= 0) throw notFound("Deze organisatie bestaat niet.");
  return id;
}

export const loader = page(({ request, params }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  const org = getOrganisationForAdmin(actor, orgId(params));
  return { org, isOwn: org.id === actor.organisationId, peopleCount: org.peopleCount };
});

export const action = formAction(async ({ request, params }: ActionFunctionArgs) => {
  const actor = requireActor(request);
  assertCanAdminister(actor);
  const id = orgId(params);
  if (new URL(request.url).searchParams.get("intent") === "active") {
    const { value } = await readForm(request, personActiveSchema);
    setOrganisationActive({ actor, id, active: value.active });
  } else {
    const { value } = await readForm(request, organisationSchema);
    updateOrganisation({ actor, id, ...value });
  }
  return redirect(`/beheer/organisaties/${id}?opgeslagen=1`);
});

export default function OrganisatieBewerken() {
  const { org, isOwn, peopleCount } = useLoaderData<typeof loader>();
  const { formError, fieldErrors } = errorsOf(useActionData<typeof action>());
  const [params] = useSearchParams();
  return (
    <div>
      <PageHeader title={org.name} lead={org.active ? `Actief · ${peopleCount} actieve medewerkers` : "Gedeactiveerd"}>
        {org.active ? <Link to={`/organisaties/${org.slug}`}>Openbare pagina</Link> : null}
      </PageHeader>
      {params.get("opgeslagen") ? <Notice tone="success">De wijziging is opgeslagen en staat in het auditlog.</Notice> : null}
      <OrganisationForm org={org} formError={formError} fieldErrors={fieldErrors} submitLabel="Wijzigingen opslaan" />
      <h2>Status</h2>
      {isOwn ? (
        <p className="meta">U kunt uw eigen organisatie niet deactiveren.</p>
      ) : (
        <Form method="post" action="?intent=active">
          <Csrf />
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
