// What needs attention on a given day: check-ins, invoices to chase, reminders (`crm due`).
// PURE: plain rows + { today, within } in, the contract's JSON model out. No SQL, no clock, no I/O.
import type { ClientRef, DateStr, Money, ReminderKind } from './types.js';

export interface DueClientRow {
  id: number;
  name: string;
  cadenceDays: number;
  createdOn: DateStr;
  /** Local calendar date of the latest interaction in either direction; null = never contacted. */
  lastContact: DateStr | null;
}

export interface DueInvoiceRow {
  clientId: number;
  clientName: string;
  number: string;
  /** Remaining balance in minor units. */
  balance: number;
  currency: string;
  dueOn: DateStr;
}

export interface DueReminderRow {
  id: number;
  clientId: number;
  clientName: string;
  on: DateStr;
  kind: ReminderKind;
  text: string;
}

export interface DueInput {
  /** Active clients only: the caller filters out archived and fired ones. */
  clients: DueClientRow[];
  /** Open invoices (the caller may pre-filter; zero balances are skipped here anyway). */
  invoices: DueInvoiceRow[];
  /** Reminders not done. */
  reminders: DueReminderRow[];
}

export interface DueOptions {
  today: DateStr;
  /** Also list what falls due in the next `within` days (0 = only what is due now). */
  within: number;
}

export interface DueCheckIn {
  client: ClientRef;
  lastContact: DateStr | null;
  cadenceDays: number;
  dueOn: DateStr;
  daysOverdue: number;
}

export interface DueInvoice {
  client: ClientRef;
  number: string;
  balance: Money;
  dueOn: DateStr;
  daysOverdue: number;
}

export interface DueReminder {
  id: number;
  client: ClientRef;
  on: DateStr;
  kind: ReminderKind;
  text: string;
  daysOverdue: number;
}

export interface DueReport {
  asOf: DateStr;
  checkIns: DueCheckIn[];
  invoices: DueInvoice[];
  reminders: DueReminder[];
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of a calendar date; UTC arithmetic so DST never shifts a day. */
function epochDay(date: DateStr): number {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  // Date.UTC silently rolls 2026-02-30 over to March; a rolled date is a caller bug.
  if (new Date(ms).getUTCDate() !== d) throw new RangeError(`no such date: ${date}`);
  return Math.round(ms / MS_PER_DAY);
}

function fromEpochDay(day: number): DateStr {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** `date` plus `days` calendar days. */
export function addDays(date: DateStr, days: number): DateStr {
  return fromEpochDay(epochDay(date) + days);
}

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: DateStr, to: DateStr): number {
  return epochDay(to) - epochDay(from);
}

// Code-unit order after case folding: stable across machines, unlike localeCompare's ICU data.
function byText(a: string, b: string): number {
  const fa = a.toLowerCase();
  const fb = b.toLowerCase();
  if (fa !== fb) return fa < fb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function computeDue(input: DueInput, { today, within }: DueOptions): DueReport {
  if (!Number.isInteger(within) || within < 0) {
    throw new RangeError(`within must be a whole number of days ≥ 0, got ${within}`);
  }
  const todayDay = epochDay(today);
  // Every item has an "action day" — the first day it needs doing — and is listed when that
  // day is on or before the horizon. With within = 0 the horizon is today.
  const horizon = todayDay + within;

  const checkIns: DueCheckIn[] = [];
  for (const c of input.clients) {
    const dueDay = epochDay(c.lastContact ?? c.createdOn) + c.cadenceDays;
    if (dueDay > horizon) continue;
    checkIns.push({
      client: { id: c.id, name: c.name },
      lastContact: c.lastContact,
      cadenceDays: c.cadenceDays,
      dueOn: fromEpochDay(dueDay),
      daysOverdue: todayDay - dueDay,
    });
  }
  checkIns.sort(
    (a, b) => b.daysOverdue - a.daysOverdue || byText(a.client.name, b.client.name) || a.client.id - b.client.id,
  );

  const invoices: DueInvoice[] = [];
  for (const inv of input.invoices) {
    if (inv.balance <= 0) continue;
    const dueDay = epochDay(inv.dueOn);
    // The due date itself is still a day to pay: chasing starts the day after, so an invoice is
    // listed when dueOn + 1 ≤ horizon. Today + within 0 gives the contract's "dueOn < today".
    if (dueDay + 1 > horizon) continue;
    invoices.push({
      client: { id: inv.clientId, name: inv.clientName },
      number: inv.number,
      balance: { amount: inv.balance, currency: inv.currency },
      dueOn: inv.dueOn,
      daysOverdue: todayDay - dueDay,
    });
  }
  invoices.sort((a, b) => b.daysOverdue - a.daysOverdue || byText(a.number, b.number));

  const reminders: DueReminder[] = [];
  for (const r of input.reminders) {
    const onDay = epochDay(r.on);
    if (onDay > horizon) continue;
    reminders.push({
      id: r.id,
      client: { id: r.clientId, name: r.clientName },
      on: r.on,
      kind: r.kind,
      text: r.text,
      daysOverdue: todayDay - onDay,
    });
  }
  reminders.sort((a, b) => b.daysOverdue - a.daysOverdue || a.id - b.id);

  return { asOf: today, checkIns, invoices, reminders };
}

/** True when nothing at all is listed. */
export function isEmptyDue(report: DueReport): boolean {
  return report.checkIns.length === 0 && report.invoices.length === 0 && report.reminders.length === 0;
}

export type DueItem =
  | { type: 'check-in'; daysOverdue: number; item: DueCheckIn }
  | { type: 'invoice'; daysOverdue: number; item: DueInvoice }
  | { type: 'reminder'; daysOverdue: number; item: DueReminder };

/**
 * All three lists merged, most overdue first. Ties keep group order (check-ins, invoices,
 * reminders) and each group's own order, so the digest and the calendar are deterministic.
 */
export function dueItems(report: DueReport): DueItem[] {
  const all: DueItem[] = [
    ...report.checkIns.map((item) => ({ type: 'check-in' as const, daysOverdue: item.daysOverdue, item })),
    ...report.invoices.map((item) => ({ type: 'invoice' as const, daysOverdue: item.daysOverdue, item })),
    ...report.reminders.map((item) => ({ type: 'reminder' as const, daysOverdue: item.daysOverdue, item })),
  ];
  // Array.prototype.sort is stable (ES2019), which the tie rule above relies on.
  return all.sort((a, b) => b.daysOverdue - a.daysOverdue);
}
