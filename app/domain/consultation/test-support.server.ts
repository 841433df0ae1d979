// Test data for the consultation tests: the demo world, a published document and a way to
// put words in a proposal's room (as the collaboration server's derived forms would).
import { eq } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import { lexicalStateToHtml, lexicalStateToMarkdown, lexicalStateToText, markdownToLexicalState } from "~/editor/convert.server";
import { proposalRoom } from "~/shared/collab";
import { flushDerived, replaceRoomContent } from "~/collab/index.server";
import { nowIso } from "~/utils/clock.server";
import { loadActorByEmail, type Actor } from "../actor.server";
import { seedWorld } from "../seed/world.server";

export async function setupWorld(): Promise<void> {
  const has = getDb().select({ id: schema.people.id }).from(schema.people).limit(1).get();
  if (!has) await seedWorld();
}

export function actor(email: string): Actor {
  const a = loadActorByEmail(email);
  if (!a) throw new Error(`no demo person ${email}`);
  return a;
}

export function forms(markdown: string) {
  const lexicalJson = markdownToLexicalState(markdown);
  return { lexicalJson, html: lexicalStateToHtml(lexicalJson), text: lexicalStateToText(lexicalJson), markdown: lexicalStateToMarkdown(lexicalJson) };
}

export function makeDocument(input: { slug: string; title: string; keten?: string | null; markdown: string; kind?: "visie" | "werkafspraken" }) {
  const db = getDb();
  const ketenId = input.keten ? (db.select({ id: schema.ketens.id }).from(schema.ketens).where(eq(schema.ketens.slug, input.keten)).get()?.id ?? null) : null;
  const doc = db
    .insert(schema.documents)
    .values({ slug: input.slug, title: input.title, kind: input.kind ?? "werkafspraken", ketenId, status: "gepubliceerd" })
    .returning({ id: schema.documents.id })
    .get();
  const version = db
    .insert(schema.documentVersions)
    .values({ documentId: doc.id, number: 1, summary: "Eerste versie", publishedAt: nowIso(), ...forms(input.markdown) })
    .returning({ id: schema.documentVersions.id })
    .get();
  db.update(schema.documents).set({ currentVersionId: version.id }).where(eq(schema.documents.id, doc.id)).run();
  return { id: doc.id, versionId: version.id };
}

/** Change the proposed text through its collaboration room, as an editor's keystrokes would. */
export function editProposedText(proposalId: number, markdown: string): void {
  const room = proposalRoom(proposalId);
  const lexicalJson = markdownToLexicalState(markdown);
  replaceRoomContent(room, lexicalJson);
  flushDerived(room, { lexicalJson });
}

export const VISIE_MD = `# Visie op partnerschap

## Veranderingen samen voorbereiden

Wie geraakt wordt door een verandering, hoort dat vooraf en kan meepraten.

## Gelijkwaardig samenwerken

Partners zijn gelijkwaardig.
`;

export const WERKAFSPRAKEN_MD = `# Werkafspraken participatieketen

## Het startgesprek

Na een aanvraag voor bijstand volgt een startgesprek met het wijkteam en een inkomensconsulent.

## Warme overdracht

Het wijkteam plant binnen tien werkdagen een driegesprek met Werkom.
`;

export const PROPOSED_MD = `# Werkafspraken participatieketen

## Het startgesprek

Na een aanvraag voor bijstand volgt een startgesprek met Werkom en een inkomensconsulent. Werkom verwijst door naar het wijkteam via een warme overdracht.

## Warme overdracht

Het wijkteam plant binnen tien werkdagen een driegesprek met Werkom.
`;
