// The one date module: calendar dates ('YYYY-MM-DD'), instants (ISO UTC), time zones, the input
// forms users type, and the human forms crm prints ("3 days ago", "Sunday"). Everything is relative
// to an injected `now`/`today`; "local" means the user's time zone, resolved once (cli/context.ts)
// and passed in as an IANA name: nothing here reads the process zone (TZ) or the clock.
//
// Day arithmetic is integer arithmetic on day numbers (memoised: `review --all` asks about the same
// dates millions of times). Month arithmetic is dayjs's, loaded on first use: only `+Nm` input and
// the review's month ends need it, so the other commands never pay for it (scripts/bench-startup.mjs).
// Zones stay with Intl: it handles daylight-saving gaps and offsets in seconds exactly.
import { createRequire } from 'node:module';
import type dayjs from 'dayjs';
import type utcPlugin from 'dayjs/plugin/utc.js';
import { UsageError, quote } from './errors.js';
import type { DateStr, InstantStr } from './types.js';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

// ── Calendar dates ──────────────────────────────────────────────────────────────────────────────

/** True when `s` is a real calendar date in YYYY-MM-DD form (2026-02-30 is not). */
export function isDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/**
 * Days since 1970-01-01 (UTC-based, so no DST surprises). A plain YYYY-MM-DD of a year from 100 on
 * (Date reads 0–99 as 1900–1999 first), a month of 1–12 and a day of 1–31 is counted directly: days
 * from the civil date, proleptic Gregorian as Date is, a day past the month's end running on into the
 * next as Date.UTC does (review --all asks this hundreds of thousands of times). Anything else goes
 * through Date, remembered.
 */
function dayNumber(date: DateStr): number {
  if (date.length === 10 && date.charCodeAt(4) === 45 && date.charCodeAt(7) === 45) {
    const y = digits(date, 0, 4);
    const m = digits(date, 5, 7);
    const d = digits(date, 8, 10);
    if (y >= 100 && m >= 1 && m <= 12 && d >= 1 && d <= 31) {
      const yy = m <= 2 ? y - 1 : y;
      const era = Math.floor(yy / 400);
      const yoe = yy - era * 400;
      const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
      return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
    }
  }
  let n = dayNumbers.get(date);
  if (n === undefined) {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    const at = new Date(Date.UTC(y, m - 1, d));
    at.setUTCFullYear(y); // years 0-99 would otherwise map to 1900-1999
    n = at.getTime() / DAY_MS;
    if (dayNumbers.size > 100_000) dayNumbers.clear();
    dayNumbers.set(date, n);
  }
  return n;
}
const dayNumbers = new Map<string, number>();

/** The decimal number in date[from, to), or -1 if any of it is not a digit. */
function digits(date: string, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) {
    const c = date.charCodeAt(k) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** The calendar date a Date shows in UTC, with a four-digit year. */
const utcDate = (d: Date): DateStr => `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

const fromDayNumber = (n: number): DateStr => utcDate(new Date(n * DAY_MS));

/**
 * Whole days from `from` to `to`: `to − from`, positive when `to` is later.
 * daysBetween('2026-11-20', '2026-11-22') = 2. An age is daysBetween(date, today); days overdue
 * are daysBetween(dueOn, today); days until something are daysBetween(today, date).
 */
export function daysBetween(from: DateStr, to: DateStr): number {
  return dayNumber(to) - dayNumber(from);
}

export function addDays(date: DateStr, days: number): DateStr {
  return fromDayNumber(dayNumber(date) + days);
}

// dayjs in UTC mode, required on first use (synchronously: it is CommonJS), so that start-up does
// not pay for it. Built from a Date, not a string: dayjs parses years 0-99 as 1900-1999.
const load = createRequire(import.meta.url);
let dayjsUtc: typeof dayjs | undefined;
function day(date: DateStr): dayjs.Dayjs {
  if (!dayjsUtc) {
    dayjsUtc = load('dayjs') as typeof dayjs;
    dayjsUtc.extend(load('dayjs/plugin/utc') as typeof utcPlugin);
  }
  return dayjsUtc.utc(new Date(dayNumber(date) * DAY_MS));
}
const ymd = (d: dayjs.Dayjs): DateStr => d.format('YYYY-MM-DD');

/** Calendar months; the day is clamped (2026-01-31 + 1m = 2026-02-28). */
export function addMonths(date: DateStr, months: number): DateStr {
  return ymd(day(date).add(months, 'month'));
}

/** The last day of the month `offset` months from `date`'s month (0 = its own month). */
export function monthEnd(date: DateStr, offset = 0): DateStr {
  return ymd(day(date).startOf('month').add(offset, 'month').endOf('month'));
}

/** `YYYY-MM` of a date: the bucket for "months with contact". */
export const monthKey = (date: DateStr): string => date.slice(0, 7);

/** The earlier of two dates. */
export const minDate = (a: DateStr, b: DateStr): DateStr => (a <= b ? a : b);

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: DateStr): number {
  // 1970-01-01 was a Thursday (4).
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

// ── Zones ───────────────────────────────────────────────────────────────────────────────────────

// Building an Intl.DateTimeFormat costs far more than using one: one per zone, kept.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let fmt = formatters.get(zone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
    });
    formatters.set(zone, fmt);
  }
  return fmt;
}

/** An instant as a wall clock in `zone` shows it. */
interface WallClock {
  date: DateStr;
  /** HH:mm */
  time: string;
  hour: number;
  minute: number;
  second: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  isoWeekday: number;
}

/**
 * UTC's wall clock, read off the Date itself: the same parts Intl gives, without the 10–15 ms the
 * first Intl formatter of a process costs (a run in UTC, cron's usual zone, never loads one).
 */
function utcWallClock(ms: number): WallClock | null {
  const d = new Date(ms);
  if (!(d.getUTCFullYear() >= 1)) return null; // before year 1 (or invalid): Intl's eras decide
  const [hour, minute, second] = [d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()];
  const date = utcDate(d);
  return { date, time: `${pad(hour)}:${pad(minute)}`, hour, minute, second, isoWeekday: isoWeekday(date) };
}

function wallClock(at: Date | InstantStr, zone: string): WallClock {
  const ms = typeof at === 'string' ? Date.parse(at) : at.getTime();
  const utc = zone === 'UTC' ? utcWallClock(ms) : null;
  if (utc) return utc;
  const p: Record<string, string> = {};
  for (const part of formatterFor(zone).formatToParts(ms)) p[part.type] = part.value;
  const [hour, minute, second] = [Number(p.hour), Number(p.minute), Number(p.second)];
  // Years below 1000 come back unpadded from Intl.
  const date = `${pad(Number(p.year), 4)}-${p.month}-${p.day}`;
  return { date, time: `${p.hour}:${p.minute}`, hour, minute, second, isoWeekday: isoWeekday(date) };
}

/** The calendar date of an instant in `zone`. */
export function localDate(at: Date | InstantStr, zone: string): DateStr {
  return wallClock(at, zone).date;
}

export interface LocalParts { date: DateStr; time: string; isoWeekday: number }

/** The calendar date, HH:mm and ISO weekday of an instant in `zone`, remembered per instant. */
export function localParts(instant: InstantStr, zone: string): LocalParts {
  // review --all evaluates each client at 12 dates: the same instants recur, so remember them.
  const key = `${zone} ${instant}`;
  const known = seen.get(key);
  if (known) return known;
  if (seen.size > 100_000) seen.clear();
  const { date, time, isoWeekday } = wallClock(instant, zone);
  const parts = { date, time, isoWeekday };
  seen.set(key, parts);
  return parts;
}
const seen = new Map<string, LocalParts>();

/**
 * Seconds `zone` is ahead of UTC at instant `ms` (3600 for Europe/Berlin in winter). Seconds, not
 * minutes: old local mean times (Monrovia until 1972: −0:44:30) are not whole minutes.
 */
function offsetSeconds(ms: number, zone: string): number {
  const w = wallClock(new Date(ms), zone);
  const [y, m, d] = w.date.split('-').map(Number) as [number, number, number];
  const utc = new Date(Date.UTC(y, m - 1, d, w.hour, w.minute, w.second));
  utc.setUTCFullYear(y); // years 0-99 would otherwise map to 1900-1999
  return Math.round((utc.getTime() - Math.floor(ms / 1000) * 1000) / 1000);
}

const hhmm = (minutes: number): string => `${pad(Math.floor(minutes / 60) % 24)}:${pad(minutes % 60)}`;

/** A wall-clock time the clocks skip (inside a daylight-saving gap); the message names the gap. */
export class NonexistentTimeError extends UsageError {}

/**
 * Wall-clock time in `zone` -> instant (ISO UTC). A time the clocks skip (inside a daylight-saving
 * gap) does not exist and is refused, naming the gap; a time that happens twice (the repeated hour
 * when clocks go back) is taken as its first occurrence.
 */
function zonedInstant(date: DateStr, hour: number, minute: number, second: number, zone: string, what = 'time'): InstantStr {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const asUtc = new Date(Date.UTC(y, m - 1, d, hour, minute, second));
  asUtc.setUTCFullYear(y);
  const wall = asUtc.getTime();
  // Offsets in force a day either side cover every transition (none come closer together).
  const offsets = [...new Set([offsetSeconds(wall - DAY_MS, zone), offsetSeconds(wall, zone), offsetSeconds(wall + DAY_MS, zone)])];
  const fits = offsets
    .map((off) => wall - off * 1000)
    .filter((t) => offsetSeconds(t, zone) * 1000 === wall - t)
    .sort((a, b) => a - b);
  if (fits[0] !== undefined) return new Date(fits[0]).toISOString();
  // In a gap: find the transition, to say which wall-clock times do not exist.
  let lo = wall - Math.max(...offsets) * 1000;
  let hi = wall - Math.min(...offsets) * 1000;
  const before = offsetSeconds(lo, zone);
  while (hi - lo > 60_000) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (offsetSeconds(mid, zone) === before) lo = mid;
    else hi = mid;
  }
  const after = offsetSeconds(hi, zone);
  const startMinutes = wallClock(new Date(hi - 60_000), zone);
  const from = hhmm(startMinutes.hour * 60 + startMinutes.minute + 1);
  const to = hhmm(((startMinutes.hour * 60 + startMinutes.minute + 1 + Math.round((after - before) / 60)) % 1440 + 1440) % 1440);
  throw new NonexistentTimeError(
    `${what} does not exist in ${zone}: on ${date} the clocks jump from ${from} to ${to} (daylight saving time); give a time outside that gap`,
  );
}

// ── What users type ─────────────────────────────────────────────────────────────────────────────

const DATE_FORMS = 'YYYY-MM-DD, today, yesterday, tomorrow, or +3d / -2w / +1m';

// The dates crm accepts. Any real client history fits, and every date derived from one (due
// dates, reminders) keeps a four-digit year, which is what the database stores and compares.
const MIN_DATE = '1900-01-01';
const MAX_DATE = '2999-12-31';

function inRange(date: DateStr, input: string, field: string): DateStr {
  if (date < MIN_DATE || date > MAX_DATE) {
    throw new UsageError(`${field} ${quote(input)} is out of range; expected a date from ${MIN_DATE} to ${MAX_DATE}`);
  }
  return date;
}

/** Parse a calendar date: YYYY-MM-DD, today/yesterday/tomorrow, +Nd/-Nw/+Nm from `today`. */
export function parseDate(input: string, today: DateStr, field = 'date'): DateStr {
  return inRange(parseAnyDate(input, today, field), input, field);
}

function parseAnyDate(input: string, today: DateStr, field: string): DateStr {
  const text = input.trim().toLowerCase();
  if (text === 'today') return today;
  if (text === 'yesterday') return addDays(today, -1);
  if (text === 'tomorrow') return addDays(today, 1);
  const rel = /^([+-])(\d{1,4})([dwm])$/.exec(text);
  if (rel) {
    const n = Number(rel[2]) * (rel[1] === '-' ? -1 : 1);
    if (rel[3] === 'm') return addMonths(today, n);
    return addDays(today, rel[3] === 'w' ? n * 7 : n);
  }
  if (isDate(text)) return text;
  if (DATE_RE.test(text)) throw new UsageError(`${field} ${quote(input)} is not a real calendar date`);
  throw new UsageError(`${field} ${quote(input)} is not a date; expected ${DATE_FORMS}`);
}

const ISO_DT_RE = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i;
/**
 * A time of day as people type it, alone or after any date form: `15:00`, `9:30`, `yesterday 15:00`,
 * `2026-11-20 9:30`, `-2d 14:00`. Loose on purpose (`25:00`, `9:60`, `15:`), so that a time that is
 * not one is named as such rather than as an unknown date.
 */
const TIME_TAIL_RE = /^(?:(\S+)\s+)?(\d+):(\d*)$/;

/** Every form a date-time may take, for error messages. */
export const DATE_TIME_FORMS =
  "now, HH:mm (today), a date and a time ('yesterday 15:00', 'tomorrow 9:30', '2026-11-20 14:30', '-2d 14:00'), " +
  `ISO 8601 (2026-11-20T14:30:00+01:00), or a date alone for 12:00 that day (${DATE_FORMS})`;

interface ParsedDateTime {
  at: InstantStr;
  /** Given as a calendar date alone (12:00 local that day), not as a time. */
  dateOnly: boolean;
  /** Given as a time alone (`15:00`: today), no date. */
  timeOnly?: boolean;
}

/** `yesterday 15:00`, `15:00` (today), `2026-11-20 9:30`: a wall-clock time in `zone`. */
function parseTypedTime(m: RegExpExecArray, input: string, now: Date, zone: string, field: string): ParsedDateTime {
  const [, datePart, hh = '', mm = ''] = m;
  const notReal = (): UsageError => new UsageError(`${field} ${quote(input)} is not a real date and time; expected ${DATE_TIME_FORMS}`);
  if (hh.length > 2 || mm.length !== 2) throw notReal();
  const [h, min] = [Number(hh), Number(mm)];
  if (h > 23 || min > 59) throw notReal();
  let date: DateStr;
  try {
    date = parseAnyDate(datePart ?? 'today', localDate(now, zone), field);
  } catch {
    throw notReal();
  }
  inRange(date, input, field);
  return { at: zonedInstant(date, h, min, 0, zone, `${field} ${quote(input)}`), dateOnly: false, timeOnly: datePart === undefined };
}

function parseDateTimeDetailed(input: string, now: Date, zone: string, field: string): ParsedDateTime {
  const text = input.trim();
  if (text.toLowerCase() === 'now') return { at: now.toISOString(), dateOnly: false };
  const m = ISO_DT_RE.exec(text);
  if (m) {
    const [, date = '', hh, mm, ss, frac, offset] = m;
    const [h, min, s] = [Number(hh), Number(mm), Number(ss ?? 0)];
    if (!isDate(date) || h > 23 || min > 59 || s > 59) {
      throw new UsageError(`${field} ${quote(input)} is not a real date and time`);
    }
    inRange(date, input, field);
    if (!offset) return { at: zonedInstant(date, h, min, s, zone, `${field} ${quote(input)}`), dateOnly: false };
    const off = offset.toUpperCase() === 'Z' ? 'Z' : offset.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
    const iso = `${date}T${hh}:${mm}:${ss ?? '00'}${frac ?? ''}${off}`;
    const ms = Date.parse(iso);
    if (Number.isNaN(ms)) throw new UsageError(`${field} ${quote(input)} is not a real date and time`);
    return { at: new Date(ms).toISOString(), dateOnly: false };
  }
  const typed = TIME_TAIL_RE.exec(text);
  if (typed) return parseTypedTime(typed, input, now, zone, field);
  let date: DateStr;
  try {
    date = parseAnyDate(text, localDate(now, zone), field);
  } catch {
    throw new UsageError(`${field} ${quote(input)} is not a date-time; expected ${DATE_TIME_FORMS}`);
  }
  return { at: zonedInstant(inRange(date, input, field), 12, 0, 0, zone, `${field} ${quote(input)} (12:00)`), dateOnly: true };
}

/**
 * Parse a date-time: ISO 8601 (with or without offset), `now`, a wall-clock time in `zone` alone
 * (`15:00`: today) or after any date form parseDate accepts (`yesterday 15:00`, `2026-11-20 9:30`,
 * `-2d 14:00`), or a date form alone, which means 12:00 in `zone` that day.
 */
export function parseDateTime(input: string, now: Date, zone: string, field = 'date-time'): InstantStr {
  return parseDateTimeDetailed(input, now, zone, field).at;
}

/**
 * When something happened: a date-time that is not after `now`. A date alone means 12:00 that
 * day, or now when that is today and noon has not come yet.
 */
export function parsePastDateTime(input: string, now: Date, zone: string, field: string): InstantStr {
  const { at, dateOnly, timeOnly } = parseDateTimeDetailed(input, now, zone, field);
  if (Date.parse(at) <= now.getTime()) return at;
  if (dateOnly && localDate(at, zone) === localDate(now, zone)) return now.toISOString();
  // Logging last evening's call just after midnight: a time alone means today, so say how to name yesterday.
  const hint = timeOnly ? `; for yesterday, type 'yesterday ${input.trim()}'` : '';
  throw new UsageError(
    `${field} ${quote(input)} is in the future (now is ${toLocalMinute(now.toISOString(), zone)} ${zone}); what already happened cannot be dated later than now${hint}`,
  );
}

/** When something happened: a calendar date not after `today`. */
export function parsePastDate(input: string | undefined, today: DateStr, field: string): DateStr {
  if (input === undefined) return today; // the flag not given: it happened today
  const date = parseDate(input, today, field);
  if (date > today) {
    throw new UsageError(`${field} ${quote(input)} is after today (${today}); what already happened cannot be dated in the future`);
  }
  return date;
}

/** When something is still to come: a calendar date not before `today`. */
export function parseFutureDate(input: string, today: DateStr, field: string): DateStr {
  const date = parseDate(input, today, field);
  if (date < today) {
    throw new UsageError(`${field} ${quote(input)} is before today (${today}); it must be today or later`);
  }
  return date;
}

/** Durations for --cadence and --within: 10d, 2w (14 days), 1m (30 days), or a bare number of days. */
export function parseDuration(input: string, field: string, { min = 0, max = Infinity } = {}): number {
  const text = input.trim().toLowerCase();
  const m = /^(\d{1,5})([dwm]?)$/.exec(text);
  const accepted = `a duration such as 10d, 2w, 1m or a number of days${min > 0 ? ` (at least ${min} day)` : ''}`;
  if (!m) {
    const neg = /^-/.test(text) ? ' (negative)' : '';
    throw new UsageError(`${field} ${quote(input)} is not valid${neg}; expected ${accepted}`);
  }
  const days = Number(m[1]) * (m[2] === 'w' ? 7 : m[2] === 'm' ? 30 : 1);
  if (days < min) throw new UsageError(`${field} ${quote(input)} is too short; expected ${accepted}`);
  if (days > max) throw new UsageError(`${field} ${quote(input)} is too long; at most ${max} days`);
  return days;
}

// ── What crm prints ─────────────────────────────────────────────────────────────────────────────

/**
 * ISO 8601 with the zone's offset at that instant, for JSON output: 2026-11-22T09:30:00+01:00.
 * An offset with seconds (old local mean time) is rounded to the minute and the wall time written
 * to match it, so the string always names exactly the same instant.
 */
export function toLocalIso(at: InstantStr, zone: string): string {
  const ms = Math.floor(Date.parse(at) / 1000) * 1000;
  const off = Math.round(offsetSeconds(ms, zone) / 60);
  const wall = new Date(ms + off * 60_000);
  const sign = off >= 0 ? '+' : '-';
  const abs = Math.abs(off);
  const time = `${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}`;
  return `${utcDate(wall)}T${time}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** "YYYY-MM-DD HH:mm" in `zone`, for human output. */
export function toLocalMinute(at: InstantStr, zone: string): string {
  const w = wallClock(at, zone);
  return `${w.date} ${w.time}`;
}

/** The one weekday table, by ISO weekday (index 0 unused). */
const WEEKDAYS = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** "Sunday", or "Sun" when short, for an ISO weekday (1 = Monday … 7 = Sunday); '' for anything else. */
export function weekdayName(isoDay: number, form: 'long' | 'short' = 'long'): string {
  const name = WEEKDAYS[isoDay] ?? '';
  return form === 'short' ? name.slice(0, 3) : name;
}

/**
 * A date in words, seen from today: "today", "yesterday", "3 days ago", "tomorrow", "in 2 days".
 * `daysAgo` is daysBetween(date, today): positive in the past, negative in the future.
 */
export function relativeDays(daysAgo: number): string {
  if (daysAgo === 0) return 'today';
  if (daysAgo === 1) return 'yesterday';
  if (daysAgo === -1) return 'tomorrow';
  return daysAgo > 0 ? `${daysAgo} days ago` : `in ${-daysAgo} days`;
}
