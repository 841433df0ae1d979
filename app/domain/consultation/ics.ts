// iCalendar (RFC 5545) for the dates partners must not miss: the consultation deadline and
// the ingangsdatum. All-day events (VALUE=DATE), CRLF line endings, lines folded at 75
// octets, stable UIDs so a moved date updates the existing calendar entry (SEQUENCE grows
// with each recorded change of that date). A date that was in a calendar and is now "nog niet
// bekend" goes out once more under its UID, with a higher SEQUENCE and STATUS:CANCELLED, so the
// calendar app removes the stale entry: as METHOD:CANCEL when the file carries only such
// cancellations (the mail announcing the unknown date), inside METHOD:PUBLISH when it also
// carries live dates (the download). One VCALENDAR has one METHOD (RFC 5546).

export type CalendarEvent = {
  uid: string;
  /** YYYY-MM-DD, an all-day event. */
  date: string;
  summary: string;
  description: string;
  url?: string;
  sequence?: number;
  /** The event was published before and is withdrawn now (STATUS:CANCELLED). */
  cancelled?: boolean;
};

/**
 * A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma escaped; every line break —
 * CRLF, LF and a bare CR, which some clients read as a line end and so as a new property — as
 * "\\n"; other control characters (not allowed in TEXT) removed.
 */
export function escapeIcsText(s: string): string {
  return s
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|[\r\n\u0085\u2028\u2029]/g, "\\n")
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, "");
}

/** A value that is not TEXT (UID, URI): control characters and spaces cannot be part of it. */
function icsValue(s: string): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  return s.replace(/[\u0000-\u0020\u007f\u0085\u2028\u2029]/g, "");
}

/** Fold a content line into chunks of at most 75 octets, never splitting a UTF-8 character. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
      limit = 74; // continuation lines start with one space
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

/** A parameter value (RFC 5545 §3.2): quoted, without quotes or control characters inside. */
function quotedParam(s: string): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  return `"${s.replace(/["\u0000-\u001f\u007f]/g, "")}"`;
}

const basic = (date: string) => date.replace(/-/g, "");

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function stamp(at: Date): string {
  return at.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

/**
 * METHOD:CANCEL only carries cancelled events, and RFC 5546 wants an ORGANIZER in each (the
 * portal's sender address); PUBLISH may carry cancelled events among live ones.
 */
export function buildCalendar(events: CalendarEvent[], opts: { now: Date; name?: string; method?: "PUBLISH" | "CANCEL"; organizer?: { name: string; email: string } }): string {
  const method = opts.method ?? "PUBLISH";
  if (method === "CANCEL" && events.some((e) => !e.cancelled)) throw new Error("A METHOD:CANCEL calendar carries cancelled events only.");
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Ketenportaal Zaanstad//Consultatie//NL",
    "CALSCALE:GREGORIAN",
    `METHOD:${method}`,
  ];
  if (opts.name) lines.push(`X-WR-CALNAME:${escapeIcsText(opts.name)}`);
  for (const e of events) {
    lines.push(
      "BEGIN:VEVENT",
      `UID:${icsValue(e.uid)}`,
      `DTSTAMP:${stamp(opts.now)}`,
      `SEQUENCE:${e.sequence ?? 0}`,
      `DTSTART;VALUE=DATE:${basic(e.date)}`,
      `DTEND;VALUE=DATE:${basic(nextDay(e.date))}`,
      `SUMMARY:${escapeIcsText(e.summary)}`,
      `DESCRIPTION:${escapeIcsText(e.description)}`,
    );
    if (e.url) lines.push(`URL:${icsValue(e.url)}`);
    if (e.cancelled) lines.push("STATUS:CANCELLED");
    if (method === "CANCEL" && opts.organizer) lines.push(`ORGANIZER;CN=${quotedParam(opts.organizer.name)}:mailto:${icsValue(opts.organizer.email)}`);
    lines.push("TRANSP:TRANSPARENT", "END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
