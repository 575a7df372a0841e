// What needs attention on a given day: check-ins, invoices to chase, reminders (`crm due`).
// PURE: plain rows + { today, within } in, the contract's JSON model out. No SQL, no clock, no I/O.
import { addDays, daysBetween, isDate } from './dates.js';
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
  if (!isDate(today)) throw new RangeError(`today must be a YYYY-MM-DD date, got ${JSON.stringify(today)}`);
  // Every item has an "action day" — the first day it needs doing — and is listed when that
  // day is on or before the horizon (today + within). daysOverdue counts from today either way.
  const overdue = (date: DateStr): number => daysBetween(date, today);

  const checkIns: DueCheckIn[] = [];
  for (const c of input.clients) {
    const dueOn = addDays(c.lastContact ?? c.createdOn, c.cadenceDays);
    const daysOverdue = overdue(dueOn);
    if (daysOverdue < -within) continue;
    checkIns.push({
      client: { id: c.id, name: c.name },
      lastContact: c.lastContact,
      cadenceDays: c.cadenceDays,
      dueOn,
      daysOverdue,
    });
  }
  checkIns.sort(
    (a, b) => b.daysOverdue - a.daysOverdue || byText(a.client.name, b.client.name) || a.client.id - b.client.id,
  );

  const invoices: DueInvoice[] = [];
  for (const inv of input.invoices) {
    if (inv.balance <= 0) continue;
    const daysOverdue = overdue(inv.dueOn);
    // The due date itself is still a day to pay: chasing starts the day after, so an invoice is
    // listed when dueOn + 1 ≤ today + within, i.e. daysOverdue ≥ 1 − within. Within 0 gives the
    // contract's "dueOn < today".
    if (daysOverdue < 1 - within) continue;
    invoices.push({
      client: { id: inv.clientId, name: inv.clientName },
      number: inv.number,
      balance: { amount: inv.balance, currency: inv.currency },
      dueOn: inv.dueOn,
      daysOverdue,
    });
  }
  invoices.sort((a, b) => b.daysOverdue - a.daysOverdue || byText(a.number, b.number));

  const reminders: DueReminder[] = [];
  for (const r of input.reminders) {
    const daysOverdue = overdue(r.on);
    if (daysOverdue < -within) continue;
    reminders.push({
      id: r.id,
      client: { id: r.clientId, name: r.clientName },
      on: r.on,
      kind: r.kind,
      text: r.text,
      daysOverdue,
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
