// One zod schema per consultation form, shared by the browser (constraints, counters) and the
// actions (validation with Dutch messages).
import { z } from "zod";
import { ANSWER_DECISIONS, COMMENT_STANCES } from "~/db/schema";
import { isIsoDate } from "./dates";

export const COMMENT_MAX = 5000;
export const ANSWER_MAX = 5000;
export const WAAROM_MAX = 10000;

const requiredText = (label: string, max: number, emptyMessage?: string) =>
  z
    .string({ required_error: emptyMessage ?? `${label} is verplicht.`, invalid_type_error: emptyMessage ?? `${label} is verplicht.` })
    .trim()
    .min(1, emptyMessage ?? `${label} is verplicht.`)
    .superRefine((v, ctx) => {
      if (v.length > max) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: `${label} is te lang: maximaal ${max.toLocaleString("nl-NL")} tekens (nu ${v.length.toLocaleString("nl-NL")}). Maak de tekst korter; er is nog niets opgeslagen.`,
        });
      }
    });

const optionalText = (label: string, max: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim())
    .refine((v) => v.length <= max, `${label} mag maximaal ${max.toLocaleString("nl-NL")} tekens lang zijn.`);

const optionalDate = (label: string) =>
  z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim())
    .refine((v) => v === "" || isIsoDate(v), `${label}: vul een geldige datum in.`)
    .transform((v) => (v === "" ? null : v));

const requiredDate = (label: string) =>
  z
    .string({ required_error: `${label} is verplicht.` })
    .trim()
    .min(1, `${label} is verplicht.`)
    .refine((v) => isIsoDate(v), `${label}: vul een geldige datum in.`);

const positiveId = (message: string) => z.coerce.number({ invalid_type_error: message }).int(message).positive(message);

const list = <T extends z.ZodTypeAny>(item: T) =>
  z.preprocess((v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(item));

export const newProposalSchema = z.object({
  document: z.string({ required_error: "Kies het document dat u wilt wijzigen." }).trim().min(1, "Kies het document dat u wilt wijzigen."),
  title: requiredText("Titel", 200),
});

export const detailsSchema = z.object({
  title: requiredText("Titel", 200),
  waarom: optionalText("Waarom", WAAROM_MAX),
  visieAnchor: optionalText("Passage uit de visie", 300),
});

/** Impact: checked organisations (`organisations`) and a note per organisation (`note_<id>`). */
export const impactSchema = z
  .object({
    organisations: list(positiveId("Kies een bestaande organisatie.")),
  })
  .passthrough();

export function impactNotes(value: Record<string, unknown>, organisationIds: number[]): { organisationId: number; note: string }[] {
  return organisationIds.map((organisationId) => {
    const raw = value[`note_${organisationId}`];
    return { organisationId, note: typeof raw === "string" ? raw.trim() : "" };
  });
}

export const IMPACT_NOTE_MAX = 1000;

export const datesSchema = z.object({
  consultationOpens: optionalDate("Consultatie open"),
  consultationCloses: optionalDate("Consultatie sluit"),
  decisionPlanned: optionalDate("Besluit gepland"),
  effectiveDate: optionalDate("Ingangsdatum"),
  evaluationDate: optionalDate("Evaluatie"),
  reason: optionalText("Reden", 1000),
});

export const commentSchema = z.object({
  stance: z.enum(COMMENT_STANCES, {
    errorMap: () => ({ message: "Kies of u het voorstel steunt, er zorgen over heeft of er bezwaar tegen maakt." }),
  }),
  text: requiredText("Uw reactie", COMMENT_MAX, "Uw reactie is leeg. Schrijf wat u van het voorstel vindt."),
  quote: optionalText("De geciteerde passage", 2000),
  quoteHint: optionalText("Context", 200),
});

export const answerSchema = z.object({
  commentId: positiveId("Deze reactie bestaat niet."),
  decision: z.enum(ANSWER_DECISIONS, {
    errorMap: () => ({ message: "Kies: overgenomen, deels overgenomen of niet overgenomen." }),
  }),
  text: requiredText("De toelichting", ANSWER_MAX, "Licht het antwoord toe: waarom is de reactie (niet) overgenomen?"),
  textChange: optionalText("Wat er in de tekst veranderde", 2000),
});

export const decisionSchema = z.object({
  note: requiredText("Het besluit", 5000, "Beschrijf het besluit: wie besloot en wat is vastgesteld."),
  effectiveDate: requiredDate("Ingangsdatum"),
  reason: optionalText("Reden", 1000),
});

export const withdrawSchema = z.object({
  note: requiredText("De reden", 2000, "Geef aan waarom het voorstel wordt ingetrokken; alle genodigden krijgen dit bericht."),
});

export const reopenSchema = z.object({
  consultationCloses: requiredDate("Nieuwe uiterste reactiedatum"),
  note: requiredText("De reden", 2000, "Geef aan waarom de consultatie opnieuw opent."),
});

export const closeSchema = z.object({
  note: optionalText("Toelichting", 2000),
});

export const evaluationResponseSchema = z.object({
  text: requiredText("Uw ervaring", COMMENT_MAX, "Schrijf hoe de wijziging in de praktijk werkt."),
});

export const evaluationConclusionSchema = z.object({
  conclusion: requiredText("De conclusie", 10000, "Schrijf de conclusie van de evaluatie."),
});
