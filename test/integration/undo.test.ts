// crm undo / crm redo / crm undo --forget, in-process against a temp database: each story checks
// what the user sees afterwards (balances, reminders, clients, statuses), not only the journal.
import fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import { crm, crmJson, seed, tempDb } from '../helpers/cli.js';
import { dump, withDb, count } from '../reliability/harness.js';
import { JOURNAL_KEEP } from '../../src/db/journal.js';
import { openStore } from '../../src/db/store.js';

/** The balance of an invoice as `invoice list --json` shows it. */
async function balance(db: string, number: string): Promise<number | undefined> {
  const list = await crmJson<{ number: string; balance: { amount: number } }[]>(['invoice', 'list'], { db });
  return list.find((i) => i.number === number)?.balance.amount;
}

/** Output read in UTC, so the times it prints are the same whatever zone the suite runs in. */
async function ok(args: string[], db: string): Promise<string> {
  const r = await crm(args, { db, env: { TZ: 'UTC' } });
  expect(r.code, `crm ${args.join(' ')}: ${r.stderr}`).toBe(0);
  expect(r.stderr).toBe('');
  return r.stdout;
}

/** Every record table, the journal and clients' revision left out: what undo + redo must give back. */
function records(db: string): string {
  return withDb(db, (h) => {
    const tables = ['interactions', 'invoices', 'payments', 'disputes', 'change_requests', 'incidents', 'referrals',
      'deliveries', 'reminders', 'client_status_changes', 'corrections'];
    const out: Record<string, unknown> = Object.fromEntries(tables.map((t) => [t, h.prepare(`SELECT * FROM ${t} ORDER BY id`).all()]));
    out.clients = h.prepare('SELECT * FROM clients ORDER BY id').all().map((c) => ({ ...(c as object), revision: undefined }));
    return JSON.stringify(out);
  });
}

const base = [
  ['client', 'add', 'Acme Corp'],
  ['invoice', 'add', 'acme', '--amount', '1,200', '--currency', 'EUR', '--number', 'INV-0007'],
];

describe('crm undo: what the user sees afterwards', () => {
  test('after invoice pay: the balance is back, and it says what it removed and what the balance is now', async () => {
    const db = tempDb();
    await seed(db, [...base, ['invoice', 'pay', 'INV-0007', '--amount', '500']]);
    expect(await balance(db, 'INV-0007')).toBe(70000);
    const out = await ok(['undo'], db);
    expect(out).toBe([
      'Undid: crm invoice pay INV-0007 --amount 500 (2026-11-22 10:00)',
      '  removed payment:1',
      'INV-0007: 1,200.00 EUR to pay.',
      '',
    ].join('\n'));
    expect(await balance(db, 'INV-0007')).toBe(120000);
    expect(withDb(db, (h) => count(h, 'SELECT count(*) AS n FROM payments'))).toBe(0);
  });

  test('after crm log --follow-up: the interaction and its reminder are both gone', async () => {
    const db = tempDb();
    await seed(db, [base[0]!, ['log', 'acme', '--summary', 'Kick-off call', '--follow-up', '+3d', '--no-recap']]);
    expect(await crmJson(['remind', 'list'], { db })).toHaveLength(1);
    const out = await ok(['undo'], db);
    expect(out).toContain('  removed interaction:1\n  removed reminder:1\n');
    expect(await crmJson(['remind', 'list'], { db })).toEqual([]);
    expect((await crm(['recap', 'acme'], { db })).stdout).toBe('Nothing logged with Acme Corp yet.\n');
    // The search index follows (its triggers run for the reversal too); redo puts it back.
    expect(await crmJson(['search', 'kick'], { db })).toEqual([]);
    await ok(['redo'], db);
    expect((await crmJson<{ ref: string }[]>(['search', 'kick'], { db })).map((h) => h.ref).sort()).toEqual(['interaction:1', 'reminder:1']);
  });

  test('after client add: the client is gone', async () => {
    const db = tempDb();
    await seed(db, [['client', 'add', 'Acme Corp', '--note', 'met at the fair']]);
    expect(await ok(['undo'], db)).toBe("Undid: crm client add 'Acme Corp' --note 'met at the fair' (2026-11-22 10:00)\n  removed client Acme Corp\n");
    expect(await crmJson(['client', 'list', '--all'], { db })).toEqual([]);
    // The name is free again.
    await seed(db, [['client', 'add', 'Acme Corp']]);
  });

  test('after client fire: active again, and the status history no longer has the firing', async () => {
    const db = tempDb();
    await seed(db, [base[0]!, ['client', 'fire', 'acme', '--reason', 'paid late for a year']]);
    const out = await ok(['undo'], db);
    expect(out).toContain('  restored client Acme Corp (status, status reason, status on)\n  removed status change to fired\n');
    expect(out).toContain('Acme Corp is active.');
    const show = await crmJson<{ status: string; statusReason: string | null; statusHistory: unknown[] }>(['client', 'show', 'acme'], { db });
    expect(show.status).toBe('active');
    expect(show.statusReason).toBeNull();
    expect(show.statusHistory.map((s) => (s as { status: string }).status)).not.toContain('fired');
  });

  test('after invoice resolve --outcome written-off: disputed again, the balance owed again', async () => {
    const db = tempDb();
    await seed(db, [...base, ['invoice', 'dispute', 'INV-0007', '--reason', 'logo late'], ['invoice', 'resolve', 'INV-0007', '--outcome', 'written-off']]);
    const list = async () => (await crmJson<{ number: string; status: string }[]>(['invoice', 'list'], { db }))[0]?.status;
    expect(await list()).toBe('written-off');
    const out = await ok(['undo'], db);
    expect(out).toContain('  restored dispute:1 (resolved on, outcome, conceded)\n');
    expect(out).toContain('INV-0007 is disputed; 1,200.00 EUR to pay.');
    expect(await list()).toBe('disputed');
    expect(await balance(db, 'INV-0007')).toBe(120000);
  });

  test('after client edit: the old note is back, and a later edit passes the stale-edit guard', async () => {
    const db = tempDb();
    await seed(db, [['client', 'add', 'Acme Corp', '--note', 'old words'], ['client', 'edit', 'acme', '--note', 'new words']]);
    expect(await ok(['undo'], db)).toContain('  restored client Acme Corp (note)\n');
    expect((await crmJson<{ note: string }>(['client', 'show', 'acme'], { db })).note).toBe('old words');
    await seed(db, [['client', 'edit', 'acme', '--email', 'ap@acme.test']]);
    expect(withDb(db, (h) => h.prepare('SELECT revision FROM clients').pluck().get())).toBeGreaterThan(2);
  });

  test('after crm void: the payment counts again and the audit note goes with it', async () => {
    const db = tempDb();
    await seed(db, [...base, ['invoice', 'pay', 'INV-0007', '--amount', '200'], ['void', 'payment:1', '--reason', 'typed the wrong amount']]);
    expect(await balance(db, 'INV-0007')).toBe(120000);
    const out = await ok(['undo'], db);
    expect(out).toMatch(/^Undid: crm void payment:1 --reason 'typed the wrong amount'/);
    expect(out).toContain('  restored payment:1 (voided on, void reason)\n');
    expect(out).toContain('removed audit note (void of payment:1)');
    expect(await balance(db, 'INV-0007')).toBe(100000);
    expect(withDb(db, (h) => count(h, 'SELECT count(*) AS n FROM corrections'))).toBe(0);
  });

  test('after crm edit of an invoice amount: the old amount and balance are back, the audit note goes', async () => {
    const db = tempDb();
    await seed(db, [...base, ['edit', 'invoice:INV-0007', '--amount', '1,500']]);
    expect(await balance(db, 'INV-0007')).toBe(150000);
    const out = await ok(['undo'], db);
    expect(out).toMatch(/^Undid: crm edit invoice:INV-0007 --amount 1,500 /);
    expect(out).toContain('  restored invoice:INV-0007 (amount)\n');
    expect(out).toContain('  removed audit note (edit of invoice:INV-0007)\n');
    expect(out).toContain('INV-0007: 1,200.00 EUR to pay.');
    expect(await balance(db, 'INV-0007')).toBe(120000);
    expect(withDb(db, (h) => count(h, 'SELECT count(*) AS n FROM corrections'))).toBe(0);
  });

  test('repeated undo steps back through several commands; redo re-applies them in order', async () => {
    const db = tempDb();
    await seed(db, [...base]);
    const start = records(db);
    await seed(db, [
      ['invoice', 'pay', 'INV-0007', '--amount', '100'],
      ['log', 'acme', '--summary', 'Call', '--follow-up', '+3d', '--no-recap'],
      ['client', 'fire', 'acme', '--reason', 'enough'],
    ]);
    const end = records(db);
    const undone: string[] = [];
    for (let i = 0; i < 3; i++) undone.push((await crmJson<{ undone: { command: string } }>(['undo'], { db })).undone.command);
    expect(undone).toEqual([
      "crm client fire acme --reason enough",
      "crm log acme --summary Call --follow-up +3d --no-recap",
      "crm invoice pay INV-0007 --amount 100",
    ]);
    expect(records(db)).toBe(start);
    const redone: string[] = [];
    for (let i = 0; i < 3; i++) redone.push((await crmJson<{ redone: { command: string } }>(['redo'], { db })).redone.command);
    expect(redone).toEqual([...undone].reverse());
    expect(records(db)).toBe(end);
    expect(await ok(['redo'], db)).toBe('Nothing to redo: only the latest undo can be redone, before any other change.\n');
    // Everything is live again, so undo starts from the top once more.
    expect((await crmJson<{ undone: { command: string } }>(['undo'], { db })).undone.command).toBe('crm client fire acme --reason enough');
  });

  test('undo, then a new command: nothing to redo (the undo is no longer the latest change)', async () => {
    const db = tempDb();
    await seed(db, [...base, ['invoice', 'pay', 'INV-0007', '--amount', '100']]);
    await ok(['undo'], db);
    await seed(db, [['invoice', 'pay', 'INV-0007', '--amount', '300']]);
    const before = dump(db);
    const r = await crm(['redo'], { db });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Nothing to redo/);
    expect(dump(db)).toBe(before);
    expect(await balance(db, 'INV-0007')).toBe(90000);
  });

  test('--dry-run says the same and writes nothing, journal included', async () => {
    const db = tempDb();
    await seed(db, [...base, ['invoice', 'pay', 'INV-0007', '--amount', '500']]);
    const before = dump(db);
    const out = await ok(['undo', '--dry-run'], db);
    expect(out).toBe([
      'Would undo: crm invoice pay INV-0007 --amount 500 (2026-11-22 10:00)',
      '  remove payment:1',
      'Nothing was changed (--dry-run); crm undo does it.',
      '',
    ].join('\n'));
    const json = await crmJson(['undo', '--dry-run'], { db, env: { TZ: 'UTC' } });
    expect(json).toEqual({
      undone: { id: 3, command: 'crm invoice pay INV-0007 --amount 500', at: '2026-11-22T10:00:00+00:00' },
      changes: [{ ref: 'payment:1', what: 'payment:1', action: 'removed', fields: [] }],
      dryRun: true,
    });
    await ok(['undo'], db);
    const undone = dump(db);
    expect((await ok(['redo', '--dry-run'], db))).toMatch(/^Would redo: crm invoice pay INV-0007 --amount 500 .*\n {2}bring back payment:1\n/);
    expect(dump(db)).toBe(undone);
    expect(dump(db)).not.toBe(before);
  });

  test('--json: the entry with the instant in the user\'s offset, and each change', async () => {
    const db = tempDb();
    await seed(db, [base[0]!, ['log', 'acme', '--summary', 'Call', '--follow-up', '+3d', '--no-recap']]);
    const r = await crm(['undo', '--json'], { db, env: { TZ: 'Europe/Paris' } });
    expect(JSON.parse(r.stdout)).toEqual({
      undone: { id: 2, command: 'crm log acme --summary Call --follow-up +3d --no-recap', at: '2026-11-22T11:00:00+01:00' },
      changes: [
        { ref: 'interaction:1', what: 'interaction:1', action: 'removed', fields: [] },
        { ref: 'reminder:1', what: 'reminder:1', action: 'removed', fields: [] },
      ],
      dryRun: false,
    });
  });

  test('nothing to undo: an empty or missing database says so, exit 0, and creates no file', async () => {
    const db = tempDb();
    for (const args of [['undo'], ['undo', '--dry-run'], ['redo'], ['undo', '--forget']]) {
      const r = await crm(args, { db });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^(Nothing to undo\.|Nothing to redo|The undo journal is empty)/);
    }
    expect(fs.existsSync(db)).toBe(false);
    expect(JSON.parse((await crm(['undo', '--json'], { db })).stdout)).toEqual({ undone: null, changes: [], dryRun: false, nothing: 'empty' });
    expect(fs.existsSync(db)).toBe(false);
  });

  test('a row changed behind crm\'s back since: refused with exit 1 and one line, nothing written', async () => {
    const db = tempDb();
    await seed(db, [...base, ['invoice', 'pay', 'INV-0007', '--amount', '500']]);
    withDb(db, (h) => h.prepare('DELETE FROM payments').run());
    const before = dump(db);
    const r = await crm(['undo'], { db });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('crm: cannot undo crm invoice pay INV-0007 --amount 500: payment:1 is gone since; nothing was changed\n');
    expect(dump(db)).toBe(before);
  });

  test('redo refuses the same way when a row moved behind crm\'s back; a clash with what is there now is refused too', async () => {
    const db = tempDb();
    await seed(db, [...base, ['invoice', 'pay', 'INV-0007', '--amount', '500']]);
    await ok(['undo'], db);
    withDb(db, (h) => h.prepare("INSERT INTO payments (id, invoice_id, amount, paid_on) VALUES (1, 1, 100, '2026-11-22')").run());
    let before = dump(db);
    const r = await crm(['redo'], { db });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('crm: cannot redo crm invoice pay INV-0007 --amount 500: payment:1 exists again since; nothing was changed\n');
    expect(dump(db)).toBe(before);

    // A rename undone while another client took the old name meanwhile (outside crm): one line, exit 1.
    const other = tempDb();
    await seed(other, [['client', 'add', 'Acme'], ['client', 'edit', 'acme', '--name', 'Acme Studio']]);
    withDb(other, (h) => h.prepare("INSERT INTO clients (name, name_key, cadence_days, created_on) VALUES ('Acme', 'acme', 14, '2026-11-22')").run());
    before = dump(other);
    const clash = await crm(['undo'], { db: other });
    expect(clash.code).toBe(1);
    expect(clash.stderr).toMatch(/^crm: cannot undo crm client edit acme --name 'Acme Studio': it conflicts with what was recorded since \(UNIQUE constraint failed: clients\.name_key\); nothing was changed\n$/);
    expect(dump(other)).toBe(before);
  });

  test('a deleted row comes back with the same id and exactly its values and types (reals, integers, nulls, text)', async () => {
    const db = tempDb();
    await seed(db, [base[0]!, ['change', 'add', 'acme', '--summary', 'New colour scheme', '--hours', '1.5', '--unbilled']]);
    const row = () => withDb(db, (h) => h.prepare('SELECT *, typeof(hours) AS th, typeof(unbilled) AS tu, typeof(project) AS tp FROM change_requests').all());
    const before = row();
    expect(before).toHaveLength(1);
    // No command deletes rows yet; a journaled write that does stands in for one.
    const store = openStore(db, { write: true, journal: () => ({ command: 'crm change drop change:1', at: '2026-11-22T10:00:00.000Z' }) });
    try {
      store.write((h) => h.prepare('DELETE FROM change_requests WHERE id = 1').run());
    } finally {
      store.close();
    }
    expect(row()).toEqual([]);
    expect(await ok(['undo'], db)).toBe('Undid: crm change drop change:1 (2026-11-22 10:00)\n  brought back change:1\n');
    expect(row()).toEqual(before);
    expect(await ok(['redo'], db)).toBe('Redid: crm change drop change:1 (2026-11-22 10:00)\n  removed change:1\n');
    expect(row()).toEqual([]);
  });

  test(`bounded: after ${JOURNAL_KEEP + 5} writes the journal holds ${JOURNAL_KEEP}, and undo stops there with a clear line`, async () => {
    const db = tempDb();
    await seed(db, [base[0]!]);
    let n = 0;
    const store = openStore(db, { write: true, journal: () => ({ command: `crm deliver acme --project p${++n}`, at: '2026-11-22T10:00:00.000Z' }) });
    try {
      for (let i = 0; i < JOURNAL_KEEP + 4; i++) {
        store.write((h) => h.prepare("INSERT INTO deliveries (client_id, project, on_date) VALUES (1, ?, '2026-11-22')").run(`p${n}`));
      }
    } finally {
      store.close();
    }
    expect(withDb(db, (h) => count(h, 'SELECT count(*) AS n FROM journal'))).toBe(JOURNAL_KEEP);
    for (let i = 0; i < JOURNAL_KEEP; i++) {
      const r = await crm(['undo'], { db });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^Undid: /);
    }
    // Undo entries do not push commands out: all JOURNAL_KEEP could be undone.
    expect(withDb(db, (h) => count(h, 'SELECT count(*) AS n FROM deliveries'))).toBe(4);
    expect(await ok(['undo'], db)).toBe(`Nothing older can be undone (crm keeps the last ${JOURNAL_KEEP} commands).\n`);
    // The client added first is still there: it was older than what the journal keeps.
    expect(await crmJson(['client', 'list'], { db })).toHaveLength(1);
  }, 60_000);

  test('--forget drops the journal: nothing can be undone after, and --dry-run only counts', async () => {
    const db = tempDb();
    await seed(db, [...base, ['invoice', 'pay', 'INV-0007', '--amount', '500']]);
    const before = dump(db);
    expect(await ok(['undo', '--forget', '--dry-run'], db)).toBe('Would forget the undo journal (3 commands); nothing was changed (--dry-run).\n');
    expect(dump(db)).toBe(before);
    expect(await ok(['undo', '--forget'], db)).toMatch(/^Forgot the undo journal \(3 commands\)/);
    withDb(db, (h) => {
      expect(count(h, 'SELECT count(*) AS n FROM journal')).toBe(0);
      expect(count(h, 'SELECT count(*) AS n FROM journal_changes')).toBe(0);
    });
    expect(await ok(['undo'], db)).toBe('Nothing to undo.\n');
    expect(await balance(db, 'INV-0007')).toBe(70000);
    // Later commands are journaled again.
    await seed(db, [['invoice', 'pay', 'INV-0007', '--amount', '100']]);
    expect(await ok(['undo'], db)).toMatch(/^Undid: crm invoice pay INV-0007 --amount 100/);
  });
});
