import { describe, expect, it } from "vitest";
import {
  checkFields,
  findClientData,
  findPrivacyWarnings,
  isValidBsn,
  isValidIban,
  normaliseForGuard,
  privacyExplanation,
  privacyWarning,
  type PrivacyKind,
  type PrivacyWarningKind,
} from "~/shared/privacy-guard";

// Acceptance 2: a table of positive and negative cases. `kinds` lists what must be found
// (empty = the text must pass).
const CASES: { text: string; kinds: PrivacyKind[]; why: string }[] = [
  // BSN
  { text: "Het gaat om BSN 111222333 bij de aanvraag.", kinds: ["bsn"], why: "valid BSN (elfproef)" },
  { text: "burgerservicenummer 123456782", kinds: ["bsn"], why: "valid BSN" },
  { text: "BSN 1234.56.782 stond in het dossier", kinds: ["bsn"], why: "valid BSN with dots" },
  { text: "nummer 123 456 782 in de brief", kinds: ["bsn"], why: "valid BSN with spaces" },
  { text: "Zaaknummer 123456789 in het systeem", kinds: [], why: "9 digits failing the elfproef" },
  { text: "Ordernummer 999999999", kinds: [], why: "9 digits failing the elfproef" },
  { text: "000000000 is geen nummer", kinds: [], why: "all zeros is not a BSN" },
  { text: "In 2025 waren er 12345678 euro aan kosten", kinds: [], why: "8 digits" },
  { text: "Referentie 1234567820 (tien cijfers)", kinds: [], why: "10 digits is not a BSN" },
  // e-mail
  { text: "Mail hem op j.jansen@gmail.com voor de afspraak.", kinds: ["email"], why: "e-mail address" },
  { text: "Contact: fatma.yilmaz+zorg@zorg-voorbeeld.nl", kinds: ["email"], why: "e-mail with plus and hyphen" },
  { text: "Meld het via het e-mailadres van het wijkteam", kinds: [], why: "the word e-mail only" },
  { text: "We spraken @Werkom erover aan", kinds: [], why: "an @-mention is not an address" },
  // telephone
  { text: "Bel mevrouw op 06-12345678.", kinds: ["telefoon"], why: "mobile with hyphen" },
  { text: "Zijn nummer is 0612345678", kinds: ["telefoon"], why: "mobile without separator" },
  { text: "Telefoon +31 6 1234 5678", kinds: ["telefoon"], why: "international mobile" },
  { text: "Bereikbaar via 075-6812345 overdag", kinds: ["telefoon"], why: "Zaanstad landline" },
  { text: "(075) 681 23 45 is het nummer", kinds: ["telefoon"], why: "landline with brackets" },
  { text: "0031 20 1234567", kinds: ["telefoon"], why: "0031 prefix" },
  { text: "De informatielijn 0800-1234567 is gratis", kinds: [], why: "0800 numbers are organisations" },
  { text: "Sinds 2020 zijn er 1200 aanmeldingen", kinds: [], why: "plain numbers" },
  // date of birth
  { text: "Mevrouw, geboren op 12-03-1958, woont alleen.", kinds: ["geboortedatum"], why: "birth word + date" },
  { text: "geb. 3/7/2009, zit op het vmbo", kinds: ["geboortedatum"], why: "abbreviation + recent year" },
  { text: "Geboortedatum: 1985-04-17", kinds: ["geboortedatum"], why: "ISO date with label" },
  { text: "Een man (14 februari 1972) kwam langs", kinds: ["geboortedatum"], why: "written date long ago" },
  { text: "De client van 23.11.1990 vroeg om hulp", kinds: ["geboortedatum"], why: "old full date, not the 1st" },
  { text: "geboren 01-01-1960", kinds: ["geboortedatum"], why: "1 January with a birth word" },
  { text: "De startgesprekken zouden per 1-1-2025 naar Werkom en later per 1-3-2025.", kinds: [], why: "policy dates" },
  { text: "Sinds 1 januari 2015 voert de gemeente de Wmo uit.", kinds: [], why: "effective date of a law" },
  { text: "Het OKO van 14 oktober 2026 besprak het knelpunt.", kinds: [], why: "recent meeting date" },
  { text: "Op 12-03-2026 kwam het in het EKO.", kinds: [], why: "recent date" },
  { text: "Jongeren geboren in 2008 worden dit jaar 18.", kinds: [], why: "a birth year alone is not a date" },
  // postcode + huisnummer
  { text: "Het gezin woont op 1502 AB 12 in Zaandam.", kinds: ["postcode"], why: "postcode followed by number" },
  { text: "Adres: Dorpsstraat 14a, 1566 PK Assendelft", kinds: ["postcode"], why: "street and number before the postcode" },
  { text: "1521RN, nr. 7", kinds: ["postcode"], why: "postcode without space and nr." },
  { text: "Vooral in postcodegebied 1506 zien we dit", kinds: [], why: "four-digit area only" },
  { text: "Het speelt rond 1503 AB in Zaandam", kinds: [], why: "postcode without house number" },
  { text: "Artikel 12 van de Participatiewet en 2026 en 12 inwoners", kinds: [], why: "numbers and lowercase words" },
  { text: "MensCentraal versie 2.3.1 kan het profiel niet vastleggen", kinds: [], why: "version number" },
  { text: "Het budget daalt met 20% in 2025-2026 (zie 1.2.3)", kinds: [], why: "year range and paragraph" },
  { text: "Inwoners bellen het algemene nummer 14 075 van de gemeente", kinds: [], why: "the municipal 14 0xx number" },
  { text: "Elf wijkteams, drie organisaties, 8 thema's", kinds: [], why: "counts" },
  // issue 10: spellings that were saved before
  { text: "Het gezin woont op 1502AB12 in Zaandam.", kinds: ["postcode"], why: "postcode and number without spaces" },
  { text: "Het gezin woont op 1502 ab 12 in Zaandam.", kinds: ["postcode"], why: "lowercase postcode" },
  { text: "Het gezin woont op 1502ab 12.", kinds: ["postcode"], why: "lowercase postcode without space" },
  { text: "BSN 111\u00a0222\u00a0333 in de brief", kinds: ["bsn"], why: "BSN with non-breaking spaces" },
  { text: "BSN 111\u200b222\u200b333 in de brief", kinds: ["bsn"], why: "BSN with zero-width spaces" },
  { text: "BSN １１１２２２３３３ in de brief", kinds: ["bsn"], why: "full-width digits" },
  { text: "Bel ０６-１２３４５６７８ even", kinds: ["telefoon"], why: "full-width phone number" },
  { text: "Bel 06\u202f12\u202f34\u202f56\u202f78 even", kinds: ["telefoon"], why: "narrow no-break spaces" },
  { text: "Bel 06 - 12 34 56 78 even", kinds: ["telefoon"], why: "spaced hyphen" },
  { text: "Rekening NL20INGB0001234567 staat op de brief", kinds: ["iban"], why: "IBAN (mod-97)" },
  { text: "Rekening nl20 ingb 0001 2345 67 staat op de brief", kinds: ["iban"], why: "IBAN in groups, lowercase" },
  { text: "Rekening NL20INGB0001234568 staat op de brief", kinds: [], why: "IBAN-like but failing mod-97" },
  { text: "geboren 12/03/58, woont alleen", kinds: ["geboortedatum"], why: "two-digit year with a birth word" },
  { text: "Leeftijd: 12-03-1985", kinds: ["geboortedatum"], why: "leeftijd before a date" },
  { text: "Het gaat om mevrouw van 12-03-1985 uit Poelenburg", kinds: ["geboortedatum"], why: "person word + van + date" },
  { text: "geb. 12 maart 1958", kinds: ["geboortedatum"], why: "abbreviation + written date" },
  { text: "Sinds de wetswijziging van 17 juni 2014 is dit anders.", kinds: [], why: "a date alone is not a date of birth" },
  { text: "Op 12/03/58 werd de wet aangenomen.", kinds: [], why: "two-digit year without a person" },
  { text: "In 2026 en 12 wijken", kinds: [], why: "year and a Dutch two-letter word" },
  { text: "Mevrouw Jansen belde over de wachtlijst", kinds: [], why: "a name only warns" },
  { text: "Op de Dorpsstraat 14 is het wijkteam", kinds: [], why: "a street and number only warns" },
  { text: "De route van 2024 is 12 weken", kinds: [], why: "'is' is not postcode letters" },
  // several at once
  {
    text: "Mw. geb. 02-05-1961, BSN 111222333, tel 06 1234 5678, mail mw@example.nl, 1502 AB 3",
    kinds: ["geboortedatum", "bsn", "telefoon", "email", "postcode"],
    why: "everything at once",
  },
  {
    text: "Inwoners die van Werkom terugkomen, staan zonder warme overdracht opnieuw op de wachtlijst. Het gaat om meerdere inwoners per maand in Krommenie.",
    kinds: [],
    why: "a real pattern signal",
  },
];

describe("privacy guard", () => {
  it("has a table of at least 20 positive and 20 negative cases", () => {
    expect(CASES.filter((c) => c.kinds.length > 0).length).toBeGreaterThanOrEqual(20);
    expect(CASES.filter((c) => c.kinds.length === 0).length).toBeGreaterThanOrEqual(20);
  });

  for (const c of CASES) {
    it(`${c.kinds.length ? "blocks" : "passes"}: ${c.why} — ${JSON.stringify(c.text)}`, () => {
      const hits = findClientData(c.text, { referenceYear: 2026 });
      expect([...new Set(hits.map((h) => h.kind))].sort()).toEqual([...c.kinds].sort());
    });
  }

  it("checks the elfproef itself", () => {
    expect(isValidBsn("111222333")).toBe(true);
    expect(isValidBsn("123456782")).toBe(true);
    expect(isValidBsn("1234.56.782")).toBe(true);
    expect(isValidBsn("123456789")).toBe(false);
    expect(isValidBsn("12345678")).toBe(false);
    expect(isValidBsn("000000000")).toBe(false);
  });

  it("reports the fragment it found, so the writer can find it", () => {
    const [hit] = findClientData("Bel 06-12345678 even", { referenceYear: 2026 });
    expect(hit).toMatchObject({ kind: "telefoon", text: "06-12345678", index: 4 });
  });

  it("explains in Dutch what was found and why", () => {
    const msg = privacyExplanation(findClientData("BSN 111222333 en 06-12345678", { referenceYear: 2026 }));
    expect(msg).toContain("burgerservicenummer");
    expect(msg).toContain('"111222333"');
    expect(msg).toContain("telefoonnummer");
    expect(msg).toContain("patroon");
    expect(privacyExplanation([])).toBe("");
  });

  it("checks several fields and names only those with hits", () => {
    const out = checkFields({ title: "Wachtlijst Werkom", description: "Bel 0612345678" }, { referenceYear: 2026 });
    expect(Object.keys(out)).toEqual(["description"]);
  });

  it("moves the 'long ago' boundary with the reference year (a date alone warns, it does not block)", () => {
    expect(findClientData("op 15-06-2014 gezien", { referenceYear: 2026 })).toEqual([]);
    expect(findPrivacyWarnings("op 15-06-2014 gezien", { referenceYear: 2026 }).map((h) => h.kind)).toEqual(["datum"]);
    expect(findPrivacyWarnings("op 15-06-2014 gezien", { referenceYear: 2020 })).toEqual([]);
  });

  const WARNINGS: { text: string; kinds: PrivacyWarningKind[]; why: string }[] = [
    { text: "Mevrouw Jansen belde over de wachtlijst", kinds: ["naam"], why: "title + capitalised name" },
    { text: "Dhr. De Vries en mw. El Amrani kwamen langs", kinds: ["naam"], why: "abbreviated titles" },
    { text: "meneer van Dam heeft geen werk", kinds: ["naam"], why: "title + tussenvoegsel + name" },
    { text: "Op de Dorpsstraat 14a is het wijkteam", kinds: ["adres"], why: "street + number" },
    { text: "Vincent van Goghweg 12 in Zaandam", kinds: ["adres"], why: "weg + number" },
    { text: "Sinds de wetswijziging van 17 juni 2014 is dit anders.", kinds: ["datum"], why: "an old date" },
    { text: "Mevrouw belde over de wachtlijst", kinds: [], why: "a title without a name" },
    { text: "De straat 12 keer overgestoken", kinds: [], why: "the word straat, lowercase, is not a street name" },
    { text: "Per 1 januari 2015 voert de gemeente de Wmo uit", kinds: [], why: "first of a month" },
    { text: "geboren op 12-03-1958 aan de Dorpsstraat", kinds: [], why: "blocked already, no double warning" },
  ];
  for (const c of WARNINGS) {
    it(`${c.kinds.length ? "warns" : "no warning"}: ${c.why} — ${JSON.stringify(c.text)}`, () => {
      const warnings = findPrivacyWarnings(c.text, { referenceYear: 2026 });
      expect([...new Set(warnings.map((h) => h.kind))].sort()).toEqual([...c.kinds].sort());
      expect(findClientData(c.text, { referenceYear: 2026 }).filter((h) => h.kind !== "geboortedatum")).toEqual([]);
    });
  }

  it("quotes exactly what was found, in the writer's own characters", () => {
    expect(findClientData("Zij woont op 1506 AB 12 wat verderop", { referenceYear: 2026 })[0].text).toBe("1506 AB 12");
    expect(findClientData("Zij woont op 1506 AB 12a, Zaandam", { referenceYear: 2026 })[0].text).toBe("1506 AB 12a");
    const nbsp = "BSN 111\u00a0222\u00a0333.";
    const [hit] = findClientData(nbsp, { referenceYear: 2026 });
    expect(hit.text).toBe("111\u00a0222\u00a0333");
    expect(nbsp.slice(hit.index, hit.index + hit.text.length)).toBe(hit.text);
    expect(findClientData("x １１１２２２３３３ y", { referenceYear: 2026 })[0].text).toBe("１１１２２２３３３");
    const msg = privacyExplanation(findClientData("Zij woont op 1506 AB 12 wat verderop", { referenceYear: 2026 }));
    expect(msg).toContain('"1506 AB 12"');
    expect(msg).not.toContain('"1506 AB 12 w"');
    expect(privacyWarning(findPrivacyWarnings("Mevrouw Jansen belde", { referenceYear: 2026 }))).toContain('"Mevrouw Jansen"');
  });

  it("normalises every kind of space and width, keeping a map to the original", () => {
    const n = normaliseForGuard("a\u00a0b\u200bc\u3000ｄ");
    expect(n.text).toBe("a bc d");
    expect(n.map).toEqual([0, 1, 2, 4, 5, 6, 7]);
  });

  it("checks IBANs with mod-97", () => {
    expect(isValidIban("NL20INGB0001234567")).toBe(true);
    expect(isValidIban("NL91 ABNA 0417 1643 00")).toBe(true);
    expect(isValidIban("DE89370400440532013000")).toBe(true);
    expect(isValidIban("NL20INGB0001234568")).toBe(false);
    expect(isValidIban("NL20")).toBe(false);
  });

  it("says what applies to the form the text belongs to", () => {
    const hits = findClientData("Bel 0612345678", { referenceYear: 2026 });
    expect(privacyExplanation(hits, "signaal")).toContain("Een signaal gaat over een patroon");
    for (const context of ["terugkoppeling", "herkenning", "reactie", "voorstel"] as const) {
      const msg = privacyExplanation(hits, context);
      expect(msg).toContain('een telefoonnummer ("0612345678")');
      expect(msg).not.toContain("Een signaal gaat over een patroon");
    }
    expect(privacyExplanation(hits, "reactie")).toContain("reactienota");
    expect(checkFields({ text: "Bel 0612345678" }, { referenceYear: 2026, context: "terugkoppeling" }).text).toContain("melder");
  });
});
