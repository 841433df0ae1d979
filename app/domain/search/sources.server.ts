// What goes into the index, read straight from the database tables (not through the other
// features' domain code, so indexing does not depend on how they evolve). One function per
// entity type turns a row into search entries with their ACL tokens and facet values. The
// policy's facts come from the one shared loader (domain/facts.server.ts).
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import type { DocumentFacts, ProposalFacts, SignalFacts } from "~/domain/policy.server";
import { proposalFacts as loadProposalFacts, signalFacts as loadSignalFacts } from "~/domain/facts.server";
import { ORGANISATION_KIND_LABELS, ROLE_LABELS } from "~/domain/directory.server";
import { visibilityForDraft, visibilityForProposal, visibilityForPublished, visibilityForSignal } from "./acl.server";
import { passagesOf, type Passage } from "./passages";
import { DATE_LABELS, isDateField } from "~/shared/proposal-dates";
import { STATUS_LABELS as PROPOSAL_STATUS_LABELS, isProposalStatus } from "~/shared/proposals";
import { formatDate } from "~/shared/dates";
import { ADDED_SOURCES } from "./source-registry.server";
import type { EntrySource, SearchEntityType, SearchEntry } from "./types";
import { decisionEntries, registerItemEntries } from "../overleg/search.server";

type Db = ReturnType<typeof getDb>;

export const entityKey = (type: SearchEntityType, id: number | string) => `${type}:${id}`;

/** The collaboration room of a document's draft ("doc-12", as app/shared/collab.ts names it). */
export const draftRoom = (documentId: number) => `doc-${documentId}`;

// ------------------------------------------------------------------ facts (the policy's inputs)

export function documentFacts(db: Db, documentId: number): (DocumentFacts & { slug: string; title: string; ketenSlug: string | null; status: string; summary: string; currentVersionId: number | null }) | null {
  const row = db
    .select({
      ketenId: schema.documents.ketenId,
      slug: schema.documents.slug,
      title: schema.documents.title,
      status: schema.documents.status,
      summary: schema.documents.summary,
      currentVersionId: schema.documents.currentVersionId,
      ketenSlug: schema.ketens.slug,
    })
    .from(schema.documents)
    .leftJoin(schema.ketens, eq(schema.documents.ketenId, schema.ketens.id))
    .where(eq(schema.documents.id, documentId))
    .get();
  return row ?? null;
}

/** The policy's facts come from the one loader the features use too (facts.server.ts). */
export function proposalFacts(db: Db, proposalId: number): ProposalFacts | null {
  return loadProposalFacts(proposalId, db);
}

export function signalFacts(db: Db, signalId: number): SignalFacts | null {
  return loadSignalFacts(signalId, db);
}

// ------------------------------------------------------------------ documents

function currentVersion(db: Db, documentId: number, currentVersionId: number | null) {
  const cols = {
    id: schema.documentVersions.id,
    markdown: schema.documentVersions.markdown,
    text: schema.documentVersions.text,
    publishedAt: schema.documentVersions.publishedAt,
  };
  if (currentVersionId != null) {
    const v = db.select(cols).from(schema.documentVersions).where(eq(schema.documentVersions.id, currentVersionId)).get();
    if (v) return v;
  }
  return db
    .select(cols)
    .from(schema.documentVersions)
    .where(eq(schema.documentVersions.documentId, documentId))
    .orderBy(desc(schema.documentVersions.number))
    .limit(1)
    .get();
}

/** The published version of a document, one entry per heading, linking to the passage. */
export function documentEntries(db: Db, documentId: number): SearchEntry[] {
  const doc = documentFacts(db, documentId);
  if (!doc) return [];
  const version = currentVersion(db, documentId, doc.currentVersionId);
  if (!version) return [];
  const passages = passagesOf(version.markdown, version.text);
  const status = doc.status === "gearchiveerd" ? "gearchiveerd" : "gepubliceerd";
  const key = entityKey("document", documentId);
  return withIntro(passages, doc.summary).map((p, i) => ({
    id: `${key}#${p.anchor || "begin"}`,
    entityKey: key,
    kind: "document" as const,
    title: doc.title,
    section: p.heading,
    body: p.text,
    url: `/documenten/${doc.slug}${p.anchor ? `#${p.anchor}` : ""}`,
    position: i,
    updatedAt: version.publishedAt,
    visibility: visibilityForPublished(),
    facets: { keten: doc.ketenSlug ? [doc.ketenSlug] : [], status: [status] },
  }));
}

/** The summary belongs to the top of the document, so "what is this document about" words find it. */
function withIntro(passages: Passage[], summary: string): Passage[] {
  const intro = passages[0]?.heading === "" ? passages[0] : null;
  const rest = intro ? passages.slice(1) : passages;
  const text = [summary.trim(), intro?.text ?? ""].filter(Boolean).join("\n");
  return text ? [{ heading: "", anchor: "", level: 0, text }, ...rest] : rest;
}

/**
 * The draft (the collaboration room's derived text), for its editors only. Only passages that
 * differ from the published version are indexed: the rest is already findable as published
 * text, and editors should not get every hit twice.
 */
export function draftEntries(db: Db, documentId: number): SearchEntry[] {
  const doc = documentFacts(db, documentId);
  if (!doc) return [];
  const derived = db
    .select({ markdown: schema.roomDerived.markdown, text: schema.roomDerived.text, updatedAt: schema.roomDerived.updatedAt })
    .from(schema.roomDerived)
    .where(eq(schema.roomDerived.room, draftRoom(documentId)))
    .get();
  if (!derived) return [];
  const version = currentVersion(db, documentId, doc.currentVersionId);
  const published = new Map((version ? passagesOf(version.markdown, version.text) : []).map((p) => [`${p.anchor}\u0000${p.heading}`, p.text]));
  const key = entityKey("draft", documentId);
  return passagesOf(derived.markdown, derived.text)
    .filter((p) => published.get(`${p.anchor}\u0000${p.heading}`) !== p.text)
    .map((p, i) => ({
      id: `${key}#${p.anchor || "begin"}`,
      entityKey: key,
      kind: "concept" as const,
      title: doc.title,
      section: p.heading,
      body: p.text,
      url: `/documenten/${doc.slug}/bewerken${p.anchor ? `#${p.anchor}` : ""}`,
      position: i,
      updatedAt: derived.updatedAt,
      visibility: visibilityForDraft({ ketenId: doc.ketenId }),
      facets: { keten: doc.ketenSlug ? [doc.ketenSlug] : [], status: ["concept"] },
    }));
}

// ------------------------------------------------------------------ consultation

/** A proposal (title, why, impact, decision, evaluation) and its timeline as a second entry. */
export function proposalEntries(db: Db, proposalId: number): SearchEntry[] {
  const p = db
    .select({
      id: schema.proposals.id,
      title: schema.proposals.title,
      status: schema.proposals.status,
      waarom: schema.proposals.waarom,
      decisionNote: schema.proposals.decisionNote,
      evaluationConclusion: schema.proposals.evaluationConclusion,
      consultationOpens: schema.proposals.consultationOpens,
      consultationCloses: schema.proposals.consultationCloses,
      decisionPlanned: schema.proposals.decisionPlanned,
      effectiveDate: schema.proposals.effectiveDate,
      evaluationDate: schema.proposals.evaluationDate,
      updatedAt: schema.proposals.updatedAt,
      documentTitle: schema.documents.title,
      ketenSlug: schema.ketens.slug,
    })
    .from(schema.proposals)
    .innerJoin(schema.documents, eq(schema.proposals.documentId, schema.documents.id))
    .leftJoin(schema.ketens, eq(schema.documents.ketenId, schema.ketens.id))
    .where(eq(schema.proposals.id, proposalId))
    .get();
  const facts = proposalFacts(db, proposalId);
  if (!p || !facts) return [];
  const impacts = db
    .select({ name: schema.organisations.name, slug: schema.organisations.slug, note: schema.proposalImpacts.note })
    .from(schema.proposalImpacts)
    .innerJoin(schema.organisations, eq(schema.proposalImpacts.organisationId, schema.organisations.id))
    .where(eq(schema.proposalImpacts.proposalId, proposalId))
    .orderBy(asc(schema.organisations.name))
    .all();
  const transitions = db
    .select({ from: schema.proposalTransitions.fromStatus, to: schema.proposalTransitions.toStatus, note: schema.proposalTransitions.note, at: schema.proposalTransitions.at })
    .from(schema.proposalTransitions)
    .where(eq(schema.proposalTransitions.proposalId, proposalId))
    .orderBy(asc(schema.proposalTransitions.id))
    .all();
  const dateChanges = db
    .select({ field: schema.proposalDateChanges.field, oldValue: schema.proposalDateChanges.oldValue, newValue: schema.proposalDateChanges.newValue, reason: schema.proposalDateChanges.reason })
    .from(schema.proposalDateChanges)
    .where(eq(schema.proposalDateChanges.proposalId, proposalId))
    .orderBy(asc(schema.proposalDateChanges.id))
    .all();

  const key = entityKey("proposal", proposalId);
  const visibility = visibilityForProposal(facts);
  const facets = { keten: p.ketenSlug ? [p.ketenSlug] : [], organisatie: impacts.map((i) => i.slug), status: [p.status] };
  const label = (s: string | null) => (s ? (isProposalStatus(s) ? PROPOSAL_STATUS_LABELS[s] : s) : "");
  const main = [
    p.waarom,
    `Wijziging van ${p.documentTitle}.`,
    ...impacts.map((i) => `${i.name}: ${i.note}`.trim()),
    p.decisionNote,
    p.evaluationConclusion,
  ].filter((s) => s && s.trim());
  const dates = Object.entries({
    consultationOpens: p.consultationOpens,
    consultationCloses: p.consultationCloses,
    decisionPlanned: p.decisionPlanned,
    effectiveDate: p.effectiveDate,
    evaluationDate: p.evaluationDate,
  })
    .filter(([, v]) => v)
    .map(([k, v]) => `${isDateField(k) ? DATE_LABELS[k] : k}: ${formatDate(v)}`);
  const timeline = [
    ...dates,
    ...transitions.map((t) => `${t.from ? `Van ${label(t.from).toLowerCase()} naar ${label(t.to).toLowerCase()}` : label(t.to)}${t.note ? `: ${t.note}` : ""}`),
    ...dateChanges.map((c) => `${isDateField(c.field) ? DATE_LABELS[c.field] : c.field} verschoven van ${formatDate(c.oldValue)} naar ${formatDate(c.newValue)}${c.reason ? `: ${c.reason}` : ""}`),
  ];
  const entries: SearchEntry[] = [
    {
      id: key,
      entityKey: key,
      kind: "voorstel",
      title: p.title,
      section: "",
      body: main.join("\n"),
      url: `/wijzigingen/${p.id}`,
      position: 0,
      updatedAt: p.updatedAt,
      visibility,
      facets,
    },
  ];
  if (timeline.length) {
    // The proposal's own entry carries its title; the timeline ranks on what happened.
    entries.push({
      id: `${key}#tijdlijn`,
      entityKey: key,
      kind: "voorstel",
      title: "Tijdlijn van het voorstel",
      section: p.title,
      body: timeline.join("\n"),
      url: `/wijzigingen/${p.id}/tijdlijn`,
      position: 1,
      updatedAt: p.updatedAt,
      visibility,
      facets,
    });
  }
  return entries;
}

// ------------------------------------------------------------------ signalen

export function signalEntries(db: Db, signalId: number): SearchEntry[] {
  const s = db
    .select({
      id: schema.signals.id,
      title: schema.signals.title,
      description: schema.signals.description,
      feedback: schema.signals.feedback,
      statusReason: schema.signals.statusReason,
      status: schema.signals.status,
      stadsbreed: schema.signals.stadsbreed,
      updatedAt: schema.signals.updatedAt,
      themaSlug: schema.themas.slug,
      orgSlug: schema.organisations.slug,
    })
    .from(schema.signals)
    .innerJoin(schema.themas, eq(schema.signals.themaId, schema.themas.id))
    .innerJoin(schema.organisations, eq(schema.signals.reporterOrganisationId, schema.organisations.id))
    .where(eq(schema.signals.id, signalId))
    .get();
  const facts = signalFacts(db, signalId);
  if (!s || !facts) return [];
  const facetKetens = [...new Set([facts.ownerKetenId, ...facts.ketenIds])];
  const ketenSlugs = db.select({ slug: schema.ketens.slug }).from(schema.ketens).where(inArray(schema.ketens.id, facetKetens)).all().map((r) => r.slug);
  const wijkSlugs = db
    .select({ slug: schema.wijken.slug })
    .from(schema.signalWijken)
    .innerJoin(schema.wijken, eq(schema.signalWijken.wijkId, schema.wijken.id))
    .where(eq(schema.signalWijken.signalId, signalId))
    .all()
    .map((r) => r.slug);
  if (s.stadsbreed) wijkSlugs.push("stadsbreed");
  const key = entityKey("signal", signalId);
  return [
    {
      id: key,
      entityKey: key,
      kind: "signaal",
      title: s.title,
      section: "",
      body: [s.description, s.feedback ? `Terugkoppeling: ${s.feedback}` : "", s.statusReason].filter((x) => x.trim()).join("\n"),
      url: `/signalen/${s.id}`,
      position: 0,
      updatedAt: s.updatedAt,
      visibility: visibilityForSignal(facts),
      facets: { keten: ketenSlugs, thema: [s.themaSlug], wijk: wijkSlugs, organisatie: [s.orgSlug], status: [s.status] },
    },
  ];
}

// ------------------------------------------------------------------ people & organisations

export function personEntries(db: Db, personId: number): SearchEntry[] {
  const p = db
    .select({
      id: schema.people.id,
      name: schema.people.name,
      functie: schema.people.functie,
      active: schema.people.active,
      createdAt: schema.people.createdAt,
      orgName: schema.organisations.name,
      orgSlug: schema.organisations.slug,
      orgActive: schema.organisations.active,
    })
    .from(schema.people)
    .innerJoin(schema.organisations, eq(schema.people.organisationId, schema.organisations.id))
    .where(eq(schema.people.id, personId))
    .get();
  if (!p || !p.active || !p.orgActive) return [];
  const regisseurOf = db.select({ slug: schema.ketens.slug, name: schema.ketens.name }).from(schema.ketens).where(eq(schema.ketens.regisseurId, personId)).all();
  const roles = db.select({ role: schema.personRoles.role }).from(schema.personRoles).where(eq(schema.personRoles.personId, personId)).all();
  const key = entityKey("person", personId);
  const body = [
    `${p.functie ? `${p.functie} bij ` : "Medewerker van "}${p.orgName}.`,
    ...regisseurOf.map((k) => `Regisseur van de keten ${k.name}.`),
    roles.length ? `Rol: ${roles.map((r) => ROLE_LABELS[r.role].toLowerCase()).join(", ")}.` : "",
  ].filter(Boolean);
  return [
    {
      id: key,
      entityKey: key,
      kind: "persoon",
      title: p.name,
      section: p.functie,
      body: body.join("\n"),
      url: `/organisaties/${p.orgSlug}`,
      position: 0,
      updatedAt: p.createdAt,
      visibility: visibilityForPublished(),
      facets: { organisatie: [p.orgSlug], keten: regisseurOf.map((k) => k.slug) },
    },
  ];
}

export function organisationEntries(db: Db, organisationId: number): SearchEntry[] {
  const o = db.select().from(schema.organisations).where(eq(schema.organisations.id, organisationId)).get();
  if (!o || !o.active) return [];
  const ketens = db
    .select({ slug: schema.ketens.slug, name: schema.ketens.name })
    .from(schema.ketenMembers)
    .innerJoin(schema.ketens, eq(schema.ketenMembers.ketenId, schema.ketens.id))
    .where(eq(schema.ketenMembers.organisationId, organisationId))
    .orderBy(asc(schema.ketens.name))
    .all();
  const wijken = db.select({ slug: schema.wijken.slug, teamName: schema.wijken.teamName }).from(schema.wijken).where(eq(schema.wijken.organisationId, organisationId)).all();
  const key = entityKey("organisation", organisationId);
  const body = [
    o.description,
    wijken.length ? `Teams: ${wijken.map((w) => w.teamName).join(", ")}.` : "",
    o.fictitious ? "Fictieve organisatie (voorbeeldinhoud)." : "",
  ].filter(Boolean);
  return [
    {
      id: key,
      entityKey: key,
      kind: "organisatie",
      title: o.name,
      section: ORGANISATION_KIND_LABELS[o.kind],
      body: body.join("\n"),
      url: `/organisaties/${o.slug}`,
      position: 0,
      updatedAt: o.createdAt,
      visibility: visibilityForPublished(),
      facets: { organisatie: [o.slug], keten: ketens.map((k) => k.slug), wijk: wijken.map((w) => w.slug) },
    },
  ];
}

// ------------------------------------------------------------------ dispatch

export type EntityRef = { type: SearchEntityType; id: number };

const LOADERS: Record<Exclude<SearchEntityType, (typeof ADDED_SOURCES)[number]["type"]>, (db: Db, id: number) => SearchEntry[]> = {
  document: documentEntries,
  draft: draftEntries,
  proposal: proposalEntries,
  signal: signalEntries,
  person: personEntries,
  organisation: organisationEntries,
  decision: decisionEntries,
  register_item: registerItemEntries,
};

/** Every entity type search indexes: the built-in loaders and the added sources. */
export function entityTypes(): SearchEntityType[] {
  // A function, not a constant: ADDED_SOURCES sits in an import cycle and is only read at call time.
  return [...(Object.keys(LOADERS) as SearchEntityType[]), ...ADDED_SOURCES.map((s) => s.type)];
}

function loaderOf(type: string): ((db: Db, id: number) => SearchEntry[]) | undefined {
  return (LOADERS as Record<string, (db: Db, id: number) => SearchEntry[]>)[type] ?? ADDED_SOURCES.find((s) => s.type === type)?.load;
}

export function isEntityType(t: string): t is SearchEntityType {
  return loaderOf(t) !== undefined;
}

export function loadEntity(db: Db, ref: EntityRef): SearchEntry[] {
  return loaderOf(ref.type)?.(db, ref.id) ?? [];
}

/**
 * Entities whose entries depend on this one: a published document changes which draft
 * passages differ and the proposals' visibility (their document's keten); an organisation's
 * name appears in its people's entries.
 */
export function dependents(db: Db, ref: EntityRef): EntityRef[] {
  const out: EntityRef[] = [ref];
  if (ref.type === "document") {
    out.push({ type: "draft", id: ref.id });
    for (const p of db.select({ id: schema.proposals.id }).from(schema.proposals).where(eq(schema.proposals.documentId, ref.id)).all()) {
      out.push({ type: "proposal", id: p.id });
    }
  }
  if (ref.type === "organisation") {
    for (const p of db.select({ id: schema.people.id }).from(schema.people).where(eq(schema.people.organisationId, ref.id)).all()) {
      out.push({ type: "person", id: p.id });
    }
  }
  for (const source of ADDED_SOURCES) {
    for (const d of source.dependsOn ?? []) if (d.on === ref.type) for (const id of d.ids(db, ref.id)) out.push({ type: source.type, id });
  }
  return out;
}

/** Every entity in the database, for a full rebuild. */
export function allEntityRefs(db: Db): EntityRef[] {
  const ids = (rows: { id: number }[]) => rows.map((r) => r.id);
  const docs = ids(db.select({ id: schema.documents.id }).from(schema.documents).orderBy(asc(schema.documents.id)).all());
  const drafts = db
    .select({ id: schema.documents.id })
    .from(schema.documents)
    .innerJoin(schema.roomDerived, eq(schema.roomDerived.room, sqlDraftRoom()))
    .all()
    .map((r) => r.id);
  return [
    ...docs.map((id) => ({ type: "document" as const, id })),
    ...drafts.map((id) => ({ type: "draft" as const, id })),
    ...ids(db.select({ id: schema.proposals.id }).from(schema.proposals).orderBy(asc(schema.proposals.id)).all()).map((id) => ({ type: "proposal" as const, id })),
    ...ids(db.select({ id: schema.signals.id }).from(schema.signals).orderBy(asc(schema.signals.id)).all()).map((id) => ({ type: "signal" as const, id })),
    ...ids(
      db
        .select({ id: schema.people.id })
        .from(schema.people)
        .innerJoin(schema.organisations, eq(schema.people.organisationId, schema.organisations.id))
        .where(and(eq(schema.people.active, true), eq(schema.organisations.active, true)))
        .orderBy(asc(schema.people.id))
        .all(),
    ).map((id) => ({ type: "person" as const, id })),
    ...ids(db.select({ id: schema.decisions.id }).from(schema.decisions).orderBy(asc(schema.decisions.id)).all()).map((id) => ({ type: "decision" as const, id })),
    ...ids(db.select({ id: schema.registerItems.id }).from(schema.registerItems).orderBy(asc(schema.registerItems.id)).all()).map((id) => ({ type: "register_item" as const, id })),
    ...ids(db.select({ id: schema.organisations.id }).from(schema.organisations).where(eq(schema.organisations.active, true)).orderBy(asc(schema.organisations.id)).all()).map(
      (id) => ({ type: "organisation" as const, id }),
    ),
    ...ADDED_SOURCES.flatMap((source) => source.allIds(db).map((id) => ({ type: source.type, id }))),
  ];
}

function sqlDraftRoom() {
  return sql`'doc-' || ${schema.documents.id}`;
}

/** The database as the source of a full rebuild. */
export function databaseSource(getDatabase: () => Db = getDb): EntrySource {
  return {
    countEntities: () => allEntityRefs(getDatabase()).length,
    *batches(size = 200) {
      const db = getDatabase();
      let entries: SearchEntry[] = [];
      let entities = 0;
      for (const ref of allEntityRefs(db)) {
        entries.push(...loadEntity(db, ref));
        entities += 1;
        if (entries.length >= size) {
          yield { entries, entities };
          entries = [];
          entities = 0;
        }
      }
      if (entities) yield { entries, entities };
    },
  };
}
