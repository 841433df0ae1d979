// For tests that open a consultation: let the regisseur of every keten that must answer the
// integral check say "raakt mijn keten niet", as they would on the integral-check page.
import { eq } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import { loadActor } from "../actor.server";
import { missingKetenChecks, recordKetenCheck } from "./check.server";

export function passIntegralCheck(proposalId: number): void {
  for (const k of missingKetenChecks(proposalId)) {
    const regisseurId = getDb().select({ id: schema.ketens.regisseurId }).from(schema.ketens).where(eq(schema.ketens.id, k.ketenId)).get()?.id;
    const actor = regisseurId ? loadActor(regisseurId) : null;
    if (!actor) throw new Error(`keten ${k.name} has no regisseur`);
    recordKetenCheck({ actor, id: proposalId, ketenId: k.ketenId, touches: "nee", organisations: [], note: "" });
  }
}
