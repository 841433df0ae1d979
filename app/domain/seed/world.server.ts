import fs from "node:fs";
import path from "node:path";
import { getDb, schema } from "~/db/client.server";
import { hashPassword } from "../auth.server";
import type { OrganisationKind, Role } from "~/db/schema";

export type World = {
  organisations: { slug: string; name: string; kind: OrganisationKind; color: string; description: string; fictitious?: boolean }[];
  people: { email: string; name: string; functie: string; organisation: string; roles: Role[] }[];
  ketens: { slug: string; name: string; regisseur: string; description: string; members: string[] }[];
  themas: { slug: string; name: string }[];
  wijken: { slug: string; name: string; team: string; organisation: string }[];
};

export function contentDir(): string {
  return path.resolve(process.env.CONTENT_DIR ?? path.join(process.cwd(), "content"));
}

export function readWorld(): World {
  return JSON.parse(fs.readFileSync(path.join(contentDir(), "world.json"), "utf8")) as World;
}

/** Organisations, people (password "demo"), ketens, thema's and wijken of the demo world. */
/** The TOTP secret of the demo beheerders (demo seed only; README, "Demo accounts"). */
export const DEMO_TOTP_SECRET = "KETENPORTAALDEMOBEHEERZAANSTAD22";

export async function seedWorld(password = "demo"): Promise<void> {
  const world = readWorld();
  const db = getDb();
  const passwordHash = await hashPassword(password);
  db.transaction((tx) => {
    const orgIds = new Map<string, number>();
    for (const o of world.organisations) {
      const row = tx
        .insert(schema.organisations)
        .values({ slug: o.slug, name: o.name, kind: o.kind, color: o.color, description: o.description, fictitious: !!o.fictitious })
        .returning({ id: schema.organisations.id })
        .get();
      orgIds.set(o.slug, row.id);
    }
    const personIds = new Map<string, number>();
    for (const p of world.people) {
      const organisationId = orgIds.get(p.organisation);
      if (!organisationId) throw new Error(`world.json: unknown organisation ${p.organisation}`);
      const row = tx
        .insert(schema.people)
        .values({ email: p.email, name: p.name, functie: p.functie, organisationId, passwordHash })
        .returning({ id: schema.people.id })
        .get();
      personIds.set(p.email, row.id);
      for (const role of p.roles) tx.insert(schema.personRoles).values({ personId: row.id, role }).run();
      // Beheerders must have a second factor; the demo's share one published secret.
      if (p.roles.includes("beheerder")) tx.insert(schema.secondFactors).values({ personId: row.id, secret: DEMO_TOTP_SECRET, confirmedAt: new Date(0).toISOString() }).run();
    }
    for (const k of world.ketens) {
      const row = tx
        .insert(schema.ketens)
        .values({ slug: k.slug, name: k.name, description: k.description, regisseurId: personIds.get(k.regisseur) ?? null })
        .returning({ id: schema.ketens.id })
        .get();
      for (const m of k.members) {
        const organisationId = orgIds.get(m);
        if (!organisationId) throw new Error(`world.json: unknown member ${m}`);
        tx.insert(schema.ketenMembers).values({ ketenId: row.id, organisationId }).run();
      }
    }
    for (const t of world.themas) tx.insert(schema.themas).values(t).run();
    for (const w of world.wijken) {
      tx.insert(schema.wijken)
        .values({ slug: w.slug, name: w.name, teamName: w.team, organisationId: orgIds.get(w.organisation) ?? null })
        .run();
    }
  });
}
