// `npm run create-beheerder -- <e-mail> "<naam>" <organisatie-slug>`: the first beheerder of a
// real installation (SEED_DEMO=0). Reads the password from KP_PASSWORD or asks for it.
import readline from "node:readline/promises";
import { eq } from "drizzle-orm";
import { closeDb, getDb, schema } from "~/db/client.server";
import { hashPassword } from "~/domain/auth.server";
import { audit } from "~/domain/audit.server";

const [email, name, orgSlug] = process.argv.slice(2);
if (!email || !name) {
  console.error('Gebruik: npm run create-beheerder -- <e-mail> "<naam>" [organisatie-slug]');
  process.exit(2);
}
let password = process.env.KP_PASSWORD ?? "";
if (!password) {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  password = await rl.question("Wachtwoord (minstens 10 tekens): ");
  rl.close();
}
if (password.length < 10) {
  console.error("Een wachtwoord heeft minstens 10 tekens.");
  process.exit(2);
}
const db = getDb();
let org = orgSlug ? db.select().from(schema.organisations).where(eq(schema.organisations.slug, orgSlug)).get() : undefined;
if (!org) {
  org = db.select().from(schema.organisations).where(eq(schema.organisations.kind, "gemeente")).get();
}
if (!org) {
  org = db.insert(schema.organisations).values({ slug: "gemeente", name: "Gemeente", kind: "gemeente" }).returning().get();
}
if (db.select().from(schema.people).where(eq(schema.people.email, email.toLowerCase())).get()) {
  console.error(`Er bestaat al een account met ${email}.`);
  process.exit(1);
}
const passwordHash = await hashPassword(password);
const orgId = org.id;
db.transaction((tx) => {
  const person = tx.insert(schema.people).values({ email: email.toLowerCase(), name, organisationId: orgId, passwordHash }).returning({ id: schema.people.id }).get();
  tx.insert(schema.personRoles).values({ personId: person.id, role: "beheerder" }).run();
  audit({ actorId: null, action: "beheerder aangemaakt (opdrachtregel)", entityType: "persoon", entityId: person.id, after: { email, name, organisationId: orgId } }, tx);
});
console.log(`Beheerder ${email} aangemaakt bij ${org.name}.`);
closeDb();
