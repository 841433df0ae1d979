// Issue 15: verkenningen, meetings (with their agenda) and actions become searchable as they
// arrive, through the same outbox and ACL tokens, and only for those who may read them.
import { and, eq } from "drizzle-orm";
import { proposalFacts } from "~/domain/facts.server";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, schema } from "~/db/client.server";
import { loadActorByEmail, type Actor } from "~/domain/actor.server";
import { overlegFacts } from "~/domain/overleg/facts.server";
import { addAction, addAgendaItem, createMeeting, setActionStatus } from "~/domain/overleg/overleg.server";
import { addDraftComment, replyToDraftComment, setDraftCommentResolved } from "~/domain/margin/drafts.server";
import { replyToProposalComment } from "~/domain/margin/proposals.server";
import { canEditOverleg, canReadDraftComments, canReadOverleg, canReadProposal } from "~/domain/policy.server";
import { seedDemoIfEmpty } from "~/domain/seed/index.server";
import { closeVerkenning, startVerkenning, writeSummary } from "~/domain/verkenning/verkenning.server";
import { principalsFor } from "./acl.server";
import { Fts5Provider } from "./fts5.server";
import { drainAll, reindexSearch } from "./indexer.server";
import { databaseSource } from "./sources.server";

process.env.KP_NOW ??= "2026-11-20T10:00:00Z";

const provider = new Fts5Provider({ source: databaseSource() });
let regisseur: Actor;
let asked: Actor;
let outsider: Actor;

const keys = async (actor: Actor, q: string) => [...new Set((await provider.search(q, { principals: principalsFor(actor), limit: 20 })).hits.map((h) => h.entityKey))];

beforeAll(async () => {
  await seedDemoIfEmpty();
  await reindexSearch({ provider });
  regisseur = loadActorByEmail("regisseur.participatie@zaanstad.example")!;
  asked = loadActorByEmail("werkom@werkom.example")!;
  // A Wmo-aanbieder: neither asked in the verkenning nor part of the participation overleggen.
  outsider = loadActorByEmail("aanbieder@zorgvoorbeeld.example")!;
}, 120_000);

describe("new content types in search", () => {
  it("a new verkenning is findable after the outbox drains, for those who may read it only", async () => {
    const { id } = startVerkenning({
      actor: regisseur,
      ketenId: regisseur.regisseurOfKetenIds[0]!,
      title: "Verkenning fietsenstallingproef",
      problem: "Deelnemers komen te laat door de fietsenstallingproef bij het werkplein.",
      knowledge: "",
      questions: ["Wat merkt u van de fietsenstallingproef?", "Welke oplossing ziet u voor de reistijd?"],
      organisations: [asked.organisationId],
      signals: [],
      reactionDeadline: "2026-12-15",
    });
    const key = `verkenning:${id}`;
    expect(await keys(regisseur, "fietsenstallingproef")).toEqual([]);
    await drainAll(provider);
    expect(await keys(regisseur, "fietsenstallingproef")).toEqual([key]);
    expect(await keys(asked, "fietsenstallingproef")).toEqual([key]);
    expect(await keys(outsider, "fietsenstallingproef")).toEqual([]);
    // A question is its own passage, linking to the verkenning.
    const q = (await provider.search("reistijd", { principals: principalsFor(asked), limit: 20 })).hits.find((h) => h.entityKey === key)!;
    expect(q.section).toBe("Vraag 2");
    expect(q.url).toBe(`/verkenningen/${id}`);

    writeSummary({ actor: regisseur, id, summary: "Iedereen noemt de sleutelkastjes." });
    closeVerkenning({ actor: regisseur, id, reason: "Opgelost met sleutelkastjes." });
    await drainAll(provider);
    expect(await keys(asked, "sleutelkastjes")).toEqual([key]);
    expect(await keys(outsider, "sleutelkastjes")).toEqual([]);
  });

  it("a new meeting, its agenda items and actions are findable after the outbox drains, for readers of the overleg only", async () => {
    const db = getDb();
    const overleg = db
      .select({ id: schema.overleggen.id })
      .from(schema.overleggen)
      .all()
      .find((o) => {
        const f = overlegFacts(o.id)!;
        return canEditOverleg(regisseur, f) && canReadOverleg(asked, f) && !canReadOverleg(outsider, f);
      })!;
    expect(overleg).toBeTruthy();
    const meetingId = createMeeting({ actor: regisseur, overlegId: overleg.id, date: "2026-12-10", startTime: "10:00", endTime: "11:30", location: "Zaanstad, zaal Kalverhoek" });
    await drainAll(provider);
    expect(await keys(asked, "kalverhoek")).toEqual([`meeting:${meetingId}`]);
    expect(await keys(outsider, "kalverhoek")).toEqual([]);

    const itemId = addAgendaItem({ actor: regisseur, meetingId, title: "Terugkoppeling wachtlijstdashboard", note: "" });
    await drainAll(provider);
    const hit = (await provider.search("wachtlijstdashboard", { principals: principalsFor(asked), limit: 20 })).hits.find((h) => h.entityKey === `meeting:${meetingId}` && h.id.endsWith(`#agendapunt-${itemId}`))!;
    expect(hit.url).toBe(`/overleg/bijeenkomst/${meetingId}#agendapunt-${itemId}`);
    expect(await keys(outsider, "wachtlijstdashboard")).toEqual([]);

    const owner = db.select({ id: schema.people.id }).from(schema.people).where(eq(schema.people.id, regisseur.id)).get()!;
    const actionId = addAction({ actor: regisseur, meetingId, title: "Rooster loketbezetting opstellen", owner: `person:${owner.id}`, dueDate: "2026-12-20" });
    await drainAll(provider);
    expect(await keys(asked, "loketbezetting")).toContain(`action:${actionId}`);
    expect(await keys(outsider, "loketbezetting")).toEqual([]);

    setActionStatus({ actor: regisseur, actionId, status: "gereed" });
    await drainAll(provider);
    const action = (await provider.search("loketbezetting", { principals: principalsFor(asked), limit: 20 })).hits.find((h) => h.entityKey === `action:${actionId}`)!;
    expect(action.url).toBe(`/overleg/${overleg.id}#actie-${actionId}`);
    expect(action.excerpt).toContain("Gereed");
  });
});

describe("margin comments in search", () => {
  const outboxFor = (type: string) => getDb().select().from(schema.searchOutbox).where(eq(schema.searchOutbox.entityType, type)).all();

  it("a margin comment on a draft, its replies and its resolving are findable for the draft's readers only", async () => {
    const db = getDb();
    const doc = db.select({ id: schema.documents.id, slug: schema.documents.slug, ketenId: schema.documents.ketenId }).from(schema.documents).where(eq(schema.documents.slug, "werkafspraken-wmo-keten")).get()!;
    const wmo = loadActorByEmail("regisseur.wmo@zaanstad.example")!;
    const contractmanager = loadActorByEmail("contractmanager@zaanstad.example")!;
    expect(canReadDraftComments(wmo, doc)).toBe(true);
    expect(canReadDraftComments(asked, doc)).toBe(false);
    await drainAll(provider);

    const { commentId } = addDraftComment({ actor: wmo, documentId: doc.id, quote: "De opgaveregisseur Wmo beheert dit document.", text: "Vervanging regelen via de kwartiermakerspool." });
    // The outbox row was written with the comment (same transaction): it is there before any drain.
    expect(outboxFor("draft_comments").map((r) => r.entityId)).toContain(String(doc.id));
    await drainAll(provider);
    const key = `draft_comments:${doc.id}`;
    expect(await keys(wmo, "kwartiermakerspool")).toEqual([key]);
    expect(await keys(asked, "kwartiermakerspool")).toEqual([]);
    expect(await keys(outsider, "kwartiermakerspool")).toEqual([]);
    const hit = (await provider.search("kwartiermakerspool", { principals: principalsFor(wmo), limit: 5 })).hits[0]!;
    expect(hit.kind).toBe("opmerking");
    expect(hit.url).toBe(`/documenten/${doc.slug}/bewerken#opmerking-${commentId}`);

    replyToDraftComment({ actor: contractmanager, documentId: doc.id, commentId, text: "Dan ook de bereikbaarheidsdienst noemen." });
    await drainAll(provider);
    expect(await keys(contractmanager, "bereikbaarheidsdienst")).toEqual([key]);
    expect(await keys(asked, "bereikbaarheidsdienst")).toEqual([]);

    setDraftCommentResolved({ actor: wmo, documentId: doc.id, commentId, resolved: true });
    expect(outboxFor("draft_comments").length).toBeGreaterThan(0);
    await drainAll(provider);
    const resolved = (await provider.search("kwartiermakerspool", { principals: principalsFor(wmo), limit: 5 })).hits[0]!;
    expect(resolved.section).toContain("afgehandeld");
  });

  it("a reply in the margin thread of a proposal comment is findable with the comment, for the proposal's readers", async () => {
    const db = getDb();
    const c = db
      .select({ id: schema.proposalComments.id, proposalId: schema.proposalComments.proposalId })
      .from(schema.proposalComments)
      .innerJoin(schema.proposals, eq(schema.proposalComments.proposalId, schema.proposals.id))
      .innerJoin(schema.documents, eq(schema.proposals.documentId, schema.documents.id))
      .where(and(eq(schema.proposals.status, "in_consultatie"), eq(schema.documents.slug, "werkafspraken-participatieketen"), eq(schema.proposalComments.authorId, asked.id)))
      .get()!;
    const facts = proposalFacts(c.proposalId)!;
    expect(canReadProposal(asked, facts)).toBe(true);
    expect(canReadProposal(outsider, facts)).toBe(false);
    replyToProposalComment({ actor: asked, id: c.proposalId, commentId: c.id, text: "Wij leveren de lijst met vervangingsroosters aan." });
    expect(outboxFor("comments").map((r) => r.entityId)).toContain(String(c.proposalId));
    await drainAll(provider);
    expect(await keys(asked, "vervangingsroosters")).toEqual([`comments:${c.proposalId}`]);
    expect(await keys(outsider, "vervangingsroosters")).toEqual([]);
  });
});
