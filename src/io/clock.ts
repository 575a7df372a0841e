// "Now" for every command: CRM_NOW when set, else the system clock. The only place that reads it.
import { NonexistentTimeError, parseDateTime } from '../domain/dates.js';
import { UsageError } from '../domain/errors.js';

export interface Clock {
  now(): Date;
}

/** CRM_NOW's local forms ('2026-11-22', '2026-11-22 09:30') are wall-clock times in `zone`. */
export function clockFromEnv(env: NodeJS.ProcessEnv, zone: string, system: () => Date = () => new Date()): Clock {
  const fixed = env.CRM_NOW?.trim();
  if (!fixed) return { now: system };
  let at: string;
  try {
    // Relative forms make no sense for the clock itself; require an absolute date or date-time.
    if (!/^\d{4}-\d{2}-\d{2}/.test(fixed)) throw new UsageError('');
    at = parseDateTime(fixed, system(), zone, 'CRM_NOW');
  } catch (e) {
    if (e instanceof NonexistentTimeError) throw e; // it names CRM_NOW and the gap already
    throw new UsageError(`CRM_NOW '${fixed}' is not an ISO 8601 date or date-time (e.g. 2026-11-22 or 2026-11-22T09:30:00+01:00)`);
  }
  const date = new Date(at);
  return { now: () => new Date(date) };
}
