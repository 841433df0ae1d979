import { amsterdamDate } from "~/shared/dates";
import { singleton } from "./singleton.server";

// One injectable clock for every time-dependent rule (deadlines, effective dates,
// overdue signals). KP_NOW fixes the start time for tests; the clock then runs on.
type Clock = { offsetMs: number };

const clock = () =>
  singleton<Clock>("clock", () => {
    const fixed = process.env.KP_NOW;
    const offsetMs = fixed ? Date.parse(fixed) - Date.now() : 0;
    return { offsetMs: Number.isFinite(offsetMs) ? offsetMs : 0 };
  });

export function now(): Date {
  return new Date(Date.now() + clock().offsetMs);
}

export function nowIso(): string {
  return now().toISOString();
}

/** Today's date (YYYY-MM-DD) in Amsterdam, the date every deadline is read in. */
export function today(): string {
  return amsterdamDate(now());
}

/** Tests move the clock; production never calls this. */
export function setClock(at: Date | string): void {
  const target = typeof at === "string" ? Date.parse(at) : at.getTime();
  clock().offsetMs = target - Date.now();
}

export function resetClock(): void {
  clock().offsetMs = 0;
}

/** How far the portal's clock is ahead of the machine's, for libraries with their own clock. */
export function clockOffsetSeconds(): number {
  return Math.round(clock().offsetMs / 1000);
}
