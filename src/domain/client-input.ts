// Validating the fields of `client add` / `client edit` into what the clients table stores.
import { UsageError, quote } from './errors.js';
import { parseDuration } from './dates.js';
import { nameKey, validateName } from './names.js';
import { CHANNELS, type Channel } from './types.js';

export interface ClientFlags {
  name?: string;
  email?: string;
  phone?: string;
  company?: string;
  channel?: string;
  cadence?: string;
  timezone?: string;
  note?: string;
}

/** The canonical IANA name of `tz`, or null when it is not a time zone (`:/etc/localtime` forms included). */
export function canonicalZone(tz: string | null | undefined): string | null {
  if (!tz || /^[:/]/.test(tz.trim())) return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: tz.trim() }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

export function validateTimeZone(tz: string, field = '--timezone'): string {
  const zone = canonicalZone(tz);
  if (zone === null) throw new UsageError(`${field} ${quote(tz)} is not an IANA time zone (e.g. Europe/Oslo, America/New_York, UTC)`);
  return zone;
}

export function validateEmail(email: string): string {
  const e = email.trim();
  if (!/^[^\s@]+@[^\s@]+$/.test(e)) throw new UsageError(`--email ${quote(email)} is not an email address (name@example.com)`);
  return e;
}

export function validateChannel(value: string, field = '--channel'): Channel {
  const v = value.trim().toLowerCase();
  if ((CHANNELS as readonly string[]).includes(v)) return v as Channel;
  throw new UsageError(`${field} ${quote(value)} is not one of: ${CHANNELS.join(', ')}`);
}

const empty = (s: string | undefined): boolean => s !== undefined && s.trim() === '';

export interface ClientValues {
  name: string;
  nameKey: string;
  email: string | null;
  phone: string | null;
  company: string | null;
  channel: Channel | null;
  cadenceDays: number;
  timezone: string | null;
  note: string | null;
}

/** Merge flags over `base` (the current record for edit, defaults for add), validating each given flag. */
export function clientValues(flags: ClientFlags, base: Omit<ClientValues, 'nameKey'>): ClientValues {
  const name = flags.name !== undefined ? validateName(flags.name) : base.name;
  const pick = <T>(flag: string | undefined, current: T, parse: (s: string) => T): T | null =>
    flag === undefined ? current : empty(flag) ? null : parse(flag);
  return {
    name,
    nameKey: nameKey(name),
    email: pick(flags.email, base.email, validateEmail),
    phone: pick(flags.phone, base.phone, (s) => s.trim()),
    company: pick(flags.company, base.company, (s) => s.trim()),
    channel: pick(flags.channel, base.channel, (s) => validateChannel(s)),
    cadenceDays: flags.cadence === undefined ? base.cadenceDays : parseDuration(flags.cadence, '--cadence', { min: 1, max: 3650 }),
    timezone: pick(flags.timezone, base.timezone, (s) => validateTimeZone(s)),
    note: flags.note === undefined ? base.note : flags.note.trim() === '' ? null : flags.note,
  };
}
