// Form schemas of the documents feature, shared by the forms (constraints) and the actions.
import { z } from "zod";
import { DOCUMENT_KINDS } from "~/db/enums";
import { idSchema } from "./ids";
import { required, optionalText } from "./schemas";

export const SUMMARY_MAX = 500;

/** The editor's Yjs state vector (base64) when the form was sent: publish waits for those edits. */
const seenField = z
  .string()
  .max(20_000)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, "De stand van de editor is onleesbaar. Laad de pagina opnieuw.")
  .optional();

export const publishSchema = z.object({
  summary: required("Samenvatting van de wijziging", SUMMARY_MAX),
  seen: seenField,
});

export const restoreSchema = z.object({
  number: idSchema("Kies een bestaande versie."),
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
  van: z.union([z.literal("concept"), idSchema("Kies een bestaande versie.")]),
  naar: z.union([z.literal("concept"), idSchema("Kies een bestaande versie.")]),
});

// Guarded publishing (issue 12). The domain says when the choice is required (binding kinds
// with a version in force); the form may leave it out for the others.
export const publishDraftSchema = z.object({
  summary: required("Samenvatting van de wijziging", SUMMARY_MAX),
  change: z.enum(["redactioneel", "inhoudelijk"], { errorMap: () => ({ message: "Kies redactioneel of inhoudelijk." }) }).optional(),
  seen: seenField,
});

export const offerSchema = z.object({
  summary: required("Samenvatting van de wijziging", SUMMARY_MAX),
  seen: seenField,
});

export const proposalFromDraftSchema = z.object({
  title: required("Titel", 120),
});

export const offerReturnSchema = z.object({
  remark: required("Opmerking", 1000),
});

export const objectionSchema = z.object({
  reason: required("Reden", 1000),
});

export const reminderSchema = z.object({
  note: optionalText("Persoonlijke toevoeging", 500),
});
