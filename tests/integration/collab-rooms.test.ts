// The collaboration server in-process (real websockets, real SQLite, no Remix): upgrade
// auth, read-only enforcement, limits, persistence before broadcast, seeding, compaction,
// server-side replacement and presence stamping.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as Y from "yjs";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import { getDb, schema } from "~/db/client.server";
import { createSession, deleteSession } from "~/domain/auth.server";
import { loadActorByEmail } from "~/domain/actor.server";
import { createDocument, documentBySlug } from "~/domain/documents/documents.server";
import { seedDocuments } from "~/domain/documents/seed.server";
import { publishVersion } from "~/domain/documents/versions.server";
import { seedWorld } from "~/domain/seed/world.server";
import { markdownToLexicalState } from "~/editor/convert.server";
import { CloseCode, docRoom } from "~/shared/collab";
import { reloadEnv } from "~/utils/env.server";
import { collabMetrics, getRoomState, readDerived } from "~/collab/index.server";
import { manager } from "~/collab/rooms.server";
import { sweepConnections, sweepSlice } from "../../server/collab/upgrade";
import {
  RawClient,
  appendParagraphUpdate,
  docText,
  editorClient,
  startCollabHttp,
  upgradeStatus,
  waitFor,
  sleep,
  MESSAGE_SYNC,
  type EditorClient,
} from "./collab-support";

let http: Awaited<ReturnType<typeof startCollabHttp>>;
const cookies = new Map<string, string>();
const cookie = (email: string) => {
  let c = cookies.get(email);
  if (!c) {
    const actor = loadActorByEmail(email);
    if (!actor) throw new Error(email);
    c = `kp_session=${createSession(actor.id).id}`;
    cookies.set(email, c);
  }
  return c;
};
let participatie: number;
const rowsOf = (room: string) =>
  getDb().select({ n: sql<number>`count(*)` }).from(schema.yUpdates).where(eq(schema.yUpdates.room, room)).get()?.n ?? 0;

const opened: Array<{ close?: () => void; destroy?: () => void }> = [];
function raw(path: string, email?: string): RawClient {
  const c = new RawClient(`${http.url}${path}`, email ? cookie(email) : undefined);
  opened.push(c);
  return c;
}
function editor(documentId: number, email: string): EditorClient {
  const c = editorClient(`${http.url}/collab`, String(documentId), cookie(email));
  opened.push(c);
  return c;
}
async function closeAll() {
  for (const c of opened.splice(0)) {
    c.destroy?.();
    c.close?.();
  }
  await waitFor(() => manager().rooms.size === 0, 5000, "rooms to unload");
}

beforeAll(async () => {
  await seedWorld();
  seedDocuments();
  participatie = documentBySlug("werkafspraken-participatieketen")!.id;
  http = await startCollabHttp();
});

afterAll(async () => {
  await closeAll();
  await http.close();
});

describe("upgrade", () => {
  test("no session cookie → 401; unknown session → 401", async () => {
    expect(await upgradeStatus(`${http.url}/collab/${participatie}`)).toBe(401);
    expect(await upgradeStatus(`${http.url}/collab/${participatie}`, { cookie: "kp_session=nope" })).toBe(401);
  });

  test("a lezer of another keten → 403; editor and keten member → accepted", async () => {
    expect(await upgradeStatus(`${http.url}/collab/${participatie}`, { cookie: cookie("aanbieder@zorgvoorbeeld.example") })).toBe(403);
    expect(await upgradeStatus(`${http.url}/collab/${participatie}`, { cookie: cookie("professional@dock.example") })).toBe(101);
    expect(await upgradeStatus(`${http.url}/collab/${participatie}`, { cookie: cookie("werkom@werkom.example") })).toBe(101);
  });

  test("unknown paths and documents → 404/403; another site's page → 403", async () => {
    expect(await upgradeStatus(`${http.url}/collab/abc`, { cookie: cookie("professional@dock.example") })).toBe(404);
    expect(await upgradeStatus(`${http.url}/collab/999999`, { cookie: cookie("professional@dock.example") })).toBe(403);
    expect(
      await upgradeStatus(`${http.url}/collab/${participatie}`, { cookie: cookie("professional@dock.example"), origin: "https://evil.example" }),
    ).toBe(403);
  });
});

describe("read-only and write connections", () => {
  test("a ketenpartner receives edits, but a crafted update never reaches the store or other clients", async () => {
    const room = docRoom(participatie);
    const writer = raw(`/collab/${participatie}`, "professional@dock.example");
    const partner = raw(`/collab/${participatie}`, "werkom@werkom.example");
    await Promise.all([writer.synced, partner.synced]);
    const rowsBefore = rowsOf(room);
    const dropsBefore = collabMetrics().updatesDroppedReadOnly;

    // The partner crafts an update on its own copy and sends it as a sync update message.
    const crafted = appendParagraphUpdate(partner.doc, "KETENPARTNER WAS HIER");
    partner.sendUpdate(crafted);
    // And presence: must not be shown to others.
    partner.sendAwareness({ name: "Werkom", color: "#000" });
    await waitFor(() => collabMetrics().updatesDroppedReadOnly > dropsBefore, 2000, "drop");

    // A real edit by the writer still reaches the partner.
    const edit = appendParagraphUpdate(writer.doc, "Redactie door DOCK");
    Y.applyUpdate(writer.doc, edit);
    await waitFor(() => partner.text().includes("Redactie door DOCK"), 3000, "partner to receive the edit");
    await sleep(100);
    expect(writer.text()).not.toContain("KETENPARTNER WAS HIER");
    expect(docText(rebuild(room))).not.toContain("KETENPARTNER WAS HIER");
    expect(docText(rebuild(room))).toContain("Redactie door DOCK");
    expect(rowsOf(room)).toBe(rowsBefore + 1);
    expect([...writer.awareness.getStates().values()].map((s) => s.name)).not.toContain("Werkom");
    expect(partner.ws.readyState).toBe(partner.ws.OPEN);
    await closeAll();
  });

  test("every update is on disk before any other client receives it", async () => {
    const room = docRoom(participatie);
    const a = raw(`/collab/${participatie}`, "professional@dock.example");
    const b = raw(`/collab/${participatie}`, "teamleider@smd.example");
    await Promise.all([a.synced, b.synced]);
    const seen: number[] = [];
    const before = rowsOf(room);
    b.ws.on("message", (data: ArrayBuffer) => {
      if (new Uint8Array(data)[0] === MESSAGE_SYNC) seen.push(rowsOf(room));
    });
    for (let i = 0; i < 5; i++) Y.applyUpdate(a.doc, appendParagraphUpdate(a.doc, `Regel ${i}`));
    await waitFor(() => seen.length >= 5, 3000, "five broadcasts");
    // At the moment each message arrived, its row (and all before it) was stored.
    seen.slice(0, 5).forEach((n, i) => expect(n).toBeGreaterThanOrEqual(before + i + 1));
    await closeAll();
  });

  test("presence is stamped by the server: name and colour come from the session", async () => {
    const a = raw(`/collab/${participatie}`, "professional@dock.example");
    const b = raw(`/collab/${participatie}`, "teamleider@smd.example");
    await Promise.all([a.synced, b.synced]);
    a.sendAwareness({ name: "De Burgemeester", color: "#ff0000", awarenessData: {} });
    await waitFor(() => b.awareness.getStates().has(a.doc.clientID), 3000, "awareness");
    const state = b.awareness.getStates().get(a.doc.clientID)!;
    const dock = loadActorByEmail("professional@dock.example")!;
    expect(state.name).toBe(dock.name);
    expect(state.color).toBe(dock.organisationColor);
    expect(state.awarenessData).toMatchObject({ organisation: "DOCK", personId: dock.id, readOnly: false });
    a.close();
    await waitFor(() => !b.awareness.getStates().has(a.doc.clientID), 3000, "presence removed on leave");
    await closeAll();
  });

  test("presence cannot be spoofed: updates or removals for another connection's client id are dropped", async () => {
    const a = raw(`/collab/${participatie}`, "professional@dock.example");
    const b = raw(`/collab/${participatie}`, "teamleider@smd.example");
    const attacker = raw(`/collab/${participatie}`, "regisseur.participatie@zaanstad.example");
    await Promise.all([a.synced, b.synced, attacker.synced]);
    a.sendAwareness({ cursor: 1, awarenessData: {} });
    await waitFor(() => b.awareness.getStates().has(a.doc.clientID), 3000, "a's presence");
    const dock = loadActorByEmail("professional@dock.example")!;
    const victim = a.doc.clientID;
    const clock = b.awareness.meta.get(victim)!.clock;
    const awarenessMsg = (entries: Array<[number, number, string]>) => {
      const inner = encoding.createEncoder();
      encoding.writeVarUint(inner, entries.length);
      for (const [id, c, state] of entries) {
        encoding.writeVarUint(inner, id);
        encoding.writeVarUint(inner, c);
        encoding.writeVarString(inner, state);
      }
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
      return encoding.toUint8Array(e);
    };
    // A higher clock for a's id (takeover), then a null state for it (removal) …
    attacker.send(awarenessMsg([[victim, clock + 10, JSON.stringify({ cursor: 2, awarenessData: {} })]]));
    attacker.send(awarenessMsg([[victim, clock + 20, "null"]]));
    // … and then its own presence: messages of one connection are handled in order, so once
    // this one arrives at b, the two above were handled too.
    attacker.sendAwareness({ cursor: 3, awarenessData: {} });
    await waitFor(() => b.awareness.getStates().has(attacker.doc.clientID), 3000, "attacker's own presence");
    const state = b.awareness.getStates().get(victim);
    expect(state?.name).toBe(dock.name);
    expect(state?.cursor).toBe(1);
    expect(b.awareness.meta.get(victim)!.clock).toBe(clock);
    expect(b.awareness.getStates().get(attacker.doc.clientID)?.name).toBe(loadActorByEmail("regisseur.participatie@zaanstad.example")!.name);
    // Mixed message: its own entry is applied, the foreign one dropped.
    attacker.send(
      awarenessMsg([
        [attacker.doc.clientID, attacker.awareness.meta.get(attacker.doc.clientID)!.clock + 1, JSON.stringify({ cursor: 4, awarenessData: {} })],
        [victim, clock + 30, "null"],
      ]),
    );
    await waitFor(() => b.awareness.getStates().get(attacker.doc.clientID)?.cursor === 4, 3000, "attacker's second update");
    expect(b.awareness.getStates().get(victim)?.cursor).toBe(1);
    // The owner can still update and remove its own presence.
    a.sendAwareness({ cursor: 5, awarenessData: {} });
    await waitFor(() => b.awareness.getStates().get(victim)?.cursor === 5, 3000, "owner's update");
    await closeAll();
  });
});

describe("limits", () => {
  test("an oversized message closes that connection with 4413; the document and others go on", async () => {
    const room = docRoom(participatie);
    const bad = raw(`/collab/${participatie}`, "professional@dock.example");
    const good = raw(`/collab/${participatie}`, "teamleider@smd.example");
    await Promise.all([bad.synced, good.synced]);
    const before = docText(rebuild(room));
    const big = encoding.createEncoder();
    encoding.writeVarUint(big, MESSAGE_SYNC);
    syncProtocol.writeUpdate(big, appendParagraphUpdate(bad.doc, "x".repeat(1_200_000)));
    bad.send(encoding.toUint8Array(big));
    expect((await bad.closed).code).toBe(CloseCode.tooLarge);
    Y.applyUpdate(good.doc, appendParagraphUpdate(good.doc, "Na het te grote bericht"));
    await waitFor(() => docText(rebuild(room)).includes("Na het te grote bericht"), 3000, "good edit stored");
    expect(docText(rebuild(room))).toBe(`${before}\nNa het te grote bericht`);
    expect(good.ws.readyState).toBe(good.ws.OPEN);
    await closeAll();
  });

  test.each([
    ["unknown message type", Uint8Array.from([9, 1, 2])],
    ["truncated sync message", Uint8Array.from([0, 2, 50, 1])],
    ["garbage update", Uint8Array.from([0, 2, 5, 200, 200, 200, 200, 200])],
    ["trailing bytes", Uint8Array.from([0, 0, 1, 0, 7, 7])],
    ["empty message", new Uint8Array(0)],
  ])("a malformed message (%s) closes that connection with 4400; others keep editing", async (_name, bytes) => {
    const room = docRoom(participatie);
    const bad = raw(`/collab/${participatie}`, "professional@dock.example");
    const good = raw(`/collab/${participatie}`, "teamleider@smd.example");
    await Promise.all([bad.synced, good.synced]);
    const before = docText(rebuild(room));
    bad.send(bytes);
    expect((await bad.closed).code).toBe(CloseCode.malformed);
    const line = `Verder na ${_name}`;
    Y.applyUpdate(good.doc, appendParagraphUpdate(good.doc, line));
    await waitFor(() => docText(rebuild(room)).includes(line), 3000, "good edit stored");
    expect(docText(rebuild(room))).toBe(`${before}\n${line}`);
    await closeAll();
  });

  test("a text frame is malformed too", async () => {
    const bad = raw(`/collab/${participatie}`, "professional@dock.example");
    await bad.synced;
    bad.ws.send("hallo");
    expect((await bad.closed).code).toBe(CloseCode.malformed);
    await closeAll();
  });
});

describe("seeding and two editors", () => {
  test("a fresh document opened by two editors at the same moment is seeded once", async () => {
    const regisseur = loadActorByEmail("regisseur.participatie@zaanstad.example")!;
    const doc = createDocument({ actor: regisseur, title: "Nieuwe werkafspraken", kind: "werkafspraken", ketenId: documentBySlug("werkafspraken-participatieketen")!.ketenId, summary: "" });
    expect(rowsOf(docRoom(doc.id))).toBe(0);
    const a = editor(doc.id, "professional@dock.example");
    const b = editor(doc.id, "teamleider@smd.example");
    await waitFor(() => a.provider.synced && b.provider.synced, 5000, "both synced");
    await waitFor(() => a.text().includes("Doel van deze werkafspraken") && b.text().includes("Doel van deze werkafspraken"), 3000, "seed");
    expect(a.text().match(/Doel van deze werkafspraken/g)).toHaveLength(1);
    expect(b.text()).toBe(a.text());
    expect(rowsOf(docRoom(doc.id))).toBe(1);

    // Both type; each sees the other's paragraph; afterwards the texts are identical.
    a.type("Alinea van DOCK");
    b.type("Alinea van SMD");
    await waitFor(() => a.text().includes("Alinea van SMD") && b.text().includes("Alinea van DOCK"), 3000, "exchange");
    await waitFor(() => a.text() === b.text(), 3000, "convergence");
    await closeAll();
    // After everyone left, the stored state is the same text.
    expect(docText(rebuild(docRoom(doc.id)))).toBe(a.text());
  });
});

describe("server-side changes", () => {
  test("publishing a proposal's text replaces the room content live; editors converge on it", async () => {
    const doc = documentBySlug("visie-op-partnerschap")!;
    const a = editor(doc.id, "contractmanager@zaanstad.example");
    await waitFor(() => a.provider.synced, 5000, "synced");
    const json = markdownToLexicalState("## Nieuwe visie\n\nKort en krachtig.\n");
    publishVersion({ actor: null, documentId: doc.id, summary: "Voorstel van kracht", lexicalJson: json });
    await waitFor(() => a.text() === "Nieuwe visie\nKort en krachtig.", 3000, "editor to show the published text");
    a.type("Verder schrijven na publicatie");
    await waitFor(() => docText(rebuild(docRoom(doc.id))).endsWith("Verder schrijven na publicatie"), 3000, "edit stored");
    await closeAll();
  });

  test("compaction folds a room's rows into one snapshot without losing anything", async () => {
    const prev = process.env.COLLAB_COMPACT_AFTER;
    process.env.COLLAB_COMPACT_AFTER = "20";
    reloadEnv();
    try {
      const doc = documentBySlug("werken-in-de-wijk-2027")!;
      const room = docRoom(doc.id);
      const compactionsBefore = collabMetrics().compactions;
      const a = raw(`/collab/${doc.id}`, "contractmanager@zaanstad.example");
      await a.synced;
      for (let i = 0; i < 45; i++) Y.applyUpdate(a.doc, appendParagraphUpdate(a.doc, `Compactie ${i}`));
      await waitFor(() => docText(rebuild(room)).includes("Compactie 44"), 5000, "all stored");
      await waitFor(() => collabMetrics().compactions > compactionsBefore, 3000, "compaction");
      expect(rowsOf(room)).toBeLessThanOrEqual(21);
      const kinds = getDb().select({ kind: schema.yUpdates.kind }).from(schema.yUpdates).where(eq(schema.yUpdates.room, room)).all();
      expect(kinds[0].kind).toBe("snapshot");
      await closeAll();
      const text = docText(rebuild(room));
      for (let i = 0; i < 45; i++) expect(text).toContain(`Compactie ${i}`);
    } finally {
      if (prev === undefined) delete process.env.COLLAB_COMPACT_AFTER;
      else process.env.COLLAB_COMPACT_AFTER = prev;
      reloadEnv();
    }
  });
});

describe("derived forms and rights while connected", () => {
  test("typing refreshes the derived forms on a debounce and queues the draft for search", async () => {
    const doc = documentBySlug("werkafspraken-participatieketen")!;
    const room = docRoom(doc.id);
    const a = raw(`/collab/${doc.id}`, "professional@dock.example");
    await a.synced;
    const outboxBefore = getDb().select().from(schema.searchOutbox).all().length;
    Y.applyUpdate(a.doc, appendParagraphUpdate(a.doc, "Afgeleid <b>niet</b> vet"));
    // Not at once (debounced) ...
    expect(readDerived(room)?.text ?? "").not.toContain("Afgeleid");
    // ... but within the debounce window.
    await waitFor(() => (readDerived(room)?.text ?? "").includes("Afgeleid <b>niet</b> vet"), 4000, "derived forms");
    const derived = readDerived(room)!;
    expect(derived.html).toContain("<p>Afgeleid &lt;b&gt;niet&lt;/b&gt; vet</p>");
    expect(derived.markdown).toContain("Afgeleid <b>niet</b> vet");
    expect(JSON.parse(derived.lexicalJson).root.type).toBe("root");
    const queued = getDb().select().from(schema.searchOutbox).all().slice(outboxBefore);
    expect(queued).toContainEqual(expect.objectContaining({ entityType: "draft", entityId: String(doc.id) }));
    await closeAll();
  });

  test("a session that ends closes the connection with 4401 at the next sweep", async () => {
    const email = "teamleider@smd.example";
    const actor = loadActorByEmail(email)!;
    const session = createSession(actor.id);
    const c = new RawClient(`${http.url}/collab/${participatie}`, `kp_session=${session.id}`);
    opened.push(c);
    await c.synced;
    deleteSession(session.id);
    sweepConnections();
    expect((await c.closed).code).toBe(CloseCode.unauthorized);
    await closeAll();
  });
});

describe("the periodic re-check in slices", () => {
  test("each slice checks its share of the connections; one round covers them all", async () => {
    const m = manager();
    const sessions = ["teamleider@smd.example", "prof3@smd.example"].map((e) => createSession(loadActorByEmail(e)!.id));
    const clients = sessions.map((s) => new RawClient(`${http.url}/collab/${participatie}`, `kp_session=${s.id}`));
    opened.push(...clients);
    await Promise.all(clients.map((c) => c.synced));
    const total = [...m.rooms.values()].reduce((n, r) => n + r.conns.size, 0);
    for (const s of sessions) deleteSession(s.id);
    const closes = () => m.metrics.closes[CloseCode.unauthorized] ?? 0;
    const start = closes();
    // Two slices per round: the first checks half of the connections (rounded up), the second the rest.
    sweepSlice(2);
    expect(total).toBeGreaterThanOrEqual(2);
    // At most half were checked, so at most half of the two ended sessions are closed yet.
    expect(closes() - start).toBeLessThanOrEqual(Math.ceil(total / 2));
    expect(closes() - start).toBeLessThan(2);
    sweepSlice(2);
    expect(closes() - start).toBe(2);
    for (const c of clients) expect((await c.closed).code).toBe(CloseCode.unauthorized);
    await closeAll();
  });
});

/** The room's state as stored (or live), in a fresh doc. */
function rebuild(room: string): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, getRoomState(room));
  return doc;
}
