// The ledger's machinery (migration 4): every write a command makes is journaled in the same
// transaction, with complete before-images, and a write that fails or changes nothing leaves no entry.
import { describe, expect, test } from 'vitest';
import { withDb } from '../reliability/harness.js';
import { crm, seed, tempDb } from '../helpers/cli.js';
import { openStore } from '../../src/db/store.js';
import { JOURNAL_KEEP } from '../../src/db/journal.js';

const entries = (file: string) =>
  withDb(file, (db) => db.prepare('SELECT id, command, at, kind, open FROM journal ORDER BY id').all() as
    { id: number; command: string; at: string; kind: string; open: number }[]);

describe('the undo journal', () => {
  test('one entry per write command, named by the command line, closed, dated by CRM_NOW', async () => {
    const db = tempDb();
    await seed(db, [
      ['client', 'add', 'Acme Corp'],
      ['invoice', 'add', 'acme', '--amount', '1200', '--currency', 'EUR', '--number', 'INV-1'],
      ['invoice', 'pay', 'INV-1', '--amount', '500'],
    ]);
    expect(entries(db).map((e) => [e.command, e.kind, e.open, e.at])).toEqual([
      ['crm client add \'Acme Corp\'', 'command', 0, '2026-11-22T10:00:00.000Z'],
      ['crm invoice add acme --amount 1200 --currency EUR --number INV-1', 'command', 0, '2026-11-22T10:00:00.000Z'],
      ['crm invoice pay INV-1 --amount 500', 'command', 0, '2026-11-22T10:00:00.000Z'],
    ]);
    const changes = withDb(db, (h) => h.prepare('SELECT entry_id AS e, tbl, op FROM journal_changes ORDER BY id').all());
    const [a, b, c] = entries(db).map((e) => e.id);
    expect(changes).toEqual([
      { e: a, tbl: 'clients', op: 'insert' },
      { e: b, tbl: 'invoices', op: 'insert' },
      { e: c, tbl: 'payments', op: 'insert' },
    ]);
  });

  test('a refused write (exit 2), a read, and a write that changes no row leave no entry', async () => {
    const db = tempDb();
    await seed(db, [['client', 'add', 'Acme'], ['remind', 'add', 'acme', '--on', 'today', '--text', 'call']]);
    const before = entries(db);
    expect((await crm(['invoice', 'add', 'acme', '--amount', '-5'], { db })).code).toBe(2);
    expect((await crm(['invoice', 'pay', 'NOPE'], { db })).code).toBe(2);
    expect((await crm(['due'], { db })).code).toBe(0);
    expect(entries(db)).toEqual(before);
    const store = openStore(db, { write: true, journal: () => ({ command: 'crm test', at: '2026-11-22T10:00:00.000Z' }) });
    try {
      store.write((h) => h.prepare("UPDATE reminders SET done_on = '2026-11-22' WHERE id = -1").run());
    } finally {
      store.close();
    }
    expect(entries(db)).toEqual(before);
  });

  test('every journaled table keeps complete before-images: each column of the table, by name', () => {
    const db = tempDb();
    const store = openStore(db, { write: true, journal: () => ({ command: 'crm test', at: '2026-11-22T10:00:00.000Z' }) });
    try {
      const h = store.db;
      const tables = (h.prepare("SELECT tbl_name AS t FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'journal\\_%\\_update' ESCAPE '\\'").all() as { t: string }[]).map((r) => r.t);
      expect(tables.sort()).toEqual(['change_requests', 'client_status_changes', 'clients', 'corrections', 'deliveries', 'disputes',
        'incidents', 'interactions', 'invoices', 'payments', 'referrals', 'reminders']);
      for (const t of tables) {
        const columns = (h.prepare(`PRAGMA table_info(${t})`).all() as { name: string }[]).map((c) => c.name);
        const trigger = (h.prepare("SELECT sql FROM sqlite_schema WHERE name = ?").get(`journal_${t}_update`) as { sql: string }).sql;
        const imaged = [...trigger.slice(trigger.indexOf('json_object(')).matchAll(/'([a-z_]+)', OLD\.([a-z_]+)/g)].map((m) => m[1]);
        expect(imaged, t).toEqual(columns);
      }
    } finally {
      store.close();
    }
  });

  test(`bounded: only the last ${JOURNAL_KEEP} write commands are kept`, () => {
    const db = tempDb();
    let n = 0;
    const store = openStore(db, { write: true, journal: () => ({ command: `crm test ${++n}`, at: '2026-11-22T10:00:00.000Z' }) });
    try {
      for (let i = 0; i < JOURNAL_KEEP + 7; i++) {
        store.write((h) => h.prepare("INSERT INTO clients (name, name_key, cadence_days, created_on) VALUES (?, ?, 14, '2026-11-22')").run(`C${i}`, `c${i}`));
      }
      const kept = store.db.prepare('SELECT command FROM journal ORDER BY id').pluck().all() as string[];
      expect(kept.length).toBe(JOURNAL_KEEP);
      expect(kept[0]).toBe('crm test 8');
      expect(store.db.prepare('SELECT count(DISTINCT entry_id) FROM journal_changes').pluck().get()).toBe(JOURNAL_KEEP);
    } finally {
      store.close();
    }
  });

  test('a write that throws leaves neither its change nor an open entry', () => {
    const db = tempDb();
    const store = openStore(db, { write: true, journal: () => ({ command: 'crm test', at: '2026-11-22T10:00:00.000Z' }) });
    try {
      expect(() =>
        store.write((h) => {
          h.prepare("INSERT INTO clients (name, name_key, cadence_days, created_on) VALUES ('A', 'a', 14, '2026-11-22')").run();
          throw new Error('boom');
        }),
      ).toThrow('boom');
      expect(store.db.prepare('SELECT count(*) FROM journal').pluck().get()).toBe(0);
      expect(store.db.prepare('SELECT count(*) FROM clients').pluck().get()).toBe(0);
    } finally {
      store.close();
    }
  });
});

describe('the search index', () => {
  test('a dispute leaves the index with its voided invoice and comes back when the invoice is unvoided', async () => {
    const db = tempDb();
    await seed(db, [
      ['client', 'add', 'Acme'],
      ['invoice', 'add', 'acme', '--amount', '100', '--number', 'INV-1', '--issued', '2026-10-01'],
      ['invoice', 'dispute', 'INV-1', '--reason', 'haggling over the kerning'],
    ]);
    const indexed = () => withDb(db, (h) => h.prepare("SELECT type, record_id FROM search_index WHERE search_index MATCH 'kerning'").all());
    expect(indexed()).toEqual([{ type: 'dispute', record_id: 1 }]);
    expect((await crm(['void', 'invoice:INV-1', '--reason', 'sent by mistake'], { db })).code).toBe(0);
    expect(indexed()).toEqual([]);
    // Editing the dispute's own row while its invoice is void does not bring it back either.
    withDb(db, (h) => h.prepare("UPDATE disputes SET reason = 'haggling over the kerning again'").run());
    expect(indexed()).toEqual([]);
    expect((await crm(['unvoid', 'invoice:INV-1'], { db })).code).toBe(0);
    expect(indexed()).toEqual([{ type: 'dispute', record_id: 1 }]);
  });
});
