// Dutch text handling shared by the index side and the query side: one folding, one
// tokenizer and one stemmer, so a word is treated the same when stored and when searched.
import * as snowball from "snowball-stemmers";

const stemmer = snowball.newStemmer("dutch");

/**
 * Dutch stop words (the Snowball list plus question words people type: "hoe", "wat", "wie").
 * They are dropped from AND-queries, so "hoe doen we een warme overdracht" needs only
 * "warme" and "overdracht"; phrases keep them.
 */
export const DUTCH_STOP_WORDS: readonly string[] = [
  "aan", "al", "alles", "als", "altijd", "andere", "ben", "bij", "daar", "dan", "dat", "de", "der", "deze", "die", "dit",
  "doch", "doen", "door", "dus", "een", "eens", "en", "er", "ge", "geen", "geweest", "haar", "had", "heb", "hebben",
  "heeft", "hem", "het", "hier", "hij", "hoe", "hun", "iemand", "iets", "ik", "in", "is", "ja", "je", "jij", "jou",
  "jouw", "kan", "kon", "kunnen", "maar", "me", "meer", "men", "met", "mij", "mijn", "moet", "na", "naar", "niet", "niets",
  "nog", "nu", "of", "om", "omdat", "onder", "ons", "onze", "ook", "op", "over", "reeds", "te", "tegen", "toch", "toen",
  "tot", "u", "uit", "uw", "van", "veel", "voor", "waar", "wanneer", "want", "waren", "was", "wat", "we", "wel", "welk",
  "welke", "werd", "wie", "wij", "wil", "word", "worden", "wordt", "zal", "ze", "zelf", "zich", "zij", "zijn", "zo",
  "zonder", "zou",
  // Filler of typed questions ("waar vind ik", "moet ik", "kun je"): they say nothing about the topic.
  "graag", "eigenlijk", "precies", "even", "kun", "kunt", "mag", "mogen", "moeten", "vind", "ergens", "nou",
  "betekent", "betekenis",
];
const STOP = new Set(DUTCH_STOP_WORDS);

export function isStopWord(token: string): boolean {
  return STOP.has(token);
}

/** Lower case without diacritics: the same folding as FTS5's unicode61 remove_diacritics 2. */
export function fold(text: string): string {
  return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

const TOKEN = /[\p{L}\p{N}]+/gu;

/** Folded tokens in text order (letters and digits; everything else separates, like unicode61). */
export function tokenize(text: string): string[] {
  return fold(text).match(TOKEN) ?? [];
}

/**
 * Irregular and vowel-changing Dutch verb forms Snowball does not bring together: each maps to
 * its infinitive before stemming, so "lees" meets "lezen" and "ging" meets "gaan".
 */
const IRREGULAR: Record<string, string> = Object.fromEntries(
  Object.entries({
    lezen: ["lees", "leest", "las", "lazen", "gelezen"],
    gaan: ["ga", "gaat", "ging", "gingen", "gegaan"],
    doen: ["doe", "doet", "deed", "deden", "gedaan"],
    staan: ["sta", "staat", "stond", "stonden", "gestaan"],
    zien: ["zie", "ziet", "zag", "zagen", "gezien"],
    komen: ["kom", "komt", "kwam", "kwamen", "gekomen"],
    vinden: ["vindt", "vond", "vonden", "gevonden"],
    geven: ["geef", "geeft", "gaf", "gaven", "gegeven"],
    nemen: ["neem", "neemt", "nam", "namen", "genomen"],
    vragen: ["vraag", "vraagt", "vroeg", "vroegen", "gevraagd"],
    krijgen: ["krijg", "krijgt", "kreeg", "kregen", "gekregen"],
    schrijven: ["schrijf", "schrijft", "schreef", "schreven", "geschreven"],
    kiezen: ["kies", "kiest", "koos", "kozen", "gekozen"],
    weten: ["weet", "wist", "wisten", "geweten"],
    brengen: ["breng", "brengt", "bracht", "brachten", "gebracht"],
    denken: ["denk", "denkt", "dacht", "dachten", "gedacht"],
    zoeken: ["zoek", "zoekt", "zocht", "zochten", "gezocht"],
    melden: ["meld", "meldt", "gemeld"],
    beginnen: ["begin", "begint", "begon", "begonnen"],
    spreken: ["spreek", "spreekt", "sprak", "spraken", "gesproken"],
    houden: ["houd", "houdt", "hield", "hielden", "gehouden"],
    overdragen: ["draag over", "draagt over", "droeg over", "overgedragen", "overdraagt"],
    verwijzen: ["verwijs", "verwijst", "verwees", "verwezen"],
    helpen: ["help", "helpt", "hielp", "hielpen", "geholpen"],
    bellen: ["bel", "belt", "belde", "gebeld"],
  }).flatMap(([inf, forms]) => forms.filter((f) => !f.includes(" ")).map((f) => [f, inf])),
);

const stemCache = new Map<string, string>();

/**
 * Snowball Dutch stem of a folded token, plus one repair Snowball lacks: plural "-ies"
 * ("indicaties", "registraties") is reduced to the singular "-ie" stem.
 */
export function stem(token: string): string {
  let s = stemCache.get(token);
  if (s !== undefined) return s;
  const base = IRREGULAR[token] ?? token;
  s = base.length <= 2 ? base : stemmer.stem(base);
  if (s.endsWith("ies") && s.length > 5) s = s.slice(0, -1);
  if (stemCache.size > 50_000) stemCache.clear();
  stemCache.set(token, s);
  return s;
}

/** The stems of a text, token for token (same order, so phrases still line up). */
export function stemText(text: string): string {
  return tokenize(text).map(stem).join(" ");
}

/** Only long words are compounds worth matching by their tail ("werkafspraken" ends in "afsprak"). */
export const TAIL_MIN_WORD = 8;
export const TAIL_MIN_QUERY = 4;

export function reverse(s: string): string {
  return [...s].reverse().join("");
}

/** Reversed stems of long words: a prefix query on these finds words ending in a given stem. */
export function tailsText(text: string): string {
  const out = new Set<string>();
  for (const t of tokenize(text)) if (t.length >= TAIL_MIN_WORD) out.add(reverse(stem(t)));
  return [...out].join(" ");
}

/** Damerau–Levenshtein distance capped at `max` (returns max + 1 when larger). */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      rowMin = Math.min(rowMin, d[i][j]);
    }
    if (rowMin > max) return max + 1;
  }
  return d[a.length][b.length];
}

const ALPHABET = "abcdefghijklmnopqrstuvwxyz";

/** Every string one edit (delete, transpose, replace, insert) away from a folded word. */
export function oneEditVariants(word: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    const a = word.slice(0, i);
    const b = word.slice(i);
    if (b) out.add(a + b.slice(1));
    if (b.length > 1) out.add(a + b[1] + b[0] + b.slice(2));
    for (const c of ALPHABET) {
      if (b) out.add(a + c + b.slice(1));
      out.add(a + c + b);
    }
  }
  out.delete(word);
  return [...out];
}
