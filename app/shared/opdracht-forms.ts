// Form schemas for the register of opdrachten (issue 13), shared by the browser (limits) and
// the actions. One schema per form, keyed by the form's intent.
import { z } from "zod";
import { OPDRACHT_KINDS, OPDRACHT_ROUTES, OPDRACHT_STATUSES, TOETS_OUTCOMES } from "./opdrachten";
import { idField, list, optionalText, required } from "./schemas";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (s: string) => DATE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
const date = (label: string) =>
  z.string({ required_error: `Vul ${label} in.` }).trim().min(1, `Vul ${label} in.`).refine(validDate, `Vul ${label} in als JJJJ-MM-DD.`);
const optionalDate = (label: string) => z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), date(label).optional());
const optionalId = (label: string) => z.preprocess((v) => (v === "" || v === undefined ? undefined : v), idField(label).optional());

/** "12.500", "€ 12500" or "12 500" → 12500; empty → undefined. */
const budget = z.preprocess(
  (v) => (typeof v === "string" ? v.replace(/[€\s.]/g, "") : v),
  z
    .string()
    .regex(/^\d{0,9}$/, "Vul het budget in als een bedrag in hele euro's, bijvoorbeeld 25000.")
    .optional()
    .transform((v) => (v ? Number(v) : undefined)),
);

export type ReportLine = { dueDate: string; title: string };

/** Reporting moments, one per line: "2027-03-01 Halfjaarrapportage indicatoren". */
export function parseReportLines(text: string): { lines: ReportLine[]; error?: string } {
  const lines: ReportLine[] = [];
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (!line) continue;
    const m = /^(\d{4}-\d{2}-\d{2})\s+(.+)$/.exec(line);
    if (!m || !validDate(m[1])) return { lines, error: `Regel ${i + 1} van de rapportagemomenten: begin met een datum (JJJJ-MM-DD) en daarna wat er wordt opgeleverd.` };
    if (m[2].length > 200) return { lines, error: `Regel ${i + 1} van de rapportagemomenten is langer dan 200 tekens.` };
    lines.push({ dueDate: m[1], title: m[2].trim() });
  }
  if (lines.length > 24) return { lines, error: "Geef hoogstens 24 rapportagemomenten op." };
  return { lines };
}

const kindEnum = z.enum(OPDRACHT_KINDS, { errorMap: () => ({ message: "Kies een soort." }) });

export const opdrachtSchema = z
  .object({
    kind: kindEnum,
    title: required("Titel", 200),
    purpose: required("Doel", 2000),
    requestedBy: required("Gevraagd door (afdeling)", 200),
    ownerId: optionalId("eigenaar"),
    budget,
    startDate: date("de begindatum"),
    endDate: date("de einddatum"),
    evaluationDate: optionalDate("de evaluatiedatum"),
    indicators: optionalText("Indicatoren", 2000),
    reports: optionalText("Rapportagemomenten", 3000),
    visieDocumentId: optionalId("visiedocument"),
    visieAnchor: optionalText("Passage in de visie", 200),
    route: z.enum(OPDRACHT_ROUTES, { errorMap: () => ({ message: "Kies de route." }) }),
    ketenIds: list(idField("keten")).refine((v) => v.length > 0, "Kies minstens één keten."),
    themaIds: list(idField("thema", "het")),
    organisationIds: list(idField("organisatie")).refine((v) => v.length > 0, "Kies minstens één organisatie die het uitvoert."),
  })
  .superRefine((v, ctx) => {
    if (v.endDate < v.startDate) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["endDate"], message: "De einddatum ligt vóór de begindatum." });
    if (v.evaluationDate && v.evaluationDate < v.startDate) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["evaluationDate"], message: "De evaluatiedatum ligt vóór de begindatum." });
    const r = parseReportLines(v.reports);
    if (r.error) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["reports"], message: r.error });
  });
export type OpdrachtInput = z.infer<typeof opdrachtSchema>;

/** One schema per form on the detail page, keyed by the form's `intent`. */
export const opdrachtIntentSchemas = {
  toetsen: z.object({
    outcome: z.enum(TOETS_OUTCOMES, { errorMap: () => ({ message: "Kies de uitkomst van de toets." }) }),
    note: required("Toelichting bij de toets", 2000),
  }),
  status: z.object({
    to: z.enum(OPDRACHT_STATUSES, { errorMap: () => ({ message: "Kies een bestaande status." }) }),
    note: optionalText("Toelichting", 1000),
  }),
  moment: z.object({ dueDate: date("de datum van het rapportagemoment"), title: required("Wat wordt er opgeleverd", 200) }),
  ontvangen: z.object({ reportId: idField("rapportagemoment") }),
  terugkoppeling: z.object({ reportId: idField("rapportagemoment"), feedback: required("Wat er met uw gegevens is gedaan", 2000) }),
};

/** The register's filters (query string); unknown values are ignored, not refused. */
export type OpdrachtFilter = { keten?: string; thema?: string; organisatie?: string; status?: string; soort?: string; route?: string };
export const OPDRACHT_FILTER_KEYS = ["keten", "thema", "organisatie", "status", "soort", "route"] as const;
