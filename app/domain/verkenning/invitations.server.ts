// Invitations, receipts and reminders of a verkenning: the consultation's machinery
// (app/domain/consultation/invitations.server.ts, scheduled.server.ts) applied to its own
// invitation rows. Every active person of an asked organisation is invited; opening the page
// marks "geopend", answering marks "gereageerd"; the reminders go out five and one working day
// before the reaction deadline to organisations that have not answered, once per person.
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { getDb, schema, type Reader, type Tx } from "~/db/client.server";
import { amsterdamDate, formatIsoDateNl } from "~/shared/dates";
import { workingDaysBefore } from "~/shared/working-days";
import { nowIso, today } from "~/utils/clock.server";
import type { Actor } from "../actor.server";
import { groupReceipts, type OrganisationReceipt } from "../consultation/invitations.server";
import { claimRun } from "../consultation/runs.server";
import { REMINDERS } from "../consultation/scheduled.server";
import { notify } from "../notify.server";

const inv = schema.verkenningInvitations;

export function inviteForVerkenning(tx: Tx, v: { id: number; title: string; reactionDeadline: string }, organisationIds: number[]): number[] {
  if (!organisationIds.length) return [];
  const people = tx
    .select({ id: schema.people.id, organisationId: schema.people.organisationId })
    .from(schema.people)
    .where(and(inArray(schema.people.organisationId, organisationIds), eq(schema.people.active, true)))
    .all();
  const at = nowIso();
  const invited: number[] = [];
  for (const p of people) {
    const res = tx.insert(inv).values({ verkenningId: v.id, personId: p.id, organisationId: p.organisationId, invitedAt: at }).onConflictDoNothing().run();
    if (res.changes > 0) invited.push(p.id);
  }
  notify(tx, invited, {
    kind: "verkenning_invitation",
    title: `Verkenning: ${v.title}`,
    body: `Voordat er een tekst is, vraagt de regisseur uw organisatie mee te denken over "${v.title}". Er staan een paar open vragen klaar; antwoord uiterlijk ${formatIsoDateNl(v.reactionDeadline)}. Wat u en de andere organisaties antwoorden, komt in de samenvatting "wat we hebben gehoord" en in de reactienota van een eventueel voorstel.`,
    link: `/verkenningen/${v.id}`,
  });
  return invited;
}

export function markVerkenningOpened(actor: Actor, verkenningId: number): void {
  getDb()
    .update(inv)
    .set({ openedAt: nowIso() })
    .where(and(eq(inv.verkenningId, verkenningId), eq(inv.personId, actor.id), isNull(inv.openedAt)))
    .run();
}

export function markVerkenningResponded(tx: Tx, actor: Actor, verkenningId: number): void {
  const at = nowIso();
  const where = and(eq(inv.verkenningId, verkenningId), eq(inv.personId, actor.id));
  tx.update(inv).set({ openedAt: at }).where(and(where, isNull(inv.openedAt))).run();
  tx.update(inv).set({ respondedAt: at }).where(and(where, isNull(inv.respondedAt))).run();
}

export function verkenningInvitationOf(actorId: number, verkenningId: number, db: Reader = getDb()) {
  return db.select({ openedAt: inv.openedAt, respondedAt: inv.respondedAt }).from(inv).where(and(eq(inv.verkenningId, verkenningId), eq(inv.personId, actorId))).get() ?? null;
}

export function verkenningReceipts(verkenningId: number, db: Reader = getDb()): OrganisationReceipt[] {
  const orgs = db
    .select({ organisationId: schema.verkenningOrganisations.organisationId, name: schema.organisations.name })
    .from(schema.verkenningOrganisations)
    .innerJoin(schema.organisations, eq(schema.verkenningOrganisations.organisationId, schema.organisations.id))
    .where(eq(schema.verkenningOrganisations.verkenningId, verkenningId))
    .orderBy(asc(schema.organisations.name))
    .all();
  const rows = db
    .select({ organisationId: inv.organisationId, name: schema.people.name, invitedAt: inv.invitedAt, openedAt: inv.openedAt, respondedAt: inv.respondedAt })
    .from(inv)
    .innerJoin(schema.people, eq(inv.personId, schema.people.id))
    .where(eq(inv.verkenningId, verkenningId))
    .orderBy(asc(schema.people.name))
    .all();
  return groupReceipts(orgs, rows);
}

/** The latest reminder moment that has arrived, to people of organisations that have not answered; once per person per moment. */
export function sendVerkenningReminders(v: { id: number; title: string; reactionDeadline: string }, day: string): number {
  const moments = REMINDERS.map((r) => ({ ...r, date: workingDaysBefore(v.reactionDeadline, r.workingDays) })).filter((r) => r.date <= day);
  const moment = moments[moments.length - 1];
  if (!moment) return 0;
  return getDb().transaction((tx) => {
    const rows = tx
      .select({ personId: inv.personId, organisationId: inv.organisationId, invitedAt: inv.invitedAt, respondedAt: inv.respondedAt })
      .from(inv)
      .innerJoin(schema.people, eq(inv.personId, schema.people.id))
      .where(and(eq(inv.verkenningId, v.id), eq(schema.people.active, true)))
      .all();
    const answered = new Set(rows.filter((r) => r.respondedAt).map((r) => r.organisationId));
    const remind: number[] = [];
    for (const r of rows) {
      if (answered.has(r.organisationId) || amsterdamDate(new Date(r.invitedAt)) >= moment.date) continue;
      if (claimRun(tx, `verkenning-reminder:${v.id}:${moment.kind}:${v.reactionDeadline}:${r.personId}`)) remind.push(r.personId);
    }
    notify(tx, remind, {
      kind: "verkenning_reminder",
      title: `Herinnering: antwoord uiterlijk ${formatIsoDateNl(v.reactionDeadline)} op de verkenning ${v.title}`,
      body: `Uw organisatie heeft de vragen van de verkenning "${v.title}" nog niet beantwoord. Ook een kort antwoord helpt: dan weet de regisseur hoe het bij u ligt voordat er een tekst is.`,
      link: `/verkenningen/${v.id}`,
    });
    return remind.length;
  });
}

/** The scheduler's pass: reminders for every open verkenning whose deadline has not passed. */
export function runVerkenningSchedule(): { reminders: number; errors: string[] } {
  const day = today();
  const out = { reminders: 0, errors: [] as string[] };
  const open = getDb()
    .select({ id: schema.verkenningen.id, title: schema.verkenningen.title, reactionDeadline: schema.verkenningen.reactionDeadline })
    .from(schema.verkenningen)
    .where(eq(schema.verkenningen.status, "open"))
    .all()
    .filter((v) => v.reactionDeadline >= day);
  for (const v of open) {
    try {
      out.reminders += sendVerkenningReminders(v, day);
    } catch (e) {
      out.errors.push(`verkenning ${v.id}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return out;
}
