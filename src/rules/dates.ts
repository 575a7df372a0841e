// Pure calendar arithmetic on 'YYYY-MM-DD' strings and time-zone views of instants.
// Never reads the clock: every function takes its dates as arguments.
import type { DateStr, InstantStr } from '../domain/types.js';

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for a calendar date (UTC-based, so no DST surprises). */
function dayNumber(date: DateStr): number {
  // The hot path of review --all (every event's age, at every trend point): remember each date.
  let n = dayNumbers.get(date);
  if (n === undefined) {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    n = Date.UTC(y, m - 1, d) / DAY_MS;
    if (dayNumbers.size > 100_000) dayNumbers.clear();
    dayNumbers.set(date, n);
  }
  return n;
}
const dayNumbers = new Map<string, number>();

function fromDayNumber(n: number): DateStr {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export { addDays } from '../domain/dates.js';
import { wallClock } from '../domain/dates.js';
/** `a − b` in whole days: how many days `a` comes after `b` (domain's diffDays reads the other way). */
export const daysAfter = (a: DateStr, b: DateStr): number => dayNumber(a) - dayNumber(b);
export const minDate = (a: DateStr, b: DateStr): DateStr => (a <= b ? a : b);

/** The last day of the month `offset` months from `date`'s month (0 = its own month). */
export function monthEnd(date: DateStr, offset = 0): DateStr {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return fromDayNumber(Date.UTC(y, m + offset, 0) / DAY_MS);
}

/** `YYYY-MM` of a date: the bucket for "months with contact". */
export const monthKey = (date: DateStr): string => date.slice(0, 7);

export interface LocalParts { date: DateStr; time: string; isoWeekday: number }

/** The calendar date, HH:mm and ISO weekday of an instant as seen on a wall clock in `timeZone`. */
export function localParts(instant: InstantStr, timeZone: string): LocalParts {
  // review --all evaluates each client at 13 dates: the same instants recur, so remember them.
  const key = `${timeZone} ${instant}`;
  const known = seen.get(key);
  if (known) return known;
  if (seen.size > 100_000) seen.clear();
  const { date, time, isoWeekday } = wallClock(instant, timeZone);
  const parts = { date, time, isoWeekday };
  seen.set(key, parts);
  return parts;
}
const seen = new Map<string, LocalParts>();
