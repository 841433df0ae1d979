// Privacy guard for every free text in signals and consultations. Isomorphic and pure: the
// browser runs it while typing for instant feedback, the server runs it again before saving
// and refuses with the same explanation. Texts are about patterns and policy, never about one
// resident, so anything that identifies a person blocks saving; what only might (a name after
// a title, a street with a number, a date not tied to a person) is a warning. The text is
// normalised first (NFKC, every kind of space, zero-width characters), while the message
// quotes the original fragment. Heuristics and known gaps: docs/decisions/302-privacy-guard.md.

export type PrivacyKind = "bsn" | "geboortedatum" | "telefoon" | "email" | "postcode" | "iban";

/** Things that only might identify someone: shown as a warning, never blocking. */
export type PrivacyWarningKind = "naam" | "adres" | "datum";

export type PrivacyHit = { kind: PrivacyKind; text: string; index: number };
export type PrivacyWarningHit = { kind: PrivacyWarningKind; text: string; index: number };

/** Which form the text belongs to: the explanation says what applies there. */
export type PrivacyContext = "signaal" | "terugkoppeling" | "herkenning" | "reactie" | "voorstel";

export type PrivacyOptions = {
  /**
   * The current year: a complete date far enough in the past is read as a date of birth.
   * The server passes the portal clock's year; the browser its own.
   */
  referenceYear?: number;
};

export const PRIVACY_LABELS: Record<PrivacyKind, string> = {
  bsn: "een burgerservicenummer (BSN)",
  geboortedatum: "een geboortedatum",
  telefoon: "een telefoonnummer",
  email: "een e-mailadres",
  postcode: "een adres (postcode met huisnummer)",
  iban: "een rekeningnummer (IBAN)",
};

export const PRIVACY_WARNING_LABELS: Record<PrivacyWarningKind, string> = {
  naam: "een naam",
  adres: "een straat met huisnummer",
  datum: "een datum die een geboortedatum kan zijn",
};

/** IBAN check: move the first four characters to the end, letters to numbers, mod 97 = 1. */
export function isValidIban(value: string): boolean {
  const iban = value.replace(/[\s-]/g, "").toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let rest = 0;
  for (const ch of rearranged) {
    const n = ch >= "A" ? String(ch.charCodeAt(0) - 55) : ch;
    for (const d of n) rest = (rest * 10 + Number(d)) % 97;
  }
  return rest === 1;
}

// Every kind of space (NBSP, narrow NBSP, thin, ideographic, tabs, line breaks …) becomes one
// plain space; zero-width characters, soft hyphens and direction marks disappear.
const SPACE_CHAR = /[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/u;
const INVISIBLE_CHAR = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/u;

/**
 * The text as the patterns see it, plus for each of its characters the offset in the original,
 * so a hit can quote exactly what the writer typed. NFKC per character maps full-width digits
 * and letters, ligatures and the like to their plain forms.
 */
export function normaliseForGuard(text: string): { text: string; map: number[] } {
  let out = "";
  const map: number[] = [];
  let offset = 0;
  for (const ch of text) {
    let n: string;
    if (INVISIBLE_CHAR.test(ch)) n = "";
    else if (SPACE_CHAR.test(ch)) n = " ";
    else n = ch.normalize("NFKC").replace(/[\u2010-\u2015\u2212]/g, "-");
    for (let i = 0; i < n.length; i++) map.push(offset);
    out += n;
    offset += ch.length;
  }
  map.push(offset);
  return { text: out, map };
}

/** Map hits found in the normalised text back to the original text's fragments. */
function toOriginal<H extends { text: string; index: number }>(hits: H[], original: string, map: number[]): H[] {
  return hits.map((h) => {
    const start = map[h.index];
    const end = map[h.index + h.text.length] ?? original.length;
    return { ...h, index: start, text: original.slice(start, end).trim() };
  });
}

/** The elfproef: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11 (and not 0). */
export function isValidBsn(value: string): boolean {
  const digits = value.replace(/\D/g, "");
  if (digits.length !== 9) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (9 - i);
  sum -= Number(digits[8]);
  return sum !== 0 && sum % 11 === 0;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

// National (0…) or international (+31 / 0031) numbers: ten digits nationally, separators allowed.
// Up to three separators between digits ("06 - 12 34 56 78").
const PHONE = /(?<![\d+])(?:(?:\+|00)31[\s.-]?(?:\(0\)[\s.-]?)?|\(?0)[1-9](?:[\s.)/-]{0,3}\d){8}(?!\d)/g;

// An IBAN written together or in groups of four; the mod-97 check decides.
const IBAN = /(?<![A-Za-z\d])[A-Za-z]{2}\d{2}(?:\s?[A-Za-z\d]{4}){2,7}(?:\s?[A-Za-z\d]{1,3})?(?![A-Za-z\d])/g;

// 9 digits in a row, or grouped the way a BSN is usually written (1234.56.782, 123 456 782).
const BSN = /(?<![\d.,-])(?:\d{9}|\d{4}\.\d{2}\.\d{3}|\d{3}([ .-])\d{3}\1\d{3})(?![\d]|[.,-]\d)/g;

const MONTHS: Record<string, number> = {
  januari: 1, jan: 1, februari: 2, feb: 2, maart: 3, mrt: 3, april: 4, apr: 4, mei: 5, juni: 6, jun: 6,
  juli: 7, jul: 7, augustus: 8, aug: 8, september: 9, sep: 9, sept: 9, oktober: 10, okt: 10, november: 11, nov: 11, december: 12, dec: 12,
};
const MONTH_NAMES = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join("|");
const NUMERIC_DATE = /(?<![\d.\-/])(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})(?![\d]|[.\-/]\d)/g;
const ISO_DATE = /(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d])/g;
const WRITTEN_DATE = new RegExp(`(?<!\\d)(\\d{1,2})\\s+(${MONTH_NAMES})\\.?\\s+(\\d{4})(?!\\d)`, "gi");
const BIRTH_WORDS = /(?:\b(?:geboren|geboortedatum|geboortedag|geb\.?\s?datum|geb|dob|d\.o\.b|leeftijd)\.?|\u00b0|\*)\s*(?:op|in)?\s*:?\s*$/i;
// "mevrouw van 12-03-1985", "een man (14 februari 1972)": a date right after a word for a person.
const PERSON_WORDS =
  "mevrouw|mevr|mw|meneer|mijnheer|dhr|heer|vrouw|man|cli[eë]nte?|inwoonster|inwoner|bewoner|bewoonster|jongere|jongen|meisje|kind|baby|zoon|dochter|moeder|vader|oma|opa|partner|echtgenote?|aanvrager|deelnemer|mantelzorger|persoon";
const PERSON_BEFORE_DATE = new RegExp(`\\b(?:${PERSON_WORDS})\\.?\\s*(?:,\\s*)?(?:van|\\(|,)\\s*$`, "i");

// Warnings. A title and a capitalised name ("mevrouw Jansen", "dhr. De Vries").
const TITLE_NAME = /\b(?:[Mm]evrouw|[Mm]evr\.?|[Mm]w\.?|[Mm]eneer|[Mm]ijnheer|[Dd]hr\.?|[Dd]e heer|[Mm]r\.?|[Dd]r\.?)\s+(?:(?:van|de|der|den|het|ter|ten|te|el|al|bin)\s+){0,3}[A-ZÀ-Ý][a-zà-ÿ'-]+/g;
// A street name with a house number ("Dorpsstraat 14a", "Vincent van Goghweg 12").
const STREET_NUMBER =
  /\b[A-ZÀ-Ý][a-zà-ÿ-]*(?:straat|weg|laan|plein|gracht|kade|dijk|singel|dreef|steeg|pad|park|hof|markt|burgwal|wal|plantsoen|erf|ring|baan|dam|kwartier)\s+\d{1,5}(?:-?[a-zA-Z](?![a-zA-Z]))?(?![\d])/g;

// Postcode: four digits (not starting with 0) and two capitals other than SA, SD, SS.
// Any case ("1502 ab 12"); after a space, a lowercase pair that is a Dutch word ("2026 en 12")
// is not read as postcode letters.
const POSTCODE = /(?<![\dA-Za-z])[1-9]\d{3}\s?(?!sa|sd|ss)[A-Za-z]{2}(?![A-Za-z])/gi;
const TWO_LETTER_WORDS = new Set(["en", "de", "in", "op", "om", "te", "of", "er", "na", "al", "nu", "zo", "ja", "is", "ik", "je", "we", "ze", "uw", "nr", "no", "tm", "ca", "pm", "am", "eo", "km", "kg", "cm", "mm", "ml", "mb", "gb", "kb", "ct", "uur"]);
// The house number with an optional letter ("12a", "12-a"), never the first letter of the next word.
const NUMBER_AFTER = /^\s*,?\s*(?:(?:nr|no|huisnummer)\.?\s*)?\d{1,5}(?:-?[a-zA-Z](?![a-zA-Z]))?(?![\d])/;
const NUMBER_BEFORE = /[A-Za-zÀ-ÿ]{3,}\.?\s+\d{1,5}(?:\s?[a-zA-Z](?![a-zA-Z]))?(?:\s?-\s?\d{1,4})?\s*,?\s*$/;

function validDate(day: number, month: number, year: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days;
}

function fullYear(y: string, referenceYear: number): number {
  if (y.length === 4) return Number(y);
  const n = Number(y);
  // "12/03/58" is 1958; "3/7/09" is 2009 (a two-digit year up to this year is this century).
  return 2000 + n <= referenceYear ? 2000 + n : 1900 + n;
}

type DateReading = "birth" | "maybe" | null;

/**
 * A date is a date of birth only when the text ties it to a person: a birth word right before
 * it (geboren, geb., geboortedatum, leeftijd, *, °) or a word for a person followed by "van" or
 * a bracket ("mevrouw van 12-03-1985", "een man (14 februari 1972)"). Any other complete date
 * at least 12 years back that is not the first of a month might be one: a warning.
 */
function readDate(text: string, index: number, day: number, month: number, year: number, referenceYear: number): DateReading {
  if (!validDate(day, month, year)) return null;
  const before = text.slice(Math.max(0, index - 40), index);
  if (BIRTH_WORDS.test(before) || PERSON_BEFORE_DATE.test(before)) return "birth";
  return year >= 1900 && year <= referenceYear - 12 && day !== 1 ? "maybe" : null;
}

function collect<H>(re: RegExp, text: string, fn: (m: RegExpExecArray) => H | null): H[] {
  const hits: H[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const hit = fn(m);
    if (hit) hits.push(hit);
  }
  return hits;
}

function withoutOverlaps<H extends { text: string; index: number }>(hits: H[]): H[] {
  hits.sort((a, b) => a.index - b.index || b.text.length - a.text.length);
  const result: H[] = [];
  let end = -1;
  for (const h of hits) {
    if (h.index < end) continue;
    result.push(h);
    end = h.index + h.text.length;
  }
  return result;
}

type Scan = { block: PrivacyHit[]; warn: PrivacyWarningHit[] };

/** Both lists over the normalised text, with positions and quotes in the original. */
function scan(original: string, opts: PrivacyOptions): Scan {
  if (!original) return { block: [], warn: [] };
  const { text, map } = normaliseForGuard(original);
  const referenceYear = opts.referenceYear ?? new Date().getFullYear();
  const dates: Array<{ reading: DateReading; text: string; index: number }> = [
    ...collect(NUMERIC_DATE, text, (m) => ({
      reading: readDate(text, m.index, Number(m[1]), Number(m[3]), fullYear(m[4], referenceYear), referenceYear),
      text: m[0],
      index: m.index,
    })),
    ...collect(ISO_DATE, text, (m) => ({ reading: readDate(text, m.index, Number(m[3]), Number(m[2]), Number(m[1]), referenceYear), text: m[0], index: m.index })),
    ...collect(WRITTEN_DATE, text, (m) => ({
      reading: readDate(text, m.index, Number(m[1]), MONTHS[m[2].toLowerCase()], Number(m[3]), referenceYear),
      text: m[0],
      index: m.index,
    })),
  ];
  const block: PrivacyHit[] = [
    ...collect(EMAIL, text, (m) => ({ kind: "email" as const, text: m[0], index: m.index })),
    ...collect(PHONE, text, (m) => {
      const digits = m[0].replace(/\D/g, "");
      // Information numbers of organisations (0800/0900/0906/0909) are not about a client.
      if (/^0(800|90[069])/.test(digits)) return null;
      return { kind: "telefoon" as const, text: m[0], index: m.index };
    }),
    ...collect(BSN, text, (m) => (isValidBsn(m[0]) ? { kind: "bsn" as const, text: m[0], index: m.index } : null)),
    ...collect(IBAN, text, (m) => (isValidIban(m[0]) ? { kind: "iban" as const, text: m[0], index: m.index } : null)),
    ...dates.filter((d) => d.reading === "birth").map((d) => ({ kind: "geboortedatum" as const, text: d.text, index: d.index })),
    ...collect(POSTCODE, text, (m) => {
      if (/\s[a-z]{2}$/.test(m[0]) && TWO_LETTER_WORDS.has(m[0].slice(-2))) return null;
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 20);
      const before = text.slice(Math.max(0, m.index - 50), m.index);
      const numberAfter = NUMBER_AFTER.exec(after);
      if (numberAfter) return { kind: "postcode" as const, text: m[0] + numberAfter[0], index: m.index };
      // Only an uppercase postcode counts with the number before it ("Dorpsstraat 14a, 1566 PK").
      if (/[A-Z]{2}$/.test(m[0]) && NUMBER_BEFORE.test(before)) return { kind: "postcode" as const, text: m[0], index: m.index };
      return null;
    }),
  ];
  const blocked = withoutOverlaps(block);
  const overlapsBlock = (h: { index: number; text: string }) =>
    blocked.some((b) => h.index < b.index + b.text.length && b.index < h.index + h.text.length);
  const warn: PrivacyWarningHit[] = [
    ...collect(TITLE_NAME, text, (m) => ({ kind: "naam" as const, text: m[0], index: m.index })),
    ...collect(STREET_NUMBER, text, (m) => ({ kind: "adres" as const, text: m[0], index: m.index })),
    ...dates.filter((d) => d.reading === "maybe").map((d) => ({ kind: "datum" as const, text: d.text, index: d.index })),
  ].filter((h) => !overlapsBlock(h));
  return { block: toOriginal(blocked, original, map), warn: toOriginal(withoutOverlaps(warn), original, map) };
}

/** Every fragment in the text that identifies a resident (blocks saving), in text order, without overlaps. */
export function findClientData(text: string, opts: PrivacyOptions = {}): PrivacyHit[] {
  return scan(text, opts).block;
}

/** Fragments that might identify a resident (a warning, saving goes on), in text order. */
export function findPrivacyWarnings(text: string, opts: PrivacyOptions = {}): PrivacyWarningHit[] {
  return scan(text, opts).warn;
}

const quoted = <K extends string>(hits: Array<{ kind: K; text: string }>, labels: Record<K, string>) =>
  [...new Set(hits.map((h) => h.kind))]
    .map((k) => {
      const examples = [...new Set(hits.filter((h) => h.kind === k).map((h) => `"${h.text}"`))];
      return `${labels[k]} (${examples.slice(0, 3).join(", ")})`;
    })
    .join("; ");

/** Why the data does not belong in this form, in the words that fit the form. */
const WHY: Record<PrivacyContext, string> = {
  signaal:
    "Een signaal gaat over een patroon dat u in de praktijk ziet, niet over één inwoner; daarom horen BSN, geboortedatum, " +
    "telefoonnummer, e-mailadres, rekeningnummer en adres niet in Ketenportaal.",
  terugkoppeling:
    "Uw terugkoppeling is te lezen voor de melder en iedereen die dit signaal ziet, en gaat per e-mail rond; beschrijf wat er met het " +
    "patroon gebeurt, zonder gegevens van een inwoner.",
  herkenning:
    "Uw toelichting is te lezen voor iedereen die dit signaal ziet; beschrijf wat u herkent in het patroon, zonder gegevens van een inwoner.",
  reactie:
    "Uw reactie is te lezen voor alle genodigden van dit voorstel en komt in de reactienota; reageer op de tekst, zonder gegevens van een inwoner.",
  voorstel:
    "Wat u bij een wijzigingsvoorstel schrijft, is te lezen voor alle genodigden en komt in de tijdlijn, de reactienota en e-mails; " +
    "schrijf over beleid en werkwijze, zonder gegevens van een inwoner.",
};

/** The Dutch explanation shown next to the field (browser) and in the 422 answer (server). */
export function privacyExplanation(hits: PrivacyHit[], context: PrivacyContext = "signaal"): string {
  if (!hits.length) return "";
  return (
    `De tekst lijkt gegevens van een inwoner te bevatten: ${quoted(hits, PRIVACY_LABELS)}. ${WHY[context]} ` +
    "Haal deze gegevens weg of beschrijf ze in algemene termen, bijvoorbeeld \"een inwoner van rond de 40\" in plaats van een geboortedatum."
  );
}

/** The Dutch warning for fragments that might identify someone (saving is not refused). */
export function privacyWarning(hits: PrivacyWarningHit[]): string {
  if (!hits.length) return "";
  return (
    `Let op, de tekst bevat mogelijk gegevens van een inwoner: ${quoted(hits, PRIVACY_WARNING_LABELS)}. ` +
    "Gaat het om een inwoner, haal het dan weg of schrijf het algemener (\"een inwoner in Poelenburg\"). Gaat het om iets anders, dan kunt u gewoon opslaan."
  );
}

/** Check several named fields at once; returns a Dutch message per field that has hits. */
export function checkFields(
  fields: Record<string, string | undefined | null>,
  opts: PrivacyOptions & { context?: PrivacyContext } = {},
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields)) {
    const hits = findClientData(value ?? "", opts);
    if (hits.length) out[name] = privacyExplanation(hits, opts.context);
  }
  return out;
}
