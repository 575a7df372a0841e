// The rows of the accountant's CSV: live invoices with their totals, live payments, clients.
// Voided records are left out (an accountant wants what stands). Amounts stay minor units here.
import type { DB } from './store.js';
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

export function invoiceRows(db: DB, r: DateRange): InvoiceRow[] {
  return db.prepare(`
    WITH t AS (
      SELECT i.id,
        coalesce((SELECT sum(amount) FROM live_payments p WHERE p.invoice_id = i.id), 0) AS paid,
        (SELECT max(paid_on) FROM live_payments p WHERE p.invoice_id = i.id) AS lastPaidOn,
        coalesce((SELECT sum(conceded) FROM live_disputes d WHERE d.invoice_id = i.id), 0) AS conceded,
        EXISTS (SELECT 1 FROM live_disputes d WHERE d.invoice_id = i.id AND d.resolved_on IS NULL) AS disputed,
        EXISTS (SELECT 1 FROM live_disputes d WHERE d.invoice_id = i.id AND d.outcome = 'written-off') AS writtenOff
      FROM live_invoices i
    )
    SELECT i.number, c.name AS client, i.project, i.issued_on AS issuedOn, i.due_on AS dueOn, i.amount, i.currency,
      t.paid, t.conceded, i.amount - t.paid - t.conceded AS balance, t.lastPaidOn,
      CASE WHEN t.writtenOff THEN 'written-off' WHEN t.disputed THEN 'disputed'
           WHEN i.amount - t.paid - t.conceded <= 0 THEN 'paid' ELSE 'open' END AS status
    FROM live_invoices i JOIN t ON t.id = i.id JOIN clients c ON c.id = i.client_id
    WHERE ${between('i.issued_on')}
    ORDER BY i.issued_on, i.number`).all(range(r)) as InvoiceRow[];
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
