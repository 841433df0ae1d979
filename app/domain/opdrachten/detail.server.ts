// One item of the register as its page shows it: the row, who may do what next, the visie
// link (only when the reader may open that document) and the reporting moments with feedback.
import { eq, inArray } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import { headingAnchor } from "~/shared/anchors";
import { OPDRACHT_NEXT_STATUSES, OPDRACHT_STATUS_HINTS, OPDRACHT_STATUS_LABELS, TOETS_OUTCOME_LABELS, TOETS_OUTCOMES, type OpdrachtStatus } from "~/shared/opdrachten";
import { today } from "~/utils/clock.server";
import type { Actor } from "../actor.server";
import { documentReadFacts } from "../facts.server";
import { canManageOpdracht, canReadDocument, canToetsOpdracht } from "../policy.server";
import { loadReadableOpdracht } from "./opdrachten.server";
import { opdrachtRow } from "./queries.server";

export function opdrachtDetail(input: { actor: Actor; id: number }) {
  const { actor } = input;
  const { row, facts } = loadReadableOpdracht(actor, input.id);
  const item = opdrachtRow(actor, row.id);
  const db = getDb();
  const peopleIds = [row.ownerId, row.toetsById, ...item.reports.map((r) => r.feedbackById)].filter((x): x is number => x != null);
  const people = new Map(db.select({ id: schema.people.id, name: schema.people.name, functie: schema.people.functie }).from(schema.people).where(inArray(schema.people.id, peopleIds.length ? peopleIds : [0])).all().map((p) => [p.id, p]));
  let visie: { title: string; href: string | null; anchor: string } | null = null;
  if (row.visieDocumentId) {
    const d = db.select({ slug: schema.documents.slug, title: schema.documents.title }).from(schema.documents).where(eq(schema.documents.id, row.visieDocumentId)).get();
    const f = documentReadFacts(row.visieDocumentId);
    visie = d && f && canReadDocument(actor, f) ? { title: d.title, href: `/documenten/${d.slug}${row.visieAnchor ? `#${headingAnchor(row.visieAnchor)}` : ""}`, anchor: row.visieAnchor } : { title: "Een visiedocument", href: null, anchor: "" };
  }
  const canManage = canManageOpdracht(actor, facts);
  const canToets = canToetsOpdracht(actor, facts) && !row.toetsAt && (row.route === "buiten_route" || row.status === "voorgesteld");
  const day = today();
  return {
    item,
    owner: people.get(row.ownerId) ?? null,
    statusHint: OPDRACHT_STATUS_HINTS[row.status as OpdrachtStatus],
    statusNote: row.statusNote,
    toets: row.toetsAt ? { outcome: item.toetsLabel, note: row.toetsNote, at: row.toetsAt, by: row.toetsById ? (people.get(row.toetsById)?.name ?? null) : null } : null,
    visie,
    reports: item.reports.map((r) => ({
      id: r.id,
      dueDate: r.dueDate,
      title: r.title,
      past: r.dueDate <= day,
      receivedAt: r.receivedAt,
      feedback: r.feedback,
      feedbackAt: r.feedbackAt,
      feedbackBy: r.feedbackById ? (people.get(r.feedbackById)?.name ?? null) : null,
    })),
    canManage,
    canToets,
    toetsOptions: TOETS_OUTCOMES.map((v) => ({ value: v, label: TOETS_OUTCOME_LABELS[v] })),
    nextStatuses: canManage ? OPDRACHT_NEXT_STATUSES[row.status as OpdrachtStatus].map((s) => ({ value: s, label: OPDRACHT_STATUS_LABELS[s] })) : [],
  };
}
export type OpdrachtDetail = ReturnType<typeof opdrachtDetail>;
