// Form schemas of the documents feature, shared by the forms (constraints) and the actions.
import { z } from "zod";
import { DOCUMENT_KINDS } from "~/db/schema";
import { required, optionalText } from "./schemas";

export const SUMMARY_MAX = 500;

export const publishSchema = z.object({
  summary: required("Samenvatting van de wijziging", SUMMARY_MAX),
});

export const restoreSchema = z.object({
  number: z.coerce
    .number({ invalid_type_error: "Kies een bestaande versie." })
    .int("Kies een bestaande versie.")
    .positive("Kies een bestaande versie."),
});

export const newDocumentSchema = z.object({
  title: required("Titel", 120),
  kind: z.enum(DOCUMENT_KINDS, { errorMap: () => ({ message: "Kies een soort document." }) }),
  keten: z
    .string({ required_error: "Kies een keten, of 'Het hele portaal'." })
    .regex(/^(portaal|[1-9][0-9]*)$/, "Kies een keten, of 'Het hele portaal'."),
  summary: optionalText("Korte omschrijving", 300),
});

/** ?van=1&naar=2 (or naar=concept for editors). */
export const compareSchema = z.object({
  van: z.union([z.literal("concept"), z.coerce.number().int().positive()]),
  naar: z.union([z.literal("concept"), z.coerce.number().int().positive()]),
});
