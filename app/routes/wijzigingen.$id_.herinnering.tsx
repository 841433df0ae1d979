// The owner sends a reminder by hand to the invited organisations that have not responded.
import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { NOT_FOUND_MESSAGE } from "~/domain/consultation/access.server";
import { reminderPage, reminderSentText, remindNonResponders } from "~/domain/consultation/manual-reminder.server";
import { reminderSchema } from "~/shared/document-forms";
import { formAction, intent } from "~/http/action.server";
import { idParam } from "~/http/ids.server";
import { page, requireActor } from "~/http/request.server";
import { Csrf, Field, FormError, Intent, refusalFor } from "~/components/forms";
import { EmptyState, Notice, PageHeader, formatDate } from "~/components/ui";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Herinnering: ${data?.proposal.title ?? "voorstel"} · Ketenportaal Zaanstad` }];

export const loader = page(({ request, params }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  const q = new URL(request.url).searchParams;
  const count = (k: string) => Number(/^[0-9]{1,6}$/.test(q.get(k) ?? "") ? q.get(k) : NaN);
  const sent = Number.isFinite(count("organisaties")) && Number.isFinite(count("personen")) ? reminderSentText({ organisations: count("organisaties"), people: count("personen") }) : null;
  return { ...reminderPage({ actor, id: idParam(params, "id", NOT_FOUND_MESSAGE) }), sent };
});

export const action = formAction({
  remind: intent({
    schema: reminderSchema,
    run({ actor, value, params }) {
      const id = idParam(params, "id", NOT_FOUND_MESSAGE);
      const r = remindNonResponders({ actor, id, note: value.note });
      return redirect(`/wijzigingen/${id}/herinnering?organisaties=${r.organisations}&personen=${r.people}`);
    },
  }),
});

export default function Herinnering() {
  const { proposal: p, silent, sent } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const mine = refusalFor(result, "remind");
  return (
    <div>
      <PageHeader
        title={`Herinnering sturen: ${p.title}`}
        lead={p.consultationCloses ? `Reageren kan tot en met ${formatDate(p.consultationCloses)}.` : undefined}
      />
      <p>
        <Link to={`/wijzigingen/${p.id}`}>Terug naar het voorstel</Link>
      </p>
      {sent ? <Notice tone="success">{sent}</Notice> : null}
      <h2>Nog niet gereageerd</h2>
      {silent.length ? (
        <ul>
          {silent.map((o) => (
            <li key={o}>{o}</li>
          ))}
        </ul>
      ) : (
        <EmptyState>Alle uitgenodigde organisaties hebben gereageerd.</EmptyState>
      )}
      <Form method="post" noValidate>
        <Csrf />
        <Intent value="remind" />
        <FormError message={mine.formError} />
        <Field schema={reminderSchema} label="Persoonlijke toevoeging" name="note" multiline rows={3} markOptional defaultValue={mine.values.note} error={mine.fieldErrors.note} />
        <button type="submit">Herinnering sturen</button>
      </Form>
    </div>
  );
}
