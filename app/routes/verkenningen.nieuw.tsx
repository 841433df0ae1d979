import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { forbidden } from "~/domain/errors";
import { startVerkenning, verkenningFormOptions } from "~/domain/verkenning/verkenning.server";
import { formAction, intent } from "~/http/action.server";
import { page, requireActor } from "~/http/request.server";
import { verkenningSchema } from "~/shared/verkenning-forms";
import { PageHeader } from "~/components/ui";
import { StartForm } from "~/components/verkenning/VerkenningSections";

export const meta: MetaFunction = () => [{ title: "Nieuwe verkenning · Ketenportaal Zaanstad" }];

export const loader = page(({ request }: LoaderFunctionArgs) => {
  const options = verkenningFormOptions(requireActor(request));
  if (!options.ketens.length) throw forbidden("Alleen de regisseur van een keten kan een verkenning starten.");
  return { options };
});

export const action = formAction({
  start: intent({
    schema: verkenningSchema,
    run({ actor, value }) {
      const { id } = startVerkenning({ actor, ...value });
      return redirect(`/verkenningen/${id}?gedaan=gestart`);
    },
  }),
});

export default function NieuweVerkenning() {
  const { options } = useLoaderData<typeof loader>();
  return (
    <div className="page narrow">
      <PageHeader
        title="Nieuwe verkenning"
        lead="Beschrijf het probleem en wat u al weet, stel twee tot vijf open vragen en kies wie u ze stelt. Er is nog geen tekst: de antwoorden bepalen of en hoe er een voorstel komt."
      />
      <StartForm options={options} actionResult={useActionData<typeof action>()} />
    </div>
  );
}
