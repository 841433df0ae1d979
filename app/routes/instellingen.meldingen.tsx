import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { redirect } from "@remix-run/node";
import { noticePreferencesFor, setNoticePreferences } from "~/domain/notices/preferences.server";
import { NOTICE_DELIVERIES } from "~/db/enums";
import { NOTICE_DELIVERY_LABELS, noticePreferencesSchema } from "~/shared/notices";
import { formAction, intent } from "~/http/action.server";
import { page, requireActor } from "~/http/request.server";
import { env } from "~/utils/env.server";
import { Csrf, FormError, Notice, PageHeader } from "~/components/ui";
import { Select, refusalFor } from "~/components/forms";

export const meta: MetaFunction = () => [{ title: "Meldingen per e-mail · Ketenportaal Zaanstad" }];

export const loader = page(({ request }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  return { email: actor.email, preferences: noticePreferencesFor(actor), digestHour: env().DIGEST_HOUR };
});

export const action = formAction({
  save: intent({
    schema: noticePreferencesSchema,
    run({ actor, value }) {
      setNoticePreferences({ actor, preferences: value });
      return redirect("/instellingen/meldingen?opgeslagen=1");
    },
  }),
});

const OPTIONS = NOTICE_DELIVERIES.map((d) => ({ value: d, label: NOTICE_DELIVERY_LABELS[d] }));

export default function MeldingenInstellingen() {
  const { email, preferences, digestHour } = useLoaderData<typeof loader>();
  const { formError, fieldErrors, values } = refusalFor(useActionData<typeof action>());
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  return (
    <div className="page narrow">
      <PageHeader
        title="Meldingen per e-mail"
        lead={
          <>
            Kies per soort melding of u meteen een e-mail krijgt, één overzicht per dag of per week, of alleen een melding in het portaal. In het portaal staan alle meldingen altijd
            onder <Link to="/meldingen">Meldingen</Link>.
          </>
        }
      />
      {params.get("opgeslagen") ? <Notice tone="success">Uw keuzes zijn opgeslagen.</Notice> : null}
      <p>
        E-mails gaan naar <strong>{email}</strong>. Het dagoverzicht komt elke dag om {digestHour}.00 uur, het weekoverzicht op maandag om {digestHour}.00 uur, alleen als er iets
        nieuws is.
      </p>
      <FormError message={formError} />
      <Form method="post" noValidate>
        <Csrf />
        {preferences.map((p) => (
          <Select key={p.category} label={p.label} name={p.category} defaultValue={values[p.category] ?? p.delivery} options={OPTIONS} error={fieldErrors[p.category]} />
        ))}
        <button type="submit" disabled={busy}>
          {busy ? "Bezig…" : "Keuzes opslaan"}
        </button>
      </Form>
    </div>
  );
}
