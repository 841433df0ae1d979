// The whole relational model of the portal. Each feature owns a section; drizzle-kit
// generates migrations from this file (FTS5 tables are a hand-written migration).
import { sql } from "drizzle-orm";
import {
  blob,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";

const createdAt = () =>
  text("created_at")
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);

// ---------------------------------------------------------------- people & organisations

export const ORGANISATION_KINDS = ["gemeente", "afdeling", "wijkteam", "ketenpartner"] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const organisations = sqliteTable("organisations", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull().unique(),
  kind: text("kind", { enum: ORGANISATION_KINDS }).notNull(),
  description: text("description").notNull().default(""),
  /** Colour used for presence cursors and badges (hex). */
  color: text("color").notNull().default("#1f5f8b"),
  fictitious: integer("fictitious", { mode: "boolean" }).notNull().default(false),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
  createdAt: createdAt(),
});

export const people = sqliteTable("people", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull(),
  email: text("email").notNull().unique(),
  functie: text("functie").notNull().default(""),
  organisationId: integer("organisation_id")
    .notNull()
    .references(() => organisations.id),
  passwordHash: text("password_hash"),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
  createdAt: createdAt(),
});

export const ROLES = ["beheerder", "regisseur", "redacteur", "lezer"] as const;
export type Role = (typeof ROLES)[number];

export const personRoles = sqliteTable(
  "person_roles",
  {
    personId: integer("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    role: text("role", { enum: ROLES }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.role] })],
);

export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    expiresAt: text("expires_at").notNull(),
    userAgent: text("user_agent").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [index("sessions_person_idx").on(t.personId)],
);

export const ketens = sqliteTable("ketens", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull().unique(),
  description: text("description").notNull().default(""),
  regisseurId: integer("regisseur_id").references(() => people.id),
  /** Terugkoppeltermijn for signalen, in working days. */
  feedbackDays: integer("feedback_days").notNull().default(20),
  createdAt: createdAt(),
});

export const ketenMembers = sqliteTable(
  "keten_members",
  {
    ketenId: integer("keten_id")
      .notNull()
      .references(() => ketens.id, { onDelete: "cascade" }),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.ketenId, t.organisationId] })],
);

export const themas = sqliteTable("themas", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
});

export const wijken = sqliteTable("wijken", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  teamName: text("team_name").notNull().default(""),
  organisationId: integer("organisation_id").references(() => organisations.id),
});

export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: createdAt(),
    actorId: integer("actor_id").references(() => people.id),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    before: text("before"),
    after: text("after"),
  },
  (t) => [index("audit_entity_idx").on(t.entityType, t.entityId)],
);

// ---------------------------------------------------------------- notifications & e-mail

export const notifications = sqliteTable(
  "notifications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    link: text("link").notNull().default("/"),
    createdAt: createdAt(),
    readAt: text("read_at"),
  },
  (t) => [index("notifications_person_idx").on(t.personId, t.readAt)],
);

/** Every e-mail the portal sends is written here first and delivered by the mailer. */
export const emails = sqliteTable("emails", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  personId: integer("person_id").references(() => people.id, { onDelete: "set null" }),
  to: text("to").notNull(),
  subject: text("subject").notNull(),
  text: text("text").notNull(),
  ics: text("ics"),
  createdAt: createdAt(),
  sentAt: text("sent_at"),
  attempts: integer("attempts").notNull().default(0),
  error: text("error"),
});

// ---------------------------------------------------------------- living documents

export const DOCUMENT_KINDS = ["visie", "werkafspraken", "opdracht", "overig"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const DOCUMENT_STATUSES = ["concept", "gepubliceerd", "gearchiveerd"] as const;

export const documents = sqliteTable("documents", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  title: text("title").notNull(),
  kind: text("kind", { enum: DOCUMENT_KINDS }).notNull(),
  ketenId: integer("keten_id").references(() => ketens.id),
  status: text("status", { enum: DOCUMENT_STATUSES }).notNull().default("concept"),
  summary: text("summary").notNull().default(""),
  /** JSON array of audiences ("wijkteam", "ketenpartner", "gemeente") for "Nieuw hier?". */
  readFirstFor: text("read_first_for").notNull().default("[]"),
  currentVersionId: integer("current_version_id"),
  createdById: integer("created_by_id").references(() => people.id),
  createdAt: createdAt(),
  updatedAt: createdAt(),
});

export const documentVersions = sqliteTable(
  "document_versions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    summary: text("summary").notNull(),
    publishedById: integer("published_by_id").references(() => people.id),
    publishedAt: text("published_at").notNull(),
    lexicalJson: text("lexical_json").notNull(),
    html: text("html").notNull(),
    text: text("text").notNull(),
    markdown: text("markdown").notNull(),
    /** Full Y.Doc state at publication, so a version can be restored into the draft. */
    yState: blob("y_state", { mode: "buffer" }),
    proposalId: integer("proposal_id"),
  },
  (t) => [uniqueIndex("document_versions_doc_number").on(t.documentId, t.number)],
);

/**
 * Append-only Yjs update log per collaboration room ("doc-12", "proposal-3").
 * Compaction replaces a room's rows by one merged row (kind = "snapshot").
 */
export const yUpdates = sqliteTable(
  "y_updates",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    room: text("room").notNull(),
    kind: text("kind", { enum: ["update", "snapshot"] }).notNull().default("update"),
    update: blob("update", { mode: "buffer" }).notNull(),
    personId: integer("person_id"),
    createdAt: createdAt(),
  },
  (t) => [index("y_updates_room_idx").on(t.room, t.id)],
);

/** Forms derived on the server from a room's Y.Doc (debounced, and on publish). */
export const roomDerived = sqliteTable("room_derived", {
  room: text("room").primaryKey(),
  lexicalJson: text("lexical_json").notNull(),
  html: text("html").notNull(),
  text: text("text").notNull(),
  markdown: text("markdown").notNull(),
  updatedAt: text("updated_at").notNull(),
});

// ---------------------------------------------------------------- consultation

export const PROPOSAL_STATUSES = [
  "concept",
  "in_consultatie",
  "in_besluitvorming",
  "vastgesteld",
  "van_kracht",
  "geevalueerd",
  "ingetrokken",
] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export const proposals = sqliteTable("proposals", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  documentId: integer("document_id")
    .notNull()
    .references(() => documents.id),
  title: text("title").notNull(),
  status: text("status", { enum: PROPOSAL_STATUSES }).notNull().default("concept"),
  waarom: text("waarom").notNull().default(""),
  /** Link to a passage of the visie: the visie document id and a heading/quote. */
  visieDocumentId: integer("visie_document_id").references(() => documents.id),
  visieAnchor: text("visie_anchor").notNull().default(""),
  baseVersionId: integer("base_version_id").references(() => documentVersions.id),
  resultVersionId: integer("result_version_id").references(() => documentVersions.id),
  consultationOpens: text("consultation_opens"),
  consultationCloses: text("consultation_closes"),
  decisionPlanned: text("decision_planned"),
  effectiveDate: text("effective_date"),
  evaluationDate: text("evaluation_date"),
  decidedById: integer("decided_by_id").references(() => people.id),
  decidedAt: text("decided_at"),
  decisionNote: text("decision_note").notNull().default(""),
  /** Final proposed text frozen at the decision (Markdown + Lexical JSON). */
  decidedLexicalJson: text("decided_lexical_json"),
  activatedAt: text("activated_at"),
  evaluationConclusion: text("evaluation_conclusion").notNull().default(""),
  createdById: integer("created_by_id")
    .notNull()
    .references(() => people.id),
  createdAt: createdAt(),
  updatedAt: createdAt(),
});

export const proposalImpacts = sqliteTable(
  "proposal_impacts",
  {
    proposalId: integer("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id),
    note: text("note").notNull().default(""),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.organisationId] })],
);

export const proposalDateChanges = sqliteTable("proposal_date_changes", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  proposalId: integer("proposal_id")
    .notNull()
    .references(() => proposals.id, { onDelete: "cascade" }),
  field: text("field").notNull(),
  oldValue: text("old_value"),
  newValue: text("new_value"),
  reason: text("reason").notNull().default(""),
  changedById: integer("changed_by_id").references(() => people.id),
  at: createdAt(),
});

export const proposalTransitions = sqliteTable("proposal_transitions", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  proposalId: integer("proposal_id")
    .notNull()
    .references(() => proposals.id, { onDelete: "cascade" }),
  fromStatus: text("from_status"),
  toStatus: text("to_status").notNull(),
  byId: integer("by_id").references(() => people.id),
  note: text("note").notNull().default(""),
  at: createdAt(),
});

export const proposalInvitations = sqliteTable(
  "proposal_invitations",
  {
    proposalId: integer("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id),
    invitedAt: text("invited_at").notNull(),
    openedAt: text("opened_at"),
    respondedAt: text("responded_at"),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.personId] })],
);

export const COMMENT_STANCES = ["steun", "zorg", "bezwaar"] as const;
export const ANSWER_DECISIONS = ["overgenomen", "deels_overgenomen", "niet_overgenomen"] as const;

export const proposalComments = sqliteTable(
  "proposal_comments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    proposalId: integer("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    authorId: integer("author_id")
      .notNull()
      .references(() => people.id),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id),
    stance: text("stance", { enum: COMMENT_STANCES }).notNull(),
    /** The quoted passage (kept even if the text moves); null for a general comment. */
    quote: text("quote"),
    quotePrefix: text("quote_prefix"),
    quoteSuffix: text("quote_suffix"),
    text: text("text").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("proposal_comments_proposal_idx").on(t.proposalId)],
);

export const commentAnswers = sqliteTable("comment_answers", {
  commentId: integer("comment_id")
    .primaryKey()
    .references(() => proposalComments.id, { onDelete: "cascade" }),
  decision: text("decision", { enum: ANSWER_DECISIONS }).notNull(),
  text: text("text").notNull(),
  textChange: text("text_change").notNull().default(""),
  answeredById: integer("answered_by_id")
    .notNull()
    .references(() => people.id),
  answeredAt: text("answered_at").notNull(),
});

export const evaluationResponses = sqliteTable("evaluation_responses", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  proposalId: integer("proposal_id")
    .notNull()
    .references(() => proposals.id, { onDelete: "cascade" }),
  organisationId: integer("organisation_id")
    .notNull()
    .references(() => organisations.id),
  personId: integer("person_id").references(() => people.id),
  text: text("text").notNull(),
  createdAt: createdAt(),
});

/** Idempotency for scheduled work (reminders, activation, evaluation requests). */
export const scheduledRuns = sqliteTable("scheduled_runs", {
  key: text("key").primaryKey(),
  ranAt: text("ran_at").notNull(),
});

// ---------------------------------------------------------------- signalen

export const SIGNAL_STATUSES = [
  "nieuw",
  "in_behandeling",
  "informatie_gevraagd",
  "afgehandeld",
  "samengevoegd",
  "niet_opgepakt",
  "heropend",
] as const;
export type SignalStatus = (typeof SIGNAL_STATUSES)[number];

export const signals = sqliteTable(
  "signals",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    title: text("title").notNull(),
    description: text("description").notNull(),
    reporterId: integer("reporter_id")
      .notNull()
      .references(() => people.id),
    reporterOrganisationId: integer("reporter_organisation_id")
      .notNull()
      .references(() => organisations.id),
    /** The eigenaar keten; its regisseur owns the signal. */
    ownerKetenId: integer("owner_keten_id")
      .notNull()
      .references(() => ketens.id),
    themaId: integer("thema_id")
      .notNull()
      .references(() => themas.id),
    stadsbreed: integer("stadsbreed", { mode: "boolean" }).notNull().default(false),
    status: text("status", { enum: SIGNAL_STATUSES }).notNull().default("nieuw"),
    statusReason: text("status_reason").notNull().default(""),
    feedback: text("feedback").notNull().default(""),
    mergedIntoId: integer("merged_into_id"),
    documentId: integer("document_id").references(() => documents.id),
    documentAnchor: text("document_anchor").notNull().default(""),
    dueAt: text("due_at").notNull(),
    firstFeedbackAt: text("first_feedback_at"),
    closedAt: text("closed_at"),
    createdAt: createdAt(),
    updatedAt: createdAt(),
  },
  (t) => [index("signals_owner_idx").on(t.ownerKetenId, t.status)],
);

export const signalKetens = sqliteTable(
  "signal_ketens",
  {
    signalId: integer("signal_id")
      .notNull()
      .references(() => signals.id, { onDelete: "cascade" }),
    ketenId: integer("keten_id")
      .notNull()
      .references(() => ketens.id),
  },
  (t) => [primaryKey({ columns: [t.signalId, t.ketenId] })],
);

export const signalWijken = sqliteTable(
  "signal_wijken",
  {
    signalId: integer("signal_id")
      .notNull()
      .references(() => signals.id, { onDelete: "cascade" }),
    wijkId: integer("wijk_id")
      .notNull()
      .references(() => wijken.id),
  },
  (t) => [primaryKey({ columns: [t.signalId, t.wijkId] })],
);

export const signalTransitions = sqliteTable("signal_transitions", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  signalId: integer("signal_id")
    .notNull()
    .references(() => signals.id, { onDelete: "cascade" }),
  fromStatus: text("from_status"),
  toStatus: text("to_status").notNull(),
  byId: integer("by_id").references(() => people.id),
  note: text("note").notNull().default(""),
  at: createdAt(),
});

export const signalRecognitions = sqliteTable(
  "signal_recognitions",
  {
    signalId: integer("signal_id")
      .notNull()
      .references(() => signals.id, { onDelete: "cascade" }),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id),
    wijkId: integer("wijk_id").references(() => wijken.id),
    note: text("note").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.signalId, t.personId] })],
);

/** People who follow a signal besides its reporter (e.g. reporters of merged duplicates). */
export const signalFollowers = sqliteTable(
  "signal_followers",
  {
    signalId: integer("signal_id")
      .notNull()
      .references(() => signals.id, { onDelete: "cascade" }),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
  },
  (t) => [primaryKey({ columns: [t.signalId, t.personId] })],
);

export const signalLinks = sqliteTable("signal_links", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  signalId: integer("signal_id")
    .notNull()
    .references(() => signals.id, { onDelete: "cascade" }),
  targetType: text("target_type", { enum: ["proposal", "version", "document"] }).notNull(),
  targetId: integer("target_id").notNull(),
  createdById: integer("created_by_id").references(() => people.id),
  createdAt: createdAt(),
});

// ---------------------------------------------------------------- search

/** Transactional outbox: a change writes a row here in its own transaction; the server drains it. */
export const searchOutbox = sqliteTable("search_outbox", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  entityType: text("entity_type").notNull(),
  entityId: text("entity_id").notNull(),
  op: text("op", { enum: ["upsert", "remove"] }).notNull(),
  createdAt: createdAt(),
  attempts: integer("attempts").notNull().default(0),
});
