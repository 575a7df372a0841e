// Invoices, payments and disputes. An invoice's balance and status are derived here from its
// payments and concessions, never stored, so they cannot drift.
import type { DB } from './store.js';
import type { Invoice, NewInvoice } from '../domain/records.js';
import type { DateStr, DisputeOutcome } from '../domain/types.js';

const SELECT = `
  WITH totals AS (
    SELECT i.id,
      coalesce((SELECT sum(amount) FROM live_payments p WHERE p.invoice_id = i.id), 0) AS paid,
      coalesce((SELECT sum(conceded) FROM live_disputes d WHERE d.invoice_id = i.id), 0) AS conceded,
      (SELECT d.id FROM live_disputes d WHERE d.invoice_id = i.id AND d.resolved_on IS NULL) AS disputeId,
      EXISTS (SELECT 1 FROM live_disputes d WHERE d.invoice_id = i.id AND d.outcome = 'written-off') AS writtenOff
    FROM invoices i
  )
  SELECT i.id, i.number, i.client_id AS clientId, c.name AS clientName, i.project, i.amount, i.currency,
    i.issued_on AS issuedOn, i.due_on AS dueOn, t.paid, t.conceded, i.amount - t.paid - t.conceded AS balance,
    t.disputeId, i.voided_on AS voidedOn,
    CASE WHEN t.writtenOff THEN 'written-off'
         WHEN t.disputeId IS NOT NULL THEN 'disputed'
         WHEN i.amount - t.paid - t.conceded <= 0 THEN 'paid'
         ELSE 'open' END AS status
  FROM invoices i JOIN totals t ON t.id = i.id JOIN clients c ON c.id = i.client_id`;

export interface InvoiceFilter {
  clientId?: number;
  open?: boolean;
  /** Only invoices with a balance whose due date is before this date. */
  overdueBefore?: DateStr;
}

export function listInvoices(db: DB, f: InvoiceFilter = {}): Invoice[] {
  const where: string[] = ['i.voided_on IS NULL'];
  if (f.clientId !== undefined) where.push('i.client_id = @clientId');
  if (f.open) where.push('i.amount - t.paid - t.conceded > 0');
  if (f.overdueBefore) where.push('i.amount - t.paid - t.conceded > 0 AND i.due_on < @overdueBefore');
  const sql = `${SELECT} WHERE ${where.join(' AND ')} ORDER BY i.due_on, i.number`;
  return db.prepare(sql).all({ clientId: f.clientId, overdueBefore: f.overdueBefore }) as Invoice[];
}

/** Live invoices issued from `from` to `to` (both included, either open-ended), by issue date: the accountant's export. */
export function listInvoicesIssued(db: DB, from: DateStr | null, to: DateStr | null): Invoice[] {
  return db.prepare(`${SELECT} WHERE i.voided_on IS NULL AND (@from IS NULL OR i.issued_on >= @from) AND (@to IS NULL OR i.issued_on <= @to)
    ORDER BY i.issued_on, i.number`).all({ from, to }) as Invoice[];
}

/** An invoice by id, voided or not, with its live totals. */
export function getInvoice(db: DB, id: number): Invoice | undefined {
  return db.prepare(`${SELECT} WHERE i.id = ?`).get(id) as Invoice | undefined;
}

/** Every invoice, voided too (with no live totals then), in one statement: for matching a whole file against crm. */
export function listAllInvoices(db: DB): Invoice[] {
  return db.prepare(SELECT).all() as Invoice[];
}

export function getInvoiceByNumber(db: DB, number: string): Invoice | undefined {
  return db.prepare(`${SELECT} WHERE i.number = ? COLLATE NOCASE`).get(number) as Invoice | undefined;
}

export function invoiceNumbers(db: DB, limit = 2000): string[] {
  return (db.prepare('SELECT number FROM invoices ORDER BY id DESC LIMIT ?').all(limit) as { number: string }[]).map(
    (r) => r.number,
  );
}

/**
 * The currency of each of a client's live invoices, the latest first (by issue date, then the
 * later recorded): what `invoice add` without --currency goes by.
 */
export function invoiceCurrenciesOf(db: DB, clientId: number): string[] {
  return (db.prepare('SELECT currency FROM live_invoices WHERE client_id = ? ORDER BY issued_on DESC, id DESC').all(clientId) as
    { currency: string }[]).map((r) => r.currency);
}

/** The next free number in the INV-0001 sequence. Numbers are unique regardless of case, so inv-0007 counts too. */
export function nextInvoiceNumber(db: DB): string {
  const row = db
    .prepare(`SELECT max(CAST(substr(number, 5) AS INTEGER)) AS n FROM invoices WHERE upper(number) GLOB 'INV-[0-9]*'`)
    .get() as { n: number | null };
  return `INV-${String((row.n ?? 0) + 1).padStart(4, '0')}`;
}

/** Insert an invoice and read it back by its rowid (not by number: that lookup is a search). */
export function insertInvoice(db: DB, inv: NewInvoice): Invoice {
  const { lastInsertRowid } = db.prepare(
    `INSERT INTO invoices (number, client_id, project, amount, currency, issued_on, due_on)
     VALUES (@number, @clientId, @project, @amount, @currency, @issuedOn, @dueOn)`,
  ).run(inv);
  return getInvoice(db, Number(lastInsertRowid)) as Invoice;
}

export function insertPayment(db: DB, invoiceId: number, amount: number, paidOn: DateStr): number {
  return Number(
    db.prepare('INSERT INTO payments (invoice_id, amount, paid_on) VALUES (?, ?, ?)').run(invoiceId, amount, paidOn)
      .lastInsertRowid,
  );
}

export function insertDispute(db: DB, invoiceId: number, reason: string, openedOn: DateStr): number {
  return Number(
    db.prepare('INSERT INTO disputes (invoice_id, reason, opened_on) VALUES (?, ?, ?)').run(invoiceId, reason, openedOn)
      .lastInsertRowid,
  );
}

export function resolveDispute(db: DB, disputeId: number, outcome: DisputeOutcome, conceded: number, on: DateStr): void {
  db.prepare('UPDATE disputes SET outcome = ?, conceded = ?, resolved_on = ? WHERE id = ? AND resolved_on IS NULL').run(
    outcome,
    conceded,
    on,
    disputeId,
  );
}

export function getDispute(db: DB, id: number): { id: number; openedOn: DateStr; reason: string } | undefined {
  return db.prepare('SELECT id, opened_on AS openedOn, reason FROM disputes WHERE id = ?').get(id) as
    | { id: number; openedOn: DateStr; reason: string }
    | undefined;
}
