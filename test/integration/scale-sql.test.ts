// The database layer at scale (issue #13): the invoice balances are aggregated once per query with
// the same results as the per-invoice sub-queries they replace; invoice numbers are found through a
// case-insensitive index; an inserted invoice is read back by rowid; a `<client>` is found through
// the name_key index with resolveClient's answers and messages. No timings here (the bench measures
// them): these check results and query plans.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { ROOT, crmJson, seed, snapshot, tempDb } from '../helpers/cli.js';
import { withDb } from '../reliability/harness.js';
import { getInvoice, getInvoiceByNumber, insertInvoice, listAllInvoices, listInvoices, listInvoicesIssued } from '../../src/db/invoices.js';
import { insertClient, lastContacts, listClients } from '../../src/db/clients.js';
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

/**
 * Forget the statistics crm gathered on this tiny database, so the planner plans as for a large
 * one (with statistics of ten rows it rightly prefers to scan them).
 */
const noStats = (file: string): void =>
  withDb(file, (d) => void (d.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'sqlite_stat1'").get() && d.prepare('DELETE FROM sqlite_stat1').run()));

/** Every step of a statement's query plan. */
const plan = (db: Database.Database, sql: string, ...params: unknown[]): string[] =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);

/** A plan step reading a whole table of the ledger (by its name or the aliases the queries give it). */
const SCAN_INVOICES = /^SCAN (i|p|d|invoices|payments|disputes)( |$)/;

/** The SQL of every statement `fn` prepares on `db`. */
function prepared(db: Database.Database, fn: () => void): string[] {
  const seen: string[] = [];
  const original = db.prepare.bind(db);
  const spy: typeof db.prepare = (sql) => {
    seen.push(sql);
    return original(sql);
  };
  db.prepare = spy;
  try {
    fn();
  } finally {
    db.prepare = original;
  }
  return seen;
}

describe('invoice balances: aggregated once, the same numbers as before', () => {
  let db: string;
  beforeAll(async () => {
    db = tempDb();
    await seed(db, [
      ['client', 'add', 'Acme Corp'],
      ['client', 'add', 'Globex'],
      // INV-0001: partial payments, one voided.
      ['invoice', 'add', 'acme', '--amount', '1000', '--currency', 'EUR', '--issued', '2026-09-01', '--due', '2026-10-01'],
      ['invoice', 'pay', 'INV-0001', '--amount', '200', '--on', '2026-09-10'],
      ['invoice', 'pay', 'INV-0001', '--amount', '300', '--on', '2026-09-20'],
      ['void', 'payment:2', '--reason', 'bounced'],
      // INV-0002: disputed, resolved with a concession, then paid in part.
      ['invoice', 'add', 'acme', '--amount', '800', '--currency', 'EUR', '--issued', '2026-09-05', '--due', '2026-10-05'],
      ['invoice', 'dispute', 'INV-0002', '--reason', 'too much', '--on', '2026-10-01'],
      ['invoice', 'resolve', 'INV-0002', '--outcome', 'discounted', '--conceded', '100', '--on', '2026-10-03'],
      ['invoice', 'pay', 'INV-0002', '--amount', '50', '--on', '2026-10-04'],
      // INV-0003: an open dispute.
      ['invoice', 'add', 'globex', '--amount', '500', '--currency', 'USD', '--issued', '2026-10-01', '--due', '2026-10-31'],
      ['invoice', 'dispute', 'INV-0003', '--reason', 'not delivered', '--on', '2026-11-01'],
      // INV-0004: written off.
      ['invoice', 'add', 'globex', '--amount', '700', '--currency', 'USD', '--issued', '2026-08-01', '--due', '2026-08-31'],
      ['invoice', 'dispute', 'INV-0004', '--reason', 'gone', '--on', '2026-09-15'],
      ['invoice', 'resolve', 'INV-0004', '--outcome', 'written-off', '--on', '2026-09-30'],
      // INV-0005: paid in full and disputed, then voided below (its payment and dispute count nowhere).
      ['invoice', 'add', 'acme', '--amount', '300', '--currency', 'EUR', '--issued', '2026-10-10', '--due', '2026-11-10'],
      ['invoice', 'pay', 'INV-0005', '--amount', '100', '--on', '2026-10-20'],
      ['invoice', 'dispute', 'INV-0005', '--reason', 'wrong client', '--on', '2026-10-21'],
      // INV-0006: paid in full; INV-0007: untouched, due later; inv-0008 in lower case.
      ['invoice', 'add', 'globex', '--amount', '400', '--currency', 'USD', '--issued', '2026-10-15', '--due', '2026-11-15'],
      ['invoice', 'pay', 'INV-0006', '--on', '2026-11-01'],
      ['invoice', 'add', 'acme', '--amount', '900', '--currency', 'EUR', '--issued', '2026-11-20', '--due', '2026-12-20'],
      ['invoice', 'add', 'globex', '--amount', '100', '--currency', 'USD', '--number', 'inv-x8', '--issued', '2026-11-01', '--due', '2026-11-21'],
    ]);
    // What crm itself refuses to make, but the SQL must still count as the live_ views do: an
    // invoice voided under its live payment and dispute, and a second open dispute.
    withDb(db, (d) => {
      d.prepare("UPDATE invoices SET voided_on = '2026-11-22', void_reason = 'sent twice' WHERE number = 'INV-0005'").run();
      d.prepare("INSERT INTO disputes (invoice_id, reason, opened_on) VALUES (3, 'again', '2026-11-02')").run();
      d.prepare("INSERT INTO disputes (invoice_id, reason, opened_on, voided_on) VALUES (6, 'voided', '2026-11-02', '2026-11-03')").run();
    });
  });

  it('every list and lookup equals the per-invoice sub-queries', () => {
    withDb(db, (d) => {
      const live = 'i.voided_on IS NULL';
      const owed = 'i.amount - t.paid - t.conceded > 0';
      expect(listInvoices(d)).toEqual(oracle(d, live));
      expect(listInvoices(d, { open: true })).toEqual(oracle(d, `${live} AND ${owed}`));
      expect(listInvoices(d, { clientId: 1 })).toEqual(oracle(d, `${live} AND i.client_id = 1`));
      expect(listInvoices(d, { clientId: 2, open: true })).toEqual(oracle(d, `${live} AND i.client_id = 2 AND ${owed}`));
      for (const before of ['2026-10-02', '2026-11-22', '2026-12-31']) {
        expect(listInvoices(d, { overdueBefore: before })).toEqual(oracle(d, `${live} AND ${owed} AND i.due_on < @before`, undefined, { before }));
      }
      expect(listInvoicesIssued(d, '2026-09-03', null)).toEqual(oracle(d, `${live} AND i.issued_on >= '2026-09-03'`, 'ORDER BY i.issued_on, i.number'));
      expect(listInvoicesIssued(d, null, null)).toEqual(oracle(d, live, 'ORDER BY i.issued_on, i.number'));
      expect(listAllInvoices(d)).toEqual(oracle(d, '1', 'ORDER BY i.id'));
      for (let id = 1; id <= 9; id++) expect(getInvoice(d, id)).toEqual(oracle(d, `i.id = ${id}`)[0]);
      expect(getInvoiceByNumber(d, 'INV-X8')).toEqual(oracle(d, "i.number = 'inv-x8'")[0]);
      // The fixture covers what it claims to: every status, a voided payment, a voided invoice.
      expect(new Set(listAllInvoices(d).map((i) => i.status))).toEqual(new Set(['open', 'paid', 'disputed', 'written-off']));
      expect(getInvoice(d, 1)).toMatchObject({ paid: 20000, balance: 80000 });
      expect(getInvoice(d, 2)).toMatchObject({ paid: 5000, conceded: 10000, balance: 65000 });
      expect(getInvoice(d, 5)).toMatchObject({ paid: 0, disputeId: null, voidedOn: '2026-11-22' });
      expect(getInvoice(d, 3)).toMatchObject({ disputeId: 2, status: 'disputed' });
      expect(getInvoice(d, 6)).toMatchObject({ disputeId: null, status: 'paid' });
    });
  });

  it('a lookup by id reads only that invoice’s payments and disputes, through their indexes', () => {
    noStats(db);
    withDb(db, (d) => {
      const steps = prepared(d, () => getInvoice(d, 1)).flatMap((sql) => plan(d, sql, { id: 1 }));
      expect(steps.filter((s) => SCAN_INVOICES.test(s))).toEqual([]);
    });
  });
});

describe('invoice numbers: found regardless of case through an index', () => {
  it('getInvoiceByNumber and reference lookups search the case-insensitive index, never scan', async () => {
    const db = tempDb();
    await seed(db, [['client', 'add', 'Acme'], ['invoice', 'add', 'acme', '--amount', '10']]);
    noStats(db);
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

describe('findClient: the name_key index, with resolveClient over every client as the oracle', () => {
  const NAMES = ['Acme Corp', 'Acme Labs', 'Café Zoë', 'Zoe', 'Søren Kierkegaard', 'Globex', '42', 'Initech', 'initial D', 'Łódź Works'];
  let db: string;
  beforeAll(async () => {
    db = tempDb();
    await seed(db, NAMES.map((n) => ['client', 'add', n]));
    await seed(db, [['client', 'fire', 'Globex', '--reason', 'rude'], ['client', 'archive', 'Initech']]);
  });

  const REFS = [
    'Acme Corp', 'ACME CORP', '  acme   corp ', 'acme', 'acme c', 'Acme L', 'a', 'café', 'CAFÉ ZOË', 'cafe', 'cafe zoe', 'zoe', 'Zo',
    'z', 'soren', 'Søren', 'lodz', 'łódź', 'globex', 'glob', 'Initech', 'init', 'initi', 'initial', '42', '4', '1', '3', '7', '11',
    '007', '99999999999999999999', 'nobody', 'acme corpp', 'Globx', '', '   ', '\u0301', 'e\u0301', 'Cafe\u0301', 'caf', 'ſ',
  ];

  const outcome = (fn: () => { id: number }) => {
    try {
      return { client: fn() };
    } catch (e) {
      return { error: `${(e as Error).constructor.name}: ${(e as Error).message}` };
    }
  };

  it.each(REFS)('%j resolves as resolveClient(listClients) does', (ref) => {
    withDb(db, (d) => {
      expect(outcome(() => findClient(d, ref))).toEqual(outcome(() => resolveClient(ref, listClients(d))));
    });
  });

  it('an exact name, an id and a unique prefix are answered without reading every client', () => {
    noStats(db);
    withDb(db, (d) => {
      for (const ref of ['acme corp', '7', 'acme l', 'søren k']) {
        const sqls = prepared(d, () => findClient(d, ref));
        expect(sqls.some((s) => /FROM clients\s+ORDER BY/.test(s))).toBe(false);
        const steps = sqls.flatMap((sql) => plan(d, sql, ...(sql.includes('?') ? [nameKey(ref)] : [])));
        expect(steps.filter((s) => s.startsWith('SCAN'))).toEqual([]);
      }
    });
  });

  it('no clients at all: the same hint', () => {
    const store = openStore(tempDb(), { write: true });
    try {
      for (const ref of ['zzz', '1', 'a']) {
        expect(outcome(() => findClient(store.db, ref))).toEqual(outcome(() => resolveClient(ref, listClients(store.db))));
      }
      expect(outcome(() => findClient(store.db, 'zzz')).error).toMatch(/there are no clients yet/);
    } finally {
      store.close();
    }
  });
});

describe('statistics for the query planner (PRAGMA optimize)', () => {
  const stats = (file: string): { tbl: string }[] =>
    withDb(file, (d) => (d.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'sqlite_stat1'").get() ? d.prepare('SELECT tbl FROM sqlite_stat1 ORDER BY tbl, idx').all() as { tbl: string }[] : []));

  it('a run that wrote leaves statistics for the tables it queried; a run that only read writes nothing', async () => {
    const db = tempDb();
    await seed(db, [['client', 'add', 'Acme']]);
    expect(stats(db).map((s) => s.tbl)).not.toContain('interactions');
    await seed(db, [['client', 'add', 'Globex'], ['log', 'acme', '--summary', 'call', '--no-recap']]);
    expect(stats(db).map((s) => s.tbl)).toContain('interactions');
    withDb(db, (d) => d.prepare('DELETE FROM sqlite_stat1').run());
    const before = snapshot(db);
    const reader = openStore(db, { write: false });
    findClient(reader.db, 'acme');
    listInvoices(reader.db);
    reader.close();
    expect(stats(db)).toEqual([]);
    expect(snapshot(db)).toEqual(before);
  });

  it('a migrated database gets statistics for every table with rows, once', () => {
    const file = tempDb();
    fs.copyFileSync(path.join(ROOT, 'test', 'fixtures', 'v1.db'), file);
    fs.chmodSync(file, 0o600);
    openStore(file, { write: true }).close();
    const tables = new Set(stats(file).map((s) => s.tbl));
    expect(tables.has('clients') && tables.has('interactions') && tables.has('invoices')).toBe(true);
  });

  it('never waits for, nor fails because of, another writer; the lock wait is kept for later statements', () => {
    const db = tempDb();
    const store = openStore(db, { write: true, busyTimeoutMs: 4321 });
    store.write((d) => insertClient(d, { name: 'Acme', nameKey: 'acme', email: null, phone: null, company: null, channel: null, cadenceDays: 14, timezone: null, note: null }, '2026-01-01'));
    const other = new Database(db);
    try {
      other.prepare('BEGIN IMMEDIATE').run();
      const d = store.db;
      expect(() => store.close()).not.toThrow();
      expect(d.open).toBe(false);
    } finally {
      other.prepare('ROLLBACK').run();
      other.close();
    }
    const again = openStore(db, { write: true, busyTimeoutMs: 4321 });
    try {
      again.write((d) => findClient(d, 'acme'));
      expect(again.db.pragma('busy_timeout', { simple: true })).toBe(4321);
    } finally {
      again.close();
    }
  });
});

describe('last contacts (client list): one index step per client, not every interaction', () => {
  it('gives what grouping every live interaction gives, and never scans the interactions', async () => {
    const db = tempDb();
    await seed(db, [
      ['client', 'add', 'Acme'], ['client', 'add', 'Beta'], ['client', 'add', 'Quiet'],
      ['log', 'acme', '--summary', 'first', '--at', '2026-11-01', '--no-recap'],
      ['log', 'acme', '--summary', 'latest', '--at', '2026-11-10', '--no-recap'],
      ['log', 'beta', '--summary', 'call', '--at', '2026-11-05', '--no-recap'],
      ['log', 'beta', '--summary', 'voided later', '--at', '2026-11-20', '--no-recap'],
    ]);
    withDb(db, (d) => {
      const latest = d.prepare("SELECT id FROM interactions WHERE summary = 'voided later'").get() as { id: number };
      d.prepare("UPDATE interactions SET voided_on = '2026-11-21', void_reason = 'wrong client' WHERE id = ?").run(latest.id);
    });
    noStats(db);
    withDb(db, (d) => {
      const grouped = d.prepare('SELECT client_id AS id, max(at) AS at FROM live_interactions GROUP BY client_id').all() as { id: number; at: string }[];
      const got = lastContacts(d);
      expect(new Map(grouped.map((r) => [r.id, r.at]))).toEqual(got);
      expect(got.size).toBe(2);
      const steps = prepared(d, () => lastContacts(d)).flatMap((sql) => plan(d, sql));
      expect(steps.filter((s) => /^SCAN (i|interactions)( |$)/.test(s))).toEqual([]);
      expect(steps.some((s) => /SEARCH (i|interactions) USING .*INDEX interactions_live_client_at \(client_id=\?\)/.test(s))).toBe(true);
    });
  });
});
