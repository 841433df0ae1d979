import { data, redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { authenticate, createSession } from "~/domain/auth.server";
import { SSO_FLOW_COOKIE, SSO_LOGOUT_COOKIE, providerForEmail, startSsoLogin } from "~/domain/auth/sso.server";
import { portalOrigin } from "~/http/request.server";
import { signInSchema } from "~/domain/auth/forms";
import { createLoginChallenge, secondFactorStep } from "~/domain/auth/accounts.server";
import { SECOND_STEP_COOKIE } from "~/domain/auth/cookies";
import { badRequest } from "~/domain/errors";
import { formAction, publicIntent } from "~/http/action.server";
import { getActor } from "~/http/request.server";
import { SESSION_COOKIE, parseCookies, serializeCookie } from "~/http/cookies.server";
import { safeRedirect } from "~/utils/redirect";
import { Notice } from "~/components/ui";
import { Csrf, Field, FormError, refusalFor } from "~/components/forms";

export const meta: MetaFunction = () => [{ title: "Inloggen · Ketenportaal Zaanstad" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (getActor(request)) throw redirect("/");
  // Set by logout after an SSO session: offer to sign out at the organisation as well.
  const providerLogout = parseCookies(request.headers.get("cookie"))[SSO_LOGOUT_COOKIE] || null;
  return data(
    { providerLogout: providerLogout?.startsWith("http") ? providerLogout : null },
    providerLogout ? { headers: { "Set-Cookie": serializeCookie(request, SSO_LOGOUT_COOKIE, "", { maxAgeSeconds: 0 }) } } : undefined,
  );
}

export const action = formAction(
  {
    login: publicIntent({
      schema: signInSchema,
      async run({ value, request, context }) {
        const redirectTo = safeRedirect(value.redirectTo);
        // Home-realm discovery: an organisation with its own sign-in gets its people sent there.
        const provider = providerForEmail(value.email);
        if (provider) {
          const { url, flowId } = await startSsoLogin({ provider, email: value.email, redirectTo, origin: portalOrigin(request) });
          return redirect(url, { headers: { "Set-Cookie": serializeCookie(request, SSO_FLOW_COOKIE, flowId, { maxAgeSeconds: 600 }) } });
        }
        if (!value.password) throw badRequest("Controleer de gemarkeerde velden.", { password: "Wachtwoord is verplicht." });
        const actor = await authenticate({ email: value.email, password: value.password, ip: context.clientIp });
        // A second factor (required for beheerders): no session until the code is given.
        if (secondFactorStep(actor) !== "none") {
          const challenge = createLoginChallenge({ personId: actor.id, redirectTo });
          return redirect("/login/tweede-stap", { headers: { "Set-Cookie": serializeCookie(request, SECOND_STEP_COOKIE, challenge, { maxAgeSeconds: 600 }) } });
        }
        const session = createSession(actor.id, request.headers.get("user-agent") ?? "");
        return redirect(redirectTo, {
          headers: { "Set-Cookie": serializeCookie(request, SESSION_COOKIE, session.id, { maxAgeSeconds: 14 * 24 * 3600 }) },
        });
      },
    }),
  },
  { auth: "none" },
);

export default function Login() {
  const { providerLogout } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { formError, fieldErrors } = refusalFor(result);
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  return (
    <div className="page narrow">
      <h1>Inloggen</h1>
      {providerLogout ? (
        <Notice tone="success">
          U bent uitgelogd uit Ketenportaal. U bent mogelijk nog ingelogd bij uw organisatie: <a href={providerLogout}>ook daar uitloggen</a>.
        </Notice>
      ) : null}
      {params.get("wachtwoord") === "ingesteld" ? <Notice tone="success">Uw wachtwoord is opgeslagen. U kunt nu inloggen.</Notice> : null}
      <p className="lead">Ketenportaal is voor medewerkers van de gemeente Zaanstad, de Sociale Wijkteams en hun ketenpartners.</p>
      <FormError message={formError} />
      <Form method="post" noValidate>
        <Csrf />
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
        <Field
          label="E-mailadres"
          name="email"
          type="email"
          autoComplete="username"
          schema={signInSchema}
          error={fieldErrors.email}
          hint="Logt uw organisatie in met een eigen account (bijvoorbeeld Microsoft)? Dan gaat u na uw e-mailadres door naar uw organisatie; een wachtwoord is dan niet nodig."
        />
        <Field label="Wachtwoord" name="password" type="password" autoComplete="current-password" error={fieldErrors.password} />
        <button type="submit" disabled={busy}>
          {busy ? "Bezig met inloggen…" : "Inloggen"}
        </button>
      </Form>
      <p>
        <Link to="/wachtwoord-vergeten">Wachtwoord vergeten?</Link>
      </p>
    </div>
  );
}
