// Form schemas for signalen, shared by the browser (limits, live privacy check) and the actions.
import { z } from "zod";
import { idField, list, optionalText, required } from "./schemas";
import { SIGNAL_STATUS_LIST, STADSBREED, type SignalStatus } from "./signals";

export const TITLE_MAX = 120;
export const DESCRIPTION_MAX = 4000;
export const NOTE_MAX = 500;
export const FEEDBACK_MAX = 4000;

const optionalId = (label: string) => z.preprocess((v) => (v === "" || v === undefined ? undefined : v), idField(label).optional());

export const reportSignalSchema = z.object({
  title: required("Titel", TITLE_MAX),
  description: required("Beschrijving", DESCRIPTION_MAX),
  ketenId: idField("keten"),
  extraKetenIds: list(idField("keten")),
  themaId: idField("thema"),
  /** Wijk ids, or the single value "stadsbreed". */
  wijken: list(z.string().trim().regex(new RegExp(`^(\\d+|${STADSBREED})$`), "Kies een bestaande wijk of stadsbreed.")),
  documentId: optionalId("document"),
  documentAnchor: optionalText("Passage", 300),
});
export type ReportSignalInput = z.infer<typeof reportSignalSchema>;

const statusEnum = z.enum(SIGNAL_STATUS_LIST as [SignalStatus, ...SignalStatus[]], { errorMap: () => ({ message: "Kies een bestaande status." }) });

export const signalActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("status"), to: statusEnum, text: optionalText("Toelichting", FEEDBACK_MAX) }),
    z.object({ intent: z.literal("herken"), note: optionalText("Toelichting", NOTE_MAX), wijkId: optionalId("wijk") }),
    z.object({ intent: z.literal("herken-intrekken") }),
    z.object({ intent: z.literal("samenvoegen"), survivorId: idField("signaal"), note: optionalText("Toelichting", NOTE_MAX) }),
    z.object({
      intent: z.literal("koppelen"),
      target: z
        .string({ required_error: "Kies een voorstel of document." })
        .regex(/^(proposal|version|document):\d+$/, "Kies een voorstel of document uit de lijst."),
    }),
    z.object({ intent: z.literal("ontkoppelen"), linkId: idField("koppeling") }),
    z.object({ intent: z.literal("eigenaar"), ketenId: idField("keten") }),
  ],
  { errorMap: () => ({ message: "Onbekende actie." }) },
);
export type SignalAction = z.infer<typeof signalActionSchema>;

export const listFilterSchema = z.object({
  keten: z.string().trim().max(80).optional(),
  thema: z.string().trim().max(80).optional(),
  wijk: z.string().trim().max(80).optional(),
  status: z.union([statusEnum, z.literal("open"), z.literal("gesloten")]).optional(),
  achter: z.literal("1").optional(),
  q: z.string().trim().max(200).optional(),
});
export type ListFilter = z.infer<typeof listFilterSchema>;
