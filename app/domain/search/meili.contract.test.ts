// Acceptance 1: the same provider contract against Meilisearch, when MEILI_HOST answers.
// Skipping is deliberate and loud: without a reachable server there is nothing to test
// against (our machines have no Meilisearch binary), and the reason is printed.
import { describe, expect, it } from "vitest";
import { providerContract } from "./contract.testkit";
import { MeiliProvider, meiliFilter, meiliId, meiliString, toMeiliDocument } from "./meili.server";
import { PUBLIC_PASSAGES, RESTRICTED } from "../../../tests/fixtures/search-passages";

const host = process.env.MEILI_HOST ?? "";

async function reachability(): Promise<{ reachable: boolean; reason: string }> {
  if (!host) return { reachable: false, reason: "MEILI_HOST is niet gezet" };
  try {
    const res = await fetch(new URL("/health", host), { signal: AbortSignal.timeout(2000) });
    if (!res.ok) return { reachable: false, reason: `${host}/health gaf HTTP ${res.status}` };
    return { reachable: true, reason: "" };
  } catch (e) {
    return { reachable: false, reason: `${host} is niet bereikbaar (${e instanceof Error ? e.message : String(e)})` };
  }
}

const { reachable, reason } = await reachability();
if (!reachable) console.log(`[meilisearch-contract] overgeslagen: ${reason}`);

// The reporter shows a skipped suite by its name, so the name carries the reason: the whole
// contract (synonyms and the "not found" list included) is inside this one suite.
describe.skipIf(!reachable)(`Meilisearch (live server)${reachable ? "" : ` — overgeslagen: ${reason}`}`, () => {
  providerContract("Meilisearch", async (source) =>
    new MeiliProvider({ host, apiKey: process.env.MEILI_KEY, indexUid: `kp_contract_${process.pid}_${Date.now()}`, source }),
  );
});

// The request-building parts run everywhere: they decide what the server is asked.
describe("Meilisearch request building", () => {
  it("always puts the permission filter first, with escaped values", () => {
    const f = meiliFilter(["all", 'org:"8" OR visibility EXISTS'], { keten: ["participatie-armoede"], soort: ["document"] });
    expect(f[0]).toBe('visibility IN ["all", "org:\\"8\\" OR visibility EXISTS"]');
    expect(f).toContain('soort IN ["document"]');
    expect(f).toContain('keten IN ["participatie-armoede"]');
  });

  it("leaves out only the excepted facet for disjunctive counts, never the permission filter", () => {
    const f = meiliFilter(["all"], { keten: ["a"], thema: ["b"] }, "keten");
    expect(f).toEqual(['visibility IN ["all"]', 'thema IN ["b"]']);
  });

  it("escapes backslashes and quotes in string literals", () => {
    expect(meiliString('a\\"b')).toBe('"a\\\\\\"b"');
  });

  it("maps entries to documents with safe ids, stems and facet fields", () => {
    for (const e of [...PUBLIC_PASSAGES, ...RESTRICTED]) {
      const d = toMeiliDocument(e);
      expect(d.id).toMatch(/^[A-Za-z0-9_-]{1,511}$/);
      expect(d.id).toBe(meiliId(e.id));
      expect(d.visibility).toEqual([...new Set(e.visibility)]);
      expect(d.soort).toBe(e.kind);
    }
    const d = toMeiliDocument(PUBLIC_PASSAGES.find((p) => p.section === "De vier profielen")!);
    expect(d.stems.split(" ")).toContain("profiel");
  });
});
