import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { NOT_FOUND_MESSAGE } from "~/domain/consultation/access.server";
import { getTextEditorPage } from "~/domain/consultation/view.server";
import { importWordIntoProposal } from "~/domain/documents/word-import.server";
import { megabytes, wordProposalSchema } from "~/shared/word-import";
import { formAction, intent } from "~/http/action.server";
import { idParam } from "~/http/ids.server";
import { page, requireActor } from "~/http/request.server";
import { env } from "~/utils/env.server";
import { Csrf, FormError } from "~/components/ui";
import { refusalFor } from "~/components/forms";
import { ProposalHeader } from "~/components/consultation/ui";
import { WordFileField, WordSubmit, WordSummary, importDone } from "~/components/word/WordImport";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Tekst uit Word: ${data?.proposal.title ?? "voorstel"} · Ketenportaal Zaanstad` }];

export const loader = page(({ request, params }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  const { proposal, document, can } = getTextEditorPage({ actor, id: idParam(params, "id", NOT_FOUND_MESSAGE) });
  return { proposal, document, can, maxBytes: env().WORD_IMPORT_MAX_BYTES };
});

export const action = formAction({
  import: intent({
    schema: wordProposalSchema,
    async run({ actor, params, files }) {
      const id = idParam(params, "id", NOT_FOUND_MESSAGE);
      const file = files.file ? { name: files.file.name, bytes: new Uint8Array(await files.file.arrayBuffer()) } : null;
      return { ok: true as const, ...(await importWordIntoProposal({ actor, id, file })) };
    },
  }),
});

export default function VoorstelUitWord() {
  const { proposal, document, can, maxBytes } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { formError, fieldErrors } = refusalFor(result);
  const done = importDone(result);
  return (
    <div>
      <ProposalHeader proposal={proposal} document={document} canEditText canManage={can.manage} />
      <h2>Voorgestelde tekst uit Word</h2>
      <p className="lead">
        De voorgestelde tekst wordt vervangen door de tekst van het Word-bestand, als één wijziging: wie de tekst nu bewerkt, ziet de nieuwe tekst meteen en werkt daarop verder. De
        redline laat het verschil met de geldende versie zien.
      </p>
      {done ? (
        <WordSummary blocks={done.blocks} dropped={done.dropped}>
          <p>
            <Link to={`/wijzigingen/${proposal.id}/tekst`}>Verder bewerken</Link> · <Link to={`/wijzigingen/${proposal.id}`}>Bekijk de redline</Link>
          </p>
        </WordSummary>
      ) : null}
      <FormError message={formError} />
      <Form method="post" encType="multipart/form-data" noValidate>
        <Csrf />
        <WordFileField error={fieldErrors.file} hint={`Een .docx-bestand van maximaal ${megabytes(maxBytes)}, bijvoorbeeld de geldende tekst die u in Word heeft aangepast.`} />
        <WordSubmit label="Tekst vervangen door het Word-bestand" />
      </Form>
    </div>
  );
}
