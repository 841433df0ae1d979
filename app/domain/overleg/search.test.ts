// Acceptance 4 (search): decisions and verbeterregister items are found exactly by the people
// the policy lets read them — the ACL tokens agree with canReadOverleg / canReadRegister for
// every demo account, and an outsider finds nothing when searching the words of an item.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, schema } from "~/db/client.server";
import { loadActor, loadActorByEmail, type Actor } from "~/domain/actor.server";
import { principalsFor } from "~/domain/search/acl.server";
import { Fts5Provider } from "~/domain/search/fts5.server";
import { reindexSearch } from "~/domain/search/indexer.server";
import { databaseSource } from "~/domain/search/sources.server";
import { seedDemoIfEmpty } from "~/domain/seed/index.server";
import { canReadOverleg, canReadRegister } from "../policy.server";
import { overlegFacts, registerFacts } from "./facts.server";

const provider = new Fts5Provider({ source: databaseSource() });
let accounts: Actor[] = [];

beforeAll(async () => {
  await seedDemoIfEmpty();
  await reindexSearch({ provider });
  accounts = getDb().select({ id: schema.people.id }).from(schema.people).all().map((r) => loadActor(r.id)).filter((a): a is Actor => a !== null);
}, 120_000);

async function found(a: Actor, q = ""): Promise<Set<string>> {
  const out = new Set<string>();
  let cursor: string | null = null;
  do {
    const r = await provider.search(q, { principals: principalsFor(a), limit: 100, cursor, facets: [] });
    for (const h of r.hits) if (/^(decision|register_item):/.test(h.entityKey)) out.add(h.entityKey);
    cursor = r.nextCursor;
  } while (cursor);
  return out;
}

describe("search over decisions and the verbeterregister", () => {
  it("finds exactly what the policy lets each demo account read", async () => {
    const db = getDb();
    const decisions = db.select({ id: schema.decisions.id, overlegId: schema.decisions.overlegId }).from(schema.decisions).all();
    const items = db.select({ id: schema.registerItems.id, ketenId: schema.registerItems.ketenId }).from(schema.registerItems).all();
    expect(decisions.length).toBeGreaterThan(3);
    const sizes = new Set<number>();
    for (const a of accounts) {
      const inIndex = await found(a);
      const expected = new Set([
        ...decisions.filter((d) => canReadOverleg(a, overlegFacts(d.overlegId)!)).map((d) => `decision:${d.id}`),
        ...items.filter((i) => canReadRegister(a, registerFacts(i.ketenId))).map((i) => `register_item:${i.id}`),
      ]);
      expect([...inIndex].sort(), a.email).toEqual([...expected].sort());
      sizes.add(inIndex.size);
    }
    expect(sizes.size).toBeGreaterThan(1);
  });

  it("an outsider finds nothing for the words of a register item; a keten member does", async () => {
    const outsider = loadActorByEmail("aanbieder@zorgvoorbeeld.example")!;
    const member = loadActorByEmail("werkom@werkom.example")!;
    expect((await found(member, "inkomensconsulent")).size).toBeGreaterThan(0);
    expect((await found(outsider, "inkomensconsulent")).size).toBe(0);
  });
});
