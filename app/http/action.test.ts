// The one form-action convention: intent → schema → command → response, refusals in one shape.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { conflict, notFound } from "~/domain/errors";
import { limitsOf } from "~/components/forms";
import { personSchema } from "~/shared/schemas";
import { reportSignalSchema, signalIntentSchemas } from "~/shared/signal-forms";
import { idSchema, parseIdText } from "~/shared/ids";
import { formAction, publicIntent } from "./action.server";
import { csrfTokenFor } from "./csrf.server";
import { idParam } from "./ids.server";

// The token is bound to the (pre-)session id, as the portal issues it (csrf.server.ts).
const PRE_SESSION = "t".repeat(32);
const TOKEN = csrfTokenFor(`p:${PRE_SESSION}`);

function post(fields: Record<string, string | string[]>, token = TOKEN) {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
  const request = new Request("http://localhost/x", {
    method: "POST",
    body,
    headers: { "Content-Type": "application/x-www-form-urlencoded", cookie: `kp_csrf=${PRE_SESSION}` },
  });
  return { request, params: {}, context: { cspNonce: "", csrfToken: token, clientIp: "127.0.0.1" } };
}

type Refused = { data: { ok: false; intent: string; target: string; formError: string; fieldErrors: Record<string, string>; values: Record<string, unknown> }; init: { status: number } };

const ran: string[] = [];
const action = formAction(
  {
    save: publicIntent({
      schema: z.object({ title: z.string().min(1, "Titel is verplicht."), id: idSchema("Kies een bestaand item.") }),
      target: "id",
      run({ value }) {
        ran.push(`save:${value.id}`);
        if (value.title === "botsing") throw conflict("Dit is intussen gewijzigd.");
        if (value.title === "weg") throw notFound();
        return new Response(null, { status: 302, headers: { Location: "/klaar" } });
      },
    }),
    remove: publicIntent({ schema: z.object({}), run: () => new Response(null, { status: 204 }) }),
  },
  { auth: "none" },
);

describe("formAction", () => {
  it("picks the handler by intent, parses its schema and runs the command", async () => {
    const res = (await action(post({ csrf: TOKEN, intent: "save", title: "Goed", id: "7" }))) as Response;
    expect(res.status).toBe(302);
    expect(ran).toContain("save:7");
  });

  it("refuses an unknown or missing intent on a page with several forms with a Dutch 400", async () => {
    for (const intent of ["iets-anders", "", "toString"]) {
      const r = (await action(post({ csrf: TOKEN, intent }))) as Refused;
      expect(r.init.status).toBe(400);
      expect(r.data).toMatchObject({ ok: false, formError: "Controleer de gemarkeerde velden.", fieldErrors: { intent: "Deze actie bestaat niet." } });
    }
  });

  it("echoes a schema refusal in the one shape: intent, target, messages and what was typed, without the token", async () => {
    const r = (await action(post({ csrf: TOKEN, intent: "save", title: "", id: "12", tags: ["a", "b"] }))) as Refused;
    expect(r.init.status).toBe(400);
    expect(r.data).toEqual({
      ok: false,
      intent: "save",
      target: "12",
      formError: "Controleer de gemarkeerde velden.",
      fieldErrors: { title: "Titel is verplicht." },
      values: { intent: "save", title: "", id: "12", tags: ["a", "b"] },
    });
  });

  it("reads ids strictly in forms", async () => {
    for (const id of ["0x10", "1e3", " 16", "016", "0", "-1", "1.0", "99999999999999999"]) {
      const r = (await action(post({ csrf: TOKEN, intent: "save", title: "Goed", id }))) as Refused;
      expect(r.init.status, id).toBe(400);
      expect(r.data.fieldErrors.id, id).toBe("Kies een bestaand item.");
    }
  });

  it("returns a domain refusal with its status; 403/404 and CSRF failures become the error page", async () => {
    const r = (await action(post({ csrf: TOKEN, intent: "save", title: "botsing", id: "3" }))) as Refused;
    expect(r.init.status).toBe(409);
    expect(r.data.formError).toBe("Dit is intussen gewijzigd.");
    await expect(action(post({ csrf: TOKEN, intent: "save", title: "weg", id: "3" }))).rejects.toMatchObject({ init: { status: 404 } });
    const before = ran.length;
    await expect(action(post({ csrf: "verkeerd", intent: "save", title: "Goed", id: "3" }))).rejects.toMatchObject({ init: { status: 403 } });
    expect(ran.length).toBe(before);
  });

  it("lets a page with one form, or a declared main form, leave the intent out", async () => {
    const main = formAction({ save: publicIntent({ schema: z.object({}), run: () => new Response("save") }), other: publicIntent({ schema: z.object({}), run: () => new Response("other") }) }, { auth: "none", defaultIntent: "save" });
    expect(await ((await main(post({ csrf: TOKEN }))) as Response).text()).toBe("save");
    const single = formAction({ only: publicIntent({ schema: z.object({}), run: () => new Response("ok") }) }, { auth: "none" });
    expect(((await single(post({ csrf: TOKEN }))) as Response).status).toBe(200);
  });
});

describe("ids", () => {
  it("accepts only plain positive decimal integers", () => {
    expect(parseIdText("16")).toBe(16);
    expect(parseIdText("9007199254740991")).toBe(9007199254740991);
    for (const bad of ["0x10", "1e3", " 16", "16 ", "016", "0", "-1", "+1", "1.5", "", "9999999999999999", undefined]) expect(parseIdText(bad), String(bad)).toBeNull();
    expect(() => idParam({ id: "0x10" })).toThrow(expect.objectContaining({ status: 404 }));
    expect(idParam({ nummer: "3" }, "nummer")).toBe(3);
  });
});

describe("limitsOf", () => {
  it("reads required and maxLength from the zod schema", () => {
    expect(limitsOf(personSchema, "name")).toEqual({ required: true, maxLength: 120 });
    expect(limitsOf(personSchema, "functie")).toEqual({ required: false, maxLength: 120 });
    expect(limitsOf(personSchema, "email")).toEqual({ required: true, maxLength: 254 });
    expect(limitsOf(reportSignalSchema, "description")).toEqual({ required: true, maxLength: 4000 });
    expect(limitsOf(signalIntentSchemas.herken, "note")).toEqual({ required: false, maxLength: 500 });
    expect(limitsOf(personSchema, "bestaat-niet")).toEqual({});
  });
});
