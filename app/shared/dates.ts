// Dutch dates, read in Europe/Amsterdam: the one place where a stored value becomes a day or a
// text on a page, in an e-mail or in an export. Isomorphic (server and browser show the same).
//
// Two kinds of stored values:
// - a calendar day "YYYY-MM-DD" (deadlines, ingangsdatum): already an Amsterdam day, never shifted;
// - an instant (ISO timestamp, stored in UTC): converted to Amsterdam, so an answer given at
//   00:47 local time on 11 March (23:47 UTC on 10 March) is dated 11 March.
//
// Formatters are cached per options: building an Intl.DateTimeFormat costs ~67 µs and ~10 KB of
// native memory that is not returned promptly, which made per-call construction the main
// per-request memory growth (issue 11).

import type { IsoDate } from "./working-days";

export const TIME_ZONE = "Europe/Amsterdam";

export type { IsoDate };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, ...options });
    formatters.set(key, f);
  }
  return f;
}

const DAY_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const LONG_DATE: Intl.DateTimeFormatOptions = { day: "numeric", month: "long", year: "numeric" };
const LONG_DATE_TIME: Intl.DateTimeFormatOptions = { ...LONG_DATE, hour: "2-digit", minute: "2-digit" };
const ISO_DAY: Intl.DateTimeFormatOptions = { year: "numeric", month: "2-digit", day: "2-digit" };

/** The moment a stored value stands for; a calendar day is read at noon so no zone can move it. */
function toInstant(value: string | Date): Date | null {
  const d = typeof value === "string" ? new Date(DAY_ONLY.test(value) ? `${value}T12:00:00Z` : value) : value;
  return Number.isNaN(d.getTime()) ? null : d;
}

/** The Amsterdam calendar day (YYYY-MM-DD) of an instant: the day every deadline is read in. */
export function amsterdamDate(at: Date | string): IsoDate {
  const d = toInstant(at);
  if (!d) throw new Error(`not a date: ${String(at)}`);
  // en-CA writes dates as YYYY-MM-DD.
  return formatter("en-CA", ISO_DAY).format(d);
}

/** "11 maart 2026", or with time "11 maart 2026 om 00:47"; "—" when there is no (valid) date. */
export function formatDate(value: string | Date | null | undefined, withTime = false): string {
  if (!value) return "—";
  const d = toInstant(value);
  if (!d) return "—";
  return formatter("nl-NL", withTime ? LONG_DATE_TIME : LONG_DATE).format(d);
}

/** As formatDate without time, but "nog niet bepaald" for a date that is not set (proposal timelines). */
export function formatIsoDateNl(value: string | null | undefined): string {
  if (!value || !toInstant(value)) return "nog niet bepaald";
  return formatDate(value);
}

/** The hour (0–23) in Amsterdam at an instant, e.g. for "send the digest at 8:00". */
export function amsterdamHour(at: Date): number {
  const hour = formatter("en-GB", { hour: "2-digit", hourCycle: "h23" }).format(at);
  return Number(hour) % 24;
}
