// The collaboration server as deployed (real server process, real logins), driven by Node
// clients: the read-only ketenpartner with a hand-crafted update, refused upgrades, and
// the crash test (SIGKILL mid-typing, restart on the same data, clients reconverge).
import { test, expect } from "./fixtures";
import { startPortal } from "../support/portal";
import {
  RawClient,
  appendParagraphUpdate,
  documentIdBySlug,
  editorClient,
  loginCookie,
  storedRoomText,
  upgradeStatus,
  waitFor,
  sleep,
  type EditorClient,
} from "../integration/collab-support";

test.use({ checkA11y: false }); // no pages visited: websocket clients only

const SLUG = "werkafspraken-participatieketen";

test.describe("collaboration server with real logins", () => {
  test("no cookie → 401, lezer of another keten → 403, editor and ketenpartner → upgrade", async ({ portal }) => {
    const id = await documentIdBySlug(portal.dataDir, SLUG);
    const ws = portal.baseURL.replace("http", "ws");
    expect(await upgradeStatus(`${ws}/collab/${id}`)).toBe(401);
    const aanbieder = await loginCookie(portal.baseURL, "aanbieder@zorgvoorbeeld.example");
    expect(await upgradeStatus(`${ws}/collab/${id}`, { cookie: aanbieder })).toBe(403);
    expect(await upgradeStatus(`${ws}/collab/${id}`, { cookie: await loginCookie(portal.baseURL, "professional@dock.example") })).toBe(101);
    expect(await upgradeStatus(`${ws}/collab/${id}`, { cookie: await loginCookie(portal.baseURL, "werkom@werkom.example") })).toBe(101);
  });

  test("a ketenpartner's raw y-websocket client reads, but its crafted update reaches neither the store nor other clients", async ({ portal }) => {
    const id = await documentIdBySlug(portal.dataDir, SLUG);
    const ws = portal.baseURL.replace("http", "ws");
    const editor = editorClient(`${ws}/collab`, String(id), await loginCookie(portal.baseURL, "professional@dock.example"));
    const partner = new RawClient(`${ws}/collab/${id}`, await loginCookie(portal.baseURL, "werkom@werkom.example"));
    try {
      await partner.synced;
      await waitFor(() => editor.provider.synced, 5000, "editor synced");
      // It can read: the full text arrived.
      expect(partner.text()).toContain("Het startgesprek");

      // It crafts an update on its own copy and sends it, like a modified client would.
      partner.sendUpdate(appendParagraphUpdate(partner.doc, "Ingevoegd door Werkom"));
      // A real edit afterwards proves the pipe works and gives the crafted one time to arrive.
      editor.type("Aanvulling van DOCK");
      await waitFor(() => partner.text().includes("Aanvulling van DOCK"), 5000, "partner receives the editor's edit");
      await sleep(300);
      expect(editor.text()).not.toContain("Ingevoegd door Werkom");
      expect(editor.text()).toContain("Aanvulling van DOCK");
      expect(await storedRoomText(portal.dataDir, `doc-${id}`)).not.toContain("Ingevoegd door Werkom");
      expect(await storedRoomText(portal.dataDir, `doc-${id}`)).toContain("Aanvulling van DOCK");

      // A fresh reader never sees it either.
      const fresh = new RawClient(`${ws}/collab/${id}`, await loginCookie(portal.baseURL, "teamleider@smd.example"));
      await fresh.synced;
      expect(fresh.text()).toContain("Aanvulling van DOCK");
      expect(fresh.text()).not.toContain("Ingevoegd door Werkom");
      fresh.close();
    } finally {
      partner.close();
      editor.destroy();
    }
  });
});

test("crash test: SIGKILL while two editors type; every edit anyone saw survives and the clients reconverge", async () => {
  test.setTimeout(120_000);
  const first = await startPortal();
  let portal = first;
  const clients: EditorClient[] = [];
  try {
    const id = await documentIdBySlug(first.dataDir, SLUG);
    const room = `doc-${id}`;
    const ws = first.baseURL.replace("http", "ws");
    const cookies = {
      a: await loginCookie(first.baseURL, "professional@dock.example"),
      b: await loginCookie(first.baseURL, "teamleider@smd.example"),
      o: await loginCookie(first.baseURL, "regisseur.participatie@zaanstad.example"),
    };
    const a = editorClient(`${ws}/collab`, String(id), cookies.a, { maxBackoffTime: 300 });
    const b = editorClient(`${ws}/collab`, String(id), cookies.b, { maxBackoffTime: 300 });
    const observer = editorClient(`${ws}/collab`, String(id), cookies.o, { maxBackoffTime: 300 });
    clients.push(a, b, observer);
    await waitFor(() => [a, b, observer].every((c) => c.provider.synced), 10_000, "all synced");

    // Both type continuously; the server is killed in the middle of it.
    let typing = true;
    const typed: string[] = [];
    const typist = (c: EditorClient, who: string) =>
      (async () => {
        for (let i = 0; typing; i++) {
          const line = `${who}-regel-${i}`;
          c.type(line);
          typed.push(line);
          await sleep(15);
        }
      })();
    const loops = [typist(a, "A"), typist(b, "B")];
    await sleep(1200);

    const killedAt = Date.now();
    first.process.kill("SIGKILL");
    await new Promise<void>((resolve) => (first.process.exitCode !== null || first.process.signalCode !== null ? resolve() : first.process.once("exit", () => resolve())));
    // What each client had received from the server before the kill.
    const seenByObserver = observer.paragraphs().filter((p) => /^[AB]-regel-/.test(p));
    const seenByA = a.paragraphs().filter((p) => p.startsWith("B-regel-"));
    const seenByB = b.paragraphs().filter((p) => p.startsWith("A-regel-"));
    expect(seenByObserver.length).toBeGreaterThan(20);

    // Durability: read the SQLite file the killed process left behind.
    const stored = new Set((await storedRoomText(first.dataDir, room)).split("\n"));
    for (const line of [...seenByObserver, ...seenByA, ...seenByB]) expect(stored.has(line), `${line} on disk after SIGKILL`).toBe(true);

    // The editors keep typing while the server is down (offline edits), then stop.
    await sleep(400);
    typing = false;
    await Promise.all(loops);

    // Restart on the same port and data directory; the clients reconnect by themselves.
    portal = await startPortal({ dataDir: first.dataDir, port: first.port });
    await waitFor(() => [a, b, observer].every((c) => c.provider.wsconnected && c.provider.synced), 20_000, "clients reconnected");
    await waitFor(() => a.text() === b.text() && b.text() === observer.text(), 10_000, "convergence");
    const final = new Set(observer.paragraphs());
    for (const line of typed) expect(final.has(line), `${line} after restart`).toBe(true);
    // Nothing twice.
    expect(observer.paragraphs().filter((p) => /^[AB]-regel-/.test(p)).length).toBe(typed.length);
    // And it is stored, not only in the clients.
    await sleep(200);
    const storedAfter = new Set((await storedRoomText(portal.dataDir, room)).split("\n"));
    for (const line of typed) expect(storedAfter.has(line)).toBe(true);
    test.info().annotations.push({ type: "crash", description: `killed ${killedAt}; ${seenByObserver.length} lines seen before kill, ${typed.length} typed in total` });
  } finally {
    for (const c of clients) c.destroy();
    await portal.stop();
    if (portal !== first) await first.stop();
  }
});
