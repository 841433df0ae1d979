import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { newProposalSchema } from "~/domain/consultation/forms";
import { createProposal, documentsForNewProposal } from "~/domain/consultation/proposals.server";
import { forbidden } from "~/domain/errors";
import { formAction, intent } from "~/http/action.server";
import { page, requireActor } from "~/http/request.server";
import { Csrf, Field, FormError, Notice, PageHeader } from "~/components/ui";
import { refusalFor } from "~/components/forms";
import { Select } from "~/components/forms";

export const meta: MetaFunction = () => [{ title: "Nieuw wijzigingsvoorstel · Ketenportaal Zaanstad" }];

export const loader = page(({ request }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  const documents = documentsForNewProposal(actor);
  if (!documents.length) throw forbidden("Alleen de regisseur van een keten kan een wijzigingsvoorstel starten voor de documenten van die keten.");
  return { documents, selected: new URL(request.url).searchParams.get("document") ?? "" };
});

export const action = formAction({
  create: intent({
    schema: newProposalSchema,
    run({ actor, value }) {
      const { id } = createProposal({ actor, documentSlug: value.document, title: value.title });
      return redirect(`/wijzigingen/${id}?gedaan=aangemaakt`);
    },
  }),
});

export default function NieuwVoorstel() {
  const { documents, selected } = useLoaderData<typeof loader>();
  const { formError, fieldErrors } = refusalFor(useActionData<typeof action>());
  const available = documents.filter((d) => d.published && !d.running);
  const busy = documents.filter((d) => d.running);
  return (
    <div className="page narrow">
      <PageHeader
        title="Nieuw wijzigingsvoorstel"
        lead="Een voorstel begint als concept met een kopie van de geldende tekst. Daarna bewerkt u de tekst, beschrijft u waarom, kiest u wie het raakt en zet u de tijdlijn klaar."
      />
      {busy.length ? (
        <Notice>
          <p>Per document loopt één voorstel tegelijk, zodat er één lezing van de tekst blijft. Nu lopen:</p>
          <ul>
            {busy.map((d) => (
              <li key={d.slug}>
                {d.title}: <Link to={`/wijzigingen/${d.running?.id}`}>{d.running?.title}</Link>
              </li>
            ))}
          </ul>
        </Notice>
      ) : null}
      <Form method="post" noValidate>
        <Csrf />
        <FormError message={formError} />
        <Select
          label="Document"
          name="document"
          required
          defaultValue={available.some((d) => d.slug === selected) ? selected : ""}
          error={fieldErrors.document}
          options={[{ value: "", label: "Kies een document" }, ...available.map((d) => ({ value: d.slug, label: d.title }))]}
        />
        <Field label="Titel van het voorstel" name="title" required maxLength={200} error={fieldErrors.title} hint="Zeg in één zin wat er verandert, bijvoorbeeld: startgesprekken voortaan door Werkom." />
        <button type="submit">Concept aanmaken</button>
      </Form>
    </div>
  );
}
