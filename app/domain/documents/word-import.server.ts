// Word in (issue 16): a .docx becomes a new living document, or the new proposed text of a
// wijzigingsvoorstel. The file is converted first, so a refused file changes nothing; the text
// then enters the collaboration room as one ordinary (incremental) Yjs update, so editors who
// have the room open continue from it without reloading, and the room's history shows who
// brought it in.
import type { DocumentKind } from "~/db/schema";
import { flushDerived, replaceRoomContent } from "~/collab/index.server";
import { WordFileError, wordToLexical, type WordImport } from "~/editor/word.server";
import { docRoom, proposalRoom } from "~/shared/collab";
import { megabytes, type WordLoss } from "~/shared/word-import";
import { env } from "~/utils/env.server";
import type { Actor } from "../actor.server";
import { audit } from "../audit.server";
import { DomainError, badRequest, forbidden } from "../errors";
import { canCreateDocument, canEditProposedText } from "../policy.server";
import { requireReadable } from "../consultation/access.server";
import { createDocument } from "./documents.server";

export type UploadedFile = { name: string; bytes: Uint8Array };

export type WordImportResult = { dropped: WordLoss[]; blocks: number };

const REASONS: Record<WordFileError["reason"], string> = {
  "not-zip": "Dit bestand is geen Word-document (.docx) of het is beschadigd. Sla het in Word opnieuw op als .docx en probeer het nog eens.",
  "old-word": "Dit is een oud Word-bestand (.doc). Open het in Word, kies 'Opslaan als' en dan 'Word-document (.docx)', en upload dat bestand.",
  "not-word": "Dit bestand is geen Word-document (.docx). Alleen tekstdocumenten uit Word kunnen worden overgenomen.",
  "too-large-unpacked": "Dit Word-document is uitgepakt te groot om te verwerken. Verwijder grote afbeeldingen en probeer het opnieuw.",
  unreadable: "Dit Word-document is beschadigd en kan niet worden gelezen. Sla het in Word opnieuw op als .docx en probeer het nog eens.",
  empty: "Dit Word-document bevat geen tekst die kan worden overgenomen.",
};

export const NO_FILE = "Kies een Word-bestand (.docx).";

/** The converted file, or a Dutch 400/413 that says what is wrong with it. */
export async function convertUpload(file: UploadedFile | null): Promise<WordImport> {
  if (!file || file.bytes.length === 0) throw badRequest(NO_FILE, { file: NO_FILE });
  const max = env().WORD_IMPORT_MAX_BYTES;
  if (file.bytes.length > max) {
    const message = `Het bestand is groter dan ${megabytes(max)}. Verwijder grote afbeeldingen uit het document of splits het op.`;
    throw new DomainError(413, message, { file: message });
  }
  try {
    return await wordToLexical(file.bytes);
  } catch (e) {
    if (e instanceof WordFileError) throw badRequest(REASONS[e.reason], { file: REASONS[e.reason] });
    throw e;
  }
}

const titleFromFile = (name: string) =>
  name
    .replace(/\.docx$/i, "")
    .replace(/[_]+/g, " ")
    .trim()
    .slice(0, 120);

/** A new concept document whose text is the Word file. */
export async function importWordDocument(input: {
  actor: Actor;
  title: string;
  kind: DocumentKind;
  ketenId: number | null;
  summary: string;
  file: UploadedFile | null;
}): Promise<WordImportResult & { slug: string }> {
  const { actor } = input;
  if (!canCreateDocument(actor, input.ketenId)) {
    throw forbidden("Alleen de regisseur van de keten (of een redacteur van de gemeente) kan hier een document aanmaken.");
  }
  const converted = await convertUpload(input.file);
  const title = input.title.trim() || titleFromFile(input.file?.name ?? "");
  if (!title) throw badRequest("Controleer de gemarkeerde velden.", { title: "Vul een titel in." });
  const doc = createDocument({ actor, title, kind: input.kind, ketenId: input.ketenId, summary: input.summary });
  const room = docRoom(doc.id);
  replaceRoomContent(room, converted.lexicalJson, { personId: actor.id });
  flushDerived(room, { lexicalJson: converted.lexicalJson });
  audit({ actorId: actor.id, action: "document.word_import", entityType: "document", entityId: doc.id, after: { file: input.file?.name, dropped: converted.dropped } });
  return { slug: doc.slug, dropped: converted.dropped, blocks: converted.blocks };
}

/** The proposed text of a proposal becomes the Word file's text, as one change in its room. */
export async function importWordIntoProposal(input: { actor: Actor; id: number; file: UploadedFile | null }): Promise<WordImportResult> {
  const { actor, id } = input;
  const p = requireReadable(actor, id);
  if (!canEditProposedText(actor, p.facts)) {
    throw forbidden("U kunt de voorgestelde tekst van dit voorstel niet (meer) bewerken.");
  }
  const converted = await convertUpload(input.file);
  const room = proposalRoom(id);
  replaceRoomContent(room, converted.lexicalJson, { personId: actor.id });
  flushDerived(room, { lexicalJson: converted.lexicalJson });
  audit({ actorId: actor.id, action: "proposal.word_import", entityType: "proposal", entityId: id, after: { file: input.file?.name, dropped: converted.dropped } });
  return { dropped: converted.dropped, blocks: converted.blocks };
}
