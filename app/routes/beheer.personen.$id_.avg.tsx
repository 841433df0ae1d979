// AVG requests for one person: the export (JSON and readable HTML) and removal on request.
import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { exportPerson, removePerson } from "~/domain/avg/avg.server";
import { assertCanAdminister } from "~/domain/policy.server";
import { plural } from "~/shared/plural";
import { formAction, intent } from "~/http/action.server";
import { idParam } from "~/http/ids.server";
import { page, requireActor } from "~/http/request.server";
import { Notice, PageHeader } from "~/components/ui";
import { Csrf, FormError, refusalFor } from "~/components/forms";

export const meta: MetaFunction = () => [{ title: "AVG-verzoek · Beheer · Ketenportaal Zaanstad" }];

const personId = (params: { id?: string }) => idParam(params, "id", "Deze persoon bestaat niet.");

export const loader = page(({ request, params }: LoaderFunctionArgs) => {
  const e = exportPerson({ actor: requireActor(request), personId: personId(params) });
  return {
    id: e.profile.id,
    name: e.profile.name,
    organisation: e.profile.organisation,
    removedAt: e.profile.removedAt,
    counts: { comments: e.comments.length, signals: e.signalsReported.length, audit: e.auditEntries.length },
  };
});

const removeSchema = z.object({ confirm: z.literal("verwijderen", { errorMap: () => ({ message: "Typ het woord verwijderen om te bevestigen." }) }) });

export const action = formAction(
  {
    remove: intent({
      schema: removeSchema,
      run({ actor, params }) {
        const id = personId(params);
        removePerson({ actor, personId: id });
        return redirect(`/beheer/personen/${id}/avg?verwijderd=1`);
      },
    }),
  },
  { authorize: assertCanAdminister },
);

export default function AvgVerzoek() {
  const p = useLoaderData<typeof loader>();
  const { formError, fieldErrors } = refusalFor(useActionData<typeof action>());
  return (
    <div>
      <PageHeader title={`AVG-verzoek: ${p.name}`} lead={`Inzage in of verwijdering van alle gegevens van deze persoon (${p.organisation}).`} />
      {p.removedAt ? <Notice tone="success">Deze persoon is verwijderd. Bijdragen staan nu op naam van {p.organisation}.</Notice> : null}
      <h2>Inzage</h2>
      <p>
        Het portaal bewaart van deze persoon {plural(p.counts.comments, "reactie", "reacties")}, {plural(p.counts.signals, "gemeld signaal", "gemelde signalen")} en {plural(p.counts.audit, "regel", "regels")} in het auditlog, naast het profiel en de rollen.
      </p>
      <ul>
        <li>
          <a href={`/beheer/personen/${p.id}/avg.html`}>Leesbaar overzicht (HTML)</a>
        </li>
        <li>
          <a href={`/beheer/personen/${p.id}/avg.json`}>Alle gegevens (JSON)</a>
        </li>
      </ul>
      {p.removedAt ? null : (
        <>
          <h2>Verwijderen op verzoek</h2>
          <p>
            Het account wordt verwijderd: inloggen kan niet meer, naam en e-mailadres zijn weg. Reacties en signalen blijven bestaan op naam van {p.organisation}. Het auditlog
            legt vast wie deze persoon verwijderde.
          </p>
          <FormError message={formError} />
          <Form method="post">
            <Csrf />
            <label htmlFor="confirm">Typ &quot;verwijderen&quot; om te bevestigen</label>
            <input id="confirm" name="confirm" autoComplete="off" aria-invalid={fieldErrors.confirm ? true : undefined} aria-describedby={fieldErrors.confirm ? "confirm-error" : undefined} />
            {fieldErrors.confirm ? (
              <p id="confirm-error" className="field-error">
                {fieldErrors.confirm}
              </p>
            ) : null}
            <button type="submit" className="danger">
              Persoon verwijderen
            </button>
          </Form>
        </>
      )}
    </div>
  );
}
