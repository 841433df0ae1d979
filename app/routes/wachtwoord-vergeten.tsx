import type { MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { z } from "zod";
import { requestPasswordReset } from "~/domain/auth/accounts.server";
import { portalOrigin } from "~/http/request.server";
import { formAction, publicIntent } from "~/http/action.server";
import { Notice } from "~/components/ui";
import { Csrf, Field, FormError, refusalFor } from "~/components/forms";

export const meta: MetaFunction = () => [{ title: "Wachtwoord vergeten · Ketenportaal Zaanstad" }];

const schema = z.object({
  email: z.string({ required_error: "E-mailadres is verplicht." }).trim().min(1, "E-mailadres is verplicht.").max(254, "E-mailadres is te lang.").email("Vul een geldig e-mailadres in."),
});

export const action = formAction(
  {
    save: publicIntent({
      schema: schema,
      async run({ value, request }) {
        requestPasswordReset({ email: value.email, origin: portalOrigin(request) });
        // The same answer whether or not the address is known.
        return { ok: true as const, sent: true };
      },
    }),
  },
  { auth: "none" },
);

export default function WachtwoordVergeten() {
  const result = useActionData<typeof action>();
  const { formError, fieldErrors } = refusalFor(result);
  const sent = !!result && "sent" in result;
  return (
    <div className="page narrow">
      <h1>Wachtwoord vergeten?</h1>
      {sent ? (
        <Notice tone="success">
          Als dit adres bij Ketenportaal bekend is, ontvangt u binnen enkele minuten een e-mail met een link om een nieuw wachtwoord te kiezen. De link is twee uur geldig.
        </Notice>
      ) : (
        <>
          <p>Vul uw e-mailadres in. U krijgt een link om een nieuw wachtwoord te kiezen.</p>
          <FormError message={formError} />
          <Form method="post" noValidate>
            <Csrf />
            <Field label="E-mailadres" name="email" type="email" autoComplete="username" required error={fieldErrors.email} maxLength={254} />
            <button type="submit">Link versturen</button>
          </Form>
        </>
      )}
      <p>
        <Link to="/login">Terug naar inloggen</Link>
      </p>
    </div>
  );
}
