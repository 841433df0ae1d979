// Demo content for the register of opdrachten (content/opdrachten.json, voorbeeldinhoud): the
// broad assignment, the aanvullende opdracht participatie with its four profiles and its 20%
// lower budget, information requests (one outside the agreed route, one still to be checked)
// and reporting moments with the requester's feedback.
import fs from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import type { OpdrachtKind, OpdrachtRoute, OpdrachtStatus, ToetsOutcome } from "~/shared/opdrachten";
import { contentDir } from "../seed/world.server";

type SeedItem = {
  key: string;
  kind: OpdrachtKind;
  title: string;
  purpose: string;
  requestedBy: string;
  owner: string;
  budget?: number;
  start: string;
  end: string;
  evaluation?: string;
  ketens: string[];
  themas: string[];
  organisations: string[];
  indicators: string[];
  visie?: string;
  status: OpdrachtStatus;
  statusNote?: string;
  route: OpdrachtRoute;
  toets?: { outcome: ToetsOutcome; note: string; by: string; at: string };
  reports: { due: string; title: string; received?: string; feedback?: string; feedbackAt?: string }[];
};

export function readOpdrachtenContent(): SeedItem[] {
  const file = path.join(contentDir(), "opdrachten.json");
  if (!fs.existsSync(file)) return [];
  return (JSON.parse(fs.readFileSync(file, "utf8")) as { items: SeedItem[] }).items;
}

export function seedOpdrachten(log: (m: string) => void = () => {}): number {
  const items = readOpdrachtenContent();
  if (!items.length) return 0;
  const db = getDb();
  const bySlug = (table: typeof schema.ketens | typeof schema.themas | typeof schema.organisations, slug: string) => {
    const row = db.select({ id: table.id }).from(table).where(eq(table.slug, slug)).get();
    if (!row) throw new Error(`opdrachten.json: unknown ${slug}`);
    return row.id;
  };
  const person = (email: string) => {
    const row = db.select({ id: schema.people.id }).from(schema.people).where(eq(schema.people.email, email)).get();
    if (!row) throw new Error(`opdrachten.json: unknown person ${email}`);
    return row.id;
  };
  const visie = db.select({ id: schema.documents.id }).from(schema.documents).where(and(eq(schema.documents.kind, "visie"), eq(schema.documents.slug, "visie-op-partnerschap"))).get();
  const at = (d: string) => (d.length === 10 ? `${d}T09:00:00.000Z` : d);
  db.transaction((tx) => {
    for (const it of items) {
      const ownerId = person(it.owner);
      const row = tx
        .insert(schema.opdrachten)
        .values({
          kind: it.kind,
          title: it.title,
          purpose: it.purpose,
          requestedBy: it.requestedBy,
          ownerId,
          budget: it.budget ?? null,
          startDate: it.start,
          endDate: it.end,
          evaluationDate: it.evaluation ?? null,
          indicators: it.indicators.join("\n"),
          visieDocumentId: it.visie && visie ? visie.id : null,
          visieAnchor: it.visie && visie ? it.visie : "",
          status: it.status,
          statusNote: it.statusNote ?? "",
          route: it.route,
          toetsOutcome: it.toets?.outcome ?? null,
          toetsNote: it.toets?.note ?? "",
          toetsById: it.toets ? person(it.toets.by) : null,
          toetsAt: it.toets?.at ?? null,
          createdById: ownerId,
          createdAt: at(it.start < "2026-11-01" ? it.start : "2026-11-20"),
        })
        .returning({ id: schema.opdrachten.id })
        .get();
      for (const k of it.ketens) tx.insert(schema.opdrachtKetens).values({ opdrachtId: row.id, ketenId: bySlug(schema.ketens, k) }).run();
      for (const t of it.themas) tx.insert(schema.opdrachtThemas).values({ opdrachtId: row.id, themaId: bySlug(schema.themas, t) }).run();
      for (const g of it.organisations) tx.insert(schema.opdrachtOrganisations).values({ opdrachtId: row.id, organisationId: bySlug(schema.organisations, g) }).run();
      for (const r of it.reports) {
        tx.insert(schema.opdrachtReports)
          .values({
            opdrachtId: row.id,
            dueDate: r.due,
            title: r.title,
            receivedAt: r.received ? at(r.received) : null,
            receivedById: r.received ? ownerId : null,
            feedback: r.feedback ?? "",
            feedbackAt: r.feedbackAt ? at(r.feedbackAt) : null,
            feedbackById: r.feedback ? ownerId : null,
          })
          .run();
      }
    }
  });
  log(`Opdrachtenregister: ${items.length} items geladen (voorbeeldinhoud).`);
  return items.length;
}
