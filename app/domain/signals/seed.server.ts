// Demo signals from content/signals.json (voorbeeldinhoud). The file holds each signal's
// current state; the seed rebuilds a plausible history (transitions by the keten's regisseur)
// so the timeline, the overdue figures and the median time to feedback have something real
// to show. No notifications or e-mails are sent for demo data.
import fs from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import type { SignalStatus } from "~/db/schema";
import { findClientData } from "~/shared/privacy-guard";
import { amsterdamDate } from "~/shared/dates";
import { now } from "~/utils/clock.server";
import { contentDir } from "../seed/world.server";
import { addWorkingDays } from "~/shared/working-days";

export type SeedSignal = {
  id: string;
  title: string;
  description: string;
  ketens: string[];
  thema: string;
  wijken: string[];
  reporter: string;
  createdAt: string;
  status: Exclude<SignalStatus, "samengevoegd" | "heropend">;
  feedback?: string;
  closedAt?: string;
  herkend: { by: string; note: string; at: string }[];
};

export function readSeedSignals(): SeedSignal[] {
  const file = path.join(contentDir(), "signals.json");
  if (!fs.existsSync(file)) return [];
  return JSON.parse(fs.readFileSync(file, "utf8")) as SeedSignal[];
}

/** Follow-up links shown in the demo: which change or document version a signal led to. */
const SEED_LINKS: Record<string, ({ proposal: string } | { document: string; version?: number })[]> = {
  S01: [{ document: "werkafspraken-participatieketen", version: 2 }],
  S03: [{ document: "werkafspraken-participatieketen", version: 2 }],
  S04: [{ proposal: "P1" }, { document: "werkafspraken-participatieketen", version: 2 }],
  S09: [{ document: "werkafspraken-participatieketen", version: 2 }],
  S11: [{ proposal: "P1" }],
  S23: [{ document: "werkafspraken-participatieketen", version: 2 }],
  S05: [{ document: "werkafspraken-wmo-keten" }],
  S19: [{ document: "werkafspraken-wmo-keten" }],
};

/** Report-time references to a passage of a document. */
const SEED_PASSAGES: Record<string, { document: string; anchor: string }> = {
  S02: { document: "werkafspraken-participatieketen", anchor: "Informatie-uitwisseling met Uitkeringen en Naleving" },
  S19: { document: "werkafspraken-wmo-keten", anchor: "Afschalen naar het wijkteam of de wijk" },
  S11: { document: "werkafspraken-participatieketen", anchor: "De afstand tot werk beoordelen" },
};

const QUESTION =
  "Kunt u aangeven hoe vaak u dit ziet (bijvoorbeeld per maand) en in welke wijken nog meer? Dan kunnen we het in het ketenoverleg goed wegen.";

/** A working-day moment after `iso`, at 10:00 Amsterdam (09:00Z is close enough for a demo). */
function workingDayAfter(iso: string, n: number): string {
  return `${addWorkingDays(amsterdamDate(new Date(iso)), n)}T09:00:00.000Z`;
}

function earliest(...isos: (string | undefined)[]): string {
  return isos.filter((x): x is string => !!x).sort()[0];
}

export function seedSignals(): number {
  const items = readSeedSignals();
  if (!items.length) return 0;
  const db = getDb();
  const people = new Map(db.select({ id: schema.people.id, email: schema.people.email, organisationId: schema.people.organisationId }).from(schema.people).all().map((p) => [p.email, p]));
  const ketens = new Map(db.select().from(schema.ketens).all().map((k) => [k.slug, k]));
  const themas = new Map(db.select().from(schema.themas).all().map((t) => [t.slug, t.id]));
  const wijken = db.select().from(schema.wijken).all();
  const wijkBySlug = new Map(wijken.map((w) => [w.slug, w.id]));
  const nowIso = now().toISOString();
  const need = <T>(v: T | undefined, what: string): T => {
    if (v === undefined) throw new Error(`content/signals.json: unknown ${what}`);
    return v;
  };
  const ids = new Map<string, number>();

  db.transaction((tx) => {
    for (const item of items) {
      // The demo must practise what the portal preaches (a test keeps the content clean; a
      // warning here rather than a crash keeps a running demo up).
      const hits = findClientData(`${item.title}\n${item.description}\n${item.feedback ?? ""}\n${item.herkend.map((h) => h.note).join("\n")}`, { referenceYear: now().getUTCFullYear() });
      if (hits.length) console.warn(`content/signals.json ${item.id}: looks like client data (${hits.map((h) => h.text).join(", ")})`);
      const reporter = need(people.get(item.reporter), `reporter ${item.reporter}`);
      const owner = need(ketens.get(item.ketens[0]), `keten ${item.ketens[0]}`);
      const ketenIds = item.ketens.map((k) => need(ketens.get(k), `keten ${k}`).id);
      const stadsbreed = item.wijken.includes("stadsbreed");
      const wijkIds = item.wijken.filter((w) => w !== "stadsbreed").map((w) => need(wijkBySlug.get(w), `wijk ${w}`));
      const createdDay = amsterdamDate(new Date(item.createdAt));
      const dueAt = addWorkingDays(createdDay, owner.feedbackDays);
      const closed = item.status === "afgehandeld" || item.status === "niet_opgepakt";
      const passage = SEED_PASSAGES[item.id];
      const passageDoc = passage ? db.select({ id: schema.documents.id }).from(schema.documents).where(eq(schema.documents.slug, passage.document)).get() : undefined;

      const transitions: { from: SignalStatus | null; to: SignalStatus; at: string; byId: number | null; note: string }[] = [
        { from: null, to: "nieuw", at: item.createdAt, byId: reporter.id, note: "" },
      ];
      const limit = earliest(item.closedAt, nowIso);
      if (item.status !== "nieuw") {
        const startAt = workingDayAfter(item.createdAt, 2);
        if (startAt < limit) transitions.push({ from: "nieuw", to: "in_behandeling", at: startAt, byId: owner.regisseurId, note: "" });
        if (item.status === "informatie_gevraagd") {
          const askAt = earliest(workingDayAfter(item.createdAt, 5), limit);
          if (transitions.length === 1) transitions.push({ from: "nieuw", to: "in_behandeling", at: askAt, byId: owner.regisseurId, note: "" });
          transitions.push({ from: "in_behandeling", to: "informatie_gevraagd", at: askAt, byId: owner.regisseurId, note: QUESTION });
        }
        if (closed) {
          if (item.status === "afgehandeld" && transitions.length === 1) {
            transitions.push({ from: "nieuw", to: "in_behandeling", at: item.closedAt!, byId: owner.regisseurId, note: "" });
          }
          transitions.push({ from: transitions.at(-1)!.to, to: item.status, at: item.closedAt!, byId: owner.regisseurId, note: item.feedback ?? "" });
        }
      }

      const row = tx
        .insert(schema.signals)
        .values({
          title: item.title,
          description: item.description,
          reporterId: reporter.id,
          reporterOrganisationId: reporter.organisationId,
          ownerKetenId: owner.id,
          themaId: need(themas.get(item.thema), `thema ${item.thema}`),
          stadsbreed,
          status: item.status,
          statusReason: item.status === "niet_opgepakt" ? (item.feedback ?? "") : item.status === "informatie_gevraagd" ? QUESTION : "",
          feedback: closed ? (item.feedback ?? "") : "",
          documentId: passageDoc?.id ?? null,
          documentAnchor: passageDoc ? passage!.anchor : "",
          dueAt,
          firstFeedbackAt: closed ? item.closedAt! : null,
          closedAt: closed ? item.closedAt! : null,
          createdAt: item.createdAt,
          updatedAt: transitions.at(-1)!.at,
        })
        .returning({ id: schema.signals.id })
        .get();
      ids.set(item.id, row.id);
      for (const ketenId of ketenIds) tx.insert(schema.signalKetens).values({ signalId: row.id, ketenId }).run();
      for (const wijkId of wijkIds) tx.insert(schema.signalWijken).values({ signalId: row.id, wijkId }).run();
      for (const t of transitions) tx.insert(schema.signalTransitions).values({ signalId: row.id, fromStatus: t.from, toStatus: t.to, byId: t.byId, note: t.note, at: t.at }).run();
      for (const h of item.herkend) {
        const p = need(people.get(h.by), `person ${h.by}`);
        // The wijk a recogniser names in the note ("Zien we in Wormerveer ook").
        const wijk = wijken.find((w) => h.note.toLowerCase().includes(w.name.toLowerCase().split(" ")[0]));
        tx.insert(schema.signalRecognitions).values({ signalId: row.id, personId: p.id, organisationId: p.organisationId, wijkId: wijk?.id ?? null, note: h.note, createdAt: h.at }).onConflictDoNothing().run();
      }
      tx.insert(schema.searchOutbox).values({ entityType: "signal", entityId: String(row.id), op: "upsert" }).run();
    }
  });
  seedSignalLinks(ids);
  return items.length;
}

/** Links to proposals and versions that exist by now (proposals are seeded by consultation). */
export function seedSignalLinks(ids: Map<string, number>): number {
  const db = getDb();
  const proposalTitles = new Map<string, string>();
  const proposalsFile = path.join(contentDir(), "proposals.json");
  if (fs.existsSync(proposalsFile)) {
    for (const p of JSON.parse(fs.readFileSync(proposalsFile, "utf8")) as { id: string; title: string }[]) proposalTitles.set(p.id, p.title);
  }
  let n = 0;
  for (const [contentId, targets] of Object.entries(SEED_LINKS)) {
    const signalId = ids.get(contentId);
    if (!signalId) continue;
    for (const t of targets) {
      let target: { type: "proposal" | "version" | "document"; id: number } | null = null;
      if ("proposal" in t) {
        const title = proposalTitles.get(t.proposal);
        const p = title ? db.select({ id: schema.proposals.id }).from(schema.proposals).where(eq(schema.proposals.title, title)).get() : undefined;
        if (p) target = { type: "proposal", id: p.id };
      } else {
        const d = db.select({ id: schema.documents.id }).from(schema.documents).where(eq(schema.documents.slug, t.document)).get();
        if (d && t.version) {
          const v = db
            .select({ id: schema.documentVersions.id })
            .from(schema.documentVersions)
            .where(and(eq(schema.documentVersions.documentId, d.id), eq(schema.documentVersions.number, t.version)))
            .get();
          if (v) target = { type: "version", id: v.id };
        } else if (d) target = { type: "document", id: d.id };
      }
      if (!target) continue;
      db.insert(schema.signalLinks).values({ signalId, targetType: target.type, targetId: target.id, createdById: null }).run();
      n++;
    }
  }
  return n;
}
