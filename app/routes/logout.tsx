import { redirect } from "@remix-run/node";
import { deleteSession } from "~/domain/auth.server";
import { formAction, publicIntent } from "~/http/action.server";
import { sessionIdFrom } from "~/http/request.server";
import { SESSION_COOKIE, serializeCookie } from "~/http/cookies.server";
import { SSO_LOGOUT_COOKIE, endSessionUrl } from "~/domain/auth/sso.server";
import { portalOrigin } from "~/http/request.server";
import { z } from "zod";

export async function loader() {
  return redirect("/");
}

export const action = formAction(
  {
    logout: publicIntent({
      schema: z.object({}),
      async run({ request }) {
        const id = sessionIdFrom(request);
        // Look up the provider's end-session endpoint before the session (and its ID token) is gone.
        const providerLogout = id ? await endSessionUrl(id, portalOrigin(request)) : null;
        if (id) deleteSession(id);
        const headers = new Headers();
        headers.append("Set-Cookie", serializeCookie(request, SESSION_COOKIE, "", { maxAgeSeconds: 0 }));
        if (providerLogout) headers.append("Set-Cookie", serializeCookie(request, SSO_LOGOUT_COOKIE, providerLogout, { maxAgeSeconds: 300 }));
        return redirect("/login", { headers });
      },
    }),
  },
  { auth: "none" },
);
