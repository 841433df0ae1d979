// "Nieuw hier?": what a new person of this organisation reads first, and whom to ask per
// keten. Read from the tables directly (documents.read_first_for, ketens, people).
import { and, asc, eq, inArray, isNotNull, ne } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import type { DocumentKind, OrganisationKind } from "~/db/schema";
import type { Actor } from "~/domain/actor.server";
import { KIND_LABELS as DOCUMENT_KIND_LABELS } from "~/shared/documents";

/** The audiences documents name in read_first_for. */
export type Audience = "wijkteam" | "ketenpartner" | "gemeente";

export function audienceOf(kind: OrganisationKind): Audience {
  if (kind === "ketenpartner") return "ketenpartner";
  if (kind === "wijkteam") return "wijkteam";
  return "gemeente";
}

const AUDIENCE_LABELS: Record<Audience, string> = {
  wijkteam: "medewerkers van een wijkteamorganisatie",
  ketenpartner: "medewerkers van een ketenpartner",
  gemeente: "medewerkers van de gemeente",
};

const KIND_ORDER: Record<DocumentKind, number> = { overig: 0, visie: 1, werkafspraken: 2, opdracht: 3 };
// On the start page an "overig" document is the wegwijzer; the other kinds keep their names.
const KIND_LABELS: Record<DocumentKind, string> = { ...DOCUMENT_KIND_LABELS, overig: "Wegwijzer" };

function parseAudiences(raw: string): string[] {
  try {
    const v: unknown = JSON.parse(raw);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
}

export function onboardingFor(actor: Actor) {
  const db = getDb();
  const audience = audienceOf(actor.organisationKind);
  const myKetens = new Set(actor.memberKetenIds);

  const docs = db
    .select({
      id: schema.documents.id,
      slug: schema.documents.slug,
      title: schema.documents.title,
      kind: schema.documents.kind,
      summary: schema.documents.summary,
      readFirstFor: schema.documents.readFirstFor,
      ketenId: schema.documents.ketenId,
      ketenName: schema.ketens.name,
      publishedAt: schema.documentVersions.publishedAt,
      versionNumber: schema.documentVersions.number,
    })
    .from(schema.documents)
    .innerJoin(schema.documentVersions, eq(schema.documents.currentVersionId, schema.documentVersions.id))
    .leftJoin(schema.ketens, eq(schema.documents.ketenId, schema.ketens.id))
    .where(and(isNotNull(schema.documents.currentVersionId), ne(schema.documents.status, "gearchiveerd")))
    .all();

  // First what is meant for this audience; within that the wegwijzer, the visie, the
  // werkafspraken of one's own ketens, then the rest.
  const rank = (d: (typeof docs)[number]) => [
    parseAudiences(d.readFirstFor).includes(audience) ? 0 : 1,
    KIND_ORDER[d.kind],
    d.ketenId == null || myKetens.has(d.ketenId) ? 0 : 1,
  ];
  const sorted = [...docs].sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i] - rb[i];
    return a.title.localeCompare(b.title, "nl");
  });
  const present = (d: (typeof docs)[number]) => ({
    slug: d.slug,
    title: d.title,
    kindLabel: KIND_LABELS[d.kind],
    summary: d.summary,
    ketenName: d.ketenName,
    versionNumber: d.versionNumber,
    publishedAt: d.publishedAt,
    mine: d.ketenId != null && myKetens.has(d.ketenId),
  });
  const readFirst = sorted.filter((d) => parseAudiences(d.readFirstFor).includes(audience)).map(present);
  const alsoUseful = sorted.filter((d) => !parseAudiences(d.readFirstFor).includes(audience)).map(present);

  // Whom to ask, per keten: the regisseur, the colleagues of one's own organisation who
  // write the keten's documents (redacteuren), and who published its latest werkafspraken.
  const ketens = db
    .select({
      id: schema.ketens.id,
      slug: schema.ketens.slug,
      name: schema.ketens.name,
      description: schema.ketens.description,
      regisseurName: schema.people.name,
      regisseurFunctie: schema.people.functie,
      regisseurEmail: schema.people.email,
    })
    .from(schema.ketens)
    .leftJoin(schema.people, eq(schema.ketens.regisseurId, schema.people.id))
    .orderBy(asc(schema.ketens.name))
    .all();
  const members = db.select({ ketenId: schema.ketenMembers.ketenId, organisationId: schema.ketenMembers.organisationId }).from(schema.ketenMembers).all();
  const colleagues = db
    .select({ id: schema.people.id, name: schema.people.name, functie: schema.people.functie, email: schema.people.email })
    .from(schema.people)
    .innerJoin(schema.personRoles, eq(schema.personRoles.personId, schema.people.id))
    .where(
      and(
        eq(schema.people.organisationId, actor.organisationId),
        eq(schema.people.active, true),
        inArray(schema.personRoles.role, ["redacteur", "regisseur"]),
        ne(schema.people.id, actor.id),
      ),
    )
    .orderBy(asc(schema.people.name))
    .all();
  const uniqueColleagues = [...new Map(colleagues.map((c) => [c.id, c])).values()];
  const publishers = db
    .select({
      ketenId: schema.documents.ketenId,
      documentTitle: schema.documents.title,
      name: schema.people.name,
      functie: schema.people.functie,
      email: schema.people.email,
      active: schema.people.active,
    })
    .from(schema.documents)
    .innerJoin(schema.documentVersions, eq(schema.documents.currentVersionId, schema.documentVersions.id))
    .innerJoin(schema.people, eq(schema.documentVersions.publishedById, schema.people.id))
    .where(isNotNull(schema.documents.ketenId))
    .all();

  const perKeten = ketens
    .map((k) => {
      const orgInKeten = members.some((m) => m.ketenId === k.id && m.organisationId === actor.organisationId);
      const people: Contact[] = [];
      if (k.regisseurName && k.regisseurEmail) {
        people.push({ name: k.regisseurName, functie: k.regisseurFunctie ?? "", email: k.regisseurEmail, why: "Regisseur van deze keten: eigenaar van de werkafspraken en van de signalen." });
      }
      for (const p of publishers.filter((x) => x.ketenId === k.id && x.active)) {
        if (!people.some((x) => x.email === p.email)) people.push({ name: p.name, functie: p.functie, email: p.email, why: `Publiceerde de geldende versie van ${p.documentTitle}.` });
      }
      if (orgInKeten) {
        for (const c of uniqueColleagues) {
          if (!people.some((x) => x.email === c.email)) people.push({ name: c.name, functie: c.functie, email: c.email, why: `Collega bij ${actor.organisationName} die de documenten van de ketens mee schrijft.` });
        }
      }
      return { slug: k.slug, name: k.name, description: k.description, mine: orgInKeten, people };
    })
    .sort((a, b) => Number(b.mine) - Number(a.mine) || a.name.localeCompare(b.name, "nl"));

  return {
    audienceLabel: AUDIENCE_LABELS[audience],
    organisationName: actor.organisationName,
    readFirst,
    alsoUseful,
    ketens: listOnce(perKeten),
  };
}

type Contact = { name: string; functie: string; email: string; why: string };

/**
 * Each colleague once in "whom to ask": a person is listed under the first keten they come up
 * for, with the other ketens named there ("Ook voor …"), instead of once per keten.
 */
export function listOnce<K extends { name: string; people: Contact[] }>(ketens: K[]): (K & { people: Contact[] })[] {
  const first = new Map<string, { contact: Contact; also: string[] }>();
  const out = ketens.map((k) => {
    const people: Contact[] = [];
    for (const p of k.people) {
      const seen = first.get(p.email);
      if (seen) {
        seen.also.push(k.name);
        continue;
      }
      const contact = { ...p };
      first.set(p.email, { contact, also: [] });
      people.push(contact);
    }
    return { ...k, people };
  });
  for (const { contact, also } of first.values()) {
    if (also.length) contact.why = `${contact.why} Ook voor ${also.join(", ")}.`;
  }
  return out;
}
