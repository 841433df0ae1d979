// Daily and weekly digests: one e-mail per person per period with the notices they chose to
// receive that way, grouped by the proposal, signal or meeting they are about. Run by the
// scheduler on every pass; it sends from DIGEST_HOUR (Europe/Amsterdam) on, and the unique key
// on digests_sent (person, period, day or ISO week) — written in the same transaction as the
// e-mail and the queue update — makes it exactly once per period, also across restarts and
// when two processes run the pass at the same time.
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import { DIGEST_PERIODS, type DigestPeriod } from "~/db/schema";
import { amsterdamDate, amsterdamHour, formatDate } from "~/shared/dates";
import { plural } from "~/shared/plural";
import type { IsoDate } from "~/shared/working-days";
import { now } from "~/utils/clock.server";
import { env } from "~/utils/env.server";
import { loadActor } from "../actor.server";
import { oneLine } from "../export-escape";
import { canOpenLink, publicUrl } from "../notify.server";

type Db = ReturnType<typeof getDb>;
type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** ISO 8601 week of an Amsterdam day: "2026-W49". */
export function isoWeekKey(day: IsoDate): string {
  const d = new Date(`${day}T12:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7; // Monday 0
  d.setUTCDate(d.getUTCDate() - weekday + 3); // the Thursday of this week decides the year
  const year = d.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  firstThursday.setUTCDate(firstThursday.getUTCDate() - ((firstThursday.getUTCDay() + 6) % 7) + 3);
  const week = 1 + Math.round((d.getTime() - firstThursday.getTime()) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/**
 * The period a digest sent at `at` belongs to, or null when it is not due yet: a daily digest
 * from DIGEST_HOUR each day, a weekly one from DIGEST_HOUR on Monday (a pass later in the week
 * still sends the week's digest, e.g. after the server was down on Monday).
 */
export function duePeriodKey(period: DigestPeriod, at: Date, hour = env().DIGEST_HOUR): string | null {
  const day = amsterdamDate(at);
  const beforeHour = amsterdamHour(at) < hour;
  if (period === "dagelijks") return beforeHour ? null : day;
  const monday = new Date(`${day}T12:00:00Z`).getUTCDay() === 1;
  return monday && beforeHour ? null : isoWeekKey(day);
}

type Item = { notificationId: number; kind: string; title: string; body: string; link: string; createdAt: string };

/** What a group of notices is about, from the link they share; named by its own (readable) title. */
function groupOf(tx: Tx, link: string): { key: string; heading: string } {
  const path = link.split(/[?#]/)[0];
  const proposal = /^\/wijzigingen\/(\d+)(?:\/|$)/.exec(path);
  if (proposal) {
    const row = tx.select({ title: schema.proposals.title }).from(schema.proposals).where(eq(schema.proposals.id, Number(proposal[1]))).get();
    return { key: `/wijzigingen/${proposal[1]}`, heading: `Wijzigingsvoorstel: ${oneLine(row?.title ?? proposal[1])}` };
  }
  const signal = /^\/signalen\/(\d+)(?:\/|$)/.exec(path);
  if (signal) {
    const row = tx.select({ title: schema.signals.title }).from(schema.signals).where(eq(schema.signals.id, Number(signal[1]))).get();
    return { key: `/signalen/${signal[1]}`, heading: `Signaal: ${oneLine(row?.title ?? signal[1])}` };
  }
  const meeting = /^\/overleg\/bijeenkomst\/(\d+)(?:\/|$)/.exec(path);
  if (meeting) {
    const row = tx
      .select({ date: schema.meetings.date, name: schema.overleggen.name })
      .from(schema.meetings)
      .innerJoin(schema.overleggen, eq(schema.meetings.overlegId, schema.overleggen.id))
      .where(eq(schema.meetings.id, Number(meeting[1])))
      .get();
    return { key: `/overleg/bijeenkomst/${meeting[1]}`, heading: row ? `Bijeenkomst: ${oneLine(row.name)}, ${formatDate(row.date)}` : "Bijeenkomst" };
  }
  const overleg = /^\/overleg\/(\d+)(?:\/|$)/.exec(path);
  if (overleg) {
    const row = tx.select({ name: schema.overleggen.name }).from(schema.overleggen).where(eq(schema.overleggen.id, Number(overleg[1]))).get();
    return { key: `/overleg/${overleg[1]}`, heading: `Overleg: ${oneLine(row?.name ?? overleg[1])}` };
  }
  const document = /^\/documenten\/([^/]+)(?:\/|$)/.exec(path);
  if (document) {
    const row = tx.select({ title: schema.documents.title }).from(schema.documents).where(eq(schema.documents.slug, decodeURIComponent(document[1]))).get();
    return { key: `/documenten/${document[1]}`, heading: `Document: ${oneLine(row?.title ?? document[1])}` };
  }
  return { key: "", heading: "Overige meldingen" };
}

const PERIOD_NAME: Record<DigestPeriod, { noun: string; when: string }> = {
  dagelijks: { noun: "dagoverzicht", when: "elke dag" },
  wekelijks: { noun: "weekoverzicht", when: "elke maandag" },
};

function digestText(tx: Tx, name: string, period: DigestPeriod, items: Item[]): { subject: string; text: string } {
  const groups = new Map<string, { heading: string; link: string; items: Item[] }>();
  for (const item of items) {
    const g = groupOf(tx, item.link);
    const entry = groups.get(g.key || item.link) ?? { heading: g.heading, link: g.key || item.link, items: [] };
    entry.items.push(item);
    groups.set(g.key || item.link, entry);
  }
  const url = publicUrl();
  const blocks = [...groups.values()].map((g) => {
    const lines = g.items.map((i) => `  - ${oneLine(i.title)} (${formatDate(i.createdAt, true)})${i.body ? `\n    ${oneLine(i.body, 400)}` : ""}`);
    return `${g.heading}\n${lines.join("\n")}\n  Bekijk het in Ketenportaal: ${url}${g.link}`;
  });
  const { noun, when } = PERIOD_NAME[period];
  const hour = `${env().DIGEST_HOUR}.00 uur`;
  return {
    subject: `[Ketenportaal] Uw ${noun}: ${plural(items.length, "melding", "meldingen")}`,
    text:
      `Beste ${name},\n\nHier is uw ${noun} met ${plural(items.length, "melding", "meldingen")} sinds het vorige overzicht.\n\n${blocks.join("\n\n")}\n\n` +
      `U ontvangt dit overzicht ${when} om ${hour}. Kiezen hoe u meldingen krijgt: ${url}/instellingen/meldingen\n\n-- \nDit bericht is automatisch verstuurd door Ketenportaal.`,
  };
}

/** Send the digests that are due now; returns how many e-mails were written. */
export function runDigests(at: Date = now()): { sent: number; errors: string[] } {
  const db = getDb();
  const report = { sent: 0, errors: [] as string[] };
  for (const period of DIGEST_PERIODS) {
    const periodKey = duePeriodKey(period, at);
    if (!periodKey) continue;
    const people = db
      .selectDistinct({ personId: schema.digestQueue.personId })
      .from(schema.digestQueue)
      .where(and(eq(schema.digestQueue.period, period), isNull(schema.digestQueue.digestId)))
      .all();
    for (const { personId } of people) {
      try {
        if (sendDigest(personId, period, periodKey, at)) report.sent++;
      } catch (e) {
        report.errors.push(`digest ${period} ${periodKey} voor persoon ${personId}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }
  return report;
}

function sendDigest(personId: number, period: DigestPeriod, periodKey: string, at: Date): boolean {
  const actor = loadActor(personId);
  if (!actor) return false; // deactivated: nothing is sent; the inbox keeps the notices
  return getDb().transaction((tx) => {
    const done = tx
      .select({ id: schema.digestsSent.id })
      .from(schema.digestsSent)
      .where(and(eq(schema.digestsSent.personId, personId), eq(schema.digestsSent.period, period), eq(schema.digestsSent.periodKey, periodKey)))
      .get();
    if (done) return false; // this period's digest went out already; the rest waits for the next
    const pending = tx
      .select({
        notificationId: schema.digestQueue.notificationId,
        kind: schema.notifications.kind,
        title: schema.notifications.title,
        body: schema.notifications.body,
        link: schema.notifications.link,
        createdAt: schema.notifications.createdAt,
      })
      .from(schema.digestQueue)
      .innerJoin(schema.notifications, eq(schema.digestQueue.notificationId, schema.notifications.id))
      .where(and(eq(schema.digestQueue.personId, personId), eq(schema.digestQueue.period, period), isNull(schema.digestQueue.digestId)))
      .orderBy(asc(schema.notifications.id))
      .all();
    // Read with the rule as it is now: what the person can no longer open is left out (and dropped).
    const visible = pending.filter((i) => canOpenLink(actor, i.link, tx));
    const hidden = pending.filter((i) => !visible.includes(i)).map((i) => i.notificationId);
    if (hidden.length) tx.delete(schema.digestQueue).where(inArray(schema.digestQueue.notificationId, hidden)).run();
    if (!visible.length) return false;
    const sentAt = at.toISOString();
    const digest = tx
      .insert(schema.digestsSent)
      .values({ personId, period, periodKey, items: visible.length, sentAt })
      .onConflictDoNothing()
      .returning({ id: schema.digestsSent.id })
      .get();
    if (!digest) return false;
    const { subject, text } = digestText(tx, actor.name, period, visible);
    const mail = tx.insert(schema.emails).values({ personId, to: actor.email, subject, text, createdAt: sentAt }).returning({ id: schema.emails.id }).get();
    tx.update(schema.digestsSent).set({ emailId: mail.id }).where(eq(schema.digestsSent.id, digest.id)).run();
    tx.update(schema.digestQueue)
      .set({ digestId: digest.id })
      .where(
        inArray(
          schema.digestQueue.notificationId,
          visible.map((i) => i.notificationId),
        ),
      )
      .run();
    return true;
  });
}
