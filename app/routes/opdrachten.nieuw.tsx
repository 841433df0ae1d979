import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { createOpdracht } from "~/domain/opdrachten/opdrachten.server";
import { assertCanCreateOpdracht, newOpdrachtOptions } from "~/domain/opdrachten/form-options.server";
import { opdrachtSchema } from "~/shared/opdracht-forms";
import { formAction, intent } from "~/http/action.server";
import { page, requireActor } from "~/http/request.server";
import { PageHeader } from "~/components/ui";
import { OpdrachtForm } from "~/components/opdrachten/OpdrachtForm";

export const meta: MetaFunction = () => [{ title: "Verzoek registreren · Opdrachtenregister · Ketenportaal Zaanstad" }];

export const loader = page(({ request }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  assertCanCreateOpdracht(actor);
  return { options: newOpdrachtOptions(), meId: actor.id };
});

export const action = formAction(
  {
    nieuw: intent({
      schema: opdrachtSchema,
      run({ actor, value }) {
        const id = createOpdracht({ actor, value });
        return redirect(`/opdrachten/${id}?geregistreerd=1`);
      },
    }),
  },
  { authorize: assertCanCreateOpdracht, defaultIntent: "nieuw" },
);

export default function NieuwVerzoek() {
  const { options, meId } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader
        title="Verzoek aan de wijkteams registreren"
        lead="Een aanvullende opdracht of informatieverzoek gaat eerst langs de contractmanager, die het naast de brede opdracht legt. Pas daarna komt het bij de teams."
      />
      <OpdrachtForm options={options} result={useActionData<typeof action>()} meId={meId} />
    </div>
  );
}
