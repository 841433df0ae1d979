// Reading a proposal's goals, without the commands: the lifecycle asks it before the
// consultation opens (goals.server imports the lifecycle, so this stays apart).
import { and, asc, eq } from "drizzle-orm";
import type { EvaluationPhase } from "~/db/schema";
import { getDb, schema } from "~/db/client.server";
import type { Reader } from "./access.server";

export function listGoals(proposalId: number, db: Reader = getDb()) {
  return db
    .select({ id: schema.proposalGoals.id, improve: schema.proposalGoals.improve, forWhom: schema.proposalGoals.forWhom, measure: schema.proposalGoals.measure })
    .from(schema.proposalGoals)
    .where(eq(schema.proposalGoals.proposalId, proposalId))
    .orderBy(asc(schema.proposalGoals.position), asc(schema.proposalGoals.id))
    .all();
}

/** For openConsultation: the Dutch field error when the proposal states no goal yet. */
export function goalsMissing(proposalId: number, db: Reader = getDb()): string | null {
  return listGoals(proposalId, db).length
    ? null
    : "Beschrijf ten minste één doel: wat moet er beter worden, voor wie, en hoe we merken dat het lukt. De evaluatie vraagt de genodigden later per doel hoe het ging.";
}


/** Invited organisations and whether each answered the evaluation of this phase. */
export function answeredOrganisations(proposalId: number, phase: EvaluationPhase, db: Reader = getDb()) {
  const invited = db
    .select({ id: schema.organisations.id, name: schema.organisations.name })
    .from(schema.proposalImpacts)
    .innerJoin(schema.organisations, eq(schema.proposalImpacts.organisationId, schema.organisations.id))
    .where(eq(schema.proposalImpacts.proposalId, proposalId))
    .orderBy(asc(schema.organisations.name))
    .all();
  const answered = new Set(
    db
      .select({ org: schema.evaluationResponses.organisationId })
      .from(schema.evaluationResponses)
      .where(and(eq(schema.evaluationResponses.proposalId, proposalId), eq(schema.evaluationResponses.phase, phase)))
      .all()
      .map((r) => r.org),
  );
  return invited.map((o) => ({ ...o, answered: answered.has(o.id) }));
}

