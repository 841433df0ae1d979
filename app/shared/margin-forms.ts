// Form schemas of margin comments (drafts and proposals): comment, reply, resolve/reopen and
// the owner's handling of a suggestion.
import { z } from "zod";
import { idSchema } from "./ids";
import { optionalText, required } from "./schemas";

export const MARGIN_TEXT_MAX = 2000;

export const draftCommentSchema = z.object({
  quote: required("De passage", 2000),
  quoteHint: optionalText("Context", 200),
  text: required("Uw opmerking", MARGIN_TEXT_MAX),
});

export const replySchema = z.object({
  commentId: idSchema("Deze opmerking bestaat niet (meer)."),
  text: required("Uw antwoord", MARGIN_TEXT_MAX),
});

export const resolveSchema = z.object({
  commentId: idSchema("Deze opmerking bestaat niet (meer)."),
  resolved: z.enum(["ja", "nee"], { errorMap: () => ({ message: "Kies afhandelen of heropenen." }) }),
});

export const acceptSuggestionSchema = z.object({
  commentId: idSchema("Deze reactie bestaat niet (meer)."),
  text: optionalText("Toelichting", MARGIN_TEXT_MAX),
});

export const declineSuggestionSchema = z.object({
  commentId: idSchema("Deze reactie bestaat niet (meer)."),
  text: required("Waarom niet", MARGIN_TEXT_MAX),
});
