// The overleg and verbeterregister read/edit/manage rules exist as functions and as SQL conditions in
// policy.server.ts; they must agree for every demo account and every row, with the deputy
// regisseur both off and on as stand-in.
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import { loadActor, type Actor } from "~/domain/actor.server";
import { seedDemoIfEmpty } from "~/domain/seed/index.server";
import {
  canEditOverleg,
  canEditRegister,
  canManageOverleg,
  canReadOverleg,
  canReadRegister,
  editableOverlegCondition,
  editableRegisterCondition,
  manageableOverlegCondition,
  readableOverlegCondition,
  readableRegisterCondition,
} from "../policy.server";
import { overlegFactsByIds, registerFacts } from "./facts.server";

let accounts: Actor[] = [];

beforeAll(async () => {
  await seedDemoIfEmpty();
  accounts = getDb()
    .select({ id: schema.people.id })
    .from(schema.people)
    .all()
    .map((r) => loadActor(r.id))
    .filter((a): a is Actor => a !== null);
}, 60_000);

function compare() {
  const db = getDb();
  const overlegIds = db.select({ id: schema.overleggen.id }).from(schema.overleggen).all().map((r) => r.id);
  const facts = overlegFactsByIds(overlegIds);
  const items = db.select({ id: schema.registerItems.id, ketenId: schema.registerItems.ketenId }).from(schema.registerItems).all();
  const sizes = new Set<string>();
  const manageSizes = new Set<number>();
  for (const a of accounts) {
    const read = new Set(db.select({ id: schema.overleggen.id }).from(schema.overleggen).where(readableOverlegCondition(a)).all().map((r) => r.id));
    const edit = new Set(db.select({ id: schema.overleggen.id }).from(schema.overleggen).where(editableOverlegCondition(a)).all().map((r) => r.id));
    const manage = new Set(db.select({ id: schema.overleggen.id }).from(schema.overleggen).where(manageableOverlegCondition(a)).all().map((r) => r.id));
    for (const id of overlegIds) {
      expect(read.has(id), `${a.email} reads overleg ${id}`).toBe(canReadOverleg(a, facts.get(id)!));
      expect(edit.has(id), `${a.email} edits overleg ${id}`).toBe(canEditOverleg(a, facts.get(id)!));
      expect(manage.has(id), `${a.email} manages overleg ${id}`).toBe(canManageOverleg(a, facts.get(id)!));
    }
    const readItems = new Set(db.select({ id: schema.registerItems.id }).from(schema.registerItems).where(readableRegisterCondition(a)).all().map((r) => r.id));
    const editItems = new Set(db.select({ id: schema.registerItems.id }).from(schema.registerItems).where(editableRegisterCondition(a)).all().map((r) => r.id));
    for (const i of items) {
      const f = registerFacts(i.ketenId);
      expect(readItems.has(i.id), `${a.email} reads register item ${i.id}`).toBe(canReadRegister(a, f));
      expect(editItems.has(i.id), `${a.email} edits register item ${i.id}`).toBe(canEditRegister(a, f));
    }
    manageSizes.add(manage.size);
    sizes.add(`${read.size}/${edit.size}/${readItems.size}/${editItems.size}`);
  }
  // The demo has rows that only some accounts may read or edit.
  expect(sizes.size).toBeGreaterThan(2);
  // Managing an overleg is narrower than editing it: some accounts manage none, some several.
  expect(manageSizes.size).toBeGreaterThan(1);
}

describe("overleg and verbeterregister: the function and the SQL condition agree", () => {
  it("with the deputy not standing in", () => {
    expect(getDb().select().from(schema.overleggen).all().length).toBeGreaterThanOrEqual(3);
    compare();
  });

  it("with the deputy standing in", () => {
    getDb().update(schema.ketenRegie).set({ standIn: true }).run();
    try {
      compare();
    } finally {
      getDb().update(schema.ketenRegie).set({ standIn: false }).run();
    }
  });

  it("a ketenpartner outside the keten reads neither the overleggen nor the register", () => {
    const outsider = accounts.find((a) => a.email === "aanbieder@zorgvoorbeeld.example")!;
    const part = getDb().select({ id: schema.ketens.id }).from(schema.ketens).where(eq(schema.ketens.slug, "participatie-armoede")).get()!.id;
    expect(canReadRegister(outsider, registerFacts(part))).toBe(false);
    const werkom = accounts.find((a) => a.email === "werkom@werkom.example")!;
    expect(canReadRegister(werkom, registerFacts(part))).toBe(true);
  });
});
