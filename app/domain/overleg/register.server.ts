// The verbeterregister of a keten: improvement items (from signals, evaluations, meetings),
// the priority the EKO sets, the OKO action that carries the item out, status and outcome.
// Members of the keten's overleggen edit; the keten's organisations read; others get a 404.
import { and, asc, eq, sql } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import { nowIso } from "~/utils/clock.server";
import type { Actor } from "../actor.server";
import { DomainError, forbidden, notFound } from "../errors";
import { canEditRegister, canPrioritiseRegister, canReadRegister, readableRegisterCondition } from "../policy.server";
import { ACTION_STATUS_LABELS, REGISTER_PRIORITY_LABELS, REGISTER_SOURCE_LABELS, REGISTER_STATUS_LABELS, type RegisterPriority, type RegisterSource, type RegisterStatus } from "~/shared/overleg";
import { enqueueSearch } from "../search-outbox.server";
import { registerFacts } from "./facts.server";
import { assertNoClientData, regieAudit } from "./regie.server";
import { canLinkTarget } from "./targets.server";

const NOT_FOUND = "Deze pagina bestaat niet, of u heeft er geen toegang toe.";
const PRIORITY_ORDER = sql`case ${schema.registerItems.priority} when 'hoog' then 0 when 'middel' then 1 when 'laag' then 2 else 3 end`;

function loadKeten(actor: Actor, slug: string, need: "read" | "edit") {
  const keten = getDb().select().from(schema.ketens).where(eq(schema.ketens.slug, slug)).get();
  const facts = keten ? registerFacts(keten.id) : null;
  if (!keten || !facts || !canReadRegister(actor, facts)) throw notFound(NOT_FOUND);
  if (need === "edit" && !canEditRegister(actor, facts)) throw forbidden("Alleen de leden van het EKO en OKO van deze keten werken het verbeterregister bij.");
  return { keten, facts };
}

/** The register items the actor may read (the SQL condition, so counts and lists agree with the page). */
export function readableRegisterItems(actor: Actor, ketenId?: number) {
  const r = schema.registerItems;
  return getDb()
    .select()
    .from(r)
    .where(and(readableRegisterCondition(actor), ketenId ? eq(r.ketenId, ketenId) : undefined))
    .orderBy(PRIORITY_ORDER, asc(r.id))
    .all();
}

export function registerPage(input: { actor: Actor; slug: string }) {
  const { keten, facts } = loadKeten(input.actor, input.slug, "read");
  const db = getDb();
  const items = readableRegisterItems(input.actor, keten.id);
  const okoActions = db
    .select({ id: schema.actions.id, title: schema.actions.title, status: schema.actions.status, overlegId: schema.actions.overlegId, overlegKind: schema.overleggen.kind })
    .from(schema.actions)
    .innerJoin(schema.overleggen, eq(schema.actions.overlegId, schema.overleggen.id))
    .where(eq(schema.overleggen.ketenId, keten.id))
    .all();
  return {
    keten: { id: keten.id, slug: keten.slug, name: keten.name },
    items: items.map((i) => {
      const action = okoActions.find((a) => a.id === i.okoActionId);
      return {
        ...i,
        statusLabel: REGISTER_STATUS_LABELS[i.status as RegisterStatus],
        priorityLabel: i.priority ? REGISTER_PRIORITY_LABELS[i.priority as RegisterPriority] : "Nog niet bepaald",
        sourceLabel: REGISTER_SOURCE_LABELS[i.source as RegisterSource],
        okoAction: action ? { id: action.id, title: action.title, href: `/overleg/${action.overlegId}#actie-${action.id}`, status: ACTION_STATUS_LABELS[action.status] } : null,
      };
    }),
    actionOptions: okoActions.filter((a) => a.overlegKind === "oko").map((a) => ({ value: String(a.id), label: a.title })),
    canEdit: canEditRegister(input.actor, facts),
    canPrioritise: canPrioritiseRegister(input.actor, facts),
  };
}

export function addRegisterItem(input: { actor: Actor; slug: string; title: string; description: string; source: RegisterSource; signalId?: number }): number {
  const { keten, facts } = loadKeten(input.actor, input.slug, "edit");
  assertNoClientData({ title: input.title, description: input.description });
  if (input.signalId && !canLinkTarget(input.actor, "signal", input.signalId)) throw notFound("Dit signaal bestaat niet, of u heeft er geen toegang toe.");
  return getDb().transaction((tx) => {
    const row = tx
      .insert(schema.registerItems)
      .values({ ketenId: keten.id, title: input.title, description: input.description, source: input.source, signalId: input.signalId ?? null, createdById: input.actor.id })
      .returning({ id: schema.registerItems.id })
      .get();
    regieAudit(tx, input.actor, facts, { action: "register.nieuw", entityType: "register_item", entityId: row.id, after: { title: input.title } });
    enqueueSearch(tx, "register_item", row.id);
    return row.id;
  });
}

export function updateRegisterItem(input: { actor: Actor; slug: string; itemId: number; priority?: RegisterPriority; status: RegisterStatus; okoActionId?: number; outcome: string }): void {
  const { keten, facts } = loadKeten(input.actor, input.slug, "edit");
  assertNoClientData({ outcome: input.outcome });
  const db = getDb();
  const item = db.select().from(schema.registerItems).where(eq(schema.registerItems.id, input.itemId)).get();
  if (!item || item.ketenId !== keten.id) throw notFound("Dit verbeterpunt bestaat niet.");
  if (input.okoActionId) {
    const a = db.select({ ketenId: schema.overleggen.ketenId, kind: schema.overleggen.kind }).from(schema.actions).innerJoin(schema.overleggen, eq(schema.actions.overlegId, schema.overleggen.id)).where(eq(schema.actions.id, input.okoActionId)).get();
    if (!a || a.ketenId !== keten.id || a.kind !== "oko") throw new DomainError(400, "Kies een actie van het OKO van deze keten.", { okoActionId: "Kies een actie van het OKO van deze keten." });
  }
  // The priority is the EKO's: others keep it as it is (their form has no priority field);
  // a priority sent by someone else that differs from the saved one is refused, saving nothing.
  const mayPrioritise = canPrioritiseRegister(input.actor, facts);
  if (!mayPrioritise && input.priority !== undefined && input.priority !== item.priority) {
    throw forbidden("Alleen het EKO van deze keten en de ketenregisseur stellen de prioriteit vast.");
  }
  const priority = mayPrioritise ? (input.priority ?? null) : item.priority;
  const after = { priority, status: input.status, okoActionId: input.okoActionId ?? null, outcome: input.outcome };
  db.transaction((tx) => {
    tx.update(schema.registerItems).set({ ...after, updatedAt: nowIso() }).where(eq(schema.registerItems.id, item.id)).run();
    regieAudit(tx, input.actor, facts, { action: "register.bijgewerkt", entityType: "register_item", entityId: item.id, before: { priority: item.priority, status: item.status, okoActionId: item.okoActionId, outcome: item.outcome }, after });
    enqueueSearch(tx, "register_item", item.id);
  });
}
