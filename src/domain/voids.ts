// Voids: what `crm void` and `crm unvoid` report, and the reason a void needs. Pure; the checks
// that need the database and the writes are in src/db/voids.ts.
import { UsageError } from './errors.js';
import type { RecordRow } from './refs.js';
import type { Money } from './types.js';

/** What a record is, for the confirmation line. */
export interface VoidSubject {
  /** A date, or an instant for interactions and incidents. */
  on: string;
  /** The text that says which record it is: a kind, summary, project, reason or reminder text. */
  what: string | null;
  money: Money | null;
  /** The invoice number a payment or dispute belongs to. */
  invoice: string | null;
}

export interface VoidOutcome {
  record: RecordRow;
  subject: VoidSubject;
  /** References voided (or brought back) together with it: an interaction's or delivery's open reminders. */
  also: string[];
  /** Records noted during the same conversation that still count (incidents, changes, referrals). */
  recordedWith: string[];
  /** Disputes of a voided invoice, which count nowhere while it is void. */
  hidden: string[];
}

/** The reason for a void: required, and more than blanks. Kept as typed, trimmed. */
export function parseReason(value: string | undefined, fromStdin: boolean): string {
  if (value === undefined) throw new UsageError('missing required option --reason <text>: say why the record is void (e.g. --reason "logged against the wrong client")');
  const reason = value.trim();
  if (reason === '') {
    throw new UsageError(`--reason is empty${fromStdin ? ' (nothing came on standard input)' : ''}; say why the record is void`);
  }
  return reason;
}
