// Guarded publishing of binding documents (issue 12). A binding text (visie, werkafspraken,
// opdracht) changes outside a wijzigingsvoorstel only by its owner, who says what the change
// is: redactioneel (published and announced to the keten's organisations with the redline;
// any of them can answer "dit is inhoudelijk" within five working days) or inhoudelijk (the
// page starts a proposal from the draft). Other editors offer the draft to the owner, who
// publishes it, sends it back with a remark, or turns it into a proposal. Overig keeps the
// plain publish of versions.server.ts. Every step is audited.
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import { getRoomLexicalState, replaceRoomContent, type Tx } from "~/collab/index.server";
import { docRoom, proposalRoom } from "~/shared/collab";
import { formatIsoDateNl } from "~/shared/dates";
import { isBindingKind, OBJECTION_WORKING_DAYS, type ChangeKind } from "~/shared/documents";
import { addWorkingDays } from "~/shared/working-days";
import { nowIso, today } from "~/utils/clock.server";
import type { Actor } from "../actor.server";
import { audit } from "../audit.server";
import { badRequest, conflict, forbidden, notFound } from "../errors";
import { notify } from "../notify.server";
import { followersOf } from "../follows-store.server";
import { canDecideOffer, canObjectToVersion, canOfferForPublication, isDocumentOwner, ownedDocumentCondition } from "../policy.server";
import { createProposal } from "../consultation/proposals.server";
import { documentById, type DocumentRow } from "./documents.server";
import { diffDocuments, diffStats } from "./diff";
import { redlineText } from "./redline-text";
import { assertNoRunningProposal, runningProposalOn } from "./guard.server";
import { documentOwnerIds, ketenAudienceIds } from "./audience.server";
import { assertCanPublish, getCurrentVersion, getVersion, publishVersion, type PublishedVersion } from "./versions.server";

export const REMARK_MAX = 1000;
export const REASON_MAX = 1000;

function requireDocument(documentId: number): DocumentRow {
  const doc = documentById(documentId);
  if (!doc) throw notFound("Dit document bestaat niet (meer).");
  return doc;
}

export type PublishOutcome = { kind: "published"; version: PublishedVersion } | { kind: "proposal" };

/**
 * The owner publishes the draft. Binding kinds with a version in force need the owner's
 * answer: redactioneel publishes and announces; inhoudelijk publishes nothing and sends the
 * owner to start a proposal from the draft. Refusals: 403 (not the owner), 409 (a proposal
 * runs), 400 (no choice made).
 */
export function publishDraft(input: { actor: Actor; documentId: number; summary: string; change?: ChangeKind | null }): PublishOutcome {
  const doc = requireDocument(input.documentId);
  if (!isBindingKind(doc.kind) || doc.currentVersionId == null) {
    return { kind: "published", version: publishVersion({ actor: input.actor, documentId: doc.id, summary: input.summary }) };
  }
  assertCanPublish(input.actor, doc);
  assertNoRunningProposal(doc.id);
  if (!input.change) {
    throw badRequest("Zeg eerst wat voor wijziging dit is.", { change: "Kies redactioneel of inhoudelijk." });
  }
  if (input.change === "inhoudelijk") return { kind: "proposal" };
  const before = getCurrentVersion(doc.id);
  const version = getDb().transaction((tx) => {
    const v = publishVersion({ actor: input.actor, documentId: doc.id, summary: input.summary }, tx);
    announceEditorial(tx, { actor: input.actor, doc, version: v, previousLexicalJson: before?.lexicalJson ?? null, summary: input.summary.trim() });
    return v;
  });
  return { kind: "published", version };
}

/** Record a version as redactioneel and tell the keten's organisations, with the redline. */
function announceEditorial(
  tx: Tx,
  input: { actor: Actor; doc: DocumentRow; version: PublishedVersion; previousLexicalJson: string | null; summary: string },
): void {
  const { doc, version } = input;
  const until = addWorkingDays(today(), OBJECTION_WORKING_DAYS);
  tx.insert(schema.editorialVersions).values({ versionId: version.id, documentId: doc.id, objectionUntil: until, announcedAt: nowIso() }).run();
  audit({ actorId: input.actor.id, action: "document.publish_editorial", entityType: "document", entityId: doc.id, after: { number: version.number, objectionUntil: until } }, tx);
  const current = tx.select({ lexicalJson: schema.documentVersions.lexicalJson }).from(schema.documentVersions).where(eq(schema.documentVersions.id, version.id)).get();
  const redline = input.previousLexicalJson && current ? redlineText(diffDocuments(input.previousLexicalJson, current.lexicalJson)) : "";
  // The keten's organisations and whoever follows the document (notify() checks read access).
  const audience = [...new Set([...ketenAudienceIds(doc, tx), ...followersOf(tx, "document", doc.id)])].filter((id) => id !== input.actor.id);
  notify(tx, audience, {
    kind: "document_editorial",
    title: `Redactionele wijziging: ${doc.title} (versie ${version.number})`,
    body: `${input.actor.name} (${input.actor.organisationName}) publiceerde versie ${version.number} van ${doc.title} als redactionele wijziging: "${input.summary}". Volgens de eigenaar verandert er niets in wat iemand moet doen.\n\nWat er veranderde:\n${redline || "(geen verschil in de tekst)"}\n\nIs dit volgens u toch inhoudelijk? Laat het tot en met ${formatIsoDateNl(until)} weten op de versiepagina, met uw reden. De eigenaar krijgt uw reactie.`,
    link: `/documenten/${doc.slug}/versies/${version.number}`,
  });
}

// ------------------------------------------------------------------ offers

/** A redacteur who is not the owner offers the current draft; the owner is told. */
export function offerDraft(input: { actor: Actor; documentId: number; summary: string }): { offerId: number } {
  const doc = requireDocument(input.documentId);
  if (!canOfferForPublication(input.actor, doc)) {
    throw forbidden(
      isDocumentOwner(input.actor, doc)
        ? "U bent de eigenaar van dit document; u publiceert zelf."
        : "Alleen redacteuren die dit document bewerken, bieden een concept ter publicatie aan.",
    );
  }
  assertNoRunningProposal(doc.id);
  const summary = input.summary.trim();
  if (!summary) throw badRequest("Vul in wat er is veranderd.", { summary: "Samenvatting van de wijziging is verplicht." });
  const lexicalJson = getRoomLexicalState(docRoom(doc.id));
  const current = getCurrentVersion(doc.id);
  if (current && diffStats(diffDocuments(current.lexicalJson, lexicalJson)).changedBlocks === 0) {
    throw conflict("Het concept is gelijk aan de geldende versie; er is niets om aan te bieden.");
  }
  return getDb().transaction((tx) => {
    const row = tx
      .insert(schema.publicationOffers)
      .values({ documentId: doc.id, offeredById: input.actor.id, summary, lexicalJson, baseVersionId: current?.id ?? null, createdAt: nowIso() })
      .returning({ id: schema.publicationOffers.id })
      .get();
    audit({ actorId: input.actor.id, action: "document.offer", entityType: "document", entityId: doc.id, after: { offerId: row.id, summary } }, tx);
    notify(tx, documentOwnerIds(doc, tx), {
      kind: "document_offer",
      title: `Ter publicatie aangeboden: ${doc.title}`,
      body: `${input.actor.name} (${input.actor.organisationName}) biedt het concept van ${doc.title} ter publicatie aan: "${summary}". Bekijk de wijzigingen en publiceer, stuur terug of maak er een wijzigingsvoorstel van.`,
      link: `/documenten/${doc.slug}/aanbod/${row.id}`,
    });
    return { offerId: row.id };
  });
}

function loadOffer(offerId: number) {
  return getDb().select().from(schema.publicationOffers).where(eq(schema.publicationOffers.id, offerId)).get() ?? null;
}

/** The offer page: the owner and the offerer see it (others: 404, as if it does not exist). */
export function offerPage(input: { actor: Actor; slug: string; offerId: number }) {
  const offer = loadOffer(input.offerId);
  const doc = offer ? documentById(offer.documentId) : null;
  if (!offer || !doc || doc.slug !== input.slug || !(canDecideOffer(input.actor, doc) || offer.offeredById === input.actor.id)) {
    throw notFound("Dit aanbod bestaat niet (meer).");
  }
  const current = getCurrentVersion(doc.id);
  const offeredBy = getDb()
    .select({ name: schema.people.name, organisation: schema.organisations.name })
    .from(schema.people)
    .innerJoin(schema.organisations, eq(schema.people.organisationId, schema.organisations.id))
    .where(eq(schema.people.id, offer.offeredById))
    .get();
  const blocks = current ? diffDocuments(current.lexicalJson, offer.lexicalJson) : diffDocuments(JSON.stringify({ root: { children: [] } }), offer.lexicalJson);
  return {
    document: { id: doc.id, slug: doc.slug, title: doc.title },
    offer: { id: offer.id, summary: offer.summary, status: offer.status, remark: offer.remark, createdAt: offer.createdAt, offeredBy: offeredBy ?? null, proposalId: offer.proposalId },
    currentNumber: current?.number ?? null,
    blocks,
    stats: diffStats(blocks),
    canDecide: canDecideOffer(input.actor, doc) && offer.status === "aangeboden",
  };
}

type Decision = { decision: "publish" } | { decision: "return"; remark: string } | { decision: "proposal"; title: string };

/** The owner decides on an offer. Returns where to go next. */
export function decideOffer(input: { actor: Actor; offerId: number } & Decision): { documentSlug: string; versionNumber?: number; proposalId?: number } {
  const offer = loadOffer(input.offerId);
  const doc = offer ? documentById(offer.documentId) : null;
  if (!offer || !doc) throw notFound("Dit aanbod bestaat niet (meer).");
  if (!canDecideOffer(input.actor, doc)) throw forbidden("Alleen de eigenaar van het document beslist over een aanbod.");
  if (offer.status !== "aangeboden") throw conflict("Over dit aanbod is al beslist.");
  const tell = (tx: Tx, title: string, body: string) =>
    notify(tx, [offer.offeredById], { kind: "document_offer_decided", title, body, link: `/documenten/${doc.slug}/aanbod/${offer.id}` });
  const decided = { decidedById: input.actor.id, decidedAt: nowIso() };

  if (input.decision === "return") {
    const remark = input.remark.trim();
    if (!remark) throw badRequest("Schrijf erbij waarom u het aanbod terugstuurt.", { remark: "Opmerking is verplicht." });
    getDb().transaction((tx) => {
      tx.update(schema.publicationOffers).set({ status: "teruggestuurd", remark, ...decided }).where(eq(schema.publicationOffers.id, offer.id)).run();
      audit({ actorId: input.actor.id, action: "document.offer_return", entityType: "document", entityId: doc.id, after: { offerId: offer.id, remark } }, tx);
      tell(tx, `Teruggestuurd: ${doc.title}`, `${input.actor.name} stuurde uw aanbod "${offer.summary}" terug met deze opmerking:\n\n${remark}`);
    });
    return { documentSlug: doc.slug };
  }
  if (input.decision === "proposal") {
    const { id } = startProposalFromText({ actor: input.actor, documentId: doc.id, title: input.title, lexicalJson: offer.lexicalJson });
    getDb().transaction((tx) => {
      tx.update(schema.publicationOffers).set({ status: "voorstel", proposalId: id, ...decided }).where(eq(schema.publicationOffers.id, offer.id)).run();
      audit({ actorId: input.actor.id, action: "document.offer_to_proposal", entityType: "document", entityId: doc.id, after: { offerId: offer.id, proposalId: id } }, tx);
      tell(tx, `Wijzigingsvoorstel gestart: ${doc.title}`, `${input.actor.name} maakte van uw aanbod "${offer.summary}" een wijzigingsvoorstel; de organisaties van de keten worden daarover geconsulteerd.`);
    });
    return { documentSlug: doc.slug, proposalId: id };
  }
  assertNoRunningProposal(doc.id);
  const before = getCurrentVersion(doc.id);
  const version = getDb().transaction((tx) => {
    const v = publishVersion({ actor: input.actor, documentId: doc.id, summary: offer.summary, lexicalJson: offer.lexicalJson, draft: "keep" }, tx);
    tx.update(schema.publicationOffers).set({ status: "gepubliceerd", resultVersionId: v.id, ...decided }).where(eq(schema.publicationOffers.id, offer.id)).run();
    audit({ actorId: input.actor.id, action: "document.offer_publish", entityType: "document", entityId: doc.id, after: { offerId: offer.id, number: v.number } }, tx);
    if (before) announceEditorial(tx, { actor: input.actor, doc, version: v, previousLexicalJson: before.lexicalJson, summary: offer.summary });
    tell(tx, `Gepubliceerd: ${doc.title}`, `${input.actor.name} publiceerde uw aanbod "${offer.summary}" als versie ${v.number}.`);
    return v;
  });
  return { documentSlug: doc.slug, versionNumber: version.number };
}

/** Start a wijzigingsvoorstel whose proposed text is the given text (the draft, or an offer). */
export function startProposalFromText(input: { actor: Actor; documentId: number; title: string; lexicalJson?: string }): { id: number } {
  const doc = requireDocument(input.documentId);
  const title = input.title.trim();
  if (!title) throw badRequest("Geef het wijzigingsvoorstel een titel.", { title: "Titel is verplicht." });
  const lexicalJson = input.lexicalJson ?? getRoomLexicalState(docRoom(doc.id));
  const created = createProposal({ actor: input.actor, documentSlug: doc.slug, title });
  getDb().transaction((tx) => {
    replaceRoomContent(proposalRoom(created.id), lexicalJson, { personId: input.actor.id });
    audit({ actorId: input.actor.id, action: "proposal.from_draft", entityType: "proposal", entityId: created.id, after: { documentId: doc.id } }, tx);
  });
  return created;
}

/** Pending offers on documents this person owns, for the start page and the editor page. */
export function pendingOffersFor(actor: Actor, documentId?: number) {
  return getDb()
    .select({
      id: schema.publicationOffers.id,
      summary: schema.publicationOffers.summary,
      createdAt: schema.publicationOffers.createdAt,
      documentSlug: schema.documents.slug,
      documentTitle: schema.documents.title,
      offeredByName: schema.people.name,
    })
    .from(schema.publicationOffers)
    .innerJoin(schema.documents, eq(schema.publicationOffers.documentId, schema.documents.id))
    .innerJoin(schema.people, eq(schema.publicationOffers.offeredById, schema.people.id))
    .where(
      and(
        eq(schema.publicationOffers.status, "aangeboden"),
        ownedDocumentCondition(actor),
        documentId ? eq(schema.publicationOffers.documentId, documentId) : undefined,
      ),
    )
    .orderBy(asc(schema.publicationOffers.createdAt))
    .all();
}

/** The offerer's own offers on a document (latest first), so they see what became of them. */
export function myOffers(actor: Actor, documentId: number) {
  return getDb()
    .select({ id: schema.publicationOffers.id, summary: schema.publicationOffers.summary, status: schema.publicationOffers.status, remark: schema.publicationOffers.remark, createdAt: schema.publicationOffers.createdAt })
    .from(schema.publicationOffers)
    .where(and(eq(schema.publicationOffers.offeredById, actor.id), eq(schema.publicationOffers.documentId, documentId)))
    .orderBy(desc(schema.publicationOffers.id))
    .limit(5)
    .all();
}

// ------------------------------------------------------------------ "dit is inhoudelijk"

/** The editorial facts of a version and its objections, for the version page. */
export function editorialOf(actor: Actor, doc: DocumentRow, versionId: number) {
  const db = getDb();
  const ed = db.select().from(schema.editorialVersions).where(eq(schema.editorialVersions.versionId, versionId)).get();
  if (!ed) return null;
  const objections = db
    .select({ id: schema.versionObjections.id, reason: schema.versionObjections.reason, createdAt: schema.versionObjections.createdAt, personName: schema.people.name, organisation: schema.organisations.name })
    .from(schema.versionObjections)
    .innerJoin(schema.people, eq(schema.versionObjections.personId, schema.people.id))
    .innerJoin(schema.organisations, eq(schema.versionObjections.organisationId, schema.organisations.id))
    .where(eq(schema.versionObjections.versionId, versionId))
    .orderBy(asc(schema.versionObjections.id))
    .all();
  const open = today() <= ed.objectionUntil;
  return { objectionUntil: ed.objectionUntil, open, objections, canObject: open && canObjectToVersion(actor, doc) };
}

export function objectToVersion(input: { actor: Actor; documentId: number; number: number; reason: string }): { id: number } {
  const doc = requireDocument(input.documentId);
  const version = getVersion(doc.id, input.number);
  if (!version) throw notFound("Deze versie bestaat niet.");
  const db = getDb();
  const ed = db.select().from(schema.editorialVersions).where(eq(schema.editorialVersions.versionId, version.id)).get();
  if (!ed) throw conflict("Deze versie is niet als redactionele wijziging gepubliceerd.");
  if (!canObjectToVersion(input.actor, doc)) throw forbidden("Alleen de organisaties van de keten van dit document kunnen hierop reageren.");
  if (today() > ed.objectionUntil) throw conflict(`Reageren kan niet meer: dat kon tot en met ${formatIsoDateNl(ed.objectionUntil)}.`);
  const reason = input.reason.trim();
  if (!reason) throw badRequest("Schrijf erbij waarom dit volgens u inhoudelijk is.", { reason: "Reden is verplicht." });
  return db.transaction((tx) => {
    const row = tx
      .insert(schema.versionObjections)
      .values({ versionId: version.id, personId: input.actor.id, organisationId: input.actor.organisationId, reason, createdAt: nowIso() })
      .returning({ id: schema.versionObjections.id })
      .get();
    audit({ actorId: input.actor.id, action: "document.objection", entityType: "document", entityId: doc.id, after: { number: version.number, reason } }, tx);
    notify(tx, documentOwnerIds(doc, tx), {
      kind: "document_objection",
      title: `"Dit is inhoudelijk": ${doc.title} versie ${version.number}`,
      body: `${input.actor.name} (${input.actor.organisationName}) vindt dat versie ${version.number} geen redactionele wijziging is, maar een inhoudelijke:\n\n${reason}\n\nOverweeg een wijzigingsvoorstel, zodat de organisaties van de keten worden geconsulteerd.`,
      link: `/documenten/${doc.slug}/versies/${version.number}`,
    });
    return { id: row.id };
  });
}

/** Which of these versions were published as redactioneel (for the version list). */
export function editorialVersionIds(versionIds: number[]): Set<number> {
  if (!versionIds.length) return new Set();
  return new Set(
    getDb()
      .select({ id: schema.editorialVersions.versionId })
      .from(schema.editorialVersions)
      .where(inArray(schema.editorialVersions.versionId, versionIds))
      .all()
      .map((r) => r.id),
  );
}

/** What the editor page offers this person under the editor: publish, offer, or why not. */
export function publishPanelFor(actor: Actor, doc: DocumentRow) {
  const running = runningProposalOn(doc.id);
  const owner = isDocumentOwner(actor, doc);
  const binding = isBindingKind(doc.kind);
  const mode: "plain" | "owner" | "offer" | "none" = !binding
    ? "plain"
    : owner
      ? doc.currentVersionId == null
        ? "plain"
        : "owner"
      : canOfferForPublication(actor, doc)
        ? "offer"
        : "none";
  return {
    mode,
    binding,
    running: binding || mode === "plain" ? running : null,
    pendingOffers: owner ? pendingOffersFor(actor, doc.id) : [],
    myOffers: mode === "offer" ? myOffers(actor, doc.id) : [],
  };
}
