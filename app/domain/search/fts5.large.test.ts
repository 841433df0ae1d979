// FTS5 with very common words: more than 500 matches switch ranking to the titles-and-headings
// index (or a bounded window). Permissions must hold on those paths too, and the best
// matches (word in the heading) must still come first.
import { beforeAll, describe, expect, it } from "vitest";
import { EDITOR_PRINCIPALS, PARTNER_PRINCIPALS } from "../../../tests/fixtures/search-passages";
import { Fts5Provider } from "./fts5.server";
import { encodeCursor } from "./query.server";
import type { SearchEntry } from "./types";

const T = "2026-10-01T09:00:00.000Z";
const entry = (i: number, over: Partial<SearchEntry>): SearchEntry => ({
  id: `document:${i}#p`,
  entityKey: `document:${i}`,
  kind: "document",
  title: `Notitie ${i}`,
  section: `Onderdeel ${i}`,
  body: "Gewone tekst over de samenwerking in de wijk.",
  url: `/documenten/d${i}#p`,
  position: 0,
  updatedAt: T,
  visibility: ["all"],
  facets: { status: ["gepubliceerd"] },
  ...over,
});

describe("FTS5 ranking of very common words", () => {
  const provider = new Fts5Provider();

  beforeAll(async () => {
    const entries: SearchEntry[] = [];
    // 700 passages mention "gemeenschappelijk" in the body only, 5 public ones in their heading,
    // 5 restricted ones (drafts of keten 4) in their heading.
    for (let i = 0; i < 700; i++) entries.push(entry(i, { body: `Een gemeenschappelijk overleg, nummer ${i}, over de samenwerking in de wijk.` }));
    for (let i = 700; i < 705; i++) entries.push(entry(i, { section: "Gemeenschappelijk kader", body: `Kaderafspraak ${i}.` }));
    for (let i = 705; i < 710; i++) {
      entries.push(entry(i, { kind: "concept", section: "Gemeenschappelijk geheim", body: "Conceptgeheim.", visibility: ["keten-owner:4", "editor:gemeente", "editor:keten:4"] }));
    }
    // 600 passages with "alomtegenwoordig" in the body and never in a heading.
    for (let i = 710; i < 1310; i++) entries.push(entry(i, { body: `Dit is alomtegenwoordig in de samenwerking, regel ${i}.` }));
    await provider.upsert(entries);
  });

  it("puts heading matches first and never shows what the person may not read", async () => {
    const r = await provider.search("gemeenschappelijk", { principals: PARTNER_PRINCIPALS, limit: 10 });
    expect(r.total).toBe(705);
    expect(r.hits.slice(0, 5).map((h) => h.section)).toEqual(Array(5).fill("Gemeenschappelijk kader"));
    expect(r.hits.every((h) => h.kind === "document" && !h.section.includes("geheim"))).toBe(true);
    expect(r.hits[0].excerpt).toContain("Kaderafspraak");
  });

  it("editors of keten 4 get their drafts among the heading matches", async () => {
    const r = await provider.search("gemeenschappelijk", { principals: [...EDITOR_PRINCIPALS, "editor:keten:4"], limit: 10 });
    expect(r.total).toBe(710);
    expect(r.hits.slice(0, 10).filter((h) => h.section === "Gemeenschappelijk geheim")).toHaveLength(5);
  });

  it("with more words, heading matches must still contain all of them", async () => {
    const r = await provider.search("gemeenschappelijk kaderafspraak", { principals: PARTNER_PRINCIPALS, limit: 10 });
    expect(r.total).toBe(5);
    const wide = await provider.search("gemeenschappelijk overleg", { principals: PARTNER_PRINCIPALS, limit: 10 });
    expect(wide.total).toBe(700);
    expect(wide.hits).toHaveLength(10);
    expect(wide.hits.every((h) => h.section.startsWith("Onderdeel"))).toBe(true);
  });

  it("a word that is common but never in a heading still fills the page (bounded window)", async () => {
    const r = await provider.search("alomtegenwoordig", { principals: PARTNER_PRINCIPALS, limit: 10 });
    expect(r.total).toBe(600);
    expect(r.hits).toHaveLength(10);
    expect(r.hits[0].excerpt.toLowerCase()).toContain("alomtegenwoordig");
  });

  it("counts stop at 1,000 and say so", async () => {
    const r = await provider.search("samenwerking", { principals: PARTNER_PRINCIPALS, limit: 5 });
    expect(r.total).toBe(1000);
    expect(r.totalIsLowerBound).toBe(true);
    expect(r.hits).toHaveLength(5);
  });
});

describe("FTS5 kind weights on a large match set", () => {
  // The first page is ranked from a few times its rows in FTS5's own bm25 order and weighed in
  // JavaScript; pages further on use the full weighted query. Both must give the same order.
  const provider = new Fts5Provider();
  const KINDS: SearchEntry["kind"][] = ["signaal", "voorstel", "concept", "organisatie", "document"];

  beforeAll(async () => {
    const entries: SearchEntry[] = [];
    for (let i = 0; i < 900; i++) {
      const kind = KINDS[i % KINDS.length];
      // Word counts and lengths vary, so bm25 alone orders these differently from the weights.
      const word = i < 600 ? "buurtkamer" : "wijkpost";
      const repeats = 1 + ((i * 7) % 4);
      const filler = " en verder".repeat((i * 13) % 37);
      entries.push(
        entry(2000 + i, {
          id: `${kind}:${2000 + i}#p`,
          entityKey: `${kind}:${2000 + i}`,
          kind,
          title: `${Array(repeats).fill(word).join(" ")}${filler}`,
          section: `Deel ${i}`,
          body: `Over de ${word} in de wijk${filler}, regel ${i}.`,
        }),
      );
    }
    await provider.upsert(entries);
  });

  for (const word of ["buurtkamer", "wijkpost"]) {
    it(`"${word}": pages 1 and 2 match the full weighted order`, async () => {
      const first = await provider.search(word, { principals: PARTNER_PRINCIPALS, limit: 10 });
      const second = await provider.search(word, { principals: PARTNER_PRINCIPALS, limit: 10, cursor: encodeCursor(10) });
      // From offset 1 with 100 rows the fast pass would read more than TOP_MAX rows: full query.
      const full = await provider.search(word, { principals: PARTNER_PRINCIPALS, limit: 100, cursor: encodeCursor(1) });
      expect(first.hits).toHaveLength(10);
      expect(first.hits.slice(1).map((h) => h.id)).toEqual(full.hits.slice(0, 9).map((h) => h.id));
      expect(second.hits.map((h) => h.id)).toEqual(full.hits.slice(9, 19).map((h) => h.id));
      // The weights are visible: documents lead although signals repeat the word as often.
      expect(first.hits[0].kind).toBe("document");
      const scores = [...first.hits, ...second.hits].map((h) => h.score);
      expect(scores).toEqual([...scores].sort((a, b) => a - b));
    });
  }
});
