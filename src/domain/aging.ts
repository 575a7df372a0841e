// Receivables by age (`crm report aging`): open invoices + today in, the report model out.
// PURE: no SQL, no clock, no I/O. Which invoices are open, and their balances, is src/db's business.
import { daysBetween } from './dates.js';
import type { DueInvoiceRow } from './due.js';
import type { ClientRef, DateStr, InvoiceStatus, Money } from './types.js';

/** An invoice with money still owed on it (balance > 0: amount − payments − concessions): a row as `crm due` reads it, with its status. */
export type AgingInvoiceRow = DueInvoiceRow & { status: InvoiceStatus };

export const BUCKETS = ['current', 'days1to30', 'days31to60', 'days61to90', 'days90plus'] as const;
export type Bucket = (typeof BUCKETS)[number];
export type Buckets = Record<Bucket | 'total', Money>;

export interface AgingClient extends Buckets {
  client: ClientRef;
  /** The invoice numbers owed on, oldest due date first. */
  invoices: string[];
  /** Those of them in dispute: still owed, but held up. */
  disputed: string[];
}

export interface AgingCurrency {
  currency: string;
  clients: AgingClient[];
  totals: Buckets;
}

export interface AgingReport {
  asOf: DateStr;
  currencies: AgingCurrency[];
}

/**
 * The bucket of a balance by days past due. The due date itself is still a day to pay (as in
 * `crm due`), so "current" is not yet due or due today; 1–30, 31–60, 61–90, then 91 and more.
 */
export function bucketOf(dueOn: DateStr, today: DateStr): Bucket {
  return BUCKETS[agingStep(daysBetween(dueOn, today))] ?? 'days90plus';
}

/**
 * The 30-day step of a balance `daysLate` past due: 0 not yet late, 1 for 1–30 days, 2 for 31–60,
 * 3 for 61–90, 4 for 91 or more. The aging report's buckets, and the weight the rules give overdue money.
 */
export const agingStep = (daysLate: number): number => (daysLate <= 0 ? 0 : Math.min(4, Math.ceil(daysLate / 30)));

function emptyBuckets(currency: string): Buckets {
  const zero = (): Money => ({ amount: 0, currency });
  return { current: zero(), days1to30: zero(), days31to60: zero(), days61to90: zero(), days90plus: zero(), total: zero() };
}

/**
 * Oldest money first: the client with more in the oldest bucket comes first (90+, then 61–90, …),
 * because the older a debt the less likely it is paid and the sooner it needs chasing; then by name.
 */
function worstFirst(a: AgingClient, b: AgingClient): number {
  for (const k of [...BUCKETS].reverse()) {
    const d = b[k].amount - a[k].amount;
    if (d !== 0) return d;
  }
  return a.client.name.localeCompare(b.client.name) || a.client.id - b.client.id;
}

export function agingReport(rows: AgingInvoiceRow[], today: DateStr): AgingReport {
  const byCurrency = new Map<string, { clients: Map<number, AgingClient>; totals: Buckets }>();
  const sorted = [...rows].filter((r) => r.balance > 0)
    .sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.number.localeCompare(b.number)));
  for (const r of sorted) {
    let cur = byCurrency.get(r.currency);
    if (!cur) byCurrency.set(r.currency, (cur = { clients: new Map(), totals: emptyBuckets(r.currency) }));
    let c = cur.clients.get(r.clientId);
    if (!c) {
      c = { client: { id: r.clientId, name: r.clientName }, ...emptyBuckets(r.currency), invoices: [], disputed: [] };
      cur.clients.set(r.clientId, c);
    }
    const bucket = bucketOf(r.dueOn, today);
    for (const b of [c, cur.totals]) {
      b[bucket].amount += r.balance;
      b.total.amount += r.balance;
    }
    c.invoices.push(r.number);
    if (r.status === 'disputed') c.disputed.push(r.number);
  }
  const currencies = [...byCurrency].sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, { clients, totals }]) => ({ currency, clients: [...clients.values()].sort(worstFirst), totals }));
  return { asOf: today, currencies };
}
