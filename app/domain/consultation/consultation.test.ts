// The consultation from concept to decision, through the domain layer: acceptance points 2
// (no decision with an unanswered comment), 3 (moving the ingangsdatum is announced and kept),
// 6 (bad comment input) and 7 (illegal transitions), plus invitations and receipts.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, schema } from "~/db/client.server";
import { resetClock, setClock } from "~/utils/clock.server";
import { DomainError } from "../errors";
import { answerComment, addComment, listComments } from "./comments.server";
import { commentSchema } from "./forms";
import { receiptsFor, markOpened } from "./invitations.server";
import { saveGoals } from "./goals.server";
import { applyTransition, closeConsultation, decide, openConsultation, transitionProposal, withdraw } from "./lifecycle.server";
import { createProposal, setDates, setImpacts, updateDetails } from "./proposals.server";
import { getReactienota, reactienotaHtml } from "./reactienota.server";
import { PROPOSED_MD, VISIE_MD, WERKAFSPRAKEN_MD, actor, editProposedText, makeDocument, setupWorld } from "./test-support.server";
import { getTimeline } from "./view.server";
import { passIntegralCheck } from "../verkenning/test-support.server";

const REGISSEUR = "regisseur.participatie@zaanstad.example";

function orgId(slug: string): number {
  return getDb().select({ id: schema.organisations.id }).from(schema.organisations).where(eq(schema.organisations.slug, slug)).get()!.id;
}

async function refused(fn: () => unknown): Promise<DomainError> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error("expected a refusal");
}

function emailsTo(email: string) {
  return getDb().select().from(schema.emails).where(eq(schema.emails.to, email)).all();
}

function inbox(email: string) {
  const id = actor(email).id;
  return getDb().select().from(schema.notifications).where(eq(schema.notifications.personId, id)).all();
}

let proposalId: number;

beforeAll(async () => {
  setClock("2026-11-02T09:00:00Z");
  await setupWorld();
  makeDocument({ slug: "visie", title: "Visie op partnerschap", markdown: VISIE_MD, kind: "visie" });
  makeDocument({ slug: "werkafspraken-participatieketen", title: "Werkafspraken participatieketen", keten: "participatie-armoede", markdown: WERKAFSPRAKEN_MD });
  return () => resetClock();
});

describe("a proposal from concept to consultation", () => {
  it("can only be started by the regisseur of the document's keten", async () => {
    const e = await refused(() => createProposal({ actor: actor("regisseur.wmo@zaanstad.example"), documentSlug: "werkafspraken-participatieketen", title: "X" }));
    expect(e.status).toBe(403);
    ({ id: proposalId } = createProposal({ actor: actor(REGISSEUR), documentSlug: "werkafspraken-participatieketen", title: "Startgesprekken door Werkom" }));
    expect(proposalId).toBeGreaterThan(0);
  });

  it("allows one running proposal per document", async () => {
    const e = await refused(() => createProposal({ actor: actor(REGISSEUR), documentSlug: "werkafspraken-participatieketen", title: "Nog een" }));
    expect(e.status).toBe(409);
    expect(e.message).toContain("loopt al een wijzigingsvoorstel");
  });

  it("is invisible to a ketenpartner while it is a concept", async () => {
    const e = await refused(() => getTimeline({ actor: actor("werkom@werkom.example"), id: proposalId }));
    expect(e.status).toBe(404);
  });

  it("refuses to open consultation without waarom, visie link, impact and dates", async () => {
    const e = await refused(() => openConsultation({ actor: actor(REGISSEUR), id: proposalId }));
    expect(e.status).toBe(400);
    expect(Object.keys(e.fieldErrors)).toEqual(expect.arrayContaining(["waarom", "visieAnchor", "organisations", "consultationCloses", "effectiveDate"]));
  });

  it("opens the consultation and invites the people of every affected organisation, with a calendar file", () => {
    const regisseur = actor(REGISSEUR);
    updateDetails({ actor: regisseur, id: proposalId, title: "Startgesprekken door Werkom", waarom: "Eén beoordeling van de afstand tot werk.", visieAnchor: "Veranderingen samen voorbereiden" });
    // Impact is free: a Wmo-aanbieder outside this keten can be named too.
    setImpacts({
      actor: regisseur,
      id: proposalId,
      impacts: [
        { organisationId: orgId("dock"), note: "Geen startgesprekken meer." },
        { organisationId: orgId("werkom"), note: "Voert de startgesprekken." },
        { organisationId: orgId("zorg-voorbeeld"), note: "Krijgt verwijzingen via Werkom." },
      ],
    });
    setDates({
      actor: regisseur,
      id: proposalId,
      dates: { consultationCloses: "2026-11-20", decisionPlanned: "2026-11-27", effectiveDate: "2027-01-04", evaluationDate: "2027-06-01" },
      reason: "",
    });
    editProposedText(proposalId, PROPOSED_MD);
    // Goals are required before consultation opens (issue 12).
    saveGoals({ actor: regisseur, id: proposalId, goals: [{ improve: "Eén beoordeling van de afstand tot werk", forWhom: "Aanvragers van bijstand", measure: "Minder terugverwijzingen" }] });
    passIntegralCheck(proposalId);
    openConsultation({ actor: regisseur, id: proposalId });

    const row = getDb().select().from(schema.proposals).where(eq(schema.proposals.id, proposalId)).get()!;
    expect(row.status).toBe("in_consultatie");
    expect(row.consultationOpens).toBe("2026-11-02");
    const invited = getDb().select().from(schema.proposalInvitations).where(eq(schema.proposalInvitations.proposalId, proposalId)).all();
    const dockPeople = getDb().select().from(schema.people).where(eq(schema.people.organisationId, orgId("dock"))).all();
    expect(invited.filter((i) => i.organisationId === orgId("dock"))).toHaveLength(dockPeople.length);
    const mail = emailsTo("aanbieder@zorgvoorbeeld.example");
    expect(mail).toHaveLength(1);
    expect(mail[0].subject).toContain("Uitnodiging consultatie: Startgesprekken door Werkom");
    expect(mail[0].text).toContain("Wat verandert er voor Zorg Voorbeeld BV: Krijgt verwijzingen via Werkom.");
    expect(mail[0].ics).toContain("DTSTART;VALUE=DATE:20261120");
    expect(mail[0].ics).toContain("DTSTART;VALUE=DATE:20270104");
    expect(inbox("werkom@werkom.example").some((n) => n.kind === "proposal_invitation" && n.link === `/wijzigingen/${proposalId}`)).toBe(true);
    // Nobody outside the affected organisations got an invitation.
    expect(emailsTo("thuishulp@thuishulpdemo.example")).toHaveLength(0);
  });

  it("logs the transitions", () => {
    const t = getTimeline({ actor: actor(REGISSEUR), id: proposalId });
    expect(t.transitions.map((x) => x.toStatus)).toEqual(["concept", "in_consultatie"]);
  });
});

describe("comments", () => {
  it("anchors a comment to a passage and marks the organisation as responded", () => {
    const aanbieder = actor("aanbieder@zorgvoorbeeld.example");
    markOpened(aanbieder, proposalId);
    addComment({ actor: aanbieder, id: proposalId, stance: "zorg", text: "Hoe horen wij van de verwijzing?", quote: "Werkom verwijst door naar het wijkteam" });
    const receipts = receiptsFor(proposalId);
    const zv = receipts.find((r) => r.organisationName === "Zorg Voorbeeld BV")!;
    expect(zv).toMatchObject({ invited: 1, opened: 1, responded: 1 });
    const werkom = receipts.find((r) => r.organisationName === "Werkom")!;
    expect(werkom).toMatchObject({ invited: 1, opened: 0, responded: 0 });
    const [c] = listComments({ id: proposalId, baseVersionId: null });
    expect(c.quote).toBe("Werkom verwijst door naar het wijkteam");
    expect(c.anchor?.state).toBe("exact");
  });

  it("validates comment text with Dutch messages (empty, too long) before anything is saved", () => {
    const empty = commentSchema.safeParse({ stance: "steun", text: "   " });
    expect(empty.success).toBe(false);
    expect(empty.error?.issues[0].message).toBe("Uw reactie is leeg. Schrijf wat u van het voorstel vindt.");
    const long = commentSchema.safeParse({ stance: "steun", text: "a".repeat(5001) });
    expect(long.success).toBe(false);
    expect(long.error?.issues[0].message).toMatch(/te lang: maximaal 5\.000 tekens \(nu 5\.001\)/);
    expect(commentSchema.safeParse({ stance: "steun", text: "a".repeat(5000) }).success).toBe(true);
    const stance = commentSchema.safeParse({ stance: "misschien", text: "x" });
    expect(stance.error?.issues[0].message).toMatch(/steunt, er zorgen over heeft of er bezwaar/);
  });

  it("keeps HTML and script as plain text, in the page data and in the export", () => {
    const werkom = actor("werkom@werkom.example");
    const nasty = `<script>alert("x")</script><img src=x onerror=alert(1)> & "quotes"`;
    addComment({ actor: werkom, id: proposalId, stance: "steun", text: nasty, quote: "" });
    const c = listComments({ id: proposalId, baseVersionId: null }).find((x) => x.text === nasty);
    expect(c).toBeDefined();
    const html = reactienotaHtml(getReactienota({ actor: werkom, id: proposalId }));
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
  });

  it("refuses a quote that is not in the proposed text and saves nothing", async () => {
    const before = listComments({ id: proposalId, baseVersionId: null }).length;
    const e = await refused(() =>
      addComment({ actor: actor("professional@dock.example"), id: proposalId, stance: "bezwaar", text: "Tekst", quote: "deze zin staat nergens" }),
    );
    expect(e.status).toBe(400);
    expect(e.fieldErrors.quote).toMatch(/komt niet \(meer\) voor/);
    expect(listComments({ id: proposalId, baseVersionId: null })).toHaveLength(before);
  });

  it("shows 'passage is gewijzigd' when the quoted text changes later", () => {
    editProposedText(proposalId, PROPOSED_MD.replace("Werkom verwijst door naar het wijkteam", "Werkom meldt de inwoner aan bij het wijkteam"));
    const c = listComments({ id: proposalId, baseVersionId: null })[0];
    expect(c.anchor?.state).not.toBe("exact");
    expect(c.quote).toBe("Werkom verwijst door naar het wijkteam");
    editProposedText(proposalId, PROPOSED_MD);
  });

  it("issue 10: runs the privacy guard on comments, in the words of a comment, and saves nothing", async () => {
    const before = listComments({ id: proposalId, baseVersionId: null }).length;
    const e = await refused(() =>
      addComment({ actor: actor("werkom@werkom.example"), id: proposalId, stance: "zorg", text: "Bel mevrouw op 06 - 12 34 56 78 of NL20INGB0001234567.", quote: "" }),
    );
    expect(e.status).toBe(422);
    expect(e.fieldErrors.text).toContain('een telefoonnummer ("06 - 12 34 56 78")');
    expect(e.fieldErrors.text).toContain('een rekeningnummer (IBAN) ("NL20INGB0001234567")');
    expect(e.fieldErrors.text).toContain("reactienota");
    expect(e.fieldErrors.text).not.toContain("Een signaal gaat over een patroon");
    expect(listComments({ id: proposalId, baseVersionId: null })).toHaveLength(before);
  });

  it("does not let a non-invited ketenpartner comment (or even see the proposal)", async () => {
    const e = await refused(() => addComment({ actor: actor("thuishulp@thuishulpdemo.example"), id: proposalId, stance: "steun", text: "Hallo", quote: "" }));
    expect(e.status).toBe(404);
  });
});

describe("closing, answering and deciding", () => {
  it("keeps the consultation open until the deadline has passed", async () => {
    const e = await refused(() => closeConsultation({ actor: actor(REGISSEUR), id: proposalId }));
    expect(e.status).toBe(409);
    expect(e.message).toContain("loopt tot en met 20 november 2026");
  });

  it("refuses comments after the deadline even before the status moved", async () => {
    setClock("2026-11-21T08:00:00Z");
    const e = await refused(() => addComment({ actor: actor("werkom@werkom.example"), id: proposalId, stance: "steun", text: "Te laat", quote: "" }));
    expect(e.status).toBe(409);
    expect(e.message).toContain("uiterste reactiedatum was 20 november 2026");
  });

  it("moves to besluitvorming after the deadline and tells everyone invited", () => {
    closeConsultation({ actor: null, id: proposalId });
    const row = getDb().select().from(schema.proposals).where(eq(schema.proposals.id, proposalId)).get()!;
    expect(row.status).toBe("in_besluitvorming");
    expect(inbox("werkom@werkom.example").some((n) => n.title === "Consultatie gesloten: Startgesprekken door Werkom")).toBe(true);
  });

  it("acceptance 2: refuses the decision while a comment is unanswered, with a clear message", async () => {
    const regisseur = actor(REGISSEUR);
    const [first] = listComments({ id: proposalId, baseVersionId: null });
    answerComment({ actor: regisseur, id: proposalId, commentId: first.id, decision: "deels_overgenomen", text: "Werkom meldt binnen vijf werkdagen.", textChange: "Termijn toegevoegd." });
    const e = await refused(() => decide({ actor: regisseur, id: proposalId, note: "Vastgesteld door de wethouder.", effectiveDate: "2027-01-04", reason: "" }));
    expect(e.status).toBe(409);
    expect(e.message).toBe(
      "Het besluit kan nog niet worden vastgelegd: 1 reactie heeft nog geen antwoord. Beantwoord eerst elke reactie; de antwoorden vormen samen de reactienota.",
    );
    const row = getDb().select().from(schema.proposals).where(eq(schema.proposals.id, proposalId)).get()!;
    expect(row.status).toBe("in_besluitvorming");
    expect(row.decidedAt).toBeNull();
  });

  it("issue 10: runs the privacy guard on answers, decisions and date reasons, with the proposal's wording", async () => {
    const regisseur = actor(REGISSEUR);
    const [, second] = listComments({ id: proposalId, baseVersionId: null });
    const answer = await refused(() =>
      answerComment({ actor: regisseur, id: proposalId, commentId: second.id, decision: "overgenomen", text: "Gebeld met 0612345678.", textChange: "" }),
    );
    expect(answer.status).toBe(422);
    expect(answer.fieldErrors.text).toContain("wijzigingsvoorstel");
    expect(answer.fieldErrors.text).not.toContain("Een signaal gaat over een patroon");
    const change = await refused(() =>
      answerComment({ actor: regisseur, id: proposalId, commentId: second.id, decision: "overgenomen", text: "Goed punt.", textChange: "Postcode 1502AB12 weggehaald." }),
    );
    expect(change.fieldErrors.textChange).toContain('"1502AB12"');
    expect(listComments({ id: proposalId, baseVersionId: null })[1].answer).toBeFalsy();
    const decision = await refused(() =>
      decide({ actor: regisseur, id: proposalId, note: "Besproken met mevrouw, geboren 12/03/58.", effectiveDate: "2027-01-04", reason: "" }),
    );
    expect(decision.status).toBe(422);
    expect(decision.fieldErrors.note).toContain('"12/03/58"');
    const dates = await refused(() => setDates({ actor: regisseur, id: proposalId, dates: {}, reason: "Op verzoek van j.jansen@example.nl" }));
    expect(dates.status).toBe(422);
    expect(Object.keys(dates.fieldErrors)).toEqual(["reason"]);
  });

  it("only the regisseur answers", async () => {
    const [, second] = listComments({ id: proposalId, baseVersionId: null });
    const e = await refused(() =>
      answerComment({ actor: actor("professional@dock.example"), id: proposalId, commentId: second.id, decision: "overgenomen", text: "x", textChange: "" }),
    );
    expect(e.status).toBe(403);
  });

  it("records the decision once every comment is answered, freezing the proposed text", async () => {
    const regisseur = actor(REGISSEUR);
    const [, second] = listComments({ id: proposalId, baseVersionId: null });
    answerComment({ actor: regisseur, id: proposalId, commentId: second.id, decision: "niet_overgenomen", text: "Geen wijziging nodig.", textChange: "" });
    await decide({ actor: regisseur, id: proposalId, note: "Vastgesteld door de wethouder.", effectiveDate: "2027-01-04", reason: "" });
    const row = getDb().select().from(schema.proposals).where(eq(schema.proposals.id, proposalId)).get()!;
    expect(row.status).toBe("vastgesteld");
    expect(row.decidedById).toBe(regisseur.id);
    expect(row.decidedLexicalJson).toContain("Werkom verwijst door naar het wijkteam");
    const nota = getReactienota({ actor: actor("aanbieder@zorgvoorbeeld.example"), id: proposalId });
    expect(nota.complete).toBe(true);
    expect(nota.comments.map((c) => [c.organisationName, c.answer?.decision])).toEqual([
      ["Zorg Voorbeeld BV", "deels_overgenomen"],
      ["Werkom", "niet_overgenomen"],
    ]);
  });

  it("acceptance 3: moving the ingangsdatum notifies all invited parties and keeps old → new on the timeline", async () => {
    const regisseur = actor(REGISSEUR);
    const e = await refused(() => setDates({ actor: regisseur, id: proposalId, dates: { effectiveDate: "2027-02-01" }, reason: "" }));
    expect(e.fieldErrors.reason).toMatch(/Geef een reden/);

    const invitedIds = getDb().select({ id: schema.proposalInvitations.personId }).from(schema.proposalInvitations).where(eq(schema.proposalInvitations.proposalId, proposalId)).all().map((r) => r.id);
    setDates({ actor: regisseur, id: proposalId, dates: { effectiveDate: "2027-02-01" }, reason: "Uitkeringen heeft meer tijd nodig voor het werkproces." });
    for (const personId of invitedIds) {
      const n = getDb()
        .select()
        .from(schema.notifications)
        .where(and(eq(schema.notifications.personId, personId), eq(schema.notifications.kind, "proposal_date_change")))
        .all();
      expect(n, `notification for person ${personId}`).toHaveLength(1);
      expect(n[0].body).toContain("ingangsdatum: 4 januari 2027 → 1 februari 2027");
      expect(n[0].body).toContain("Reden: Uitkeringen heeft meer tijd nodig voor het werkproces.");
    }
    const mail = emailsTo("werkom@werkom.example").find((m) => m.subject.includes("Datum gewijzigd"));
    expect(mail?.ics).toContain("DTSTART;VALUE=DATE:20270201");
    expect(mail?.ics).toContain("SEQUENCE:1");

    const t = getTimeline({ actor: actor("werkom@werkom.example"), id: proposalId });
    const change = t.changes.find((c) => c.field === "effectiveDate")!;
    expect(change).toMatchObject({ oldValue: "2027-01-04", newValue: "2027-02-01", byName: regisseur.name, reason: "Uitkeringen heeft meer tijd nodig voor het werkproces." });
    expect(t.dates.find((d) => d.field === "effectiveDate")?.value).toBe("2027-02-01");
  });

  it("does not let a date move into the past or out of order", async () => {
    const regisseur = actor(REGISSEUR);
    const past = await refused(() => setDates({ actor: regisseur, id: proposalId, dates: { effectiveDate: "2026-11-01" }, reason: "x" }));
    expect(past.fieldErrors.effectiveDate).toMatch(/verleden/);
    const order = await refused(() => setDates({ actor: regisseur, id: proposalId, dates: { evaluationDate: "2027-01-15" }, reason: "x" }));
    expect(order.fieldErrors.evaluationDate).toMatch(/evaluatie ligt na de ingangsdatum/i);
    const fixed = await refused(() => setDates({ actor: regisseur, id: proposalId, dates: { consultationCloses: "2026-12-01" }, reason: "x" }));
    expect(fixed.fieldErrors.consultationCloses).toMatch(/ligt vast/);
  });

  it("acceptance 7: refuses illegal transitions in the domain layer (vastgesteld → concept and others)", async () => {
    const regisseur = actor(REGISSEUR);
    const toConcept = await refused(() => transitionProposal({ actor: regisseur, id: proposalId, to: "concept" }));
    expect(toConcept.status).toBe(409);
    expect(toConcept.message).toBe('Een voorstel met status "Vastgesteld" kan niet naar "Concept".');
    const toConsult = await refused(() => transitionProposal({ actor: regisseur, id: proposalId, to: "in_consultatie" }));
    expect(toConsult.status).toBe(409);
    const byHand = await refused(() => transitionProposal({ actor: regisseur, id: proposalId, to: "van_kracht" }));
    expect(byHand.message).toMatch(/vanzelf in op de ingangsdatum/);
    const row = getDb().select().from(schema.proposals).where(eq(schema.proposals.id, proposalId)).get()!;
    // Even the low-level step refuses it, whoever calls it.
    expect(() => getDb().transaction((tx) => applyTransition(tx, { row, to: "concept", actorId: null }))).toThrow(/kan niet naar "Concept"/);
    expect(getDb().select().from(schema.proposals).where(eq(schema.proposals.id, proposalId)).get()!.status).toBe("vastgesteld");
  });

  it("refuses a transition when the row moved meanwhile (stale read)", () => {
    const row = getDb().select().from(schema.proposals).where(eq(schema.proposals.id, proposalId)).get()!;
    const stale = { ...row, status: "in_besluitvorming" as const };
    expect(() => getDb().transaction((tx) => applyTransition(tx, { row: stale, to: "vastgesteld", actorId: null }))).toThrow(/intussen gewijzigd/);
  });

  it("can still be withdrawn before it takes effect, which everyone invited hears", () => {
    const { id } = createProposal({ actor: actor("regisseur.wmo@zaanstad.example"), documentSlug: "visie", title: "Visie aanscherpen" });
    withdraw({ actor: actor("regisseur.wmo@zaanstad.example"), id, note: "Niet meer nodig." });
    const row = getDb().select().from(schema.proposals).where(eq(schema.proposals.id, id)).get()!;
    expect(row.status).toBe("ingetrokken");
  });
});
