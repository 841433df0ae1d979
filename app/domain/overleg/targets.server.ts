// What an agenda item links to, resolved for the person looking: its title, address and
// *current* status (read at page load, so the agenda shows where each item stands now).
// A target the viewer may not read shows a fixed text and no address (architecture-access.md).
// One resolver per kind in AGENDA_TARGET_KINDS; a branch adding a kind adds a resolver here.
import { and, eq, inArray } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import { STATUS_LABELS as DOCUMENT_STATUS_LABELS } from "~/shared/documents";
import { ACTION_STATUS_LABELS, AGENDA_TARGET_LABELS, REGISTER_STATUS_LABELS, type AgendaTargetKind } from "~/shared/overleg";
import { STATUS_LABELS as PROPOSAL_STATUS_LABELS } from "~/shared/proposals";
import { OPEN_STATUSES, STATUS_LABELS as SIGNAL_STATUS_LABELS } from "~/shared/signals";
import type { Actor } from "../actor.server";
import { documentFactsByIds, proposalFactsByIds, signalFactsByIds } from "../facts.server";
import { canReadDocument, canReadProposal, canReadRegister, canReadSignal } from "../policy.server";
import { registerFacts } from "./facts.server";

export type ResolvedTarget = { kind: AgendaTargetKind; id: number; title: string; href: string | null; status: string };
export const HIDDEN_TARGET = "Een item waar u geen toegang toe heeft";

type Resolver = (actor: Actor, ids: number[]) => Map<number, Omit<ResolvedTarget, "kind" | "id">>;

const resolvers: Record<AgendaTargetKind, Resolver> = {
  signal(actor, ids) {
    const facts = signalFactsByIds(ids);
    const rows = getDb().select({ id: schema.signals.id, title: schema.signals.title, status: schema.signals.status }).from(schema.signals).where(inArray(schema.signals.id, ids)).all();
    return new Map(rows.filter((r) => facts.get(r.id) && canReadSignal(actor, facts.get(r.id)!)).map((r) => [r.id, { title: r.title, href: `/signalen/${r.id}`, status: SIGNAL_STATUS_LABELS[r.status] }]));
  },
  proposal(actor, ids) {
    const facts = proposalFactsByIds(ids);
    const rows = getDb().select({ id: schema.proposals.id, title: schema.proposals.title, status: schema.proposals.status }).from(schema.proposals).where(inArray(schema.proposals.id, ids)).all();
    return new Map(rows.filter((r) => facts.get(r.id) && canReadProposal(actor, facts.get(r.id)!)).map((r) => [r.id, { title: r.title, href: `/wijzigingen/${r.id}`, status: PROPOSAL_STATUS_LABELS[r.status] }]));
  },
  document(actor, ids) {
    const facts = documentFactsByIds(ids);
    const rows = getDb().select({ id: schema.documents.id, slug: schema.documents.slug, title: schema.documents.title, status: schema.documents.status }).from(schema.documents).where(inArray(schema.documents.id, ids)).all();
    return new Map(rows.filter((r) => facts.get(r.id) && canReadDocument(actor, facts.get(r.id)!)).map((r) => [r.id, { title: r.title, href: `/documenten/${r.slug}`, status: DOCUMENT_STATUS_LABELS[r.status] ?? r.status }]));
  },
  register(actor, ids) {
    const rows = getDb().select().from(schema.registerItems).where(inArray(schema.registerItems.id, ids)).all();
    const keten = new Map<number, boolean>();
    const readable = (k: number) => {
      if (!keten.has(k)) keten.set(k, canReadRegister(actor, registerFacts(k)));
      return keten.get(k)!;
    };
    const slugs = new Map(getDb().select({ id: schema.ketens.id, slug: schema.ketens.slug }).from(schema.ketens).all().map((k) => [k.id, k.slug]));
    return new Map(rows.filter((r) => readable(r.ketenId)).map((r) => [r.id, { title: r.title, href: `/ketens/${slugs.get(r.ketenId)}/verbeterregister#punt-${r.id}`, status: REGISTER_STATUS_LABELS[r.status] }]));
  },
  action(_actor, ids) {
    // Actions are shown inside their overleg's pages only, which the caller has already checked.
    const rows = getDb().select().from(schema.actions).where(inArray(schema.actions.id, ids)).all();
    return new Map(rows.map((r) => [r.id, { title: r.title, href: `/overleg/${r.overlegId}#actie-${r.id}`, status: ACTION_STATUS_LABELS[r.status] }]));
  },
};

export function resolveTargets(actor: Actor, items: { targetKind: string | null; targetId: number | null }[]): Map<string, ResolvedTarget> {
  const byKind = new Map<AgendaTargetKind, number[]>();
  for (const i of items) {
    if (!i.targetKind || i.targetId == null || !(i.targetKind in resolvers)) continue;
    const k = i.targetKind as AgendaTargetKind;
    byKind.set(k, [...(byKind.get(k) ?? []), i.targetId]);
  }
  const out = new Map<string, ResolvedTarget>();
  for (const [kind, ids] of byKind) {
    const found = resolvers[kind](actor, ids);
    for (const id of ids) {
      const f = found.get(id);
      out.set(`${kind}:${id}`, f ? { kind, id, ...f } : { kind, id, title: HIDDEN_TARGET, href: null, status: "" });
    }
  }
  return out;
}

/** Posting a link checks the poster may read the target; unreadable and absent are the same. */
export function canLinkTarget(actor: Actor, kind: AgendaTargetKind, id: number): boolean {
  return resolvers[kind](actor, [id]).has(id);
}

/** What a member can link on an agenda of this keten: its open signals, proposals, documents and register items. */
export function agendaTargetOptions(actor: Actor, ketenId: number): { value: string; label: string }[] {
  const db = getDb();
  const signalIds = db
    .select({ id: schema.signalKetens.signalId })
    .from(schema.signalKetens)
    .innerJoin(schema.signals, eq(schema.signalKetens.signalId, schema.signals.id))
    .where(and(eq(schema.signalKetens.ketenId, ketenId), inArray(schema.signals.status, [...OPEN_STATUSES])))
    .all()
    .map((r) => r.id);
  const docIds = db.select({ id: schema.documents.id }).from(schema.documents).where(eq(schema.documents.ketenId, ketenId)).all().map((r) => r.id);
  const proposalIds = docIds.length ? db.select({ id: schema.proposals.id }).from(schema.proposals).where(inArray(schema.proposals.documentId, docIds)).all().map((r) => r.id) : [];
  const registerIds = db.select({ id: schema.registerItems.id }).from(schema.registerItems).where(eq(schema.registerItems.ketenId, ketenId)).all().map((r) => r.id);
  const out: { value: string; label: string }[] = [];
  const add = (kind: AgendaTargetKind, ids: number[]) => {
    if (!ids.length) return;
    for (const [id, t] of resolvers[kind](actor, ids)) out.push({ value: `${kind}:${id}`, label: `${AGENDA_TARGET_LABELS[kind]}: ${t.title} (${t.status})` });
  };
  add("signal", signalIds);
  add("proposal", proposalIds);
  add("document", docIds);
  add("register", registerIds);
  return out;
}
