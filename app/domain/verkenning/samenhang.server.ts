// "Hangt samen met" (issue 13): proposals linked to related proposals and verkenningen, and a
// flag where several running changes reach the same organisation close together in time — the
// four client profiles, 20% less budget and the startgesprekken ran at once and were confused.
// Everything is built from what this person may read (readableProposalCondition,
// readableVerkenningCondition): a change they cannot open is neither listed nor counted.
import { and, eq, inArray, notInArray, or } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import { amsterdamDate } from "~/shared/dates";
import { STATUS_LABELS } from "~/shared/proposals";
import { OVERLAP_DAYS, VERKENNING_STATUS_LABELS } from "~/shared/verkenning";
import { nowIso } from "~/utils/clock.server";
import type { Actor } from "../actor.server";
import { audit } from "../audit.server";
import { requireManageable } from "../consultation/access.server";
import { badRequest, conflict, notFound } from "../errors";
import { readableProposalCondition, readableVerkenningCondition } from "../policy.server";

/** Statuses in which a proposal no longer reaches anyone. */
const ENDED = ["geevalueerd", "ingetrokken"] as const;

type Moment = { label: string; from: string; to: string };
export type Change = {
  key: string;
  kind: "proposal" | "verkenning";
  id: number;
  title: string;
  statusLabel: string;
  href: string;
  organisations: { id: number; name: string }[];
  moments: Moment[];
};
export type OverlapFlag = { organisationName: string; a: Change; b: Change; days: number; reason: string };

const dayNumber = (iso: string) => Math.round(Date.parse(`${iso}T12:00:00Z`) / 86_400_000);

/** Days between two moments (0 when they overlap). */
function gap(x: Moment, y: Moment): number {
  return Math.max(0, Math.max(dayNumber(x.from), dayNumber(y.from)) - Math.min(dayNumber(x.to), dayNumber(y.to)));
}

/** Every running change this person may read, with the organisations it reaches and its moments. */
export function runningChanges(actor: Actor): Change[] {
  const db = getDb();
  const P = schema.proposals;
  const proposals = db
    .select({ id: P.id, title: P.title, status: P.status, opens: P.consultationOpens, closes: P.consultationCloses, effective: P.effectiveDate })
    .from(P)
    .where(and(readableProposalCondition(actor), notInArray(P.status, [...ENDED])))
    .all();
  const V = schema.verkenningen;
  const verkenningen = db
    .select({ id: V.id, title: V.title, status: V.status, createdAt: V.createdAt, deadline: V.reactionDeadline })
    .from(V)
    .where(and(readableVerkenningCondition(actor), eq(V.status, "open")))
    .all();
  const impacts = proposals.length
    ? db
        .select({ id: schema.proposalImpacts.proposalId, orgId: schema.organisations.id, name: schema.organisations.name })
        .from(schema.proposalImpacts)
        .innerJoin(schema.organisations, eq(schema.proposalImpacts.organisationId, schema.organisations.id))
        .where(inArray(schema.proposalImpacts.proposalId, proposals.map((p) => p.id)))
        .all()
    : [];
  const asked = verkenningen.length
    ? db
        .select({ id: schema.verkenningOrganisations.verkenningId, orgId: schema.organisations.id, name: schema.organisations.name })
        .from(schema.verkenningOrganisations)
        .innerJoin(schema.organisations, eq(schema.verkenningOrganisations.organisationId, schema.organisations.id))
        .where(inArray(schema.verkenningOrganisations.verkenningId, verkenningen.map((v) => v.id)))
        .all()
    : [];
  const out: Change[] = [];
  for (const p of proposals) {
    const moments: Moment[] = [];
    const from = p.opens ?? p.closes;
    const to = p.closes ?? p.opens;
    if (from && to) moments.push({ label: "consultatie", from, to });
    if (p.effective) moments.push({ label: "ingangsdatum", from: p.effective, to: p.effective });
    out.push({
      key: `proposal:${p.id}`,
      kind: "proposal",
      id: p.id,
      title: p.title,
      statusLabel: STATUS_LABELS[p.status],
      href: `/wijzigingen/${p.id}`,
      organisations: impacts.filter((i) => i.id === p.id).map((i) => ({ id: i.orgId, name: i.name })),
      moments,
    });
  }
  for (const v of verkenningen) {
    out.push({
      key: `verkenning:${v.id}`,
      kind: "verkenning",
      id: v.id,
      title: v.title,
      statusLabel: VERKENNING_STATUS_LABELS[v.status],
      href: `/verkenningen/${v.id}`,
      organisations: asked.filter((i) => i.id === v.id).map((i) => ({ id: i.orgId, name: i.name })),
      moments: [{ label: "verkenning", from: amsterdamDate(v.createdAt), to: v.deadline }],
    });
  }
  return out;
}

function describe(x: Moment, y: Moment, days: number): string {
  if (days === 0) return `${x.label} en ${y.label} vallen samen`;
  return `${x.label} en ${y.label} liggen ${days} ${days === 1 ? "dag" : "dagen"} uit elkaar`;
}

/** Pairs of changes that reach one organisation with moments within OVERLAP_DAYS of each other. */
export function overlapFlags(changes: Change[]): OverlapFlag[] {
  const flags: OverlapFlag[] = [];
  for (let i = 0; i < changes.length; i++) {
    for (let j = i + 1; j < changes.length; j++) {
      const a = changes[i];
      const b = changes[j];
      const shared = a.organisations.filter((o) => b.organisations.some((x) => x.id === o.id));
      if (!shared.length) continue;
      let best: { days: number; reason: string } | null = null;
      for (const x of a.moments)
        for (const y of b.moments) {
          const days = gap(x, y);
          if (days <= OVERLAP_DAYS && (!best || days < best.days)) best = { days, reason: describe(x, y, days) };
        }
      if (!best) continue;
      for (const o of shared) flags.push({ organisationName: o.name, a, b, ...best });
    }
  }
  return flags.sort((x, y) => x.organisationName.localeCompare(y.organisationName, "nl") || x.days - y.days);
}

/** Linked changes of a proposal, both directions (a link made from the other side has no linkId here: only its owner removes it). */
function linkedKeys(proposalId: number): { key: string; linkId: number | null }[] {
  const db = getDb();
  const L = schema.changeLinks;
  const rows = db
    .select({ id: L.id, proposalId: L.proposalId, targetType: L.targetType, targetId: L.targetId })
    .from(L)
    .where(or(eq(L.proposalId, proposalId), and(eq(L.targetType, "proposal"), eq(L.targetId, proposalId))))
    .all();
  return rows.map((r) => (r.proposalId === proposalId ? { key: `${r.targetType}:${r.targetId}`, linkId: r.id } : { key: `proposal:${r.proposalId}`, linkId: null }));
}

/** For the proposal page: linked running changes side by side, and the overlap flags that involve this proposal. */
export function samenhangFor(input: { actor: Actor; proposalId: number }) {
  const changes = runningChanges(input.actor);
  const byKey = new Map(changes.map((c) => [c.key, c]));
  const self = byKey.get(`proposal:${input.proposalId}`) ?? null;
  const linked = linkedKeys(input.proposalId)
    .map((l) => ({ linkId: l.linkId, change: byKey.get(l.key) }))
    .filter((l): l is { linkId: number | null; change: Change } => !!l.change);
  const flags = self ? overlapFlags(changes).filter((f) => f.a.key === self.key || f.b.key === self.key) : [];
  return { self, linked, flags, overlapDays: OVERLAP_DAYS };
}

/** Changes the owner can link to (readable, running, not yet linked, not itself). */
export function linkOptions(input: { actor: Actor; proposalId: number }) {
  const linked = new Set(linkedKeys(input.proposalId).map((l) => l.key));
  return runningChanges(input.actor)
    .filter((c) => c.key !== `proposal:${input.proposalId}` && !linked.has(c.key))
    .map((c) => ({ value: c.key, label: `${c.kind === "verkenning" ? "Verkenning" : "Voorstel"}: ${c.title}` }));
}

export function linkChange(input: { actor: Actor; id: number; target: string }): void {
  const p = requireManageable(input.actor, input.id);
  const [type, raw] = input.target.split(":");
  const targetType = type === "verkenning" ? "verkenning" : "proposal";
  const targetId = Number(raw);
  if (targetType === "proposal" && targetId === p.row.id) throw badRequest("Een voorstel hangt niet met zichzelf samen.", { target: "Kies een andere wijziging." });
  // The target passes its own read rule for the person linking; not readable and not existing are the same 404.
  const db = getDb();
  const readable =
    targetType === "proposal"
      ? db.select({ id: schema.proposals.id }).from(schema.proposals).where(and(eq(schema.proposals.id, targetId), readableProposalCondition(input.actor))).get()
      : db.select({ id: schema.verkenningen.id }).from(schema.verkenningen).where(and(eq(schema.verkenningen.id, targetId), readableVerkenningCondition(input.actor))).get();
  if (!readable) throw notFound("Deze wijziging bestaat niet, of u kunt haar niet inzien.");
  db.transaction((tx) => {
    const res = tx.insert(schema.changeLinks).values({ proposalId: p.row.id, targetType, targetId, createdById: input.actor.id, createdAt: nowIso() }).onConflictDoNothing().run();
    if (res.changes === 0) throw conflict("Deze koppeling bestaat al.");
    audit({ actorId: input.actor.id, action: "proposal.link", entityType: "proposal", entityId: p.row.id, after: { targetType, targetId } }, tx);
  });
}

export function unlinkChange(input: { actor: Actor; id: number; linkId: number }): void {
  const p = requireManageable(input.actor, input.id);
  const L = schema.changeLinks;
  getDb().transaction((tx) => {
    const res = tx.delete(L).where(and(eq(L.id, input.linkId), eq(L.proposalId, p.row.id))).run();
    if (res.changes === 0) throw notFound("Deze koppeling bestaat niet (meer).");
    audit({ actorId: input.actor.id, action: "proposal.unlink", entityType: "proposal", entityId: p.row.id, after: { linkId: input.linkId } }, tx);
  });
}
