// Presenters: what the proposal pages show, picked field by field (never whole rows), with
// the permissions the UI needs to offer only the actions the domain will accept.
import { and, asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb, schema } from "~/db/client.server";
import { proposalRoom, roomPathSegment } from "~/shared/collab";
import { today } from "~/utils/clock.server";
import { forbidden } from "../errors";
import type { Actor } from "../actor.server";
import {
  canAnswerComments, canReplyOnProposal,
  canCommentOnProposal,
  canEditProposedText,
  canManageProposal,
  canRespondToEvaluation,
  canSeeConsultationReceipts,
  readableDocumentCondition,
} from "../policy.server";
import { requireManageable, requireReadable, type LoadedProposal } from "./access.server";
import { impactOptions, visieSections } from "./proposals.server";
import { listComments } from "./comments.server";
import { DATE_FIELDS, DATE_LABELS, isDateField, isMovable, type DateField } from "~/shared/proposal-dates";
import { listEvaluationResponses } from "./evaluation.server";
import { invitationOf, receiptsFor } from "./invitations.server";
import { unansweredCount } from "./lifecycle.server";
import { STATUS_LABELS, TRANSITIONS, type ProposalStatus } from "~/shared/proposals";
import { proposedText, versionText } from "./text.server";
import { diffDocuments, diffStats, type DiffBlock } from "../documents/diff";
import { canAnswerGoals, goalsView, pilotView } from "./pilot-view.server";
import { answeredOrganisations, openEvaluationPhase } from "./goals.server";
import { unknownDatesOf } from "./unknown-dates.server";
import { PILOT_DATE_LABELS, UNKNOWABLE_FIELDS, inForceWording, type PilotDateField } from "~/shared/pilot";

function personName(id: number | null): string | null {
  if (id == null) return null;
  return getDb().select({ name: schema.people.name }).from(schema.people).where(eq(schema.people.id, id)).get()?.name ?? null;
}

function summary(p: LoadedProposal, actor: Actor) {
  const row = p.row;
  const base = versionText(row.baseVersionId);
  const current = versionText(p.document.currentVersionId);
  const result = versionText(row.resultVersionId);
  const visie = row.visieDocumentId
    ? getDb()
        .select({ slug: schema.documents.slug, title: schema.documents.title })
        .from(schema.documents)
        // The visie is a related item like any other: only shown when this reader may open it.
        .where(and(eq(schema.documents.id, row.visieDocumentId), readableDocumentCondition(actor)))
        .get()
    : undefined;
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    statusLabel: STATUS_LABELS[row.status],
    waarom: row.waarom,
    visie: { slug: visie?.slug ?? null, title: visie?.title ?? null, anchor: row.visieAnchor },
    timeline: Object.fromEntries(DATE_FIELDS.map((f) => [f, row[f]])) as Record<DateField, string | null>,
    createdByName: personName(row.createdById),
    createdAt: row.createdAt,
    decidedByName: personName(row.decidedById),
    decidedAt: row.decidedAt,
    decisionNote: row.decisionNote,
    activatedAt: row.activatedAt,
    /** The one reading of "when": as of the ingangsdatum, processed on a later day after downtime. */
    inForce: row.activatedAt ? inForceWording(row.effectiveDate, row.activatedAt) : null,
    pilot: row.pilot,
    evaluationConclusion: row.evaluationConclusion,
    baseVersionNumber: base?.number ?? null,
    currentVersionNumber: current?.number ?? null,
    resultVersionNumber: result?.number ?? null,
    /** The document was published again after this proposal started: the redline shows that too. */
    documentMovedOn: row.status !== "van_kracht" && row.status !== "geevalueerd" && base?.id !== current?.id,
  };
}

export function getProposalView(input: { actor: Actor; id: number }) {
  const p = requireReadable(input.actor, input.id);
  const { actor } = input;
  const row = p.row;
  const manage = canManageProposal(actor, p.facts);
  const impacts = getDb()
    .select({ organisationId: schema.proposalImpacts.organisationId, name: schema.organisations.name, note: schema.proposalImpacts.note, fictitious: schema.organisations.fictitious })
    .from(schema.proposalImpacts)
    .innerJoin(schema.organisations, eq(schema.proposalImpacts.organisationId, schema.organisations.id))
    .where(eq(schema.proposalImpacts.proposalId, row.id))
    .orderBy(asc(schema.organisations.name))
    .all();
  const afterDeadline = !!row.consultationCloses && today() > row.consultationCloses;
  return {
    proposal: summary(p, input.actor),
    document: { slug: p.document.slug, title: p.document.title },
    impacts,
    comments: listComments(row),
    receipts: canSeeConsultationReceipts(actor, p.facts) && row.status !== "concept" ? receiptsFor(row.id) : null,
    evaluationResponses: listEvaluationResponses(row.id),
    goals: goalsView(actor, row.id),
    pilot: pilotView(actor, p),
    myInvitation: invitationOf(actor.id, row.id),
    can: {
      manage,
      editText: canEditProposedText(actor, p.facts),
      comment: canCommentOnProposal(actor, p.facts) && !afterDeadline,
      answer: canAnswerComments(actor, p.facts) && (row.status === "in_consultatie" || row.status === "in_besluitvorming"),
      reply: canReplyOnProposal(actor, p.facts),
      decide: manage && row.status === "in_besluitvorming",
      respondEvaluation: canRespondToEvaluation(actor, p.facts),
      concludeEvaluation: manage && row.status === "van_kracht",
      transitions: manage ? (TRANSITIONS[row.status] as readonly ProposalStatus[]).filter((s) => s !== "van_kracht") : [],
    },
    unanswered: unansweredCount(row.id),
    today: today(),
  };
}

export type ProposalView = ReturnType<typeof getProposalView>;

/** The texts to compare: the current published version and the proposed (or decided) text. */
export function getTexts(input: { actor: Actor; id: number }) {
  const p = requireReadable(input.actor, input.id);
  const row = p.row;
  // Once in force, the meaningful comparison is with the version it replaced.
  const inForce = row.status === "van_kracht" || row.status === "geevalueerd";
  const before = versionText(inForce ? row.baseVersionId : p.document.currentVersionId);
  // Once decided, the frozen text is what takes effect (not a late keystroke in the room).
  const after = inForce
    ? versionText(row.resultVersionId)
    : row.decidedLexicalJson
      ? { lexicalJson: row.decidedLexicalJson }
      : proposedText(row);
  return { before, after, beforeLabel: inForce ? "vorige versie" : "geldende versie" };
}

export function getTimeline(input: { actor: Actor; id: number }) {
  const p = requireReadable(input.actor, input.id);
  const row = p.row;
  const db = getDb();
  const changedBy = alias(schema.people, "changed_by");
  const changes = db
    .select({
      id: schema.proposalDateChanges.id,
      field: schema.proposalDateChanges.field,
      oldValue: schema.proposalDateChanges.oldValue,
      newValue: schema.proposalDateChanges.newValue,
      reason: schema.proposalDateChanges.reason,
      at: schema.proposalDateChanges.at,
      byName: changedBy.name,
    })
    .from(schema.proposalDateChanges)
    .leftJoin(changedBy, eq(schema.proposalDateChanges.changedById, changedBy.id))
    .where(eq(schema.proposalDateChanges.proposalId, row.id))
    .orderBy(asc(schema.proposalDateChanges.at), asc(schema.proposalDateChanges.id))
    .all()
    .map((c) => ({ ...c, label: isDateField(c.field) ? DATE_LABELS[c.field] : (PILOT_DATE_LABELS[c.field as PilotDateField] ?? c.field) }));
  const transitions = db
    .select({
      id: schema.proposalTransitions.id,
      fromStatus: schema.proposalTransitions.fromStatus,
      toStatus: schema.proposalTransitions.toStatus,
      note: schema.proposalTransitions.note,
      at: schema.proposalTransitions.at,
      byName: schema.people.name,
    })
    .from(schema.proposalTransitions)
    .leftJoin(schema.people, eq(schema.proposalTransitions.byId, schema.people.id))
    .where(eq(schema.proposalTransitions.proposalId, row.id))
    .orderBy(asc(schema.proposalTransitions.at), asc(schema.proposalTransitions.id))
    .all()
    .map((t) => ({ ...t, toLabel: STATUS_LABELS[t.toStatus as ProposalStatus] ?? t.toStatus }));
  const manage = canManageProposal(input.actor, p.facts);
  const unknown = unknownDatesOf(row.id);
  return {
    proposal: summary(p, input.actor),
    document: { slug: p.document.slug, title: p.document.title },
    dates: DATE_FIELDS.map((f) => ({
      field: f,
      label: DATE_LABELS[f],
      value: row[f],
      movable: manage && isMovable(f, row.status),
      changes: changes.filter((c) => c.field === f).length,
      unknown: unknown.find((u) => u.field === f) ?? null,
    })),
    pilot: pilotView(input.actor, p),
    changes,
    transitions,
    can: {
      manage,
      moveDates: manage && DATE_FIELDS.some((f) => isMovable(f, row.status)),
      markUnknown: manage && row.status !== "concept" ? UNKNOWABLE_FIELDS.filter((f) => isMovable(f, row.status)) : [],
    },
    today: today(),
  };
}

/** The redline of the proposed (or decided) text against the current (or replaced) version. */
export function getRedline(input: { actor: Actor; id: number }) {
  const texts = getTexts(input);
  if (!texts.before || !texts.after) return { blocks: [] as DiffBlock[], stats: null, beforeLabel: texts.beforeLabel, beforeNumber: null, unchanged: true };
  const blocks = diffDocuments(texts.before.lexicalJson, texts.after.lexicalJson);
  return {
    blocks,
    stats: diffStats(blocks),
    beforeLabel: texts.beforeLabel,
    beforeNumber: "number" in texts.before ? texts.before.number : null,
    unchanged: blocks.every((b) => b.status === "same"),
  };
}

/** The "waarom en impact" page: details, visie passages and the organisations to choose from. */
export function getPreparePage(input: { actor: Actor; id: number }) {
  const p = requireManageable(input.actor, input.id);
  const row = p.row;
  const impacts = getDb()
    .select({ organisationId: schema.proposalImpacts.organisationId, note: schema.proposalImpacts.note })
    .from(schema.proposalImpacts)
    .where(eq(schema.proposalImpacts.proposalId, row.id))
    .all();
  const options = impactOptions({ ketenId: p.document.ketenId });
  const nothingChosen = impacts.length === 0 && row.status === "concept";
  return {
    proposal: summary(p, input.actor),
    document: { slug: p.document.slug, title: p.document.title },
    visie: visieSections(row.visieDocumentId),
    organisations: options.map((o) => {
      const chosen = impacts.find((i) => i.organisationId === o.id);
      return {
        id: o.id,
        name: o.name,
        fictitious: o.fictitious,
        suggested: o.suggested,
        checked: chosen ? true : nothingChosen && o.suggested,
        invited: row.status !== "concept" && !!chosen,
        note: chosen?.note ?? "",
      };
    }),
    suggestionsPrefilled: nothingChosen,
    can: { editText: canEditProposedText(input.actor, p.facts), manage: true },
  };
}

/** The co-editing page of the proposed text: editors only, until the decision freezes it. */
export function getTextEditorPage(input: { actor: Actor; id: number }) {
  const p = requireReadable(input.actor, input.id);
  if (!canEditProposedText(input.actor, p.facts)) {
    throw forbidden(
      ["vastgesteld", "van_kracht", "geevalueerd", "ingetrokken"].includes(p.row.status)
        ? "De tekst van dit voorstel ligt vast en kan niet meer worden bewerkt."
        : "Alleen de redacteuren van dit document bewerken de voorgestelde tekst. U kunt reageren op het voorstel.",
    );
  }
  const room = proposalRoom(p.row.id);
  return {
    proposal: summary(p, input.actor),
    document: { slug: p.document.slug, title: p.document.title },
    collab: {
      room: roomPathSegment(room),
      id: room,
      user: { name: input.actor.name, color: input.actor.organisationColor, organisation: input.actor.organisationName },
    },
    can: { manage: canManageProposal(input.actor, p.facts), editText: true },
  };
}

/** The "doelen en evaluatie" page: goals, the pilot and its phases, the evaluation per goal and the reactions on a pilot's result. */
export function getGoalsPage(input: { actor: Actor; id: number }) {
  const p = requireReadable(input.actor, input.id);
  const row = p.row;
  const manage = canManageProposal(input.actor, p.facts);
  const reactions = listEvaluationResponses(row.id, getDb(), "uitkomst");
  return {
    proposal: summary(p, input.actor),
    document: { slug: p.document.slug, title: p.document.title },
    goals: goalsView(input.actor, row.id),
    pilot: pilotView(input.actor, p),
    pilotSettings: { pilot: row.pilot, scope: row.pilotScope, pilotStarts: row.pilotStarts, pilotEnds: row.pilotEnds, pilotEvaluationDate: row.pilotEvaluationDate },
    reactions,
    evaluationPhase: openEvaluationPhase(row),
    regularAnswered: answeredOrganisations(row.id, "regulier"),
    can: {
      manage,
      editText: canEditProposedText(input.actor, p.facts),
      editGoals: manage && row.status === "concept",
      editPilot: manage && (row.status === "concept" || (row.pilot && !row.pilotResultOpens && ["in_consultatie", "in_besluitvorming", "vastgesteld"].includes(row.status))),
      answer: canAnswerGoals(input.actor, p),
      conclude: manage && row.status === "van_kracht",
    },
    today: today(),
  };
}
