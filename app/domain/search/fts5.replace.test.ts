// Re-indexing an entity writes only the passages that changed (issue 11: live drafts are
// re-indexed after every derive, on the collaboration process). Unchanged passages keep their
// rows; changed, removed and re-permissioned ones are replaced, and search sees exactly the new set.
import { getDb } from "~/db/client.server";
import { beforeEach, describe, expect, it } from "vitest";
import { EDITOR_PRINCIPALS, PARTNER_PRINCIPALS } from "../../../tests/fixtures/search-passages";
import { Fts5Provider } from "./fts5.server";
import type { SearchEntry } from "./types";

const T = "2026-10-01T09:00:00.000Z";
const passage = (i: number, body: string, over: Partial<SearchEntry> = {}): SearchEntry => ({
  id: `document:77#p${i}`,
  entityKey: "document:77",
  kind: "document",
  title: "Werkafspraken proefketen",
  section: `Onderdeel ${i}`,
  body,
  url: `/documenten/proef#p${i}`,
  position: i,
  updatedAt: T,
  visibility: ["all"],
  facets: { status: ["gepubliceerd"] },
  ...over,
});

const rows = () =>
  getDb()
    .$client.prepare("SELECT id, key, body, updated_at AS updatedAt FROM search_entries WHERE entity_key = 'document:77' ORDER BY position")
    .all() as Array<{ id: number; key: string; body: string; updatedAt: string }>;

describe("FTS5 replace writes only what changed", () => {
  const provider = new Fts5Provider();
  const base = [
    passage(0, "De inwoner krijgt binnen tien werkdagen een driegesprek."),
    passage(1, "Het wijkteam belt de aanbieder voor een warme overdracht."),
    passage(2, "Schuldhulpverlening begint met een keukentafelgesprek."),
  ];

  beforeEach(async () => {
    await provider.remove(["document:77"]);
    await provider.upsert(base);
  });

  it("keeps the rows of unchanged passages and replaces the changed one", async () => {
    const before = rows();
    const later = "2026-10-02T10:00:00.000Z";
    const edited = base.map((p) => ({ ...p, updatedAt: later }));
    edited[1] = { ...edited[1], body: "Het wijkteam belt de aanbieder voor een zorgvuldige overdracht met de inwoner erbij." };
    await provider.upsert(edited);
    const after = rows();
    expect(after.map((r) => r.key)).toEqual(before.map((r) => r.key));
    expect(after[0].id).toBe(before[0].id);
    expect(after[2].id).toBe(before[2].id);
    expect(after[1].id).not.toBe(before[1].id);
    // Dates move on for kept rows too.
    expect(after.map((r) => r.updatedAt)).toEqual([later, later, later]);

    const gone = await provider.search("warme", { principals: PARTNER_PRINCIPALS, limit: 10 });
    expect(gone.hits.filter((h) => h.url.startsWith("/documenten/proef"))).toEqual([]);
    const found = await provider.search("zorgvuldige overdracht", { principals: PARTNER_PRINCIPALS, limit: 10 });
    expect(found.hits.map((h) => h.url)).toContain("/documenten/proef#p1");
    const kept = await provider.search("keukentafelgesprek", { principals: PARTNER_PRINCIPALS, limit: 10 });
    expect(kept.hits.map((h) => h.url)).toEqual(["/documenten/proef#p2"]);
  });

  it("drops passages that are no longer there", async () => {
    await provider.upsert([base[0], base[2]]);
    expect(rows().map((r) => r.key)).toEqual(["document:77#p0", "document:77#p2"]);
    const r = await provider.search("warme overdracht", { principals: PARTNER_PRINCIPALS, limit: 10 });
    expect(r.hits.filter((h) => h.url.startsWith("/documenten/proef"))).toEqual([]);
  });

  it("rewrites a passage whose visibility changed, so the new permissions hold at once", async () => {
    const restricted = base.map((p) => ({ ...p, kind: "concept" as const, visibility: ["editor:keten:2"] }));
    await provider.upsert(restricted);
    const partner = await provider.search("keukentafelgesprek", { principals: PARTNER_PRINCIPALS, limit: 10 });
    expect(partner.hits).toEqual([]);
    const editor = await provider.search("keukentafelgesprek", { principals: EDITOR_PRINCIPALS, limit: 10 });
    expect(editor.hits.map((h) => h.url)).toEqual(["/documenten/proef#p2"]);
    expect(editor.hits[0].kind).toBe("concept");
  });
});
