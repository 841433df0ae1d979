import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { createDocument, ketensForNewDocument } from "~/domain/documents/documents.server";
import { KIND_LABELS } from "~/shared/documents";
import { forbidden } from "~/domain/errors";
import { newDocumentSchema } from "~/shared/document-forms";
import { formAction, intent } from "~/http/action.server";
import { page, requireActor } from "~/http/request.server";
import { Csrf, Field, FormError, PageHeader } from "~/components/ui";
import { Select, refusalFor } from "~/components/forms";

export const meta: MetaFunction = () => [{ title: "Nieuw document · Ketenportaal Zaanstad" }];

export const loader = page(({ request }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  const options = ketensForNewDocument(actor);
  if (!options.portalWide && options.ketens.length === 0) throw forbidden("U kunt geen documenten aanmaken.");
  return { ...options, kinds: Object.entries(KIND_LABELS) };
});

export const action = formAction({
  create: intent({
    schema: newDocumentSchema,
    run({ actor, value }) {
      const doc = createDocument({
        actor,
        title: value.title,
        kind: value.kind,
        ketenId: value.keten === "portaal" ? null : Number(value.keten),
        summary: value.summary,
      });
      return redirect(`/documenten/${doc.slug}/bewerken`);
    },
  }),
});

export default function NieuwDocument() {
  const { ketens, portalWide, kinds } = useLoaderData<typeof loader>();
  const { formError, fieldErrors } = refusalFor(useActionData<typeof action>());
  const busy = useNavigation().state === "submitting";
  return (
    <div className="page narrow">
      <PageHeader title="Nieuw document" lead="Het document begint als concept. Redacteuren kunnen het meteen samen bewerken; lezers zien het pas na publicatie." />
      <p>
        Heeft u de tekst al in Word? <Link to="/importeren/document">Maak het document van een Word-bestand</Link>.
      </p>
      <FormError message={formError} />
      <Form method="post" noValidate>
        <Csrf />
        <Field schema={newDocumentSchema} label="Titel" name="title" error={fieldErrors.title} />
        <Select label="Soort" name="kind" required defaultValue="werkafspraken" options={kinds.map(([value, label]) => ({ value, label }))} error={fieldErrors.kind} />
        <Select
          label="Keten"
          name="keten"
          required
          hint="De regisseur van de keten wordt eigenaar; redacteuren van de organisaties in de keten kunnen meeschrijven."
          defaultValue={ketens[0] ? String(ketens[0].id) : "portaal"}
          options={[...ketens.map((k) => ({ value: String(k.id), label: k.name })), ...(portalWide ? [{ value: "portaal", label: "Het hele portaal (geen keten)" }] : [])]}
          error={fieldErrors.keten}
        />
        <Field schema={newDocumentSchema} label="Korte omschrijving" name="summary" multiline rows={3} error={fieldErrors.summary} />
        <button type="submit" disabled={busy}>
          {busy ? "Bezig…" : "Document aanmaken"}
        </button>
      </Form>
    </div>
  );
}
