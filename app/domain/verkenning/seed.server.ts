// Demo content for issue 13 (voorbeeldinhoud, content/verkenning.json): a verkenning on the four
// client profiles and the 20% budget change, linked to the startgesprekken proposal, and the
// keten checks that were recorded for that proposal before its consultation opened.
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import { contentDir } from "../seed/world.server";

type SeedFile = {
  verkenningen: {
    keten: string;
    createdBy: string;
    createdAt: string;
    title: string;
    problem: string;
    knowledge: string;
    reactionDeadline: string;
    questions: string[];
    organisations: string[];
    signals: string[];
    answers: { by: string; question: number; at: string; text: string }[];
    summary: string;
    linkedTo: string | null;
  }[];
  ketenChecks: { proposal: string; checks: { keten: string; by: string; touches: boolean; organisations: string[]; note: string; at: string }[] }[];
};

export function seedVerkenningen(log: (m: string) => void = () => {}): number {
  const file = path.join(contentDir(), "verkenning.json");
  if (!fs.existsSync(file)) return 0;
  const data = JSON.parse(fs.readFileSync(file, "utf8")) as SeedFile;
  const db = getDb();
  const person = (email: string) => db.select({ id: schema.people.id, organisationId: schema.people.organisationId }).from(schema.people).where(eq(schema.people.email, email)).get();
  const org = (slug: string) => db.select({ id: schema.organisations.id }).from(schema.organisations).where(eq(schema.organisations.slug, slug)).get()?.id;
  const keten = (slug: string) => db.select({ id: schema.ketens.id }).from(schema.ketens).where(eq(schema.ketens.slug, slug)).get()?.id;
  const proposal = (title: string) => db.select({ id: schema.proposals.id }).from(schema.proposals).where(eq(schema.proposals.title, title)).get()?.id;
  let count = 0;
  db.transaction((tx) => {
    for (const v of data.verkenningen) {
      const author = person(v.createdBy);
      const ketenId = keten(v.keten);
      if (!author || !ketenId) continue;
      const row = tx
        .insert(schema.verkenningen)
        .values({ ketenId, title: v.title, problem: v.problem, knowledge: v.knowledge, reactionDeadline: v.reactionDeadline, summary: v.summary, createdById: author.id, createdAt: v.createdAt, updatedAt: v.createdAt })
        .returning({ id: schema.verkenningen.id })
        .get();
      const questionIds = v.questions.map((text, position) => tx.insert(schema.verkenningQuestions).values({ verkenningId: row.id, position, text }).returning({ id: schema.verkenningQuestions.id }).get().id);
      const orgIds = v.organisations.map(org).filter((x): x is number => x != null);
      for (const organisationId of orgIds) tx.insert(schema.verkenningOrganisations).values({ verkenningId: row.id, organisationId }).run();
      for (const title of v.signals) {
        const s = tx.select({ id: schema.signals.id }).from(schema.signals).where(eq(schema.signals.title, title)).get();
        if (s) tx.insert(schema.verkenningSignals).values({ verkenningId: row.id, signalId: s.id }).onConflictDoNothing().run();
      }
      const invited = tx.select({ id: schema.people.id, organisationId: schema.people.organisationId }).from(schema.people).all().filter((p) => orgIds.includes(p.organisationId));
      for (const p of invited) tx.insert(schema.verkenningInvitations).values({ verkenningId: row.id, personId: p.id, organisationId: p.organisationId, invitedAt: v.createdAt }).run();
      for (const a of v.answers) {
        const by = person(a.by);
        if (!by) continue;
        tx.insert(schema.verkenningAnswers).values({ verkenningId: row.id, questionId: questionIds[a.question - 1], organisationId: by.organisationId, authorId: by.id, text: a.text, createdAt: a.at }).run();
        tx.update(schema.verkenningInvitations).set({ openedAt: a.at, respondedAt: a.at }).where(eq(schema.verkenningInvitations.personId, by.id)).run();
      }
      const linked = v.linkedTo ? proposal(v.linkedTo) : undefined;
      if (linked) tx.insert(schema.changeLinks).values({ proposalId: linked, targetType: "verkenning", targetId: row.id, createdById: author.id, createdAt: v.createdAt }).onConflictDoNothing().run();
      count++;
    }
    for (const c of data.ketenChecks) {
      const proposalId = proposal(c.proposal);
      if (!proposalId) continue;
      for (const k of c.checks) {
        const ketenId = keten(k.keten);
        const by = person(k.by);
        if (!ketenId || !by) continue;
        const organisationIds = JSON.stringify(k.organisations.map(org).filter((x) => x != null));
        tx.insert(schema.ketenChecks).values({ proposalId, ketenId, touches: k.touches, organisationIds, note: k.note, byId: by.id, at: k.at }).onConflictDoNothing().run();
      }
    }
  });
  log(`${count} verkenning(en) geladen (voorbeeldinhoud).`);
  return count;
}
