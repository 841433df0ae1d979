import { data, redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { SSO_FLOW_COOKIE, finishSsoLogin } from "~/domain/auth/sso.server";
import { isDomainError } from "~/domain/errors";
import { SESSION_COOKIE, parseCookies, serializeCookie } from "~/http/cookies.server";
import { safeRedirect } from "~/utils/redirect";

export const meta: MetaFunction = () => [{ title: "Inloggen via uw organisatie · Ketenportaal Zaanstad" }];

// The provider sends the browser back here (GET). A refusal is shown on this page with its
// status; the flow cookie is cleared either way.
export async function loader({ request }: LoaderFunctionArgs) {
  const clearFlow = serializeCookie(request, SSO_FLOW_COOKIE, "", { maxAgeSeconds: 0 });
  try {
    const result = await finishSsoLogin({
      flowId: parseCookies(request.headers.get("cookie"))[SSO_FLOW_COOKIE],
      currentUrl: new URL(request.url),
      userAgent: request.headers.get("user-agent") ?? "",
    });
    const headers = new Headers();
    headers.append("Set-Cookie", clearFlow);
    headers.append("Set-Cookie", serializeCookie(request, SESSION_COOKIE, result.sessionId, { maxAgeSeconds: 14 * 24 * 3600 }));
    return redirect(safeRedirect(result.redirectTo), { headers });
  } catch (e) {
    if (!isDomainError(e)) throw e;
    return data({ message: e.message }, { status: e.status, headers: { "Set-Cookie": clearFlow } });
  }
}

export default function SsoCallback() {
  const { message } = useLoaderData<typeof loader>();
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
