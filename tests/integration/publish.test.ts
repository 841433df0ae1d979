// Issue 12, guarded publishing and nothing typed lost, through the domain with real SMTP:
//   1. a redacteur who is not the owner cannot publish a binding document; offer → publish is
//      audited; a redactionele version is announced in-app and by e-mail, with the redline, and
//      "dit is inhoudelijk" reaches the owner within five working days;
//   2. publishing is refused while a proposal runs on the document;
//   3. draft edits made during a consultation survive activation, the version is the decided text;
//   7. a commenter whose passage changed gets a notice with that passage's redline.
import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { $createParagraphNode, $createTextNode, $getRoot } from "lexical";
import { startSmtp, type MailCatcher } from "../support/smtp";
import { getDb, schema } from "~/db/client.server";
import { applyServerUpdate, getRoomState, readDerived } from "~/collab/index.server";
import { bindHeadless } from "~/editor/headless.server";
import { lexicalStateToText, markdownToLexicalState } from "~/editor/convert.server";
import { docRoom } from "~/shared/collab";
import { addWorkingDays } from "~/shared/working-days";
import { setClock } from "~/utils/clock.server";
import { DomainError } from "~/domain/errors";
import { actor, editProposedText, makeDocument, setupWorld, WERKAFSPRAKEN_MD, PROPOSED_MD } from "~/domain/consultation/test-support.server";
import { activateProposal } from "~/domain/consultation/activation.server";
import { createProposal } from "~/domain/consultation/proposals.server";
import { notifyChangedPassages } from "~/domain/consultation/passage-changes.server";
import { remindNonResponders } from "~/domain/consultation/manual-reminder.server";
import { decideOffer, editorialOf, objectToVersion, offerDraft, pendingOffersFor, publishDraft } from "~/domain/documents/publishing.server";
import { documentById } from "~/domain/documents/documents.server";
import { getCurrentVersion, publishVersion } from "~/domain/documents/versions.server";

let smtp: MailCatcher;
const OWNER = "regisseur.participatie@zaanstad.example";
const DOCK = "professional@dock.example";
const WERKOM = "werkom@werkom.example";

async function refused(fn: () => unknown): Promise<DomainError> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error("expected a refusal");
}

/** Type a paragraph into a room as an editor would (through a bound Lexical editor). */
function typeIntoRoom(room: string, text: string, personId: number): void {
  const doc = new Y.Doc();
  const h = bindHeadless(doc);
  Y.applyUpdate(doc, getRoomState(room));
  h.flush();
  const before = Y.encodeStateVector(doc);
  h.editor.update(() => $getRoot().append($createParagraphNode().append($createTextNode(text))), { discrete: true });
  applyServerUpdate(room, Y.encodeStateAsUpdate(doc, before), { personId });
  h.destroy();
}

const inbox = (email: string, kind: string) =>
  getDb().select().from(schema.notifications).where(and(eq(schema.notifications.personId, actor(email).id), eq(schema.notifications.kind, kind))).all();

async function deliver() {
  const { deliverPending } = await import("../../server/mail/mailer");
  await deliverPending();
}

beforeAll(async () => {
  smtp = await startSmtp();
  process.env.SMTP_URL = smtp.url;
  setClock("2026-12-01T08:00:00Z");
  await setupWorld();
}, 60_000);
afterAll(async () => smtp?.close());

describe("guarded publishing (acceptance 1)", () => {
  it("refuses a redacteur who is not the owner; offer → publish is audited and announced in-app and by e-mail with the redline", async () => {
    const { id } = makeDocument({ slug: "wa-bewaakt", title: "Werkafspraken bewaakt", keten: "participatie-armoede", markdown: WERKAFSPRAKEN_MD });
    const dock = actor(DOCK);
    typeIntoRoom(docRoom(id), "Het wijkteam belt de inwoner binnen drie werkdagen na de aanmelding.", dock.id);

    // Both the publish command and the low-level publish refuse: 403.
    expect((await refused(() => publishDraft({ actor: dock, documentId: id, summary: "Belafspraak", change: "redactioneel" }))).status).toBe(403);
    expect((await refused(() => publishVersion({ actor: dock, documentId: id, summary: "Belafspraak" }))).status).toBe(403);
    expect(getCurrentVersion(id)!.number).toBe(1);

    const { offerId } = offerDraft({ actor: dock, documentId: id, summary: "Belafspraak na aanmelding toegevoegd" });
    expect(pendingOffersFor(actor(OWNER)).map((o) => o.id)).toContain(offerId);
    expect(pendingOffersFor(dock)).toEqual([]);
    expect(inbox(OWNER, "document_offer")).toHaveLength(1);
    // Only the owner decides.
    expect((await refused(() => decideOffer({ actor: dock, offerId, decision: "publish" }))).status).toBe(403);

    const { versionNumber } = decideOffer({ actor: actor(OWNER), offerId, decision: "publish" });
    expect(versionNumber).toBe(2);
    expect(getCurrentVersion(id)!.text).toContain("binnen drie werkdagen na de aanmelding");
    expect((await refused(() => decideOffer({ actor: actor(OWNER), offerId, decision: "publish" }))).status).toBe(409);

    const actions = getDb().select({ action: schema.auditLog.action }).from(schema.auditLog).where(eq(schema.auditLog.entityId, String(id))).all().map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["document.offer", "document.offer_publish", "document.publish_editorial", "document.publish"]));

    // Announced to the keten's organisations, in-app and over SMTP, with the redline.
    const notice = inbox(WERKOM, "document_editorial");
    expect(notice).toHaveLength(1);
    expect(notice[0].link).toBe("/documenten/wa-bewaakt/versies/2");
    expect(notice[0].body).toContain("+ Het wijkteam belt de inwoner binnen drie werkdagen na de aanmelding.");
    expect(inbox(DOCK, "document_offer_decided")).toHaveLength(1);
    await deliver();
    const mail = await smtp.waitFor((m) => m.subject.includes("Redactionele wijziging: Werkafspraken bewaakt") && m.to.includes(WERKOM));
    expect(mail.text).toContain("+ Het wijkteam belt de inwoner binnen drie werkdagen na de aanmelding.");
    expect(mail.text).toContain("/documenten/wa-bewaakt/versies/2");
    // Not to organisations outside the keten.
    expect(inbox("aanbieder@zorgvoorbeeld.example", "document_editorial")).toHaveLength(0);
  });

  it("the owner must say what the change is; redactioneel is announced, and 'dit is inhoudelijk' reaches the owner within five working days", async () => {
    const doc = documentById(getDb().select({ id: schema.documents.id }).from(schema.documents).where(eq(schema.documents.slug, "wa-bewaakt")).get()!.id)!;
    const owner = actor(OWNER);
    typeIntoRoom(docRoom(doc.id), "Zie ook de website van Werkom.", owner.id);
    const missing = await refused(() => publishDraft({ actor: owner, documentId: doc.id, summary: "Link" }));
    expect(missing.status).toBe(400);
    expect(missing.fieldErrors.change).toBe("Kies redactioneel of inhoudelijk.");
    expect(publishDraft({ actor: owner, documentId: doc.id, summary: "Link", change: "inhoudelijk" })).toEqual({ kind: "proposal" });
    expect(getCurrentVersion(doc.id)!.number).toBe(2);
    const out = publishDraft({ actor: owner, documentId: doc.id, summary: "Verwijzing naar de website", change: "redactioneel" });
    expect(out.kind === "published" && out.version.number).toBe(3);

    const werkom = actor(WERKOM);
    expect(editorialOf(werkom, doc, getCurrentVersion(doc.id)!.id)?.canObject).toBe(true);
    expect((await refused(() => objectToVersion({ actor: werkom, documentId: doc.id, number: 3, reason: " " }))).status).toBe(400);
    expect((await refused(() => objectToVersion({ actor: actor("aanbieder@zorgvoorbeeld.example"), documentId: doc.id, number: 3, reason: "x" }))).status).toBe(403);
    objectToVersion({ actor: werkom, documentId: doc.id, number: 3, reason: "Dit verandert wie de inwoner doorverwijst." });
    const toOwner = inbox(OWNER, "document_objection");
    expect(toOwner.at(-1)!.body).toContain("Dit verandert wie de inwoner doorverwijst.");
    expect(editorialOf(owner, doc, getCurrentVersion(doc.id)!.id)!.objections.map((o) => o.reason)).toEqual(["Dit verandert wie de inwoner doorverwijst."]);
    await deliver();
    await smtp.waitFor((m) => m.subject.includes("Dit is inhoudelijk") && m.to.includes(OWNER));

    // After the five working days: refused.
    setClock(`${addWorkingDays("2026-12-01", 6)}T08:00:00Z`);
    expect((await refused(() => objectToVersion({ actor: werkom, documentId: doc.id, number: 3, reason: "Te laat" }))).status).toBe(409);
    setClock("2026-12-01T08:00:00Z");
  });

  it("a non-binding document (overig) keeps today's behaviour: any editor publishes", () => {
    const { id } = makeDocument({ slug: "wegwijzer-test", title: "Wegwijzer test", keten: "participatie-armoede", markdown: "# Wegwijzer\n\nWelkom." });
    getDb().update(schema.documents).set({ kind: "overig" }).where(eq(schema.documents.id, id)).run();
    typeIntoRoom(docRoom(id), "Nieuwe tip.", actor(DOCK).id);
    const out = publishDraft({ actor: actor(DOCK), documentId: id, summary: "Tip" });
    expect(out.kind === "published" && out.version.number).toBe(2);
  });
});

describe("no publishing while a proposal runs (acceptance 2)", () => {
  it("refuses the owner and an offer with a Dutch message naming the proposal", async () => {
    const { id } = makeDocument({ slug: "wa-voorstel", title: "Werkafspraken met voorstel", keten: "participatie-armoede", markdown: WERKAFSPRAKEN_MD });
    const { id: proposalId } = createProposal({ actor: actor(OWNER), documentSlug: "wa-voorstel", title: "Startgesprekken anders" });
    typeIntoRoom(docRoom(id), "Een spelfout hersteld.", actor(OWNER).id);
    const e = await refused(() => publishDraft({ actor: actor(OWNER), documentId: id, summary: "Spelling", change: "redactioneel" }));
    expect(e.status).toBe(409);
    expect(e.message).toContain('het wijzigingsvoorstel "Startgesprekken anders"');
    expect(e.message).toContain(`/wijzigingen/${proposalId}`);
    expect((await refused(() => publishVersion({ actor: actor(OWNER), documentId: id, summary: "Spelling" }))).status).toBe(409);
    expect((await refused(() => offerDraft({ actor: actor(DOCK), documentId: id, summary: "Spelling" }))).status).toBe(409);
    expect(getCurrentVersion(id)!.number).toBe(1);
  });
});

function insertProposal(documentId: number, baseVersionId: number, values: Partial<typeof schema.proposals.$inferInsert>) {
  return getDb()
    .insert(schema.proposals)
    .values({ documentId, title: "Startgesprekken door Werkom", baseVersionId, createdById: actor(OWNER).id, ...values })
    .returning({ id: schema.proposals.id })
    .get().id;
}

describe("nothing typed is lost on activation (acceptance 3)", () => {
  it("publishes exactly the decided text and keeps the draft edits on top, telling the editors", async () => {
    const { id, versionId } = makeDocument({ slug: "wa-activatie", title: "Werkafspraken activatie", keten: "participatie-armoede", markdown: WERKAFSPRAKEN_MD });
    const decided = markdownToLexicalState(PROPOSED_MD);
    const proposalId = insertProposal(id, versionId, { status: "vastgesteld", effectiveDate: "2026-12-01", decidedLexicalJson: decided });
    // During the consultation a DOCK redacteur typed into the document's draft.
    typeIntoRoom(docRoom(id), "Wachtlijstafspraak: het wijkteam belt elke twee weken.", actor(DOCK).id);

    expect(await activateProposal(proposalId)).toBe(true);
    const current = getCurrentVersion(id)!;
    expect(current.text).toBe(lexicalStateToText(decided));
    expect(current.proposalId).toBe(proposalId);
    const draft = readDerived(docRoom(id))!.text;
    expect(draft).toContain("Wachtlijstafspraak: het wijkteam belt elke twee weken.");
    expect(draft).toContain("Werkom verwijst door naar het wijkteam via een warme overdracht.");
    expect(draft).not.toContain("startgesprek met het wijkteam en een inkomensconsulent");

    const told = inbox(DOCK, "draft_kept");
    expect(told).toHaveLength(1);
    expect(told[0].body).toContain("+ Wachtlijstafspraak: het wijkteam belt elke twee weken.");
    expect(inbox(OWNER, "draft_kept").length).toBeGreaterThan(0);
    expect(await activateProposal(proposalId)).toBe(false);
  });

  it("without draft edits the draft is the decided text, as before", async () => {
    const { id, versionId } = makeDocument({ slug: "wa-activatie-2", title: "Werkafspraken activatie 2", keten: "participatie-armoede", markdown: WERKAFSPRAKEN_MD });
    const decided = markdownToLexicalState(PROPOSED_MD);
    const proposalId = insertProposal(id, versionId, { status: "vastgesteld", effectiveDate: "2026-12-01", decidedLexicalJson: decided });
    expect(await activateProposal(proposalId)).toBe(true);
    expect(readDerived(docRoom(id))!.text).toBe(lexicalStateToText(decided));
    expect(getDb().select().from(schema.notifications).where(like(schema.notifications.title, "%Werkafspraken activatie 2%")).all()).toHaveLength(0);
  });
});

describe("commenters hear when their passage changes (acceptance 7)", () => {
  it("notifies the commenter of a changed passage with its redline, not the one of an unchanged passage", async () => {
    const { id, versionId } = makeDocument({ slug: "wa-passage", title: "Werkafspraken passage", keten: "participatie-armoede", markdown: WERKAFSPRAKEN_MD });
    const proposalId = insertProposal(id, versionId, { status: "in_consultatie", title: "Passage-test", consultationCloses: "2026-12-20" });
    const werkom = actor(WERKOM);
    const smd = actor("teamleider@smd.example");
    for (const p of [werkom, smd, actor("uitkeringen@zaanstad.example")]) {
      getDb().insert(schema.proposalInvitations).values({ proposalId, personId: p.id, organisationId: p.organisationId, invitedAt: "2026-11-20T09:00:00Z" }).run();
      getDb().insert(schema.proposalImpacts).values({ proposalId, organisationId: p.organisationId }).onConflictDoNothing().run();
    }
    editProposedText(proposalId, WERKAFSPRAKEN_MD);
    getDb().insert(schema.proposalComments).values({ proposalId, authorId: werkom.id, organisationId: werkom.organisationId, stance: "zorg", quote: "startgesprek met het wijkteam en een inkomensconsulent", text: "Wie plant dit?" }).run();
    getDb().insert(schema.proposalComments).values({ proposalId, authorId: smd.id, organisationId: smd.organisationId, stance: "steun", quote: "binnen tien werkdagen een driegesprek", text: "Goed." }).run();
    getDb().update(schema.proposalInvitations).set({ respondedAt: "2026-11-25T09:00:00Z" }).where(and(eq(schema.proposalInvitations.proposalId, proposalId), eq(schema.proposalInvitations.personId, werkom.id))).run();
    getDb().update(schema.proposalInvitations).set({ respondedAt: "2026-11-25T09:00:00Z" }).where(and(eq(schema.proposalInvitations.proposalId, proposalId), eq(schema.proposalInvitations.personId, smd.id))).run();

    expect(notifyChangedPassages({ quietSeconds: 0 })).toBe(0); // the first pass takes the snapshot
    editProposedText(proposalId, PROPOSED_MD);
    expect(notifyChangedPassages({ quietSeconds: 600 })).toBe(0); // still being edited
    expect(notifyChangedPassages({ quietSeconds: 0 })).toBe(1);
    expect(notifyChangedPassages({ quietSeconds: 0 })).toBe(0); // once per change

    const notice = inbox(WERKOM, "proposal_passage_changed");
    expect(notice).toHaveLength(1);
    expect(notice[0].body).toContain("[+Werkom en een inkomensconsulent. Werkom verwijst door naar +]");
    expect(notice[0].body).toContain('Uw reactie bij "startgesprek met het wijkteam en een inkomensconsulent"');
    expect(inbox("teamleider@smd.example", "proposal_passage_changed")).toHaveLength(0);
    await deliver();
    const mail = await smtp.waitFor((m) => m.subject.includes("Passage aangepast: Passage-test") && m.to.includes(WERKOM));
    expect(mail.text).toContain("[+Werkom en een inkomensconsulent. Werkom verwijst door naar +]");

    // By hand: a reminder to the organisations that did not respond (Uitkeringen), once a day.
    const r = remindNonResponders({ actor: actor(OWNER), id: proposalId });
    expect(r).toEqual({ people: 1, organisations: 1 });
    expect(inbox("uitkeringen@zaanstad.example", "proposal_reminder_manual")).toHaveLength(1);
    expect(inbox(WERKOM, "proposal_reminder_manual")).toHaveLength(0);
    expect((await refused(() => remindNonResponders({ actor: actor(OWNER), id: proposalId }))).status).toBe(409);
    expect((await refused(() => remindNonResponders({ actor: actor(DOCK), id: proposalId }))).status).toBe(403);
  });
});
