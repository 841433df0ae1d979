// Working days for the terugkoppeltermijn: Monday–Friday minus the Dutch public holidays that
// municipal offices close on. Goede Vrijdag is NOT a day off (it is not a general holiday in
// the cao Gemeenten and the municipality's front offices are open); Bevrijdingsdag counts only
// in lustrum years (2025, 2030). See docs/decisions/301-working-days.md.
// Dates are plain "YYYY-MM-DD" strings (Amsterdam calendar days); no time zones involved.

export type IsoDate = string;

function toUtc(d: IsoDate): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new Error(`not a date: ${d}`);
  return new Date(`${d}T00:00:00Z`);
}

function fromUtc(d: Date): IsoDate {
  return d.toISOString().slice(0, 10);
}

export function addDays(d: IsoDate, n: number): IsoDate {
  const t = toUtc(d);
  t.setUTCDate(t.getUTCDate() + n);
  return fromUtc(t);
}

/** Easter Sunday (Gregorian, anonymous algorithm of Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export type Holiday = { date: IsoDate; name: string };

const cache = new Map<number, Holiday[]>();

/** The days off in a year (only those that can fall on a weekday matter, but all are listed). */
export function holidays(year: number): Holiday[] {
  const hit = cache.get(year);
  if (hit) return hit;
  const easter = easterSunday(year);
  const y = String(year);
  // Koningsdag moves to Saturday the 26th when the 27th is a Sunday.
  const kingsDay = toUtc(`${y}-04-27`).getUTCDay() === 0 ? `${y}-04-26` : `${y}-04-27`;
  const list: Holiday[] = [
    { date: `${y}-01-01`, name: "Nieuwjaarsdag" },
    { date: addDays(easter, 1), name: "Tweede Paasdag" },
    { date: kingsDay, name: "Koningsdag" },
    ...(year % 5 === 0 ? [{ date: `${y}-05-05`, name: "Bevrijdingsdag" }] : []),
    { date: addDays(easter, 39), name: "Hemelvaartsdag" },
    { date: addDays(easter, 50), name: "Tweede Pinksterdag" },
    { date: `${y}-12-25`, name: "Eerste Kerstdag" },
    { date: `${y}-12-26`, name: "Tweede Kerstdag" },
  ];
  list.sort((a, b) => a.date.localeCompare(b.date));
  cache.set(year, list);
  return list;
}

export function holidayName(d: IsoDate): string | null {
  return holidays(Number(d.slice(0, 4))).find((h) => h.date === d)?.name ?? null;
}

export function isWorkingDay(d: IsoDate): boolean {
  const dow = toUtc(d).getUTCDay();
  if (dow === 0 || dow === 6) return false;
  return holidayName(d) === null;
}

/**
 * The date `n` working days after `start` (start itself does not count: a signal reported on
 * Monday with a term of 1 working day is due on Tuesday, or the next working day after it).
 */
export function addWorkingDays(start: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n) || n < 0) throw new Error("working days must be a non-negative integer");
  let d = start;
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    if (isWorkingDay(d)) left--;
  }
  return d;
}

/** The n-th working day before a date (the date itself does not count). */
export function workingDaysBefore(date: IsoDate, n: number): IsoDate {
  let d = date;
  let left = n;
  while (left > 0) {
    d = addDays(d, -1);
    if (isWorkingDay(d)) left--;
  }
  return d;
}

/**
 * Working days from `from` to `to`: the number of working days in (from, to]. Same day → 0;
 * negative when `to` lies before `from`.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  if (to === from) return 0;
  if (to < from) return -workingDaysBetween(to, from);
  let n = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d)) n++;
  return n;
}
