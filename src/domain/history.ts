// A client's timeline (`crm history`): the entries it is made of, which types it shows, and the
// pure work on them — the exact date window, newest-first order, the limit. Rows come from
// src/db/history.ts; words from src/render/history.ts.
import { UsageError } from './errors.js';
import { RECORD_TYPES } from './refs.js';
import type {
  Channel, ClientRef, ClientStatus, DateStr, Direction, DisputeOutcome, IncidentKind, InstantStr, Money, Mood, NextOwner,
  ReminderKind, Severity,
} from './types.js';

/** What `--type` accepts: every record type, and `status` for the client's status changes. */
export const HISTORY_TYPES = [...RECORD_TYPES, 'status'] as const;
export type HistoryType = (typeof HISTORY_TYPES)[number];

/** One correction of a record (edit, void, unvoid), from the audit trail; before/after in the user's terms. */
export interface HistoryCorrection {
  action: 'edit' | 'void' | 'unvoid';
  on: DateStr;
  at: InstantStr;
  reason: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

interface Base {
  id: number;
  /** The record's reference (`interaction:12`, `invoice:INV-0007`, `status:3`). */
  ref: string;
  /** The local calendar date the entry is dated by. */
  on: DateStr;
  /** For what happened at an instant (interactions, incidents): the instant, and its local HH:mm. */
  at: InstantStr | null;
  time: string | null;
  /** Set when the record is void (or, for a payment or dispute, its invoice is). */
  voidedOn: DateStr | null;
  voidReason: string | null;
  /** The record's audit trail, oldest first. */
  corrections: HistoryCorrection[];
}

export type HistoryEntry = Base & (
  | {
    type: 'interaction'; channel: Channel | null; direction: Direction; mood: Mood | null; text: string | null;
    next: string | null; nextOwner: NextOwner | null; followUpOn: DateStr | null;
  }
  | { type: 'invoice'; number: string; amount: Money; project: string | null; issuedOn: DateStr; dueOn: DateStr }
  | { type: 'payment'; invoice: string; amount: Money; paidOn: DateStr }
  | {
    /** A dispute appears twice: when it was opened, and (same reference) when it was resolved. */
    type: 'dispute'; event: 'opened' | 'resolved'; invoice: string; reason: string; openedOn: DateStr;
    resolvedOn: DateStr | null; outcome: DisputeOutcome | null; conceded: Money;
  }
  | { type: 'change'; text: string; project: string | null; hours: number | null; unbilled: boolean }
  | { type: 'incident'; kind: IncidentKind; severity: Severity; note: string | null; warned: boolean }
  | { type: 'referral'; note: string | null; referred: ClientRef | null }
  | { type: 'delivery'; project: string | null }
  | { type: 'reminder'; kind: ReminderKind; text: string; doneOn: DateStr | null; snoozedFrom: DateStr | null }
  | { type: 'status'; status: ClientStatus; reason: string | null }
);

/** What to show: a date window (inclusive), some types (null: all), void records too or not. */
export interface HistoryQuery {
  since: DateStr | null;
  until: DateStr | null;
  types: readonly HistoryType[] | null;
  all: boolean;
}

/** The window must not be empty by construction: --since after --until is a typo. */
export function checkWindow(since: DateStr | null, until: DateStr | null): void {
  if (since !== null && until !== null && since > until) {
    throw new UsageError(`--since ${since} is after --until ${until}; nothing could match`);
  }
}

/** How many entries make a screenful: the terminal's rows ($LINES) less room for the prompt, else 20. */
export function screenful(lines: string | undefined): number {
  const rows = Number(lines);
  return Number.isInteger(rows) && rows > 8 ? rows - 4 : 20;
}

// On one day, what follows from what: a payment after its invoice, a change after the call it came
// up in. Newest first, so the later kind is listed first; timed entries within the day by time.
const DAY_ORDER: Record<string, number> = {
  status: 0, reminder: 1, delivery: 2, referral: 3, resolution: 4, payment: 5, dispute: 6, invoice: 7, change: 8, incident: 9,
  interaction: 10,
};
const dayRank = (e: HistoryEntry): number => DAY_ORDER[e.type === 'dispute' && e.event === 'resolved' ? 'resolution' : e.type] ?? 99;

/** Newest first: by local date, then time (a dated entry counts as the end of its day), then kind, then id. */
export function compareEntries(a: HistoryEntry, b: HistoryEntry): number {
  if (a.on !== b.on) return a.on < b.on ? 1 : -1;
  const ta = a.time ?? '24:00';
  const tb = b.time ?? '24:00';
  if (ta !== tb) return ta < tb ? 1 : -1;
  return dayRank(a) - dayRank(b) || b.id - a.id;
}

/** The entries inside the window (by local date, exactly), newest first. */
export function timeline(entries: readonly HistoryEntry[], q: Pick<HistoryQuery, 'since' | 'until'>): HistoryEntry[] {
  return entries
    .filter((e) => (q.since === null || e.on >= q.since) && (q.until === null || e.on <= q.until))
    .sort(compareEntries);
}
