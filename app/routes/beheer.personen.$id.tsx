import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { getPersonForAdmin, listOrganisations, setPersonActive, updatePerson } from "~/domain/directory.server";
import { notFound } from "~/domain/errors";
import { personActiveSchema, personSchema } from "~/shared/schemas";
import { formAction, page, readForm, requireActor } from "~/utils/request.server";
import { Csrf, Notice, PageHeader, errorsOf } from "~/components/ui";
import { PersonForm } from "~/components/PersonForm";
import { assertCanAdminister } from "~/domain/policy.server";

export const meta: MetaFunction = () => [{ title: "Persoon bewerken · Beheer · Ketenportaal Zaanstad" }];

function personId(params: { id?: string }): number {
  const id = Number(params.id);
  if (!Number.isInteger(id) || id <= 0) throw notFound("Deze persoon bestaat niet.");
  return id;
}

export const loader = page(({ request, params }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  const person = getPersonForAdmin(actor, personId(params));
  return {
    person,
    organisations: listOrganisations().map((o) => ({ id: o.id, name: o.name })),
    isSelf: person.id === actor.id,
  };
});

export const action = formAction(async ({ request, params }: ActionFunctionArgs) => {
  const actor = requireActor(request);
  assertCanAdminister(actor);
  const id = personId(params);
  const intent = new URL(request.url).searchParams.get("intent");
  if (intent === "active") {
    const { value } = await readForm(request, personActiveSchema);
    setPersonActive({ actor, id, active: value.active });
    return redirect(`/beheer/personen/${id}?opgeslagen=1`);
  }
  const { value } = await readForm(request, personSchema.extend({ intent: z.string().optional() }));
  await updatePerson({ actor, id, ...value });
  return redirect(`/beheer/personen/${id}?opgeslagen=1`);
});

export default function PersoonBewerken() {
  const { person, organisations, isSelf } = useLoaderData<typeof loader>();
  const { formError, fieldErrors } = errorsOf(useActionData<typeof action>());
  const [params] = useSearchParams();
  return (
    <div>
      <PageHeader title={person.name} lead={`${person.organisationName} · ${person.active ? "actief" : "gedeactiveerd"}`} />
      {params.get("opgeslagen") ? <Notice tone="success">De wijziging is opgeslagen en staat in het auditlog.</Notice> : null}
      <PersonForm
        organisations={organisations}
        person={person}
        formError={formError}
        fieldErrors={fieldErrors}
        submitLabel="Wijzigingen opslaan"
        passwordHint="Laat leeg om het huidige wachtwoord te houden. Een nieuw wachtwoord heeft minstens 10 tekens."
      />
      <h2>Account</h2>
      {isSelf ? (
        <p className="meta">U kunt uw eigen account niet deactiveren.</p>
      ) : (
        <Form method="post" action="?intent=active">
          <Csrf />
          {person.active ? (
            <>
              <p>Deactiveren beëindigt direct alle sessies van deze persoon. Wat de persoon schreef, blijft bewaard.</p>
              <button type="submit" className="button-danger">
                Deactiveren
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
