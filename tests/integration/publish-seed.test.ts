// The demo of guarded publishing: a redactionele version with an "inhoudelijk" objection and a
// pending offer from a DOCK redacteur on the Wmo werkafspraken.
import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { getDb, schema } from "~/db/client.server";
import { loadActorByEmail } from "~/domain/actor.server";
import { seedDemoIfEmpty } from "~/domain/seed/index.server";
import { documentBySlug } from "~/domain/documents/documents.server";
import { editorialOf, pendingOffersFor } from "~/domain/documents/publishing.server";
import { getCurrentVersion } from "~/domain/documents/versions.server";

beforeAll(async () => {
  await seedDemoIfEmpty();
}, 120_000);

it("seeds a redactionele version with an objection and a pending DOCK offer", () => {
  const doc = documentBySlug("werkafspraken-wmo-keten")!;
  const owner = loadActorByEmail("regisseur.wmo@zaanstad.example")!;
  const current = getCurrentVersion(doc.id)!;
  expect(current.number).toBe(3);
  expect(current.text).toContain("na het indicatiebesluit");
  const editorial = editorialOf(owner, doc, current.id)!;
  expect(editorial.objections).toHaveLength(1);
  expect(editorial.objections[0].organisation).toBe("Zorg Voorbeeld BV");
  const offers = pendingOffersFor(owner);
  expect(offers).toHaveLength(1);
  expect(offers[0].offeredByName).toBeTruthy();
  const offer = getDb().select().from(schema.publicationOffers).where(eq(schema.publicationOffers.id, offers[0].id)).get()!;
  expect(offer.lexicalJson).toContain("vaste aanspreekpunt");
});
