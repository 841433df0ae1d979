// Word and PDF out: documents open with a reader (fflate + the document.xml) and contain
// real tracked changes for a redline; PDFs carry the expected text (pdf-parse).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { strFromU8, unzipSync } from "fflate";
import { PDFParse } from "pdf-parse";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, schema } from "~/db/client.server";
import { resetClock, setClock } from "~/utils/clock.server";
import { seedDocuments } from "~/domain/documents/seed.server";
import { seedWorld } from "~/domain/seed/world.server";
import { seedProposals } from "~/domain/consultation/seed.server";
import { actor } from "~/domain/consultation/test-support.server";
import { DomainError } from "~/domain/errors";
import { toDocx } from "~/domain/export/docx.server";
import { toPdf } from "~/domain/export/pdf.server";
import { comparisonExport, reactienotaExport, redlineExport, versionExport } from "~/domain/export/sources.server";

const P1 = "Startgesprekken bij een bijstandsaanvraag voortaan gevoerd door Werkom";
const P2 = "Aanbieders vooraf consulteren bij wijzigingen en pilots, en een vaste route voor warme overdracht";
const idOf = (title: string) => getDb().select({ id: schema.proposals.id }).from(schema.proposals).where(eq(schema.proposals.title, title)).get()!.id;

function documentXml(docx: Buffer): string {
  const files = unzipSync(new Uint8Array(docx));
  expect(Object.keys(files)).toEqual(expect.arrayContaining(["word/document.xml", "[Content_Types].xml"]));
  return strFromU8(files["word/document.xml"]);
}

async function pdfText(pdf: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

beforeAll(async () => {
  setClock("2026-11-22T10:00:00Z");
  await seedWorld();
  seedDocuments();
  seedProposals();
  return () => resetClock();
});

describe("a proposal's redline", () => {
  it("as .docx carries Word tracked changes (w:ins / w:del) with the changed words", async () => {
    const model = redlineExport({ actor: actor("werkom@werkom.example"), id: idOf(P1) });
    const xml = documentXml(await toDocx(model));
    const inserted = [...xml.matchAll(/<w:ins\b[^>]*>([\s\S]*?)<\/w:ins>/g)].map((m) => m[1]).join(" ");
    const deleted = [...xml.matchAll(/<w:del\b[^>]*>([\s\S]*?)<\/w:del>/g)].map((m) => m[1]).join(" ");
    expect(inserted).toContain("<w:t");
    expect(deleted).toContain("<w:delText");
    // The words the proposal adds are inside an insertion.
    expect(inserted).toMatch(/Sociale/);
    expect(xml).toMatch(/w:author="Ketenportaal \(voorstel\)"/);
    // The document language is Dutch (default run properties in the styles part).
    const styles = strFromU8(unzipSync(new Uint8Array(await toDocx(model)))["word/styles.xml"]);
    expect(styles).toMatch(/<w:lang w:val="nl-NL"/);
  });

  it("as PDF contains the title, the header, page numbers and the proposed words", async () => {
    const model = redlineExport({ actor: actor("werkom@werkom.example"), id: idOf(P1) });
    const pdf = await toPdf(model);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = await pdfText(pdf);
    expect(text).toContain("Ketenportaal Zaanstad");
    expect(text).toContain("Startgesprekken bij een bijstandsaanvraag");
    expect(text).toMatch(/Pagina 1 van \d+/);
    // Exactly one page number per page (no blank pages from writing in the margin).
    const pages = Number(/Pagina 1 van (\d+)/.exec(text)?.[1]);
    expect(text.match(/Pagina \d+ van \d+/g)).toHaveLength(pages);
    expect((pdf.toString("latin1").match(/\/Type \/Page\b/g) ?? []).length).toBe(pages);
    expect(text).toContain("Onderstreept: toegevoegd.");
    // Language and tagging are in the catalog.
    const raw = pdf.toString("latin1");
    expect(raw).toMatch(/\/Lang \(nl-NL\)/);
    expect(raw).toContain("/StructTreeRoot");
    expect(raw).toMatch(/\/Marked true/);
    fs.writeFileSync(path.join(os.tmpdir(), "kp-redline.pdf"), pdf);
  });

  it("is not exported for someone who may not read the proposal", () => {
    // Thuishulp Demo is not part of the Participatie keten: the proposal is absent for them.
    expect(() => redlineExport({ actor: actor("thuishulp@thuishulpdemo.example"), id: idOf(P1) })).toThrow(DomainError);
  });
});

describe("versions and comparisons", () => {
  it("a published version exports to .docx without tracked changes and to PDF with its text", async () => {
    const model = versionExport({ actor: actor("nieuw@incluzio.example"), slug: "werkafspraken-participatieketen", number: 1 });
    const xml = documentXml(await toDocx(model));
    expect(xml).not.toContain("<w:ins ");
    expect(xml).toContain("Versie 1");
    const text = await pdfText(await toPdf(model));
    expect(text).toContain(model.title);
    expect(text).toContain("Versie 1");
    const firstWords = model.blocks.find((b) => b.kind === "paragraph")!.segments[0].text.split(" ").slice(0, 4).join(" ");
    expect(text.replace(/\s+/g, " ")).toContain(firstWords);
  });

  it("a comparison between two versions is tracked changes in Word", async () => {
    const doc = getDb().select().from(schema.documentVersions).where(eq(schema.documentVersions.number, 2)).get();
    expect(doc).toBeTruthy();
    const slug = getDb().select({ slug: schema.documents.slug }).from(schema.documents).where(eq(schema.documents.id, doc!.documentId)).get()!.slug;
    const model = comparisonExport({ actor: actor("aanbieder@zorgvoorbeeld.example"), slug, from: 1, to: 2 });
    const xml = documentXml(await toDocx(model));
    expect(xml).toMatch(/<w:ins\b/);
    expect(model.blocks.some((b) => b.status !== "same")).toBe(true);
  });
});

describe("reactienota", () => {
  it("exports every comment and answer to .docx and PDF", async () => {
    const model = reactienotaExport({ actor: actor("aanbieder@zorgvoorbeeld.example"), id: idOf(P2) });
    expect(model.blocks.filter((b) => b.kind === "heading")).toHaveLength(5);
    const xml = documentXml(await toDocx(model));
    expect(xml).toContain("Reactie 1");
    const text = await pdfText(await toPdf(model));
    expect(text).toContain("Reactienota");
    expect(text).toContain("Reactie 5");
    expect(text).toMatch(/overgenomen/);
  });
});
