// The rows of the accountant's CSV: live invoices with their totals, live payments, clients.
// Voided records are left out (an accountant wants what stands). Amounts stay minor units here.
import type { DB } from './store.js';
import { listInvoicesIssued } from './invoices.js';
import type { DateStr, InvoiceStatus } from '../domain/types.js';

export interface DateRange {
  from?: DateStr;
  to?: DateStr;
}

export interface InvoiceRow {
  number: string;
  client: string;
  project: string | null;
  issuedOn: DateStr;
  dueOn: DateStr;
  amount: number;
  currency: string;
  paid: number;
  conceded: number;
  balance: number;
  status: InvoiceStatus;
  lastPaidOn: DateStr | null;
}

const between = (column: string): string =>
  `(@from IS NULL OR ${column} >= @from) AND (@to IS NULL OR ${column} <= @to)`;
const range = (r: DateRange) => ({ from: r.from ?? null, to: r.to ?? null });

/** The live invoices issued in the range, with their totals (src/db/invoices.ts) and their last payment's date. */
export function invoiceRows(db: DB, r: DateRange): InvoiceRow[] {
  const lastPaid = new Map((db.prepare('SELECT invoice_id AS id, max(paid_on) AS paidOn FROM live_payments GROUP BY invoice_id')
    .all() as { id: number; paidOn: DateStr }[]).map((p) => [p.id, p.paidOn]));
  const { from, to } = range(r);
  return listInvoicesIssued(db, from, to).map((i) => ({
    number: i.number, client: i.clientName, project: i.project, issuedOn: i.issuedOn, dueOn: i.dueOn, amount: i.amount,
    currency: i.currency, paid: i.paid, conceded: i.conceded, balance: i.balance, status: i.status, lastPaidOn: lastPaid.get(i.id) ?? null,
  }));
}

export interface PaymentRow {
  paidOn: DateStr;
  invoice: string;
  client: string;
  amount: number;
  currency: string;
}

export function paymentRows(db: DB, r: DateRange): PaymentRow[] {
  return db.prepare(`
    SELECT p.paid_on AS paidOn, i.number AS invoice, c.name AS client, p.amount, i.currency
    FROM live_payments p JOIN invoices i ON i.id = p.invoice_id JOIN clients c ON c.id = i.client_id
    WHERE ${between('p.paid_on')}
    ORDER BY p.paid_on, i.number, p.id`).all(range(r)) as PaymentRow[];
}

export interface ClientRow {
  id: number;
  name: string;
  company: string | null;
  email: string | null;
  phone: string | null;
  status: string;
  createdOn: DateStr;
}

export function clientRows(db: DB, r: DateRange): ClientRow[] {
  return db.prepare(`
    SELECT id, name, company, email, phone, status, created_on AS createdOn FROM clients
    WHERE ${between('created_on')}
    ORDER BY id`).all(range(r)) as ClientRow[];
}
