// Demo of guarded publishing (issue 12), from content/publishing.json (voorbeeldinhoud): on the
// Wmo werkafspraken the owner published a redactionele version, a Wmo-aanbieder answered "dit
// is inhoudelijk", and a DOCK redacteur has a draft offered for publication, waiting for the owner.
import fs from "node:fs";
import path from "node:path";
import { replaceRoomContent, flushDerived } from "~/collab/index.server";
import { lexicalStateToMarkdown, markdownToLexicalState } from "~/editor/convert.server";
import { docRoom } from "~/shared/collab";
import { loadActorByEmail } from "../actor.server";
import { contentDir } from "../seed/world.server";
import { documentBySlug } from "./documents.server";
import { objectToVersion, offerDraft, publishDraft } from "./publishing.server";
import { getCurrentVersion } from "./versions.server";

type SeedPublishing = {
  document: string;
  editorial: { by: string; summary: string; replace: [string, string][]; objection: { by: string; reason: string } };
  offer: { by: string; summary: string; after: string; text: string };
};

function setDraft(documentId: number, markdown: string): void {
  const room = docRoom(documentId);
  const json = markdownToLexicalState(markdown);
  replaceRoomContent(room, json);
  flushDerived(room);
}

export function seedPublishing(log: (m: string) => void = () => {}): void {
  const file = path.join(contentDir(), "publishing.json");
  if (!fs.existsSync(file)) return;
  const seed = JSON.parse(fs.readFileSync(file, "utf8")) as SeedPublishing;
  const doc = documentBySlug(seed.document);
  const owner = loadActorByEmail(seed.editorial.by);
  const objector = loadActorByEmail(seed.editorial.objection.by);
  const offerer = loadActorByEmail(seed.offer.by);
  const current = doc ? getCurrentVersion(doc.id) : null;
  if (!doc || !owner || !objector || !offerer || !current) return;
  let md = lexicalStateToMarkdown(current.lexicalJson);
  for (const [from, to] of seed.editorial.replace) md = md.replace(from, to);
  setDraft(doc.id, md);
  const out = publishDraft({ actor: owner, documentId: doc.id, summary: seed.editorial.summary, change: "redactioneel" });
  if (out.kind !== "published") return;
  objectToVersion({ actor: objector, documentId: doc.id, number: out.version.number, reason: seed.editorial.objection.reason });
  setDraft(doc.id, md.replace(seed.offer.after, `${seed.offer.after}${seed.offer.text}`));
  offerDraft({ actor: offerer, documentId: doc.id, summary: seed.offer.summary });
  log(`Bewaakt publiceren: redactionele versie ${out.version.number} met een reactie "dit is inhoudelijk" en een openstaand aanbod op ${doc.title}.`);
}
