// Issue 15: comments and answers on proposals become searchable as they arrive, through the
// same outbox and ACL tokens, and only for those who may read the proposal.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, schema } from "~/db/client.server";
import { loadActorByEmail, type Actor } from "~/domain/actor.server";
import { addComment, answerComment } from "~/domain/consultation/comments.server";
import { seedDemoIfEmpty } from "~/domain/seed/index.server";
import { principalsFor } from "./acl.server";
import { Fts5Provider } from "./fts5.server";
import { drainAll, reindexSearch } from "./indexer.server";
import { databaseSource } from "./sources.server";

// Inside the demo proposal's consultation period (it closes on 8 December 2026).
process.env.KP_NOW ??= "2026-11-20T10:00:00Z";

const provider = new Fts5Provider({ source: databaseSource() });
let proposalId = 0;
let invited: Actor;
let regisseur: Actor;
let outsider: Actor;

const ids = async (actor: Actor, q: string) => (await provider.search(q, { principals: principalsFor(actor), limit: 20 })).hits.map((h) => h.id);

beforeAll(async () => {
  await seedDemoIfEmpty();
  await reindexSearch({ provider });
  proposalId = getDb().select({ id: schema.proposals.id }).from(schema.proposals).where(eq(schema.proposals.status, "in_consultatie")).get()!.id;
  invited = loadActorByEmail("werkom@werkom.example")!;
  regisseur = loadActorByEmail("regisseur.participatie@zaanstad.example")!;
  // A Wmo-aanbieder: not invited to the participation proposal, so it may not read it.
  const thuishulp = getDb().select({ id: schema.people.id, email: schema.people.email }).from(schema.people).innerJoin(schema.organisations, eq(schema.people.organisationId, schema.organisations.id)).where(eq(schema.organisations.name, "Thuishulp Demo Zaanstreek")).get()!;
  outsider = loadActorByEmail(thuishulp.email)!;
}, 120_000);

describe("comments and answers in search", () => {
  it("a new comment is findable after the outbox is drained, for readers of the proposal only", async () => {
    const { commentId } = addComment({ actor: invited, id: proposalId, stance: "zorg", text: "Wie regelt de kinderopvangpuzzel bij het startgesprek?", quote: "" });
    expect(await ids(invited, "kinderopvangpuzzel")).toEqual([]);
    await drainAll(provider);
    const key = `comments:${proposalId}#reactie-${commentId}`;
    expect(await ids(invited, "kinderopvangpuzzel")).toEqual([key]);
    expect(await ids(regisseur, "kinderopvangpuzzel")).toEqual([key]);
    expect(await ids(outsider, "kinderopvangpuzzel")).toEqual([]);

    answerComment({ actor: regisseur, id: proposalId, commentId, decision: "overgenomen", text: "De oppasregeling wordt in het startgesprek besproken.", textChange: "" });
    await drainAll(provider);
    expect(await ids(invited, "oppasregeling")).toEqual([key]);
    expect(await ids(outsider, "oppasregeling")).toEqual([]);
  });
});
