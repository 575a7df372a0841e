// Invoices, payments and disputes. An invoice's balance and status are derived here from its
// payments and concessions, never stored, so they cannot drift.
import type { DB } from './store.js';
import type { Invoice, NewInvoice } from '../domain/records.js';
import type { DateStr, DisputeOutcome } from '../domain/types.js';

/**
 * The invoices `scope` (a condition on `invoices i`) selects, with their live totals, each table
 * read once per query: the scoped invoices with their payments summed through the payments'
 * invoice_id index, joined to their disputes' totals (grouped over the scoped invoices when
 * `narrow`, else over every dispute — disputes are few). No sub-query runs per invoice per use.
 * What counts is what the live_ views let through, spelled out on the base tables: a payment or
 * dispute not voided, of an invoice not voided. An open dispute is the lowest-numbered one still
 * open (crm never opens two at once). The outer query sees the totals as `t`.
 */
const select = (scope: string, narrow = false): string => `
  WITH paid AS (
    SELECT i.id, i.voided_on, coalesce(sum(p.amount), 0) AS paid
    FROM invoices i LEFT JOIN payments p ON p.invoice_id = i.id AND p.voided_on IS NULL AND i.voided_on IS NULL
    WHERE ${scope} GROUP BY i.id),
  disputed AS (
    SELECT invoice_id, sum(conceded) AS conceded, min(CASE WHEN resolved_on IS NULL THEN id END) AS disputeId,
      max(outcome = 'written-off') AS writtenOff
    FROM disputes WHERE voided_on IS NULL${narrow ? ` AND invoice_id IN (SELECT i.id FROM invoices i WHERE ${scope})` : ''}
    GROUP BY invoice_id),
  totals AS (
    SELECT t.id, t.paid, coalesce(d.conceded, 0) AS conceded, d.disputeId, coalesce(d.writtenOff, 0) AS writtenOff
    FROM paid t LEFT JOIN disputed d ON d.invoice_id = t.id AND t.voided_on IS NULL)
  SELECT i.id, i.number, i.client_id AS clientId, c.name AS clientName, i.project, i.amount, i.currency,
    i.issued_on AS issuedOn, i.due_on AS dueOn, t.paid, t.conceded, i.amount - t.paid - t.conceded AS balance,
    t.disputeId, i.voided_on AS voidedOn,
    CASE WHEN t.writtenOff THEN 'written-off'
         WHEN t.disputeId IS NOT NULL THEN 'disputed'
         WHEN i.amount - t.paid - t.conceded <= 0 THEN 'paid'
         ELSE 'open' END AS status
  FROM totals t JOIN invoices i ON i.id = t.id JOIN clients c ON c.id = i.client_id`;

export interface InvoiceFilter {
  clientId?: number;
  open?: boolean;
  /** Only invoices with a balance whose due date is before this date. */
  overdueBefore?: DateStr;
}

export function listInvoices(db: DB, f: InvoiceFilter = {}): Invoice[] {
  const scope: string[] = ['i.voided_on IS NULL'];
  if (f.clientId !== undefined) scope.push('i.client_id = @clientId');
  // Unary +: not through invoices_due. "Due before the horizon" is nearly every invoice, which a
  // scan reads faster than the index's lookups one by one.
  if (f.overdueBefore) scope.push('+i.due_on < @overdueBefore');
  const owed = f.open || f.overdueBefore ? ' WHERE i.amount - t.paid - t.conceded > 0' : '';
  const sql = `${select(scope.join(' AND '), f.clientId !== undefined)}${owed} ORDER BY i.due_on, i.number`;
  return db.prepare(sql).all({ clientId: f.clientId, overdueBefore: f.overdueBefore }) as Invoice[];
}

/** Live invoices issued from `from` to `to` (both included, either open-ended), by issue date: the accountant's export. */
export function listInvoicesIssued(db: DB, from: DateStr | null, to: DateStr | null): Invoice[] {
  return db.prepare(`${select('i.voided_on IS NULL AND (@from IS NULL OR i.issued_on >= @from) AND (@to IS NULL OR i.issued_on <= @to)')}
    ORDER BY i.issued_on, i.number`).all({ from, to }) as Invoice[];
}

/** An invoice by id, voided or not, with its live totals. */
export function getInvoice(db: DB, id: number): Invoice | undefined {
  return db.prepare(select('i.id = @id', true)).get({ id }) as Invoice | undefined;
}

/** Every invoice, voided too (with no live totals then), in one statement: for matching a whole file against crm. */
export function listAllInvoices(db: DB): Invoice[] {
  return db.prepare(`${select('1')} ORDER BY i.id`).all() as Invoice[];
}

export function getInvoiceByNumber(db: DB, number: string): Invoice | undefined {
  return db.prepare(select('i.number = @number COLLATE NOCASE', true)).get({ number }) as Invoice | undefined;
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
