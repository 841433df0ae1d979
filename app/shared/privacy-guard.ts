// Privacy guard for free text (signals, "herken ik" notes, feedback). Isomorphic and pure:
// the browser runs it while typing for instant feedback, the server runs it again before
// saving and refuses with the same explanation. A signal describes a pattern, never a client,
// so anything that identifies a person blocks saving. Heuristics and their known gaps are
// recorded in docs/decisions/302-privacy-guard.md.

export type PrivacyKind = "bsn" | "geboortedatum" | "telefoon" | "email" | "postcode";

export type PrivacyHit = { kind: PrivacyKind; text: string; index: number };

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
};

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
const PHONE = /(?<![\d+])(?:(?:\+|00)31[\s.-]?(?:\(0\)[\s.-]?)?|\(?0)[1-9](?:[\s.)-]{0,2}\d){8}(?!\d)/g;

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
const BIRTH_WORDS = /(?:\b(?:geboren|geboortedatum|geboortedag|geb\.?\s?datum|geb|dob|d\.o\.b)\.?|\u00b0|\*)\s*(?:op|in)?\s*:?\s*$/i;

// Postcode: four digits (not starting with 0) and two capitals other than SA, SD, SS.
const POSTCODE = /(?<![\dA-Za-z])[1-9]\d{3}(?:\s?(?!SA|SD|SS)[A-Z]{2}|(?!sa|sd|ss)[a-z]{2})(?![A-Za-z\d])/g;
const NUMBER_AFTER = /^\s*,?\s*(?:(?:nr|no|huisnummer)\.?\s*)?\d{1,5}(?:\s?[a-zA-Z])?(?![\d])/;
const NUMBER_BEFORE = /[A-Za-zÀ-ÿ]{3,}\.?\s+\d{1,5}(?:\s?[a-zA-Z](?![a-zA-Z]))?(?:\s?-\s?\d{1,4})?\s*,?\s*$/;

function validDate(day: number, month: number, year: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days;
}

function fullYear(y: string): number {
  if (y.length === 4) return Number(y);
  const n = Number(y);
  return n > 30 ? 1900 + n : 2000 + n;
}

/**
 * A complete date counts as a date of birth when a birth word stands right before it, or when
 * it lies at least 12 years back and is not the first of a month (policy dates such as
 * "1 januari 2015" are almost always the first; a date of birth rarely is).
 */
function looksLikeBirthDate(text: string, index: number, day: number, month: number, year: number, yearDigits: number, referenceYear: number): boolean {
  if (!validDate(day, month, year)) return false;
  const before = text.slice(Math.max(0, index - 30), index);
  if (BIRTH_WORDS.test(before)) return true;
  if (yearDigits !== 4) return false;
  return year >= 1900 && year <= referenceYear - 12 && day !== 1;
}

function collect(re: RegExp, text: string, fn: (m: RegExpExecArray) => PrivacyHit | null): PrivacyHit[] {
  const hits: PrivacyHit[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const hit = fn(m);
    if (hit) hits.push(hit);
  }
  return hits;
}

/** Every fragment in the text that looks like client data, in text order, without overlaps. */
export function findClientData(text: string, opts: PrivacyOptions = {}): PrivacyHit[] {
  if (!text) return [];
  const referenceYear = opts.referenceYear ?? new Date().getFullYear();
  const hits: PrivacyHit[] = [
    ...collect(EMAIL, text, (m) => ({ kind: "email", text: m[0], index: m.index })),
    ...collect(PHONE, text, (m) => {
      const digits = m[0].replace(/\D/g, "");
      // Information numbers of organisations (0800/0900/0906/0909) are not about a client.
      if (/^0(800|90[069])/.test(digits)) return null;
      return { kind: "telefoon", text: m[0], index: m.index };
    }),
    ...collect(BSN, text, (m) => (isValidBsn(m[0]) ? { kind: "bsn", text: m[0], index: m.index } : null)),
    ...collect(NUMERIC_DATE, text, (m) =>
      looksLikeBirthDate(text, m.index, Number(m[1]), Number(m[3]), fullYear(m[4]), m[4].length, referenceYear)
        ? { kind: "geboortedatum", text: m[0], index: m.index }
        : null,
    ),
    ...collect(ISO_DATE, text, (m) =>
      looksLikeBirthDate(text, m.index, Number(m[3]), Number(m[2]), Number(m[1]), 4, referenceYear)
        ? { kind: "geboortedatum", text: m[0], index: m.index }
        : null,
    ),
    ...collect(WRITTEN_DATE, text, (m) =>
      looksLikeBirthDate(text, m.index, Number(m[1]), MONTHS[m[2].toLowerCase()], Number(m[3]), 4, referenceYear)
        ? { kind: "geboortedatum", text: m[0], index: m.index }
        : null,
    ),
    ...collect(POSTCODE, text, (m) => {
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 20);
      const before = text.slice(Math.max(0, m.index - 50), m.index);
      const numberAfter = NUMBER_AFTER.exec(after);
      if (numberAfter) return { kind: "postcode", text: m[0] + numberAfter[0], index: m.index };
      if (NUMBER_BEFORE.test(before)) return { kind: "postcode", text: m[0], index: m.index };
      return null;
    }),
  ];
  hits.sort((a, b) => a.index - b.index || b.text.length - a.text.length);
  const result: PrivacyHit[] = [];
  let end = -1;
  for (const h of hits) {
    if (h.index < end) continue;
    result.push(h);
    end = h.index + h.text.length;
  }
  return result;
}

/** The Dutch explanation shown next to the field (browser) and in the 422 answer (server). */
export function privacyExplanation(hits: PrivacyHit[]): string {
  if (!hits.length) return "";
  const kinds = [...new Set(hits.map((h) => h.kind))];
  const found = kinds
    .map((k) => {
      const examples = hits.filter((h) => h.kind === k).map((h) => `"${h.text.trim()}"`);
      return `${PRIVACY_LABELS[k]} (${examples.slice(0, 3).join(", ")})`;
    })
    .join("; ");
  return (
    `De tekst lijkt gegevens van een inwoner te bevatten: ${found}. ` +
    "Een signaal gaat over een patroon dat u in de praktijk ziet, niet over één inwoner; daarom horen BSN, geboortedatum, " +
    "telefoonnummer, e-mailadres en adres niet in Ketenportaal. Haal deze gegevens weg of beschrijf ze in algemene termen, " +
    "bijvoorbeeld \"een inwoner van rond de 40\" in plaats van een geboortedatum."
  );
}

/** Check several named fields at once; returns a Dutch message per field that has hits. */
export function checkFields(fields: Record<string, string | undefined | null>, opts: PrivacyOptions = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields)) {
    const hits = findClientData(value ?? "", opts);
    if (hits.length) out[name] = privacyExplanation(hits);
  }
  return out;
}
