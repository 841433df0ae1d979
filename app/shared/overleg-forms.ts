// Form schemas for overleg (issue 19): meetings, agenda, decisions, actions, the register,
// the roles table and the stand-in. Shared by the browser (limits) and the actions.
import { z } from "zod";
import { ACTION_STATUSES, OVERLEG_KINDS, REGISTER_PRIORITIES, REGISTER_SOURCES, REGISTER_STATUSES } from "~/db/enums";
import { idField, optionalText, required } from "./schemas";
import { AGENDA_TARGET_KINDS } from "./overleg";

const date = (label: string) => z.string({ required_error: `Vul ${label} in.` }).trim().regex(/^\d{4}-\d{2}-\d{2}$/, `Vul ${label} in als JJJJ-MM-DD.`);
const time = (label: string) => z.string().trim().regex(/^([01]\d|2[0-3]):[0-5]\d$/, `Vul ${label} in als UU:MM.`);
const optionalId = (label: string) => z.preprocess((v) => (v === "" || v === undefined ? undefined : v), idField(label).optional());

export const meetingFields = { date: date("de datum"), startTime: time("de begintijd"), endTime: time("de eindtijd"), location: optionalText("Locatie", 200) };

/** One schema per form, keyed by the form's `intent` (app/http/action.server.ts). */
export const overlegIntentSchemas = {"bijeenkomst": z.object({ ...meetingFields })};

/** One schema per form, keyed by the form's `intent` (app/http/action.server.ts). */
export const meetingIntentSchemas = {
    "verplaatsen": z.object({ ...meetingFields }),
    "agendapunt": z.object({ title: required("Titel", 200),
      target: z.preprocess((v) => (v === "" ? undefined : v), z.string().regex(new RegExp(`^(${AGENDA_TARGET_KINDS.join("|")}):\\d+$`), "Kies een item uit de lijst.").optional()),
      note: optionalText("Toelichting", 1000),
    }),
    "besluit": z.object({ agendaItemId: optionalId("agendapunt"), text: required("Besluit", 2000), decidedBy: required("Besloten door", 200), decidedOn: date("de datum van het besluit") }),
    "actie": z.object({ title: required("Actie", 300),
      owner: z.string({ required_error: "Kies een eigenaar." }).regex(/^(person|organisation):\d+$/, "Kies een eigenaar uit de lijst."),
      dueDate: date("de streefdatum"),
      decisionId: optionalId("besluit"),
      signalId: optionalId("signaal"),
    }),
    "actiestatus": z.object({ actionId: idField("actie"), status: z.enum(ACTION_STATUSES, { errorMap: () => ({ message: "Kies een bestaande status." }) }) }),
    "agenda-versturen": z.object({}),
    "verslag-versturen": z.object({}),
  };

/** One schema per form, keyed by the form's `intent` (app/http/action.server.ts). */
export const registerIntentSchemas = {
    "nieuw": z.object({ title: required("Titel", 200),
      description: optionalText("Toelichting", 2000),
      source: z.enum(REGISTER_SOURCES, { errorMap: () => ({ message: "Kies een herkomst." }) }),
      signalId: optionalId("signaal"),
    }),
    "bijwerken": z.object({ itemId: idField("verbeterpunt"),
      priority: z.preprocess((v) => (v === "" ? undefined : v), z.enum(REGISTER_PRIORITIES).optional()),
      status: z.enum(REGISTER_STATUSES, { errorMap: () => ({ message: "Kies een bestaande status." }) }),
      okoActionId: optionalId("actie"),
      outcome: optionalText("Resultaat", 2000),
    }),
  };

/** One schema per form, keyed by the form's `intent` (app/http/action.server.ts). */
export const regieIntentSchemas = {
    "waarnemen": z.object({ standIn: z.enum(["aan", "uit"]) }),
    "rol": z.object({ organisationId: idField("organisatie"),
      role: required("Rol", 300),
      expectations: optionalText("Wat anderen mogen verwachten", 1000),
      contentDecider: optionalText("Beslist over inhoud", 200),
      capacityDecider: optionalText("Beslist over capaciteit", 200),
    }),
    "contact-toevoegen": z.object({ wijkId: idField("wijk"), role: required("Rol", 200), name: required("Naam", 200) }),
    "contact-verwijderen": z.object({ contactId: idField("contactpersoon") }),
  };

const overlegFields = {
  name: required("Naam", 200),
  kind: z.enum(OVERLEG_KINDS, { errorMap: () => ({ message: "Kies een soort overleg." }) }),
  rhythm: optionalText("Ritme", 200),
  description: optionalText("Omschrijving", 1000),
};

/** "Nieuw overleg" on /overleg (keyed by intent). */
export const newOverlegSchemas = { nieuw: z.object({ ketenId: idField("keten"), ...overlegFields, chairId: optionalId("voorzitter") }) };

/** The settings of one overleg on /overleg/:id/instellingen (keyed by intent). */
export const overlegSettingsSchemas = {
  instellingen: z.object({ ...overlegFields, chairId: optionalId("voorzitter") }),
  "persoon-toevoegen": z.object({ personId: idField("persoon") }),
  "persoon-verwijderen": z.object({ personId: idField("persoon") }),
  "organisatie-toevoegen": z.object({ organisationId: idField("organisatie") }),
  "organisatie-verwijderen": z.object({ organisationId: idField("organisatie") }),
};

export const agendaFromSignalSchema = z.object({ meetingId: idField("bijeenkomst"), signalId: idField("signaal") });
