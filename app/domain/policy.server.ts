// The one place where access is decided. Routes, the collaboration server, search and the
// scheduler all ask these functions; nothing else decides who may see or do what.
import type { Actor } from "./actor.server";
import { forbidden } from "./errors";

export type DocumentFacts = { ketenId: number | null };
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
export const canPublish = canEditDocument;
export const canRestoreVersion = isDocumentOwner;

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
 * A concept is visible to the document's editors only. Once consultation opens the editors,
 * the municipality (integral overview) and the invited organisations read it. Ketenpartners
 * read nothing they were not invited to.
 */
export function canReadProposal(a: Actor, p: ProposalFacts): boolean {
  if (canEditDocument(a, p.document) || p.createdById === a.id) return true;
  if (p.status === "concept") return false;
  if (isInvited(a, p)) return true;
  return isMunicipal(a);
}

export function canCommentOnProposal(a: Actor, p: ProposalFacts): boolean {
  return p.status === "in_consultatie" && (isInvited(a, p) || canEditDocument(a, p.document));
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

export function canHandleSignal(a: Actor, s: SignalFacts): boolean {
  return isSignalOwner(a, s);
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
