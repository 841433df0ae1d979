// A real SMTP server in the test process: the portal delivers to it over TCP and tests read
// what arrived.
import { SMTPServer } from "smtp-server";
import { simpleParser } from "mailparser";

export type CapturedMail = { to: string[]; subject: string; text: string; attachments: { filename?: string; contentType: string; content: string }[] };

export type MailCatcher = {
  port: number;
  url: string;
  messages: CapturedMail[];
  waitFor: (predicate: (m: CapturedMail) => boolean, timeoutMs?: number) => Promise<CapturedMail>;
  close: () => Promise<void>;
};

export async function startSmtp(): Promise<MailCatcher> {
  const messages: CapturedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          messages.push({
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            attachments: parsed.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content.toString("utf8") })),
          });
          callback();
        })
        .catch(callback);
    },
  });
  // A portal stopped by a test in the middle of a delivery resets its connection. Without a
  // listener smtp-server's "error" event is an uncaught exception that fails whichever test runs.
  server.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "ECONNRESET" || e.code === "EPIPE") return;
    console.warn(`smtp catcher: ${e.message}`);
  });
  const port = await new Promise<number>((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const address = server.server.address();
      resolve(typeof address === "object" && address ? address.port : 0);
    });
  });
  return {
    port,
    url: `smtp://127.0.0.1:${port}?ignoreTLS=true`,
    messages,
    async waitFor(predicate, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const hit = messages.find(predicate);
        if (hit) return hit;
        if (Date.now() > deadline) {
          throw new Error(`no matching e-mail within ${timeoutMs} ms; received: ${messages.map((m) => `${m.to.join(",")}: ${m.subject}`).join(" | ") || "none"}`);
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
