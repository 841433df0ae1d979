import { data, redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { beginTotpEnrolment, completeEnrolmentChallenge, completeLoginChallenge, loadChallenge } from "~/domain/auth/accounts.server";
import { SECOND_STEP_COOKIE } from "~/domain/auth/cookies";
import { isDomainError } from "~/domain/errors";
import { formAction, publicIntent } from "~/http/action.server";
import { SESSION_COOKIE, parseCookies, serializeCookie } from "~/http/cookies.server";
import { safeRedirect } from "~/utils/redirect";
import { Csrf, Field, FormError, refusalFor } from "~/components/forms";
import { RecoveryCodes } from "~/components/auth/RecoveryCodes";

export const meta: MetaFunction = () => [{ title: "Tweede stap · Inloggen · Ketenportaal Zaanstad" }];

const codeSchema = z.object({ code: z.string({ required_error: "Vul de code in." }).trim().min(1, "Vul de code in.").max(20, "Deze code is te lang.") });

const challengeOf = (request: Request) => parseCookies(request.headers.get("cookie"))[SECOND_STEP_COOKIE];

export async function loader({ request }: LoaderFunctionArgs) {
  try {
    const c = loadChallenge(challengeOf(request));
    const enrol = c.step === "enrol" ? beginTotpEnrolment({ personId: c.actor.id }) : null;
    return { step: c.step, enrol, message: null };
  } catch (e) {
    if (!isDomainError(e)) throw e;
    return data({ step: null, enrol: null, message: e.message }, { status: e.status });
  }
}

export const action = formAction(
  {
    code: publicIntent({
      schema: codeSchema,
      async run({ value, request }) {
        const challengeId = challengeOf(request);
        const ua = request.headers.get("user-agent") ?? "";
        const step = loadChallenge(challengeId).step;
        const headers = new Headers();
        headers.append("Set-Cookie", serializeCookie(request, SECOND_STEP_COOKIE, "", { maxAgeSeconds: 0 }));
        if (step === "enrol") {
          const r = completeEnrolmentChallenge({ challengeId, code: value.code, userAgent: ua });
          headers.append("Set-Cookie", serializeCookie(request, SESSION_COOKIE, r.sessionId, { maxAgeSeconds: 14 * 24 * 3600 }));
          // Shown once: the person writes them down before going on.
          return data({ ok: true as const, recoveryCodes: r.recoveryCodes, redirectTo: safeRedirect(r.redirectTo) }, { headers });
        }
        const r = completeLoginChallenge({ challengeId, code: value.code, userAgent: ua });
        headers.append("Set-Cookie", serializeCookie(request, SESSION_COOKIE, r.sessionId, { maxAgeSeconds: 14 * 24 * 3600 }));
        return redirect(safeRedirect(r.redirectTo), { headers });
      },
    }),
  },
  { auth: "none" },
);

export default function TweedeStap() {
  const { step, enrol, message } = useLoaderData<typeof loader>();
  const result: unknown = useActionData<typeof action>();
  const { formError, fieldErrors } = refusalFor(result);
  const enrolled = result && typeof result === "object" && "recoveryCodes" in result ? (result as { recoveryCodes: string[]; redirectTo: string }) : null;
  if (enrolled) {
    return (
      <div className="page narrow">
        <h1>Uw authenticator-app is ingesteld</h1>
        <RecoveryCodes codes={enrolled.recoveryCodes} />
        <p>
          <a href={enrolled.redirectTo}>Verder naar Ketenportaal</a>
        </p>
      </div>
    );
  }
  if (!step) {
    return (
      <div className="page narrow">
        <h1>Inloggen is niet gelukt</h1>
        <p role="alert">{message}</p>
        <p>
          <Link to="/login">Terug naar de inlogpagina</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="page narrow">
      <h1>{step === "enrol" ? "Stel uw tweede stap in" : "Tweede stap"}</h1>
      {enrol ? (
        <>
          <p>Als beheerder logt u in met uw wachtwoord én een code uit een authenticator-app (bijvoorbeeld Microsoft Authenticator). Dit is verplicht.</p>
          <ol>
            <li>Voeg in de app een account toe en kies “sleutel invoeren”.</li>
            <li>
              Vul deze sleutel in: <code data-testid="totp-secret">{enrol.secret}</code> (tijdgebaseerd, 6 cijfers). Of open deze link op uw telefoon:{" "}
              <a href={enrol.uri}>authenticator-app koppelen</a>.
            </li>
            <li>Vul hieronder de code in die de app toont.</li>
          </ol>
        </>
      ) : (
        <p>Vul de code van zes cijfers uit uw authenticator-app in. Heeft u uw telefoon niet bij de hand? Gebruik dan een van uw herstelcodes.</p>
      )}
      <FormError message={formError} />
      <Form method="post" noValidate>
        <Csrf />
        <Field label="Code" name="code" autoComplete="one-time-code" required error={fieldErrors.code} maxLength={20} />
        <button type="submit">{step === "enrol" ? "Instellen en inloggen" : "Inloggen"}</button>
      </Form>
    </div>
  );
}
