// PDF export with pdfkit on the server (no browser): the portal's header, title, version and
// date, page numbers, document language nl-NL and a tagged structure (headings, paragraphs,
// list items) for assistive technology. See docs/decisions/601-word-and-pdf-export.md.
import fs from "node:fs";
import { dutchDate, type ExportBlock, type ExportModel } from "./model";

// DejaVu covers every character Dutch text and our users' punctuation need; the standard
// PDF fonts only cover WinAnsi. Falls back to Helvetica when the font is not installed.
const FONT_DIR = "/usr/share/fonts/truetype/dejavu";
function fonts(): { regular: string; bold: string; italic: string } {
  const r = `${FONT_DIR}/DejaVuSans.ttf`;
  if (fs.existsSync(r)) return { regular: r, bold: `${FONT_DIR}/DejaVuSans-Bold.ttf`, italic: `${FONT_DIR}/DejaVuSans-Oblique.ttf` };
  return { regular: "Helvetica", bold: "Helvetica-Bold", italic: "Helvetica-Oblique" };
}

const BLUE = "#1f5f8b";
const GREEN = "#1d6b35";
const RED = "#a4262c";
const HEADING_SIZE: Record<string, number> = { h1: 16, h2: 15, h3: 13, h4: 12, h5: 11, h6: 11 };
const STRUCT_FOR_HEADING: Record<string, "H2" | "H3" | "H4" | "H5" | "H6"> = { h1: "H2", h2: "H2", h3: "H3", h4: "H4", h5: "H5", h6: "H6" };

export async function toPdf(model: ExportModel): Promise<Buffer> {
  // Loaded on the first export, not at start (issue 11: pdfkit, fontkit and their tables are
  // ~4.5 MB of JS heap in every idle process; docs/decisions/130-idle-memory-and-growth.md).
  const { default: PDFDocument } = await import("pdfkit");
  const f = fonts();
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 72, bottom: 64, left: 64, right: 64 },
    bufferPages: true,
    tagged: true,
    lang: "nl-NL",
    displayTitle: true,
    pdfVersion: "1.7",
    info: { Title: model.title, Author: "Ketenportaal Zaanstad", Subject: model.versionLabel },
  });
  doc.registerFont("body", f.regular);
  doc.registerFont("bold", f.bold);
  doc.registerFont("italic", f.italic);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const root = doc.struct("Document");
  doc.addStructure(root);

  root.add(doc.struct("H1", {}, () => doc.font("bold").fontSize(20).fillColor("#000").text(model.title, { width })));
  root.add(
    doc.struct("P", {}, () =>
      doc.moveDown(0.3).font("italic").fontSize(10).fillColor("#444").text(`${model.versionLabel} · ${dutchDate(model.date)}`, { width }),
    ),
  );
  if (model.lead) root.add(doc.struct("P", {}, () => doc.moveDown(0.3).font("body").fontSize(10).fillColor("#444").text(model.lead ?? "", { width })));
  if (model.tracked) {
    root.add(
      doc.struct("P", {}, () =>
        doc.moveDown(0.5).font("body").fontSize(9).fillColor(GREEN).text("Onderstreept: toegevoegd. ", { continued: true, underline: true }).fillColor(RED).text("Doorgestreept: verwijderd.", { underline: false, strike: true }),
      ),
    );
  }
  doc.moveDown(0.8);

  // Numbered list items count per list level; any other block ends the list.
  let counters: number[] = [];
  for (const block of model.blocks) {
    let number = 0;
    if (block.kind === "listitem") {
      counters = counters.slice(0, block.depth + 1);
      if (block.tag === "ol") number = counters[block.depth] = (counters[block.depth] ?? 0) + 1;
    } else counters = [];
    writeBlock(doc, root, block, width, number);
  }
  root.end();

  // Header and page numbers on every page, marked as artifacts (not part of the reading order).
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { top, bottom, left } = doc.page.margins;
    // Writing inside the margins would make pdfkit start a new page; lift the margin meanwhile.
    doc.page.margins.bottom = 0;
    doc.markContent("Artifact", { type: "Pagination" });
    doc.font("bold").fontSize(9).fillColor(BLUE).text("Ketenportaal Zaanstad", left, top / 2 - 12, { width, lineBreak: false });
    doc.font("body").fontSize(8).fillColor("#555").text(shorten(`${model.title} · ${model.versionLabel}`, 110), left, top / 2 + 1, { width, lineBreak: false });
    doc.text(`Pagina ${i - range.start + 1} van ${range.count}`, left, doc.page.height - bottom / 2 - 4, { width, align: "right", lineBreak: false });
    doc.endMarkedContent();
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}

function shorten(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

function writeBlock(doc: PDFKit.PDFDocument, root: PDFKit.PDFStructureElement, block: ExportBlock, width: number, number: number) {
  const heading = block.kind === "heading";
  const size = heading ? (HEADING_SIZE[block.tag] ?? 13) : 11;
  const indent = block.kind === "listitem" ? 14 + block.depth * 16 : block.kind === "quote" ? 20 : 0;
  const prefix = block.kind === "listitem" ? (number ? `${number}. ` : "• ") : "";
  const tag = heading ? (STRUCT_FOR_HEADING[block.tag] ?? "H2") : block.kind === "listitem" ? "LI" : "P";
  root.add(
    doc.struct(tag, {}, () => {
      if (heading) doc.moveDown(0.4);
      doc.font(heading ? "bold" : "body").fontSize(size).fillColor("#000");
      const x = doc.page.margins.left + indent;
      const opts = { width: width - indent, lineGap: 2 };
      doc.x = x;
      if (prefix) doc.text(prefix, { ...opts, continued: true });
      const segs = block.segments.length ? block.segments : [{ type: "same" as const, text: "" }];
      segs.forEach((s, i) => {
        const last = i === segs.length - 1;
        doc.fillColor(s.type === "add" ? GREEN : s.type === "del" ? RED : "#000");
        doc.text(s.text, { ...opts, continued: !last, underline: s.type === "add", strike: s.type === "del" });
      });
      doc.moveDown(0.35);
      doc.x = doc.page.margins.left;
    }),
  );
}
