// Issue 15: an index built by another SEARCH_INDEX_VERSION (an upgrade that changed what is
// indexed or the ACL tokens) is rebuilt when the portal starts; an index of the current
// version is left alone. Through the real start-up path (startSearchIndexer → ensureIndexed).
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { loadActorByEmail, type Actor } from "~/domain/actor.server";
import { seedWorld } from "~/domain/seed/world.server";
import { principalsFor } from "~/domain/search/acl.server";
import { SEARCH_INDEX_VERSION } from "~/domain/search/index-version";
import { reindexSearch } from "~/domain/search/indexer.server";
import { getSearchProvider } from "~/domain/search/provider.server";
import type { SearchEntry } from "~/domain/search/types";
import { startSearchIndexer, stopSearchIndexer } from "./indexer";

let reader: Actor;
let builtCount = 0;

/** An entry only the index has (the database does not know it): a rebuild removes it. */
const STALE: SearchEntry = {
  id: "document:999999#oud",
  entityKey: "document:999999",
  kind: "document",
  title: "Verouderd item",
  section: "",
  body: "Dit woord staat alleen in een oude index: fossielwoord.",
  url: "/documenten/oud",
  position: 0,
  updatedAt: "2026-01-01T00:00:00Z",
  visibility: ["all"],
  facets: {},
};

const staleFound = async () => (await getSearchProvider().search("fossielwoord", { principals: principalsFor(reader), limit: 5 })).total;
const reindexedAt = () => getDb().$client.prepare("SELECT value FROM search_meta WHERE key = 'reindexed_at'").get() as { value: string } | undefined;

beforeAll(async () => {
  await seedWorld();
  reader = loadActorByEmail("werkom@werkom.example")!;
  await reindexSearch();
  builtCount = await getSearchProvider().count();
});

afterEach(() => stopSearchIndexer());

describe("index version → rebuild at start", () => {
  it("a full rebuild stores the current version", async () => {
    expect(await getSearchProvider().indexVersion()).toBe(SEARCH_INDEX_VERSION);
  });

  it("an index of the current version is not rebuilt at start", async () => {
    const provider = getSearchProvider();
    await provider.upsert([STALE]);
    const before = reindexedAt();
    await startSearchIndexer();
    expect(await staleFound()).toBe(1);
    expect(reindexedAt()).toEqual(before);
    await provider.remove([STALE.entityKey]);
  });

  it("an index of an older version is rebuilt at start, with the current version stored", async () => {
    const provider = getSearchProvider();
    await provider.upsert([STALE]);
    await provider.setIndexVersion(SEARCH_INDEX_VERSION - 1);
    await startSearchIndexer();
    expect(await staleFound()).toBe(0);
    expect(await provider.indexVersion()).toBe(SEARCH_INDEX_VERSION);
    // The rebuild came from the database: every real entry is back, the stale one is not.
    expect(await provider.count()).toBe(builtCount);
    expect(builtCount).toBeGreaterThan(10);
  });

  it("an index without a stored version (built before the check existed) is rebuilt at start", async () => {
    const provider = getSearchProvider();
    await provider.upsert([STALE]);
    getDb().$client.prepare("DELETE FROM search_meta WHERE key = 'index_version'").run();
    expect(await provider.indexVersion()).toBeNull();
    await startSearchIndexer();
    expect(await staleFound()).toBe(0);
    expect(await provider.indexVersion()).toBe(SEARCH_INDEX_VERSION);
  });
});
