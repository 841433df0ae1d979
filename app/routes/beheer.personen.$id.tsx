import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams, type Params } from "@remix-run/react";
import { getPersonForAdmin, listOrganisations, setPersonActive, updatePerson } from "~/domain/directory.server";
import { personActiveSchema, personSchema } from "~/shared/schemas";
import { formAction, intent } from "~/http/action.server";
import { idParam } from "~/http/ids.server";
import { page, requireActor } from "~/http/request.server";
import { Notice, PageHeader } from "~/components/ui";
import { Csrf, FormError, Intent, PageRefusal, refusalFor } from "~/components/forms";
import { PersonForm } from "~/components/PersonForm";
import { assertCanAdminister } from "~/domain/policy.server";
import { deactivatePerson, openWorkOf, successorsFor } from "~/domain/deactivation.server";
import { DeactivateConfirm } from "~/components/beheer/DeactivateConfirm";
import { z } from "zod";
import { idSchema } from "~/shared/ids";

const deactivateSchema = z.object({ to: z.preprocess((v) => (v === "" ? undefined : v), idSchema("Kies een persoon uit de lijst.").optional()) });

export const meta: MetaFunction = () => [{ title: "Persoon bewerken · Beheer · Ketenportaal Zaanstad" }];

const personId = (params: Params) => idParam(params, "id", "Deze persoon bestaat niet.");

export const loader = page(({ request, params }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  const person = getPersonForAdmin(actor, personId(params));
  return {
    person,
    organisations: listOrganisations().map((o) => ({ id: o.id, name: o.name })),
    isSelf: person.id === actor.id,
    // The confirmation step (?deactiveren=1): open work and who can take it over.
    confirm:
      person.active && person.id !== actor.id && new URL(request.url).searchParams.get("deactiveren") === "1"
        ? { work: openWorkOf(actor, person.id), successors: successorsFor(actor, person.id) }
        : null,
  };
});

export const action = formAction(
  {
    save: intent({
      schema: personSchema,
      async run({ actor, value, params }) {
        const id = personId(params);
        await updatePerson({ actor, id, ...value });
        return redirect(`/beheer/personen/${id}?opgeslagen=1`);
      },
    }),
    active: intent({
      schema: personActiveSchema,
      run({ actor, value, params }) {
        const id = personId(params);
        // Deactivating asks for confirmation first (and offers to hand the open work over).
        if (!value.active) return redirect(`/beheer/personen/${id}?deactiveren=1#deactiveren`);
        setPersonActive({ actor, id, active: true });
        return redirect(`/beheer/personen/${id}?opgeslagen=1`);
      },
    }),
    deactivate: intent({
      schema: deactivateSchema,
      run({ actor, value, params }) {
        const id = personId(params);
        deactivatePerson({ actor, id, to: value.to ?? null });
        return redirect(`/beheer/personen/${id}?opgeslagen=1`);
      },
    }),
  },
  { authorize: assertCanAdminister, defaultIntent: "save" },
);

export default function PersoonBewerken() {
  const { person, organisations, isSelf, confirm } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { formError, fieldErrors } = refusalFor(result, "save");
  const [params] = useSearchParams();
  return (
    <div>
      <PageHeader title={person.name} lead={`${person.organisationName} · ${person.active ? "actief" : "gedeactiveerd"}`} />
      <PageRefusal result={result} shownBy={isSelf ? ["save"] : ["save", "active", "deactivate"]} />
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
      ) : confirm ? (
        <DeactivateConfirm personId={person.id} name={person.name} work={confirm.work} successors={confirm.successors} {...refusalFor(result, "deactivate")} />
      ) : (
        <Form method="post">
          <Csrf />
          <Intent value="active" />
          <FormError message={refusalFor(result, "active").formError} />
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
