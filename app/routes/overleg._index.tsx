import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { createOverleg, ketensForNewOverleg } from "~/domain/overleg/manage.server";
import { listOverleggen } from "~/domain/overleg/overleg.server";
import { formAction, intent } from "~/http/action.server";
import { page, requireActor } from "~/http/request.server";
import { OVERLEG_KIND_LABELS } from "~/shared/overleg";
import { newOverlegSchemas } from "~/shared/overleg-forms";
import { Csrf, Field, FormError, Intent, Select, refusalFor } from "~/components/forms";
import { EmptyState, PageHeader } from "~/components/ui";

export const meta: MetaFunction = () => [{ title: "Overleg · Ketenportaal Zaanstad" }];

export const loader = page(({ request }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  return { overleggen: listOverleggen({ actor }), ketens: ketensForNewOverleg(actor) };
});

export const action = formAction({
  nieuw: intent({
    schema: newOverlegSchemas.nieuw,
    run({ actor, value }) {
      const id = createOverleg({ actor, ketenId: value.ketenId, name: value.name, kind: value.kind, rhythm: value.rhythm, description: value.description, chairId: value.chairId });
      return redirect(`/overleg/${id}/instellingen?opgeslagen=nieuw`);
    },
  }),
});

const KINDS = Object.entries(OVERLEG_KIND_LABELS).map(([value, label]) => ({ value, label }));

export default function Overleggen() {
  const { overleggen, ketens } = useLoaderData<typeof loader>();
  const add = refusalFor(useActionData<typeof action>(), "nieuw");
  const schema = newOverlegSchemas.nieuw;
  return (
    <div>
      <PageHeader title="Overleg" lead="De vaste overleggen van de ketens: agenda, verslag, besluitenlijst en acties. U ziet de overleggen van de ketens waar uw organisatie aan deelneemt." />
      {overleggen.length ? (
        <ul className="cards">
          {overleggen.map((o) => (
            <li key={o.id} className="card">
              <h2 className="h3">
                <Link to={`/overleg/${o.id}`}>{o.name}</Link>
              </h2>
              <p>{o.kindLabel}</p>
              <p className="hint">
                Keten <Link to={`/ketens/${o.ketenSlug}`}>{o.ketenName}</Link>
                {o.rhythm ? ` · ${o.rhythm}` : ""}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState>Er zijn geen overleggen die u kunt inzien.</EmptyState>
      )}
      {ketens.length ? (
        <section aria-labelledby="kop-nieuw-overleg">
          <h2 id="kop-nieuw-overleg">Nieuw overleg</h2>
          <p className="hint">Daarna kiest u de voorzitter en de leden.</p>
          <Form method="post" noValidate>
            <Csrf />
            <Intent value="nieuw" />
            <FormError message={add.formError} fieldErrors={add.fieldErrors} />
            <Select label="Keten" name="ketenId" required placeholder="Kies een keten" options={ketens.map((k) => ({ value: String(k.id), label: k.name }))} defaultValue={add.values.ketenId ?? (ketens.length === 1 ? String(ketens[0].id) : "")} error={add.fieldErrors.ketenId} />
            <Field label="Naam" name="name" schema={schema} defaultValue={add.values.name ?? ""} error={add.fieldErrors.name} />
            <Select label="Soort" name="kind" required placeholder="Kies een soort" options={KINDS} defaultValue={add.values.kind ?? ""} error={add.fieldErrors.kind} />
            <Field label="Ritme" name="rhythm" schema={schema} markOptional hint="Bijvoorbeeld: elke zes weken" defaultValue={add.values.rhythm ?? ""} error={add.fieldErrors.rhythm} />
            <Field label="Omschrijving" name="description" schema={schema} multiline rows={3} markOptional defaultValue={add.values.description ?? ""} error={add.fieldErrors.description} />
            <button type="submit">Overleg aanmaken</button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
