// Word in: the Dutch summary of what an import could not keep, shown on the page after the
// upload (issue 16). Isomorphic: the domain returns kinds and counts, the page says them.
import { z } from "zod";
import { newDocumentSchema } from "./document-forms";
import { plural } from "./plural";
import { optionalText } from "./schemas";

export type WordLoss = { kind: "images" | "comments" | "insertions" | "deletions" | "textboxes" | "other"; count: number };

/** Files the import form offers in the file picker (the server checks the content itself). */
export const WORD_ACCEPT = ".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export function wordLossText(loss: WordLoss): string {
  switch (loss.kind) {
    case "images":
      return `${plural(loss.count, "afbeelding", "afbeeldingen")}: niet overgenomen. Voeg ze zo nodig als link toe.`;
    case "comments":
      return `${plural(loss.count, "opmerking", "opmerkingen")} uit Word: niet overgenomen. Zet ze zo nodig als reactie in het portaal.`;
    case "insertions":
      return `${plural(loss.count, "bijgehouden invoeging", "bijgehouden invoegingen")}: de ingevoegde tekst is overgenomen als gewone tekst (alsof de wijziging is geaccepteerd).`;
    case "deletions":
      return `${plural(loss.count, "bijgehouden verwijdering", "bijgehouden verwijderingen")}: de verwijderde tekst is weggelaten (alsof de wijziging is geaccepteerd).`;
    case "textboxes":
      return `${plural(loss.count, "tekstvak", "tekstvakken")}: niet als tekstvak overgenomen; de tekst staat als gewone alinea in het document.`;
    case "other":
      return `${plural(loss.count, "opmaakstijl", "opmaakstijlen")} die het portaal niet kent: de tekst is als gewone alinea overgenomen.`;
  }
}

/** The size limit in words, e.g. "10 MB". */
export function megabytes(bytes: number): string {
  return `${Math.round(bytes / 100_000) / 10} MB`.replace(".", ",");
}

/** The Word import form for a new document: as "Nieuw document", the title may come from the file name. */
export const wordDocumentSchema = newDocumentSchema.extend({ title: optionalText("Titel", 120) });

/** Replacing a proposal's text: only the file (and the CSRF token). */
export const wordProposalSchema = z.object({});
