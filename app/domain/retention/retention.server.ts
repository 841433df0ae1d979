// Applying the bewaartermijnen: settings per kind, one pass that removes or anonymises what is
// past its term (each record once: deletes cannot repeat, anonymisations are recorded in
// retention_done), an audit entry with the count per kind, and the archive package.
import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb, schema } from "~/db/client.server";
import type { Actor } from "~/domain/actor.server";
import { audit } from "~/domain/audit.server";
import { DomainError } from "~/domain/errors";
import { assertCanAdminister } from "~/domain/policy.server";
import { now } from "~/utils/clock.server";
import { RETENTION_KINDS, retentionKind } from "./kinds.server";

const DAY_MS = 24 * 3600 * 1000;

export type RetentionRow = {
  kind: string;
  label: string;
  from: string;
  action: string;
  reason: string;
  defaultDays: number;
  minDays: number;
  days: number;
  custom: boolean;
};

export function listRetention({ actor }: { actor: Actor }): RetentionRow[] {
  assertCanAdminister(actor);
  const set = new Map(getDb().select().from(schema.retentionSettings).all().map((r) => [r.kind, r.days]));
  return RETENTION_KINDS.map((k) => ({
    kind: k.kind,
    label: k.label,
    from: k.from,
    action: k.action,
    reason: k.reason,
    defaultDays: k.defaultDays,
    minDays: k.minDays,
    days: set.get(k.kind) ?? k.defaultDays,
    custom: set.has(k.kind),
  }));
}

export const retentionFormSchema = z.object({
  kind: z.string().min(1).max(60),
  days: z.coerce.number({ invalid_type_error: "Vul een aantal dagen in." }).int("Vul een heel aantal dagen in.").min(0, "Vul 0 of meer dagen in.").max(100 * 365, "Dat is langer dan honderd jaar."),
});

export function setRetention({ actor, kind, days }: { actor: Actor; kind: string; days: number }): void {
  assertCanAdminister(actor);
  const k = retentionKind(kind);
  if (!k) throw new DomainError(400, "Onbekende soort gegevens.");
  if (days < k.minDays) throw new DomainError(400, `De bewaartermijn voor ${k.label.toLowerCase()} is minstens ${k.minDays} dagen.`, { days: `Minstens ${k.minDays} dagen.` });
  const db = getDb();
  db.transaction((tx) => {
    const before = tx.select().from(schema.retentionSettings).where(eq(schema.retentionSettings.kind, kind)).get();
    tx.insert(schema.retentionSettings)
      .values({ kind, days, updatedBy: actor.id })
      .onConflictDoUpdate({ target: schema.retentionSettings.kind, set: { days, updatedBy: actor.id, updatedAt: now().toISOString() } })
      .run();
    audit({ actorId: actor.id, action: "retention.set", entityType: "retention", entityId: kind, before: { days: before?.days ?? k.defaultDays }, after: { days } }, tx);
  });
}

/**
 * One retention pass (the scheduler calls this). Synchronous and one transaction per kind, so
 * two passes never interleave and a crash leaves each kind either done or untouched.
 */
export function runRetention(at: Date = now()): Record<string, number> {
  const db = getDb();
  const set = new Map(db.select().from(schema.retentionSettings).all().map((r) => [r.kind, r.days]));
  const counts: Record<string, number> = {};
  for (const k of RETENTION_KINDS) {
    const days = set.get(k.kind) ?? k.defaultDays;
    const cutoff = new Date(at.getTime() - days * DAY_MS).toISOString();
    counts[k.kind] = db.transaction((tx) => {
      const n = k.apply(tx, cutoff);
      if (n > 0) audit({ actorId: null, action: "retention.applied", entityType: "retention", entityId: k.kind, after: { count: n, action: k.action, days, cutoff } }, tx);
      return n;
    });
  }
  return counts;
}
