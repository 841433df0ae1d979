// Form schemas of sign-in and the identity provider settings (browser constraints and actions).
import { z } from "zod";
import { ROLES } from "~/db/enums";
import { required } from "~/shared/schemas";

const checkbox = z
  .union([z.literal("on"), z.literal("1"), z.literal("true"), z.literal(""), z.undefined()])
  .transform((v) => v === "on" || v === "1" || v === "true");

/** The e-mail decides the route (home-realm discovery); the password only for password accounts. */
export const signInSchema = z.object({
  email: z
    .string({ required_error: "E-mailadres is verplicht." })
    .trim()
    .toLowerCase()
    .min(1, "E-mailadres is verplicht.")
    .max(254, "E-mailadres mag maximaal 254 tekens lang zijn.")
    .email("Vul een geldig e-mailadres in, bijvoorbeeld naam@organisatie.nl."),
  password: z.string().max(200, "Wachtwoord is te lang.").optional().transform((v) => v ?? ""),
  redirectTo: z.string().optional(),
});

export const providerSchema = z.object({
  issuer: required("Issuer-URL", 500),
  clientId: required("Client-id", 200),
  clientSecret: z.string().max(500, "Client secret is te lang.").optional().transform((v) => v ?? ""),
  domains: required("E-maildomeinen", 500),
  provision: checkbox,
  provisionRole: z.enum(ROLES, { errorMap: () => ({ message: "Kies een rol." }) }),
  active: checkbox,
});
