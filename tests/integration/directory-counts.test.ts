import { beforeAll, describe, expect, it } from "vitest";
import { getDb, schema } from "~/db/client.server";
import { seedWorld } from "~/domain/seed/world.server";
import { listOrganisations } from "~/domain/directory.server";

beforeAll(async () => {
  await seedWorld("demo");
});

// Beheer showed "1" active staff for every organisation: the count's subquery compared
// people.organisation_id with people.id instead of the organisation's id.
describe("active staff per organisation", () => {
  it("counts the active people of each organisation", () => {
    const people = getDb().select({ organisationId: schema.people.organisationId, active: schema.people.active }).from(schema.people).all();
    const expected = new Map<number, number>();
    for (const p of people) if (p.active && p.organisationId != null) expected.set(p.organisationId, (expected.get(p.organisationId) ?? 0) + 1);
    const orgs = listOrganisations();
    expect(orgs.length).toBeGreaterThan(1);
    for (const o of orgs) expect({ org: o.name, n: o.peopleCount }).toEqual({ org: o.name, n: expected.get(o.id) ?? 0 });
    // The demo world has organisations with more than one person (DOCK, the gemeente).
    expect(orgs.some((o) => o.peopleCount > 1)).toBe(true);
  });
});
