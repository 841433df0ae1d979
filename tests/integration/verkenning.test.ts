// Issue 13, acceptance points 1-3 through the domain layer: a verkenning from questions to a
// proposal that carries the summary (with both rounds in the reactienota), the integral check
// (who reads a concept, consultation refused while a keten is missing, the recorded override),
// and linked and overlapping changes (two proposals reaching Werkom within 90 days).
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, schema } from "~/db/client.server";
import { DomainError } from "~/domain/errors";
import { openConsultation } from "~/domain/consultation/lifecycle.server";
import { saveGoals } from "~/domain/consultation/goals.server";
import { listProposals, setDates, setImpacts, updateDetails, createProposal } from "~/domain/consultation/proposals.server";
import { getProposalView } from "~/domain/consultation/view.server";
import { strFromU8, unzipSync } from "fflate";
import { PDFParse } from "pdf-parse";
import { getReactienota, reactienotaHtml } from "~/domain/consultation/reactienota.server";
import { toDocx } from "~/domain/export/docx.server";
import { toPdf } from "~/domain/export/pdf.server";
import { reactienotaExport } from "~/domain/export/sources.server";
import { PROPOSED_MD, VISIE_MD, WERKAFSPRAKEN_MD, actor, editProposedText, makeDocument, setupWorld } from "~/domain/consultation/test-support.server";
import { integralOverview } from "~/domain/overview.server";
import { getIntegralCheck, overrideCheck, recordKetenCheck, setCheckDeadline } from "~/domain/verkenning/check.server";
import { runVerkenningSchedule } from "~/domain/verkenning/invitations.server";
import { linkChange, samenhangFor } from "~/domain/verkenning/samenhang.server";
import { answerQuestion, closeVerkenning, convertToProposal, getVerkenningView, listVerkenningen, startVerkenning, verkenningRoundFor, writeSummary } from "~/domain/verkenning/verkenning.server";
import { resetClock, setClock } from "~/utils/clock.server";

const PARTICIPATIE = "regisseur.participatie@zaanstad.example";
const WMO = "regisseur.wmo@zaanstad.example";
const ZORG = "regisseur.zorg@zaanstad.example";
const JEUGD = "regisseur.jeugd@zaanstad.example";
const CM = "contractmanager@zaanstad.example";
const WERKOM = "werkom@werkom.example";

const db = () => getDb();
const orgId = (slug: string) => db().select({ id: schema.organisations.id }).from(schema.organisations).where(eq(schema.organisations.slug, slug)).get()!.id;
const ketenId = (slug: string) => db().select({ id: schema.ketens.id }).from(schema.ketens).where(eq(schema.ketens.slug, slug)).get()!.id;

async function refused(fn: () => unknown): Promise<DomainError> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error("expected a refusal");
}

function inbox(email: string, kind: string) {
  return db()
    .select()
    .from(schema.notifications)
    .where(and(eq(schema.notifications.personId, actor(email).id), eq(schema.notifications.kind, kind)))
    .all();
}

/** A concept proposal on its own participatie document, ready to open except for the integral check. */
function readyProposal(slug: string, orgs: string[], dates: { closes: string; effective: string }) {
  makeDocument({ slug, title: `Werkafspraken ${slug}`, keten: "participatie-armoede", markdown: WERKAFSPRAKEN_MD });
  const regisseur = actor(PARTICIPATIE);
  const { id } = createProposal({ actor: regisseur, documentSlug: slug, title: `Voorstel ${slug}` });
  updateDetails({ actor: regisseur, id, title: `Voorstel ${slug}`, waarom: "Omdat partners het eerder willen horen.", visieAnchor: "Veranderingen samen voorbereiden" });
  setImpacts({ actor: regisseur, id, impacts: orgs.map((o) => ({ organisationId: orgId(o), note: "" })) });
  setDates({ actor: regisseur, id, dates: { consultationCloses: dates.closes, decisionPlanned: dates.closes.replace(/-(\d\d)$/, (_m, d) => `-${String(Math.min(28, Number(d) + 5)).padStart(2, "0")}`), effectiveDate: dates.effective, evaluationDate: "2028-01-03" }, reason: "" });
  editProposedText(id, PROPOSED_MD);
  // Goals are required before consultation opens (issue 12).
  saveGoals({ actor: regisseur, id, goals: [{ improve: "Partners horen wijzigingen vooraf", forWhom: "De geraakte organisaties", measure: "Geen wijziging meer die eerst via de nieuwsbrief bekend wordt" }] });
  return id;
}

beforeAll(async () => {
  setClock("2026-11-02T09:00:00Z");
  await setupWorld();
  makeDocument({ slug: "visie", title: "Visie op partnerschap", markdown: VISIE_MD, kind: "visie" });
  return () => resetClock();
});

describe("1. verkenning before any text", () => {
  let id: number;
  let questionIds: number[];

  it("starts with the problem, what we know, 2-5 questions and the organisations asked, and invites their people", async () => {
    const regisseur = actor(PARTICIPATIE);
    const base = {
      actor: regisseur,
      ketenId: ketenId("participatie-armoede"),
      title: "Klantprofielen en minder budget",
      problem: "Drie veranderingen lopen tegelijk en worden door elkaar gehaald.",
      knowledge: "De aanvullende opdracht heeft 20% minder budget.",
      organisations: [orgId("werkom"), orgId("dock")],
      signals: [],
      reactionDeadline: "2026-11-20",
    };
    expect((await refused(() => startVerkenning({ ...base, actor: actor(WERKOM), questions: ["a?", "b?"] }))).status).toBe(403);
    expect((await refused(() => startVerkenning({ ...base, questions: ["a?", "b?"], reactionDeadline: "2026-11-01" }))).fieldErrors.reactionDeadline).toBeTruthy();
    ({ id } = startVerkenning({ ...base, questions: ["Wat merkt u van de profielen?", "Wat betekent het lagere budget voor u?"] }));
    const invited = db().select().from(schema.verkenningInvitations).where(eq(schema.verkenningInvitations.verkenningId, id)).all();
    expect(new Set(invited.map((i) => i.organisationId))).toEqual(new Set([orgId("werkom"), orgId("dock")]));
    expect(inbox(WERKOM, "verkenning_invitation")).toHaveLength(1);
    questionIds = getVerkenningView({ actor: regisseur, id }).questions.map((q) => q.id);
    expect(questionIds).toHaveLength(2);
  });

  it("is read by the asked organisations and the integral reviewers, not by other ketenpartners", async () => {
    expect(listVerkenningen({ actor: actor(WERKOM) }).map((v) => v.id)).toContain(id);
    expect(listVerkenningen({ actor: actor(CM) }).map((v) => v.id)).toContain(id);
    expect(listVerkenningen({ actor: actor("aanbieder@zorgvoorbeeld.example") }).map((v) => v.id)).not.toContain(id);
    expect((await refused(() => getVerkenningView({ actor: actor("aanbieder@zorgvoorbeeld.example"), id }))).status).toBe(404);
  });

  it("tracks receipts and reminds organisations that have not answered, once per moment", () => {
    answerQuestion({ actor: actor(WERKOM), id, questionId: questionIds[0], text: "Wij zien meer verwijzingen zonder overdracht." });
    const receipts = getVerkenningView({ actor: actor(PARTICIPATIE), id }).receipts!;
    expect(receipts.find((r) => r.organisationName === "Werkom")?.responded).toBe(1);
    expect(receipts.find((r) => r.organisationName === "DOCK")?.responded).toBe(0);
    expect(getVerkenningView({ actor: actor(WERKOM), id }).receipts).toBeNull();
    setClock("2026-11-13T09:00:00Z"); // five working days before 20 November
    const first = runVerkenningSchedule().reminders;
    expect(first).toBeGreaterThan(0);
    expect(runVerkenningSchedule().reminders).toBe(0);
    expect(inbox("professional@dock.example", "verkenning_reminder")).toHaveLength(1);
    expect(inbox(WERKOM, "verkenning_reminder")).toHaveLength(0);
    setClock("2026-11-02T09:00:00Z");
  });

  it("turns into a proposal whose waarom carries the summary, and the reactienota shows both rounds", async () => {
    const regisseur = actor(PARTICIPATIE);
    answerQuestion({ actor: actor("professional@dock.example"), id, questionId: questionIds[1], text: "Minder ruimte voor lichte begeleiding." });
    makeDocument({ slug: "werkafspraken-verkenning", title: "Werkafspraken verkenning", keten: "participatie-armoede", markdown: WERKAFSPRAKEN_MD });
    expect((await refused(() => convertToProposal({ actor: regisseur, id, document: "werkafspraken-verkenning", title: "Uit de verkenning" }))).status).toBe(400);
    writeSummary({ actor: regisseur, id, summary: "Partners willen eerst weten welk budget bij welke verandering hoort." });
    const { proposalId } = convertToProposal({ actor: regisseur, id, document: "werkafspraken-verkenning", title: "Uit de verkenning" });
    const view = getProposalView({ actor: regisseur, id: proposalId });
    expect(view.proposal.waarom).toContain("Partners willen eerst weten welk budget bij welke verandering hoort.");
    expect(view.impacts.map((i) => i.name).sort()).toEqual(["DOCK", "Werkom"]);
    expect(getVerkenningView({ actor: regisseur, id }).verkenning.status).toBe("omgezet");
    expect((await refused(() => answerQuestion({ actor: actor(WERKOM), id, questionId: questionIds[0], text: "Nog iets." }))).status).toBe(409);
    const round = verkenningRoundFor({ actor: regisseur, proposalId })!;
    expect(round.summary).toContain("welk budget");
    expect(round.questions.flatMap((q) => q.answers.map((a) => a.organisationName)).sort()).toEqual(["DOCK", "Werkom"]);
    const nota = getReactienota({ actor: regisseur, id: proposalId });
    expect(nota.proposal.id).toBe(proposalId);
    // The printable page, Word and PDF all carry the verkenning round before the consultation.
    const round1 = [
      "Ronde 1: verkenning",
      "Wat merkt u van de profielen?",
      "Wij zien meer verwijzingen zonder overdracht.",
      "Wat betekent het lagere budget voor u?",
      "Minder ruimte voor lichte begeleiding.",
      "Wat we hebben gehoord",
      "Partners willen eerst weten welk budget bij welke verandering hoort.",
      "Ronde 2: consultatie",
    ];
    const model = reactienotaExport({ actor: regisseur, id: proposalId });
    const docx = unzipSync(new Uint8Array(await toDocx(model)));
    const docxText = [...strFromU8(docx["word/document.xml"]).matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("\n");
    const parser = new PDFParse({ data: new Uint8Array(await toPdf(model)) });
    const pdfText = (await parser.getText()).text.replace(/\s+/g, " ");
    await parser.destroy();
    const html = reactienotaHtml(nota);
    for (const [name, text] of [["docx", docxText], ["pdf", pdfText], ["html", html]] as const) {
      let at = -1;
      for (const line of round1) {
        const next = text.indexOf(line, at + 1);
        expect(next, `${name}: "${line}" after the previous part`).toBeGreaterThan(at);
        at = next;
      }
      // Each answer is given with its organisation.
      expect(text, name).toMatch(/Werkom[^\n]*Wij zien meer verwijzingen zonder overdracht\./);
      expect(text, name).toMatch(/DOCK[^\n]*Minder ruimte voor lichte begeleiding\./);
    }
    expect(samenhangFor({ actor: regisseur, proposalId }).linked.map((l) => l.change.key)).toEqual([]); // the verkenning is no longer running
  });

  it("can be closed without a proposal, with a reason", async () => {
    const regisseur = actor(PARTICIPATIE);
    const { id: other } = startVerkenning({
      actor: regisseur,
      ketenId: ketenId("participatie-armoede"),
      title: "Vaste inkomensconsulent",
      problem: "Wijkteams weten niet wie ze bij Uitkeringen kunnen bellen.",
      knowledge: "",
      questions: ["Wie belt u nu?", "Wat zou helpen?"],
      organisations: [orgId("uitkeringen")],
      signals: [],
      reactionDeadline: "2026-11-27",
    });
    expect((await refused(() => closeVerkenning({ actor: actor(WMO), id: other, reason: "x" }))).status).toBe(403);
    closeVerkenning({ actor: regisseur, id: other, reason: "Uitkeringen wijst al per wijkteam een vaste consulent aan." });
    const v = getVerkenningView({ actor: regisseur, id: other }).verkenning;
    expect(v.status).toBe("gesloten");
    expect(v.closedReason).toContain("vaste consulent");
  });
});

describe("2. integral check", () => {
  let id: number;

  it("shows a concept to every regisseur and the contractmanager, not to ketenpartners or lezers", async () => {
    id = readyProposal("werkafspraken-toets", ["werkom", "dock"], { closes: "2026-11-20", effective: "2027-01-04" });
    for (const email of [WMO, ZORG, JEUGD, CM]) {
      expect(listProposals({ actor: actor(email) }).map((p) => p.id), email).toContain(id);
      expect(getProposalView({ actor: actor(email), id }).proposal.id).toBe(id);
    }
    for (const email of [WERKOM, "uitkeringen@zaanstad.example", "nieuw@incluzio.example", "aanbieder@zorgvoorbeeld.example"]) {
      expect(listProposals({ actor: actor(email) }).map((p) => p.id), email).not.toContain(id);
      expect((await refused(() => getProposalView({ actor: actor(email), id }))).status, email).toBe(404);
    }
  });

  it("refuses to open consultation while a keten of the proposal's organisations has not answered", async () => {
    const check = getIntegralCheck({ actor: actor(PARTICIPATIE), id });
    // DOCK is in every keten; the proposal's own keten (participatie) counts as answered.
    expect(check.missing.sort()).toEqual(["Opvoeden en Opgroeien", "Wmo, Mantelzorg en Gezondheid", "Zorg en Veiligheid"]);
    const e = await refused(() => openConsultation({ actor: actor(PARTICIPATIE), id }));
    expect(e.status).toBe(409);
    expect(e.message).toContain("keten Zorg en Veiligheid");
    expect((await refused(() => recordKetenCheck({ actor: actor(WMO), id, ketenId: ketenId("zorg-veiligheid"), touches: "nee", organisations: [], note: "" }))).status).toBe(403);
    expect(
      (await refused(() => recordKetenCheck({ actor: actor(WMO), id, ketenId: ketenId("wmo-mantelzorg-gezondheid"), touches: "ja", organisations: [orgId("werkom")], note: "" }))).fieldErrors.organisations,
    ).toBeTruthy();
    recordKetenCheck({ actor: actor(WMO), id, ketenId: ketenId("wmo-mantelzorg-gezondheid"), touches: "ja", organisations: [orgId("dock")], note: "DOCK-professionals doen ook Wmo-toegang." });
    recordKetenCheck({ actor: actor(ZORG), id, ketenId: ketenId("zorg-veiligheid"), touches: "nee", organisations: [], note: "" });
    expect(getIntegralCheck({ actor: actor(CM), id }).missing).toEqual(["Opvoeden en Opgroeien"]);
    expect((await refused(() => openConsultation({ actor: actor(PARTICIPATIE), id }))).message).toContain("keten Opvoeden en Opgroeien");
  });

  it("lets the owner go on after the check's deadline, with the reason recorded", async () => {
    const owner = actor(PARTICIPATIE);
    expect((await refused(() => overrideCheck({ actor: owner, id, reason: "Haast" }))).status).toBe(409);
    setCheckDeadline({ actor: owner, id, deadline: "2026-11-05" });
    expect(inbox(JEUGD, "integral_check").length).toBeGreaterThan(0);
    expect((await refused(() => overrideCheck({ actor: owner, id, reason: "Haast" }))).message).toContain("pas na de uiterste datum");
    setClock("2026-11-06T09:00:00Z");
    expect((await refused(() => overrideCheck({ actor: actor(WMO), id, reason: "x" }))).status).toBe(403);
    overrideCheck({ actor: owner, id, reason: "Jeugd reageerde niet; de keten Opvoeden en Opgroeien wordt in de consultatie gevraagd." });
    const check = getIntegralCheck({ actor: owner, id });
    expect(check.override?.reason).toContain("Jeugd reageerde niet");
    expect(check.complete).toBe(true);
    const audit = db().select().from(schema.auditLog).where(and(eq(schema.auditLog.action, "proposal.check_override"), eq(schema.auditLog.entityId, String(id)))).all();
    expect(audit).toHaveLength(1);
    openConsultation({ actor: owner, id });
    expect(getProposalView({ actor: owner, id }).proposal.status).toBe("in_consultatie");
    setClock("2026-11-02T09:00:00Z");
  });
});

describe("3. hangt samen met", () => {
  it("flags two proposals reaching Werkom within 90 days on the proposal page and the overview, and shows linked ones", () => {
    const regisseur = actor(PARTICIPATIE);
    const a = readyProposal("werkafspraken-a", ["werkom"], { closes: "2026-11-25", effective: "2027-01-04" });
    const b = readyProposal("werkafspraken-b", ["werkom", "smd"], { closes: "2026-12-10", effective: "2027-03-01" });
    const far = readyProposal("werkafspraken-ver", ["werkom"], { closes: "2027-08-01", effective: "2027-10-01" });
    const s = samenhangFor({ actor: regisseur, proposalId: a });
    const withB = s.flags.filter((f) => f.a.id === b || f.b.id === b);
    expect(withB.map((f) => f.organisationName)).toEqual(["Werkom"]);
    expect(s.flags.some((f) => f.a.id === far || f.b.id === far)).toBe(false);
    expect(s.linked).toEqual([]);
    linkChange({ actor: regisseur, id: a, target: `proposal:${b}` });
    expect(samenhangFor({ actor: regisseur, proposalId: a }).linked.map((l) => l.change.id)).toEqual([b]);
    // The other side shows the link too.
    expect(samenhangFor({ actor: regisseur, proposalId: b }).linked.map((l) => l.change.id)).toEqual([a]);
    const overview = integralOverview({ actor: actor(CM) });
    const werkom = overview.overlaps.filter((o) => o.organisationName === "Werkom").map((o) => o.changes.map((c) => c.key).sort().join("+"));
    expect(werkom).toContain([`proposal:${a}`, `proposal:${b}`].sort().join("+"));
    // A ketenpartner never sees concepts, so nothing about them is flagged for it.
    expect(integralOverview({ actor: actor(WERKOM) }).overlaps.some((o) => o.changes.some((c) => c.key === `proposal:${a}`))).toBe(false);
  });
});
