// Margin comments (issue 14, points 1–3): anchors that stay on their words while another
// client types before them, across a reload of the room from the database; threads,
// resolve/reopen and @mentions; suggestions accepted into the proposed text (and credited in
// the reactienota) or declined with an answer; access as for the text itself.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import * as Y from "yjs";
import { $createParagraphNode, $createTextNode, $getRoot, $isElementNode, $isTextNode } from "lexical";
import { getDb, schema } from "~/db/client.server";
import { applyServerUpdate, getRoomLexicalState, getRoomState } from "~/collab/index.server";
import { compactRoom } from "~/collab/persistence.server";
import { manager } from "~/collab/rooms.server";
import { bindHeadless } from "~/editor/headless.server";
import { lexicalStateToText } from "~/editor/convert.server";
import { docRoom, proposalRoom } from "~/shared/collab";
import { resetClock, setClock } from "~/utils/clock.server";
import { DomainError } from "~/domain/errors";
import { addDraftComment, listDraftComments, replyToDraftComment, setDraftCommentResolved } from "~/domain/margin/drafts.server";
import { acceptSuggestion, declineSuggestion, replyToProposalComment } from "~/domain/margin/proposals.server";
import { addComment, listComments } from "~/domain/consultation/comments.server";
import { getReactienota } from "~/domain/consultation/reactienota.server";
import { openConsultation } from "~/domain/consultation/lifecycle.server";
import { saveGoals } from "~/domain/consultation/goals.server";
import { passIntegralCheck } from "~/domain/verkenning/test-support.server";
import { createProposal, setDates, setImpacts, updateDetails } from "~/domain/consultation/proposals.server";
import { PROPOSED_MD, VISIE_MD, WERKAFSPRAKEN_MD, actor, editProposedText, makeDocument, setupWorld } from "~/domain/consultation/test-support.server";

const REGISSEUR = "regisseur.participatie@zaanstad.example"; // Petra Jansen
const SMD = "teamleider@smd.example"; // Ingrid Visser, redacteur in the keten
const WERKOM = "werkom@werkom.example"; // Ruud Smit, ketenpartner
const DOCK = "professional@dock.example"; // Youssef El Amrani

async function refused(fn: () => unknown): Promise<DomainError> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error("expected a refusal");
}

/** Another client edits the room through a bound Lexical editor, as a browser tab would. */
function editAsClient(room: string, change: () => void): void {
  const doc = new Y.Doc();
  const h = bindHeadless(doc);
  Y.applyUpdate(doc, getRoomState(room));
  h.flush();
  const before = Y.encodeStateVector(doc);
  h.editor.update(change, { discrete: true });
  applyServerUpdate(room, Y.encodeStateAsUpdate(doc, before));
  h.destroy();
}

/** The first text node of the paragraph containing `words`. */
function textNodeWith(words: string) {
  for (const block of $getRoot().getChildren()) {
    if (!$isElementNode(block)) continue;
    for (const n of block.getChildren()) if ($isTextNode(n) && n.getTextContent().includes(words)) return n;
  }
  throw new Error(`no text node with ${words}`);
}

function inbox(email: string) {
  return getDb().select().from(schema.notifications).where(eq(schema.notifications.personId, actor(email).id)).all();
}

/** Reload the room from SQLite as a restarted server would: unload it, re-encode the stored rows. */
function restartRoom(room: string): void {
  const live = manager().rooms.get(room);
  if (live) manager().unload(live);
  compactRoom(room);
}

let docId: number;
let proposalId: number;

beforeAll(async () => {
  setClock("2026-11-02T09:00:00Z");
  await setupWorld();
  makeDocument({ slug: "visie-marge", title: "Visie op partnerschap", markdown: VISIE_MD, kind: "visie" });
  ({ id: docId } = makeDocument({ slug: "werkafspraken-marge", title: "Werkafspraken participatieketen", keten: "participatie-armoede", markdown: WERKAFSPRAKEN_MD }));
  return () => resetClock();
});

describe("draft comments", () => {
  let commentId: number;

  test("a comment stays on its words while another client types before it, after a reload and a restart", () => {
    ({ commentId } = addDraftComment({ actor: actor(REGISSEUR), documentId: docId, quote: "driegesprek met Werkom", quoteHint: "binnen tien werkdagen een", text: "Is tien werkdagen haalbaar?" }));
    const room = docRoom(docId);
    const stored = getDb().select().from(schema.draftComments).where(eq(schema.draftComments.id, commentId)).get()!;
    expect(stored.anchorStart && stored.anchorEnd).toBeTruthy();
    // Someone types before the passage in the same sentence, and adds a paragraph above with the same words.
    editAsClient(room, () => {
      textNodeWith("driegesprek met Werkom").spliceText(0, 0, "Uiterlijk: ");
      $getRoot().getFirstChild()?.insertAfter($createParagraphNode().append($createTextNode("Elk driegesprek met Werkom wordt vastgelegd.")));
    });
    expect(lexicalStateToText(getRoomLexicalState(room))).toContain("Uiterlijk: Het wijkteam plant");
    const [c] = listDraftComments({ actor: actor(REGISSEUR), documentId: docId });
    expect(c.anchor).toEqual({ state: "exact", passage: "driegesprek met Werkom", hint: expect.stringContaining("plant binnen tien werkdagen een") });

    restartRoom(room);
    const [again] = listDraftComments({ actor: actor(SMD), documentId: docId });
    expect(again.anchor).toEqual(c.anchor);
    expect(manager().rooms.has(room)).toBe(false);
  });

  test("threads: replies, resolve and reopen, @mentions reach only people who may read the draft", async () => {
    replyToDraftComment({ actor: actor(SMD), documentId: docId, commentId, text: "Ja, als @Petra Jansen de planning deelt. @Ruud Smit weet het ook." });
    const [c] = listDraftComments({ actor: actor(REGISSEUR), documentId: docId });
    expect(c.replies.map((r) => [r.authorName, r.text])).toEqual([["Ingrid Visser", "Ja, als @Petra Jansen de planning deelt. @Ruud Smit weet het ook."]]);
    const mention = inbox(REGISSEUR).find((n) => n.kind === "draft_mention");
    expect(mention?.link).toBe(`/documenten/werkafspraken-marge/bewerken#opmerking-${commentId}`);
    // A ketenpartner may not read the draft: no notice, no e-mail.
    expect(inbox(WERKOM).filter((n) => n.kind === "draft_mention")).toHaveLength(0);

    setDraftCommentResolved({ actor: actor(SMD), documentId: docId, commentId, resolved: true });
    expect(listDraftComments({ actor: actor(SMD), documentId: docId })[0].resolved).toMatchObject({ byName: "Ingrid Visser" });
    expect((await refused(() => setDraftCommentResolved({ actor: actor(SMD), documentId: docId, commentId, resolved: true }))).status).toBe(409);
    setDraftCommentResolved({ actor: actor(REGISSEUR), documentId: docId, commentId, resolved: false });
    expect(listDraftComments({ actor: actor(SMD), documentId: docId })[0].resolved).toBeNull();

    // Those who may not read the draft get the same 404 for listing, commenting and replying.
    expect((await refused(() => listDraftComments({ actor: actor(WERKOM), documentId: docId }))).status).toBe(404);
    expect((await refused(() => replyToDraftComment({ actor: actor(WERKOM), documentId: docId, commentId, text: "x" }))).status).toBe(404);
  });

  test("a comment on a deleted passage is kept and shown as deleted", () => {
    editAsClient(docRoom(docId), () => {
      textNodeWith("plant binnen tien werkdagen een driegesprek").getParentOrThrow().remove();
    });
    const [c] = listDraftComments({ actor: actor(REGISSEUR), documentId: docId });
    expect(c.anchor).toEqual({ state: "missing" });
    expect(c.quote).toBe("driegesprek met Werkom");
    expect(c.text).toBe("Is tien werkdagen haalbaar?");
  });
});

describe("proposal comments: threads and suggestions", () => {
  let suggestionId: number;
  let declinedId: number;

  beforeAll(() => {
    const regisseur = actor(REGISSEUR);
    ({ id: proposalId } = createProposal({ actor: regisseur, documentSlug: "werkafspraken-marge", title: "Startgesprekken door Werkom" }));
    updateDetails({ actor: regisseur, id: proposalId, title: "Startgesprekken door Werkom", waarom: "Eén beoordeling.", visieAnchor: "Veranderingen samen voorbereiden" });
    const org = (slug: string) => getDb().select({ id: schema.organisations.id }).from(schema.organisations).where(eq(schema.organisations.slug, slug)).get()!.id;
    setImpacts({ actor: regisseur, id: proposalId, impacts: [{ organisationId: org("werkom"), note: "Voert de startgesprekken." }, { organisationId: org("dock"), note: "" }] });
    setDates({ actor: regisseur, id: proposalId, dates: { consultationCloses: "2026-11-20", decisionPlanned: "2026-11-27", effectiveDate: "2027-01-04", evaluationDate: "2027-06-01" }, reason: "" });
    editProposedText(proposalId, PROPOSED_MD);
    saveGoals({ actor: regisseur, id: proposalId, goals: [{ improve: "Eén beoordeling van de afstand tot werk", forWhom: "Aanvragers van bijstand", measure: "Minder terugverwijzingen" }] });
    passIntegralCheck(proposalId);
    openConsultation({ actor: regisseur, id: proposalId });
  });

  test("an invited partner suggests wording; it is anchored in the room and survives edits before it", () => {
    ({ commentId: suggestionId } = addComment({
      actor: actor(WERKOM),
      id: proposalId,
      stance: "zorg",
      quote: "via een warme overdracht",
      text: "Maak de termijn expliciet.",
      suggestion: "binnen vijf werkdagen via een warme overdracht",
    }));
    ({ commentId: declinedId } = addComment({ actor: actor(DOCK), id: proposalId, stance: "bezwaar", quote: "met Werkom en een inkomensconsulent", text: "Liever met ons.", suggestion: "met DOCK" }));
    editAsClient(proposalRoom(proposalId), () => textNodeWith("warme overdracht").spliceText(0, 0, "Voortaan: "));
    const c = listComments({ id: proposalId, baseVersionId: null }).find((x) => x.id === suggestionId)!;
    expect(c.suggestion).toMatchObject({ text: "binnen vijf werkdagen via een warme overdracht", appliedAt: null });
    expect(c.suggestion?.redline.filter((s) => s.type === "add").map((s) => s.text.trim())).toEqual(["binnen vijf werkdagen"]);
    expect(c.passage).toMatchObject({ state: "exact", passage: "via een warme overdracht" });
  });

  test("a partner replies to the owner's answer; a partner that was not invited cannot", async () => {
    replyToProposalComment({ actor: actor(REGISSEUR), id: proposalId, commentId: declinedId, text: "Wat is het bezwaar precies?" });
    replyToProposalComment({ actor: actor(DOCK), id: proposalId, commentId: declinedId, text: "Wij kennen de gezinnen al." });
    const c = listComments({ id: proposalId, baseVersionId: null }).find((x) => x.id === declinedId)!;
    expect(c.replies.map((r) => r.organisationName)).toEqual(["Gemeente Zaanstad", "DOCK"]);
    expect(inbox(DOCK).some((n) => n.kind === "proposal_reply" && n.link === `/wijzigingen/${proposalId}#reactie-${declinedId}`)).toBe(true);
    const e = await refused(() => replyToProposalComment({ actor: actor("nieuw@incluzio.example"), id: proposalId, commentId: declinedId, text: "x" }));
    expect(e.status).toBe(404);
    const outsider = await refused(() => replyToProposalComment({ actor: actor("thuishulp@thuishulpdemo.example"), id: proposalId, commentId: declinedId, text: "x" }));
    expect(outsider.status).toBe(404);
  });

  test("accepting applies the wording to the room as an incremental change and credits the author in the reactienota", async () => {
    const partner = await refused(() => acceptSuggestion({ actor: actor(WERKOM), id: proposalId, commentId: suggestionId, text: "" }));
    expect(partner.status).toBe(403);
    const before = getRoomState(proposalRoom(proposalId)).length;
    acceptSuggestion({ actor: actor(REGISSEUR), id: proposalId, commentId: suggestionId, text: "Goed punt." });
    const text = lexicalStateToText(getRoomLexicalState(proposalRoom(proposalId)));
    expect(text).toContain("Voortaan: Na een aanvraag");
    expect(text).toContain("Werkom verwijst door naar het wijkteam binnen vijf werkdagen via een warme overdracht.");
    expect(getRoomState(proposalRoom(proposalId)).length).toBeLessThan(before + 400); // an edit, not a new copy of the text
    const nota = getReactienota({ actor: actor(WERKOM), id: proposalId });
    const answered = nota.comments.find((x) => x.id === suggestionId)!;
    expect(answered.answer?.decision).toBe("overgenomen");
    expect(answered.answer?.textChange).toContain("Tekstvoorstel van Ruud Smit (Werkom) overgenomen");
    expect(answered.suggestion?.appliedAt).not.toBeNull();
    expect((await refused(() => acceptSuggestion({ actor: actor(REGISSEUR), id: proposalId, commentId: suggestionId, text: "" }))).status).toBe(409);
  });

  test("declining answers the comment and leaves the text alone", () => {
    declineSuggestion({ actor: actor(REGISSEUR), id: proposalId, commentId: declinedId, text: "Werkom voert de gesprekken; DOCK sluit aan waar nodig." });
    const text = lexicalStateToText(getRoomLexicalState(proposalRoom(proposalId)));
    expect(text).toContain("met Werkom en een inkomensconsulent");
    const nota = getReactienota({ actor: actor(DOCK), id: proposalId });
    expect(nota.comments.find((x) => x.id === declinedId)?.answer).toMatchObject({ decision: "niet_overgenomen", text: "Werkom voert de gesprekken; DOCK sluit aan waar nodig." });
  });
});

describe("demo content", () => {
  test("the seed puts a suggestion with replies on the running proposal and a thread on a draft", async () => {
    const { seedDocuments } = await import("~/domain/documents/seed.server");
    const { seedProposals } = await import("~/domain/consultation/seed.server");
    const { seedMarginComments } = await import("~/domain/margin/seed.server");
    seedDocuments();
    seedProposals();
    const logged: string[] = [];
    expect(seedMarginComments((m) => logged.push(m))).toBe(3);
    const wmo = getDb().select({ id: schema.documents.id }).from(schema.documents).where(eq(schema.documents.slug, "werkafspraken-wmo-keten")).get()!;
    const draft = listDraftComments({ actor: actor("regisseur.wmo@zaanstad.example"), documentId: wmo.id });
    expect(draft.map((c) => c.anchor.state)).toEqual(["exact", "exact"]);
    expect(draft[0].replies).toHaveLength(1);
  });
});
