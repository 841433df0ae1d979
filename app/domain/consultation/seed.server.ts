// Demo proposals from content/proposals.json (voorbeeldinhoud): P1, the startgesprekken moving
// to Werkom, in consultation with comments; P2, an earlier change that is in force and
// evaluated, with its reactienota, decision and evaluation. Runs after the documents are seeded.
import fs from "node:fs";
import path from "node:path";
import { asc, eq } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import type { ProposalStatus } from "~/db/schema";
import { lexicalStateToHtml, lexicalStateToMarkdown, lexicalStateToText, lexicalStateToYUpdate, markdownToLexicalState } from "~/editor/convert.server";
import { proposalRoom } from "~/shared/collab";
import { addDays } from "~/shared/working-days";
import { enqueueSearch } from "../search-outbox.server";
import { contentDir } from "../seed/world.server";
import { makeAnchor } from "./anchor";
import { formatIsoDateNl } from "~/shared/dates";
import { DATE_FIELDS, type DateField } from "~/shared/proposal-dates";
import { PROPOSAL_STATUSES } from "~/shared/proposals";

type SeedComment = {
  id: string;
  by: string;
  stance: "steun" | "zorg" | "bezwaar";
  quote: string | null;
  text: string;
  at: string;
  answer: null | { decision: "overgenomen" | "deels_overgenomen" | "niet_overgenomen"; text: string; by: string; at: string; textChange?: string };
};

export type SeedProposal = {
  id: string;
  document: string;
  title: string;
  status: ProposalStatus;
  createdBy: string;
  waarom: string;
  visieSection: string;
  proposedMarkdown: string;
  impact: { org: string; note: string }[];
  timeline: Record<DateField, string | null>;
  dateChanges: { field: DateField; from: string | null; to: string | null; by: string; at: string; reason: string }[];
  comments: SeedComment[];
  decision?: { by: string; at: string; note: string };
  evaluation?: { conclusion: string; responses: { org: string; text: string }[] };
};

export function readSeedProposals(): SeedProposal[] {
  const file = path.join(contentDir(), "proposals.json");
  if (!fs.existsSync(file)) return [];
  return JSON.parse(fs.readFileSync(file, "utf8")) as SeedProposal[];
}

const ORDER: readonly ProposalStatus[] = PROPOSAL_STATUSES.filter((s) => s !== "ingetrokken");
const reached = (status: ProposalStatus, step: ProposalStatus) => ORDER.indexOf(status) >= ORDER.indexOf(step);
const at = (date: string | null | undefined, time = "09:00:00") => (date ? `${date.slice(0, 10)}T${time}.000Z` : null);

export function seedProposals(log: (m: string) => void = () => {}): number {
  const items = readSeedProposals();
  if (!items.length) return 0;
  const db = getDb();
  const people = db.select({ id: schema.people.id, email: schema.people.email, organisationId: schema.people.organisationId, active: schema.people.active }).from(schema.people).all();
  const orgs = db.select({ id: schema.organisations.id, name: schema.organisations.name, slug: schema.organisations.slug }).from(schema.organisations).all();
  const personId = (email: string) => {
    const p = people.find((x) => x.email === email.toLowerCase());
    if (!p) throw new Error(`proposals.json: unknown person ${email}`);
    return p;
  };
  // Content names departments without "Afdeling" ("Uitkeringen"); match name, "Afdeling <name>" or slug.
  const orgId = (name: string) => {
    const n = name.trim().toLowerCase();
    const o = orgs.find((x) => x.name.toLowerCase() === n || x.name.toLowerCase() === `afdeling ${n}` || x.slug === n);
    if (!o) throw new Error(`proposals.json: unknown organisation ${name}`);
    return o.id;
  };
  const visie = db.select({ id: schema.documents.id }).from(schema.documents).where(eq(schema.documents.kind, "visie")).orderBy(asc(schema.documents.id)).get();
  let count = 0;
  for (const item of items) {
    const doc = db.select({ id: schema.documents.id, title: schema.documents.title, currentVersionId: schema.documents.currentVersionId }).from(schema.documents).where(eq(schema.documents.slug, item.document)).get();
    if (!doc) {
      log(`Voorstel ${item.id} overgeslagen: document ${item.document} ontbreekt.`);
      continue;
    }
    const versions = db
      .select({ id: schema.documentVersions.id, number: schema.documentVersions.number })
      .from(schema.documentVersions)
      .where(eq(schema.documentVersions.documentId, doc.id))
      .orderBy(asc(schema.documentVersions.number))
      .all();
    const inForce = reached(item.status, "van_kracht");
    // In force: the latest version is the proposal's result, the one before it its base.
    const resultVersion = inForce ? versions[versions.length - 1] : undefined;
    const baseVersion = inForce ? versions[versions.length - 2] : versions.find((v) => v.id === doc.currentVersionId);
    const lexicalJson = markdownToLexicalState(item.proposedMarkdown);
    const plain = lexicalStateToText(lexicalJson);
    const creator = personId(item.createdBy);
    const t = item.timeline;
    const createdAt = at(addDays(t.consultationOpens ?? t.consultationCloses ?? "2026-01-01", -14)) as string;

    db.transaction((tx) => {
      const row = tx
        .insert(schema.proposals)
        .values({
          documentId: doc.id,
          title: item.title,
          status: item.status,
          waarom: item.waarom,
          visieDocumentId: visie?.id ?? null,
          visieAnchor: item.visieSection,
          baseVersionId: baseVersion?.id ?? null,
          resultVersionId: resultVersion?.id ?? null,
          consultationOpens: t.consultationOpens,
          consultationCloses: t.consultationCloses,
          decisionPlanned: t.decisionPlanned,
          effectiveDate: t.effectiveDate,
          evaluationDate: t.evaluationDate,
          decidedById: item.decision ? personId(item.decision.by).id : null,
          decidedAt: item.decision?.at ?? null,
          decisionNote: item.decision?.note ?? "",
          decidedLexicalJson: reached(item.status, "vastgesteld") ? lexicalJson : null,
          activatedAt: inForce ? at(t.effectiveDate, "00:00:30") : null,
          evaluationConclusion: item.evaluation?.conclusion ?? "",
          createdById: creator.id,
          createdAt,
          updatedAt: createdAt,
        })
        .returning({ id: schema.proposals.id })
        .get();
      const pid = row.id;
      if (resultVersion) tx.update(schema.documentVersions).set({ proposalId: pid }).where(eq(schema.documentVersions.id, resultVersion.id)).run();

      // History of the status, as it would have been logged.
      const steps: { to: ProposalStatus; at: string | null; by: number | null; note: string }[] = [
        { to: "concept", at: createdAt, by: creator.id, note: "" },
        { to: "in_consultatie", at: at(t.consultationOpens), by: creator.id, note: "Consultatie geopend" },
        { to: "in_besluitvorming", at: at(t.consultationCloses ? addDays(t.consultationCloses, 1) : null, "00:00:30"), by: null, note: "Uiterste reactiedatum verstreken (automatisch)" },
        { to: "vastgesteld", at: item.decision?.at ?? null, by: item.decision ? personId(item.decision.by).id : null, note: item.decision?.note ?? "" },
        { to: "van_kracht", at: at(t.effectiveDate, "00:00:30"), by: null, note: "Ingangsdatum bereikt" },
        { to: "geevalueerd", at: at(t.evaluationDate ? addDays(t.evaluationDate, 14) : null, "10:00:00"), by: creator.id, note: "Evaluatie afgerond" },
      ];
      let from: ProposalStatus | null = null;
      for (const s of steps) {
        if (!reached(item.status, s.to)) break;
        tx.insert(schema.proposalTransitions).values({ proposalId: pid, fromStatus: from, toStatus: s.to, byId: s.by, note: s.note, at: s.at ?? createdAt }).run();
        from = s.to;
      }

      const impactOrgIds: number[] = [];
      for (const i of item.impact) {
        const id = orgId(i.org);
        impactOrgIds.push(id);
        tx.insert(schema.proposalImpacts).values({ proposalId: pid, organisationId: id, note: i.note }).onConflictDoNothing().run();
      }

      for (const c of item.dateChanges) {
        if (!DATE_FIELDS.includes(c.field)) throw new Error(`proposals.json: unknown date field ${c.field}`);
        tx.insert(schema.proposalDateChanges)
          .values({ proposalId: pid, field: c.field, oldValue: c.from, newValue: c.to, reason: c.reason, changedById: personId(c.by).id, at: c.at })
          .run();
      }

      // Invitations: everyone at the affected organisations; who commented opened and responded.
      if (reached(item.status, "in_consultatie")) {
        const invitedAt = at(t.consultationOpens) as string;
        const invitees = people.filter((p) => p.active && impactOrgIds.includes(p.organisationId));
        invitees.forEach((p, index) => {
          const first = item.comments.filter((c) => c.by.toLowerCase() === p.email).map((c) => c.at).sort()[0] ?? null;
          const opened = first ?? (index % 2 === 0 ? at(addDays(invitedAt.slice(0, 10), 1), "10:30:00") : null);
          tx.insert(schema.proposalInvitations).values({ proposalId: pid, personId: p.id, organisationId: p.organisationId, invitedAt, openedAt: opened, respondedAt: first }).run();
          tx.insert(schema.notifications)
            .values({
              personId: p.id,
              kind: "proposal_invitation",
              title: `Uitnodiging consultatie: ${item.title}`,
              body: `U bent uitgenodigd om te reageren op het wijzigingsvoorstel voor ${doc.title}. Reageer uiterlijk ${formatIsoDateNl(t.consultationCloses)}.`,
              link: `/wijzigingen/${pid}`,
              createdAt: invitedAt,
              readAt: opened,
            })
            .run();
        });
      }

      for (const c of item.comments) {
        const author = personId(c.by);
        const anchor = c.quote ? makeAnchor(plain, c.quote) : null;
        const comment = tx
          .insert(schema.proposalComments)
          .values({
            proposalId: pid,
            authorId: author.id,
            organisationId: author.organisationId,
            stance: c.stance,
            quote: anchor?.quote ?? c.quote,
            quotePrefix: anchor?.prefix ?? null,
            quoteSuffix: anchor?.suffix ?? null,
            text: c.text,
            createdAt: c.at,
          })
          .returning({ id: schema.proposalComments.id })
          .get();
        if (c.answer) {
          tx.insert(schema.commentAnswers)
            .values({
              commentId: comment.id,
              decision: c.answer.decision,
              text: c.answer.text,
              textChange: c.answer.textChange ?? "",
              answeredById: personId(c.answer.by).id,
              answeredAt: c.answer.at,
            })
            .run();
        }
      }

      for (const r of item.evaluation?.responses ?? []) {
        const organisationId = orgId(r.org);
        const responder = people.find((p) => p.organisationId === organisationId && p.active);
        tx.insert(schema.evaluationResponses)
          .values({ proposalId: pid, organisationId, personId: responder?.id ?? null, text: r.text, createdAt: at(t.evaluationDate ? addDays(t.evaluationDate, 3) : null, "11:00:00") ?? createdAt })
          .run();
      }
      // Work the scheduler already did in the story: do not redo it on the first start.
      if (reached(item.status, "van_kracht")) tx.insert(schema.scheduledRuns).values({ key: `activate:${pid}`, ranAt: at(t.effectiveDate) as string }).onConflictDoNothing().run();
      if (reached(item.status, "geevalueerd")) tx.insert(schema.scheduledRuns).values({ key: `evaluation-request:${pid}`, ranAt: at(t.evaluationDate) as string }).onConflictDoNothing().run();

      // The proposed text as its own collaboration room, with its derived forms.
      const room = proposalRoom(pid);
      const update = lexicalStateToYUpdate(lexicalJson);
      tx.insert(schema.yUpdates).values({ room, kind: "snapshot", update: Buffer.from(update), personId: null, createdAt }).run();
      tx.insert(schema.roomDerived)
        .values({
          room,
          lexicalJson,
          html: lexicalStateToHtml(lexicalJson),
          text: plain,
          markdown: lexicalStateToMarkdown(lexicalJson),
          updatedAt: createdAt,
        })
        .run();
      enqueueSearch(tx, "proposal", pid);
    });
    count++;
  }
  log(`${count} wijzigingsvoorstellen geladen (voorbeeldinhoud).`);
  return count;
}

/** For tests: the seeded proposal with this title. */
export function seededProposalId(title: string): number | null {
  return getDb().select({ id: schema.proposals.id }).from(schema.proposals).where(eq(schema.proposals.title, title)).get()?.id ?? null;
}
