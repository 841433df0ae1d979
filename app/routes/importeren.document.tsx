import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ketensForNewDocument } from "~/domain/documents/documents.server";
import { importWordDocument } from "~/domain/documents/word-import.server";
import { forbidden } from "~/domain/errors";
import { KIND_LABELS } from "~/shared/documents";
import { megabytes, wordDocumentSchema } from "~/shared/word-import";
import { formAction, intent } from "~/http/action.server";
import { page, requireActor } from "~/http/request.server";
import { env } from "~/utils/env.server";
import { Csrf, Field, FormError, PageHeader } from "~/components/ui";
import { Select, refusalFor } from "~/components/forms";
import { WordFileField, WordSubmit, WordSummary, importDone } from "~/components/word/WordImport";

export const meta: MetaFunction = () => [{ title: "Document uit Word · Ketenportaal Zaanstad" }];

export const loader = page(({ request }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  const options = ketensForNewDocument(actor);
  if (!options.portalWide && options.ketens.length === 0) throw forbidden("U kunt geen documenten aanmaken.");
  return { ...options, kinds: Object.entries(KIND_LABELS), maxBytes: env().WORD_IMPORT_MAX_BYTES };
});

export const action = formAction({
  import: intent({
    schema: wordDocumentSchema,
    async run({ actor, value, files }) {
      const file = files.file ? { name: files.file.name, bytes: new Uint8Array(await files.file.arrayBuffer()) } : null;
      const done = await importWordDocument({
        actor,
        title: value.title,
        kind: value.kind,
        ketenId: value.keten === "portaal" ? null : Number(value.keten),
        summary: value.summary,
        file,
      });
      return { ok: true as const, ...done };
    },
  }),
});

export default function DocumentUitWord() {
  const { ketens, portalWide, kinds, maxBytes } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { formError, fieldErrors, values } = refusalFor(result);
  const done = importDone(result);
  return (
    <div className="page narrow">
      <PageHeader
        title="Document uit Word"
        lead="Maak een nieuw levend document van een Word-bestand. Koppen, alinea's, lijsten, vet en cursief, links en tabellen worden overgenomen; het document begint als concept."
      />
      {done ? (
        <WordSummary blocks={done.blocks} dropped={done.dropped}>
          <p>
            <Link to={`/documenten/${done.slug}/bewerken`}>Verder bewerken in het portaal</Link>
          </p>
        </WordSummary>
      ) : null}
      <FormError message={formError} />
      <Form method="post" encType="multipart/form-data" noValidate>
        <Csrf />
        <WordFileField error={fieldErrors.file} hint={`Een .docx-bestand van maximaal ${megabytes(maxBytes)}. Een oud .doc-bestand slaat u eerst in Word op als .docx.`} />
        <Field schema={wordDocumentSchema} label="Titel" name="title" markOptional hint="Leeg laten: de bestandsnaam wordt de titel." defaultValue={values.title} error={fieldErrors.title} />
        <Select label="Soort" name="kind" required defaultValue={values.kind ?? "werkafspraken"} options={kinds.map(([value, label]) => ({ value, label }))} error={fieldErrors.kind} />
        <Select
          label="Keten"
          name="keten"
          required
          hint="De regisseur van de keten wordt eigenaar; redacteuren van de organisaties in de keten kunnen meeschrijven."
          defaultValue={values.keten ?? (ketens[0] ? String(ketens[0].id) : "portaal")}
          options={[...ketens.map((k) => ({ value: String(k.id), label: k.name })), ...(portalWide ? [{ value: "portaal", label: "Het hele portaal (geen keten)" }] : [])]}
          error={fieldErrors.keten}
        />
        <Field schema={wordDocumentSchema} label="Korte omschrijving" name="summary" multiline rows={3} defaultValue={values.summary} error={fieldErrors.summary} />
        <WordSubmit label="Word-bestand overnemen" />
      </Form>
    </div>
  );
}
