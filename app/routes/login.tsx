import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { authenticate, createSession } from "~/domain/auth.server";
import { loginSchema } from "~/shared/schemas";
import { formAction, getActor, readForm } from "~/utils/request.server";
import { SESSION_COOKIE, serializeCookie } from "~/utils/cookies.server";
import { safeRedirect } from "~/utils/redirect";
import { Csrf, Field, FormError, errorsOf } from "~/components/ui";

export const meta: MetaFunction = () => [{ title: "Inloggen · Ketenportaal Zaanstad" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (getActor(request)) throw redirect("/");
  return null;
}

export const action = formAction(async ({ request, context }: ActionFunctionArgs) => {
  const { value } = await readForm(request, loginSchema);
  const actor = await authenticate({ email: value.email, password: value.password, ip: context.clientIp });
  const session = createSession(actor.id, request.headers.get("user-agent") ?? "");
  return redirect(safeRedirect(value.redirectTo), {
    headers: { "Set-Cookie": serializeCookie(request, SESSION_COOKIE, session.id, { maxAgeSeconds: 14 * 24 * 3600 }) },
  });
});

export default function Login() {
  const result = useActionData<typeof action>();
  const { formError, fieldErrors } = errorsOf(result);
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  return (
    <div className="page narrow">
      <h1>Inloggen</h1>
      <p className="lead">Ketenportaal is voor medewerkers van de gemeente Zaanstad, de Sociale Wijkteams en hun ketenpartners.</p>
      <FormError message={formError} />
      <Form method="post" noValidate>
        <Csrf />
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
        <Field label="E-mailadres" name="email" type="email" autoComplete="username" required error={fieldErrors.email} maxLength={254} />
        <Field label="Wachtwoord" name="password" type="password" autoComplete="current-password" required error={fieldErrors.password} />
        <button type="submit" disabled={busy}>
          {busy ? "Bezig met inloggen…" : "Inloggen"}
        </button>
      </Form>
    </div>
  );
}
