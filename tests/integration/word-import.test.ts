// Issue 16, acceptance 3 (Word in): a .docx made here with the `docx` package (headings,
// bold/italic, nested lists, a table, a link, an image) becomes a living document with the image
// reported as dropped; the same file replaces a proposal's text as one incremental change in its
// room; corrupt, non-Word, old .doc and too large files are refused with a Dutch 400/413 and
// change nothing.
import { eq } from "drizzle-orm";
import { strToU8, zipSync } from "fflate";
import * as Y from "yjs";
import { beforeAll, describe, expect, it } from "vitest";
import { werkafsprakenDocx } from "../support/docx-fixture";
import { getDb, schema } from "~/db/client.server";
import { seedDemoIfEmpty } from "~/domain/seed/index.server";
import { loadActorByEmail, type Actor } from "~/domain/actor.server";
import { DomainError } from "~/domain/errors";
import { importWordDocument, importWordIntoProposal } from "~/domain/documents/word-import.server";
import { loadProposal } from "~/domain/consultation/access.server";
import { canEditProposedText } from "~/domain/policy.server";
import { proposedText } from "~/domain/consultation/text.server";
import { getRoomLexicalState, getRoomState, readDerived } from "~/collab/index.server";
import { lexicalStateToHtml } from "~/editor/convert.server";
import { docRoom, proposalRoom } from "~/shared/collab";
import { wordLossText } from "~/shared/word-import";

const REGISSEUR = "regisseur.participatie@zaanstad.example";
const who = (email: string): Actor => loadActorByEmail(email)!;
let docx: Uint8Array;

beforeAll(async () => {
  await seedDemoIfEmpty();
  docx = new Uint8Array(await werkafsprakenDocx());
}, 60_000);

const ketenId = () => getDb().select({ id: schema.ketens.id }).from(schema.ketens).where(eq(schema.ketens.slug, "participatie-armoede")).get()!.id;
/** A demo proposal whose text the regisseur may still edit. */
const editableProposal = (actor: Actor) =>
  getDb().select({ id: schema.proposals.id }).from(schema.proposals).all().map((r) => r.id).find((id) => canEditProposedText(actor, loadProposal(id)!.facts))!;
const documentCount = () => getDb().select({ id: schema.documents.id }).from(schema.documents).all().length;

async function refusal(run: () => Promise<unknown>): Promise<DomainError> {
  try {
    await run();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error("not refused");
}

describe("a Word file becomes a living document", () => {
  it("keeps headings, bold/italic, nested lists, the link and the table; reports the image as dropped", async () => {
    const done = await importWordDocument({ actor: who(REGISSEUR), title: "", kind: "werkafspraken", ketenId: ketenId(), summary: "", file: { name: "Werkafspraken_vroegsignalering.docx", bytes: docx } });
    expect(done.dropped).toEqual([{ kind: "images", count: 1 }]);
    expect(wordLossText(done.dropped[0])).toBe("1 afbeelding: niet overgenomen. Voeg ze zo nodig als link toe.");
    const doc = getDb().select().from(schema.documents).where(eq(schema.documents.slug, done.slug)).get()!;
    expect(doc.title).toBe("Werkafspraken vroegsignalering");
    expect(doc.status).toBe("concept");
    const html = lexicalStateToHtml(getRoomLexicalState(docRoom(doc.id)));
    expect(html).toContain(">Werkafspraken vroegsignalering</h1>");
    expect(html).toContain(">Wie doet wat</h2>");
    expect(html).toContain("<strong>alle</strong>");
    expect(html).toContain("<em>vanaf januari</em>");
    expect(html).toMatch(/<ul><li>Het wijkteam belt binnen twee werkdagen<\/li><li><ul><li>Bij geen gehoor een huisbezoek<\/li><\/ul><\/li>/);
    expect(html).toContain('<a href="https://www.zaanstad.nl/"');
    expect(html).toContain("<table>");
    expect(html).toContain("<strong>Termijn</strong>");
    expect(html).toContain("2 werkdagen");
    expect(html).not.toContain("<img");
    // The template the room started with is gone; the derived forms (search, read view) follow.
    expect(html).not.toContain("Vervang deze tekst");
    expect(readDerived(docRoom(doc.id))?.text).toContain("Bij geen gehoor een huisbezoek");
  });

  it("refuses a corrupt, a non-Word, an old .doc, an empty and a too large file with a Dutch message, creating nothing", async () => {
    const before = documentCount();
    const base = { actor: who(REGISSEUR), title: "Kapot", kind: "werkafspraken" as const, ketenId: ketenId(), summary: "" };
    const corrupt = docx.slice(0, Math.floor(docx.length / 2));
    let e = await refusal(() => importWordDocument({ ...base, file: { name: "kapot.docx", bytes: corrupt } }));
    expect(e.status).toBe(400);
    expect(e.fieldErrors.file).toMatch(/beschadigd|geen Word-document/);
    e = await refusal(() => importWordDocument({ ...base, file: { name: "notities.docx", bytes: strToU8("Dit is gewoon tekst.") } }));
    expect(e.status).toBe(400);
    expect(e.message).toContain("geen Word-document");
    e = await refusal(() => importWordDocument({ ...base, file: { name: "lijst.xlsx", bytes: zipSync({ "[Content_Types].xml": strToU8("<Types>spreadsheetml</Types>"), "xl/workbook.xml": strToU8("<x/>") }) } }));
    expect(e.status).toBe(400);
    e = await refusal(() => importWordDocument({ ...base, file: { name: "oud.doc", bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]) } }));
    expect(e.message).toContain("oud Word-bestand (.doc)");
    e = await refusal(() => importWordDocument({ ...base, file: null }));
    expect(e.fieldErrors.file).toBe("Kies een Word-bestand (.docx).");
    e = await refusal(() => importWordDocument({ ...base, file: { name: "groot.docx", bytes: new Uint8Array(10_000_001) } }));
    expect(e.status).toBe(413);
    expect(e.message).toContain("groter dan 10 MB");
    expect(documentCount()).toBe(before);
  });

  it("refuses someone who may not create documents in the keten before reading the file", async () => {
    const e = await refusal(() => importWordDocument({ actor: who("werkom@werkom.example"), title: "X", kind: "overig", ketenId: ketenId(), summary: "", file: { name: "x.docx", bytes: docx } }));
    expect(e.status).toBe(403);
  });
});

describe("a Word file replaces a proposal's text", () => {
  it("as one incremental update in the proposal room, which editors continue from", async () => {
    const regisseur = who(REGISSEUR);
    const id = editableProposal(regisseur);
    const room = proposalRoom(id);
    const before = getRoomState(room);
    const updatesBefore = getDb().select({ id: schema.yUpdates.id }).from(schema.yUpdates).where(eq(schema.yUpdates.room, room)).all().length;
    const done = await importWordIntoProposal({ actor: regisseur, id, file: { name: "nieuw.docx", bytes: docx } });
    expect(done.dropped.map((d) => d.kind)).toEqual(["images"]);
    // Incremental: the old state is contained in the new one (same history, one more update).
    const after = getRoomState(room);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, before);
    const missing = Y.diffUpdate(after, Y.encodeStateVector(doc));
    expect(missing.length).toBeGreaterThan(2);
    Y.applyUpdate(doc, missing);
    expect(Y.encodeStateVector(doc)).toEqual(Y.encodeStateVector((() => { const d = new Y.Doc(); Y.applyUpdate(d, after); return d; })()));
    const rows = getDb().select({ personId: schema.yUpdates.personId }).from(schema.yUpdates).where(eq(schema.yUpdates.room, room)).all();
    expect(rows.length).toBeGreaterThan(updatesBefore);
    expect(rows.at(-1)?.personId).toBe(regisseur.id);
    const text = proposedText({ id, baseVersionId: null })!;
    expect(text.html).toContain("Bij geen gehoor een huisbezoek");
    expect(text.html).toContain("<table>");
  });

  it("refuses a reader of the proposal (403) and a corrupt file (400) without touching the room", async () => {
    const regisseur = who(REGISSEUR);
    const id = editableProposal(regisseur);
    const state = getRoomState(proposalRoom(id));
    const e = await refusal(() => importWordIntoProposal({ actor: regisseur, id, file: { name: "kapot.docx", bytes: docx.slice(0, 200) } }));
    expect(e.status).toBe(400);
    expect(getRoomState(proposalRoom(id))).toEqual(state);
    const other = await refusal(() => importWordIntoProposal({ actor: who("werkom@werkom.example"), id, file: { name: "x.docx", bytes: docx } }));
    expect([403, 404]).toContain(other.status);
  });
});
