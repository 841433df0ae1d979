// One zod schema per consultation form, shared by the browser (constraints, counters) and the
// actions (validation with Dutch messages).
import { z } from "zod";
import { idSchema } from "~/shared/ids";
import { ANSWER_DECISIONS, COMMENT_STANCES } from "~/db/enums";
import { formatNumber } from "~/shared/plural";
import { isIsoDate } from "~/shared/proposal-dates";

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
          message: `${label} is te lang: maximaal ${formatNumber(max)} tekens (nu ${formatNumber(v.length)}). Maak de tekst korter; er is nog niets opgeslagen.`,
        });
      }
    });

const optionalText = (label: string, max: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim())
    .refine((v) => v.length <= max, `${label} mag maximaal ${formatNumber(max)} tekens lang zijn.`);

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

const positiveId = idSchema;

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
  suggestion: optionalText("Uw tekstvoorstel", 2000),
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

// ------------------------------------------------------------------ goals, pilot, uncertain dates (issue 12)

/** Goals: rows `improve_<i>`, `forWhom_<i>`, `measure_<i>`; read with goalRows(). */
export const goalsSchema = z.object({}).passthrough();

export function goalRows(value: Record<string, unknown>): { improve: string; forWhom: string; measure: string }[] {
  const text = (k: string) => (typeof value[k] === "string" ? (value[k] as string).trim() : "");
  const rows: { improve: string; forWhom: string; measure: string }[] = [];
  for (let i = 0; i < 8; i++) rows.push({ improve: text(`improve_${i}`), forWhom: text(`forWhom_${i}`), measure: text(`measure_${i}`) });
  return rows;
}

export const pilotSchema = z.object({
  pilot: z.string().optional().transform((v) => v === "1"),
  scope: optionalText("Wijken of teams", 500),
  pilotStarts: optionalDate("Start pilot"),
  pilotEnds: optionalDate("Einde pilot"),
  pilotEvaluationDate: optionalDate("Evaluatie pilot"),
  reason: optionalText("Reden", 1000),
});

export const unknownDateSchema = z.object({
  field: z.string({ required_error: "Kies de datum die nog niet bekend is." }).min(1, "Kies de datum die nog niet bekend is."),
  reason: requiredText("De reden", 1000, "Geef aan waarom de datum nog niet bekend is. Alle genodigden krijgen deze reden te zien."),
  knownBy: requiredDate("Bekend uiterlijk op"),
});

/** An evaluation per goal: `goal_<goalId>` per goal and an optional general remark. */
export const goalEvaluationSchema = z.object({ text: optionalText("Toelichting", COMMENT_MAX) }).passthrough();

export function goalAnswers(value: Record<string, unknown>): Record<number, string> {
  const out: Record<number, string> = {};
  for (const [k, v] of Object.entries(value)) {
    const m = /^goal_([1-9][0-9]{0,15})$/.exec(k);
    if (m && typeof v === "string") out[Number(m[1])] = v;
  }
  return out;
}

/** Conclusions per goal: `outcome_<goalId>` (behaald / deels / niet), `note_<goalId>`, `followUp_<goalId>`. */
export function goalConclusions(value: Record<string, unknown>, goalIds: number[]) {
  const outcomes = ["behaald", "deels", "niet"] as const;
  return goalIds.map((goalId) => {
    const raw = value[`outcome_${goalId}`];
    const outcome = outcomes.find((o) => o === raw) ?? null;
    const note = typeof value[`note_${goalId}`] === "string" ? (value[`note_${goalId}`] as string).trim() : "";
    return { goalId, outcome, note, followUp: value[`followUp_${goalId}`] === "1" };
  });
}

export const goalConclusionSchema = z.object({ conclusion: requiredText("De conclusie", 10000, "Schrijf de conclusie van de evaluatie.") }).passthrough();

export const resultConsultationSchema = z.object({ closes: requiredDate("Consultatie over de uitkomst sluit") }).passthrough();

export const resultReactionSchema = z.object({
  text: requiredText("Uw reactie", COMMENT_MAX, "Uw reactie is leeg. Schrijf wat u van de uitkomst van de pilot vindt."),
});
