import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { KIND_LABELS, createDocument, ketensForNewDocument } from "~/domain/documents/documents.server";
import { forbidden } from "~/domain/errors";
import { newDocumentSchema } from "~/shared/document-forms";
import { formAction, page, readForm, requireActor } from "~/utils/request.server";
import { Csrf, Field, FormError, PageHeader, errorsOf } from "~/components/ui";

export const meta: MetaFunction = () => [{ title: "Nieuw document · Ketenportaal Zaanstad" }];

export const loader = page(({ request }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  const options = ketensForNewDocument(actor);
  if (!options.portalWide && options.ketens.length === 0) throw forbidden("U kunt geen documenten aanmaken.");
  return { ...options, kinds: Object.entries(KIND_LABELS) };
});

export const action = formAction(async ({ request }: ActionFunctionArgs) => {
  const actor = requireActor(request);
  const { value } = await readForm(request, newDocumentSchema);
  const doc = createDocument({
    actor,
    title: value.title,
    kind: value.kind,
    ketenId: value.keten === "portaal" ? null : Number(value.keten),
    summary: value.summary,
  });
  return redirect(`/documenten/${doc.slug}/bewerken`);
});

export default function NieuwDocument() {
  const { ketens, portalWide, kinds } = useLoaderData<typeof loader>();
  const { formError, fieldErrors } = errorsOf(useActionData<typeof action>());
  const busy = useNavigation().state === "submitting";
  return (
    <div className="page narrow">
      <PageHeader title="Nieuw document" lead="Het document begint als concept. Redacteuren kunnen het meteen samen bewerken; lezers zien het pas na publicatie." />
      <FormError message={formError} />
      <Form method="post" noValidate>
        <Csrf />
        <Field label="Titel" name="title" required maxLength={120} error={fieldErrors.title} />
        <div className={`field${fieldErrors.kind ? " field-error" : ""}`}>
          <label htmlFor="veld-kind">
            Soort<span className="required"> (verplicht)</span>
          </label>
          {fieldErrors.kind ? (
            <p className="error-text" id="veld-kind-fout">
              {fieldErrors.kind}
            </p>
          ) : null}
          <select id="veld-kind" name="kind" defaultValue="werkafspraken" aria-describedby={fieldErrors.kind ? "veld-kind-fout" : undefined}>
            {kinds.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className={`field${fieldErrors.keten ? " field-error" : ""}`}>
          <label htmlFor="veld-keten">
            Keten<span className="required"> (verplicht)</span>
          </label>
          <p className="hint" id="veld-keten-hint">
            De regisseur van de keten wordt eigenaar; redacteuren van de organisaties in de keten kunnen meeschrijven.
          </p>
          {fieldErrors.keten ? (
            <p className="error-text" id="veld-keten-fout">
              {fieldErrors.keten}
            </p>
          ) : null}
          <select
            id="veld-keten"
            name="keten"
            defaultValue={ketens[0] ? String(ketens[0].id) : "portaal"}
            aria-describedby={["veld-keten-hint", fieldErrors.keten ? "veld-keten-fout" : ""].filter(Boolean).join(" ")}
          >
            {ketens.map((k) => (
              <option key={k.id} value={k.id}>
                {k.name}
              </option>
            ))}
            {portalWide ? <option value="portaal">Het hele portaal (geen keten)</option> : null}
          </select>
        </div>
        <Field label="Korte omschrijving" name="summary" multiline rows={3} maxLength={300} error={fieldErrors.summary} />
        <button type="submit" disabled={busy}>
          {busy ? "Bezig…" : "Document aanmaken"}
        </button>
      </Form>
    </div>
  );
}
