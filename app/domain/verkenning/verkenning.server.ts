// The verkenning (issue 13): before any text, the regisseur describes the problem and what is
// known (with signals), asks two to five open questions to chosen organisations, collects their
// answers, writes "wat we hebben gehoord", and then turns it into a wijzigingsvoorstel (the
// summary becomes its waarom) or closes it with a reason. Access: policy.server.ts
// (canReadVerkenning / readableVerkenningCondition).
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { getDb, schema, type Reader } from "~/db/client.server";
import { amsterdamDate, formatIsoDateNl } from "~/shared/dates";
import { VERKENNING_STATUS_LABELS, type VerkenningStatus } from "~/shared/verkenning";
import { nowIso, today } from "~/utils/clock.server";
import type { Actor } from "../actor.server";
import { audit } from "../audit.server";
import { createProposal, setImpacts, updateDetails } from "../consultation/proposals.server";
import { badRequest, conflict, forbidden, notFound } from "../errors";
import { verkenningFacts } from "../facts.server";
import {
  canAnswerVerkenning,
  canManageVerkenning,
  canReadVerkenning,
  canStartVerkenning,
  readableProposalCondition,
  readableSignalCondition,
  readableVerkenningCondition,
  type VerkenningFacts,
} from "../policy.server";
import { assertNoClientData } from "../privacy.server";
import { enqueueSearch } from "../search-outbox.server";
import { inviteForVerkenning, markVerkenningResponded, verkenningInvitationOf, verkenningReceipts } from "./invitations.server";

export const VERKENNING_NOT_FOUND = "Deze verkenning bestaat niet, of uw organisatie is er niet voor gevraagd.";

const V = schema.verkenningen;

function requireReadableVerkenning(actor: Actor, id: number, db: Reader = getDb()) {
  const facts = verkenningFacts(id, db);
  if (!facts || !canReadVerkenning(actor, facts)) throw notFound(VERKENNING_NOT_FOUND);
  const row = db.select().from(V).where(eq(V.id, id)).get()!;
  return { row, facts };
}

function requireManageableVerkenning(actor: Actor, id: number) {
  const v = requireReadableVerkenning(actor, id);
  if (!canManageVerkenning(actor, v.facts)) throw forbidden("Alleen de regisseur van de keten van deze verkenning kan dit doen.");
  return v;
}

function assertOpen(status: VerkenningStatus) {
  if (status !== "open") throw conflict(`Dit kan niet meer: de verkenning is ${VERKENNING_STATUS_LABELS[status].toLowerCase()}.`);
}

// ------------------------------------------------------------------ start

/** What the start form offers: the regisseur's ketens, the organisations, and signals to link. */
export function verkenningFormOptions(actor: Actor) {
  const db = getDb();
  const ketens = db.select({ id: schema.ketens.id, name: schema.ketens.name }).from(schema.ketens).orderBy(asc(schema.ketens.name)).all().filter((k) => canStartVerkenning(actor, k.id));
  const organisations = db
    .select({ id: schema.organisations.id, name: schema.organisations.name })
    .from(schema.organisations)
    .where(and(eq(schema.organisations.active, true)))
    .orderBy(asc(schema.organisations.name))
    .all();
  const signals = db
    .select({ id: schema.signals.id, title: schema.signals.title })
    .from(schema.signals)
    .where(and(readableSignalCondition(actor), inArray(schema.signals.ownerKetenId, ketens.length ? ketens.map((k) => k.id) : [0])))
    .orderBy(desc(schema.signals.createdAt))
    .limit(60)
    .all();
  return { ketens, organisations, signals };
}

export function startVerkenning(input: {
  actor: Actor;
  ketenId: number;
  title: string;
  problem: string;
  knowledge: string;
  questions: string[];
  organisations: number[];
  signals: number[];
  reactionDeadline: string;
}): { id: number } {
  const { actor } = input;
  if (!canStartVerkenning(actor, input.ketenId)) throw forbidden("Alleen de regisseur van een keten kan een verkenning starten, voor de eigen keten.");
  assertNoClientData({ title: input.title, problem: input.problem, knowledge: input.knowledge, ...Object.fromEntries(input.questions.map((q, i) => [`question_${i}`, q])) }, "voorstel");
  const db = getDb();
  const fieldErrors: Record<string, string> = {};
  if (input.reactionDeadline <= today()) fieldErrors.reactionDeadline = "De uiterste reactiedatum moet na vandaag liggen, zodat organisaties tijd hebben om te antwoorden.";
  const orgIds = [...new Set(input.organisations)];
  const orgs = db.select({ id: schema.organisations.id }).from(schema.organisations).where(and(inArray(schema.organisations.id, orgIds), eq(schema.organisations.active, true))).all();
  if (orgs.length !== orgIds.length) fieldErrors.organisations = "Kies alleen bestaande, actieve organisaties.";
  const signalIds = [...new Set(input.signals)];
  const readable = signalIds.length ? db.select({ id: schema.signals.id }).from(schema.signals).where(and(inArray(schema.signals.id, signalIds), readableSignalCondition(actor))).all() : [];
  if (readable.length !== signalIds.length) fieldErrors.signals = "Kies alleen signalen die u kunt inzien.";
  if (Object.keys(fieldErrors).length) throw badRequest("De verkenning is nog niet gestart.", fieldErrors);
  return db.transaction((tx) => {
    const at = nowIso();
    const row = tx
      .insert(V)
      .values({ ketenId: input.ketenId, title: input.title, problem: input.problem, knowledge: input.knowledge, reactionDeadline: input.reactionDeadline, createdById: actor.id, createdAt: at, updatedAt: at })
      .returning({ id: V.id })
      .get();
    input.questions.forEach((text, position) => tx.insert(schema.verkenningQuestions).values({ verkenningId: row.id, position, text }).run());
    for (const organisationId of orgIds) tx.insert(schema.verkenningOrganisations).values({ verkenningId: row.id, organisationId }).run();
    for (const signalId of signalIds) tx.insert(schema.verkenningSignals).values({ verkenningId: row.id, signalId }).run();
    audit({ actorId: actor.id, action: "verkenning.start", entityType: "verkenning", entityId: row.id, after: { title: input.title, organisations: orgIds, questions: input.questions.length } }, tx);
    inviteForVerkenning(tx, { id: row.id, title: input.title, reactionDeadline: input.reactionDeadline }, orgIds);
    enqueueSearch(tx, "verkenning", row.id);
    return { id: row.id };
  });
}

// ------------------------------------------------------------------ list and view

export function listVerkenningen(input: { actor: Actor }) {
  return getDb()
    .select({ id: V.id, title: V.title, status: V.status, reactionDeadline: V.reactionDeadline, ketenName: schema.ketens.name, proposalId: V.proposalId })
    .from(V)
    .innerJoin(schema.ketens, eq(V.ketenId, schema.ketens.id))
    .where(readableVerkenningCondition(input.actor))
    .orderBy(desc(V.createdAt), desc(V.id))
    .all()
    .map((v) => ({ ...v, statusLabel: VERKENNING_STATUS_LABELS[v.status] }));
}

/** Questions with every answer, grouped per question (for the page and the reactienota). */
function questionsWithAnswers(verkenningId: number, db: Reader = getDb()) {
  const questions = db
    .select({ id: schema.verkenningQuestions.id, text: schema.verkenningQuestions.text })
    .from(schema.verkenningQuestions)
    .where(eq(schema.verkenningQuestions.verkenningId, verkenningId))
    .orderBy(asc(schema.verkenningQuestions.position))
    .all();
  const answers = db
    .select({
      id: schema.verkenningAnswers.id,
      questionId: schema.verkenningAnswers.questionId,
      text: schema.verkenningAnswers.text,
      createdAt: schema.verkenningAnswers.createdAt,
      organisationName: schema.organisations.name,
      authorName: schema.people.name,
    })
    .from(schema.verkenningAnswers)
    .innerJoin(schema.organisations, eq(schema.verkenningAnswers.organisationId, schema.organisations.id))
    .innerJoin(schema.people, eq(schema.verkenningAnswers.authorId, schema.people.id))
    .where(eq(schema.verkenningAnswers.verkenningId, verkenningId))
    .orderBy(asc(schema.verkenningAnswers.createdAt), asc(schema.verkenningAnswers.id))
    .all();
  return questions.map((q) => ({ ...q, answers: answers.filter((a) => a.questionId === q.id) }));
}

export function getVerkenningView(input: { actor: Actor; id: number }) {
  const { actor } = input;
  const db = getDb();
  const { row, facts } = requireReadableVerkenning(actor, input.id, db);
  const manage = canManageVerkenning(actor, facts);
  const keten = db.select({ name: schema.ketens.name }).from(schema.ketens).where(eq(schema.ketens.id, row.ketenId)).get();
  const author = db.select({ name: schema.people.name }).from(schema.people).where(eq(schema.people.id, row.createdById)).get();
  const organisations = db
    .select({ id: schema.organisations.id, name: schema.organisations.name })
    .from(schema.verkenningOrganisations)
    .innerJoin(schema.organisations, eq(schema.verkenningOrganisations.organisationId, schema.organisations.id))
    .where(eq(schema.verkenningOrganisations.verkenningId, row.id))
    .orderBy(asc(schema.organisations.name))
    .all();
  // Linked signals are related items: only those this reader may open are listed.
  const signals = db
    .select({ id: schema.signals.id, title: schema.signals.title })
    .from(schema.verkenningSignals)
    .innerJoin(schema.signals, eq(schema.verkenningSignals.signalId, schema.signals.id))
    .where(and(eq(schema.verkenningSignals.verkenningId, row.id), readableSignalCondition(actor)))
    .all();
  const proposal = row.proposalId
    ? (db.select({ id: schema.proposals.id, title: schema.proposals.title }).from(schema.proposals).where(and(eq(schema.proposals.id, row.proposalId), readableProposalCondition(actor))).get() ?? null)
    : null;
  const day = today();
  const beforeDeadline = day <= row.reactionDeadline;
  return {
    verkenning: {
      id: row.id,
      title: row.title,
      problem: row.problem,
      knowledge: row.knowledge,
      reactionDeadline: row.reactionDeadline,
      status: row.status,
      statusLabel: VERKENNING_STATUS_LABELS[row.status],
      summary: row.summary,
      closedReason: row.closedReason,
      startedOn: amsterdamDate(row.createdAt),
      ketenName: keten?.name ?? "",
      authorName: author?.name ?? "",
    },
    organisations,
    signals,
    proposal,
    questions: questionsWithAnswers(row.id, db),
    receipts: manage ? verkenningReceipts(row.id, db) : null,
    myInvitation: verkenningInvitationOf(actor.id, row.id, db),
    afterDeadline: !beforeDeadline,
    can: { manage: manage && row.status === "open", answer: canAnswerVerkenning(actor, facts) && beforeDeadline },
  };
}

// ------------------------------------------------------------------ answers

export function answerQuestion(input: { actor: Actor; id: number; questionId: number; text: string }): void {
  const { actor } = input;
  const { row, facts } = requireReadableVerkenning(actor, input.id);
  if (!canAnswerVerkenning(actor, facts as VerkenningFacts)) {
    if (row.status !== "open") assertOpen(row.status);
    throw forbidden("Alleen de gevraagde organisaties beantwoorden de vragen van deze verkenning.");
  }
  if (today() > row.reactionDeadline) throw conflict(`Antwoorden kan niet meer: de uiterste reactiedatum was ${formatIsoDateNl(row.reactionDeadline)}.`);
  const q = getDb()
    .select({ id: schema.verkenningQuestions.id })
    .from(schema.verkenningQuestions)
    .where(and(eq(schema.verkenningQuestions.id, input.questionId), eq(schema.verkenningQuestions.verkenningId, row.id)))
    .get();
  if (!q) throw badRequest("Deze vraag hoort niet bij deze verkenning.", { questionId: "Kies een vraag van deze verkenning." });
  assertNoClientData({ text: input.text }, "reactie");
  getDb().transaction((tx) => {
    tx.insert(schema.verkenningAnswers).values({ verkenningId: row.id, questionId: q.id, organisationId: actor.organisationId, authorId: actor.id, text: input.text, createdAt: nowIso() }).run();
    markVerkenningResponded(tx, actor, row.id);
    audit({ actorId: actor.id, action: "verkenning.answer", entityType: "verkenning", entityId: row.id, after: { questionId: q.id } }, tx);
  });
}

// ------------------------------------------------------------------ summary, proposal, closing

export function writeSummary(input: { actor: Actor; id: number; summary: string }): void {
  const { row } = requireManageableVerkenning(input.actor, input.id);
  assertOpen(row.status);
  assertNoClientData({ summary: input.summary }, "voorstel");
  getDb().transaction((tx) => {
    tx.update(V).set({ summary: input.summary, updatedAt: nowIso() }).where(eq(V.id, row.id)).run();
    audit({ actorId: input.actor.id, action: "verkenning.summary", entityType: "verkenning", entityId: row.id, before: { summary: row.summary }, after: { summary: input.summary } }, tx);
    enqueueSearch(tx, "verkenning", row.id);
  });
}

/** The waarom of the proposal that a verkenning becomes: the summary, said to come from the verkenning. */
export function waaromFromSummary(title: string, summary: string): string {
  return `Wat we hebben gehoord in de verkenning "${title}":\n\n${summary}`;
}

/**
 * Turn the verkenning into a concept proposal on a document of its keten: the summary is its
 * waarom, the asked organisations its affected organisations, and the two are linked.
 */
export function convertToProposal(input: { actor: Actor; id: number; document: string; title: string }): { proposalId: number } {
  const { actor } = input;
  const { row } = requireManageableVerkenning(actor, input.id);
  assertOpen(row.status);
  if (!row.summary.trim()) {
    throw badRequest("Schrijf eerst op wat u heeft gehoord; die samenvatting wordt het waarom van het voorstel.", { summary: "Wat we hebben gehoord is nog leeg." });
  }
  const { id: proposalId } = createProposal({ actor, documentSlug: input.document, title: input.title });
  updateDetails({ actor, id: proposalId, title: input.title, waarom: waaromFromSummary(row.title, row.summary), visieAnchor: "" });
  const orgs = getDb().select({ id: schema.verkenningOrganisations.organisationId }).from(schema.verkenningOrganisations).where(eq(schema.verkenningOrganisations.verkenningId, row.id)).all();
  setImpacts({ actor, id: proposalId, impacts: orgs.map((o) => ({ organisationId: o.id, note: "" })) });
  getDb().transaction((tx) => {
    const res = tx.update(V).set({ status: "omgezet", proposalId, closedAt: nowIso(), updatedAt: nowIso() }).where(and(eq(V.id, row.id), eq(V.status, "open"))).run();
    if (res.changes !== 1) throw conflict("Deze verkenning is intussen gewijzigd. Laad de pagina opnieuw.");
    tx.insert(schema.changeLinks).values({ proposalId, targetType: "verkenning", targetId: row.id, createdById: actor.id }).onConflictDoNothing().run();
    audit({ actorId: actor.id, action: "verkenning.proposal", entityType: "verkenning", entityId: row.id, after: { proposalId } }, tx);
    enqueueSearch(tx, "verkenning", row.id);
  });
  return { proposalId };
}

export function closeVerkenning(input: { actor: Actor; id: number; reason: string }): void {
  const { row } = requireManageableVerkenning(input.actor, input.id);
  assertOpen(row.status);
  assertNoClientData({ reason: input.reason }, "voorstel");
  getDb().transaction((tx) => {
    const res = tx.update(V).set({ status: "gesloten", closedReason: input.reason, closedAt: nowIso(), updatedAt: nowIso() }).where(and(eq(V.id, row.id), eq(V.status, "open"))).run();
    if (res.changes !== 1) throw conflict("Deze verkenning is intussen gewijzigd. Laad de pagina opnieuw.");
    audit({ actorId: input.actor.id, action: "verkenning.close", entityType: "verkenning", entityId: row.id, after: { reason: input.reason } }, tx);
    enqueueSearch(tx, "verkenning", row.id);
  });
}

/** Documents of the verkenning's keten on which its regisseur can start the proposal. */
export function documentsForConversion(actor: Actor, id: number) {
  const { row } = requireManageableVerkenning(actor, id);
  return getDb()
    .select({ slug: schema.documents.slug, title: schema.documents.title })
    .from(schema.documents)
    .where(and(eq(schema.documents.ketenId, row.ketenId), eq(schema.documents.status, "gepubliceerd")))
    .orderBy(asc(schema.documents.title))
    .all();
}

// ------------------------------------------------------------------ the first round in the reactienota

/** The verkenning a proposal came from, as its first round, if this reader may read it. */
/** The verkenning round of a proposal that came from one, as the reactienota shows it. */
export type VerkenningRound = NonNullable<ReturnType<typeof verkenningRoundFor>>;

/** The verkenning a proposal came from, if the actor may read it (the reactienota's first round). */
export function verkenningRoundFor(input: { actor: Actor; proposalId: number }) {
  const db = getDb();
  const row = db.select({ id: V.id }).from(V).where(and(eq(V.proposalId, input.proposalId), readableVerkenningCondition(input.actor))).get();
  if (!row) return null;
  const v = db.select().from(V).where(eq(V.id, row.id)).get()!;
  return {
    id: v.id,
    title: v.title,
    problem: v.problem,
    startedOn: amsterdamDate(v.createdAt),
    reactionDeadline: v.reactionDeadline,
    summary: v.summary,
    questions: questionsWithAnswers(v.id, db),
  };
}
