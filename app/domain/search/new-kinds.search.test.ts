// Issue 15: verkenningen, meetings (with their agenda) and actions become searchable as they
// arrive, through the same outbox and ACL tokens, and only for those who may read them.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, schema } from "~/db/client.server";
import { loadActorByEmail, type Actor } from "~/domain/actor.server";
import { overlegFacts } from "~/domain/overleg/facts.server";
import { addAction, addAgendaItem, createMeeting, setActionStatus } from "~/domain/overleg/overleg.server";
import { canEditOverleg, canReadOverleg } from "~/domain/policy.server";
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
