// Money received by client and calendar month (`crm report income`): payments + window in, the
// report model out. PURE: no SQL, no clock, no I/O. Which payments count is src/db's business.
import { addMonths, monthKey } from './dates.js';
import { UsageError, quote } from './errors.js';
import { incomeYear } from './income-year.js';
import type { ClientRef, DateStr, Money } from './types.js';

/** A live payment on a live invoice, in the invoice's currency. */
export interface IncomePaymentRow {
  clientId: number;
  clientName: string;
  currency: string;
  on: DateStr;
  amount: number;
}

export interface IncomeClient {
  client: ClientRef;
  total: Money;
  /** Of the currency's total, rounded to two decimals as review's stats are. */
  share: number;
  /** Every month of the window, months with nothing included (amount 0). */
  byMonth: Record<string, Money>;
}

export interface IncomeCurrency {
  currency: string;
  total: Money;
  byMonth: Record<string, Money>;
  /** Biggest share first. */
  clients: IncomeClient[];
}

export interface IncomeReport {
  from: DateStr;
  to: DateStr;
  months: string[];
  currencies: IncomeCurrency[];
}

export const MAX_MONTHS = 120;

/** `--months N`: 1 to MAX_MONTHS, 12 when not given. */
export function parseMonths(input: string | undefined): number {
  if (input === undefined) return 12;
  const n = /^\s*\d+\s*$/.test(input) ? Number(input) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > MAX_MONTHS) {
    throw new UsageError(`--months ${quote(input)} is not a whole number of months from 1 to ${MAX_MONTHS}`);
  }
  return n;
}

/** The last `months` calendar months, the current one (up to today) included. */
export function incomeWindow(today: DateStr, months: number): { from: DateStr; to: DateStr; months: string[] } {
  const first = `${monthKey(today)}-01`;
  const from = addMonths(first, -(months - 1));
  const keys = Array.from({ length: months }, (_, k) => monthKey(addMonths(from, k)));
  return { from, to: today, months: keys };
}

/**
 * The window review's income-concentration line counts: the 365 days ending today (yearStart in
 * src/rules/context.ts). The report counts whole calendar months instead, so it can show each one.
 */
export function reviewIncomeWindow(today: DateStr): { from: DateStr; to: DateStr } {
  return incomeYear(today);
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

export function incomeReport(rows: IncomePaymentRow[], window: { from: DateStr; to: DateStr; months: string[] }): IncomeReport {
  const { from, to, months } = window;
  const grid = (currency: string): Record<string, Money> =>
    Object.fromEntries(months.map((m) => [m, { amount: 0, currency }]));
  const byCurrency = new Map<string, { total: Money; byMonth: Record<string, Money>; clients: Map<number, Omit<IncomeClient, 'share'>> }>();
  for (const r of rows) {
    if (r.on < from || r.on > to || r.amount <= 0) continue;
    let cur = byCurrency.get(r.currency);
    if (!cur) byCurrency.set(r.currency, (cur = { total: { amount: 0, currency: r.currency }, byMonth: grid(r.currency), clients: new Map() }));
    let c = cur.clients.get(r.clientId);
    if (!c) cur.clients.set(r.clientId, (c = { client: { id: r.clientId, name: r.clientName }, total: { amount: 0, currency: r.currency }, byMonth: grid(r.currency) }));
    const month = monthKey(r.on);
    for (const x of [cur, c]) {
      x.total.amount += r.amount;
      const cell = x.byMonth[month];
      if (cell) cell.amount += r.amount;
    }
  }
  const currencies = [...byCurrency].sort(([a], [b]) => a.localeCompare(b)).map(([currency, cur]) => ({
    currency,
    total: cur.total,
    byMonth: cur.byMonth,
    clients: [...cur.clients.values()]
      .sort((a, b) => b.total.amount - a.total.amount || a.client.name.localeCompare(b.client.name) || a.client.id - b.client.id)
      .map((c) => ({ client: c.client, total: c.total, share: round2(c.total.amount / cur.total.amount), byMonth: c.byMonth })),
  }));
  return { from, to, months, currencies };
}
