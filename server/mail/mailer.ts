// Delivers the e-mails that the domain wrote to the `emails` table. Without SMTP_URL (local
// development) mails stay in the table and are readable on the portal's outbox page.
import nodemailer from "nodemailer";
import { and, asc, eq, isNull, lt } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import { nowIso } from "~/utils/clock.server";
import { env } from "~/utils/env.server";
import type { BackgroundService } from "../services";

let timer: NodeJS.Timeout | null = null;
let running = false;

export async function deliverPending(): Promise<number> {
  const { SMTP_URL, MAIL_FROM } = env();
  if (!SMTP_URL || running) return 0;
  running = true;
  try {
    const db = getDb();
    const pending = db
      .select()
      .from(schema.emails)
      .where(and(isNull(schema.emails.sentAt), lt(schema.emails.attempts, 5)))
      .orderBy(asc(schema.emails.id))
      .limit(50)
      .all();
    if (!pending.length) return 0;
    const transport = nodemailer.createTransport(SMTP_URL);
    let sent = 0;
    for (const m of pending) {
      try {
        await transport.sendMail({
          from: MAIL_FROM,
          to: m.to,
          subject: m.subject,
          text: m.text,
          attachments: m.ics ? [{ filename: "agenda.ics", content: m.ics, contentType: "text/calendar; charset=utf-8" }] : [],
        });
        db.update(schema.emails).set({ sentAt: nowIso(), attempts: m.attempts + 1, error: null }).where(eqId(m.id)).run();
        sent++;
      } catch (e) {
        db.update(schema.emails)
          .set({ attempts: m.attempts + 1, error: e instanceof Error ? e.message.slice(0, 500) : "onbekende fout" })
          .where(eqId(m.id))
          .run();
      }
    }
    transport.close();
    return sent;
  } finally {
    running = false;
  }
}

const eqId = (id: number) => eq(schema.emails.id, id);

export const mailService: BackgroundService = {
  name: "mailer",
  start() {
    timer = setInterval(() => void deliverPending().catch((e) => console.error("mailer", e)), 1000);
    timer.unref();
  },
  stop() {
    if (timer) clearInterval(timer);
  },
};
