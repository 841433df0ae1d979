// Followers of a proposal hear of a new comment on it: in the portal and by e-mail or digest as
// they chose, never the commenter, and only followers who may read the comment (the policy's
// canReadProposalComments); whoever may not read it gets no notice, no e-mail, no digest entry.
import { and, eq, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, schema } from "~/db/client.server";
import { setClock } from "~/utils/clock.server";
import { addComment } from "~/domain/consultation/comments.server";
import { saveGoals } from "~/domain/consultation/goals.server";
import { openConsultation } from "~/domain/consultation/lifecycle.server";
import { createProposal, setDates, setImpacts, updateDetails } from "~/domain/consultation/proposals.server";
import { PROPOSED_MD, VISIE_MD, WERKAFSPRAKEN_MD, actor, editProposedText, makeDocument, setupWorld } from "~/domain/consultation/test-support.server";
import { followIn } from "~/domain/follows-store.server";
import { setFollowing } from "~/domain/follows.server";
import { setNoticePreferences } from "~/domain/notices/preferences.server";
import { canReadProposal } from "~/domain/policy.server";
import { proposalFacts } from "~/domain/facts.server";
import { NOTICE_CATEGORIES } from "~/shared/notices";
import { passIntegralCheck } from "~/domain/verkenning/test-support.server";

const REGISSEUR = "regisseur.participatie@zaanstad.example"; // owner of the proposal
const MUNICIPAL = "regisseur.wmo@zaanstad.example"; // reads it (integral overview), follows
const WERKOM = "werkom@werkom.example"; // invited, follows, and comments
const DOCK = "professional@dock.example"; // invited, follows, wants a daily digest
const OUTSIDER = "thuishulp@thuishulpdemo.example"; // not invited: a stale follow row only

const db = () => getDb();
const orgId = (slug: string) => db().select({ id: schema.organisations.id }).from(schema.organisations).where(eq(schema.organisations.slug, slug)).get()!.id;
const commentNotices = (email: string, proposalId: number) =>
  db()
    .select()
    .from(schema.notifications)
    .where(and(eq(schema.notifications.personId, actor(email).id), eq(schema.notifications.kind, "proposal_comment"), like(schema.notifications.link, `/wijzigingen/${proposalId}%`)))
    .all();
const commentMails = (email: string) => db().select().from(schema.emails).where(eq(schema.emails.to, email)).all().filter((m) => m.subject.includes("Nieuwe reactie"));
const digestEntries = (email: string) => db().select().from(schema.digestQueue).where(eq(schema.digestQueue.personId, actor(email).id)).all();

let proposalId: number;

beforeAll(async () => {
  setClock("2026-11-02T09:00:00Z");
  await setupWorld();
  makeDocument({ slug: "visie", title: "Visie op partnerschap", markdown: VISIE_MD, kind: "visie" });
  makeDocument({ slug: "werkafspraken-volgen", title: "Werkafspraken volgen", keten: "participatie-armoede", markdown: WERKAFSPRAKEN_MD });
  const regisseur = actor(REGISSEUR);
  ({ id: proposalId } = createProposal({ actor: regisseur, documentSlug: "werkafspraken-volgen", title: "Voorstel startgesprek" }));
  updateDetails({ actor: regisseur, id: proposalId, title: "Voorstel startgesprek", waarom: "Omdat het beter kan.", visieAnchor: "Veranderingen samen voorbereiden" });
  setImpacts({ actor: regisseur, id: proposalId, impacts: [{ organisationId: orgId("werkom"), note: "" }, { organisationId: orgId("dock"), note: "" }] });
  setDates({ actor: regisseur, id: proposalId, dates: { consultationCloses: "2026-11-20", decisionPlanned: "2026-12-01", effectiveDate: "2027-01-04", evaluationDate: "2027-07-01" }, reason: "" });
  editProposedText(proposalId, PROPOSED_MD);
  saveGoals({ actor: regisseur, id: proposalId, goals: [{ improve: "Eén beoordeling", forWhom: "Aanvragers", measure: "Minder terugverwijzingen" }] });
  passIntegralCheck(proposalId);
  openConsultation({ actor: regisseur, id: proposalId });
});

describe("a new comment on a followed proposal", () => {
  it("reaches the followers who may read it, by their chosen channel, and not the commenter", () => {
    for (const email of [MUNICIPAL, WERKOM, DOCK]) setFollowing({ actor: actor(email), type: "voorstel", ref: String(proposalId), follow: true });
    // A follow row left from when the outsider could read (or written around the check).
    followIn(db(), actor(OUTSIDER).id, "voorstel", proposalId, true);
    const facts = proposalFacts(proposalId)!;
    expect(canReadProposal(actor(OUTSIDER), facts)).toBe(false);
    setNoticePreferences({
      actor: actor(DOCK),
      preferences: Object.fromEntries(NOTICE_CATEGORIES.map((c) => [c, c === "reacties" ? "dagelijks" : "direct"])) as Parameters<typeof setNoticePreferences>[0]["preferences"],
    });
    const before = { mail: commentMails(MUNICIPAL).length, dockDigest: digestEntries(DOCK).length, outsiderDigest: digestEntries(OUTSIDER).length };

    const { commentId } = addComment({ actor: actor(WERKOM), id: proposalId, stance: "zorg", text: "Wie plant het startgesprek in?", quote: "" });

    // A reader who follows: in the portal and by e-mail (the default delivery).
    const [seen] = commentNotices(MUNICIPAL, proposalId);
    expect(seen).toMatchObject({ link: `/wijzigingen/${proposalId}#reactie-${commentId}`, title: "Nieuwe reactie op Voorstel startgesprek" });
    expect(seen.body).toContain("Werkom");
    expect(seen.body).toContain("dat u volgt");
    const mails = commentMails(MUNICIPAL);
    expect(mails).toHaveLength(before.mail + 1);
    expect(mails.at(-1)!.text).toContain(`/wijzigingen/${proposalId}#reactie-${commentId}`);

    // A follower who chose the daily digest: in the portal and queued, no e-mail now.
    const [dock] = commentNotices(DOCK, proposalId);
    expect(dock).toBeDefined();
    expect(commentMails(DOCK)).toHaveLength(0);
    const queued = digestEntries(DOCK);
    expect(queued).toHaveLength(before.dockDigest + 1);
    expect(queued.at(-1)).toMatchObject({ notificationId: dock.id, period: "dagelijks" });

    // The commenter hears nothing of their own comment.
    expect(commentNotices(WERKOM, proposalId)).toHaveLength(0);
    expect(commentMails(WERKOM)).toHaveLength(0);

    // A follower who may not read the proposal (so not its comments) learns nothing.
    expect(commentNotices(OUTSIDER, proposalId)).toHaveLength(0);
    expect(commentMails(OUTSIDER)).toHaveLength(0);
    expect(digestEntries(OUTSIDER)).toHaveLength(before.outsiderDigest);
    expect(db().select().from(schema.emails).all().some((m) => m.to === OUTSIDER && m.text.includes("Voorstel startgesprek"))).toBe(false);

    // The owner, who does not follow, keeps the owner's in-app notice (no e-mail), once.
    const owner = commentNotices(REGISSEUR, proposalId);
    expect(owner).toHaveLength(1);
    expect(owner[0].title).toContain("(zorg)");
    expect(commentMails(REGISSEUR)).toHaveLength(0);
  });

  it("sends the owner who also follows the follower's notice instead of a second one", () => {
    setFollowing({ actor: actor(REGISSEUR), type: "voorstel", ref: String(proposalId), follow: true });
    const before = commentNotices(REGISSEUR, proposalId).length;
    addComment({ actor: actor(DOCK), id: proposalId, stance: "steun", text: "Prima zo.", quote: "" });
    const after = commentNotices(REGISSEUR, proposalId);
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)!.body).toContain("dat u volgt");
    // The earlier commenter, now a follower who reads it, hears of this one.
    expect(commentNotices(WERKOM, proposalId)).toHaveLength(1);
    expect(commentNotices(DOCK, proposalId)).toHaveLength(1);
  });
});
