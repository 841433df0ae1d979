// The integral view over the broad assignment: per keten its documents, running changes and
// signalen, and one agenda of every dated step. Built only from what this person may read,
// so a ketenpartner sees the same dates as the municipality but nothing it was not invited to.
import { asc } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import { today } from "~/utils/clock.server";
import type { Actor } from "./actor.server";
import { listDocuments } from "./documents/documents.server";
import { listProposals, type ProposalListItem } from "./consultation/proposals.server";
import { DATE_LABELS } from "~/shared/proposal-dates";
import { signalOverview } from "./signals/overview.server";
import { canSeeSignalOverview } from "./policy.server";
import { overlapFlags, runningChanges } from "./verkenning/samenhang.server";

const CLOSED = new Set(["geevalueerd", "ingetrokken"]);

export const AGENDA_LABELS = {
  consultationCloses: "Consultatie sluit",
  decisionPlanned: DATE_LABELS.decisionPlanned,
  effectiveDate: DATE_LABELS.effectiveDate,
  evaluationDate: DATE_LABELS.evaluationDate,
} as const;
type AgendaField = keyof typeof AGENDA_LABELS;

export type AgendaItem = { date: string; field: AgendaField; label: string; proposalId: number; proposalTitle: string; documentTitle: string; ketenName: string };

/** Every future date of every readable, still running proposal, soonest first. */
export function agendaOf(proposals: (ProposalListItem & { ketenName: string })[], from: string): AgendaItem[] {
  const items: AgendaItem[] = [];
  for (const p of proposals) {
    if (CLOSED.has(p.status)) continue;
    for (const field of Object.keys(AGENDA_LABELS) as AgendaField[]) {
      const date = p[field];
      if (!date || date < from) continue;
      items.push({ date, field, label: AGENDA_LABELS[field], proposalId: p.id, proposalTitle: p.title, documentTitle: p.documentTitle, ketenName: p.ketenName });
    }
  }
  return items.sort((a, b) => a.date.localeCompare(b.date) || a.proposalId - b.proposalId);
}

export function integralOverview({ actor }: { actor: Actor }) {
  const db = getDb();
  const on = today();
  const ketens = db.select({ id: schema.ketens.id, slug: schema.ketens.slug, name: schema.ketens.name }).from(schema.ketens).orderBy(asc(schema.ketens.name)).all();
  const documents = listDocuments({ actor });
  const ketenOfDocument = new Map(documents.map((d) => [d.slug, d.ketenSlug ?? null]));
  const ketenName = (slug: string | null) => ketens.find((k) => k.slug === slug)?.name ?? "Alle ketens";
  const proposals = listProposals({ actor }).map((p) => {
    const slug = ketenOfDocument.get(p.documentSlug) ?? null;
    return { ...p, ketenSlug: slug, ketenName: ketenName(slug) };
  });
  const signals = canSeeSignalOverview(actor) ? signalOverview({ actor, filter: {} }) : null;

  const group = (slug: string | null) => ({
    documents: documents
      .filter((d) => (d.ketenSlug ?? null) === slug)
      .map((d) => ({ slug: d.slug, title: d.title, kindLabel: d.kindLabel, versionNumber: d.versionNumber, publishedAt: d.publishedAt })),
    running: proposals
      .filter((p) => p.ketenSlug === slug && !CLOSED.has(p.status))
      .map((p) => ({ id: p.id, title: p.title, statusLabel: p.statusLabel, documentTitle: p.documentTitle, next: agendaOf([p], on)[0] ?? null })),
  });

  return {
    today: on,
    ketens: ketens.map((k) => {
      const s = signals?.perKeten.find((x) => x.key === k.id);
      return {
        ...k,
        ...group(k.slug),
        signals: s ? { total: s.total, open: s.open, overdue: s.overdue, medianFeedbackDays: s.medianFeedbackDays } : null,
      };
    }),
    portalWide: group(null),
    agenda: agendaOf(proposals, on),
    /** Running changes (proposals and verkenningen) that reach one organisation close together. */
    overlaps: overlapFlags(runningChanges(actor)).map((f) => ({
      organisationName: f.organisationName,
      reason: f.reason,
      changes: [f.a, f.b].map((c) => ({ key: c.key, title: c.title, href: c.href, statusLabel: c.statusLabel, kind: c.kind })),
    })),
    showsSignals: signals !== null,
  };
}
