// The register of opdrachten in search: one entry per item, with the feedback of its reporting
// moments, readable by exactly whom canReadOpdracht lets read it (visibilityForOpdracht).
import { asc, eq } from "drizzle-orm";
import { schema, type Db } from "~/db/client.server";
import { OPDRACHT_KIND_LABELS, OPDRACHT_ROUTE_LABELS, OPDRACHT_STATUS_LABELS, type OpdrachtKind, type OpdrachtRoute, type OpdrachtStatus } from "~/shared/opdrachten";
import { formatDate } from "~/shared/dates";
import { visibilityForOpdracht } from "../search/acl.server";
import type { SearchSource } from "../search/source-registry.server";
import type { SearchEntry } from "../search/types";
import { opdrachtFacts } from "./facts.server";

export function opdrachtEntries(db: Db, id: number): SearchEntry[] {
  const o = db.select().from(schema.opdrachten).where(eq(schema.opdrachten.id, id)).get();
  const facts = o ? opdrachtFacts(id, db) : null;
  if (!o || !facts) return [];
  const ketens = db.select({ slug: schema.ketens.slug }).from(schema.opdrachtKetens).innerJoin(schema.ketens, eq(schema.opdrachtKetens.ketenId, schema.ketens.id)).where(eq(schema.opdrachtKetens.opdrachtId, id)).all();
  const themas = db.select({ slug: schema.themas.slug }).from(schema.opdrachtThemas).innerJoin(schema.themas, eq(schema.opdrachtThemas.themaId, schema.themas.id)).where(eq(schema.opdrachtThemas.opdrachtId, id)).all();
  const orgs = db
    .select({ slug: schema.organisations.slug, name: schema.organisations.name })
    .from(schema.opdrachtOrganisations)
    .innerJoin(schema.organisations, eq(schema.opdrachtOrganisations.organisationId, schema.organisations.id))
    .where(eq(schema.opdrachtOrganisations.opdrachtId, id))
    .all();
  const reports = db.select().from(schema.opdrachtReports).where(eq(schema.opdrachtReports.opdrachtId, id)).orderBy(asc(schema.opdrachtReports.dueDate)).all();
  const key = `opdracht:${id}`;
  return [
    {
      id: key,
      entityKey: key,
      kind: "opdracht",
      title: o.title,
      section: `${OPDRACHT_KIND_LABELS[o.kind as OpdrachtKind]} · ${OPDRACHT_STATUS_LABELS[o.status as OpdrachtStatus]}${o.route === "buiten_route" ? ` · ${OPDRACHT_ROUTE_LABELS[o.route as OpdrachtRoute]}` : ""}`,
      body: [
        o.purpose,
        `Gevraagd door ${o.requestedBy}; uitgevoerd door ${orgs.map((g) => g.name).join(", ")}.`,
        o.indicators ? `Indicatoren: ${o.indicators.split("\n").join("; ")}` : "",
        ...reports.filter((r) => r.feedback).map((r) => `Wat er met uw gegevens is gedaan (${formatDate(r.dueDate)}): ${r.feedback}`),
      ]
        .filter(Boolean)
        .join("\n"),
      url: `/opdrachten/${id}`,
      position: 0,
      updatedAt: o.updatedAt,
      visibility: visibilityForOpdracht(facts),
      facets: { keten: ketens.map((k) => k.slug), thema: themas.map((t) => t.slug), organisatie: orgs.map((g) => g.slug), status: [o.status] },
    },
  ];
}

export const opdrachtSource: SearchSource = {
  type: "opdracht",
  load: opdrachtEntries,
  allIds: (db) => db.select({ id: schema.opdrachten.id }).from(schema.opdrachten).orderBy(asc(schema.opdrachten.id)).all().map((r) => r.id),
};
