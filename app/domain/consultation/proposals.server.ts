// Starting and shaping a wijzigingsvoorstel: the proposal itself, its waarom and visie link,
// the affected organisations and the timeline (every date change kept and announced).
import { and, asc, desc, eq, inArray, ne } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import { nowIso, today } from "~/utils/clock.server";
import type { Actor } from "../actor.server";
import { audit } from "../audit.server";
import { badRequest, conflict, forbidden, notFound } from "../errors";
import { notify } from "../notify.server";
import { canManageProposal, readableProposalCondition } from "../policy.server";
import { enqueueSearch } from "../search-outbox.server";
import { loadProposal, requireManageable, type Tx } from "./access.server";
import { proposalCalendar } from "./calendar.server";
import { formatIsoDateNl } from "~/shared/dates";
import { DATE_FIELDS, DATE_LABELS, DATE_SHORT_LABELS, isMovable, timelineErrors, type DateField, type Timeline } from "~/shared/proposal-dates";
import { IMPACT_NOTE_MAX } from "./forms";
import { audienceOf, inviteOrganisations } from "./invitations.server";
import { OPEN_STATUSES, STATUS_LABELS, type ProposalStatus } from "~/shared/proposals";
import { assertNoClientData } from "../privacy.server";
import { resolveUnknownDates } from "./unknown-dates.server";

// ------------------------------------------------------------------ create

export function createProposal(input: { actor: Actor; documentSlug: string; title: string }): { id: number } {
  const db = getDb();
  const doc = db
    .select({ id: schema.documents.id, title: schema.documents.title, ketenId: schema.documents.ketenId, currentVersionId: schema.documents.currentVersionId })
    .from(schema.documents)
    .where(eq(schema.documents.slug, input.documentSlug))
    .get();
  if (!doc) throw notFound("Dit document bestaat niet.");
  if (!canManageProposal(input.actor, { document: { ketenId: doc.ketenId } })) {
    throw forbidden("Alleen de regisseur van de keten van dit document kan een wijzigingsvoorstel starten.");
  }
  assertNoClientData({ title: input.title }, "voorstel");
  if (!doc.currentVersionId) {
    throw conflict("Dit document heeft nog geen gepubliceerde versie. Een wijzigingsvoorstel gaat altijd uit van de geldende tekst.");
  }
  const running = db
    .select({ id: schema.proposals.id, title: schema.proposals.title })
    .from(schema.proposals)
    .where(and(eq(schema.proposals.documentId, doc.id), inArray(schema.proposals.status, [...OPEN_STATUSES])))
    .get();
  if (running) {
    throw conflict(
      `Voor dit document loopt al een wijzigingsvoorstel: "${running.title}". Rond dat eerst af of trek het in, zodat er één geldende lezing van de tekst blijft.`,
    );
  }
  const visie = db
    .select({ id: schema.documents.id })
    .from(schema.documents)
    .where(eq(schema.documents.kind, "visie"))
    .orderBy(asc(schema.documents.id))
    .get();
  return db.transaction((tx) => {
    const at = nowIso();
    const row = tx
      .insert(schema.proposals)
      .values({
        documentId: doc.id,
        title: input.title,
        baseVersionId: doc.currentVersionId,
        visieDocumentId: visie?.id ?? null,
        createdById: input.actor.id,
        createdAt: at,
        updatedAt: at,
      })
      .returning({ id: schema.proposals.id })
      .get();
    tx.insert(schema.proposalTransitions).values({ proposalId: row.id, fromStatus: null, toStatus: "concept", byId: input.actor.id, at }).run();
    audit({ actorId: input.actor.id, action: "proposal.create", entityType: "proposal", entityId: row.id, after: { title: input.title, document: doc.title } }, tx);
    enqueueSearch(tx, "proposal", row.id);
    return { id: row.id };
  });
}

/** Documents on which this person may start a proposal (with the one already running, if any). */
export function documentsForNewProposal(actor: Actor) {
  const db = getDb();
  const docs = db
    .select({ id: schema.documents.id, slug: schema.documents.slug, title: schema.documents.title, ketenId: schema.documents.ketenId, currentVersionId: schema.documents.currentVersionId })
    .from(schema.documents)
    .where(ne(schema.documents.status, "gearchiveerd"))
    .orderBy(asc(schema.documents.title))
    .all();
  const running = db
    .select({ documentId: schema.proposals.documentId, id: schema.proposals.id, title: schema.proposals.title })
    .from(schema.proposals)
    .where(inArray(schema.proposals.status, [...OPEN_STATUSES]))
    .all();
  return docs
    .filter((d) => canManageProposal(actor, { document: { ketenId: d.ketenId } }))
    .map((d) => ({
      slug: d.slug,
      title: d.title,
      published: d.currentVersionId != null,
      running: running.find((r) => r.documentId === d.id) ?? null,
    }));
}

// ------------------------------------------------------------------ list

export type ProposalListItem = {
  id: number;
  title: string;
  status: ProposalStatus;
  statusLabel: string;
  documentTitle: string;
  documentSlug: string;
  consultationCloses: string | null;
  decisionPlanned: string | null;
  effectiveDate: string | null;
  evaluationDate: string | null;
  invited: boolean;
  responded: boolean;
};

/** Every proposal this person may read, newest first. */
export function listProposals(input: { actor: Actor; status?: ProposalStatus | null; documentSlug?: string | null }): ProposalListItem[] {
  const db = getDb();
  const rows = db
    .select({
      id: schema.proposals.id,
      title: schema.proposals.title,
      status: schema.proposals.status,
      createdById: schema.proposals.createdById,
      consultationCloses: schema.proposals.consultationCloses,
      decisionPlanned: schema.proposals.decisionPlanned,
      effectiveDate: schema.proposals.effectiveDate,
      evaluationDate: schema.proposals.evaluationDate,
      documentTitle: schema.documents.title,
      documentSlug: schema.documents.slug,
      ketenId: schema.documents.ketenId,
    })
    .from(schema.proposals)
    .innerJoin(schema.documents, eq(schema.proposals.documentId, schema.documents.id))
    .where(
      and(
        readableProposalCondition(input.actor),
        input.status ? eq(schema.proposals.status, input.status) : undefined,
        input.documentSlug ? eq(schema.documents.slug, input.documentSlug) : undefined,
      ),
    )
    .orderBy(desc(schema.proposals.id))
    .all();
  const mine = db
    .select({ proposalId: schema.proposalInvitations.proposalId, respondedAt: schema.proposalInvitations.respondedAt })
    .from(schema.proposalInvitations)
    .where(eq(schema.proposalInvitations.personId, input.actor.id))
    .all();
  return rows
    .map((r) => {
      const invitation = mine.find((m) => m.proposalId === r.id);
      return {
        id: r.id,
        title: r.title,
        status: r.status,
        statusLabel: STATUS_LABELS[r.status],
        documentTitle: r.documentTitle,
        documentSlug: r.documentSlug,
        consultationCloses: r.consultationCloses,
        decisionPlanned: r.decisionPlanned,
        effectiveDate: r.effectiveDate,
        evaluationDate: r.evaluationDate,
        invited: !!invitation,
        responded: !!invitation?.respondedAt,
      };
    });
}

/** For the start page: proposals this person was invited to that still ask something of them. */
export function invitationsFor(actor: Actor) {
  return listProposals({ actor })
    .filter((p) => p.invited && (p.status === "in_consultatie" || p.status === "in_besluitvorming" || p.status === "vastgesteld" || p.status === "van_kracht"))
    .map((p) => ({
      id: p.id,
      title: p.title,
      status: p.status,
      statusLabel: p.statusLabel,
      documentTitle: p.documentTitle,
      consultationCloses: p.consultationCloses,
      effectiveDate: p.effectiveDate,
      responded: p.responded,
    }));
}

// ------------------------------------------------------------------ details

const FROZEN: readonly ProposalStatus[] = ["vastgesteld", "van_kracht", "geevalueerd", "ingetrokken"];

function assertNotFrozen(status: ProposalStatus, what: string) {
  if (FROZEN.includes(status)) throw conflict(`${what} kan niet meer worden gewijzigd: het voorstel is ${STATUS_LABELS[status].toLowerCase()}.`);
}

export function updateDetails(input: { actor: Actor; id: number; title: string; waarom: string; visieAnchor: string }): void {
  const p = requireManageable(input.actor, input.id);
  assertNoClientData({ title: input.title, waarom: input.waarom }, "voorstel");
  assertNotFrozen(p.row.status, "De toelichting");
  if (p.row.status !== "concept" && !input.waarom) {
    throw badRequest("Een voorstel in consultatie houdt een waarom.", { waarom: "Waarom is verplicht zodra de consultatie open is." });
  }
  if (p.row.status !== "concept" && !input.visieAnchor) {
    throw badRequest("Een voorstel in consultatie houdt een verwijzing naar de visie.", { visieAnchor: "Kies de passage uit de visie waar dit voorstel bij past." });
  }
  getDb().transaction((tx) => {
    tx.update(schema.proposals)
      .set({ title: input.title, waarom: input.waarom, visieAnchor: input.visieAnchor, updatedAt: nowIso() })
      .where(eq(schema.proposals.id, input.id))
      .run();
    audit(
      {
        actorId: input.actor.id,
        action: "proposal.details",
        entityType: "proposal",
        entityId: input.id,
        before: { title: p.row.title, waarom: p.row.waarom, visieAnchor: p.row.visieAnchor },
        after: { title: input.title, waarom: input.waarom, visieAnchor: input.visieAnchor },
      },
      tx,
    );
    enqueueSearch(tx, "proposal", input.id);
  });
}

/** The ## headings of the visie document, to link a proposal to a passage of it. */
export function visieSections(visieDocumentId: number | null): { id: number | null; slug: string | null; title: string | null; sections: string[] } {
  const db = getDb();
  const visie = visieDocumentId
    ? db
        .select({ id: schema.documents.id, slug: schema.documents.slug, title: schema.documents.title, currentVersionId: schema.documents.currentVersionId })
        .from(schema.documents)
        .where(eq(schema.documents.id, visieDocumentId))
        .get()
    : undefined;
  if (!visie?.currentVersionId) return { id: visie?.id ?? null, slug: visie?.slug ?? null, title: visie?.title ?? null, sections: [] };
  const version = db.select({ markdown: schema.documentVersions.markdown }).from(schema.documentVersions).where(eq(schema.documentVersions.id, visie.currentVersionId)).get();
  const sections = (version?.markdown ?? "")
    .split("\n")
    .map((l) => /^#{2,3}\s+(.+?)\s*$/.exec(l)?.[1])
    .filter((h): h is string => !!h)
    .map((h) => h.replace(/[*_`]/g, ""));
  return { id: visie.id, slug: visie.slug, title: visie.title, sections };
}

// ------------------------------------------------------------------ impact

/** All active organisations, the members of the document's keten first and marked as suggested. */
export function impactOptions(input: { ketenId: number | null }) {
  const db = getDb();
  const orgs = db
    .select({ id: schema.organisations.id, name: schema.organisations.name, kind: schema.organisations.kind, fictitious: schema.organisations.fictitious })
    .from(schema.organisations)
    .where(eq(schema.organisations.active, true))
    .orderBy(asc(schema.organisations.name))
    .all();
  const members = input.ketenId
    ? db.select({ id: schema.ketenMembers.organisationId }).from(schema.ketenMembers).where(eq(schema.ketenMembers.ketenId, input.ketenId)).all().map((m) => m.id)
    : [];
  const options = orgs.map((o) => ({ ...o, suggested: members.includes(o.id) && o.kind !== "gemeente" }));
  return [...options.filter((o) => o.suggested), ...options.filter((o) => !o.suggested)];
}

export function setImpacts(input: { actor: Actor; id: number; impacts: { organisationId: number; note: string }[] }): { invitedOrganisations: number } {
  const p = requireManageable(input.actor, input.id);
  assertNoClientData(Object.fromEntries(input.impacts.map((i) => [`note_${i.organisationId}`, i.note])), "voorstel");
  const status = p.row.status;
  assertNotFrozen(status, "De lijst van geraakte organisaties");
  const db = getDb();
  const wanted = new Map<number, string>();
  for (const i of input.impacts) wanted.set(i.organisationId, i.note);
  const fieldErrors: Record<string, string> = {};
  for (const [orgId, note] of wanted) {
    if (note.length > IMPACT_NOTE_MAX) fieldErrors[`note_${orgId}`] = `De toelichting mag maximaal ${IMPACT_NOTE_MAX} tekens lang zijn.`;
  }
  const ids = [...wanted.keys()];
  const existingOrgs = ids.length
    ? db.select({ id: schema.organisations.id, name: schema.organisations.name }).from(schema.organisations).where(and(inArray(schema.organisations.id, ids), eq(schema.organisations.active, true))).all()
    : [];
  if (existingOrgs.length !== ids.length) fieldErrors.organisations = "Kies alleen bestaande, actieve organisaties.";
  const current = new Set(p.facts.impactedOrganisationIds);
  const removed = [...current].filter((id) => !wanted.has(id));
  const added = ids.filter((id) => !current.has(id));
  if (status !== "concept" && removed.length) {
    fieldErrors.organisations =
      "Een organisatie die al is uitgenodigd, kan niet meer van de lijst. Zij houdt toegang tot het voorstel en haar reacties; pas zo nodig de toelichting aan.";
  }
  if (status === "in_besluitvorming" && added.length) {
    fieldErrors.organisations = "De consultatie is gesloten: een nieuwe organisatie kan niet meer reageren. Open de consultatie opnieuw om haar uit te nodigen.";
  }
  if (Object.keys(fieldErrors).length) throw badRequest("De lijst van geraakte organisaties is niet opgeslagen.", fieldErrors);

  return db.transaction((tx) => {
    for (const orgId of removed) {
      tx.delete(schema.proposalImpacts).where(and(eq(schema.proposalImpacts.proposalId, input.id), eq(schema.proposalImpacts.organisationId, orgId))).run();
    }
    for (const [orgId, note] of wanted) {
      tx.insert(schema.proposalImpacts)
        .values({ proposalId: input.id, organisationId: orgId, note })
        .onConflictDoUpdate({ target: [schema.proposalImpacts.proposalId, schema.proposalImpacts.organisationId], set: { note } })
        .run();
    }
    audit(
      { actorId: input.actor.id, action: "proposal.impact", entityType: "proposal", entityId: input.id, before: [...current], after: input.impacts },
      tx,
    );
    // Who may find the proposal in search depends on the organisations it names.
    enqueueSearch(tx, "proposal", input.id);
    if (status === "in_consultatie" && added.length) {
      const fresh = loadProposal(input.id, tx);
      if (fresh) inviteForOpenConsultation(tx, fresh.row, fresh.document.title, added);
    }
    return { invitedOrganisations: status === "in_consultatie" ? added.length : 0 };
  });
}

/** Invitation text per organisation: what this change means for them, by when to react. */
export function inviteForOpenConsultation(tx: Tx, row: typeof schema.proposals.$inferSelect, documentTitle: string, organisationIds: number[]): void {
  const notes = tx
    .select({ organisationId: schema.proposalImpacts.organisationId, note: schema.proposalImpacts.note, name: schema.organisations.name })
    .from(schema.proposalImpacts)
    .innerJoin(schema.organisations, eq(schema.proposalImpacts.organisationId, schema.organisations.id))
    .where(eq(schema.proposalImpacts.proposalId, row.id))
    .all();
  const ics = proposalCalendar(row, documentTitle, tx) ?? undefined;
  for (const orgId of organisationIds) {
    const impact = notes.find((n) => n.organisationId === orgId);
    const body = [
      `U bent uitgenodigd om te reageren op het wijzigingsvoorstel "${row.title}" voor ${documentTitle}.`,
      impact?.note ? `Wat verandert er voor ${impact.name}: ${impact.note}` : null,
      `Reageer uiterlijk ${formatIsoDateNl(row.consultationCloses)}. Besluit gepland: ${formatIsoDateNl(row.decisionPlanned)}. Beoogde ingangsdatum: ${formatIsoDateNl(row.effectiveDate)}.`,
      "U kunt reageren op een passage of op het voorstel als geheel. Elke reactie krijgt een antwoord in de reactienota. De bijlage zet de uiterste reactiedatum en de ingangsdatum in uw agenda.",
    ]
      .filter(Boolean)
      .join("\n\n");
    inviteOrganisations(tx, { proposalId: row.id, organisationIds: [orgId], title: `Uitnodiging consultatie: ${row.title}`, body, ics });
  }
}

// ------------------------------------------------------------------ timeline

export type DateInput = Partial<Record<DateField, string | null>>;

/**
 * Move dates. Every change after the concept stage needs a reason, is kept (old → new, who,
 * why) and is announced to everyone invited, with an updated calendar file.
 */
export function setDates(input: { actor: Actor; id: number; dates: DateInput; reason: string }): { changed: DateField[] } {
  const p = requireManageable(input.actor, input.id);
  assertNoClientData({ reason: input.reason }, "voorstel");
  const row = p.row;
  const status = row.status;
  const changes: { field: DateField; from: string | null; to: string | null }[] = [];
  const fieldErrors: Record<string, string> = {};
  for (const field of DATE_FIELDS) {
    if (!(field in input.dates)) continue;
    const to = input.dates[field] ?? null;
    const from = row[field] ?? null;
    if (to === from) continue;
    if (!isMovable(field, status)) {
      fieldErrors[field] = `${DATE_LABELS[field]} ligt vast: het voorstel is ${STATUS_LABELS[status].toLowerCase()}.`;
      continue;
    }
    if (status !== "concept") {
      if (to === null) fieldErrors[field] = `${DATE_LABELS[field]} kan niet meer leeg worden gemaakt; kies een nieuwe datum.`;
      else if (to < today()) fieldErrors[field] = `${DATE_LABELS[field]} kan niet naar een dag in het verleden worden verplaatst.`;
    }
    changes.push({ field, from, to });
  }
  if (status !== "concept" && changes.length && !input.reason) {
    fieldErrors.reason = "Geef een reden voor de nieuwe datum. Alle genodigden krijgen de wijziging met deze reden te zien.";
  }
  const original: Timeline = {
    consultationOpens: row.consultationOpens,
    consultationCloses: row.consultationCloses,
    decisionPlanned: row.decisionPlanned,
    effectiveDate: row.effectiveDate,
    evaluationDate: row.evaluationDate,
  };
  const merged: Timeline = { ...original };
  for (const c of changes) merged[c.field] = c.to;
  // Only report order problems that this change introduces; history is not re-judged.
  const before = timelineErrors(original);
  for (const [key, message] of Object.entries(timelineErrors(merged))) {
    if (before[key] !== message) fieldErrors[key] ??= message;
  }
  if (Object.keys(fieldErrors).length) throw badRequest("De datums zijn niet opgeslagen. Controleer de gemarkeerde velden.", fieldErrors);
  if (!changes.length) return { changed: [] };

  getDb().transaction((tx) => {
    applyDateChanges(tx, { actorId: input.actor.id, row, documentTitle: p.document.title, changes, reason: input.reason, announce: status !== "concept" });
  });
  return { changed: changes.map((c) => c.field) };
}

/** Write date changes, log them, and (after the concept) announce them. Used by decide and reopen too. */
export function applyDateChanges(
  tx: Tx,
  input: {
    actorId: number | null;
    row: typeof schema.proposals.$inferSelect;
    documentTitle: string;
    changes: { field: DateField; from: string | null; to: string | null }[];
    reason: string;
    announce: boolean;
  },
): void {
  const { row } = input;
  if (!input.changes.length) return;
  const at = nowIso();
  const patch: Partial<Record<DateField, string | null>> = {};
  for (const c of input.changes) patch[c.field] = c.to;
  tx.update(schema.proposals).set({ ...patch, updatedAt: at }).where(eq(schema.proposals.id, row.id)).run();
  resolveUnknownDates(tx, row.id, input.changes.filter((c) => c.to !== null).map((c) => c.field));
  for (const c of input.changes) {
    // Filling in a date for the first time in a concept is not a change anyone could have read.
    if (row.status === "concept" && c.from === null) continue;
    tx.insert(schema.proposalDateChanges)
      .values({ proposalId: row.id, field: c.field, oldValue: c.from, newValue: c.to, reason: input.reason, changedById: input.actorId, at })
      .run();
  }
  audit({ actorId: input.actorId, action: "proposal.dates", entityType: "proposal", entityId: row.id, before: input.changes.map((c) => ({ [c.field]: c.from })), after: patch }, tx);
  enqueueSearch(tx, "proposal", row.id);
  if (!input.announce) return;
  const updated = { ...row, ...patch };
  const lines = input.changes.map((c) => `${DATE_SHORT_LABELS[c.field]}: ${formatIsoDateNl(c.from)} → ${formatIsoDateNl(c.to)}`);
  const movesCalendar = input.changes.some((c) => c.field === "consultationCloses" || c.field === "effectiveDate");
  notify(tx, audienceOf(row, tx), {
    kind: "proposal_date_change",
    title: `Datum gewijzigd: ${row.title}`,
    body: `De tijdlijn van het wijzigingsvoorstel "${row.title}" voor ${input.documentTitle} is gewijzigd.\n\n${lines.join("\n")}\n\nReden: ${input.reason}\n\nDe volledige tijdlijn, met alle eerdere wijzigingen, staat in Ketenportaal.`,
    link: `/wijzigingen/${row.id}/tijdlijn`,
    ics: movesCalendar ? (proposalCalendar(updated, input.documentTitle, tx) ?? undefined) : undefined,
  });
}

/** For the start page: the running proposals this person runs as regisseur, with what waits on them. */
export function managedProposalsFor(actor: Actor) {
  if (!actor.regisseurOfKetenIds.length && !actor.roles.includes("regisseur")) return [];
  const db = getDb();
  const rows = db
    .select({
      id: schema.proposals.id,
      title: schema.proposals.title,
      status: schema.proposals.status,
      ketenId: schema.documents.ketenId,
      consultationCloses: schema.proposals.consultationCloses,
      effectiveDate: schema.proposals.effectiveDate,
    })
    .from(schema.proposals)
    .innerJoin(schema.documents, eq(schema.proposals.documentId, schema.documents.id))
    .where(and(readableProposalCondition(actor), inArray(schema.proposals.status, [...OPEN_STATUSES, "van_kracht"])))
    .orderBy(desc(schema.proposals.id))
    .all();
  return rows
    .filter((r) => canManageProposal(actor, { document: { ketenId: r.ketenId } }))
    .map((r) => ({ id: r.id, title: r.title, status: r.status, statusLabel: STATUS_LABELS[r.status], consultationCloses: r.consultationCloses, effectiveDate: r.effectiveDate }));
}
