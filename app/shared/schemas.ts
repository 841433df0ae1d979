// Form schemas shared by the browser (constraints) and the actions (validation).
import { z } from "zod";
import { ORGANISATION_KINDS, ROLES } from "~/db/enums";
import { idSchema } from "./ids";

export const required = (label: string, max: number) =>
  z
    .string({ required_error: `${label} is verplicht.`, invalid_type_error: `${label} is verplicht.` })
    .trim()
    .min(1, `${label} is verplicht.`)
    .max(max, `${label} mag maximaal ${max} tekens lang zijn.`);

export const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} mag maximaal ${max} tekens lang zijn.`)
    .optional()
    .transform((v) => v ?? "");

/** An id chosen from a list; `article` gives the adjective its Dutch form ("een geldig thema"). */
const id = (label: string, article: "de" | "het" = "de") => idSchema(`Kies een ${article === "het" ? "geldig" : "geldige"} ${label}.`);

const email = z
  .string({ required_error: "E-mailadres is verplicht." })
  .trim()
  .toLowerCase()
  .min(1, "E-mailadres is verplicht.")
  .max(254, "E-mailadres mag maximaal 254 tekens lang zijn.")
  .email("Vul een geldig e-mailadres in, bijvoorbeeld naam@organisatie.nl.");

const checkbox = z
  .union([z.literal("on"), z.literal("1"), z.literal("true"), z.literal(""), z.undefined()])
  .transform((v) => v === "on" || v === "1" || v === "true");

const list = <T extends z.ZodTypeAny>(item: T) =>
  z.preprocess((v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(item));

export const loginSchema = z.object({
  email,
  password: z.string({ required_error: "Wachtwoord is verplicht." }).min(1, "Wachtwoord is verplicht.").max(200, "Wachtwoord is te lang."),
  redirectTo: z.string().optional(),
});

export const personSchema = z.object({
  name: required("Naam", 120),
  email,
  functie: optionalText("Functie", 120),
  organisationId: id("organisatie"),
  roles: list(z.enum(ROLES, { errorMap: () => ({ message: "Kies een bestaande rol." }) })),
  password: z
    .string()
    .max(200, "Wachtwoord is te lang.")
    .optional()
    .transform((v) => v ?? "")
    .refine((v) => v === "" || v.length >= 10, "Een wachtwoord heeft minstens 10 tekens."),
});

export const personActiveSchema = z.object({
  active: checkbox,
});

export const organisationSchema = z.object({
  name: required("Naam", 120),
  kind: z.enum(ORGANISATION_KINDS, { errorMap: () => ({ message: "Kies een soort organisatie." }) }),
  description: optionalText("Omschrijving", 1000),
  color: z
    .string()
    .trim()
    .regex(/^#[0-9a-fA-F]{6}$/, "Kleur is een hexadecimale kleur zoals #1f5f8b.")
    .optional()
    .transform((v) => v ?? "#1f5f8b"),
});

export const ketenSchema = z.object({
  description: optionalText("Omschrijving", 1000),
  regisseurId: z.preprocess((v) => (v === "" ? undefined : v), id("regisseur").optional()),
  feedbackDays: z.coerce
    .number({ invalid_type_error: "Terugkoppeltermijn is een aantal werkdagen." })
    .int("Terugkoppeltermijn is een heel aantal werkdagen.")
    .min(1, "Terugkoppeltermijn is minstens 1 werkdag.")
    .max(120, "Terugkoppeltermijn is hoogstens 120 werkdagen."),
  members: list(id("organisatie")),
});

export { checkbox, list, id as idField, email as emailField };
