// The integral check (issue 13): before consultation opens, the regisseur of every keten that
// the proposal's organisations belong to says whether the change touches that keten, which of
// its organisations, and why. Consultation cannot open while such a keten has not answered;
// after the check's deadline the owner may go on anyway, with a recorded reason. The owner's
// own keten counts as answered: its regisseur wrote the proposal.
import { asc, eq, inArray } from "drizzle-orm";
import { getDb, schema, type Reader } from "~/db/client.server";
import { formatIsoDateNl } from "~/shared/dates";
import { nowIso, today } from "~/utils/clock.server";
import type { Actor } from "../actor.server";
import { audit } from "../audit.server";
import { requireManageable, requireReadable } from "../consultation/access.server";
import { badRequest, conflict, forbidden } from "../errors";
import { notify } from "../notify.server";
import { canManageProposal, canRecordKetenCheck } from "../policy.server";
import { assertNoClientData } from "../privacy.server";

type KetenState = {
  ketenId: number;
  name: string;
  regisseurName: string | null;
  own: boolean;
  required: boolean;
  members: { id: number; name: string }[];
  answer: { touches: boolean; organisations: string[]; organisationIds: number[]; note: string; byName: string | null; at: string } | null;
};

function ketenStates(proposalId: number, db: Reader = getDb()): { states: KetenState[]; ownKetenId: number | null } {
  const p = db
    .select({ ketenId: schema.documents.ketenId })
    .from(schema.proposals)
    .innerJoin(schema.documents, eq(schema.proposals.documentId, schema.documents.id))
    .where(eq(schema.proposals.id, proposalId))
    .get();
  const ownKetenId = p?.ketenId ?? null;
  const impacted = new Set(db.select({ id: schema.proposalImpacts.organisationId }).from(schema.proposalImpacts).where(eq(schema.proposalImpacts.proposalId, proposalId)).all().map((r) => r.id));
  const ketens = db
    .select({ id: schema.ketens.id, name: schema.ketens.name, regisseurName: schema.people.name })
    .from(schema.ketens)
    .leftJoin(schema.people, eq(schema.ketens.regisseurId, schema.people.id))
    .orderBy(asc(schema.ketens.name))
    .all();
  const members = db
    .select({ ketenId: schema.ketenMembers.ketenId, id: schema.organisations.id, name: schema.organisations.name })
    .from(schema.ketenMembers)
    .innerJoin(schema.organisations, eq(schema.ketenMembers.organisationId, schema.organisations.id))
    .orderBy(asc(schema.organisations.name))
    .all();
  const answers = db
    .select({ ketenId: schema.ketenChecks.ketenId, touches: schema.ketenChecks.touches, organisationIds: schema.ketenChecks.organisationIds, note: schema.ketenChecks.note, byName: schema.people.name, at: schema.ketenChecks.at })
    .from(schema.ketenChecks)
    .leftJoin(schema.people, eq(schema.ketenChecks.byId, schema.people.id))
    .where(eq(schema.ketenChecks.proposalId, proposalId))
    .all();
  const orgName = new Map(members.map((m) => [m.id, m.name]));
  const states = ketens.map((k) => {
    const mine = members.filter((m) => m.ketenId === k.id).map((m) => ({ id: m.id, name: m.name }));
    const a = answers.find((x) => x.ketenId === k.id);
    const ids = a ? (JSON.parse(a.organisationIds) as number[]) : [];
    return {
      ketenId: k.id,
      name: k.name,
      regisseurName: k.regisseurName,
      own: k.id === ownKetenId,
      required: k.id !== ownKetenId && mine.some((m) => impacted.has(m.id)),
      members: mine,
      answer: a ? { touches: a.touches, organisationIds: ids, organisations: ids.map((i) => orgName.get(i) ?? "").filter(Boolean), note: a.note, byName: a.byName, at: a.at } : null,
    };
  });
  return { states, ownKetenId };
}

function checkRow(proposalId: number, db: Reader = getDb()) {
  return db.select().from(schema.integralChecks).where(eq(schema.integralChecks.proposalId, proposalId)).get() ?? null;
}

/** The ketens that must still answer before consultation opens (empty: the check is complete). */
export function missingKetenChecks(proposalId: number, db: Reader = getDb()): { ketenId: number; name: string }[] {
  return ketenStates(proposalId, db)
    .states.filter((k) => k.required && !k.answer)
    .map((k) => ({ ketenId: k.ketenId, name: k.name }));
}

/** Called by openConsultation: refuses while a required keten has not answered and no override was recorded. */
export function assertIntegralCheckComplete(proposalId: number, db: Reader = getDb()): void {
  const missing = missingKetenChecks(proposalId, db);
  if (!missing.length || checkRow(proposalId, db)?.overrideAt) return;
  const check = checkRow(proposalId, db);
  const after = check ? ` Na ${formatIsoDateNl(check.deadline)} kunt u met een reden toch doorgaan.` : " Zet een uiterste datum voor de integrale toets; daarna kunt u met een reden toch doorgaan.";
  throw conflict(
    `De consultatie kan nog niet open: de integrale toets is niet rond. Nog geen antwoord van ${missing.map((m) => `keten ${m.name}`).join(", ")}.${after}`,
    { integraal: "Wacht op de ketens die nog niet hebben geantwoord." },
  );
}

export function getIntegralCheck(input: { actor: Actor; id: number }) {
  const p = requireReadable(input.actor, input.id);
  const { states } = ketenStates(p.row.id);
  const check = checkRow(p.row.id);
  const overrideBy = check?.overrideById ? getDb().select({ name: schema.people.name }).from(schema.people).where(eq(schema.people.id, check.overrideById)).get()?.name ?? null : null;
  const missing = states.filter((k) => k.required && !k.answer);
  const manage = canManageProposal(input.actor, p.facts);
  const open = p.row.status === "concept";
  return {
    proposal: { id: p.row.id, title: p.row.title, status: p.row.status },
    ketens: states.map((k) => ({ ...k, canRecord: open && canRecordKetenCheck(input.actor, k.ketenId) && !k.own })),
    deadline: check?.deadline ?? null,
    override: check?.overrideAt ? { reason: check.overrideReason, byName: overrideBy, at: check.overrideAt } : null,
    missing: missing.map((k) => k.name),
    complete: missing.length === 0 || !!check?.overrideAt,
    can: {
      manage: open && manage,
      override: open && manage && missing.length > 0 && !check?.overrideAt && !!check && today() > check.deadline,
    },
    today: today(),
  };
}

function assertConcept(status: string) {
  if (status !== "concept") throw conflict("De integrale toets hoort bij een concept; de consultatie is al geopend.");
}

export function recordKetenCheck(input: { actor: Actor; id: number; ketenId: number; touches: "ja" | "nee"; organisations: number[]; note: string }): void {
  const p = requireReadable(input.actor, input.id);
  assertConcept(p.row.status);
  if (!canRecordKetenCheck(input.actor, input.ketenId)) throw forbidden("Alleen de regisseur van deze keten legt de integrale toets voor de keten vast.");
  const { states, ownKetenId } = ketenStates(p.row.id);
  if (input.ketenId === ownKetenId) throw conflict("Dit voorstel komt uit uw eigen keten; daarvoor is geen aparte toets nodig.");
  const keten = states.find((k) => k.ketenId === input.ketenId);
  if (!keten) throw badRequest("Kies een bestaande keten.", { ketenId: "Kies een bestaande keten." });
  const orgs = [...new Set(input.organisations)];
  if (orgs.some((o) => !keten.members.some((m) => m.id === o))) {
    throw badRequest("Kies alleen organisaties van uw keten.", { organisations: "Kies alleen organisaties die lid zijn van deze keten." });
  }
  if (input.touches === "ja" && !orgs.length) {
    throw badRequest("Geef aan welke organisaties van uw keten het raakt.", { organisations: "Kies ten minste één organisatie, of kies dat het uw keten niet raakt." });
  }
  assertNoClientData({ note: input.note }, "voorstel");
  const value = { touches: input.touches === "ja", organisationIds: JSON.stringify(input.touches === "ja" ? orgs : []), note: input.note, byId: input.actor.id, at: nowIso() };
  getDb().transaction((tx) => {
    tx.insert(schema.ketenChecks)
      .values({ proposalId: p.row.id, ketenId: input.ketenId, ...value })
      .onConflictDoUpdate({ target: [schema.ketenChecks.proposalId, schema.ketenChecks.ketenId], set: value })
      .run();
    audit({ actorId: input.actor.id, action: "proposal.keten_check", entityType: "proposal", entityId: p.row.id, after: { ketenId: input.ketenId, touches: value.touches, organisations: orgs, note: input.note } }, tx);
    notify(tx, [p.row.createdById], {
      kind: "integral_check",
      title: `Integrale toets: keten ${keten.name} heeft geantwoord`,
      body: `${input.actor.name} heeft voor de keten ${keten.name} vastgelegd: ${value.touches ? "de wijziging raakt deze keten" : "de wijziging raakt deze keten niet"}.`,
      link: `/wijzigingen/${p.row.id}/integraal`,
      email: false,
    });
  });
}

/** The owner sets until when the ketens are asked; the regisseurs of the ketens that must answer are told. */
export function setCheckDeadline(input: { actor: Actor; id: number; deadline: string }): void {
  const p = requireManageable(input.actor, input.id);
  assertConcept(p.row.status);
  if (input.deadline <= today()) throw badRequest("Kies een datum na vandaag.", { deadline: "De uiterste datum van de integrale toets moet na vandaag liggen." });
  const { states } = ketenStates(p.row.id);
  const ask = states.filter((k) => k.required && !k.answer).map((k) => k.ketenId);
  const regisseurs = ask.length
    ? getDb().select({ id: schema.ketens.regisseurId }).from(schema.ketens).where(inArray(schema.ketens.id, ask)).all().map((r) => r.id).filter((x): x is number => x != null)
    : [];
  getDb().transaction((tx) => {
    tx.insert(schema.integralChecks)
      .values({ proposalId: p.row.id, deadline: input.deadline })
      .onConflictDoUpdate({ target: schema.integralChecks.proposalId, set: { deadline: input.deadline } })
      .run();
    audit({ actorId: input.actor.id, action: "proposal.check_deadline", entityType: "proposal", entityId: p.row.id, after: { deadline: input.deadline } }, tx);
    notify(tx, regisseurs, {
      kind: "integral_check",
      title: `Integrale toets gevraagd: ${p.row.title}`,
      body: `Raakt dit concept uw keten? Leg het vast vóór ${formatIsoDateNl(input.deadline)}: ja of nee, welke organisaties, en een toelichting. De consultatie opent pas als elke geraakte keten heeft geantwoord.`,
      link: `/wijzigingen/${p.row.id}/integraal`,
    });
  });
}

/** After the deadline the owner may open consultation without the missing ketens; the reason is kept. */
export function overrideCheck(input: { actor: Actor; id: number; reason: string }): void {
  const p = requireManageable(input.actor, input.id);
  assertConcept(p.row.status);
  const check = checkRow(p.row.id);
  if (!check) throw conflict("Zet eerst een uiterste datum voor de integrale toets.");
  if (today() <= check.deadline) throw conflict(`Doorgaan zonder alle ketens kan pas na de uiterste datum van de integrale toets, ${formatIsoDateNl(check.deadline)}.`);
  const missing = missingKetenChecks(p.row.id);
  if (!missing.length) throw conflict("Alle ketens hebben geantwoord; de integrale toets is rond.");
  assertNoClientData({ reason: input.reason }, "voorstel");
  getDb().transaction((tx) => {
    tx.update(schema.integralChecks).set({ overrideReason: input.reason, overrideById: input.actor.id, overrideAt: nowIso() }).where(eq(schema.integralChecks.proposalId, p.row.id)).run();
    audit({ actorId: input.actor.id, action: "proposal.check_override", entityType: "proposal", entityId: p.row.id, after: { reason: input.reason, missing: missing.map((m) => m.name) } }, tx);
  });
}

/** A short line for the proposal page: how far the check is. */
export function integralCheckSummary(proposalId: number, db: Reader = getDb()) {
  const { states } = ketenStates(proposalId, db);
  const check = checkRow(proposalId, db);
  const required = states.filter((k) => k.required);
  return {
    required: required.length,
    answered: required.filter((k) => k.answer).length,
    touching: states.filter((k) => k.answer?.touches).map((k) => k.name),
    missing: required.filter((k) => !k.answer).map((k) => k.name),
    deadline: check?.deadline ?? null,
    overridden: !!check?.overrideAt,
    overrideReason: check?.overrideReason ?? "",
  };
}

