// Issue 19 acceptance in the domain: a meeting with a linked agenda, decisions and actions,
// agenda mailed over real SMTP with an .ics; action reminders before/on/after the due date
// exactly once (also after the database is reopened, as after a restart); open actions on the
// next agenda; signal reminder and escalation exactly once; the stand-in regisseur.
import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtp, type MailCatcher } from "../support/smtp";
import { closeDb, getDb, schema } from "~/db/client.server";
import { seedDemoIfEmpty } from "~/domain/seed/index.server";
import { addWorkingDays, workingDaysBefore } from "~/shared/working-days";
import { setClock } from "~/utils/clock.server";
import { loadActorByEmail, type Actor } from "~/domain/actor.server";
import { reportSignal } from "~/domain/signals/signals.server";
import { sendAgenda, sendMinutes } from "~/domain/overleg/mail.server";
import { addAction, addAgendaItem, createMeeting, meetingPage, moveMeeting, overlegPage, recordDecision, setActionStatus } from "~/domain/overleg/overleg.server";
import { registerPage, updateRegisterItem } from "~/domain/overleg/register.server";
import { REGISTER_PRIORITY_LABELS, REGISTER_STATUS_LABELS } from "~/shared/overleg";
import { setStandIn } from "~/domain/overleg/regie.server";
import { runOverlegSchedule } from "~/domain/overleg/scheduled.server";

let smtp: MailCatcher;
const REGISSEUR = "regisseur.participatie@zaanstad.example";
const DEPUTY = "regisseur.zorg@zaanstad.example";
const who = (email: string): Actor => loadActorByEmail(email)!;
const overlegId = (name: string) => getDb().select({ id: schema.overleggen.id }).from(schema.overleggen).where(eq(schema.overleggen.name, name)).get()!.id;
const notices = (kind: string, link: string) => getDb().select().from(schema.notifications).where(and(eq(schema.notifications.kind, kind), eq(schema.notifications.link, link))).all();

beforeAll(async () => {
  smtp = await startSmtp();
  process.env.SMTP_URL = smtp.url;
  setClock("2026-12-01T08:00:00Z");
  await seedDemoIfEmpty();
}, 60_000);
afterAll(async () => smtp?.close());

describe("a meeting: agenda, decisions, actions and mail (acceptance 1)", () => {
  it("links items with their current status, records decisions and actions, mails the agenda with an .ics", async () => {
    const regisseur = who(REGISSEUR);
    const eko = overlegId("EKO Participatie en Armoede");
    const meetingId = createMeeting({ actor: regisseur, overlegId: eko, date: "2026-12-10", startTime: "09:30", endTime: "11:00", location: "Stadhuis" });
    const ketenId = getDb().select({ id: schema.ketens.id }).from(schema.ketens).where(eq(schema.ketens.slug, "participatie-armoede")).get()!.id;
    const thema = getDb().select({ id: schema.themas.id }).from(schema.themas).get()!.id;
    const signalId = reportSignal({ actor: who("professional@dock.example"), title: "Terugkoppeling Werkom blijft uit", description: "In drie casussen geen bericht na de intake.", ketenId, extraKetenIds: [], themaId: thema, wijken: ["stadsbreed"], documentAnchor: "" });
    addAgendaItem({ actor: regisseur, meetingId, title: "Signaal over Werkom", target: `signal:${signalId}`, note: "" });
    const page = meetingPage({ actor: regisseur, id: meetingId });
    const item = page.agenda.find((a) => a.target?.kind === "signal")!;
    expect(item.target).toMatchObject({ href: `/signalen/${signalId}`, status: "Nieuw" });
    getDb().update(schema.signals).set({ status: "in_behandeling" }).where(eq(schema.signals.id, signalId)).run();
    expect(meetingPage({ actor: regisseur, id: meetingId }).agenda.find((a) => a.target?.kind === "signal")!.target!.status).toBe("In behandeling");

    const decisionId = recordDecision({ actor: regisseur, meetingId, agendaItemId: item.id, text: "Werkom koppelt binnen vijf werkdagen terug.", decidedBy: "EKO", decidedOn: "2026-12-10" });
    addAction({ actor: regisseur, meetingId, title: "Afspraak vastleggen", owner: `person:${who("werkom@werkom.example").id}`, dueDate: "2026-12-20", decisionId, signalId });
    const o = overlegPage({ actor: regisseur, id: eko });
    expect(o.decisions.map((d) => d.text)).toContain("Werkom koppelt binnen vijf werkdagen terug.");
    expect(o.actions.map((a) => a.title)).toContain("Afspraak vastleggen");

    const sent = sendAgenda({ actor: regisseur, meetingId });
    expect(sent).toBeGreaterThanOrEqual(3);
    const { deliverPending } = await import("../../server/mail/mailer");
    await deliverPending();
    const mail = await smtp.waitFor((m) => m.subject.includes("Agenda EKO Participatie en Armoede") && m.to.includes("teamleider@smd.example"));
    expect(mail.text).toContain("Signaal over Werkom (stand: In behandeling)");
    const ics = mail.attachments.find((a) => a.contentType.startsWith("text/calendar"))!;
    expect(ics.content).toContain("DTSTART:20261210T093000");
    expect(ics.content).toContain(`UID:meeting-${meetingId}@ketenportaal.zaanstad`);
  });

  it("mails the minutes from the meeting's room, with its decisions and actions", async () => {
    const regisseur = who(REGISSEUR);
    const oko = overlegId("OKO Participatie en Armoede");
    const past = overlegPage({ actor: regisseur, id: oko }).meetings.find((m) => m.date === "2026-11-17")!;
    expect(sendMinutes({ actor: regisseur, meetingId: past.id })).toBeGreaterThanOrEqual(5);
    const { deliverPending } = await import("../../server/mail/mailer");
    await deliverPending();
    const mail = await smtp.waitFor((m) => m.subject.includes("Verslag OKO Participatie en Armoede") && m.to.includes("werkom@werkom.example"));
    expect(mail.text).toContain("SMD belt eerst; het wijkteam hoort het binnen twee werkdagen.");
    expect(mail.text).toContain("Belscript vroegsignalering afstemmen met de wijkteams");
    expect(mail.attachments.some((a) => a.contentType.startsWith("text/calendar"))).toBe(true);
  });

  it("refuses edits to people outside the overleg and hides it from ketenpartners outside the keten", () => {
    const eko = overlegId("EKO Participatie en Armoede");
    const meetingId = overlegPage({ actor: who(REGISSEUR), id: eko }).meetings[0].id;
    expect(() => addAgendaItem({ actor: who("werkom@werkom.example"), meetingId, title: "X", note: "" })).toThrow(expect.objectContaining({ status: 403 }));
    expect(() => overlegPage({ actor: who("aanbieder@zorgvoorbeeld.example"), id: eko })).toThrow(expect.objectContaining({ status: 404 }));
    expect(() => registerPage({ actor: who("aanbieder@zorgvoorbeeld.example"), slug: "participatie-armoede" })).toThrow(expect.objectContaining({ status: 404 }));
    expect(registerPage({ actor: who("werkom@werkom.example"), slug: "participatie-armoede" }).canEdit).toBe(true);
    expect(registerPage({ actor: who("naleving@zaanstad.example"), slug: "participatie-armoede" }).canEdit).toBe(false);
  });
});

describe("action reminders and carrying open actions (acceptance 2)", () => {
  it("before, on and after the due date, each exactly once, also after a restart", () => {
    const regisseur = who(REGISSEUR);
    const oko = overlegId("OKO Participatie en Armoede");
    const meetingId = overlegPage({ actor: regisseur, id: oko }).meetings.at(-1)!.id;
    const due = "2027-02-10";
    const actionId = addAction({ actor: regisseur, meetingId, title: "Reminder-test", owner: `person:${who("prof2@incluzio.example").id}`, dueDate: due });
    const link = `/overleg/${oko}#actie-${actionId}`;
    const chair = who("teamleider@smd.example").id;
    runOverlegSchedule(workingDaysBefore(due, 3));
    expect(notices("action_reminder_voor", link)).toHaveLength(0);
    runOverlegSchedule(workingDaysBefore(due, 2));
    runOverlegSchedule(workingDaysBefore(due, 1));
    expect(notices("action_reminder_voor", link).map((n) => n.personId)).toEqual([who("prof2@incluzio.example").id]);
    closeDb(); // as after a restart: only the database remembers what was sent
    runOverlegSchedule(workingDaysBefore(due, 1));
    expect(notices("action_reminder_voor", link)).toHaveLength(1);
    runOverlegSchedule(due);
    runOverlegSchedule(due);
    expect(notices("action_reminder_op", link)).toHaveLength(1);
    const after = addWorkingDays(due, 1);
    runOverlegSchedule(after);
    closeDb();
    runOverlegSchedule(addWorkingDays(due, 3));
    expect(notices("action_reminder_na", link).map((n) => n.personId).sort()).toEqual([who("prof2@incluzio.example").id, chair].sort());
    expect(getDb().select().from(schema.overlegReminders).where(like(schema.overlegReminders.key, `action:${actionId}:%`)).all()).toHaveLength(3);
  });

  it("open actions appear on the next meeting's agenda, done ones do not", () => {
    const regisseur = who(REGISSEUR);
    const oko = overlegId("OKO Participatie en Armoede");
    const page = overlegPage({ actor: regisseur, id: oko });
    const open = page.actions.filter((a) => a.status === "open" || a.status === "in_uitvoering");
    const done = page.actions.find((a) => a.status === "gereed")!;
    const next = createMeeting({ actor: regisseur, overlegId: oko, date: "2027-03-02", startTime: "13:30", endTime: "15:00", location: "" });
    // The next meeting is the earliest coming one; move the others out of the way for this check.
    for (const m of page.meetings.filter((m) => !m.past)) moveMeeting({ actor: regisseur, meetingId: m.id, date: "2027-04-01", startTime: "13:30", endTime: "15:00", location: "" });
    runOverlegSchedule("2026-12-01");
    const agenda = meetingPage({ actor: regisseur, id: next }).agenda;
    for (const a of open) expect(agenda.some((i) => i.carried && i.target?.id === a.id), a.title).toBe(true);
    expect(agenda.some((i) => i.target?.id === done.id)).toBe(false);
    runOverlegSchedule("2026-12-01");
    expect(meetingPage({ actor: regisseur, id: next }).agenda.filter((i) => i.carried)).toHaveLength(open.length);
    setActionStatus({ actor: regisseur, actionId: open[0].id, status: "gereed" });
  });
});

describe("signals that do not go stale (acceptance 3)", () => {
  it("reminds the owner before the termijn ends and escalates after, each exactly once", () => {
    const ketenId = getDb().select({ id: schema.ketens.id }).from(schema.ketens).where(eq(schema.ketens.slug, "participatie-armoede")).get()!.id;
    const thema = getDb().select({ id: schema.themas.id }).from(schema.themas).get()!.id;
    const id = reportSignal({ actor: who("prof4@dock.example"), title: "Wachttijd schuldhulp", description: "Lange wachttijd voor een intake.", ketenId, extraKetenIds: [], themaId: thema, wijken: ["stadsbreed"], documentAnchor: "" });
    const due = getDb().select({ dueAt: schema.signals.dueAt }).from(schema.signals).where(eq(schema.signals.id, id)).get()!.dueAt;
    const link = `/signalen/${id}`;
    runOverlegSchedule(workingDaysBefore(due, 4));
    expect(notices("signal_reminder", link)).toHaveLength(0);
    runOverlegSchedule(workingDaysBefore(due, 3));
    runOverlegSchedule(due);
    closeDb();
    runOverlegSchedule(due);
    expect(notices("signal_reminder", link).map((n) => n.personId)).toEqual([who(REGISSEUR).id]);
    expect(notices("signal_escalation", link)).toHaveLength(0);
    runOverlegSchedule(addWorkingDays(due, 1));
    closeDb();
    runOverlegSchedule(addWorkingDays(due, 5));
    expect(notices("signal_escalation", link).map((n) => n.personId)).toEqual([who("contractmanager@zaanstad.example").id]);
  });
});

describe("the verbeterregister: the EKO's priority and the OKO's progress (acceptance 4)", () => {
  it("records priority, status, the OKO action and the outcome; readers see them and cannot change them", () => {
    const slug = "participatie-armoede";
    const page = registerPage({ actor: who(REGISSEUR), slug });
    const item = page.items.at(-1)!;
    const okoAction = Number(page.actionOptions[0].value);
    // The EKO (here its chair, the regisseur) sets the priority…
    updateRegisterItem({ actor: who(REGISSEUR), slug, itemId: item.id, priority: "hoog", status: "geprioriteerd", outcome: "" });
    // …an OKO member (Werkom) reports progress, linked to the OKO action that carries it out.
    updateRegisterItem({ actor: who("werkom@werkom.example"), slug, itemId: item.id, priority: "hoog", status: "in_uitvoering", okoActionId: okoAction, outcome: "Werkom belt het wijkteam voor een terugverwijzing." });
    // The priority stays the EKO's: an OKO-only member who leaves it out keeps it, one who
    // changes it is refused and nothing is saved; an EKO member may change it.
    updateRegisterItem({ actor: who("werkom@werkom.example"), slug, itemId: item.id, status: "in_uitvoering", okoActionId: okoAction, outcome: "Werkom belt het wijkteam voor een terugverwijzing." });
    expect(registerPage({ actor: who(REGISSEUR), slug }).items.find((i) => i.id === item.id)!.priority).toBe("hoog");
    expect(() => updateRegisterItem({ actor: who("werkom@werkom.example"), slug, itemId: item.id, priority: "laag", status: "afgerond", outcome: "Klaar" })).toThrow(
      expect.objectContaining({ status: 403, message: expect.stringContaining("EKO") }),
    );
    const werkomView = registerPage({ actor: who("werkom@werkom.example"), slug });
    expect(werkomView.canEdit).toBe(true);
    expect(werkomView.canPrioritise).toBe(false);
    expect(werkomView.items.find((i) => i.id === item.id)!.status).toBe("in_uitvoering");
    expect(registerPage({ actor: who("teamleider@smd.example"), slug }).canPrioritise).toBe(true);
    // A reader from a keten organisation sees both sides, and may not change them.
    const seen = registerPage({ actor: who("naleving@zaanstad.example"), slug }).items.find((i) => i.id === item.id)!;
    expect(seen.priorityLabel).toBe(REGISTER_PRIORITY_LABELS.hoog);
    expect(seen.statusLabel).toBe(REGISTER_STATUS_LABELS.in_uitvoering);
    expect(seen.okoAction?.id).toBe(okoAction);
    expect(seen.outcome).toBe("Werkom belt het wijkteam voor een terugverwijzing.");
    expect(() => updateRegisterItem({ actor: who("naleving@zaanstad.example"), slug, itemId: item.id, status: "vervallen", outcome: "" })).toThrow(expect.objectContaining({ status: 403 }));
    expect(() => updateRegisterItem({ actor: who("aanbieder@zorgvoorbeeld.example"), slug, itemId: item.id, status: "vervallen", outcome: "" })).toThrow(expect.objectContaining({ status: 404 }));
    // An action of another overleg than the OKO is refused in Dutch; the saved state stays.
    const ekoAction = getDb().select({ id: schema.actions.id }).from(schema.actions).innerJoin(schema.overleggen, eq(schema.actions.overlegId, schema.overleggen.id)).where(eq(schema.overleggen.kind, "eko")).get();
    expect(ekoAction).toBeDefined();
    expect(() => updateRegisterItem({ actor: who(REGISSEUR), slug, itemId: item.id, priority: "laag", status: "afgerond", okoActionId: ekoAction!.id, outcome: "" })).toThrow(expect.objectContaining({ status: 400 }));
    const after = registerPage({ actor: who(REGISSEUR), slug }).items.find((i) => i.id === item.id)!;
    expect(after.status).toBe("in_uitvoering");
    expect(after.priority).toBe("hoog");
    const audit = getDb().select().from(schema.auditLog).where(and(eq(schema.auditLog.entityType, "register_item"), eq(schema.auditLog.entityId, String(item.id)))).all();
    expect(audit.map((a) => a.actorId)).toEqual(expect.arrayContaining([who(REGISSEUR).id, who("werkom@werkom.example").id]));
  });
});

describe("the stand-in regisseur (acceptance 5)", () => {
  it("acts only while set as stand-in, and the audit log names both", () => {
    const deputy = who(DEPUTY);
    const eko = overlegId("EKO Participatie en Armoede");
    const meetingId = overlegPage({ actor: who(REGISSEUR), id: eko }).meetings[0].id;
    const move = () => moveMeeting({ actor: who(DEPUTY), meetingId, date: "2027-01-21", startTime: "09:30", endTime: "11:00", location: "Stadhuis" });
    expect(move).toThrow(expect.objectContaining({ status: 403 }));
    const ketenId = getDb().select({ id: schema.ketens.id }).from(schema.ketens).where(eq(schema.ketens.slug, "participatie-armoede")).get()!.id;
    expect(() => setStandIn({ actor: deputy, ketenId, standIn: true })).toThrow(expect.objectContaining({ status: 403 }));
    setStandIn({ actor: who(REGISSEUR), ketenId, standIn: true });
    move();
    const entry = getDb().select().from(schema.auditLog).where(eq(schema.auditLog.entityId, String(meetingId))).all().at(-1)!;
    expect(entry.actorId).toBe(deputy.id);
    expect(entry.action).toContain("namens Petra Jansen");
    expect(JSON.parse(entry.after!)).toMatchObject({ door: { name: deputy.name }, namens: { name: "Petra Jansen" } });
    setStandIn({ actor: who(REGISSEUR), ketenId, standIn: false });
    expect(move).toThrow(expect.objectContaining({ status: 403 }));
  });
});
