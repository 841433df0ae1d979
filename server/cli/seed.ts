// `npm run seed`: fill an empty database (DATA_DIR) with the demo world, without starting the server.
import { seedDemoIfEmpty } from "~/domain/seed/index.server";
import { closeDb, databasePath } from "~/db/client.server";

const seeded = await seedDemoIfEmpty((m) => console.log(m));
if (!seeded) console.log(`${databasePath()} bevat al gegevens; er is niets geladen.`);
closeDb();
