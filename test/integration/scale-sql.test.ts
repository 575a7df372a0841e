// The database layer at scale (issue #13): the invoice balances are aggregated once per query with
// the same results as the per-invoice sub-queries they replace; invoice numbers are found through a
// case-insensitive index; an inserted invoice is read back by rowid; a `<client>` is found through
// the name_key index with resolveClient's answers and messages. No timings here (the bench measures
// them): these check results and query plans.
import { beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { crmJson, seed, tempDb } from '../helpers/cli.js';
import { withDb } from '../reliability/harness.js';
import { getInvoice, getInvoiceByNumber, insertInvoice, listAllInvoices, listInvoices, listInvoicesIssued } from '../../src/db/invoices.js';
import { insertClient, listClients } from '../../src/db/clients.js';
import { openStore } from '../../src/db/store.js';
import { findClient } from '../../src/cli/shared.js';
import { nameKey, resolveClient } from '../../src/domain/names.js';

/** The balance SQL before issue #13, kept as the oracle: correlated sub-queries per invoice. */
const ORACLE = `
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

const oracle = (db: Database.Database, where: string, order = 'ORDER BY i.due_on, i.number', params: Record<string, unknown> = {}) =>
  db.prepare(`${ORACLE} WHERE ${where} ${order}`).all(params);

/** Every step of a statement's query plan. */
const plan = (db: Database.Database, sql: string, ...params: unknown[]): string[] =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);

/** A plan step reading a whole table of the ledger (by its name or the aliases the queries give it). */
const SCAN_INVOICES = /^SCAN (i|p|d|invoices|payments|disputes)( |$)/;

/** The SQL of every statement `fn` prepares on `db`. */
function prepared(db: Database.Database, fn: () => void): string[] {
  const seen: string[] = [];
  const original = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    seen.push(sql);
    return original(sql);
  }) as typeof db.prepare;
  try {
    fn();
  } finally {
    db.prepare = original as typeof db.prepare;
  }
  return seen;
}

describe('invoice numbers: found regardless of case through an index', () => {
  it('getInvoiceByNumber and reference lookups search the case-insensitive index, never scan', async () => {
    const db = tempDb();
    await seed(db, [['client', 'add', 'Acme'], ['invoice', 'add', 'acme', '--amount', '10']]);
    withDb(db, (d) => {
      const steps = prepared(d, () => getInvoiceByNumber(d, 'inv-0001')).flatMap((sql) => plan(d, sql, { number: 'inv-0001' }));
      expect(steps).toContain('SEARCH i USING INDEX invoices_number_nocase (number=?)');
      expect(steps.filter((s) => SCAN_INVOICES.test(s))).toEqual([]);
      expect(plan(d, 'SELECT id FROM invoices WHERE number = ? COLLATE NOCASE', 'x')).toEqual(['SEARCH invoices USING COVERING INDEX invoices_number_nocase (number=?)']);
      expect(getInvoiceByNumber(d, 'inv-0001')?.number).toBe('INV-0001');
    });
  });

  it('the migration that adds it is listed by crm db status', async () => {
    const db = tempDb();
    await seed(db, [['client', 'add', 'Acme']]);
    const status = await crmJson<{ migrations: { name: string }[] }>(['db', 'status'], { db });
    expect(status.migrations.map((m) => m.name)).toContain('scale-indexes');
    withDb(db, (d) => expect(d.prepare("SELECT name FROM sqlite_schema WHERE name = 'invoices_number_nocase'").get()).toBeDefined());
  });

  it('an inserted invoice is read back by its rowid, not searched for by number', () => {
    const store = openStore(tempDb(), { write: true });
    try {
      const inv = store.write((d) => {
        const c = insertClient(d, { name: 'Acme', nameKey: 'acme', email: null, phone: null, company: null, channel: null, cadenceDays: 14, timezone: null, note: null }, '2026-01-01');
        let made;
        const sqls = prepared(d, () => {
          made = insertInvoice(d, { number: 'INV-0001', clientId: c.id, project: null, amount: 100, currency: 'EUR', issuedOn: '2026-01-01', dueOn: '2026-01-31' });
        });
        expect(sqls.filter((s) => /number = @number|number = \?/.test(s))).toEqual([]);
        return made;
      });
      expect(inv).toMatchObject({ id: 1, number: 'INV-0001', balance: 100, status: 'open' });
    } finally {
      store.close();
    }
  });
});

