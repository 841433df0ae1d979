// Form schemas for signalen, shared by the browser (limits, live privacy check) and the actions.
import { z } from "zod";
import { idField, list, optionalText, required } from "./schemas";
import { SIGNAL_STATUS_LIST, STADSBREED, type SignalStatus } from "./signals";

export const TITLE_MAX = 120;
export const DESCRIPTION_MAX = 4000;
export const WIJKEN_REQUIRED = "Kies minstens één wijk, of stadsbreed.";
export const WIJKEN_EXCLUSIVE = "Kies wijken óf stadsbreed, niet allebei.";
export const NOTE_MAX = 500;
export const FEEDBACK_MAX = 4000;

const optionalId = (label: string, article: "de" | "het" = "de") => z.preprocess((v) => (v === "" || v === undefined ? undefined : v), idField(label, article).optional());

export const reportSignalSchema = z.object({
  title: required("Titel", TITLE_MAX),
  description: required("Beschrijving", DESCRIPTION_MAX),
  ketenId: idField("keten"),
  extraKetenIds: list(idField("keten")),
  themaId: idField("thema", "het"),
  /** Wijk ids, or the single value "stadsbreed". */
  wijken: list(z.string().trim().regex(new RegExp(`^(\\d+|${STADSBREED})$`), "Kies een bestaande wijk of stadsbreed."))
    .refine((w) => w.length > 0, WIJKEN_REQUIRED)
    .refine((w) => !(w.includes(STADSBREED) && w.length > 1), WIJKEN_EXCLUSIVE),
  documentId: optionalId("document", "het"),
  documentAnchor: optionalText("Passage", 300),
});
export type ReportSignalInput = z.infer<typeof reportSignalSchema>;

const statusEnum = z.enum(SIGNAL_STATUS_LIST as [SignalStatus, ...SignalStatus[]], { errorMap: () => ({ message: "Kies een bestaande status." }) });

/** One schema per form on the signal page, keyed by the form's `intent`. */
export const signalIntentSchemas = {
  status: z.object({ to: statusEnum, text: optionalText("Toelichting", FEEDBACK_MAX) }),
  herken: z.object({ note: optionalText("Toelichting", NOTE_MAX), wijkId: optionalId("wijk") }),
  "herken-intrekken": z.object({}),
  samenvoegen: z.object({ survivorId: idField("signaal", "het"), note: optionalText("Toelichting", NOTE_MAX) }),
  koppelen: z.object({
    target: z
      .string({ required_error: "Kies een voorstel of document." })
      .regex(/^(proposal|version|document):[1-9][0-9]{0,15}$/, "Kies een voorstel of document uit de lijst."),
  }),
  ontkoppelen: z.object({ linkId: idField("koppeling") }),
  eigenaar: z.object({ ketenId: idField("keten") }),
};

export const listFilterSchema = z.object({
  keten: z.string().trim().max(80).optional(),
  thema: z.string().trim().max(80).optional(),
  wijk: z.string().trim().max(80).optional(),
  status: z.union([statusEnum, z.literal("open"), z.literal("gesloten")]).optional(),
  achter: z.literal("1").optional(),
  q: z.string().trim().max(200).optional(),
});
export type ListFilter = z.infer<typeof listFilterSchema>;
