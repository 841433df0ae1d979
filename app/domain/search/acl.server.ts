// The policy functions (policy.server.ts) translated into index-side facts. A person gets a
// set of principal tokens; every search entry stores the tokens that may read it; the engine
// keeps an entry when the two sets meet. Each token stands for one conjunction of facts in
// the policy, so "some token in common" is exactly the policy's "or" of those conjunctions.
// acl.test.ts checks this against the policy functions for every demo account and entity,
// and for an exhaustive set of synthetic actors.
//
// Entity facts (keten, impacted organisations, reporter, followers) are stored on the entry
// and re-indexed through the outbox when they change. Person facts (roles, organisation,
// keten memberships) are read at query time, so a role change needs no re-index.
import type { Actor } from "~/domain/actor.server";
import type { DocumentFacts, OpdrachtFacts, OverlegFacts, ProposalFacts, RegisterFacts, SignalFacts, VerkenningFacts } from "~/domain/policy.server";

export const EVERYONE = "all";

const isPartner = (a: Actor) => a.organisationKind === "ketenpartner";
const isMunicipal = (a: Actor) => a.organisationKind === "gemeente" || a.organisationKind === "afdeling";
const has = (a: Actor, role: Actor["roles"][number]) => a.roles.includes(role);

/** The tokens of a signed-in person. */
export function principalsFor(a: Actor): string[] {
  const out = new Set<string>([EVERYONE, `person:${a.id}`, `org:${a.organisationId}`]);
  for (const k of a.memberKetenIds) out.add(`keten-member:${k}`);
  // actsAsRegisseur / canManageVerkenning: the regisseur of the keten, whatever kind of organisation they work for.
  for (const k of a.regisseurOfKetenIds) out.add(`keten-regisseur:${k}`);
  if (isMunicipal(a)) out.add("municipal");
  // isIntegralReviewer: regisseurs of a keten, and municipal regisseurs/redacteuren (the contractmanager).
  if (a.regisseurOfKetenIds.length > 0 || (isMunicipal(a) && (has(a, "regisseur") || has(a, "redacteur")))) out.add("integral-reviewer");
  if (!isPartner(a)) {
    out.add("non-partner");
    // canEditDocument: owners (regisseur of the keten; any regisseur for portal-wide documents) …
    for (const k of a.regisseurOfKetenIds) out.add(`keten-owner:${k}`);
    if (has(a, "regisseur")) out.add("portal-owner");
    // … and redacteuren/regisseurs: municipal staff everywhere, wijkteams/afdelingen portal-wide
    // and in the ketens their organisation is a member of.
    if (has(a, "redacteur") || has(a, "regisseur")) {
      if (a.organisationKind === "gemeente") out.add("editor:gemeente");
      if (a.organisationKind === "wijkteam" || a.organisationKind === "afdeling") out.add("editor:portal-wide");
      for (const k of a.memberKetenIds) out.add(`editor:keten:${k}`);
    }
  }
  return [...out].sort();
}

/** canReadPublished: every signed-in person. People and organisations are public inside the portal too. */
export function visibilityForPublished(): string[] {
  return [EVERYONE];
}

/** canReadDraft = canEditDocument. */
export function visibilityForDraft(d: DocumentFacts): string[] {
  if (d.ketenId == null) return ["portal-owner", "editor:gemeente", "editor:portal-wide"];
  return [`keten-owner:${d.ketenId}`, "editor:gemeente", `editor:keten:${d.ketenId}`];
}

/** canReadProposal: editors and the author always; a concept also the integral reviewers; after it the invited organisations and the municipality. */
export function visibilityForProposal(p: ProposalFacts): string[] {
  const out = new Set([...visibilityForDraft(p.document), `person:${p.createdById}`]);
  if (p.status === "concept") out.add("integral-reviewer");
  else {
    for (const o of p.impactedOrganisationIds) out.add(`org:${o}`);
    out.add("municipal");
  }
  return [...out].sort();
}

/** canReadSignal: reporter and followers, everyone outside the ketenpartners, the reporter's organisation, members of its ketens. */
export function visibilityForSignal(s: SignalFacts): string[] {
  const out = new Set([`person:${s.reporterId}`, "non-partner", `org:${s.reporterOrganisationId}`]);
  for (const p of s.followerIds) out.add(`person:${p}`);
  for (const k of s.ketenIds) out.add(`keten-member:${k}`);
  return [...out].sort();
}

/** canReadOverleg (decisions): the regisseur, the deputy, chair and members, the keten's and the named organisations. */
export function visibilityForOverleg(o: OverlegFacts): string[] {
  // keten-regisseur, not keten-owner: a regisseur from a ketenpartner organisation runs the overleg too.
  const out = new Set([`keten-regisseur:${o.ketenId}`, `keten-member:${o.ketenId}`]);
  for (const p of [o.deputyId, o.chairId, ...o.personIds]) if (p != null) out.add(`person:${p}`);
  for (const g of o.organisationIds) out.add(`org:${g}`);
  return [...out].sort();
}

/** canReadRegister: the regisseur, the deputy, members of the keten's overleggen, the keten's organisations. */
export function visibilityForRegister(r: RegisterFacts): string[] {
  const out = new Set([`keten-regisseur:${r.ketenId}`, `keten-member:${r.ketenId}`]);
  for (const p of [r.deputyId, ...r.overlegPersonIds]) if (p != null) out.add(`person:${p}`);
  return [...out].sort();
}

/** canReadOpdracht: everyone outside the ketenpartners, and the organisations that carry it out. */
export function visibilityForOpdracht(o: Pick<OpdrachtFacts, "carrierOrganisationIds">): string[] {
  return ["non-partner", ...o.carrierOrganisationIds.map((g) => `org:${g}`)].sort();
}

/** canReadVerkenning: the keten's regisseur, its author, the integral reviewers and the asked organisations. */
export function visibilityForVerkenning(v: Pick<VerkenningFacts, "ketenId" | "createdById" | "organisationIds">): string[] {
  return [`keten-regisseur:${v.ketenId}`, `person:${v.createdById}`, "integral-reviewer", ...v.organisationIds.map((o) => `org:${o}`)].sort();
}

export function canSee(principals: readonly string[], visibility: readonly string[]): boolean {
  return visibility.some((v) => principals.includes(v));
}
