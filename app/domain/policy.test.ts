// Each read rule exists as a function (one row) and as a SQL condition (lists, links, search
// pages). They must agree for every demo account and every row, including the rows that only
// some people may read (a concept document, a concept proposal, a ketenpartner's signal).
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import { loadActor, type Actor } from "~/domain/actor.server";
import { seedDemoIfEmpty } from "~/domain/seed/index.server";
import { documentFactsByIds, proposalFactsByIds, signalFactsByIds, verkenningFactsByIds } from "./facts.server";
import {
  canReadDocument,
  canReadProposal,
  canReadSignal,
  canReadVerkenning,
  readableDocumentCondition,
  readableProposalCondition,
  readableSignalCondition,
  readableVerkenningCondition,
} from "./policy.server";

let accounts: Actor[] = [];

beforeAll(async () => {
  await seedDemoIfEmpty();
  const db = getDb();
  // Concepts only editors read: a keten document, a portal-wide one, and a concept proposal.
  const keten = db.select({ id: schema.ketens.id, regisseurId: schema.ketens.regisseurId }).from(schema.ketens).orderBy(schema.ketens.id).get()!;
  db.insert(schema.documents).values({ slug: "concept-keten-test", title: "Concept keten", kind: "overig", ketenId: keten.id, status: "concept" }).run();
  db.insert(schema.documents).values({ slug: "concept-portaal-test", title: "Concept portaal", kind: "overig", ketenId: null, status: "concept" }).run();
  const doc = db.select({ id: schema.documents.id }).from(schema.documents).where(eq(schema.documents.ketenId, keten.id)).get()!;
  const werkom = db.select({ id: schema.organisations.id }).from(schema.organisations).where(eq(schema.organisations.slug, "werkom")).get()!;
  const p = db.insert(schema.proposals).values({ documentId: doc.id, title: "Concept", createdById: keten.regisseurId!, status: "concept" }).returning().get();
  db.insert(schema.proposalImpacts).values({ proposalId: p.id, organisationId: werkom.id }).run();
  accounts = db
    .select({ id: schema.people.id })
    .from(schema.people)
    .all()
    .map((r) => loadActor(r.id))
    .filter((a): a is Actor => a !== null);
}, 60_000);

describe("read rules: the function and the SQL condition agree", () => {
  it("covers every demo account and rows that differ per person", () => {
    expect(accounts.length).toBeGreaterThanOrEqual(17);
    expect(accounts.some((a) => a.organisationKind === "ketenpartner")).toBe(true);
  });

  it("documents", () => {
    const db = getDb();
    const ids = db.select({ id: schema.documents.id }).from(schema.documents).all().map((r) => r.id);
    const facts = documentFactsByIds(ids);
    const sizes = new Set<number>();
    for (const a of accounts) {
      const inSql = new Set(db.select({ id: schema.documents.id }).from(schema.documents).where(readableDocumentCondition(a)).all().map((r) => r.id));
      for (const id of ids) expect(inSql.has(id), `${a.email} / document ${id}`).toBe(canReadDocument(a, facts.get(id)!));
      sizes.add(inSql.size);
    }
    expect(sizes.size).toBeGreaterThan(1);
  });

  it("proposals", () => {
    const db = getDb();
    const ids = db.select({ id: schema.proposals.id }).from(schema.proposals).all().map((r) => r.id);
    const facts = proposalFactsByIds(ids);
    const sizes = new Set<number>();
    for (const a of accounts) {
      const inSql = new Set(db.select({ id: schema.proposals.id }).from(schema.proposals).where(readableProposalCondition(a)).all().map((r) => r.id));
      for (const id of ids) expect(inSql.has(id), `${a.email} / proposal ${id}`).toBe(canReadProposal(a, facts.get(id)!));
      sizes.add(inSql.size);
    }
    expect(sizes.size).toBeGreaterThan(1);
  });

  it("signals", () => {
    const db = getDb();
    const ids = db.select({ id: schema.signals.id }).from(schema.signals).all().map((r) => r.id);
    const facts = signalFactsByIds(ids);
    const sizes = new Set<number>();
    for (const a of accounts) {
      const inSql = new Set(db.select({ id: schema.signals.id }).from(schema.signals).where(readableSignalCondition(a)).all().map((r) => r.id));
      for (const id of ids) expect(inSql.has(id), `${a.email} / signal ${id}`).toBe(canReadSignal(a, facts.get(id)!));
      sizes.add(inSql.size);
    }
    expect(sizes.size).toBeGreaterThan(1);
  });

  it("verkenningen", () => {
    const db = getDb();
    const ids = db.select({ id: schema.verkenningen.id }).from(schema.verkenningen).all().map((r) => r.id);
    expect(ids.length).toBeGreaterThan(0);
    const facts = verkenningFactsByIds(ids);
    const sizes = new Set<number>();
    for (const a of accounts) {
      const inSql = new Set(db.select({ id: schema.verkenningen.id }).from(schema.verkenningen).where(readableVerkenningCondition(a)).all().map((r) => r.id));
      for (const id of ids) expect(inSql.has(id), `${a.email} / verkenning ${id}`).toBe(canReadVerkenning(a, facts.get(id)!));
      sizes.add(inSql.size);
    }
    expect(sizes.size).toBeGreaterThan(1);
  });
});
