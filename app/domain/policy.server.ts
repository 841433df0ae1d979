// The one place where access is decided. Routes, the collaboration server, search and the
// scheduler all ask these functions; nothing else decides who may see or do what.
//
// Each entity's read rule is written twice, side by side and nowhere else: as a function on
// loaded facts (`canReadX`) for one row, and as a drizzle SQL condition (`readableXCondition`)
// for lists, counts, links and search. policy.test.ts checks that both agree for every demo
// account and every row, so a list never shows what the detail page refuses.
import { sql, type SQL } from "drizzle-orm";
import * as schema from "~/db/schema";
import type { DocumentKind } from "~/db/schema";
import { isBindingKind } from "~/shared/documents";
import type { Actor } from "./actor.server";
import { forbidden } from "./errors";

export type DocumentFacts = { ketenId: number | null };
/** What the read rule of a document needs: its keten and whether a version was ever published. */
export type DocumentReadFacts = DocumentFacts & { published: boolean };
export type ProposalFacts = {
  status: string;
  document: DocumentFacts;
  /** Organisations named in the impact list (they are invited once consultation opens). */
  impactedOrganisationIds: number[];
  createdById: number;
};
export type SignalFacts = {
  reporterId: number;
  reporterOrganisationId: number;
  /** The eigenaar keten (one of ketenIds). */
  ownerKetenId: number;
  ketenIds: number[];
  followerIds: number[];
};

const has = (a: Actor, role: Actor["roles"][number]) => a.roles.includes(role);
const isMunicipal = (a: Actor) => a.organisationKind === "gemeente" || a.organisationKind === "afdeling";
const isPartner = (a: Actor) => a.organisationKind === "ketenpartner";

// ------------------------------------------------------------------ beheer

export function canAdminister(a: Actor): boolean {
  return has(a, "beheerder");
}

export function assertCanAdminister(a: Actor): void {
  if (!canAdminister(a)) throw forbidden("Alleen beheerders mogen het beheer gebruiken.");
}

// ------------------------------------------------------------------ documents

/** Owner of a document: the regisseur of its keten; portal-wide documents: any regisseur. */
export function isDocumentOwner(a: Actor, d: DocumentFacts): boolean {
  if (isPartner(a)) return false;
  if (d.ketenId == null) return has(a, "regisseur");
  return a.regisseurOfKetenIds.includes(d.ketenId);
}

/**
 * Editors: the owner, and redacteuren of the municipality or of a wijkteam/afdeling that is a
 * member of the document's keten. Ketenpartners never edit municipal documents.
 */
export function canEditDocument(a: Actor, d: DocumentFacts): boolean {
  if (isPartner(a)) return false;
  if (isDocumentOwner(a, d)) return true;
  if (!has(a, "redacteur") && !has(a, "regisseur")) return false;
  if (a.organisationKind === "gemeente") return true;
  if (d.ketenId == null) return a.organisationKind === "wijkteam" || a.organisationKind === "afdeling";
  return a.memberKetenIds.includes(d.ketenId);
}

/** Every signed-in person reads published versions: agreements must not depend on who you know. */
export function canReadPublished(_a: Actor, _d: DocumentFacts): boolean {
  return true;
}

export const canReadDraft = canEditDocument;

/** A document is readable when it has a published version, or (concepts) by its editors. */
export function canReadDocument(a: Actor, d: DocumentReadFacts): boolean {
  return (d.published && canReadPublished(a, d)) || canReadDraft(a, d);
}
/** Margin comments on a draft quote the draft: read, written, answered and resolved by whoever reads the draft. */
export const canReadDraftComments = canReadDraft;
export const canCommentOnDraft = canReadDraft;
export const canRestoreVersion = isDocumentOwner;

// Guarded publishing (issue 12): a binding text (visie, werkafspraken, opdracht) changes
// outside a wijzigingsvoorstel only by its owner; other editors offer their draft to the owner.
export type PublishFacts = DocumentFacts & { kind: DocumentKind };

/** Publishing a version directly: the owner for binding kinds; any editor for the others (overig). */
export function canPublish(a: Actor, d: PublishFacts): boolean {
  return isBindingKind(d.kind) ? isDocumentOwner(a, d) : canEditDocument(a, d);
}

/** "Ter publicatie aanbieden": editors of a binding document who are not its owner. */
export function canOfferForPublication(a: Actor, d: PublishFacts): boolean {
  return isBindingKind(d.kind) && canEditDocument(a, d) && !isDocumentOwner(a, d);
}

/** Publishing, sending back or turning an offer into a proposal: the owner. */
export const canDecideOffer = isDocumentOwner;

/**
 * "Dit is inhoudelijk" on a redactionele version: the organisations of the document's keten
 * (for a portal-wide document: the organisations of any keten). The same people are told.
 */
export function canObjectToVersion(a: Actor, d: DocumentFacts): boolean {
  if (isDocumentOwner(a, d)) return false;
  return d.ketenId == null ? a.memberKetenIds.length > 0 : a.memberKetenIds.includes(d.ketenId);
}

/**
 * Following the live draft read-only over the websocket ("meekijken"): the editors, and the
 * organisations in the document's keten (they are bound by it, e.g. during a keten overleg).
 * They receive edits but everything they send is dropped. Portal-wide drafts: editors only.
 */
export function canFollowDraft(a: Actor, d: DocumentFacts): boolean {
  if (canEditDocument(a, d)) return true;
  return d.ketenId != null && a.memberKetenIds.includes(d.ketenId);
}

/** Access to a document's collaboration room: write for editors, read for followers, else none. */
export function documentRoomAccess(a: Actor, d: DocumentFacts): "write" | "read" | null {
  if (canEditDocument(a, d)) return "write";
  return canFollowDraft(a, d) ? "read" : null;
}

export function canCreateDocument(a: Actor, ketenId: number | null): boolean {
  return isDocumentOwner(a, { ketenId }) || (has(a, "redacteur") && a.organisationKind === "gemeente");
}

// ------------------------------------------------------------------ consultation

export function canManageProposal(a: Actor, p: Pick<ProposalFacts, "document">): boolean {
  return isDocumentOwner(a, p.document);
}

export function isInvited(a: Actor, p: ProposalFacts): boolean {
  return p.status !== "concept" && p.impactedOrganisationIds.includes(a.organisationId);
}

/**
 * The integral check (issue 13, docs/decisions/220-integral-check.md): before consultation opens,
 * a concept or a verkenning is open to the regisseurs of every keten and to the municipality's
 * redacteuren (the contractmanager), so someone looks across ketens before partners are asked.
 * Never to ketenpartners, wijkteams, lezers or beheerders as such.
 */
export function isIntegralReviewer(a: Actor): boolean {
  return a.regisseurOfKetenIds.length > 0 || (isMunicipal(a) && (has(a, "regisseur") || has(a, "redacteur")));
}

/**
 * A concept is visible to the document's editors and the integral reviewers. Once consultation
 * opens the editors, the municipality (integral overview) and the invited organisations read it.
 * Ketenpartners read nothing they were not invited to.
 */
export function canReadProposal(a: Actor, p: ProposalFacts): boolean {
  if (canEditDocument(a, p.document) || p.createdById === a.id) return true;
  if (p.status === "concept") return isIntegralReviewer(a);
  if (isInvited(a, p)) return true;
  return isMunicipal(a);
}

/**
 * Comments on a proposal are read with the proposal (there are no private comments): whoever
 * may read the proposal reads all its comments, so this also decides who hears of a new one.
 */
export const canReadProposalComments = canReadProposal;

export function canCommentOnProposal(a: Actor, p: ProposalFacts): boolean {
  return p.status === "in_consultatie" && (isInvited(a, p) || canEditDocument(a, p.document));
}

/**
 * Replying in a comment's thread (also to the owner's answer): whoever may comment, while the
 * comments are still being weighed (consultation and decision-making). Comments themselves are
 * read with the proposal (canReadProposal).
 */
export function canReplyOnProposal(a: Actor, p: ProposalFacts): boolean {
  return (p.status === "in_consultatie" || p.status === "in_besluitvorming") && (isInvited(a, p) || canEditDocument(a, p.document));
}

/** The proposed text is co-edited by the document's editors until the decision freezes it. */
export function canEditProposedText(a: Actor, p: ProposalFacts): boolean {
  return ["concept", "in_consultatie", "in_besluitvorming"].includes(p.status) && canEditDocument(a, p.document);
}

/** Who opened and who responded, per organisation: for the people who run the keten's documents. */
export function canSeeConsultationReceipts(a: Actor, p: ProposalFacts): boolean {
  return canEditDocument(a, p.document);
}

/** Answering comments, deciding, moving dates: the owner of the document (its keten's regisseur). */
export const canAnswerComments = canManageProposal;

/** Once the change is in force the invited organisations say how it works in practice. */
export function canRespondToEvaluation(a: Actor, p: ProposalFacts): boolean {
  return p.status === "van_kracht" && (isInvited(a, p) || canEditDocument(a, p.document));
}

/** A pilot's evaluation and the consultation on its result are answered by the invited organisations only. */
export function canAnswerPilot(a: Actor, p: ProposalFacts): boolean {
  return p.status === "vastgesteld" && isInvited(a, p);
}

// ------------------------------------------------------------------ verkenning and integral check (issue 13)

export type VerkenningFacts = { ketenId: number; createdById: number; status: string; organisationIds: number[] };

/** Starting a verkenning: a regisseur of a keten (it belongs to that keten). */
export function canStartVerkenning(a: Actor, ketenId: number): boolean {
  return a.regisseurOfKetenIds.includes(ketenId);
}

/** The regisseur of the verkenning's keten runs it: summary, proposal, closing. */
export function canManageVerkenning(a: Actor, v: Pick<VerkenningFacts, "ketenId">): boolean {
  return a.regisseurOfKetenIds.includes(v.ketenId);
}

/** The asked organisations, the owner and the integral reviewers read a verkenning; nobody else learns it exists. */
export function canReadVerkenning(a: Actor, v: VerkenningFacts): boolean {
  if (canManageVerkenning(a, v) || v.createdById === a.id || isIntegralReviewer(a)) return true;
  return v.organisationIds.includes(a.organisationId);
}

/** Everyone of an asked organisation answers while the verkenning is open (the deadline is a domain rule). */
export function canAnswerVerkenning(a: Actor, v: VerkenningFacts): boolean {
  return v.status === "open" && v.organisationIds.includes(a.organisationId);
}

/** A keten's answer in the integral check is given by that keten's regisseur. */
export function canRecordKetenCheck(a: Actor, ketenId: number): boolean {
  return a.regisseurOfKetenIds.includes(ketenId);
}

// ------------------------------------------------------------------ signalen
// Rule (docs/decisions/300-signal-access.md): patterns only become visible across teams, so
// everyone of the municipality and the wijkteams reads every signal. A ketenpartner reads:
// signals its own organisation reported, signals it follows (e.g. after a merge), and signals
// routed to a keten its organisation is a member of ("gedeeld met de keten"). Anything else
// is a 404 for a ketenpartner, so it cannot even learn that the signal exists.

/** Every signed-in person of an organisation may report (wijkteam, gemeente, afdeling, ketenpartner). */
export function canReportSignal(a: Actor): boolean {
  return a.organisationKind !== undefined;
}

/** The eigenaar: regisseur of the signal's owner keten. Only the eigenaar moves the status. */
export function isSignalOwner(a: Actor, s: Pick<SignalFacts, "ownerKetenId">): boolean {
  return a.regisseurOfKetenIds.includes(s.ownerKetenId);
}

/** Regisseurs of any of the signal's ketens see it under "Signalen voor u". */
export function isSignalCoOwner(a: Actor, s: Pick<SignalFacts, "ketenIds">): boolean {
  return s.ketenIds.some((k) => a.regisseurOfKetenIds.includes(k));
}

export function canReadSignal(a: Actor, s: SignalFacts): boolean {
  if (s.reporterId === a.id || s.followerIds.includes(a.id)) return true;
  if (!isPartner(a)) return true;
  if (s.reporterOrganisationId === a.organisationId) return true;
  return s.ketenIds.some((k) => a.memberKetenIds.includes(k));
}

/** What handling needs besides the read facts: the regie of the owner keten (deputy, stand-in). */
export type SignalHandleFacts = Pick<SignalFacts, "ownerKetenId"> & { ownerRegie: RegieFacts };

/**
 * Answering, closing, merging, linking and handing over: the eigenaar, or the deputy regisseur
 * of the owner keten while set as stand-in (acts logged in both names, see regieAudit).
 */
export function canHandleSignal(a: Actor, s: SignalHandleFacts): boolean {
  return isSignalOwner(a, s) || isStandingInForSignal(a, s);
}

/** The deputy handling a signal for the regisseur of its owner keten right now. */
export function isStandingInForSignal(a: Actor, s: SignalHandleFacts): boolean {
  return s.ownerRegie.ketenId === s.ownerKetenId && isStandingIn(a, s.ownerRegie);
}

/** canHandleSignal or a 403; the deputy whose stand-in is off is told why. */
export function assertCanHandleSignal(a: Actor, s: SignalHandleFacts, refusal: string): void {
  if (canHandleSignal(a, s)) return;
  if (s.ownerRegie.deputyId === a.id && !isSignalOwner(a, s)) {
    throw forbidden("U bent plaatsvervangend regisseur van deze keten, maar de waarneming staat nu uit. Alleen als waarnemer behandelt u signalen namens de regisseur; vraag de regisseur de waarneming aan te zetten.");
  }
  throw forbidden(refusal);
}

/** "Herken ik": anyone who reads the signal, except its reporter. */
export function canRecogniseSignal(a: Actor, s: SignalFacts): boolean {
  return a.id !== s.reporterId && canReadSignal(a, s);
}

/** Reopening and answering an information request belong to the reporter (time rule in the domain). */
export function isSignalReporter(a: Actor, s: Pick<SignalFacts, "reporterId">): boolean {
  return a.id === s.reporterId;
}

/** Regisseurs, the municipality's non-lezers (contractmanager) and beheerders; never ketenpartners. */
export function canSeeSignalOverview(a: Actor): boolean {
  if (isPartner(a)) return false;
  return a.regisseurOfKetenIds.length > 0 || has(a, "regisseur") || (isMunicipal(a) && !has(a, "lezer")) || has(a, "beheerder");
}

export function canConfigureKeten(a: Actor): boolean {
  return has(a, "beheerder");
}

// ------------------------------------------------------------------ the same rules as SQL
// Each condition below mirrors the function of the same rule above, term by term.

const FALSE = sql`0 = 1`;
const TRUE = sql`1 = 1`;
const ids = (xs: readonly number[]) => sql.join(xs.map((x) => sql`${x}`), sql`, `);
const inList = (col: SQL | typeof schema.documents.ketenId, xs: readonly number[]) => (xs.length ? sql`${col} in (${ids(xs)})` : FALSE);

/** canEditDocument as a condition on a document's keten column (null: portal-wide). */
export function editableDocumentCondition(a: Actor, ketenId: SQL | typeof schema.documents.ketenId = schema.documents.ketenId): SQL {
  if (isPartner(a)) return FALSE;
  const terms: SQL[] = [inList(ketenId, a.regisseurOfKetenIds)];
  if (has(a, "regisseur")) terms.push(sql`${ketenId} is null`);
  if (has(a, "redacteur") || has(a, "regisseur")) {
    if (a.organisationKind === "gemeente") terms.push(TRUE);
    if (a.organisationKind === "wijkteam" || a.organisationKind === "afdeling") terms.push(sql`${ketenId} is null`);
    terms.push(inList(ketenId, a.memberKetenIds));
  }
  return sql`(${sql.join(terms, sql` or `)})`;
}

/** isDocumentOwner as a condition on a document's keten column (null: portal-wide). */
export function ownedDocumentCondition(a: Actor, ketenId: SQL | typeof schema.documents.ketenId = schema.documents.ketenId): SQL {
  if (isPartner(a)) return FALSE;
  const terms: SQL[] = [inList(ketenId, a.regisseurOfKetenIds)];
  if (has(a, "regisseur")) terms.push(sql`${ketenId} is null`);
  return sql`(${sql.join(terms, sql` or `)})`;
}

/** canReadDocument as a WHERE condition on `documents`. */
export function readableDocumentCondition(a: Actor): SQL {
  return sql`(${schema.documents.currentVersionId} is not null or ${editableDocumentCondition(a)})`;
}

/** canReadProposal as a WHERE condition on `proposals` (its document's keten is looked up). */
export function readableProposalCondition(a: Actor): SQL {
  const p = schema.proposals;
  const ketenOf = sql`(select d.keten_id from documents d where d.id = ${p.documentId})`;
  const afterConcept: SQL[] = [sql`exists (select 1 from proposal_impacts pi where pi.proposal_id = ${p.id} and pi.organisation_id = ${a.organisationId})`];
  if (isMunicipal(a)) afterConcept.push(TRUE);
  const concept = isIntegralReviewer(a) ? sql`${p.status} = 'concept'` : FALSE;
  return sql`(${editableDocumentCondition(a, ketenOf)} or ${p.createdById} = ${a.id} or ${concept} or (${p.status} <> 'concept' and (${sql.join(afterConcept, sql` or `)})))`;
}

/** canReadVerkenning as a WHERE condition on `verkenningen`. */
export function readableVerkenningCondition(a: Actor): SQL {
  const v = schema.verkenningen;
  if (isIntegralReviewer(a)) return TRUE;
  return sql`(${inList(sql`${v.ketenId}`, a.regisseurOfKetenIds)} or ${v.createdById} = ${a.id}
    or exists (select 1 from verkenning_organisations vo where vo.verkenning_id = ${v.id} and vo.organisation_id = ${a.organisationId}))`;
}

/** canReadSignal as a WHERE condition on `signals`. */
export function readableSignalCondition(a: Actor): SQL {
  if (!isPartner(a)) return TRUE;
  const s = schema.signals;
  const member = a.memberKetenIds.length
    ? sql`exists (select 1 from signal_ketens sk where sk.signal_id = ${s.id} and sk.keten_id in (${ids(a.memberKetenIds)}))`
    : FALSE;
  return sql`(${s.reporterId} = ${a.id}
    or ${s.reporterOrganisationId} = ${a.organisationId}
    or exists (select 1 from signal_followers sf where sf.signal_id = ${s.id} and sf.person_id = ${a.id})
    or ${member})`;
}

// ------------------------------------------------------------------ overleg (issue 19)
// An overleg belongs to a keten. Its members (the chair and the people named) and the keten's
// regisseur run it; the deputy regisseur runs it only while set as stand-in. The keten's
// organisations and the organisations named as members read it; nobody else learns it exists.
// The verbeterregister of a keten follows the same rule over all overleggen of that keten.

export type RegieFacts = { ketenId: number; deputyId: number | null; standIn: boolean };
export type OverlegFacts = RegieFacts & { chairId: number | null; personIds: number[]; organisationIds: number[] };
/** For a register item: the people who are member or chair of any overleg of its keten, and of its EKO. */
export type RegisterFacts = RegieFacts & { overlegPersonIds: number[]; ekoPersonIds: number[] };

/** The regisseur of the keten, or the deputy while set as stand-in. */
export function actsAsRegisseur(a: Actor, r: RegieFacts): boolean {
  return a.regisseurOfKetenIds.includes(r.ketenId) || isStandingIn(a, r);
}

/** The deputy acting for the regisseur right now (acts are logged in both names). */
export function isStandingIn(a: Actor, r: RegieFacts): boolean {
  return r.standIn && r.deputyId === a.id && !a.regisseurOfKetenIds.includes(r.ketenId);
}

export function canEditOverleg(a: Actor, o: OverlegFacts): boolean {
  return actsAsRegisseur(a, o) || o.chairId === a.id || o.personIds.includes(a.id);
}

export function canReadOverleg(a: Actor, o: OverlegFacts): boolean {
  if (canEditOverleg(a, o) || o.deputyId === a.id) return true;
  return a.memberKetenIds.includes(o.ketenId) || o.organisationIds.includes(a.organisationId);
}

export function canEditRegister(a: Actor, r: RegisterFacts): boolean {
  return actsAsRegisseur(a, r) || r.overlegPersonIds.includes(a.id);
}

/** The priority of a verbeterpunt is the EKO's call: its chair and members, and the regisseur. */
export function canPrioritiseRegister(a: Actor, r: RegisterFacts): boolean {
  return actsAsRegisseur(a, r) || r.ekoPersonIds.includes(a.id);
}

export function canReadRegister(a: Actor, r: RegisterFacts): boolean {
  return canEditRegister(a, r) || r.deputyId === a.id || a.memberKetenIds.includes(r.ketenId);
}

/**
 * Setting up an overleg (name, kind, chair, rhythm, members): the keten's regisseur, the deputy
 * while stand-in, the chair, or a beheerder; ordinary members run meetings but not the overleg.
 */
export function canManageOverleg(a: Actor, o: RegieFacts & { chairId: number | null }): boolean {
  return actsAsRegisseur(a, o) || o.chairId === a.id || has(a, "beheerder");
}

/** A new overleg in a keten: its regie (regisseur, stand-in) or a beheerder. */
export const canCreateOverleg = (a: Actor, r: RegieFacts) => actsAsRegisseur(a, r) || has(a, "beheerder");

/** The regie of the keten (regisseur or deputy as stand-in) sets the roles table and the stand-in. */
export const canEditKetenRoles = (a: Actor, r: RegieFacts) => actsAsRegisseur(a, r) || has(a, "beheerder");
/** Switching the stand-in on or off: the regisseur (or a beheerder), never the deputy. */
export const canSetStandIn = (a: Actor, r: RegieFacts) => a.regisseurOfKetenIds.includes(r.ketenId) || has(a, "beheerder");

/** actsAsRegisseur as a condition on a keten id column. */
function regieCondition(a: Actor, ketenId: SQL): SQL {
  return sql`(${inList(ketenId, a.regisseurOfKetenIds)} or exists (select 1 from keten_regie kr where kr.keten_id = ${ketenId} and kr.stand_in = 1 and kr.deputy_id = ${a.id}))`;
}
const deputyCondition = (a: Actor, ketenId: SQL) => sql`exists (select 1 from keten_regie kr2 where kr2.keten_id = ${ketenId} and kr2.deputy_id = ${a.id})`;

/** canEditOverleg as a WHERE condition on `overleggen`. */
export function editableOverlegCondition(a: Actor): SQL {
  const o = schema.overleggen;
  return sql`(${regieCondition(a, sql`${o.ketenId}`)} or ${o.chairId} = ${a.id}
    or exists (select 1 from overleg_people op where op.overleg_id = ${o.id} and op.person_id = ${a.id}))`;
}

/** canReadOverleg as a WHERE condition on `overleggen`. */
export function readableOverlegCondition(a: Actor): SQL {
  const o = schema.overleggen;
  return sql`(${editableOverlegCondition(a)} or ${deputyCondition(a, sql`${o.ketenId}`)} or ${inList(sql`${o.ketenId}`, a.memberKetenIds)}
    or exists (select 1 from overleg_organisations oo where oo.overleg_id = ${o.id} and oo.organisation_id = ${a.organisationId}))`;
}

/** canManageOverleg as a WHERE condition on `overleggen`. */
export function manageableOverlegCondition(a: Actor): SQL {
  const o = schema.overleggen;
  if (has(a, "beheerder")) return TRUE;
  return sql`(${regieCondition(a, sql`${o.ketenId}`)} or ${o.chairId} = ${a.id})`;
}

/** canEditRegister as a condition on a keten id column (register items, the register page). */
export function editableRegisterCondition(a: Actor, ketenId: SQL = sql`${schema.registerItems.ketenId}`): SQL {
  return sql`(${regieCondition(a, ketenId)} or exists (select 1 from overleggen o2 where o2.keten_id = ${ketenId}
    and (o2.chair_id = ${a.id} or exists (select 1 from overleg_people op2 where op2.overleg_id = o2.id and op2.person_id = ${a.id}))))`;
}

/** canReadRegister as a WHERE condition on `register_items`. */
export function readableRegisterCondition(a: Actor, ketenId: SQL = sql`${schema.registerItems.ketenId}`): SQL {
  return sql`(${editableRegisterCondition(a, ketenId)} or ${deputyCondition(a, ketenId)} or ${inList(ketenId, a.memberKetenIds)})`;
}

// ------------------------------------------------------------------ register of opdrachten (issue 13)
// One register of the broad assignment, its aanvullende opdrachten and the information
// requests. The municipality and the wijkteams read all of it (the point is overview of what
// is asked of the teams); a ketenpartner reads only the items its organisation carries out.
// The contractmanager (the afdeling that holds the contracts) checks new requests against the
// broad assignment; the requester (owner), the creator and the regisseurs of the item's
// ketens run the item.

export type OpdrachtFacts = {
  ownerId: number;
  createdById: number | null;
  ketenIds: number[];
  /** The organisations that carry the item out. */
  carrierOrganisationIds: number[];
  /** The organisation of the contractmanager (null: none configured). */
  toetsOrganisationId: number | null;
};

export function canReadOpdracht(a: Actor, o: Pick<OpdrachtFacts, "carrierOrganisationIds">): boolean {
  if (!isPartner(a)) return true;
  return o.carrierOrganisationIds.includes(a.organisationId);
}

/** Registering a request: the municipality's regisseurs and redacteuren (incl. the contractmanager). */
export function canCreateOpdracht(a: Actor): boolean {
  return isMunicipal(a) && (has(a, "regisseur") || has(a, "redacteur"));
}

export function canManageOpdracht(a: Actor, o: OpdrachtFacts): boolean {
  if (isPartner(a)) return false;
  return a.id === o.ownerId || a.id === o.createdById || o.ketenIds.some((k) => a.regisseurOfKetenIds.includes(k));
}

/** The toets against the broad assignment: the contractmanager, i.e. a non-lezer of that afdeling. */
export function canToetsOpdracht(a: Actor, o: Pick<OpdrachtFacts, "toetsOrganisationId">): boolean {
  return o.toetsOrganisationId != null && a.organisationId === o.toetsOrganisationId && !has(a, "lezer");
}

/** canReadOpdracht as a WHERE condition on `opdrachten`. */
export function readableOpdrachtCondition(a: Actor): SQL {
  if (!isPartner(a)) return TRUE;
  return sql`exists (select 1 from opdracht_organisations oo where oo.opdracht_id = ${schema.opdrachten.id} and oo.organisation_id = ${a.organisationId})`;
}
