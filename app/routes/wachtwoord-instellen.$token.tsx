import { data, redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { checkPasswordToken, setPasswordWithToken } from "~/domain/auth/accounts.server";
import { badRequest, isDomainError } from "~/domain/errors";
import { formAction, publicIntent } from "~/http/action.server";
import { Csrf, Field, FormError, refusalFor } from "~/components/forms";

export const meta: MetaFunction = () => [{ title: "Wachtwoord instellen · Ketenportaal Zaanstad" }];

const schema = z.object({
  password: z.string({ required_error: "Kies een wachtwoord." }).min(1, "Kies een wachtwoord.").max(200, "Wachtwoord is te lang."),
  confirm: z.string().optional().transform((v) => v ?? ""),
});

export async function loader({ params }: LoaderFunctionArgs) {
  try {
    const t = checkPasswordToken(params.token ?? "");
    return { valid: true as const, purpose: t.purpose, email: t.email, message: null };
  } catch (e) {
    if (!isDomainError(e)) throw e;
    return data({ valid: false as const, purpose: null, email: null, message: e.message }, { status: e.status });
  }
}

export const action = formAction(
  {
    save: publicIntent({
      schema: schema,
      async run({ value, params }) {
        if (value.password !== value.confirm) throw badRequest("Controleer de gemarkeerde velden.", { confirm: "De twee wachtwoorden zijn niet gelijk." });
        await setPasswordWithToken({ token: params.token ?? "", password: value.password });
        return redirect("/login?wachtwoord=ingesteld");
      },
    }),
  },
  { auth: "none" },
);

export default function WachtwoordInstellen() {
  const { valid, purpose, email, message } = useLoaderData<typeof loader>();
  const { formError, fieldErrors } = refusalFor(useActionData<typeof action>());
  if (!valid) {
    return (
      <div className="page narrow">
        <h1>Deze link werkt niet (meer)</h1>
        <p role="alert">{message}</p>
        <p>
          <Link to="/wachtwoord-vergeten">Nieuwe link aanvragen</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="page narrow">
      <h1>{purpose === "uitnodiging" ? "Welkom bij Ketenportaal" : "Nieuw wachtwoord kiezen"}</h1>
      <p>Kies een wachtwoord voor {email}. Minstens 10 tekens; een zin van een paar woorden werkt goed.</p>
      <FormError message={formError} />
      <Form method="post" noValidate>
        <Csrf />
        <input type="hidden" name="username" value={email ?? ""} autoComplete="username" />
        <Field label="Nieuw wachtwoord" name="password" type="password" autoComplete="new-password" required error={fieldErrors.password} />
        <Field label="Herhaal het wachtwoord" name="confirm" type="password" autoComplete="new-password" required error={fieldErrors.confirm} />
        <button type="submit">Wachtwoord opslaan</button>
      </Form>
    </div>
  );
}
