// A Word document made in the test with the `docx` package: headings, bold/italic, nested
// lists, a table, a link and an image (issue 16, acceptance 3). Shared by the integration test
// and the e2e upload.
import { Document, ExternalHyperlink, HeadingLevel, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from "docx";

/** A 1×1 PNG. */
const PIXEL = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });

export async function werkafsprakenDocx(): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: "Werkafspraken vroegsignalering", heading: HeadingLevel.HEADING_1 }),
          new Paragraph({
            children: [new TextRun("Deze afspraken gelden voor "), new TextRun({ text: "alle", bold: true }), new TextRun(" ketenpartners, "), new TextRun({ text: "vanaf januari", italics: true }), new TextRun(".")],
          }),
          new Paragraph({ text: "Wie doet wat", heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: "Het wijkteam belt binnen twee werkdagen", bullet: { level: 0 } }),
          new Paragraph({ text: "Bij geen gehoor een huisbezoek", bullet: { level: 1 } }),
          new Paragraph({ text: "De schuldhulp plant een intake", bullet: { level: 0 } }),
          new Paragraph({
            children: [new TextRun("Meer informatie staat op "), new ExternalHyperlink({ link: "https://www.zaanstad.nl/", children: [new TextRun({ text: "de site van de gemeente", style: "Hyperlink" })] }), new TextRun(".")],
          }),
          new Table({
            rows: [new TableRow({ children: [cell("Partner", true), cell("Termijn", true)] }), new TableRow({ children: [cell("Wijkteam"), cell("2 werkdagen")] })],
          }),
          new Paragraph({ children: [new ImageRun({ type: "png", data: PIXEL, transformation: { width: 40, height: 40 } })] }),
          new Paragraph({ text: "Slotbepaling", heading: HeadingLevel.HEADING_2 }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
