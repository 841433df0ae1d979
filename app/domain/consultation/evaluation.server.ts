// After the change is in force: the invited organisations say how it works, and the
// regisseur records a conclusion, which closes the proposal (geëvalueerd).
import { and, asc, eq } from "drizzle-orm";
import type { EvaluationPhase } from "~/db/schema";
import { getDb, schema } from "~/db/client.server";
import { nowIso } from "~/utils/clock.server";
import type { Actor } from "../actor.server";
import { audit } from "../audit.server";
import { conflict, forbidden } from "../errors";
import { notify } from "../notify.server";
import { canRespondToEvaluation } from "../policy.server";
import { requireManageable, requireReadable, type Reader } from "./access.server";
import { audienceOf } from "./invitations.server";
import { applyTransition, illegalTransition } from "./lifecycle.server";
import { assertNoClientData } from "../privacy.server";

export function addEvaluationResponse(input: { actor: Actor; id: number; text: string }): void {
  const p = requireReadable(input.actor, input.id);
  if (p.row.status !== "van_kracht") {
    throw conflict(p.row.status === "geevalueerd" ? "De evaluatie is al afgerond." : "Een ervaring doorgeven kan zodra de wijziging van kracht is.");
  }
  if (!canRespondToEvaluation(input.actor, p.facts)) throw forbidden("Alleen uitgenodigde organisaties geven hun ervaring door.");
  assertNoClientData({ text: input.text }, "reactie");
  getDb().transaction((tx) => {
    tx.insert(schema.evaluationResponses)
      .values({ proposalId: p.row.id, organisationId: input.actor.organisationId, personId: input.actor.id, text: input.text, createdAt: nowIso() })
      .run();
    audit({ actorId: input.actor.id, action: "proposal.evaluation.response", entityType: "proposal", entityId: p.row.id }, tx);
    notify(tx, [p.row.createdById], {
      kind: "proposal_evaluation",
      title: `Ervaring doorgegeven: ${p.row.title}`,
      body: `${input.actor.name} (${input.actor.organisationName}) gaf een ervaring door voor de evaluatie.`,
      link: `/wijzigingen/${p.row.id}#evaluatie`,
      email: false,
    });
  });
}

export function concludeEvaluation(input: { actor: Actor; id: number; conclusion: string }): void {
  const p = requireManageable(input.actor, input.id);
  assertNoClientData({ conclusion: input.conclusion }, "voorstel");
  const row = p.row;
  if (row.status !== "van_kracht") throw illegalTransition(row.status, "geevalueerd");
  getDb().transaction((tx) => {
    applyTransition(tx, { row, to: "geevalueerd", actorId: input.actor.id, note: "Evaluatie afgerond", patch: { evaluationConclusion: input.conclusion } });
    notify(tx, audienceOf(row, tx), {
      kind: "proposal_status",
      title: `Evaluatie afgerond: ${row.title}`,
      body: `De evaluatie van "${row.title}" is afgerond.\n\n${input.conclusion}`,
      link: `/wijzigingen/${row.id}#evaluatie`,
    });
  });
}

/** Evaluation responses of one phase: the regular evaluation by default, "uitkomst" for reactions on a pilot's result. */
export function listEvaluationResponses(proposalId: number, db: Reader = getDb(), phase: EvaluationPhase = "regulier") {
  return db
    .select({
      id: schema.evaluationResponses.id,
      organisationName: schema.organisations.name,
      personName: schema.people.name,
      text: schema.evaluationResponses.text,
      createdAt: schema.evaluationResponses.createdAt,
    })
    .from(schema.evaluationResponses)
    .innerJoin(schema.organisations, eq(schema.evaluationResponses.organisationId, schema.organisations.id))
    .leftJoin(schema.people, eq(schema.evaluationResponses.personId, schema.people.id))
    .where(and(eq(schema.evaluationResponses.proposalId, proposalId), eq(schema.evaluationResponses.phase, phase)))
    .orderBy(asc(schema.evaluationResponses.createdAt), asc(schema.evaluationResponses.id))
    .all();
}
