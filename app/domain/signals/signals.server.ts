// Signalen: reporting, the status state machine, "herken ik", merging and ownership. Every
// mutation runs in one transaction with its transition log, audit entry, search outbox row and
// notifications (inbox + e-mail), so nothing is half-done and nobody misses an update.
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import type { SignalStatus } from "~/db/schema";
import { plural } from "~/shared/plural";
import { WIJKEN_EXCLUSIVE, WIJKEN_REQUIRED, type ReportSignalInput } from "~/shared/signal-forms";
import { REOPEN_WITHIN_DAYS, STADSBREED, STATUS_LABELS, isOpenStatus, transitionRule, type SignalRole } from "~/shared/signals";
import { amsterdamDate, formatDate } from "~/shared/dates";
import { nowIso, today } from "~/utils/clock.server";
import type { Actor } from "../actor.server";
import { audit } from "../audit.server";
import { followIn, followersOf } from "../follows-store.server";
import { DomainError, badRequest, conflict, forbidden, notFound } from "../errors";
import { notify } from "../notify.server";
import { documentReadFacts } from "../facts.server";
import { assertNoClientData } from "../privacy.server";
import { assertCanHandleSignal, canHandleSignal, canReadDocument, canReadSignal, canRecogniseSignal, canReportSignal, isSignalReporter, readableSignalCondition } from "../policy.server";
import { regieAudit } from "../overleg/regie.server";
import { enqueueSearch } from "../search-outbox.server";
import { loadReadableSignal, loadSignal, type LoadedSignal, type Tx } from "./access.server";
import { addDays, addWorkingDays } from "~/shared/working-days";

export { assertNoClientData };

export const signalLink = (id: number) => `/signalen/${id}`;

function ketenRows(tx: Pick<Tx, "select">, ids: number[]) {
  if (!ids.length) return [];
  return tx
    .select({ id: schema.ketens.id, name: schema.ketens.name, feedbackDays: schema.ketens.feedbackDays, regisseurId: schema.ketens.regisseurId })
    .from(schema.ketens)
    .where(inArray(schema.ketens.id, ids))
    .all();
}

/** Reporter and followers hear about every change; the person who made it does not. */
function notifyFollowers(tx: Tx, s: Pick<LoadedSignal, "id" | "title" | "reporterId" | "followerIds">, actorId: number | null, title: string, body: string) {
  const link = signalLink(s.id);
  notify(
    tx,
    [s.reporterId].filter((id) => id !== actorId),
    { kind: "signaal", title, body: `Uw signaal "${s.title}": ${body}`, link },
  );
  notify(
    tx,
    [...new Set([...s.followerIds, ...followersOf(tx, "signaal", s.id)])].filter((id) => id !== actorId && id !== s.reporterId),
    { kind: "signaal", title, body: `Het signaal "${s.title}" dat u volgt: ${body}`, link },
  );
}

function ownerRegisseurs(tx: Pick<Tx, "select">, s: Pick<LoadedSignal, "ownerKetenId">): number[] {
  return ketenRows(tx, [s.ownerKetenId])
    .map((k) => k.regisseurId)
    .filter((id): id is number => id != null);
}

function logTransition(tx: Tx, signalId: number, from: SignalStatus | null, to: SignalStatus, byId: number | null, note: string, at: string) {
  tx.insert(schema.signalTransitions).values({ signalId, fromStatus: from, toStatus: to, byId, note, at }).run();
}

// ------------------------------------------------------------------ report

export function reportSignal(input: { actor: Actor } & ReportSignalInput): number {
  const { actor } = input;
  if (!canReportSignal(actor)) throw forbidden("U kunt geen signalen melden.");
  assertNoClientData({ title: input.title, description: input.description, documentAnchor: input.documentAnchor });
  const db = getDb();
  const ketenIds = [...new Set([input.ketenId, ...input.extraKetenIds])];
  const ketens = ketenRows(db, ketenIds);
  if (ketens.length !== ketenIds.length) throw badRequest("Kies een bestaande keten.", { ketenId: "Kies een bestaande keten." });
  const owner = ketens.find((k) => k.id === input.ketenId)!;
  const thema = db.select({ id: schema.themas.id }).from(schema.themas).where(eq(schema.themas.id, input.themaId)).get();
  if (!thema) throw badRequest("Kies een bestaand thema.", { themaId: "Kies een bestaand thema." });
  const stadsbreed = input.wijken.includes(STADSBREED);
  const wijkIds = [...new Set(input.wijken.filter((w) => w !== STADSBREED).map(Number))];
  if (stadsbreed && wijkIds.length) throw badRequest(WIJKEN_EXCLUSIVE, { wijken: WIJKEN_EXCLUSIVE });
  if (!stadsbreed && !wijkIds.length) throw badRequest(WIJKEN_REQUIRED, { wijken: WIJKEN_REQUIRED });
  if (wijkIds.length) {
    const known = db.select({ id: schema.wijken.id }).from(schema.wijken).where(inArray(schema.wijken.id, wijkIds)).all();
    if (known.length !== wijkIds.length) throw badRequest("Kies alleen bestaande wijken.", { wijken: "Kies alleen bestaande wijken." });
  }
  if (input.documentId) {
    // A document the reporter may not read is refused exactly like one that does not exist.
    const facts = documentReadFacts(input.documentId, db);
    if (!facts || !canReadDocument(actor, facts)) {
      throw new DomainError(404, "Dit document bestaat niet, of u heeft er geen toegang toe.", { documentId: "Kies een bestaand document." });
    }
  }
  const at = nowIso();
  // The term is fixed when the signal arrives: a later change of the keten's termijn only
  // applies to new signals (docs/decisions/303-terugkoppeltermijn.md).
  const dueAt = addWorkingDays(today(), owner.feedbackDays);
  return db.transaction((tx) => {
    const row = tx
      .insert(schema.signals)
      .values({
        title: input.title,
        description: input.description,
        reporterId: actor.id,
        reporterOrganisationId: actor.organisationId,
        ownerKetenId: owner.id,
        themaId: input.themaId,
        stadsbreed,
        status: "nieuw",
        documentId: input.documentId ?? null,
        documentAnchor: input.documentId ? input.documentAnchor : "",
        dueAt,
        createdAt: at,
        updatedAt: at,
      })
      .returning({ id: schema.signals.id })
      .get();
    for (const ketenId of ketenIds) tx.insert(schema.signalKetens).values({ signalId: row.id, ketenId }).run();
    for (const wijkId of wijkIds) tx.insert(schema.signalWijken).values({ signalId: row.id, wijkId }).run();
    logTransition(tx, row.id, null, "nieuw", actor.id, "", at);
    audit({ actorId: actor.id, action: "signaal gemeld", entityType: "signaal", entityId: row.id, after: { title: input.title, ketenIds, ownerKetenId: owner.id, dueAt } }, tx);
    enqueueSearch(tx, "signal", row.id);
    const link = signalLink(row.id);
    const regisseurs = ketens.map((k) => k.regisseurId).filter((id): id is number => id != null && id !== actor.id);
    notify(tx, regisseurs, {
      kind: "signaal",
      title: `Nieuw signaal: ${input.title}`,
      body: `${actor.name} (${actor.organisationName}) meldde een signaal voor ${ketens.map((k) => k.name).join(" en ")}. Eigenaar: ${owner.name}. Terugkoppeling uiterlijk ${formatDate(dueAt)}.`,
      link,
    });
    notify(tx, [actor.id], {
      kind: "signaal",
      title: `Signaal ontvangen: ${input.title}`,
      body: `Uw signaal is doorgezet naar de regisseur van ${owner.name}. U krijgt uiterlijk ${formatDate(dueAt)} een terugkoppeling (${plural(owner.feedbackDays, "werkdag", "werkdagen")}).`,
      link,
    });
    return row.id;
  });
}

// ------------------------------------------------------------------ transitions

/** The role in which the actor may move this signal, or null. The eigenaar comes first. */
function rolesOf(actor: Actor, s: LoadedSignal): SignalRole[] {
  const roles: SignalRole[] = [];
  if (canHandleSignal(actor, s)) roles.push("owner");
  if (isSignalReporter(actor, s)) roles.push("reporter");
  return roles;
}

/** Last day (Amsterdam) on which the reporter may reopen a closed signal. */
export function reopenDeadline(closedAt: string | null): string | null {
  if (!closedAt) return null;
  return addDays(amsterdamDate(new Date(closedAt)), REOPEN_WITHIN_DAYS);
}

export function transitionSignal(input: { actor: Actor; id: number; to: SignalStatus; text?: string }): void {
  const { actor } = input;
  const db = getDb();
  const s = loadReadableSignal(db, actor, input.id);
  const text = (input.text ?? "").trim();
  if (input.to === "samengevoegd") throw badRequest("Samenvoegen gaat via het formulier 'Samenvoegen met een ander signaal'.");
  const roles = rolesOf(actor, s);
  if (!roles.length) assertCanHandleSignal(actor, s, "Alleen de regisseur van de eigenaar-keten behandelt dit signaal; de melder kan heropenen of informatie geven.");
  const role = roles.find((r) => transitionRule(s.status, input.to, r) !== null);
  if (!role) {
    throw conflict(`Een signaal met status "${STATUS_LABELS[s.status]}" kan niet naar "${STATUS_LABELS[input.to]}".`, { to: "Deze statusovergang is niet toegestaan." });
  }
  const rule = transitionRule(s.status, input.to, role)!;
  if (rule === "feedback" && !text) {
    throw badRequest("Schrijf een terugkoppeling aan de melder: die is verplicht bij het afsluiten.", { text: "Terugkoppeling aan de melder is verplicht." });
  }
  if (rule === "note" && !text) {
    const what = input.to === "informatie_gevraagd" ? "Schrijf welke informatie u nodig heeft." : input.to === "heropend" ? "Schrijf waarom u het signaal heropent." : "Schrijf de gevraagde informatie.";
    throw badRequest(what, { text: what });
  }
  if (input.to === "heropend") {
    const last = reopenDeadline(s.closedAt);
    if (!last || today() > last) {
      throw conflict(`Heropenen kan tot ${REOPEN_WITHIN_DAYS} dagen na het afsluiten; die termijn is voorbij. Meld het opnieuw als nieuw signaal.`);
    }
  }
  // The regisseur writes to the reporter and followers; the reporter adds to its own signal.
  assertNoClientData({ text }, role === "owner" ? "terugkoppeling" : "signaal");

  const at = nowIso();
  const set: Partial<typeof schema.signals.$inferInsert> = { status: input.to, updatedAt: at };
  if (rule === "feedback") {
    set.feedback = text;
    set.closedAt = at;
    set.firstFeedbackAt = s.firstFeedbackAt ?? at;
    if (input.to === "niet_opgepakt") set.statusReason = text;
  }
  if (input.to === "heropend") {
    set.statusReason = text;
    set.closedAt = null;
    // A reopened signal gets a fresh term under the keten's current termijn.
    const keten = ketenRows(db, [s.ownerKetenId])[0];
    set.dueAt = addWorkingDays(today(), keten.feedbackDays);
  }
  if (input.to === "informatie_gevraagd") set.statusReason = text;

  db.transaction((tx) => {
    // Optimistic check: two regisseurs clicking at once must not both apply a transition.
    const res = tx
      .update(schema.signals)
      .set(set)
      .where(and(eq(schema.signals.id, s.id), eq(schema.signals.status, s.status)))
      .run();
    if (res.changes !== 1) throw conflict("Het signaal is intussen door iemand anders gewijzigd. Laad de pagina opnieuw.");
    logTransition(tx, s.id, s.status, input.to, actor.id, text, at);
    regieAudit(tx, actor, s.ownerRegie, { action: `signaal ${STATUS_LABELS[input.to].toLowerCase()}`, entityType: "signaal", entityId: s.id, before: { status: s.status }, after: { status: input.to, ...(text ? { text } : {}) } });
    enqueueSearch(tx, "signal", s.id);
    const label = STATUS_LABELS[input.to];
    const title = `Signaal #${s.id}: ${label.toLowerCase()}`;
    const body =
      input.to === "afgehandeld"
        ? `afgehandeld. Terugkoppeling: ${text}`
        : input.to === "niet_opgepakt"
          ? `wordt niet opgepakt. Reden: ${text}`
          : input.to === "informatie_gevraagd"
            ? `de regisseur vraagt om informatie: ${text}`
            : input.to === "heropend"
              ? `heropend. Reden: ${text}`
              : `status is nu "${label}".${text ? ` Toelichting: ${text}` : ""}`;
    notifyFollowers(tx, s, actor.id, title, body);
    if (role === "reporter") {
      notify(tx, ownerRegisseurs(tx, s).filter((id) => id !== actor.id), {
        kind: "signaal",
        title: input.to === "heropend" ? `Signaal #${s.id} heropend door de melder` : `Signaal #${s.id}: de melder gaf informatie`,
        body: `${actor.name} (${actor.organisationName}): ${text}`,
        link: signalLink(s.id),
      });
    }
  });
}

// ------------------------------------------------------------------ herken ik

export function recogniseSignal(input: { actor: Actor; id: number; note: string; wijkId?: number }): void {
  const { actor } = input;
  const db = getDb();
  const s = loadReadableSignal(db, actor, input.id);
  if (!canRecogniseSignal(actor, s)) throw forbidden("U heeft dit signaal zelf gemeld; anderen kunnen aangeven dat ze het herkennen.");
  if (s.status === "samengevoegd") throw conflict("Dit signaal is samengevoegd; geef bij het overgebleven signaal aan dat u het herkent.");
  const note = input.note.trim();
  assertNoClientData({ note }, "herkenning");
  if (input.wijkId) {
    const w = db.select({ id: schema.wijken.id }).from(schema.wijken).where(eq(schema.wijken.id, input.wijkId)).get();
    if (!w) throw badRequest("Kies een bestaande wijk.", { wijkId: "Kies een bestaande wijk." });
  }
  const exists = db
    .select({ n: sql<number>`1` })
    .from(schema.signalRecognitions)
    .where(and(eq(schema.signalRecognitions.signalId, s.id), eq(schema.signalRecognitions.personId, actor.id)))
    .get();
  if (exists) throw conflict("U heeft al aangegeven dat u dit signaal herkent.");
  db.transaction((tx) => {
    tx.insert(schema.signalRecognitions)
      .values({ signalId: s.id, personId: actor.id, organisationId: actor.organisationId, wijkId: input.wijkId ?? null, note, createdAt: nowIso() })
      .run();
    // Recognising a signal also follows it.
    followIn(tx, actor.id, "signaal", s.id);
    audit({ actorId: actor.id, action: "signaal herkend", entityType: "signaal", entityId: s.id, after: { note, wijkId: input.wijkId ?? null } }, tx);
    enqueueSearch(tx, "signal", s.id);
    // In the inbox only: a recognition is good to know, not worth an e-mail.
    notify(tx, [s.reporterId, ...ownerRegisseurs(tx, s)].filter((id) => id !== actor.id), {
      kind: "signaal",
      title: `Signaal #${s.id} herkend door ${actor.organisationName}`,
      body: `${actor.name} herkent "${s.title}"${note ? `: ${note}` : "."}`,
      link: signalLink(s.id),
      email: false,
    });
  });
}

export function withdrawRecognition(input: { actor: Actor; id: number }): void {
  const db = getDb();
  const s = loadReadableSignal(db, input.actor, input.id);
  const res = db.transaction((tx) => {
    const r = tx
      .delete(schema.signalRecognitions)
      .where(and(eq(schema.signalRecognitions.signalId, s.id), eq(schema.signalRecognitions.personId, input.actor.id)))
      .run();
    if (r.changes) {
      audit({ actorId: input.actor.id, action: "herkenning ingetrokken", entityType: "signaal", entityId: s.id }, tx);
      enqueueSearch(tx, "signal", s.id);
    }
    return r.changes;
  });
  if (!res) throw notFound("U had dit signaal niet als herkenbaar gemarkeerd.");
}

// ------------------------------------------------------------------ merge

/**
 * Merge a duplicate into a surviving signal. The duplicate closes as "samengevoegd"; its
 * reporter and followers follow the survivor from now on (so they get its status updates),
 * and its recognitions — and its reporter, as one more person who saw it — count for the survivor.
 */
export function mergeSignals(input: { actor: Actor; duplicateId: number; survivorId: number; note?: string }): void {
  const { actor } = input;
  const db = getDb();
  if (input.duplicateId === input.survivorId) throw badRequest("Een signaal kan niet met zichzelf worden samengevoegd.", { survivorId: "Kies een ander signaal." });
  const dup = loadReadableSignal(db, actor, input.duplicateId);
  assertCanHandleSignal(actor, dup, "Alleen de regisseur van de eigenaar-keten kan dit signaal samenvoegen.");
  const survivor = loadSignal(db, input.survivorId);
  if (!survivor || !canReadSignal(actor, survivor)) throw badRequest("Het gekozen signaal bestaat niet.", { survivorId: "Kies een bestaand signaal." });
  if (!transitionRule(dup.status, "samengevoegd", "owner")) {
    throw conflict(`Een signaal met status "${STATUS_LABELS[dup.status]}" kan niet meer worden samengevoegd.`);
  }
  if (survivor.status === "samengevoegd") {
    throw conflict(`Signaal #${survivor.id} is zelf al samengevoegd; kies het signaal waarin het is opgegaan (#${survivor.mergedIntoId}).`, { survivorId: "Kies een signaal dat niet is samengevoegd." });
  }
  const note = (input.note ?? "").trim();
  assertNoClientData({ note }, "terugkoppeling");
  const at = nowIso();
  // The feedback is read by everyone who reads the duplicate, also by people who may not read
  // the survivor: it names the survivor by number only (the page links it for those who may).
  const feedback = `Dit signaal is samengevoegd met signaal #${survivor.id}, omdat het over hetzelfde gaat. U volgt dat signaal nu en krijgt de terugkoppeling daarvan.${note ? ` ${note}` : ""}`;
  db.transaction((tx) => {
    const res = tx
      .update(schema.signals)
      .set({ status: "samengevoegd", mergedIntoId: survivor.id, feedback, closedAt: at, updatedAt: at })
      .where(and(eq(schema.signals.id, dup.id), eq(schema.signals.status, dup.status)))
      .run();
    if (res.changes !== 1) throw conflict("Het signaal is intussen door iemand anders gewijzigd. Laad de pagina opnieuw.");
    logTransition(tx, dup.id, dup.status, "samengevoegd", actor.id, feedback, at);

    const newFollowers = [...new Set([dup.reporterId, ...dup.followerIds])].filter((p) => p !== survivor.reporterId && !survivor.followerIds.includes(p));
    for (const personId of newFollowers) tx.insert(schema.signalFollowers).values({ signalId: survivor.id, personId }).onConflictDoNothing().run();

    const taken = new Set(
      tx
        .select({ p: schema.signalRecognitions.personId })
        .from(schema.signalRecognitions)
        .where(eq(schema.signalRecognitions.signalId, survivor.id))
        .all()
        .map((r) => r.p),
    );
    taken.add(survivor.reporterId);
    const moved = tx.select().from(schema.signalRecognitions).where(eq(schema.signalRecognitions.signalId, dup.id)).all();
    for (const r of moved) {
      if (taken.has(r.personId)) continue;
      tx.insert(schema.signalRecognitions).values({ ...r, signalId: survivor.id }).run();
      taken.add(r.personId);
    }
    if (!taken.has(dup.reporterId)) {
      const firstWijk = tx.select({ id: schema.signalWijken.wijkId }).from(schema.signalWijken).where(eq(schema.signalWijken.signalId, dup.id)).get();
      tx.insert(schema.signalRecognitions)
        .values({ signalId: survivor.id, personId: dup.reporterId, organisationId: dup.reporterOrganisationId, wijkId: firstWijk?.id ?? null, note: `Meldde hetzelfde als signaal #${dup.id}.`, createdAt: at })
        .run();
    }
    tx.update(schema.signals).set({ updatedAt: at }).where(eq(schema.signals.id, survivor.id)).run();

    regieAudit(tx, actor, dup.ownerRegie, { action: "signaal samengevoegd", entityType: "signaal", entityId: dup.id, before: { status: dup.status }, after: { status: "samengevoegd", mergedIntoId: survivor.id } });
    enqueueSearch(tx, "signal", dup.id);
    enqueueSearch(tx, "signal", survivor.id);
    notifyFollowers(tx, dup, actor.id, `Signaal #${dup.id}: samengevoegd met #${survivor.id}`, feedback);
    notify(tx, [survivor.reporterId].filter((id) => id !== actor.id), {
      kind: "signaal",
      title: `Uw signaal #${survivor.id} is ook door een ander gemeld`,
      // The survivor's reporter may not read the duplicate: its title stays out of the notice.
      body: `Signaal #${dup.id} is samengevoegd met uw signaal "${survivor.title}". De melder volgt nu uw signaal.`,
      link: signalLink(survivor.id),
      email: false,
    });
  });
}

// ------------------------------------------------------------------ ownership

/** The eigenaar hands the signal to another of its ketens (whose regisseur then handles it). */
export function transferOwnership(input: { actor: Actor; id: number; ketenId: number }): void {
  const { actor } = input;
  const db = getDb();
  const s = loadReadableSignal(db, actor, input.id);
  assertCanHandleSignal(actor, s, "Alleen de regisseur van de eigenaar-keten kan het eigenaarschap overdragen.");
  if (!isOpenStatus(s.status)) throw conflict("Een afgesloten signaal kan niet meer worden overgedragen.");
  if (input.ketenId === s.ownerKetenId) throw badRequest("Deze keten is al eigenaar.", { ketenId: "Kies een andere keten." });
  if (!s.ketenIds.includes(input.ketenId)) throw badRequest("Kies een van de ketens van dit signaal.", { ketenId: "Kies een van de ketens van dit signaal." });
  const [from, to] = [ketenRows(db, [s.ownerKetenId])[0], ketenRows(db, [input.ketenId])[0]];
  db.transaction((tx) => {
    tx.update(schema.signals).set({ ownerKetenId: input.ketenId, updatedAt: nowIso() }).where(eq(schema.signals.id, s.id)).run();
    regieAudit(tx, actor, s.ownerRegie, { action: "eigenaar signaal gewijzigd", entityType: "signaal", entityId: s.id, before: { ownerKetenId: s.ownerKetenId }, after: { ownerKetenId: input.ketenId } });
    enqueueSearch(tx, "signal", s.id);
    if (to.regisseurId && to.regisseurId !== actor.id) {
      notify(tx, [to.regisseurId], {
        kind: "signaal",
        title: `Signaal #${s.id} is aan u overgedragen`,
        body: `${actor.name} droeg "${s.title}" over van ${from.name} naar ${to.name}. U bent nu eigenaar.`,
        link: signalLink(s.id),
      });
    }
    notifyFollowers(tx, s, actor.id, `Signaal #${s.id}: andere eigenaar`, `wordt voortaan behandeld door de regisseur van ${to.name}.`);
  });
}

/**
 * Signals that another signal could be merged into: same keten or thema, not merged, not itself;
 * the most similar first (shared ketens, same thema, shared words in title and description).
 */
export function mergeCandidates(input: { actor: Actor; id: number }) {
  const db = getDb();
  const s = loadReadableSignal(db, input.actor, input.id);
  if (!canHandleSignal(input.actor, s)) return [];
  const rows = db
    .select({ id: schema.signals.id, title: schema.signals.title, status: schema.signals.status, description: schema.signals.description, themaId: schema.signals.themaId })
    .from(schema.signals)
    .where(
      and(
        ne(schema.signals.id, s.id),
        ne(schema.signals.status, "samengevoegd"),
        readableSignalCondition(input.actor),
        sql`(${schema.signals.themaId} = ${s.themaId} or exists (select 1 from signal_ketens sk where sk.signal_id = ${schema.signals.id} and sk.keten_id in (${sql.join(
          s.ketenIds.map((k) => sql`${k}`),
          sql`, `,
        )})))`,
      ),
    )
    .orderBy(sql`${schema.signals.id} desc`)
    .limit(200)
    .all();
  const ketensOf = new Map<number, number[]>();
  for (const r of rows.length ? db.select().from(schema.signalKetens).where(inArray(schema.signalKetens.signalId, rows.map((r) => r.id))).all() : []) {
    ketensOf.set(r.signalId, [...(ketensOf.get(r.signalId) ?? []), r.ketenId]);
  }
  const scored = rows.map((r) => ({
    row: r,
    score: signalSimilarity(
      { title: s.title, description: s.description, themaId: s.themaId, ketenIds: s.ketenIds },
      { title: r.title, description: r.description, themaId: r.themaId, ketenIds: ketensOf.get(r.id) ?? [] },
    ),
  }));
  scored.sort((a, b) => b.score - a.score || b.row.id - a.row.id);
  return scored.slice(0, 100).map(({ row }) => ({ id: row.id, title: row.title, status: row.status }));
}

type Comparable = { title: string; description: string; themaId: number | null; ketenIds: number[] };
const wordsOf = (text: string) => new Set(text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 3));

/** How alike two signals are: shared words (title counts double), same thema, shared ketens. */
export function signalSimilarity(a: Comparable, b: Comparable): number {
  const jaccard = (x: Set<string>, y: Set<string>) => {
    if (!x.size || !y.size) return 0;
    let shared = 0;
    for (const w of x) if (y.has(w)) shared++;
    return shared / (x.size + y.size - shared);
  };
  const title = jaccard(wordsOf(a.title), wordsOf(b.title));
  const text = jaccard(wordsOf(`${a.title} ${a.description}`), wordsOf(`${b.title} ${b.description}`));
  const thema = a.themaId != null && a.themaId === b.themaId ? 0.2 : 0;
  const ketens = a.ketenIds.filter((k) => b.ketenIds.includes(k)).length * 0.1;
  return 2 * title + text + thema + ketens;
}

/** Exposed for the clock-based checks in tests and pages. */
export function isOverdue(s: { status: SignalStatus; dueAt: string }, on: string = today()): boolean {
  return isOpenStatus(s.status) && on > s.dueAt;
}
