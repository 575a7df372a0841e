// Calendar dates ('YYYY-MM-DD') and instants (ISO UTC) parsed strictly, always relative to an
// injected `now`. "Local" means the process time zone (TZ). Never reads the clock itself.
import { UsageError, quote } from './errors.js';
import type { DateStr, InstantStr } from './types.js';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** True when `s` is a real calendar date in YYYY-MM-DD form (2026-02-30 is not). */
export function isDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function toUtcMs(date: DateStr): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

function fromUtcMs(ms: number): DateStr {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function addDays(date: DateStr, days: number): DateStr {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

/** Calendar months; the day is clamped (2026-01-31 + 1m = 2026-02-28). */
export function addMonths(date: DateStr, months: number): DateStr {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return `${pad(ny, 4)}-${pad(nm)}-${pad(Math.min(d, daysInMonth(ny, nm)))}`;
}

/** Whole days from `a` to `b` (b − a). */
export function diffDays(a: DateStr, b: DateStr): number {
  return Math.round((toUtcMs(b) - toUtcMs(a)) / DAY_MS);
}

/** The local calendar date of an instant or Date. */
export function localDate(at: Date | InstantStr): DateStr {
  const d = typeof at === 'string' ? new Date(at) : at;
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The calendar date of an instant in an IANA time zone. */
export function dateInZone(at: InstantStr, timeZone: string): DateStr {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(new Date(at));
  const get = (t: string): string => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Local wall-clock time -> instant (ISO UTC). */
function localInstant(date: DateStr, hour: number, minute: number, second = 0): InstantStr {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const dt = new Date(y, m - 1, d, hour, minute, second);
  dt.setFullYear(y); // years 0-99 would otherwise map to 1900-1999
  return dt.toISOString();
}

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
 * Parse a date-time: ISO 8601 (with or without offset), `YYYY-MM-DD HH:mm` (local), `now`,
 * or any date form accepted by parseDate, which means 12:00 local time that day.
 */
export function parseDateTime(input: string, now: Date, field = 'date-time'): InstantStr {
  const text = input.trim();
  if (text.toLowerCase() === 'now') return now.toISOString();
  const m = ISO_DT_RE.exec(text);
  if (m) {
    const [, date = '', hh, mm, ss, frac, offset] = m;
    const [h, min, s] = [Number(hh), Number(mm), Number(ss ?? 0)];
    if (!isDate(date) || h > 23 || min > 59 || s > 59) {
      throw new UsageError(`${field} ${quote(input)} is not a real date and time`);
    }
    inRange(date, input, field);
    if (!offset) return localInstant(date, h, min, s);
    const off = offset.toUpperCase() === 'Z' ? 'Z' : offset.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
    const iso = `${date}T${hh}:${mm}:${ss ?? '00'}${frac ?? ''}${off}`;
    const ms = Date.parse(iso);
    if (Number.isNaN(ms)) throw new UsageError(`${field} ${quote(input)} is not a real date and time`);
    return new Date(ms).toISOString();
  }
  let date: DateStr;
  try {
    date = parseAnyDate(text, localDate(now), field);
  } catch {
    throw new UsageError(
      `${field} ${quote(input)} is not a date-time; expected ISO 8601, 'YYYY-MM-DD HH:mm', or ${DATE_FORMS}`,
    );
  }
  return localInstant(inRange(date, input, field), 12, 0);
}

/** ISO 8601 with the local offset, for JSON output of instants: 2026-11-22T09:30:00+01:00. */
export function toLocalIso(at: InstantStr): string {
  const d = new Date(at);
  const off = -d.getTimezoneOffset();
  const sign = off >= 0 ? '+' : '-';
  const abs = Math.abs(off);
  return (
    `${localDate(d)}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/** Local "YYYY-MM-DD HH:mm" for human output. */
export function toLocalMinute(at: InstantStr): string {
  const d = new Date(at);
  return `${localDate(d)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
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
