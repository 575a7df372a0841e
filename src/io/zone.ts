// The user's time zone, resolved once per run: config `timezone`, else TZ, else the system's.
// The only module that asks the operating system which zone it is in.
import fs from 'node:fs';
import { canonicalZone } from '../domain/client-input.js';

/**
 * The system's zone without trusting the process's TZ (which may be empty or bogus): the
 * /etc/localtime link, /etc/timezone, then what the runtime believes, then UTC.
 */
export function systemZone(): string {
  try {
    const link = fs.readlinkSync('/etc/localtime');
    const m = /zoneinfo\/(.+)$/.exec(link);
    const zone = canonical(m?.[1]);
    if (zone) return zone;
  } catch {
    /* not a link, or no such file */
  }
  try {
    const zone = canonical(fs.readFileSync('/etc/timezone', 'utf8').trim());
    if (zone) return zone;
  } catch {
    /* no such file */
  }
  return canonicalZone(Intl.DateTimeFormat().resolvedOptions().timeZone) ?? 'UTC';
}

/**
 * Names ICU canonicalises to `UTC` (lower case; zone names are case-insensitive), answered without
 * building an Intl formatter: the first one costs a process 10–15 ms. test/unit/startup.test.ts checks
 * that Intl agrees.
 */
export const UTC_NAMES: ReadonlySet<string> = new Set(['utc', 'etc/utc', 'gmt', 'etc/gmt', 'uct', 'etc/uct', 'zulu', 'etc/zulu', 'universal', 'etc/universal']);

/** canonicalZone, with the names of UTC answered at once. */
function canonical(tz: string | null | undefined): string | null {
  return tz && UTC_NAMES.has(tz.trim().toLowerCase()) ? 'UTC' : canonicalZone(tz);
}

/**
 * config `timezone` > TZ > the system's. An empty TZ, or one that is not an IANA name
 * (`:/etc/localtime`, a POSIX rule string), counts as unset.
 */
export function resolveZone(configZone: string | null, envTZ: string | undefined, system: () => string = systemZone): string {
  return canonical(configZone) ?? canonical(envTZ) ?? system();
}
