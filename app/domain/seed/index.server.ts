import { sql } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import { seedWorld } from "./world.server";
import { reindexSearch } from "../search/indexer.server";
import { seedDocuments } from "../documents/seed.server";
import { seedSignals } from "../signals/seed.server";
import { seedProposals } from "../consultation/seed.server";
import { seedOverleg } from "../overleg/seed.server";
import { seedNoticePreferences } from "../notices/seed.server";
import { seedOpdrachten } from "../opdrachten/seed.server";
import { seedPublishing } from "../documents/seed-publishing.server";
import { seedMarginComments } from "../margin/seed.server";
import { seedPilotsAndGoals } from "../consultation/seed-pilot.server";
import { seedVerkenningen } from "../verkenning/seed.server";

/** Fill an empty database with the demo world; a database with people in it is left alone. */
export async function seedDemoIfEmpty(log: (m: string) => void = () => {}): Promise<boolean> {
  const db = getDb();
  const count = db.select({ n: sql<number>`count(*)` }).from(schema.people).get()?.n ?? 0;
  if (count > 0) return false;
  log("Lege database: demo-inhoud wordt geladen (voorbeeldinhoud)...");
  await seedWorld();
  seedDocuments(log);
  seedProposals(log);
  // Before the margin comments: it publishes a version and changes the Wmo draft they anchor in.
  seedPublishing(log);
  seedMarginComments(log);
  seedPilotsAndGoals(log);
  // Keep signalen last: their follow-up links point at the documents and proposals above.
  log(`Signalen: ${seedSignals()} voorbeeldsignalen geladen.`);
  seedOverleg(log);
  log(`Meldingen: keuzes van ${seedNoticePreferences()} voorbeeldpersonen geladen.`);
  seedOpdrachten(log);
  // After the signals and proposals it links to.
  seedVerkenningen(log);
  log("Demo-inhoud geladen.");
  // Keep the search index last: it is built from everything seeded above.
  try {
    const { entries } = await reindexSearch();
    log(`Zoekindex opgebouwd: ${entries} items.`);
  } catch (e) {
    // An unreachable Meilisearch must not block the demo; the indexer retries on start.
    log(`Zoekindex nog niet opgebouwd: ${e instanceof Error ? e.message : String(e)}`);
  }
  return true;
}
