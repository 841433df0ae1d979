// Numbered, published versions of a living document; restoring an older version into the
// draft; comparing versions.
//
// Stable interface (also used by the consultation feature):
//   publishVersion({ actor, documentId, summary, lexicalJson?, proposalId? }, tx?)
//     Creates the next numbered version from the document's collaboration room (or from
//     `lexicalJson`, which then ALSO becomes the room's content so editors continue from it),
//     with derived HTML/text/Markdown and the Yjs state; sets documents.currentVersionId and
//     queues the document for search in the same transaction. Notifies nobody by itself.
//     `actor: null` means the system (e.g. a proposal taking effect on its date).
//     With `draft: "keep"` the room is left as it is (an offer published from its snapshot);
//     with `draft: { lexicalJson }` the room gets that text instead (a proposal taking effect
//     with the draft edits made meanwhile merged on top, see draft-merge.server.ts).
//     A person publishes only what canPublish allows (binding kinds: the owner) and never
//     while a proposal runs on the document (guard.server.ts); the announcement of a
//     redactionele version is publishing.server.ts.
//   awaitDraftEdits({ documentId, seen })
//     Waits (a few seconds at most) until the draft room holds the edits a browser had when
//     it posted the publish form; refuses with 409 when they do not arrive, so a version
//     never silently misses the last words typed.
//   getCurrentVersion(documentId)
import { and, desc, eq, sql } from "drizzle-orm";
import { getDb, schema, type Db } from "~/db/client.server";
import { prepared } from "~/db/prepared.server";
import { parseState } from "~/editor/lexical-json";
import * as Y from "yjs";
import { lexicalReplaceUpdate, yStateToLexicalState } from "~/editor/convert.server";
import { docRoom } from "~/shared/collab";
import { SUMMARY_MAX } from "~/shared/document-forms";
import { nowIso } from "~/utils/clock.server";
import { announce, flushDerived, getRoomState, readDerived, replaceRoomContent, waitForRoomState, type Tx } from "~/collab/index.server";
import { deriveForms } from "~/collab/derived.server";
import type { Actor } from "../actor.server";
import { audit } from "../audit.server";
import { badRequest, conflict, forbidden, notFound } from "../errors";
import { canEditDocument, canPublish, canRestoreVersion, type PublishFacts } from "../policy.server";
import { enqueueSearch } from "../search-outbox.server";
import { documentById, requireVisibleDocument } from "./documents.server";
import { diffDocuments, diffStats } from "./diff";
import { assertNoRunningProposal } from "./guard.server";


export type PublishInput = {
  actor: Actor | null;
  documentId: number;
  summary: string;
  lexicalJson?: string;
  proposalId?: number;
  draft?: "replace" | "keep" | { lexicalJson: string };
};

export type PublishedVersion = { id: number; number: number; documentId: number };

/** Insert version N+1 and make it current. Used by publishing and by the demo seed. */
export function insertVersion(
  tx: Tx,
  v: { documentId: number; summary: string; lexicalJson: string; yState: Uint8Array | null; publishedById: number | null; publishedAt: string; proposalId?: number | null },
): PublishedVersion {
  const last = tx
    .select({ n: sql<number>`coalesce(max(${schema.documentVersions.number}), 0)` })
    .from(schema.documentVersions)
    .where(eq(schema.documentVersions.documentId, v.documentId))
    .get();
  const number = (last?.n ?? 0) + 1;
  const forms = deriveForms(v.lexicalJson);
  const row = tx
    .insert(schema.documentVersions)
    .values({
      documentId: v.documentId,
      number,
      summary: v.summary,
      publishedById: v.publishedById,
      publishedAt: v.publishedAt,
      lexicalJson: v.lexicalJson,
      html: forms.html,
      text: forms.text,
      markdown: forms.markdown,
      yState: v.yState ? Buffer.from(v.yState) : null,
      proposalId: v.proposalId ?? null,
    })
    .returning({ id: schema.documentVersions.id })
    .get();
  tx.update(schema.documents)
    .set({ currentVersionId: row.id, status: "gepubliceerd", updatedAt: v.publishedAt })
    .where(eq(schema.documents.id, v.documentId))
    .run();
  enqueueSearch(tx, "document", v.documentId);
  audit(
    {
      actorId: v.publishedById,
      action: "document.publish",
      entityType: "document",
      entityId: v.documentId,
      after: { number, summary: v.summary, proposalId: v.proposalId ?? null },
    },
    tx,
  );
  return { id: row.id, number, documentId: v.documentId };
}

function validSummary(raw: string): string {
  const summary = raw.trim();
  if (!summary) throw badRequest("Vul in wat er in deze versie is veranderd.", { summary: "Samenvatting van de wijziging is verplicht." });
  if (summary.length > SUMMARY_MAX) {
    throw badRequest("De samenvatting is te lang.", { summary: `Samenvatting mag maximaal ${SUMMARY_MAX} tekens lang zijn.` });
  }
  return summary;
}

/** 403 unless this person may publish the document directly (binding kinds: the owner). */
export function assertCanPublish(actor: Actor, doc: PublishFacts): void {
  if (canPublish(actor, doc)) return;
  throw forbidden(
    canEditDocument(actor, doc)
      ? "Alleen de eigenaar van dit document (de regisseur van de keten) publiceert een nieuwe versie. U kunt het concept ter publicatie aanbieden."
      : "U mag dit document niet publiceren.",
  );
}

export function publishVersion(input: PublishInput, tx?: Tx): PublishedVersion {
  const doc = documentById(input.documentId);
  if (!doc) throw notFound("Dit document bestaat niet (meer).");
  if (input.actor) {
    assertCanPublish(input.actor, doc);
    assertNoRunningProposal(doc.id);
  }
  const summary = validSummary(input.summary);
  if (input.lexicalJson !== undefined) {
    try {
      parseState(input.lexicalJson);
    } catch {
      throw badRequest("De tekst van deze versie is geen geldig document.");
    }
  }
  const personId = input.actor?.id ?? null;
  const room = docRoom(doc.id);
  const run = (t: Tx): PublishedVersion => {
    const draft = input.draft ?? "replace";
    if (input.lexicalJson !== undefined && draft !== "replace") {
      // The version is exactly the given text; the room keeps (or gets) its own draft.
      const roomState = getRoomState(room);
      const state = Y.mergeUpdates([roomState, lexicalReplaceUpdate(roomState, input.lexicalJson)]);
      const version = insertVersion(t, {
        documentId: doc.id,
        summary,
        lexicalJson: yStateToLexicalState(state),
        yState: state,
        publishedById: personId,
        publishedAt: nowIso(),
        proposalId: input.proposalId ?? null,
      });
      if (draft !== "keep") {
        const merged = replaceRoomContent(room, draft.lexicalJson, { personId });
        flushDerived(room, { lexicalJson: yStateToLexicalState(merged), tx: t });
      }
      return version;
    }
    const state = input.lexicalJson !== undefined ? replaceRoomContent(room, input.lexicalJson, { personId }) : getRoomState(room);
    const lexicalJson = yStateToLexicalState(state);
    const version = insertVersion(t, {
      documentId: doc.id,
      summary,
      lexicalJson,
      yState: state,
      publishedById: personId,
      publishedAt: nowIso(),
      proposalId: input.proposalId ?? null,
    });
    flushDerived(room, { lexicalJson, tx: t });
    // Every open editor hears about it once the version is committed.
    announce(room, { type: "published", version: version.number, by: input.actor?.name ?? null }, () => versionExists(version.id));
    return version;
  };
  return tx ? run(tx) : getDb().transaction(run);
}

/**
 * The editor's keystrokes travel over the websocket and the publish form over HTTP; either may
 * arrive first. Wait until the room holds what the browser had (its state vector, base64).
 */
export async function awaitDraftEdits({ documentId, seen, timeoutMs = 5000 }: { documentId: number; seen: string | undefined; timeoutMs?: number }): Promise<void> {
  if (!seen) return;
  const vector = new Uint8Array(Buffer.from(seen, "base64"));
  if (await waitForRoomState(docRoom(documentId), vector, timeoutMs)) return;
  throw conflict("Uw laatste wijzigingen zijn nog niet bij de server aangekomen. Er is niets gepubliceerd; controleer de verbinding en publiceer opnieuw.");
}

function versionExists(id: number): boolean {
  return getDb().select({ id: schema.documentVersions.id }).from(schema.documentVersions).where(eq(schema.documentVersions.id, id)).get() !== undefined;
}

const versionColumns = {
  id: schema.documentVersions.id,
  number: schema.documentVersions.number,
  summary: schema.documentVersions.summary,
  publishedAt: schema.documentVersions.publishedAt,
  publishedById: schema.documentVersions.publishedById,
  publishedByName: schema.people.name,
  publishedByOrganisation: schema.organisations.name,
  proposalId: schema.documentVersions.proposalId,
};

function currentVersionQuery(db: Db) {
  return db
    .select({
      ...versionColumns,
      lexicalJson: schema.documentVersions.lexicalJson,
      html: schema.documentVersions.html,
      text: schema.documentVersions.text,
      markdown: schema.documentVersions.markdown,
    })
    .from(schema.documents)
    .innerJoin(schema.documentVersions, eq(schema.documents.currentVersionId, schema.documentVersions.id))
    .leftJoin(schema.people, eq(schema.documentVersions.publishedById, schema.people.id))
    .leftJoin(schema.organisations, eq(schema.people.organisationId, schema.organisations.id))
    .where(eq(schema.documents.id, sql.placeholder("documentId")))
    .prepare();
}

/** The published version a document reads as now (read pages: prepared once per database). */
export function getCurrentVersion(documentId: number) {
  return prepared(getDb(), "documents.currentVersion", currentVersionQuery).get({ documentId }) ?? null;
}

function currentTextQuery(db: Db) {
  return db
    .select({ text: schema.documentVersions.text })
    .from(schema.documents)
    .innerJoin(schema.documentVersions, eq(schema.documents.currentVersionId, schema.documentVersions.id))
    .where(eq(schema.documents.id, sql.placeholder("documentId")))
    .prepare();
}

export function getVersion(documentId: number, number: number) {
  return (
    getDb()
      .select({
        ...versionColumns,
        lexicalJson: schema.documentVersions.lexicalJson,
        html: schema.documentVersions.html,
        text: schema.documentVersions.text,
        markdown: schema.documentVersions.markdown,
      })
      .from(schema.documentVersions)
      .leftJoin(schema.people, eq(schema.documentVersions.publishedById, schema.people.id))
      .leftJoin(schema.organisations, eq(schema.people.organisationId, schema.organisations.id))
      .where(and(eq(schema.documentVersions.documentId, documentId), eq(schema.documentVersions.number, number)))
      .get() ?? null
  );
}

export function listVersions(documentId: number) {
  return getDb()
    .select(versionColumns)
    .from(schema.documentVersions)
    .leftJoin(schema.people, eq(schema.documentVersions.publishedById, schema.people.id))
    .leftJoin(schema.organisations, eq(schema.people.organisationId, schema.organisations.id))
    .where(eq(schema.documentVersions.documentId, documentId))
    .orderBy(desc(schema.documentVersions.number))
    .all();
}

/** The live draft as text forms (from room_derived, refreshed first). Editors only. */
export function getDraft({ actor, documentId }: { actor: Actor; documentId: number }) {
  const doc = documentById(documentId);
  if (!doc) throw notFound();
  if (!canEditDocument(actor, doc)) throw forbidden("Het concept is alleen zichtbaar voor wie het document bewerkt.");
  const room = docRoom(documentId);
  flushDerived(room);
  return readDerived(room);
}

/** Whether the draft differs from the current published version (editors see a hint). */
export function draftDiffersFromPublished(documentId: number): boolean {
  const derived = readDerived(docRoom(documentId));
  if (!derived) return false;
  const current = prepared(getDb(), "documents.currentText", currentTextQuery).get({ documentId });
  if (!current) return derived.text.trim().length > 0;
  return derived.text !== current.text;
}

/** Put the text of an older version back into the draft (it is not published by this). */
export function restoreVersion({ actor, documentId, number }: { actor: Actor; documentId: number; number: number }) {
  const doc = documentById(documentId);
  if (!doc) throw notFound();
  if (!canRestoreVersion(actor, doc)) throw forbidden("Alleen de eigenaar van het document (de regisseur) kan een eerdere versie terugzetten.");
  const version = getVersion(documentId, number);
  if (!version) throw notFound("Deze versie bestaat niet.");
  const room = docRoom(documentId);
  getDb().transaction((tx) => {
    const state = replaceRoomContent(room, version.lexicalJson, { personId: actor.id });
    flushDerived(room, { lexicalJson: yStateToLexicalState(state), tx });
    audit({ actorId: actor.id, action: "document.restore", entityType: "document", entityId: documentId, after: { number } }, tx);
  });
  announce(room, { type: "restored", version: number, by: actor.name });
  return { number };
}

export type CompareSide = number | "concept";

/** Redline between two versions (or a version and the draft, for editors). */
export function compareVersions({ actor, slug, from, to }: { actor: Actor; slug: string; from: CompareSide; to: CompareSide }) {
  const doc = requireVisibleDocument(actor, slug);
  const load = (side: CompareSide) => {
    if (side === "concept") {
      const draft = getDraft({ actor, documentId: doc.id });
      return { label: "Concept (niet gepubliceerd)", lexicalJson: draft?.lexicalJson ?? null };
    }
    const v = getVersion(doc.id, side);
    if (!v) throw notFound(`Versie ${side} bestaat niet.`);
    return { label: `Versie ${v.number}`, lexicalJson: v.lexicalJson, publishedAt: v.publishedAt, summary: v.summary };
  };
  const a = load(from);
  const b = load(to);
  if (!a.lexicalJson || !b.lexicalJson) throw notFound("Er is (nog) geen concepttekst om te vergelijken.");
  const blocks = diffDocuments(a.lexicalJson, b.lexicalJson);
  return {
    document: { id: doc.id, slug: doc.slug, title: doc.title },
    from: { label: a.label },
    to: { label: b.label },
    blocks,
    stats: diffStats(blocks),
  };
}
