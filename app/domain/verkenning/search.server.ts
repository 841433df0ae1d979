// Verkenningen in search: one entry for the verkenning (problem, what is known, the summary
// "wat we hebben gehoord") and one per question, readable by exactly whom canReadVerkenning
// lets read it (visibilityForVerkenning). The answers are not indexed: they belong to the
// organisations that gave them and are read on the page.
import { asc, eq } from "drizzle-orm";
import { schema, type Db } from "~/db/client.server";
import { verkenningFacts } from "~/domain/facts.server";
import { VERKENNING_STATUS_LABELS, type VerkenningStatus } from "~/shared/verkenning";
import { visibilityForVerkenning } from "../search/acl.server";
import type { SearchSource } from "../search/source-registry.server";
import type { SearchEntry } from "../search/types";

export function verkenningEntries(db: Db, id: number): SearchEntry[] {
  const v = db
    .select({ row: schema.verkenningen, ketenSlug: schema.ketens.slug })
    .from(schema.verkenningen)
    .innerJoin(schema.ketens, eq(schema.verkenningen.ketenId, schema.ketens.id))
    .where(eq(schema.verkenningen.id, id))
    .get();
  const facts = v ? verkenningFacts(id, db) : null;
  if (!v || !facts) return [];
  const key = `verkenning:${id}`;
  const visibility = visibilityForVerkenning(facts);
  const orgs = db
    .select({ slug: schema.organisations.slug })
    .from(schema.verkenningOrganisations)
    .innerJoin(schema.organisations, eq(schema.verkenningOrganisations.organisationId, schema.organisations.id))
    .where(eq(schema.verkenningOrganisations.verkenningId, id))
    .all()
    .map((o) => o.slug);
  const facets = { keten: [v.ketenSlug], organisatie: orgs };
  const r = v.row;
  const questions = db.select().from(schema.verkenningQuestions).where(eq(schema.verkenningQuestions.verkenningId, id)).orderBy(asc(schema.verkenningQuestions.position)).all();
  const url = `/verkenningen/${id}`;
  return [
    {
      id: key,
      entityKey: key,
      kind: "verkenning" as const,
      title: r.title,
      section: VERKENNING_STATUS_LABELS[r.status as VerkenningStatus] ?? r.status,
      body: [r.problem, r.knowledge, r.summary ? `Wat we hebben gehoord: ${r.summary}` : "", r.closedReason].filter((s) => s.trim()).join("\n"),
      url,
      position: 0,
      updatedAt: r.updatedAt,
      visibility,
      facets,
    },
    ...questions.map((q, i) => ({
      id: `${key}#vraag-${q.id}`,
      entityKey: key,
      kind: "verkenning" as const,
      title: r.title,
      section: `Vraag ${i + 1}`,
      body: q.text,
      url,
      position: i + 1,
      updatedAt: r.updatedAt,
      visibility,
      facets,
    })),
  ];
}

export const verkenningSource: SearchSource = {
  type: "verkenning",
  load: verkenningEntries,
  allIds: (db) => db.select({ id: schema.verkenningen.id }).from(schema.verkenningen).orderBy(asc(schema.verkenningen.id)).all().map((r) => r.id),
};
