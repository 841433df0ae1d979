// The index-side ACL must say exactly what the policy functions say. Two proofs:
// 1. exhaustively over synthetic actors and entity facts (pure functions);
// 2. for every demo account on every seeded entity, through the real FTS5 index: the set of
//    entities a person can find equals the set the policy lets them read.
import { beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import { loadActor, type Actor } from "~/domain/actor.server";
import { canReadDraft, canReadDraftComments, canReadOpdracht, canReadOverleg, canReadProposal, canReadPublished, canReadRegister, canReadSignal, canReadVerkenning, type OverlegFacts, type ProposalFacts, type SignalFacts, type VerkenningFacts } from "~/domain/policy.server";
import { verkenningFacts } from "~/domain/facts.server";
import { overlegFacts, registerFacts } from "~/domain/overleg/facts.server";
import { opdrachtFacts } from "~/domain/opdrachten/facts.server";
import { seedDemoIfEmpty } from "~/domain/seed/index.server";
import type { OrganisationKind, Role } from "~/db/schema";
import { canSee, principalsFor, visibilityForDraft, visibilityForOverleg, visibilityForProposal, visibilityForRegister, visibilityForPublished, visibilityForSignal, visibilityForVerkenning } from "./acl.server";
import { Fts5Provider } from "./fts5.server";
import { reindexSearch } from "./indexer.server";
import { allEntityRefs, databaseSource, documentFacts, entityKey, entityTypes, loadEntity, proposalFacts, signalFacts } from "./sources.server";
import { SEARCH_KINDS } from "./types";

// ------------------------------------------------------------------ 1. exhaustive, synthetic

const KINDS: OrganisationKind[] = ["gemeente", "afdeling", "wijkteam", "ketenpartner"];
const ROLE_SETS: Role[][] = [[], ["lezer"], ["redacteur"], ["regisseur"], ["regisseur", "redacteur"], ["beheerder"], ["beheerder", "redacteur"]];
const KETEN_SETS = [[], [1], [2], [1, 2]];
const ME = 100;
const MY_ORG = 50;

function* actors(): Generator<Actor> {
  for (const organisationKind of KINDS)
    for (const roles of ROLE_SETS)
      for (const memberKetenIds of KETEN_SETS)
        for (const regisseurOfKetenIds of KETEN_SETS)
          yield {
            id: ME,
            name: "Test",
            email: "t@example",
            functie: "",
            organisationId: MY_ORG,
            organisationName: "Org",
            organisationKind,
            organisationColor: "#000",
            roles,
            memberKetenIds,
            regisseurOfKetenIds,
          };
}

const DOC_KETENS: (number | null)[] = [null, 1, 2, 3];
const STATUSES = ["concept", "in_consultatie", "in_besluitvorming", "van_kracht", "ingetrokken"];

function* proposals(): Generator<ProposalFacts> {
  for (const status of STATUSES)
    for (const ketenId of DOC_KETENS)
      for (const impactedOrganisationIds of [[], [MY_ORG], [51], [51, MY_ORG]])
        for (const createdById of [ME, 101]) yield { status, document: { ketenId }, impactedOrganisationIds, createdById };
}

function* signals(): Generator<SignalFacts> {
  for (const reporterId of [ME, 101])
    for (const reporterOrganisationId of [MY_ORG, 51])
      for (const ketenIds of [[], [1], [3], [1, 2]])
        for (const followerIds of [[], [ME], [102]]) yield { reporterId, reporterOrganisationId, ownerKetenId: ketenIds[0] ?? 3, ketenIds, followerIds };
}

function* verkenningen(): Generator<VerkenningFacts> {
  for (const ketenId of [1, 3])
    for (const createdById of [ME, 101])
      for (const status of ["open", "omgezet", "gesloten"])
        for (const organisationIds of [[], [MY_ORG], [51], [51, MY_ORG]]) yield { ketenId, createdById, status, organisationIds };
}

function* overleggen(): Generator<OverlegFacts> {
  for (const ketenId of [1, 3])
    for (const deputyId of [null, ME, 101])
      for (const standIn of [false, true])
        for (const chairId of [null, ME, 102])
          for (const personIds of [[], [ME], [103]])
            for (const organisationIds of [[], [MY_ORG], [51]]) yield { ketenId, deputyId, standIn, chairId, personIds, organisationIds };
}

describe("ACL translation equals the policy (exhaustive synthetic check)", () => {
  it("verbeterregister items", () => {
    let n = 0;
    for (const a of actors()) {
      const p = principalsFor(a);
      for (const ketenId of [1, 3])
        for (const deputyId of [null, ME, 101])
          for (const standIn of [false, true])
            for (const overlegPersonIds of [[], [ME], [103]]) {
              const f = { ketenId, deputyId, standIn, overlegPersonIds, ekoPersonIds: [] as number[] };
              expect(canSee(p, visibilityForRegister(f)), JSON.stringify({ a, f })).toBe(canReadRegister(a, f));
              n++;
            }
    }
    expect(n).toBeGreaterThan(10_000);
  });

  it("overleggen: their meetings, agenda items, decisions and actions", () => {
    let n = 0;
    for (const a of actors()) {
      const p = principalsFor(a);
      for (const f of overleggen()) {
        expect(canSee(p, visibilityForOverleg(f)), JSON.stringify({ a, f })).toBe(canReadOverleg(a, f));
        n++;
      }
    }
    expect(n).toBeGreaterThan(50_000);
  });

  it("verkenningen", () => {
    let n = 0;
    for (const a of actors()) {
      const p = principalsFor(a);
      for (const f of verkenningen()) {
        expect(canSee(p, visibilityForVerkenning(f)), JSON.stringify({ a, f })).toBe(canReadVerkenning(a, f));
        n++;
      }
    }
    expect(n).toBeGreaterThan(20_000);
  });

  it("drafts and published documents", () => {
    let n = 0;
    for (const a of actors()) {
      const p = principalsFor(a);
      for (const ketenId of DOC_KETENS) {
        expect(canSee(p, visibilityForDraft({ ketenId })), JSON.stringify({ a, ketenId })).toBe(canReadDraft(a, { ketenId }));
        // Margin comments on a draft carry the draft's tokens (margin/search.server.ts).
        expect(canSee(p, visibilityForDraft({ ketenId })), JSON.stringify({ a, ketenId })).toBe(canReadDraftComments(a, { ketenId }));
        expect(canSee(p, visibilityForPublished())).toBe(canReadPublished(a, { ketenId }));
        n++;
      }
    }
    expect(n).toBeGreaterThan(1000);
  });

  it("proposals", () => {
    let n = 0;
    for (const a of actors()) {
      const p = principalsFor(a);
      for (const f of proposals()) {
        expect(canSee(p, visibilityForProposal(f)), JSON.stringify({ a, f })).toBe(canReadProposal(a, f));
        n++;
      }
    }
    expect(n).toBeGreaterThan(50_000);
  });

  it("signals", () => {
    let n = 0;
    for (const a of actors()) {
      const p = principalsFor(a);
      for (const f of signals()) {
        expect(canSee(p, visibilityForSignal(f)), JSON.stringify({ a, f })).toBe(canReadSignal(a, f));
        n++;
      }
    }
    expect(n).toBeGreaterThan(20_000);
  });
});

// ------------------------------------------------------------------ 2. demo world, real index

/**
 * The demo seed has no open drafts and no concept proposals; add one draft of a keten
 * document, one of a portal-wide document and a concept proposal, so those rules are exercised.
 */
function addDraftsAndConceptProposal() {
  const db = getDb();
  const docs = db.select({ id: schema.documents.id, ketenId: schema.documents.ketenId }).from(schema.documents).all();
  const ketenDoc = docs.find((d) => d.ketenId != null)!;
  const portalDoc = docs.find((d) => d.ketenId == null)!;
  const now = new Date().toISOString();
  for (const d of [ketenDoc, portalDoc]) {
    db.insert(schema.roomDerived)
      .values({ room: `doc-${d.id}`, lexicalJson: "{}", html: "", text: "", markdown: `## Nieuwe paragraaf ${d.id}\n\nConcepttekst met het woord zeepbelproef.`, updatedAt: now })
      .onConflictDoUpdate({ target: schema.roomDerived.room, set: { markdown: sql`${schema.roomDerived.markdown} || ${`\n\n## Nieuwe paragraaf ${d.id}\n\nConcepttekst met het woord zeepbelproef.`}` } })
      .run();
  }
  const regisseur = getDb().select({ id: schema.ketens.regisseurId }).from(schema.ketens).where(eq(schema.ketens.id, ketenDoc.ketenId!)).get()!;
  const werkom = db.select({ id: schema.organisations.id }).from(schema.organisations).where(eq(schema.organisations.slug, "werkom")).get()!;
  const p = db
    .insert(schema.proposals)
    .values({ documentId: ketenDoc.id, title: "Conceptvoorstel zeepbelproef", waarom: "Nog niet gedeeld.", createdById: regisseur.id!, status: "concept" })
    .returning({ id: schema.proposals.id })
    .get();
  db.insert(schema.proposalImpacts).values({ proposalId: p.id, organisationId: werkom.id }).run();
  // A comment on the concept (by its author), so comments of an unshared proposal are checked too.
  const author = db.select({ organisationId: schema.people.organisationId }).from(schema.people).where(eq(schema.people.id, regisseur.id!)).get()!;
  db.insert(schema.proposalComments).values({ proposalId: p.id, authorId: regisseur.id!, organisationId: author.organisationId, stance: "zorg", text: "Interne notitie zeepbelproef." }).run();
}

describe("ACL on the seeded demo world, through the FTS5 index", () => {
  const provider = new Fts5Provider({ source: databaseSource() });
  let accounts: Actor[] = [];

  beforeAll(async () => {
    await seedDemoIfEmpty();
    addDraftsAndConceptProposal();
    await reindexSearch({ provider });
    accounts = getDb()
      .select({ id: schema.people.id })
      .from(schema.people)
      .all()
      .map((r) => loadActor(r.id))
      .filter((a): a is Actor => a !== null);
  }, 120_000);

  /** What the policy functions say this person may read, per indexed entity. */
  function policyReadable(a: Actor): Set<string> {
    const db = getDb();
    const out = new Set<string>();
    for (const ref of allEntityRefs(db)) {
      if (loadEntity(db, ref).length === 0) continue;
      let ok: boolean;
      switch (ref.type) {
        case "document":
          ok = canReadPublished(a, { ketenId: documentFacts(db, ref.id)!.ketenId });
          break;
        case "draft":
          ok = canReadDraft(a, { ketenId: documentFacts(db, ref.id)!.ketenId });
          break;
        case "proposal":
          ok = canReadProposal(a, proposalFacts(db, ref.id)!);
          break;
        case "signal":
          ok = canReadSignal(a, signalFacts(db, ref.id)!);
          break;
        case "comments":
          // Comments and answers: whoever may read the proposal (consultation's requireReadable).
          ok = canReadProposal(a, proposalFacts(db, ref.id)!);
          break;
        case "decision": {
          const d = db.select({ overlegId: schema.decisions.overlegId }).from(schema.decisions).where(eq(schema.decisions.id, ref.id)).get()!;
          ok = canReadOverleg(a, overlegFacts(d.overlegId, db)!);
          break;
        }
        case "register_item": {
          const r = db.select({ ketenId: schema.registerItems.ketenId }).from(schema.registerItems).where(eq(schema.registerItems.id, ref.id)).get()!;
          ok = canReadRegister(a, registerFacts(r.ketenId, db));
          break;
        }
        case "opdracht":
          ok = canReadOpdracht(a, opdrachtFacts(ref.id, db)!);
          break;
        case "verkenning":
          ok = canReadVerkenning(a, verkenningFacts(ref.id, db)!);
          break;
        case "meeting": {
          const m = db.select({ overlegId: schema.meetings.overlegId }).from(schema.meetings).where(eq(schema.meetings.id, ref.id)).get()!;
          ok = canReadOverleg(a, overlegFacts(m.overlegId, db)!);
          break;
        }
        case "action": {
          const x = db.select({ overlegId: schema.actions.overlegId }).from(schema.actions).where(eq(schema.actions.id, ref.id)).get()!;
          ok = canReadOverleg(a, overlegFacts(x.overlegId, db)!);
          break;
        }
        case "draft_comments":
          // Margin comments on a draft: whoever reads the draft (decision 111).
          ok = canReadDraftComments(a, { ketenId: documentFacts(db, ref.id)!.ketenId });
          break;
        case "person":
        case "organisation":
          ok = true;
          break;
        default:
          throw new Error(`policyReadable: no read rule for search type ${ref.type satisfies never}`);
      }
      if (ok) out.add(entityKey(ref.type, ref.id));
    }
    return out;
  }

  /** What the index lets this person find (all pages of an empty-query browse). */
  async function indexReadable(a: Actor): Promise<{ keys: Set<string>; total: number; soortSum: number }> {
    const keys = new Set<string>();
    let cursor: string | null = null;
    let total = 0;
    let soortSum = 0;
    let first = true;
    do {
      const r = await provider.search("", { principals: principalsFor(a), limit: 100, cursor, facets: first ? ["soort"] : [] });
      if (first) {
        total = r.total;
        soortSum = (r.facets.soort ?? []).reduce((s, f) => s + f.count, 0);
        first = false;
      }
      for (const h of r.hits) keys.add(h.entityKey);
      cursor = r.nextCursor;
    } while (cursor);
    return { keys, total, soortSum };
  }

  it("covers every demo account and a world with every kind of entity", () => {
    expect(accounts.length).toBeGreaterThanOrEqual(17);
    const types = new Set(allEntityRefs(getDb()).map((r) => r.type));
    // The demo seed of the documents, consultation and signals features fills the rest.
    for (const t of ["document", "draft", "proposal", "signal", "person", "organisation", "comments", "decision", "register_item", "opdracht", "verkenning", "meeting", "action", "draft_comments"]) expect(types).toContain(t);
    // Every type search knows (built-in loaders and ADDED_SOURCES) is in this world, so the
    // next test checks it; a source added without seeded content fails here.
    expect([...types].sort()).toEqual(entityTypes().sort());
  });

  it("every kind in the “soort” facet comes from an entity in this world, so the ACL check covers it", () => {
    const db = getDb();
    const kinds = new Set(allEntityRefs(db).flatMap((ref) => loadEntity(db, ref).map((e) => e.kind)));
    // A kind added to SEARCH_KINDS without seeded content (and so without an ACL check) fails here.
    expect([...kinds].sort()).toEqual([...SEARCH_KINDS].sort());
  });

  it("each account finds exactly the entities the policy lets it read (and the counts agree)", async () => {
    const summary: string[] = [];
    for (const a of accounts) {
      const expected = policyReadable(a);
      const found = await indexReadable(a);
      expect([...found.keys].sort(), a.email).toEqual([...expected].sort());
      // Counts are over permitted entries only: the total and the facet counts agree with the hits.
      expect(found.soortSum, a.email).toBe(found.total);
      summary.push(`${a.email}: ${expected.size}`);
    }
    // Different people really do see different things (the check is not vacuous).
    expect(new Set(summary.map((s) => s.split(": ")[1])).size, summary.join("\n")).toBeGreaterThan(1);
    console.log(`Vindbare items per demo-account:\n${summary.join("\n")}`);
  });

  it("the ACL tokens stored per entry are the ones computed from the policy facts", () => {
    const db = getDb();
    for (const ref of allEntityRefs(db)) {
      for (const e of loadEntity(db, ref)) {
        const stored = db.$client
          .prepare("SELECT group_concat(token, ' ') AS t FROM (SELECT a.token FROM search_acl a JOIN search_entries s ON s.id = a.entry_id WHERE s.key = ? ORDER BY a.token)")
          .get(e.id) as { t: string | null };
        expect(stored.t?.split(" ") ?? [], e.id).toEqual([...new Set(e.visibility)].sort());
      }
    }
  });
});
