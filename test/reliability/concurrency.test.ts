// Concurrency: a cron reader in a loop and two writers (`crm log`, `crm invoice pay`) at once.
// Every run must exit 0 with no "database is locked", and the counts must be exact. The same
// harness with deferred transactions injected (the classic bug) must fail, which shows the harness
// can catch it.
import { beforeAll, describe, expect, test } from 'vitest';
import Database from 'better-sqlite3';
import { seed, tempDb } from '../helpers/cli.js';
import {
  STRESS, count, cronReader, dump, errLines, integrity, LOCKED, report, requireBuilt, spawnAsync, withDb, type Run, type SpawnOptions,
} from './harness.js';

interface Outcome {
  runs: { who: string; run: Run }[];
  logs: number;
  pays: number;
  reads: number;
  db: string;
}

/**
 * Two writer loops of `n` operations each and a reader loop running until both finish. With
 * `untilFailure`, the writers stop at the first failed run (the negative control needs one).
 */
async function race(n: number, faults: SpawnOptions['faults'] | undefined, untilFailure = false): Promise<Outcome> {
  const inject = faults ? { faults } : {};
  const db = tempDb();
  await seed(db, [
    ['client', 'add', 'Acme'],
    ['invoice', 'add', 'acme', '--amount', '100000', '--currency', 'EUR', '--number', 'BIG'],
  ]);
  const reader = await cronReader(db);
  const runs: Outcome['runs'] = [];
  let writersDone = false;
  const stop = (): boolean => untilFailure && runs.some((r) => r.who !== 'read' && r.run.code !== 0);
  const logger = async (): Promise<void> => {
    for (let i = 0; i < n && !stop(); i++) runs.push({ who: 'log', run: await spawnAsync(['log', 'acme', '--summary', `call ${i}`, '--no-recap'], { db, ...inject }) });
  };
  const payer = async (): Promise<void> => {
    for (let i = 0; i < n && !stop(); i++) runs.push({ who: 'pay', run: await spawnAsync(['invoice', 'pay', 'BIG', '--amount', '1.00'], { db, ...inject }) });
  };
  const cron = async (): Promise<void> => {
    while (!writersDone) runs.push({ who: 'read', run: await spawnAsync(reader, { db, ...inject }) });
  };
  const readerLoop = cron();
  await Promise.all([logger(), payer()]);
  writersDone = true;
  await readerLoop;
  return {
    runs,
    db,
    ...withDb(db, (h) => ({
      logs: count(h, 'SELECT count(*) AS n FROM interactions'),
      pays: count(h, 'SELECT count(*) AS n FROM payments'),
    })),
    reads: runs.filter((r) => r.who === 'read').length,
  };
}

const failures = (o: Outcome): Outcome['runs'] => o.runs.filter((r) => r.run.code !== 0);
const lockedLines = (o: Outcome): string[] => o.runs.flatMap((r) => errLines(r.run.stderr)).filter((l) => LOCKED.test(l));
const succeeded = (o: Outcome, who: string): number => o.runs.filter((r) => r.who === who && r.run.code === 0).length;

function expectClean(o: Outcome, n: number): void {
  expect(lockedLines(o)).toEqual([]);
  expect(failures(o).map((f) => `${f.who}: exit ${f.run.code} ${f.run.stderr}`)).toEqual([]);
  expect(o.logs).toBe(n);
  expect(o.pays).toBe(n);
  withDb(o.db, (h) => {
    expect(integrity(h)).toEqual({ integrity: 'ok', foreignKeyViolations: 0 });
    expect(count(h, 'SELECT sum(amount) AS n FROM payments')).toBe(n * 100);
  });
}

describe('concurrency', () => {
  beforeAll(requireBuilt);
  const N = STRESS ? 150 : 8;
  // Slow transactions widen the window in which two writers overlap, so the control fails reliably.
  const SLOW = { slowWriteMs: 100 };

  test(`a cron reader and two writers (${N} logs, ${N} partial payments) at once: no lock errors, counts exact`, async () => {
    const o = await race(N, undefined);
    expectClean(o, N);
    report(`concurrency: ${N} crm log + ${N} crm invoice pay + ${o.reads} cron reads ran at once: ${o.runs.length}/${o.runs.length} exit 0, 0 lock errors, counts exact, integrity ok`);
  }, STRESS ? 600_000 : 60_000);

  test(`the same with slow transactions (100 ms, injected): writers queue on the lock and all succeed`, async () => {
    const n = STRESS ? N : 6;
    const o = await race(n, SLOW);
    expectClean(o, n);
    report(`concurrency (slow transactions): ${2 * n} writes + ${o.reads} reads at once: all exit 0, 0 lock errors, counts exact`);
  }, STRESS ? 600_000 : 60_000);

  test('negative control: the same harness with deferred transactions (injected) catches lock errors', async () => {
    // Up to 4N writes each, stopping at the first failure: the control must fail, not run long.
    const o = await race(4 * N, { ...SLOW, deferred: true }, true);
    const failed = failures(o);
    expect(failed.length).toBeGreaterThan(0);
    expect(lockedLines(o).length).toBeGreaterThan(0);
    // Even the failures wrote nothing: the counts are exactly the successes.
    expect(o.logs).toBe(succeeded(o, 'log'));
    expect(o.pays).toBe(succeeded(o, 'pay'));
    withDb(o.db, (h) => expect(integrity(h).integrity).toBe('ok'));
    const writes = o.runs.filter((r) => r.who !== 'read').length;
    report(`concurrency negative control (deferred transactions): ${failed.length} of ${writes} writes failed with "another crm is writing" (stopped at the first) — the harness catches the bug`);
  }, STRESS ? 600_000 : 60_000);

  test('a lock held longer than the busy timeout: exit 1, one line "another crm is writing … try again", nothing written', async () => {
    const db = tempDb();
    await seed(db, [['client', 'add', 'Acme']]);
    const before = dump(db);
    const holder = new Database(db);
    holder.exec('BEGIN IMMEDIATE');
    try {
      const run = await spawnAsync(['client', 'add', 'Blocked', '--note', 'private words'], { db, env: { CRM_BUSY_TIMEOUT_MS: '300' } });
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      const lines = errLines(run.stderr);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^crm: another crm is writing to .*crm\.db; nothing was written, try again/);
      expect(run.ms).toBeGreaterThanOrEqual(300);
      // A reader is not blocked by a writer (WAL).
      const reader = await spawnAsync(['client', 'list', '--json'], { db, env: { CRM_BUSY_TIMEOUT_MS: '300' } });
      expect(reader.code, reader.stderr).toBe(0);
      expect(JSON.parse(reader.stdout)).toHaveLength(1);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    expect(dump(db)).toBe(before);
  });
});

/**
 * Rounds of two `crm undo --json` started at once on a ledger of `payments` payments (each its own
 * command, amount = its position in cents). Returns what each round's two runs said and what is left.
 */
async function undoRace(rounds: number, payments: number, faults: SpawnOptions['faults']) {
  const db = tempDb();
  await seed(db, [
    ['client', 'add', 'Acme'],
    ['invoice', 'add', 'acme', '--amount', '100000', '--currency', 'EUR', '--number', 'BIG'],
    ...Array.from({ length: payments }, (_, i) => ['invoice', 'pay', 'BIG', '--amount', ((i + 1) / 100).toFixed(2)]),
  ]);
  const results: Run[][] = [];
  for (let r = 0; r < rounds; r++) {
    results.push(await Promise.all([0, 1].map(() => spawnAsync(['undo', '--json'], { db, faults }))));
  }
  const left = withDb(db, (h) => h.prepare('SELECT amount FROM payments ORDER BY amount').pluck().all() as number[]);
  const reverts = withDb(db, (h) => h.prepare("SELECT reverts FROM journal WHERE kind = 'undo' ORDER BY id").pluck().all() as number[]);
  return { db, results, left, reverts };
}

const undoneId = (r: Run): number => (JSON.parse(r.stdout) as { undone: { id: number } }).undone.id;

describe('concurrent undo from two shells', () => {
  beforeAll(requireBuilt);
  const ROUNDS = STRESS ? 20 : 4;

  test(`${ROUNDS} rounds of two crm undo at once (250 ms transactions, injected): each pair reverts two different commands, never one twice`, async () => {
    const payments = 2 * ROUNDS + 2;
    const o = await undoRace(ROUNDS, payments, { slowWriteMs: 250 });
    for (const pair of o.results) {
      expect(pair.map((r) => `${r.code} ${errLines(r.stderr).join(' ')}`)).toEqual(['0 ', '0 ']);
      const [a, b] = pair.map(undoneId);
      expect(a).not.toBe(b);
    }
    // The latest 2·ROUNDS payments are gone, each exactly once; the older ones are all there.
    expect(o.left).toEqual(Array.from({ length: payments - 2 * ROUNDS }, (_, i) => i + 1));
    expect(new Set(o.reverts).size).toBe(2 * ROUNDS);
    withDb(o.db, (h) => expect(integrity(h)).toEqual({ integrity: 'ok', foreignKeyViolations: 0 }));
    report(`concurrency (undo): ${ROUNDS} rounds of two crm undo at once: ${2 * ROUNDS}/${2 * ROUNDS} exit 0, ${2 * ROUNDS} different commands reverted, 0 reverted twice`);
  }, STRESS ? 600_000 : 60_000);

  test('negative control: with deferred transactions (injected) the two picks overlap — one run fails, and still nothing is reverted twice', async () => {
    const o = await undoRace(ROUNDS, 2 * ROUNDS + 2, { slowWriteMs: 250, deferred: true });
    const runs = o.results.flat();
    const failed = runs.filter((r) => r.code !== 0);
    // Both read the same latest command; the lock's absence shows as the second one's failure.
    expect(failed.length).toBeGreaterThan(0);
    for (const f of failed) expect(errLines(f.stderr).join(' ')).toMatch(LOCKED);
    const succeeded = runs.filter((r) => r.code === 0);
    expect(new Set(succeeded.map(undoneId)).size).toBe(succeeded.length);
    expect(o.left).toHaveLength(2 * ROUNDS + 2 - succeeded.length);
    report(`concurrency negative control (undo, deferred transactions): ${failed.length} of ${runs.length} undos failed with "another crm is writing" — the two picks overlap, so the passing run above is the lock's doing`);
  }, STRESS ? 600_000 : 60_000);
});
