// Dutch labels for formatting changes in a comparison (redline, Word export, proposals).
// One place for the words; app/domain/documents/diff.ts decides which changes there are.
import { plural } from "./plural";

export type FormatChangeKind = "block" | "list" | "bold" | "italic" | "link-added" | "link-removed" | "link-changed";
export type FormatChange = { kind: FormatChangeKind; label: string };

/** How the comparison names a block's type. */
export const BLOCK_TYPE_LABELS: Record<string, string> = {
  p: "gewone tekst",
  h1: "kop niveau 1",
  h2: "kop niveau 2",
  h3: "kop niveau 3",
  h4: "kop niveau 4",
  h5: "kop niveau 5",
  h6: "kop niveau 6",
  ul: "opsomming",
  ol: "genummerde lijst",
  blockquote: "citaat",
};

const blockName = (tag: string) => BLOCK_TYPE_LABELS[tag] ?? tag;
const quote = (text: string) => `‘${text.length > 80 ? `${text.slice(0, 79)}…` : text}’`;

export const formatLabel = {
  block: (from: string, to: string) => `Opmaak gewijzigd: ${blockName(from)} → ${blockName(to)}`,
  list: (from: string, to: string) => `Soort lijst gewijzigd: ${blockName(from)} → ${blockName(to)}`,
  bold: (text: string, on: boolean) => (on ? `Vet gemaakt: ${quote(text)}` : `Niet meer vet: ${quote(text)}`),
  italic: (text: string, on: boolean) => (on ? `Cursief gemaakt: ${quote(text)}` : `Niet meer cursief: ${quote(text)}`),
  linkAdded: (text: string, href: string) => `Link toegevoegd: ${quote(text)} → ${href}`,
  linkRemoved: (text: string, href: string) => `Link verwijderd: ${quote(text)} (was ${href})`,
  linkChanged: (text: string, from: string, to: string) => `Link gewijzigd: ${quote(text)} → ${to} (was ${from})`,
};

/** "3 wijzigingen", "1 wijziging". */
export const changeCount = (n: number) => plural(n, "wijziging", "wijzigingen");
