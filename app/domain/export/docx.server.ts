// Word export with the `docx` package. Insertions and deletions become real tracked changes
// (w:ins / w:del) so Word shows them in its review pane. See docs/decisions/601-word-and-pdf-export.md.
// The package is loaded on the first export, not at start (issue 11: ~3 MB of JS heap and its
// source text in every idle process; see docs/decisions/130-idle-memory-and-growth.md).
import type * as DocxModule from "docx";
import type { Paragraph } from "docx";
import { dutchDate, type ExportBlock, type ExportModel } from "./model";

type Docx = typeof DocxModule;

function headings({ HeadingLevel }: Docx) {
  return {
    h1: HeadingLevel.HEADING_1,
    h2: HeadingLevel.HEADING_2,
    h3: HeadingLevel.HEADING_3,
    h4: HeadingLevel.HEADING_4,
    h5: HeadingLevel.HEADING_5,
    h6: HeadingLevel.HEADING_6,
  } as const;
}

function runs(d: Docx, block: ExportBlock, model: ExportModel, nextId: () => number, date: string) {
  const { DeletedTextRun, InsertedTextRun, TextRun } = d;
  return block.segments.map((s) => {
    if (model.tracked && s.type === "add") return new InsertedTextRun({ text: s.text, id: nextId(), author: model.author ?? "Ketenportaal", date });
    if (model.tracked && s.type === "del") return new DeletedTextRun({ text: s.text, id: nextId(), author: model.author ?? "Ketenportaal", date });
    return new TextRun({ text: s.text });
  });
}

function paragraph(d: Docx, block: ExportBlock, model: ExportModel, nextId: () => number, date: string): Paragraph {
  const { HeadingLevel, Paragraph } = d;
  const HEADINGS = headings(d);
  const children = runs(d, block, model, nextId, date);
  if (block.kind === "heading") {
    // The document title is the only level 1; content headings start one lower.
    const level = HEADINGS[(block.tag as keyof typeof HEADINGS) in HEADINGS ? (block.tag as keyof typeof HEADINGS) : "h2"];
    return new Paragraph({ heading: level === HeadingLevel.HEADING_1 ? HeadingLevel.HEADING_2 : level, children });
  }
  if (block.kind === "listitem") {
    const level = Math.min(block.depth, 8);
    return block.tag === "ol" ? new Paragraph({ numbering: { reference: "kp-genummerd", level }, children }) : new Paragraph({ bullet: { level }, children });
  }
  if (block.kind === "quote") return new Paragraph({ style: "Quote", indent: { left: 720 }, children });
  return new Paragraph({ children });
}

export async function toDocx(model: ExportModel): Promise<Buffer> {
  const d = await import("docx");
  const { AlignmentType, Document, Footer, Header, HeadingLevel, LevelFormat, Packer, PageNumber, Paragraph, TextRun } = d;
  let id = 0;
  const nextId = () => ++id;
  const date = new Date(model.date.length === 10 ? `${model.date}T12:00:00Z` : model.date).toISOString().replace(/\.\d{3}Z$/, "Z");
  const doc = new Document({
    creator: "Ketenportaal Zaanstad",
    title: model.title,
    description: model.versionLabel,
    styles: { default: { document: { run: { font: "Calibri", language: { value: "nl-NL" } } } } },
    numbering: {
      config: [
        {
          reference: "kp-genummerd",
          levels: Array.from({ length: 9 }, (_, level) => ({ level, format: LevelFormat.DECIMAL, text: `%${level + 1}.`, alignment: AlignmentType.START, style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } } })),
        },
      ],
    },
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph({ children: [new TextRun({ text: "Ketenportaal Zaanstad", color: "1F5F8B", bold: true })] })] }) },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [new TextRun({ children: [`${model.title} · ${model.versionLabel} · pagina `, PageNumber.CURRENT, " van ", PageNumber.TOTAL_PAGES] })],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(model.title)] }),
          new Paragraph({ children: [new TextRun({ text: `${model.versionLabel} · ${dutchDate(model.date)}`, italics: true })] }),
          ...(model.lead ? [new Paragraph({ children: [new TextRun({ text: model.lead })] })] : []),
          ...model.blocks.map((b) => paragraph(d, b, model, nextId, date)),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
