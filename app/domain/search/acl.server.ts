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
import type { DocumentFacts, ProposalFacts, SignalFacts } from "~/domain/policy.server";

export const EVERYONE = "all";

const isPartner = (a: Actor) => a.organisationKind === "ketenpartner";
const isMunicipal = (a: Actor) => a.organisationKind === "gemeente" || a.organisationKind === "afdeling";
const has = (a: Actor, role: Actor["roles"][number]) => a.roles.includes(role);

/** The tokens of a signed-in person. */
export function principalsFor(a: Actor): string[] {
  const out = new Set<string>([EVERYONE, `person:${a.id}`, `org:${a.organisationId}`]);
  for (const k of a.memberKetenIds) out.add(`keten-member:${k}`);
  if (isMunicipal(a)) out.add("municipal");
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

/** canReadProposal: editors and the author always; after the concept stage also the invited organisations and the municipality. */
export function visibilityForProposal(p: ProposalFacts): string[] {
  const out = new Set([...visibilityForDraft(p.document), `person:${p.createdById}`]);
  if (p.status !== "concept") {
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

export function canSee(principals: readonly string[], visibility: readonly string[]): boolean {
  return visibility.some((v) => principals.includes(v));
}
