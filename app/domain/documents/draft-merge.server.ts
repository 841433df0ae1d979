// Nothing typed is lost when a wijzigingsvoorstel takes effect (issue 12): the new version is
// exactly the decided text, and the edits made in the document's draft meanwhile (relative to
// the version in force) stay in the draft on top of it (merge.ts). The people who typed them
// and the owner are told, with a redline of what the draft now adds to the new version.
import { and, eq, gte, isNotNull } from "drizzle-orm";
import { schema } from "~/db/client.server";
import { getRoomLexicalState, type Tx } from "~/collab/index.server";
import { docRoom } from "~/shared/collab";
import { notify } from "../notify.server";
import { diffDocuments, diffStats } from "./diff";
import { mergeDraft } from "./merge";
import { redlineText } from "./redline-text";
import { documentOwnerIds } from "./audience.server";
import { publishVersion, type PublishedVersion } from "./versions.server";

export function publishDecidedKeepingDraft(
  tx: Tx,
  input: { documentId: number; proposalId: number; proposalTitle: string; summary: string; decidedLexicalJson: string },
): PublishedVersion {
  const doc = tx
    .select({ slug: schema.documents.slug, title: schema.documents.title, ketenId: schema.documents.ketenId, lexicalJson: schema.documentVersions.lexicalJson, publishedAt: schema.documentVersions.publishedAt })
    .from(schema.documents)
    .leftJoin(schema.documentVersions, eq(schema.documents.currentVersionId, schema.documentVersions.id))
    .where(eq(schema.documents.id, input.documentId))
    .get();
  const room = docRoom(input.documentId);
  const draftJson = getRoomLexicalState(room);
  const draftEdited = !!doc?.lexicalJson && diffStats(diffDocuments(doc.lexicalJson, draftJson)).changedBlocks > 0;
  const publish = { actor: null, documentId: input.documentId, summary: input.summary, lexicalJson: input.decidedLexicalJson, proposalId: input.proposalId };
  if (!doc?.lexicalJson || !draftEdited) return publishVersion(publish, tx);

  const merged = mergeDraft(doc.lexicalJson, draftJson, input.decidedLexicalJson);
  const version = publishVersion({ ...publish, draft: { lexicalJson: merged } }, tx);
  const adds = redlineText(diffDocuments(input.decidedLexicalJson, merged));
  if (adds) {
    const typists = tx
      .selectDistinct({ id: schema.yUpdates.personId })
      .from(schema.yUpdates)
      .where(and(eq(schema.yUpdates.room, room), isNotNull(schema.yUpdates.personId), gte(schema.yUpdates.createdAt, doc.publishedAt ?? "")))
      .all()
      .map((r) => r.id as number);
    notify(tx, [...typists, ...documentOwnerIds(doc, tx)], {
      kind: "draft_kept",
      title: `Concept bewaard: ${doc.title}`,
      body: `Het wijzigingsvoorstel "${input.proposalTitle}" is van kracht: versie ${version.number} is precies de vastgestelde tekst. Wat intussen in het concept is getypt, staat er nog in. Het concept voegt nu dit toe aan versie ${version.number}:\n\n${adds}\n\nPubliceer deze wijzigingen pas na een nieuw besluit of, als ze redactioneel zijn, als redactionele versie.`,
      link: `/documenten/${doc.slug}/vergelijk?van=${version.number}&naar=concept`,
    });
  }
  return version;
}
