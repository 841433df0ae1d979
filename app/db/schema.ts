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
import {
  ORGANISATION_KINDS,
  ROLES,
  DOCUMENT_KINDS,
  DOCUMENT_STATUSES,
  PROPOSAL_STATUSES,
  COMMENT_STANCES,
  ANSWER_DECISIONS,
  SIGNAL_STATUSES,
  ACCOUNT_TOKEN_PURPOSES,
  OVERLEG_KINDS,
  ACTION_STATUSES,
  REGISTER_SOURCES,
  REGISTER_PRIORITIES,
  REGISTER_STATUSES,
  NOTICE_DELIVERIES,
  DIGEST_PERIODS,
  OPDRACHT_KINDS,
  OPDRACHT_STATUSES,
  OPDRACHT_ROUTES,
  TOETS_OUTCOMES,
  PUBLICATION_OFFER_STATUSES,
  EVALUATION_PHASES,
  GOAL_OUTCOMES,
  VERKENNING_STATUSES,
  CHANGE_LINK_TARGETS,
} from "./enums";
export * from "./enums";

const createdAt = () =>
  text("created_at")
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);

// ---------------------------------------------------------------- people & organisations


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
  /** A pilot runs in some wijken or teams first; it becomes regular only after evaluation and a consultation on the result. */
  pilot: integer("pilot", { mode: "boolean" }).notNull().default(false),
  pilotScope: text("pilot_scope").notNull().default(""),
  pilotStarts: text("pilot_starts"),
  pilotEnds: text("pilot_ends"),
  pilotEvaluationDate: text("pilot_evaluation_date"),
  /** The consultation on the pilot's result (its conclusion per goal). */
  pilotResultOpens: text("pilot_result_opens"),
  pilotResultCloses: text("pilot_result_closes"),
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
    /** Yjs relative positions (base64) of the passage in the proposal's room; null when not anchored there. */
    anchorStart: text("anchor_start"),
    anchorEnd: text("anchor_end"),
    text: text("text").notNull(),
    /** Replacement wording suggested for the quoted passage (a suggestion); null for a plain comment. */
    suggestion: text("suggestion"),
    /** When the owner applied the suggestion to the proposed text. */
    suggestionAppliedAt: text("suggestion_applied_at"),
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

/** Margin comments on a living document's draft (its `doc-<id>` room), anchored like proposal comments. */
export const draftComments = sqliteTable(
  "draft_comments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    authorId: integer("author_id")
      .notNull()
      .references(() => people.id),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id),
    quote: text("quote").notNull(),
    quotePrefix: text("quote_prefix").notNull().default(""),
    quoteSuffix: text("quote_suffix").notNull().default(""),
    anchorStart: text("anchor_start"),
    anchorEnd: text("anchor_end"),
    text: text("text").notNull(),
    createdAt: createdAt(),
    resolvedAt: text("resolved_at"),
    resolvedById: integer("resolved_by_id").references(() => people.id),
  },
  (t) => [index("draft_comments_document_idx").on(t.documentId)],
);

/** Replies in a comment's thread: on a draft comment or on a proposal comment (exactly one is set). */
export const commentReplies = sqliteTable(
  "comment_replies",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    draftCommentId: integer("draft_comment_id").references(() => draftComments.id, { onDelete: "cascade" }),
    proposalCommentId: integer("proposal_comment_id").references(() => proposalComments.id, { onDelete: "cascade" }),
    authorId: integer("author_id")
      .notNull()
      .references(() => people.id),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id),
    text: text("text").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("comment_replies_draft_idx").on(t.draftCommentId), index("comment_replies_proposal_idx").on(t.proposalCommentId)],
);


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
  /** regulier: after the general ingangsdatum; pilot: the pilot's evaluation; uitkomst: a reaction in the consultation on the pilot's result. */
  phase: text("phase", { enum: EVALUATION_PHASES }).notNull().default("regulier"),
  createdAt: createdAt(),
});

/** What a proposal should improve, for whom, and how we will know; stated before consultation opens. */
export const proposalGoals = sqliteTable(
  "proposal_goals",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    proposalId: integer("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    position: integer("position").notNull().default(0),
    improve: text("improve").notNull(),
    forWhom: text("for_whom").notNull(),
    measure: text("measure").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("proposal_goals_proposal_idx").on(t.proposalId)],
);

/** An invitee's answer on one goal within an evaluation response (pilot or regular). */
export const evaluationGoalAnswers = sqliteTable(
  "evaluation_goal_answers",
  {
    responseId: integer("response_id")
      .notNull()
      .references(() => evaluationResponses.id, { onDelete: "cascade" }),
    goalId: integer("goal_id")
      .notNull()
      .references(() => proposalGoals.id, { onDelete: "cascade" }),
    text: text("text").notNull(),
  },
  (t) => [primaryKey({ columns: [t.responseId, t.goalId] })],
);

/** The owner's conclusion per goal, once for the pilot and once for the regular evaluation. */
export const goalConclusions = sqliteTable(
  "goal_conclusions",
  {
    goalId: integer("goal_id")
      .notNull()
      .references(() => proposalGoals.id, { onDelete: "cascade" }),
    phase: text("phase", { enum: EVALUATION_PHASES }).notNull(),
    outcome: text("outcome", { enum: GOAL_OUTCOMES }).notNull(),
    note: text("note").notNull().default(""),
    followUpProposalId: integer("follow_up_proposal_id").references(() => proposals.id),
    decidedById: integer("decided_by_id").references(() => people.id),
    at: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.goalId, t.phase] })],
);

/** A date set to "nog niet bekend" (tot nader orde): why, and by when the new date will be known. */
export const proposalUnknownDates = sqliteTable(
  "proposal_unknown_dates",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    proposalId: integer("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    field: text("field").notNull(),
    previousValue: text("previous_value"),
    reason: text("reason").notNull(),
    knownBy: text("known_by").notNull(),
    setById: integer("set_by_id").references(() => people.id),
    setAt: createdAt(),
    resolvedAt: text("resolved_at"),
  },
  (t) => [index("proposal_unknown_dates_proposal_idx").on(t.proposalId)],
);

/** Idempotency for scheduled work (reminders, activation, evaluation requests). */
export const scheduledRuns = sqliteTable("scheduled_runs", {
  key: text("key").primaryKey(),
  ranAt: text("ran_at").notNull(),
});

// ---------------------------------------------------------------- signalen


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

// ---------------------------------------------------------------- retention and AVG (issue 18)

/** A beheerder's bewaartermijn for one kind of record; absent: the default of that kind. */
export const retentionSettings = sqliteTable("retention_settings", {
  kind: text("kind").primaryKey(),
  days: integer("days").notNull(),
  updatedBy: integer("updated_by").references(() => people.id, { onDelete: "set null" }),
  updatedAt: createdAt(),
});

/** Records anonymised (not deleted) after their term, so each is handled exactly once. */
export const retentionDone = sqliteTable(
  "retention_done",
  {
    kind: text("kind").notNull(),
    entityId: text("entity_id").notNull(),
    doneAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.entityId] })],
);

/** People removed on an AVG request: the row stays as a tombstone carrying the organisation's name. */
export const personRemovals = sqliteTable("person_removals", {
  personId: integer("person_id")
    .primaryKey()
    .references(() => people.id),
  removedAt: createdAt(),
  removedBy: integer("removed_by").references(() => people.id, { onDelete: "set null" }),
});

/**
 * Synonym groups for search (issue 15): every term of a group finds the others. Seeded from
 * content/synoniemen.json when empty, edited by beheerders; both engines read these rows.
 */
export const searchSynonyms = sqliteTable("search_synonyms", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  /** JSON array of folded terms (words or short phrases), at least two. */
  terms: text("terms").notNull(),
  updatedAt: text("updated_at")
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
});

/**
 * What people searched for, without who: per normalised query, how often it was searched,
 * how often it found nothing and how often a result was opened. Beheerders see the misses.
 */
export const searchQueries = sqliteTable("search_queries", {
  query: text("query").primaryKey(),
  searches: integer("searches").notNull().default(0),
  zeroResults: integer("zero_results").notNull().default(0),
  clicks: integer("clicks").notNull().default(0),
  lastAt: text("last_at")
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
});

// ---------------------------------------------------------------- single sign-on (OpenID Connect)

/** One OpenID provider per organisation, configured by a beheerder (issue 16). */
export const identityProviders = sqliteTable("identity_providers", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  organisationId: integer("organisation_id")
    .notNull()
    .unique()
    .references(() => organisations.id, { onDelete: "cascade" }),
  issuer: text("issuer").notNull(),
  clientId: text("client_id").notNull(),
  clientSecret: text("client_secret").notNull(),
  /** Lower-case e-mail domains served by this provider, comma separated. */
  domains: text("domains").notNull(),
  /** Create a person on first login (in this organisation, with provisionRole). */
  provision: integer("provision", { mode: "boolean" }).notNull().default(false),
  provisionRole: text("provision_role", { enum: ROLES }).notNull().default("lezer"),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
  createdAt: createdAt(),
});

/** A person's subject at a provider, remembered after the first SSO login. */
export const personIdentities = sqliteTable(
  "person_identities",
  {
    personId: integer("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    providerId: integer("provider_id")
      .notNull()
      .references(() => identityProviders.id, { onDelete: "cascade" }),
    subject: text("subject").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.providerId, t.subject] }), index("person_identities_person_idx").on(t.personId)],
);

/** A login in progress at a provider: state, nonce and PKCE verifier kept server-side. */
export const oidcFlows = sqliteTable("oidc_flows", {
  id: text("id").primaryKey(),
  providerId: integer("provider_id")
    .notNull()
    .references(() => identityProviders.id, { onDelete: "cascade" }),
  state: text("state").notNull(),
  nonce: text("nonce").notNull(),
  codeVerifier: text("code_verifier").notNull(),
  redirectTo: text("redirect_to").notNull().default("/"),
  /** The callback URL sent to the provider, compared again at the token endpoint. */
  redirectUri: text("redirect_uri").notNull(),
  expiresAt: text("expires_at").notNull(),
  createdAt: createdAt(),
});

/** The ID token of an SSO session, kept for the provider's end-session endpoint at logout. */
export const sessionSso = sqliteTable("session_sso", {
  sessionId: text("session_id")
    .primaryKey()
    .references(() => sessions.id, { onDelete: "cascade" }),
  providerId: integer("provider_id")
    .notNull()
    .references(() => identityProviders.id, { onDelete: "cascade" }),
  idToken: text("id_token").notNull(),
});

// ---------------------------------------------------------------- accounts without SSO


/** One-time links to set a password (invitation) or reset it. Only a hash is stored. */
export const accountTokens = sqliteTable(
  "account_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    purpose: text("purpose", { enum: ACCOUNT_TOKEN_PURPOSES }).notNull(),
    expiresAt: text("expires_at").notNull(),
    usedAt: text("used_at"),
    createdAt: createdAt(),
  },
  (t) => [index("account_tokens_person_idx").on(t.personId)],
);

/** TOTP second factor: the secret once confirmed, and hashed single-use recovery codes. */
export const secondFactors = sqliteTable("second_factors", {
  personId: integer("person_id")
    .primaryKey()
    .references(() => people.id, { onDelete: "cascade" }),
  secret: text("secret").notNull(),
  confirmedAt: text("confirmed_at"),
  /** The last accepted time step, so one code cannot be used twice. */
  lastStep: integer("last_step").notNull().default(0),
});

export const recoveryCodes = sqliteTable(
  "recovery_codes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: text("used_at"),
  },
  (t) => [index("recovery_codes_person_idx").on(t.personId)],
);

/** Password checked, second factor still to come (or to be set up): a short-lived step. */
export const loginChallenges = sqliteTable("login_challenges", {
  id: text("id").primaryKey(),
  personId: integer("person_id")
    .notNull()
    .references(() => people.id, { onDelete: "cascade" }),
  redirectTo: text("redirect_to").notNull().default("/"),
  expiresAt: text("expires_at").notNull(),
  attempts: integer("attempts").notNull().default(0),
});

// ---------------------------------------------------------------- overleg (issue 19)
// Keten meetings (EKO, OKO, driehoek, resultaatgesprek), their agenda, minutes (a collab room
// "minutes-<meetingId>"), besluitenlijst, acties, the verbeterregister and the roles per keten.


export const overleggen = sqliteTable("overleggen", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  ketenId: integer("keten_id")
    .notNull()
    .references(() => ketens.id),
  kind: text("kind", { enum: OVERLEG_KINDS }).notNull(),
  name: text("name").notNull(),
  description: text("description").notNull().default(""),
  chairId: integer("chair_id").references(() => people.id),
  rhythm: text("rhythm").notNull().default(""),
  createdAt: createdAt(),
});

export const overlegOrganisations = sqliteTable(
  "overleg_organisations",
  {
    overlegId: integer("overleg_id")
      .notNull()
      .references(() => overleggen.id, { onDelete: "cascade" }),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [primaryKey({ columns: [t.overlegId, t.organisationId] })],
);

export const overlegPeople = sqliteTable(
  "overleg_people",
  {
    overlegId: integer("overleg_id")
      .notNull()
      .references(() => overleggen.id, { onDelete: "cascade" }),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
  },
  (t) => [primaryKey({ columns: [t.overlegId, t.personId] })],
);

export const meetings = sqliteTable(
  "meetings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    overlegId: integer("overleg_id")
      .notNull()
      .references(() => overleggen.id, { onDelete: "cascade" }),
    date: text("date").notNull(),
    startTime: text("start_time").notNull().default("10:00"),
    endTime: text("end_time").notNull().default("11:30"),
    location: text("location").notNull().default(""),
    /** Bumped when the date moves, so a calendar update replaces the earlier invitation. */
    sequence: integer("sequence").notNull().default(0),
    agendaSentAt: text("agenda_sent_at"),
    minutesSentAt: text("minutes_sent_at"),
    createdAt: createdAt(),
  },
  (t) => [index("meetings_overleg_idx").on(t.overlegId, t.date)],
);

export const agendaItems = sqliteTable(
  "agenda_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    position: integer("position").notNull().default(0),
    title: text("title").notNull(),
    /** What the item links to: one of AGENDA_TARGET_KINDS in ~/shared/overleg, or null. */
    targetKind: text("target_kind"),
    targetId: integer("target_id"),
    note: text("note").notNull().default(""),
    /** Set when the item was carried over from an open action. */
    carriedActionId: integer("carried_action_id"),
    createdAt: createdAt(),
  },
  (t) => [index("agenda_items_meeting_idx").on(t.meetingId, t.position), uniqueIndex("agenda_items_carried").on(t.meetingId, t.carriedActionId)],
);

export const decisions = sqliteTable(
  "decisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    overlegId: integer("overleg_id")
      .notNull()
      .references(() => overleggen.id, { onDelete: "cascade" }),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    agendaItemId: integer("agenda_item_id").references(() => agendaItems.id, { onDelete: "set null" }),
    text: text("text").notNull(),
    decidedBy: text("decided_by").notNull(),
    decidedOn: text("decided_on").notNull(),
    createdById: integer("created_by_id").references(() => people.id),
    createdAt: createdAt(),
  },
  (t) => [index("decisions_overleg_idx").on(t.overlegId)],
);


export const actions = sqliteTable(
  "actions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    overlegId: integer("overleg_id")
      .notNull()
      .references(() => overleggen.id, { onDelete: "cascade" }),
    meetingId: integer("meeting_id").references(() => meetings.id, { onDelete: "set null" }),
    decisionId: integer("decision_id").references(() => decisions.id, { onDelete: "set null" }),
    signalId: integer("signal_id").references(() => signals.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    ownerPersonId: integer("owner_person_id").references(() => people.id),
    ownerOrganisationId: integer("owner_organisation_id").references(() => organisations.id),
    dueDate: text("due_date").notNull(),
    status: text("status", { enum: ACTION_STATUSES }).notNull().default("open"),
    createdById: integer("created_by_id").references(() => people.id),
    doneAt: text("done_at"),
    createdAt: createdAt(),
  },
  (t) => [index("actions_overleg_idx").on(t.overlegId, t.status)],
);

/** One row per reminder sent (action or signal): the unique key makes each one happen once. */
export const overlegReminders = sqliteTable("overleg_reminders", {
  key: text("key").primaryKey(),
  kind: text("kind").notNull(),
  entityType: text("entity_type").notNull(),
  entityId: integer("entity_id").notNull(),
  sentAt: text("sent_at").notNull(),
});


export const registerItems = sqliteTable(
  "register_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    ketenId: integer("keten_id")
      .notNull()
      .references(() => ketens.id),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    source: text("source", { enum: REGISTER_SOURCES }).notNull().default("overleg"),
    signalId: integer("signal_id").references(() => signals.id, { onDelete: "set null" }),
    priority: text("priority", { enum: REGISTER_PRIORITIES }),
    /** The OKO action that carries the item out. */
    okoActionId: integer("oko_action_id").references(() => actions.id, { onDelete: "set null" }),
    status: text("status", { enum: REGISTER_STATUSES }).notNull().default("nieuw"),
    outcome: text("outcome").notNull().default(""),
    createdById: integer("created_by_id").references(() => people.id),
    createdAt: createdAt(),
    updatedAt: createdAt(),
  },
  (t) => [index("register_items_keten_idx").on(t.ketenId)],
);

export const ketenRoles = sqliteTable(
  "keten_roles",
  {
    ketenId: integer("keten_id")
      .notNull()
      .references(() => ketens.id, { onDelete: "cascade" }),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id),
    role: text("role").notNull(),
    expectations: text("expectations").notNull().default(""),
    contentDecider: text("content_decider").notNull().default(""),
    capacityDecider: text("capacity_decider").notNull().default(""),
  },
  (t) => [primaryKey({ columns: [t.ketenId, t.organisationId] })],
);

export const ketenWijkContacts = sqliteTable("keten_wijk_contacts", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  ketenId: integer("keten_id")
    .notNull()
    .references(() => ketens.id, { onDelete: "cascade" }),
  wijkId: integer("wijk_id")
    .notNull()
    .references(() => wijken.id),
  role: text("role").notNull(),
  personId: integer("person_id").references(() => people.id),
  name: text("name").notNull().default(""),
});

/** The regie of a keten besides its regisseur: the deputy (acts only while standIn) and escalation. */
export const ketenRegie = sqliteTable("keten_regie", {
  ketenId: integer("keten_id")
    .primaryKey()
    .references(() => ketens.id, { onDelete: "cascade" }),
  deputyId: integer("deputy_id").references(() => people.id),
  standIn: integer("stand_in", { mode: "boolean" }).notNull().default(false),
  escalationPersonId: integer("escalation_person_id").references(() => people.id),
});

// ---------------------------------------------------------------- e-mail people can bear (issue 16)

/** How a person receives one category of notice (app/shared/notices.ts); no row means "direct". */

export const noticePreferences = sqliteTable(
  "notice_preferences",
  {
    personId: integer("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    category: text("category").notNull(),
    delivery: text("delivery", { enum: NOTICE_DELIVERIES }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.category] })],
);

/** One digest e-mail per person and period (the unique key makes it once, also across restarts). */
export const digestsSent = sqliteTable(
  "digests_sent",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    period: text("period", { enum: DIGEST_PERIODS }).notNull(),
    /** "2026-12-02" for a daily digest, "2026-W49" for a weekly one. */
    periodKey: text("period_key").notNull(),
    emailId: integer("email_id").references(() => emails.id, { onDelete: "set null" }),
    items: integer("items").notNull(),
    sentAt: text("sent_at").notNull(),
  },
  (t) => [uniqueIndex("digests_sent_once_idx").on(t.personId, t.period, t.periodKey)],
);

/** Notices waiting for a digest; `digestId` is set when a digest took them. */
export const digestQueue = sqliteTable(
  "digest_queue",
  {
    notificationId: integer("notification_id")
      .primaryKey()
      .references(() => notifications.id, { onDelete: "cascade" }),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    period: text("period", { enum: DIGEST_PERIODS }).notNull(),
    digestId: integer("digest_id").references(() => digestsSent.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("digest_queue_pending_idx").on(t.period, t.digestId, t.personId)],
);

/** When the person last opened the start page, for "nieuw sinds uw laatste bezoek". */
export const personVisits = sqliteTable("person_visits", {
  personId: integer("person_id")
    .primaryKey()
    .references(() => people.id, { onDelete: "cascade" }),
  lastSeenAt: text("last_seen_at").notNull(),
  previousSeenAt: text("previous_seen_at"),
});

// ---------------------------------------------------------------- register of opdrachten (issue 13)
// The assignment to the wijkteams, its aanvullende opdrachten and the information requests,
// each checked ("getoetst") by the contractmanager against the broad assignment before it
// reaches the teams; reporting moments with the requester's feedback on what was done.

/** via_toets: registered before it reaches the teams; buiten_route: it reached them without the toets. */

export const opdrachten = sqliteTable(
  "opdrachten",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: OPDRACHT_KINDS }).notNull(),
    title: text("title").notNull(),
    purpose: text("purpose").notNull(),
    /** Who asked: the department or team of the municipality, in its own words. */
    requestedBy: text("requested_by").notNull(),
    /** The requester's contact: receives the reminders and records the feedback. */
    ownerId: integer("owner_id")
      .notNull()
      .references(() => people.id),
    /** Optional budget in whole euros. */
    budget: integer("budget"),
    startDate: text("start_date").notNull(),
    endDate: text("end_date").notNull(),
    evaluationDate: text("evaluation_date"),
    /** Indicators, one per line. */
    indicators: text("indicators").notNull().default(""),
    visieDocumentId: integer("visie_document_id").references(() => documents.id),
    visieAnchor: text("visie_anchor").notNull().default(""),
    status: text("status", { enum: OPDRACHT_STATUSES }).notNull().default("voorgesteld"),
    route: text("route", { enum: OPDRACHT_ROUTES }).notNull().default("via_toets"),
    statusNote: text("status_note").notNull().default(""),
    toetsOutcome: text("toets_outcome", { enum: TOETS_OUTCOMES }),
    toetsNote: text("toets_note").notNull().default(""),
    toetsById: integer("toets_by_id").references(() => people.id),
    toetsAt: text("toets_at"),
    createdById: integer("created_by_id").references(() => people.id),
    createdAt: createdAt(),
    updatedAt: createdAt(),
  },
  (t) => [index("opdrachten_status_idx").on(t.status, t.startDate)],
);

export const opdrachtKetens = sqliteTable(
  "opdracht_ketens",
  {
    opdrachtId: integer("opdracht_id")
      .notNull()
      .references(() => opdrachten.id, { onDelete: "cascade" }),
    ketenId: integer("keten_id")
      .notNull()
      .references(() => ketens.id),
  },
  (t) => [primaryKey({ columns: [t.opdrachtId, t.ketenId] })],
);

export const opdrachtThemas = sqliteTable(
  "opdracht_themas",
  {
    opdrachtId: integer("opdracht_id")
      .notNull()
      .references(() => opdrachten.id, { onDelete: "cascade" }),
    themaId: integer("thema_id")
      .notNull()
      .references(() => themas.id),
  },
  (t) => [primaryKey({ columns: [t.opdrachtId, t.themaId] })],
);

/** The organisations that carry the item out (they read it, ketenpartners only these). */
export const opdrachtOrganisations = sqliteTable(
  "opdracht_organisations",
  {
    opdrachtId: integer("opdracht_id")
      .notNull()
      .references(() => opdrachten.id, { onDelete: "cascade" }),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [primaryKey({ columns: [t.opdrachtId, t.organisationId] }), index("opdracht_organisations_org_idx").on(t.organisationId)],
);

/** A reporting moment: what is delivered when, whether it came in, and what was done with it. */
export const opdrachtReports = sqliteTable(
  "opdracht_reports",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    opdrachtId: integer("opdracht_id")
      .notNull()
      .references(() => opdrachten.id, { onDelete: "cascade" }),
    dueDate: text("due_date").notNull(),
    title: text("title").notNull(),
    receivedAt: text("received_at"),
    receivedById: integer("received_by_id").references(() => people.id),
    /** "Wat er met uw gegevens is gedaan": the requester's feedback to the teams. */
    feedback: text("feedback").notNull().default(""),
    feedbackAt: text("feedback_at"),
    feedbackById: integer("feedback_by_id").references(() => people.id),
    createdAt: createdAt(),
  },
  (t) => [index("opdracht_reports_due_idx").on(t.opdrachtId, t.dueDate)],
);

// ---------------------------------------------------------------- guarded publishing (issue 12)


/** A redacteur who is not the owner offers the draft of a binding document for publication. */
export const publicationOffers = sqliteTable(
  "publication_offers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    offeredById: integer("offered_by_id")
      .notNull()
      .references(() => people.id),
    summary: text("summary").notNull(),
    /** The draft as it was offered: what the owner reviews and publishes. */
    lexicalJson: text("lexical_json").notNull(),
    baseVersionId: integer("base_version_id").references(() => documentVersions.id),
    status: text("status", { enum: PUBLICATION_OFFER_STATUSES }).notNull().default("aangeboden"),
    remark: text("remark").notNull().default(""),
    decidedById: integer("decided_by_id").references(() => people.id),
    decidedAt: text("decided_at"),
    resultVersionId: integer("result_version_id").references(() => documentVersions.id),
    proposalId: integer("proposal_id").references(() => proposals.id),
    createdAt: createdAt(),
  },
  (t) => [index("publication_offers_document_idx").on(t.documentId, t.status)],
);

/** A version the owner published as redactioneel, announced to the keten's organisations. */
export const editorialVersions = sqliteTable("editorial_versions", {
  versionId: integer("version_id")
    .primaryKey()
    .references(() => documentVersions.id, { onDelete: "cascade" }),
  documentId: integer("document_id")
    .notNull()
    .references(() => documents.id, { onDelete: "cascade" }),
  /** Last calendar day (Amsterdam) on which "dit is inhoudelijk" can be answered. */
  objectionUntil: text("objection_until").notNull(),
  announcedAt: text("announced_at").notNull(),
});

/** "Dit is inhoudelijk": an organisation of the keten disputes that a version was editorial. */
export const versionObjections = sqliteTable(
  "version_objections",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    versionId: integer("version_id")
      .notNull()
      .references(() => documentVersions.id, { onDelete: "cascade" }),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id),
    reason: text("reason").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("version_objections_version_idx").on(t.versionId)],
);

/** The proposed text as commenters were last told about it (passage-change notices). */
export const proposalTextSnapshots = sqliteTable("proposal_text_snapshots", {
  proposalId: integer("proposal_id")
    .primaryKey()
    .references(() => proposals.id, { onDelete: "cascade" }),
  lexicalJson: text("lexical_json").notNull(),
  text: text("text").notNull(),
  takenAt: text("taken_at").notNull(),
});

// ---------------------------------------------------------------- verkenning, integral check, samenhang (issue 13)
// A verkenning asks partners open questions before any text exists; the integral check lets the
// regisseur of every keten say whether a concept touches it before consultation opens; links
// record which changes belong together ("hangt samen met").


export const verkenningen = sqliteTable("verkenningen", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  /** The keten of the regisseur who runs it (its owner). */
  ketenId: integer("keten_id")
    .notNull()
    .references(() => ketens.id),
  title: text("title").notNull(),
  problem: text("problem").notNull(),
  knowledge: text("knowledge").notNull().default(""),
  /** Calendar day (Europe/Amsterdam) until which invited organisations can answer. */
  reactionDeadline: text("reaction_deadline").notNull(),
  status: text("status", { enum: VERKENNING_STATUSES }).notNull().default("open"),
  /** "Wat we hebben gehoord", written by the regisseur. */
  summary: text("summary").notNull().default(""),
  closedReason: text("closed_reason").notNull().default(""),
  proposalId: integer("proposal_id").references(() => proposals.id),
  createdById: integer("created_by_id")
    .notNull()
    .references(() => people.id),
  createdAt: createdAt(),
  updatedAt: createdAt(),
  closedAt: text("closed_at"),
});

export const verkenningQuestions = sqliteTable(
  "verkenning_questions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    verkenningId: integer("verkenning_id")
      .notNull()
      .references(() => verkenningen.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    text: text("text").notNull(),
  },
  (t) => [index("verkenning_questions_idx").on(t.verkenningId, t.position)],
);

export const verkenningOrganisations = sqliteTable(
  "verkenning_organisations",
  {
    verkenningId: integer("verkenning_id")
      .notNull()
      .references(() => verkenningen.id, { onDelete: "cascade" }),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [primaryKey({ columns: [t.verkenningId, t.organisationId] })],
);

export const verkenningSignals = sqliteTable(
  "verkenning_signals",
  {
    verkenningId: integer("verkenning_id")
      .notNull()
      .references(() => verkenningen.id, { onDelete: "cascade" }),
    signalId: integer("signal_id")
      .notNull()
      .references(() => signals.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.verkenningId, t.signalId] })],
);

export const verkenningInvitations = sqliteTable(
  "verkenning_invitations",
  {
    verkenningId: integer("verkenning_id")
      .notNull()
      .references(() => verkenningen.id, { onDelete: "cascade" }),
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
  (t) => [primaryKey({ columns: [t.verkenningId, t.personId] })],
);

export const verkenningAnswers = sqliteTable(
  "verkenning_answers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    verkenningId: integer("verkenning_id")
      .notNull()
      .references(() => verkenningen.id, { onDelete: "cascade" }),
    questionId: integer("question_id")
      .notNull()
      .references(() => verkenningQuestions.id, { onDelete: "cascade" }),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id),
    authorId: integer("author_id")
      .notNull()
      .references(() => people.id),
    text: text("text").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("verkenning_answers_idx").on(t.verkenningId, t.questionId)],
);

/** Per proposal: until when the ketens are asked, and the owner's recorded decision to go on without them. */
export const integralChecks = sqliteTable("integral_checks", {
  proposalId: integer("proposal_id")
    .primaryKey()
    .references(() => proposals.id, { onDelete: "cascade" }),
  deadline: text("deadline").notNull(),
  overrideReason: text("override_reason").notNull().default(""),
  overrideById: integer("override_by_id").references(() => people.id),
  overrideAt: text("override_at"),
});

/** One keten's answer in the integral check of a proposal. */
export const ketenChecks = sqliteTable(
  "keten_checks",
  {
    proposalId: integer("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    ketenId: integer("keten_id")
      .notNull()
      .references(() => ketens.id),
    touches: integer("touches", { mode: "boolean" }).notNull(),
    /** JSON array of organisation ids in this keten that the change reaches. */
    organisationIds: text("organisation_ids").notNull().default("[]"),
    note: text("note").notNull().default(""),
    byId: integer("by_id").references(() => people.id),
    at: text("at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.ketenId] })],
);


/** "Hangt samen met": a proposal linked to another proposal or a verkenning (shown on both sides). */
export const changeLinks = sqliteTable(
  "change_links",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    proposalId: integer("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    targetType: text("target_type", { enum: CHANGE_LINK_TARGETS }).notNull(),
    targetId: integer("target_id").notNull(),
    createdById: integer("created_by_id").references(() => people.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("change_links_unique").on(t.proposalId, t.targetType, t.targetId)],
);

/** Who follows which signal, proposal or document: they get that item's notices (if they may read it). */
export const follows = sqliteTable(
  "follows",
  {
    personId: integer("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    itemType: text("item_type", { enum: ["signaal", "voorstel", "document"] }).notNull(),
    itemId: integer("item_id").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.itemType, t.itemId] }), index("follows_item_idx").on(t.itemType, t.itemId)],
);
