import { desc, eq } from "drizzle-orm";
import { getDb, schema, type Reader, type Tx } from "~/db/client.server";
import { nowIso } from "~/utils/clock.server";

/** Append an audit entry; pass the transaction so the entry commits with the change itself. */
export function audit(
  entry: { actorId: number | null; action: string; entityType: string; entityId: string | number; before?: unknown; after?: unknown },
  tx: Tx | ReturnType<typeof getDb> = getDb(),
): void {
  tx.insert(schema.auditLog)
    .values({
      at: nowIso(),
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: String(entry.entityId),
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .run();
}

/** The audit log's rows with the actor's name: the one query behind listAudit and the beheer log. */
export function auditRowsQuery(db: Reader = getDb()) {
  return db
    .select({
      id: schema.auditLog.id,
      at: schema.auditLog.at,
      action: schema.auditLog.action,
      entityType: schema.auditLog.entityType,
      entityId: schema.auditLog.entityId,
      before: schema.auditLog.before,
      after: schema.auditLog.after,
      actorName: schema.people.name,
    })
    .from(schema.auditLog)
    .leftJoin(schema.people, eq(schema.auditLog.actorId, schema.people.id))
    .$dynamic();
}

export function listAudit(opts: { limit?: number; offset?: number; entityType?: string } = {}) {
  const q = auditRowsQuery()
    .orderBy(desc(schema.auditLog.id))
    .limit(opts.limit ?? 100)
    .offset(opts.offset ?? 0);
  return opts.entityType ? q.where(eq(schema.auditLog.entityType, opts.entityType)).all() : q.all();
}
