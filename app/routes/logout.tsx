import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { deleteSession } from "~/domain/auth.server";
import { formAction, readForm, sessionIdFrom } from "~/utils/request.server";
import { SESSION_COOKIE, serializeCookie } from "~/utils/cookies.server";
import { z } from "zod";

export async function loader() {
  return redirect("/");
}

export const action = formAction(async ({ request }: ActionFunctionArgs) => {
  await readForm(request, z.object({}).passthrough());
  const id = sessionIdFrom(request);
  if (id) deleteSession(id);
  return redirect("/login", { headers: { "Set-Cookie": serializeCookie(request, SESSION_COOKIE, "", { maxAgeSeconds: 0 }) } });
});
