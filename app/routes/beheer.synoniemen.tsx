import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { assertCanAdminister } from "~/domain/policy.server";
import { getSearchProvider } from "~/domain/search/provider.server";
import { applySynonyms, deleteSynonymGroup, listSynonymRows, saveSynonymGroup } from "~/domain/search/synonyms.server";
import { formAction, intent } from "~/http/action.server";
import { page, requireActor } from "~/http/request.server";
import { idSchema } from "~/shared/ids";
import { Notice, PageHeader } from "~/components/ui";
import { Csrf, Field, FormError, Intent, refusalFor } from "~/components/forms";

export const meta: MetaFunction = () => [{ title: "Synoniemen voor zoeken · Beheer · Ketenportaal Zaanstad" }];

export const loader = page(({ request }: LoaderFunctionArgs) => {
  assertCanAdminister(requireActor(request));
  return { groups: listSynonymRows() };
});

const termsField = z.string().max(1000, { message: "Gebruik hoogstens 1000 tekens." }).optional().default("");
const groupId = idSchema("Onbekende synoniemengroep.");

export const action = formAction(
  {
    opslaan: intent({
      schema: z.object({ id: groupId.optional(), terms: termsField }),
      async run({ actor, value }) {
        saveSynonymGroup({ actor, id: value.id ?? null, terms: value.terms });
        // The engine searches with the new groups from the next query on.
        await applySynonyms(getSearchProvider());
        return redirect("/beheer/synoniemen?opgeslagen=1");
      },
    }),
    verwijderen: intent({
      schema: z.object({ id: groupId }),
      async run({ actor, value }) {
        deleteSynonymGroup({ actor, id: value.id });
        await applySynonyms(getSearchProvider());
        return redirect("/beheer/synoniemen?verwijderd=1");
      },
    }),
  },
  { authorize: assertCanAdminister },
);

export default function Synoniemen() {
  const { groups } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { formError, fieldErrors: e } = refusalFor(result);
  const [params] = useSearchParams();
  const suggested = params.get("nieuw") ?? "";
  return (
    <div>
      <PageHeader
        title="Synoniemen voor zoeken"
        lead="Woorden in één groep vinden elkaar: wie zoekt op “intake” vindt ook “startgesprek”. Het zoekresultaat laat zien waarop ook is gezocht."
      />
      {params.get("opgeslagen") ? <Notice tone="success">De synoniemen zijn opgeslagen en gelden vanaf de volgende zoekopdracht.</Notice> : null}
      {params.get("verwijderd") ? <Notice tone="success">De synoniemengroep is verwijderd.</Notice> : null}
      <p>
        Zie ook <Link to="/beheer/zoekvragen">wat mensen niet konden vinden</Link>.
      </p>

      <section aria-labelledby="kop-nieuw" id="nieuw" className="card">
        <h2 id="kop-nieuw">Synoniem toevoegen</h2>
        <Form method="post" noValidate>
          <Csrf />
          <Intent value="opslaan" />
          <FormError message={formError} />
          <Field
            label="Woorden die elkaar vinden"
            name="terms"
            defaultValue={suggested ? `${suggested}, ` : ""}
            hint="Scheid de woorden of woordgroepen met komma's, bijvoorbeeld: intake, startgesprek, eerste gesprek."
            error={e.terms}
            maxLength={1000}
            required
          />
          <button type="submit">Toevoegen</button>
        </Form>
      </section>

      <section aria-labelledby="kop-groepen">
        <h2 id="kop-groepen">
          {groups.length} {groups.length === 1 ? "groep" : "groepen"}
        </h2>
        <ul className="stack synonym-groups">
          {groups.map((g) => (
            <li key={g.id} className="synonym-group">
              <Form method="post" className="synonym-row" aria-label={`Synoniemen: ${g.terms.join(", ")}`}>
                <Csrf />
                <input type="hidden" name="id" value={g.id} />
                <label htmlFor={`groep-${g.id}`} className="visually-hidden">
                  Woorden in deze groep
                </label>
                <input id={`groep-${g.id}`} name="terms" defaultValue={g.terms.join(", ")} maxLength={1000} />
                <button type="submit" name="intent" value="opslaan" className="button-secondary">
                  Opslaan
                </button>
                <button type="submit" name="intent" value="verwijderen" className="button-secondary">
                  Verwijderen
                </button>
              </Form>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
