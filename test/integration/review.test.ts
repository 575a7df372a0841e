// crm review / crm rules in-process against temp databases: the facts loader (query count, mapping),
// config overrides, time zone, statuses, and bad usage.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { crm, crmJson, seed, tempDb, tempDir } from '../helpers/cli.js';
import { openStore } from '../../src/db/store.js';
import { activeFacts, clientFacts, portfolioIncome } from '../../src/db/facts.js';

/** Runs `fn` against the database, counting prepared statements. */
function countingQueries<T>(db: string, fn: (store: ReturnType<typeof openStore>) => T): { result: T; queries: number } {
  const store = openStore(db, { write: false });
  const original = store.db.prepare.bind(store.db);
  let queries = 0;
  (store.db as { prepare: typeof original }).prepare = (sql: string) => {
    queries++;
    return original(sql);
  };
  try {
    return { result: fn(store), queries };
  } finally {
    store.close();
  }
}

const clientWithHistory = (name: string, k: number): string[][] => [
  ['client', 'add', name],
  ['invoice', 'add', name, '--amount', '100', '--number', `N-${k}`, '--issued', '2026-09-01', '--due', '2026-10-01'],
  ['invoice', 'pay', `N-${k}`, '--on', '2026-10-20', '--amount', '40'],
  ['invoice', 'dispute', `N-${k}`, '--reason', 'too much', '--on', '2026-10-05'],
  ['incident', 'add', name, '--kind', 'verbal-abuse', '--on', '2026-11-01', '--warned'],
  ['change', 'add', name, '--summary', 'more pages', '--unbilled', '--on', '2026-11-02'],
  ['referral', 'add', name, '--on', '2026-11-03'],
  ['log', name, '--at', '2026-11-04T10:00:00Z', '--direction', 'in', '--summary', 'hi', '--no-recap'],
];

const ALL_TIME = { from: '0001-01-01', to: '9999-12-31' };

/** Counts the runs (`.all()`) of every statement the store prepares from here on whose SQL matches `match`. */
function countRuns(store: ReturnType<typeof openStore>, match = /./): () => number {
  const original = store.db.prepare.bind(store.db);
  let runs = 0;
  (store.db as { prepare: (sql: string) => unknown }).prepare = (sql: string) => {
    const stmt = original(sql);
    if (match.test(sql)) {
      const all = stmt.all.bind(stmt);
      (stmt as { all: (...args: unknown[]) => unknown }).all = (...args: unknown[]) => { runs++; return all(...(args as [])); };
    }
    return stmt;
  };
  return () => runs;
}

describe('facts loader', () => {
  it('prepares the same statements whatever the number of clients, and runs them once per chunk of clients', async () => {
    const small = tempDb();
    const large = tempDb();
    await seed(small, [1, 2].flatMap((k) => clientWithHistory(`Client ${k}`, k)));
    await seed(large, Array.from({ length: 12 }, (_, k) => clientWithHistory(`Client ${k}`, k)).flat());
    const a = countingQueries(small, (s) => [...activeFacts(s.db, [])]);
    const b = countingQueries(large, (s) => [...activeFacts(s.db, [])]);
    expect(a.result).toHaveLength(2);
    expect(b.result).toHaveLength(12);
    expect(b.queries).toBe(a.queries);
    expect(a.queries).toBeLessThanOrEqual(10);
    // Chunks of 5: 3 chunks of 9 statements each (+ the id list), and the same facts as one chunk.
    const store = openStore(large, { write: false });
    try {
      const runs = countRuns(store);
      expect([...activeFacts(store.db, [], 5)]).toEqual(b.result);
      expect(runs()).toBe(1 + 3 * 9);
    } finally {
      store.close();
    }
  });

  it('holds one chunk of clients at a time: the next chunk is read only once the one before is consumed', async () => {
    const db = tempDb();
    await seed(db, Array.from({ length: 6 }, (_, k) => clientWithHistory(`Client ${k}`, k)).flat());
    const store = openStore(db, { write: false });
    try {
      const reads = countRuns(store, /FROM live_interactions/);
      const seen: number[] = [];
      for (const f of activeFacts(store.db, [], 2)) {
        seen.push(reads());
        expect(f.interactions).toHaveLength(1);
      }
      expect(seen).toEqual([1, 1, 2, 2, 3, 3]);
    } finally {
      store.close();
    }
  });

  it('maps rows to facts: payments, disputes, booleans, and income from every client', async () => {
    const db = tempDb();
    await seed(db, [...clientWithHistory('Acme', 1), ...clientWithHistory('Gone', 2), ['client', 'fire', 'Gone']]);
    const { result } = countingQueries(db, (s) => [...activeFacts(s.db, portfolioIncome(s.db, ALL_TIME))]);
    expect(result.map((f) => f.client.name)).toEqual(['Acme']);
    const acme = result[0]!;
    expect(acme.invoices[0]).toMatchObject({
      number: 'N-1', amount: 10000, currency: 'USD', dueOn: '2026-10-01',
      payments: [{ on: '2026-10-20', amount: 4000 }], disputes: [{ openedOn: '2026-10-05', reason: 'too much', resolvedOn: null, conceded: 0 }],
    });
    expect(acme.incidents[0]).toMatchObject({ kind: 'verbal-abuse', warned: true });
    expect(acme.changes[0]).toMatchObject({ unbilled: true, on: '2026-11-02' });
    expect(acme.interactions[0]).toEqual({ id: expect.any(Number), at: '2026-11-04T10:00:00.000Z', direction: 'in', channel: null });
    expect(acme.clientIncome).toEqual([{ on: '2026-10-20', currency: 'USD', amount: 4000 }]);
    // The fired client's payment still counts in the portfolio the share is measured against.
    expect(acme.portfolioIncome).toEqual([{ on: '2026-10-20', currency: 'USD', amount: 8000 }]);
    // One client by id, whatever its status, with the same mapping.
    const gone = countingQueries(db, (s) => clientFacts(s.db, 2, [])).result;
    expect(gone?.client).toMatchObject({ name: 'Gone', status: 'fired' });
    expect(gone?.invoices[0]?.payments).toEqual([{ id: expect.any(Number), on: '2026-10-20', amount: 4000 }]);
    expect(countingQueries(db, (s) => clientFacts(s.db, 99, [])).result).toBeUndefined();
  });

  it('reads portfolio income only between the days asked, through the index on payment dates', async () => {
    const db = tempDb();
    await seed(db, [...clientWithHistory('Acme', 1), ['invoice', 'pay', 'N-1', '--on', '2026-11-10', '--amount', '10']]);
    // Statistics of a database of many payments (PRAGMA optimize measured this tiny one: a scan is cheapest there).
    const writer = openStore(db, { write: true });
    writer.db.exec(`ANALYZE; DELETE FROM sqlite_stat1 WHERE tbl IN ('payments', 'invoices');
      INSERT INTO sqlite_stat1 VALUES ('payments', 'payments_paid_on', '250000 5'), ('payments', 'payments_invoice', '250000 1'),
        ('invoices', 'invoices_client', '250000 25'); ANALYZE sqlite_schema;`);
    writer.close();
    const store = openStore(db, { write: false });
    try {
      expect(portfolioIncome(store.db, { from: '2026-10-21', to: '2026-11-22' })).toEqual([{ on: '2026-11-10', currency: 'USD', amount: 1000 }]);
      expect(portfolioIncome(store.db, { from: '2026-10-20', to: '2026-10-20' })).toEqual([{ on: '2026-10-20', currency: 'USD', amount: 4000 }]);
      const original = store.db.prepare.bind(store.db);
      let sql = '';
      (store.db as { prepare: (sql: string) => unknown }).prepare = (s: string) => { sql = s; return original(s); };
      portfolioIncome(store.db, ALL_TIME);
      const plan = (original(`EXPLAIN QUERY PLAN ${sql}`).all(ALL_TIME) as { detail: string }[]).map((r) => r.detail);
      expect(plan.some((d) => /SEARCH p USING INDEX payments_paid_on/.test(d)), plan.join('\n')).toBe(true);
      expect(plan.some((d) => /SCAN (p|payments|i|invoices)\b/.test(d)), plan.join('\n')).toBe(false);
    } finally {
      store.close();
    }
  });
});

describe('crm review (in-process)', () => {
  it('reviews fired clients by name, but --all lists only active ones', async () => {
    const db = tempDb();
    await seed(db, [...clientWithHistory('Acme', 1), ...clientWithHistory('Gone', 2), ['client', 'archive', 'Gone']]);
    expect((await crmJson(['review', 'Gone'], { db })).client.name).toBe('Gone');
    const all = await crmJson(['review', '--all'], { db });
    expect(all.clients.map((c: { client: { name: string } }) => c.client.name)).toEqual(['Acme']);
  });

  it('reads before any database exists without creating one', async () => {
    const db = path.join(tempDir(), 'none.db');
    expect(await crmJson(['review', '--all'], { db })).toEqual({ asOf: '2026-11-22', clients: [] });
    expect(fs.existsSync(db)).toBe(false);
  });

  it('--explain prints every finding as measure × weight = points', async () => {
    const db = tempDb();
    await seed(db, clientWithHistory('Acme', 1));
    const r = await crm(['review', 'Acme', '--explain'], { db });
    expect(r.code).toBe(0);
    const v = await crmJson(['review', 'Acme'], { db });
    for (const f of v.findings) expect(r.stdout).toMatch(new RegExp(`${f.rule} +[\\d.]+ +× −?[\\d.]+ +=`));
    expect(r.stdout).toContain(`score ${v.score}`);
    // The sum, the relief and the floor are printed as the computation, not a summary.
    expect(r.stdout).toMatch(new RegExp(`problems \\+${v.scoring.signs.toFixed(1)}; in their favour −${v.scoring.relief.toFixed(1)}`));
  });

  it('thresholds and weights come from config.json; a wrong key is exit 2 naming it', async () => {
    const db = tempDb();
    await seed(db, [['client', 'add', 'Acme'], ['incident', 'add', 'Acme', '--kind', 'competitor-leverage', '--on', '2026-11-20']]);
    expect((await crmJson(['review', 'Acme'], { db })).verdict).toBe('watch');
    const config = path.join(tempDir(), 'config.json');
    fs.writeFileSync(config, JSON.stringify({ rules: { thresholds: { watch: 10, fire: 20 }, lowConfidence: { minInvoices: 0 } } }));
    expect((await crmJson(['review', 'Acme'], { db, env: { CRM_CONFIG: config } })).verdict).toBe('fire');
    const rules = await crmJson(['rules'], { db, env: { CRM_CONFIG: config } });
    expect(rules.thresholds).toEqual({ watch: 10, fire: 20 });
    fs.writeFileSync(config, JSON.stringify({ rules: { latePayment: { graceDayz: 3 } } }));
    const bad = await crm(['review', 'Acme'], { db, env: { CRM_CONFIG: config } });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/rules\.latePayment/);
  });

  it('config rates: a key that is not a currency code, or a rate that is not positive, is exit 2 naming the key', async () => {
    const db = tempDb();
    await seed(db, [['client', 'add', 'Acme']]);
    const config = path.join(tempDir(), 'config.json');
    for (const [rates, message] of [
      [{ usd: 0.9 }, /key rates\.usd: not an ISO 4217 currency code in capitals, such as USD or EUR/],
      [{ USD: 0 }, /key rates\.USD: .*>0/],
    ] as const) {
      fs.writeFileSync(config, JSON.stringify({ rates }));
      const r = await crm(['review', 'Acme'], { db, env: { CRM_CONFIG: config } });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
    }
    fs.writeFileSync(config, JSON.stringify({ rates: { USD: 0.92, EUR: 1 } }));
    expect((await crm(['review', 'Acme', '--explain'], { db, env: { CRM_CONFIG: config } })).stdout).toContain('no findings');
  });

  it('working hours are judged in the configured time zone', async () => {
    const db = tempDb();
    // 07:30 UTC on weekdays: before 08:00 in UTC, but 08:30 in Oslo (winter time). Phone calls: email is never a demand.
    await seed(db, [['client', 'add', 'Early'], ...['16', '17', '18'].map((d) => ['log', 'Early', '--at', `2026-11-${d}T07:30:00Z`, '--channel', 'phone', '--direction', 'in', '--summary', 'x', '--no-recap'])]);
    const rules = async (env: Record<string, string>) =>
      (await crmJson(['review', 'Early'], { db, env })).findings.map((f: { rule: string }) => f.rule);
    expect(await rules({})).toContain('unreasonable-demands');
    const config = path.join(tempDir(), 'config.json');
    fs.writeFileSync(config, JSON.stringify({ timezone: 'Europe/Oslo' }));
    expect(await rules({ CRM_CONFIG: config })).not.toContain('unreasonable-demands');
  });

  it('a config time zone that does not exist is refused by review and cron alike, naming the key', async () => {
    const db = tempDb();
    await seed(db, [['client', 'add', 'Acme']]);
    const config = path.join(tempDir(), 'config.json');
    fs.writeFileSync(config, JSON.stringify({ timezone: 'Mars/Olympus' }));
    for (const args of [['review', 'Acme'], ['cron']]) {
      const r = await crm(args, { db, env: { CRM_CONFIG: config } });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/key timezone: not an IANA time zone/);
      expect(r.stdout).toBe('');
    }
  });

  it.each([
    [['review'], /name a client/],
    [['review', 'Acme', '--all'], /not both/],
    [['review', '--all', '--explain'], /--explain/],
    [['review', 'Acme', '--as-of', '2026-13-45'], /--as-of/],
    [['review', 'Nobody'], /Nobody/],
  ])('%j is bad usage (exit 2)', async (args, message) => {
    const db = tempDb();
    await seed(db, [['client', 'add', 'Acme']]);
    const r = await crm(args, { db });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });
});
