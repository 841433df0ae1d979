import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { addRegisterItem, registerPage, updateRegisterItem } from "~/domain/overleg/register.server";
import { REGISTER_SOURCE_LABELS } from "~/shared/overleg";
import { registerIntentSchemas } from "~/shared/overleg-forms";
import { formAction, intent } from "~/http/action.server";
import { page, requireActor } from "~/http/request.server";
import { PageHeader } from "~/components/ui";
import { Csrf, Field, FormError, refusalFor } from "~/components/forms";
import { RegisterTable } from "~/components/overleg/RegisterTable";
import { Select } from "~/components/overleg/fields";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Verbeterregister ${data?.keten.name ?? ""} · Ketenportaal Zaanstad` }];

export const loader = page(({ request, params }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  return registerPage({ actor, slug: params.slug ?? "" });
});

export const action = formAction({
  nieuw: intent({
    schema: registerIntentSchemas.nieuw,
    run({ actor, value, params }) {
      const slug = params.slug ?? "";
      const id = addRegisterItem({ actor, slug, ...value });
      return redirect(`/ketens/${slug}/verbeterregister#punt-${id}`);
    },
  }),
  bijwerken: intent({
    schema: registerIntentSchemas.bijwerken,
    target: "itemId",
    run({ actor, value, params }) {
      const slug = params.slug ?? "";
      updateRegisterItem({ actor, slug, ...value });
      return redirect(`/ketens/${slug}/verbeterregister#punt-${value.itemId}`);
    },
  }),
});

export default function Verbeterregister() {
  const { keten, items, canEdit, canPrioritise, actionOptions } = useLoaderData<typeof loader>();
  const { formError, fieldErrors } = refusalFor(useActionData<typeof action>());
  return (
    <div>
      <PageHeader
        title={`Verbeterregister ${keten.name}`}
        lead="Verbeterpunten uit signalen, evaluaties en overleg. Het EKO stelt de prioriteit, het OKO pakt het punt op; beide zien de stand van de ander."
      >
        <Link className="button-secondary" to={`/ketens/${keten.slug}`}>
          Naar de keten
        </Link>
      </PageHeader>
      <FormError message={formError} />
      <RegisterTable items={items} canEdit={canEdit} canPrioritise={canPrioritise} actionOptions={actionOptions} />
      {canEdit ? (
        <section aria-labelledby="kop-nieuw-punt">
          <h2 id="kop-nieuw-punt">Verbeterpunt inbrengen</h2>
          <Form method="post" noValidate>
            <Csrf />
            <input type="hidden" name="intent" value="nieuw" />
            <Field label="Titel" name="title" required maxLength={200} error={fieldErrors.title} />
            <Field label="Toelichting" name="description" multiline rows={3} maxLength={2000} error={fieldErrors.description} />
            <Select label="Herkomst" name="source" defaultValue="overleg" options={Object.entries(REGISTER_SOURCE_LABELS).map(([value, label]) => ({ value, label }))} error={fieldErrors.source} />
            <button type="submit">Breng in</button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
