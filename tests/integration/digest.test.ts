// Issue 16, acceptance 5: two notices for a person who chose a daily digest produce one e-mail
// at the digest hour (Europe/Amsterdam), delivered over real SMTP, grouped by what they are
// about — and not again on a second pass or after a restart. "At once" stays the default.
import { and, eq, isNull, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtp, type MailCatcher } from "../support/smtp";
import { closeDb, getDb, schema } from "~/db/client.server";
import { seedDemoIfEmpty } from "~/domain/seed/index.server";
import { loadActorByEmail, type Actor } from "~/domain/actor.server";
import { notify } from "~/domain/notify.server";
import { reportSignal } from "~/domain/signals/signals.server";
import { noticePreferencesFor, setNoticePreferences } from "~/domain/notices/preferences.server";
import { duePeriodKey, isoWeekKey } from "~/domain/notices/digest.server";
import { NOTICE_CATEGORIES } from "~/shared/notices";
import { setClock } from "~/utils/clock.server";

let smtp: MailCatcher;
const PERSON = "professional@dock.example";
const who = (email: string): Actor => loadActorByEmail(email)!;
const mailsTo = (email: string, subject: string) => getDb().select().from(schema.emails).where(and(eq(schema.emails.to, email), like(schema.emails.subject, subject))).all();

beforeAll(async () => {
  smtp = await startSmtp();
  process.env.SMTP_URL = smtp.url;
  process.env.DIGEST_HOUR = "8";
  setClock("2026-12-02T05:30:00Z"); // 06:30 in Amsterdam
  await seedDemoIfEmpty();
}, 60_000);
afterAll(async () => smtp?.close());

async function schedulerPass() {
  const { runScheduledOnce } = await import("../../server/scheduler/index");
  await runScheduledOnce();
}

async function deliver() {
  const { deliverPending } = await import("../../server/mail/mailer");
  await deliverPending();
}

describe("daily digest (acceptance 5)", () => {
  let signalId = 0;

  it("queues the notices of a daily-digest person instead of mailing them; others still get them at once", async () => {
    const me = who(PERSON);
    const prefs = Object.fromEntries(NOTICE_CATEGORIES.map((c) => [c, c === "signalen" ? "dagelijks" : "direct"])) as Parameters<typeof setNoticePreferences>[0]["preferences"];
    const ketenId = getDb().select({ id: schema.ketens.id }).from(schema.ketens).where(eq(schema.ketens.slug, "participatie-armoede")).get()!.id;
    const thema = getDb().select({ id: schema.themas.id }).from(schema.themas).get()!.id;
    signalId = reportSignal({ actor: me, title: "Intake schuldhulp duurt lang", description: "Drie gezinnen wachten al weken.", ketenId, extraKetenIds: [], themaId: thema, wijken: ["stadsbreed"], documentAnchor: "" });
    // Chosen after reporting: the confirmation of the report itself came at once.
    setNoticePreferences({ actor: me, preferences: prefs });
    expect(noticePreferencesFor(me).find((p) => p.category === "signalen")?.delivery).toBe("dagelijks");
    getDb().transaction((tx) => {
      notify(tx, [me.id, who("teamleider@smd.example").id], { kind: "signaal", title: "Eerste bericht over uw signaal", body: "Het signaal is in behandeling genomen.", link: `/signalen/${signalId}` });
      notify(tx, [me.id], { kind: "signal_reminder", title: "Tweede bericht over uw signaal", body: "Er is om informatie gevraagd.", link: `/signalen/${signalId}` });
      notify(tx, [me.id], { kind: "proposal_status", title: "Een bericht dat meteen komt", body: "", link: "/meldingen" });
    });
    expect(mailsTo(PERSON, "%bericht over uw signaal%")).toHaveLength(0);
    expect(mailsTo(PERSON, "%Een bericht dat meteen komt%")).toHaveLength(1);
    // The inbox has them at once, whatever the e-mail choice.
    const inbox = getDb().select().from(schema.notifications).where(eq(schema.notifications.link, `/signalen/${signalId}`)).all();
    expect(inbox.filter((n) => n.personId === me.id && n.title.endsWith("bericht over uw signaal"))).toHaveLength(2);
  });

  it("sends nothing before the digest hour, then one e-mail with both notices at 08:00, once", async () => {
    await schedulerPass();
    expect(mailsTo(PERSON, "[Ketenportaal] Uw dagoverzicht%")).toHaveLength(0);
    setClock("2026-12-02T07:00:00Z"); // 08:00 in Amsterdam
    await schedulerPass();
    await schedulerPass();
    const digests = mailsTo(PERSON, "[Ketenportaal] Uw dagoverzicht%");
    expect(digests).toHaveLength(1);
    await deliver();
    const mail = await smtp.waitFor((m) => m.to.includes(PERSON) && m.subject.startsWith("[Ketenportaal] Uw dagoverzicht"));
    expect(mail.subject).toBe("[Ketenportaal] Uw dagoverzicht: 2 meldingen");
    expect(mail.text).toContain("Signaal: Intake schuldhulp duurt lang");
    expect(mail.text).toContain("Eerste bericht over uw signaal");
    expect(mail.text).toContain("Tweede bericht over uw signaal");
    expect(mail.text).toContain(`/signalen/${signalId}`);
    expect(mail.text).toContain("/instellingen/meldingen");
    // Grouped: the signal's heading appears once, with both notices under it.
    expect(mail.text.split("Signaal: Intake schuldhulp duurt lang")).toHaveLength(2);
  });

  it("does not send the day's digest again after a restart, and takes later notices into the next day's", async () => {
    closeDb(); // as after a restart: only the database remembers what was sent
    setClock("2026-12-02T09:30:00Z");
    await schedulerPass();
    expect(mailsTo(PERSON, "[Ketenportaal] Uw dagoverzicht%")).toHaveLength(1);
    getDb().transaction((tx) => notify(tx, [who(PERSON).id], { kind: "signaal", title: "Derde bericht over uw signaal", body: "", link: `/signalen/${signalId}` }));
    await schedulerPass();
    expect(mailsTo(PERSON, "[Ketenportaal] Uw dagoverzicht%")).toHaveLength(1);
    expect(getDb().select().from(schema.digestsSent).where(eq(schema.digestsSent.personId, who(PERSON).id)).all()).toHaveLength(1);
    closeDb();
    setClock("2026-12-03T07:05:00Z");
    await schedulerPass();
    const digests = mailsTo(PERSON, "[Ketenportaal] Uw dagoverzicht%");
    expect(digests).toHaveLength(2);
    expect(digests[1].subject).toBe("[Ketenportaal] Uw dagoverzicht: 1 melding");
    expect(digests[1].text).toContain("Derde bericht over uw signaal");
    expect(digests[1].text).not.toContain("Eerste bericht");
    await deliver();
    await smtp.waitFor((m) => m.to.includes(PERSON) && m.subject === "[Ketenportaal] Uw dagoverzicht: 1 melding");
    expect(smtp.messages.filter((m) => m.to.includes(PERSON) && m.subject.startsWith("[Ketenportaal] Uw dagoverzicht"))).toHaveLength(2);
  });

  it("'only in the portal' writes the inbox item and no e-mail", () => {
    const me = who(PERSON);
    const prefs = Object.fromEntries(NOTICE_CATEGORIES.map((c) => [c, "portaal"])) as Parameters<typeof setNoticePreferences>[0]["preferences"];
    setNoticePreferences({ actor: me, preferences: prefs });
    const before = getDb().select().from(schema.emails).where(eq(schema.emails.to, PERSON)).all().length;
    getDb().transaction((tx) => notify(tx, [me.id], { kind: "proposal_status", title: "Alleen in het portaal", body: "", link: "/meldingen" }));
    expect(getDb().select().from(schema.emails).where(eq(schema.emails.to, PERSON)).all().length).toBe(before);
    expect(getDb().select().from(schema.notifications).where(and(eq(schema.notifications.personId, me.id), eq(schema.notifications.title, "Alleen in het portaal"))).all()).toHaveLength(1);
    expect(getDb().select().from(schema.digestQueue).where(isNull(schema.digestQueue.digestId)).all().filter((q) => q.personId === me.id)).toHaveLength(0);
  });
});

describe("digest periods", () => {
  it("daily from the hour in Amsterdam; weekly from Monday's hour, keyed by ISO week", () => {
    expect(duePeriodKey("dagelijks", new Date("2026-12-02T06:59:00Z"), 8)).toBeNull(); // 07:59 Amsterdam
    expect(duePeriodKey("dagelijks", new Date("2026-12-02T07:00:00Z"), 8)).toBe("2026-12-02");
    expect(duePeriodKey("dagelijks", new Date("2026-07-01T06:00:00Z"), 8)).toBe("2026-07-01"); // summer time: 08:00
    expect(duePeriodKey("wekelijks", new Date("2026-11-30T06:00:00Z"), 8)).toBeNull(); // Monday 07:00
    expect(duePeriodKey("wekelijks", new Date("2026-11-30T07:00:00Z"), 8)).toBe("2026-W49");
    expect(duePeriodKey("wekelijks", new Date("2026-12-02T03:00:00Z"), 8)).toBe("2026-W49"); // Wednesday: catch up
    expect(isoWeekKey("2026-12-28")).toBe("2026-W53");
    expect(isoWeekKey("2027-01-03")).toBe("2026-W53");
    expect(isoWeekKey("2027-01-04")).toBe("2027-W01");
  });
});
