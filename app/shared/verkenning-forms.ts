// Form schemas for the verkenning, the integral check and links between changes (issue 13).
import { z } from "zod";
import { idField, list, optionalText, required } from "./schemas";
import { MAX_QUESTIONS, MIN_QUESTIONS } from "./verkenning";

const date = (label: string) => z.string({ required_error: `Vul ${label} in.` }).trim().regex(/^\d{4}-\d{2}-\d{2}$/, `Vul ${label} in als JJJJ-MM-DD.`);
const texts = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).map((x) => (typeof x === "string" ? x.trim() : x)).filter((x) => x !== "");

export const QUESTION_MAX = 500;

export const verkenningSchema = z.object({
  ketenId: idField("keten"),
  title: required("Titel", 160),
  problem: required("Het probleem", 3000),
  knowledge: optionalText("Wat we al weten", 3000),
  questions: z.preprocess(
    texts,
    z
      .array(z.string().max(QUESTION_MAX, `Een vraag mag maximaal ${QUESTION_MAX} tekens lang zijn.`))
      .min(MIN_QUESTIONS, `Stel ten minste ${MIN_QUESTIONS} open vragen.`)
      .max(MAX_QUESTIONS, `Stel hoogstens ${MAX_QUESTIONS} open vragen.`),
  ),
  organisations: list(idField("organisatie")).refine((v) => v.length > 0, "Kies ten minste één organisatie die u iets wilt vragen."),
  signals: list(idField("signaal")),
  reactionDeadline: date("de uiterste reactiedatum"),
});

/** One schema per form on the verkenning page, keyed by the form's `intent`. */
export const verkenningIntentSchemas = {
  antwoord: z.object({ questionId: idField("vraag"), text: required("Uw antwoord", 3000) }),
  samenvatting: z.object({ summary: required("Wat we hebben gehoord", 5000) }),
  voorstel: z.object({ document: required("Document", 200), title: required("Titel van het voorstel", 160) }),
  sluiten: z.object({ reason: required("Reden", 2000) }),
};

/** One schema per form on the integral-check page of a proposal. */
export const integralIntentSchemas = {
  ketentoets: z.object({
    ketenId: idField("keten"),
    touches: z.enum(["ja", "nee"], { errorMap: () => ({ message: "Kies of de wijziging uw keten raakt." }) }),
    organisations: list(idField("organisatie")),
    note: optionalText("Toelichting", 2000),
  }),
  termijn: z.object({ deadline: date("de uiterste datum van de integrale toets") }),
  doorgaan: z.object({ reason: required("Reden", 2000) }),
  koppelen: z.object({ target: z.string({ required_error: "Kies een wijziging." }).regex(/^(proposal|verkenning):[1-9][0-9]{0,15}$/, "Kies een wijziging uit de lijst.") }),
  ontkoppelen: z.object({ linkId: idField("koppeling") }),
};
