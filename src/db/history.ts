// The SQL behind `crm history`: one client's records of every kind, read through the per-client
// indexes, with the date window pushed into each query (a day's margin either side for instants,
// which are stored in UTC; domain/history.ts then cuts the window exactly by local date).
import type { DB } from './store.js';
import { correctionsOfClient, type Correction } from './corrections.js';
import { refOf } from './refs.js';
import { addDays, localParts } from '../domain/dates.js';
import type { HistoryCorrection, HistoryEntry, HistoryQuery, HistoryType } from '../domain/history.js';
import type { DateStr, InstantStr } from '../domain/types.js';

type Row = Record<string, unknown> & { id: number };
type Params = { client: number; since: DateStr | null; until: DateStr | null; sinceAt: string | null; untilAt: string | null };

/** `col` within the window; for instants the window is a day wider each side (UTC vs local dates). */
const within = (col: string, instant = false): string => instant
  ? `(@sinceAt IS NULL OR ${col} >= @sinceAt) AND (@untilAt IS NULL OR ${col} < @untilAt)`
  : `(@since IS NULL OR ${col} >= @since) AND (@until IS NULL OR ${col} <= @until)`;
const live = (all: boolean, alias: string): string => (all ? '' : ` AND ${alias}.voided_on IS NULL`);

/** Each kind's query: the client's rows (by its index), in the window, live ones unless --all. */
const QUERIES: Record<HistoryType, (all: boolean) => string> = {
  interaction: (all) => `SELECT r.* FROM interactions r WHERE r.client_id = @client AND ${within('r.at', true)}${live(all, 'r')}`,
  invoice: (all) => `SELECT r.* FROM invoices r WHERE r.client_id = @client AND ${within('r.issued_on')}${live(all, 'r')}`,
  payment: (all) => `SELECT r.*, i.number, i.currency, i.voided_on AS invoice_voided_on, i.void_reason AS invoice_void_reason
    FROM invoices i JOIN payments r ON r.invoice_id = i.id
    WHERE i.client_id = @client AND ${within('r.paid_on')}${live(all, 'r')}${live(all, 'i')}`,
  dispute: (all) => `SELECT r.*, i.number, i.currency, i.voided_on AS invoice_voided_on, i.void_reason AS invoice_void_reason
    FROM invoices i JOIN disputes r ON r.invoice_id = i.id
    WHERE i.client_id = @client AND ((${within('r.opened_on')}) OR (${within('r.resolved_on')}))${live(all, 'r')}${live(all, 'i')}`,
  change: (all) => `SELECT r.* FROM change_requests r WHERE r.client_id = @client AND ${within('r.on_date')}${live(all, 'r')}`,
  incident: (all) => `SELECT r.* FROM incidents r WHERE r.client_id = @client AND ${within('r.at', true)}${live(all, 'r')}`,
  referral: (all) => `SELECT r.*, c.name AS referred_name FROM referrals r LEFT JOIN clients c ON c.id = r.referred_client_id
    WHERE r.client_id = @client AND ${within('r.on_date')}${live(all, 'r')}`,
  delivery: (all) => `SELECT r.* FROM deliveries r WHERE r.client_id = @client AND ${within('r.on_date')}${live(all, 'r')}`,
  reminder: (all) => `SELECT r.* FROM reminders r WHERE r.client_id = @client AND ${within('r.on_date')}${live(all, 'r')}`,
  status: () => `SELECT r.* FROM client_status_changes r WHERE r.client_id = @client AND ${within('r.on_date')}`,
};

/** The statements `crm history` runs for one client, for EXPLAIN QUERY PLAN in the tests. */
export function historyStatements(q: Pick<HistoryQuery, 'types' | 'all'>): string[] {
  return (q.types ?? Object.keys(QUERIES) as HistoryType[]).map((t) => QUERIES[t](q.all));
}

const s = (v: unknown): string => v as string;
const sn = (v: unknown): string | null => (v === null || v === undefined ? null : (v as string));

/** What a kind is dated by, for reading the newest first (a dispute by its latest event). */
const NEWEST: Record<HistoryType, string> = {
  interaction: 'r.at', invoice: 'r.issued_on', payment: 'r.paid_on', dispute: 'coalesce(r.resolved_on, r.opened_on)',
  change: 'r.on_date', incident: 'r.at', referral: 'r.on_date', delivery: 'r.on_date', reminder: 'r.on_date', status: 'r.on_date',
};
// Rows beyond the limit a kind reads, so that entries of the same minute or day are all there to order.
const SLACK = 100;

export interface HistoryRead {
  /** The entries read, in no particular order: every one in the window (a day of slack for instants), or with a limit the newest. */
  entries: HistoryEntry[];
  /** With a limit: how many entries the whole history holds; null when `entries` is all of it. */
  total: number | null;
}

/**
 * A client's history entries. With a limit and no window (a terminal's screenful), each kind reads
 * only its newest rows and counts the rest in SQL, so a decade costs what a screenful does.
 */
export function readHistory(db: DB, clientId: number, q: HistoryQuery, zone: string, limit = Infinity): HistoryRead {
  const params: Params = {
    client: clientId, since: q.since, until: q.until,
    sinceAt: q.since === null ? null : addDays(q.since, -1),
    untilAt: q.until === null ? null : addDays(q.until, 2),
  };
  const newest = Number.isFinite(limit) && q.since === null && q.until === null;
  const trail = trailOf(db, clientId);
  const entries: HistoryEntry[] = [];
  let total = 0;
  for (const type of q.types ?? (Object.keys(QUERIES) as HistoryType[])) {
    const sql = QUERIES[type](q.all);
    const rows = (newest
      ? db.prepare(`${sql} ORDER BY ${NEWEST[type]} DESC, r.id DESC LIMIT ${limit + SLACK}`).all(params)
      : db.prepare(sql).all(params)) as Row[];
    for (const r of rows) entries.push(...entriesOf(type, r, zone, trail));
    if (newest) {
      const events = type === 'dispute' ? 'count(*) + count(resolved_on)' : 'count(*)';
      total += (db.prepare(`SELECT ${events} AS n FROM (${sql})`).get(params) as { n: number }).n;
    }
  }
  return { entries, total: newest ? total : null };
}

/** A client's corrections by record (`type:id`), oldest first. */
function trailOf(db: DB, clientId: number): Map<string, HistoryCorrection[]> {
  const byRecord = new Map<string, HistoryCorrection[]>();
  for (const c of correctionsOfClient(db, clientId)) {
    if (c.clientId !== clientId) continue; // moved to another client since: its history has it
    const key = `${c.recordType}:${c.recordId}`;
    const list = byRecord.get(key) ?? [];
    list.push(correctionOf(c));
    byRecord.set(key, list);
  }
  return byRecord;
}

const correctionOf = (c: Correction): HistoryCorrection => ({
  action: c.action, on: c.on, at: c.at, reason: c.reason, before: c.before, after: c.after,
});

function entriesOf(type: HistoryType, r: Row, zone: string, trail: Map<string, HistoryCorrection[]>): HistoryEntry[] {
  const corrections = type === 'status' ? [] : (trail.get(`${type}:${r.id}`) ?? []);
  const ref = type === 'status' ? `status:${r.id}` : refOf(type, r.id, sn(r.number));
  const dated = (on: DateStr) => ({ id: r.id, ref, on, at: null, time: null, corrections, ...voidOf(r) });
  const timed = (at: InstantStr) => {
    const local = localParts(at, zone);
    return { id: r.id, ref, on: local.date, at, time: local.time, corrections, ...voidOf(r) };
  };
  const money = (amount: unknown) => ({ amount: amount as number, currency: s(r.currency) });
  switch (type) {
    case 'interaction':
      return [{
        ...timed(s(r.at)), type, channel: sn(r.channel) as never, direction: s(r.direction) as never, mood: sn(r.mood) as never,
        text: sn(r.summary), next: sn(r.next_step), nextOwner: sn(r.next_owner) as never, followUpOn: sn(r.follow_up_on),
      }];
    case 'invoice':
      return [{
        ...dated(s(r.issued_on)), type, number: s(r.number), amount: money(r.amount), project: sn(r.project),
        issuedOn: s(r.issued_on), dueOn: s(r.due_on),
      }];
    case 'payment':
      return [{ ...dated(s(r.paid_on)), type, invoice: s(r.number), amount: money(r.amount), paidOn: s(r.paid_on) }];
    case 'dispute': {
      const d = {
        type, invoice: s(r.number), reason: s(r.reason), openedOn: s(r.opened_on), resolvedOn: sn(r.resolved_on),
        outcome: sn(r.outcome) as never, conceded: money(r.conceded),
      };
      const opened = { ...dated(s(r.opened_on)), ...d, event: 'opened' as const };
      return r.resolved_on === null ? [opened] : [opened, { ...dated(s(r.resolved_on)), ...d, event: 'resolved' as const }];
    }
    case 'change':
      return [{
        ...dated(s(r.on_date)), type, text: s(r.summary), project: sn(r.project), hours: r.hours as number | null,
        unbilled: r.unbilled === 1,
      }];
    case 'incident':
      return [{
        ...timed(s(r.at)), type, kind: s(r.kind) as never, severity: s(r.severity) as never, note: sn(r.note), warned: r.warned === 1,
      }];
    case 'referral':
      return [{
        ...dated(s(r.on_date)), type, note: sn(r.note),
        referred: r.referred_client_id === null ? null : { id: r.referred_client_id as number, name: s(r.referred_name) },
      }];
    case 'delivery':
      return [{ ...dated(s(r.on_date)), type, project: sn(r.project) }];
    case 'reminder':
      return [{
        ...dated(s(r.on_date)), type, kind: s(r.kind) as never, text: s(r.text), doneOn: sn(r.done_on), snoozedFrom: sn(r.snoozed_from),
      }];
    case 'status':
      return [{ ...dated(s(r.on_date)), type, status: s(r.status) as never, reason: sn(r.reason) }];
  }
}

/** The record's own void, else (payments, disputes) its invoice's: either way it counts nowhere. */
function voidOf(r: Row): { voidedOn: DateStr | null; voidReason: string | null } {
  if (typeof r.voided_on === 'string') return { voidedOn: r.voided_on, voidReason: sn(r.void_reason) };
  if (typeof r.invoice_voided_on === 'string') {
    const why = sn(r.invoice_void_reason);
    return { voidedOn: r.invoice_voided_on, voidReason: `invoice ${s(r.number)} is void${why ? `: ${why}` : ''}` };
  }
  return { voidedOn: null, voidReason: null };
}
