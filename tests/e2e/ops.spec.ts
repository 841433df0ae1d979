// Issue 18 against a real portal process: backup while people edit and a signal is posted,
// restore into a fresh data dir (and its refusals), /metrics and the request id on the error
// page, and SIGTERM during editing (clients reconnect to the restarted portal, nothing lost).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { test, expect } from "./fixtures";
import { startPortal, type Portal } from "../support/portal";
import { documentIdBySlug, editorClient, loginCookie, sleep, storedRoomText, waitFor, type EditorClient } from "../integration/collab-support";

test.use({ checkA11y: false }); // pages are checked elsewhere; these drive processes and sockets

const SLUG = "werkafspraken-participatieketen";
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
const tsx = path.join(root, "node_modules/.bin/tsx");

function cli(script: string, args: string[], dataDir: string) {
  const r = spawnSync(tsx, [path.join(root, "server/cli", script), ...args], { cwd: root, env: { ...process.env, DATA_DIR: dataDir }, encoding: "utf8" });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

/**
 * The same, without blocking this process: a request started beside it really runs during the
 * CLI, and a pooled keep-alive socket is not closed by the server while the event loop waits.
 */
function cliAsync(script: string, args: string[], dataDir: string): Promise<{ status: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, [path.join(root, "server/cli", script), ...args], { cwd: root, env: { ...process.env, DATA_DIR: dataDir } });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (out += d.toString("utf8")));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, out }));
  });
}

function counts(dbFile: string): Record<string, number> {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const out: Record<string, number> = {};
    for (const t of ["people", "documents", "document_versions", "signals", "proposal_comments", "audit_log"]) out[t] = (db.prepare(`select count(*) as n from "${t}"`).get() as { n: number }).n;
    return out;
  } finally {
    db.close();
  }
}

/** Log in keeping both cookies (CSRF and session) so the session can post forms. */
async function formSession(baseURL: string, email: string) {
  const page = await fetch(`${baseURL}/login`);
  const csrfCookie = page.headers.getSetCookie().map((c) => c.split(";")[0]).find((c) => c.startsWith("kp_csrf="))!;
  const token = /name="csrf" value="([^"]+)"/.exec(await page.text())![1];
  const res = await fetch(`${baseURL}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrf: token, email, password: "demo", redirectTo: "/" }),
  });
  const own = res.headers.getSetCookie().map((c) => c.split(";")[0]).find((c) => c.startsWith("kp_session="));
  const cookie = `${csrfCookie}; ${own}`;
  // The token is bound to the session: after login the pages carry a new one.
  const after = await fetch(`${baseURL}/signalen/nieuw`, { headers: { cookie } });
  const sessionToken = /name="csrf" value="([^"]+)"/.exec(await after.text())![1];
  return { cookie, token: sessionToken };
}

function typist(c: EditorClient, who: string, typed: string[], state: { on: boolean }) {
  return (async () => {
    for (let i = 0; state.on; i++) {
      const line = `${who}-regel-${i}`;
      c.type(line);
      typed.push(line);
      await sleep(20);
    }
  })();
}

test("backup while two editors type and a signal is posted; restore into a fresh data dir; refusals", async () => {
  test.setTimeout(180_000);
  const portal = await startPortal();
  const backups = fs.mkdtempSync(path.join(os.tmpdir(), "kp-backups-"));
  const clients: EditorClient[] = [];
  let restored: Portal | null = null;
  try {
    const id = await documentIdBySlug(portal.dataDir, SLUG);
    const room = `doc-${id}`;
    const ws = portal.baseURL.replace("http", "ws");
    const a = editorClient(`${ws}/collab`, String(id), await loginCookie(portal.baseURL, "professional@dock.example"));
    const b = editorClient(`${ws}/collab`, String(id), await loginCookie(portal.baseURL, "teamleider@smd.example"));
    clients.push(a, b);
    await waitFor(() => a.provider.synced && b.provider.synced, 10_000, "editors synced");
    const typed: string[] = [];
    const state = { on: true };
    const loops = [typist(a, "A", typed, state), typist(b, "B", typed, state)];
    await sleep(500);

    // What is committed before the snapshot starts.
    const storedBefore = (await storedRoomText(portal.dataDir, room)).split("\n").filter((l) => /^[AB]-regel-/.test(l));
    const countsBefore = counts(path.join(portal.dataDir, "ketenportaal.db"));
    expect(storedBefore.length).toBeGreaterThan(0);

    // A signal is posted while the backup runs.
    const reporter = await formSession(portal.baseURL, "professional@dock.example");
    const posting = fetch(`${portal.baseURL}/signalen/nieuw`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: reporter.cookie },
      body: new URLSearchParams({ csrf: reporter.token, title: "Wachttijd schuldhulp tijdens backup", description: "Inwoners wachten langer op een eerste gesprek bij schuldhulp dan afgesproken.", ketenId: "1", themaId: "1", wijken: "stadsbreed" }),
    });
    const [during, posted] = await Promise.all([cliAsync("backup.ts", [backups], portal.dataDir), posting]);
    expect(during.status, during.out).toBe(0);
    expect(posted.status).toBe(302);

    const [first] = fs.readdirSync(backups).filter((n) => n.startsWith("ketenportaal-"));
    const snapDir = path.join(backups, first);
    const manifest = JSON.parse(fs.readFileSync(path.join(snapDir, "manifest.json"), "utf8"));
    expect(manifest.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.schemaVersion.tag).toMatch(/^\d{4}_/);
    const snapCounts = counts(path.join(snapDir, "ketenportaal.db"));
    for (const [t, n] of Object.entries(countsBefore)) expect(snapCounts[t], t).toBeGreaterThanOrEqual(n);
    const snapLines = new Set((await storedRoomText(snapDir, room)).split("\n"));
    for (const line of storedBefore) expect(snapLines.has(line), `${line} in the snapshot`).toBe(true);
    test.info().annotations.push({ type: "backup", description: `${manifest.bytes} bytes in ${manifest.durationMs} ms while editing` });

    // Editing stops; a second snapshot must then equal the live database exactly.
    state.on = false;
    await Promise.all(loops);
    await waitFor(() => a.text() === b.text(), 10_000, "editors converge");
    await sleep(500);
    const liveText = await storedRoomText(portal.dataDir, room);
    for (const line of typed) expect(liveText.split("\n")).toContain(line);
    expect(cli("backup.ts", [backups], portal.dataDir).status).toBe(0);
    const second = path.join(backups, fs.readdirSync(backups).filter((n) => n.startsWith("ketenportaal-")).sort().at(-1)!);
    const liveCounts = counts(path.join(portal.dataDir, "ketenportaal.db"));

    // Refusal 1: the portal still runs on its data dir.
    const refusedLive = cli("restore.ts", [second], portal.dataDir);
    expect(refusedLive.status, refusedLive.out).toBe(3);
    expect(refusedLive.out).toContain("draait nog");

    // Refusal 2: a corrupt snapshot.
    const corrupt = path.join(backups, "kapot");
    fs.cpSync(second, corrupt, { recursive: true });
    const dbFile = path.join(corrupt, "ketenportaal.db");
    const bytes = fs.readFileSync(dbFile);
    bytes[Math.floor(bytes.length / 2)] ^= 0xff;
    fs.writeFileSync(dbFile, bytes);
    const fresh = fs.mkdtempSync(path.join(os.tmpdir(), "kp-restore-"));
    const refusedCorrupt = cli("restore.ts", [corrupt], fresh);
    expect(refusedCorrupt.status, refusedCorrupt.out).toBe(3);
    expect(refusedCorrupt.out).toContain("Controlegetal");
    expect(fs.existsSync(path.join(fresh, "ketenportaal.db"))).toBe(false);

    // Restore into the fresh data dir; the restored portal holds the same.
    const ok = cli("restore.ts", [second], fresh);
    expect(ok.status, ok.out).toBe(0);
    expect(counts(path.join(fresh, "ketenportaal.db"))).toEqual(liveCounts);
    expect(await storedRoomText(fresh, room)).toBe(liveText);
    restored = await startPortal({ dataDir: fresh, env: { SEED_DEMO: "0" } });
    const reader = editorClient(`${restored.baseURL.replace("http", "ws")}/collab`, String(id), await loginCookie(restored.baseURL, "teamleider@smd.example"));
    clients.push(reader);
    await waitFor(() => reader.provider.synced, 10_000, "reader synced to the restored portal");
    expect(reader.text()).toBe(a.text());
    const signal = await fetch(`${restored.baseURL}/signalen/mijn`, { headers: { cookie: await loginCookie(restored.baseURL, "professional@dock.example") } });
    expect(await signal.text()).toContain("Wachttijd schuldhulp tijdens backup");
  } finally {
    for (const c of clients) c.destroy();
    await restored?.stop();
    await portal.stop();
    fs.rmSync(backups, { recursive: true, force: true });
  }
});

test("/metrics needs the token and shows the figures; the error page's reference is the request id in the log", async ({ page }) => {
  test.setTimeout(90_000);
  const portal = await startPortal({ env: { METRICS_TOKEN: "test-token-123" } });
  try {
    const id = await documentIdBySlug(portal.dataDir, SLUG);
    const editor = editorClient(`${portal.baseURL.replace("http", "ws")}/collab`, String(id), await loginCookie(portal.baseURL, "professional@dock.example"));
    await waitFor(() => editor.provider.synced, 10_000, "synced");
    editor.type("Regel voor de metriek");
    await fetch(`${portal.baseURL}/zoeken?q=wijkteam`, { headers: { cookie: await loginCookie(portal.baseURL, "teamleider@smd.example") } });
    await sleep(300);
    expect((await fetch(`${portal.baseURL}/metrics`)).status).toBe(401);
    expect((await fetch(`${portal.baseURL}/metrics`, { headers: { authorization: "Bearer fout" } })).status).toBe(401);
    const res = await fetch(`${portal.baseURL}/metrics`, { headers: { authorization: "Bearer test-token-123" } });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toMatch(/kp_http_request_duration_seconds_count\{method="GET",route="\/zoeken",status="200"\} [1-9]/);
    expect(text).toMatch(/^kp_collab_connections 1$/m);
    expect(text).toMatch(/^kp_collab_rooms [1-9]/m);
    expect(text).toMatch(/^kp_collab_updates_persisted [1-9]/m);
    expect(text).toMatch(/kp_scheduler_runs_total\{task="consultation",result="ok"\} [1-9]/);
    expect(text).toMatch(/^kp_search_outbox_lag_seconds \d/m);
    expect(text).toMatch(/^kp_mail_failed \d/m);
    expect(text).toMatch(/^kp_search_duration_seconds_count [1-9]/m);
    editor.destroy();

    await page.goto(`${portal.baseURL}/deze-pagina-bestaat-niet`);
    const reference = (await page.locator("#kp-reference").textContent())?.trim() ?? "";
    expect(reference).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
    const line = portal
      .output()
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.reqId === reference && l.msg === "request");
    expect(line).toMatchObject({ msg: "request", method: "GET", status: 404, path: "/deze-pagina-bestaat-niet" });
    expect(typeof line?.durationMs).toBe("number");
  } finally {
    await portal.stop();
  }
});

test("SIGTERM while two editors type: a clean stop, the clients reconnect to the restarted portal and nothing is lost", async () => {
  test.setTimeout(120_000);
  const first = await startPortal();
  let portal = first;
  const clients: EditorClient[] = [];
  try {
    const id = await documentIdBySlug(first.dataDir, SLUG);
    const room = `doc-${id}`;
    const ws = first.baseURL.replace("http", "ws");
    const a = editorClient(`${ws}/collab`, String(id), await loginCookie(first.baseURL, "professional@dock.example"), { maxBackoffTime: 300 });
    const b = editorClient(`${ws}/collab`, String(id), await loginCookie(first.baseURL, "teamleider@smd.example"), { maxBackoffTime: 300 });
    clients.push(a, b);
    await waitFor(() => a.provider.synced && b.provider.synced, 10_000, "synced");
    const closes: number[] = [];
    a.provider.on("connection-close", (e) => closes.push(e?.code ?? 0));
    const typed: string[] = [];
    const state = { on: true };
    const loops = [typist(a, "A", typed, state), typist(b, "B", typed, state)];
    await sleep(800);

    const exit = new Promise<number | null>((resolve) => first.process.once("exit", (code) => resolve(code)));
    first.process.kill("SIGTERM");
    // Exit code 0 means the shutdown finished before its 10 s deadline (which exits with 1).
    expect(await exit).toBe(0);
    expect(closes).toContain(1001);
    expect(first.output()).toContain("Ketenportaal gestopt");
    expect(fs.existsSync(path.join(first.dataDir, "portal.pid"))).toBe(false);

    await sleep(300); // typing goes on while the portal is down
    state.on = false;
    await Promise.all(loops);
    portal = await startPortal({ dataDir: first.dataDir, port: first.port });
    await waitFor(() => a.provider.wsconnected && a.provider.synced && b.provider.wsconnected && b.provider.synced, 20_000, "clients reconnected");
    await waitFor(() => a.text() === b.text(), 10_000, "convergence");
    const final = a.paragraphs();
    for (const line of typed) expect(final, line).toContain(line);
    expect(final.filter((p) => /^[AB]-regel-/.test(p)).length).toBe(typed.length);
    await sleep(300);
    const stored = (await storedRoomText(portal.dataDir, room)).split("\n");
    for (const line of typed) expect(stored).toContain(line);
  } finally {
    for (const c of clients) c.destroy();
    await portal.stop();
    if (portal !== first) await first.stop();
  }
});

test.describe("beheer pages", () => {
  test.use({ checkA11y: true });

  test("a beheerder sets a bewaartermijn, sees a refusal in place, and opens a person's AVG page", async ({ page, login, portal }) => {
    await login("beheer@zaanstad.example");
    await page.goto("/beheer/bewaartermijnen");
    await expect(page.getByRole("row", { name: /Signalen/ })).toContainText("5 jaar na afsluiten");
    await page.getByLabel("Dagen voor uitgaande e-mail").fill("120");
    await page.getByRole("row", { name: /Uitgaande e-mail/ }).getByRole("button", { name: "Opslaan" }).click();
    await expect(page.getByText("De bewaartermijn voor uitgaande e-mail is opgeslagen.")).toBeVisible();
    await expect(page.getByLabel("Dagen voor uitgaande e-mail")).toHaveValue("120");
    await page.getByLabel("Dagen voor auditlog").fill("10");
    await page.getByRole("row", { name: /Auditlog/ }).getByRole("button", { name: "Opslaan" }).click();
    await expect(page.getByRole("alert")).toContainText("minstens 365 dagen");
    const archive = await page.request.get("/beheer/archief.zip");
    expect(archive.status()).toBe(200);
    expect(archive.headers()["content-type"]).toBe("application/zip");

    const db = new Database(path.join(portal.dataDir, "ketenportaal.db"), { readonly: true });
    const person = db.prepare("select id, name, email from people where email = ?").get("werkom@werkom.example") as { id: number; name: string; email: string };
    db.close();
    await page.goto(`/beheer/personen/${person.id}/avg`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(person.name);
    const json = await page.request.get(`/beheer/personen/${person.id}/avg.json`);
    expect((await json.json()).profile.email).toBe(person.email);
    await page.getByRole("button", { name: "Persoon verwijderen" }).click();
    await expect(page.getByText("Typ het woord verwijderen om te bevestigen.").first()).toBeVisible();
    // Not removed without the confirmation.
    await expect(page.getByRole("button", { name: "Persoon verwijderen" })).toBeVisible();
  });
});
