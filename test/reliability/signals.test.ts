// Ctrl+C, SIGTERM and SIGHUP end crm at once, whatever it is doing: crm installs no handler, so the
// default action applies even inside a synchronous SQLite call. Each write is one transaction, so
// the database is whole afterwards and the change is absent (cut short) or whole (committed).
import fs from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import Database from 'better-sqlite3';
import { seed, tempDb } from '../helpers/cli.js';
import { LATEST_VERSION } from '../../src/db/migrations.js';
import { openEmpty } from '../../src/db/store.js';
import {
  count, dump, hasOpen, integrity, report, requireBuilt, schemaOf, sleep, spawnAsync, withDb, type Run, type SpawnOptions,
} from './harness.js';

/** A signal must end crm within this long: far less than the work it interrupts would take. */
const BOUND_MS = 5000;
/** The injected slow write: each slow point sleeps this long, so a write would take 30 s or more. */
const SLOW_MS = 10_000;

async function waitFor(cond: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await sleep(10);
  }
}

interface Signalled extends Run {
  /** ms from the signal to the process's end; null when it ended before the signal was sent. */
  afterSignal: number | null;
}

/** Spawn crm and send `signal` once `ready` says it is in the middle of its work. */
async function signalWhen(
  args: string[],
  signal: NodeJS.Signals,
  ready: { stderr: string } | { open: string },
  opts: SpawnOptions,
): Promise<Signalled> {
  let sentAt: number | null = null;
  const send = (child: import('node:child_process').ChildProcess): void => {
    if (sentAt !== null || child.exitCode !== null) return;
    sentAt = Date.now();
    child.kill(signal);
  };
  const run = await spawnAsync(args, {
    ...opts,
    timeoutMs: 30_000,
    onSpawn: (child) => {
      if ('open' in ready) void waitFor(() => hasOpen(child.pid!, ready.open) || child.exitCode !== null).then(() => sleep(200)).then(() => send(child));
    },
    onStderr: (stderr, child) => {
      if ('stderr' in ready && stderr.includes(ready.stderr)) send(child);
    },
  });
  return { ...run, afterSignal: sentAt === null ? null : Date.now() - sentAt };
}

/** Killed by the signal itself (a shell reports 128+n), promptly. */
function expectKilledPromptly(run: Signalled, signal: NodeJS.Signals): void {
  expect(run.afterSignal, run.stderr).not.toBeNull();
  expect(run.afterSignal!).toBeLessThan(BOUND_MS);
  expect(run.signal, `exit ${run.code}: ${run.stderr}`).toBe(signal);
  expect(run.stdout).toBe('');
}

/** A first migration cut short leaves version 0 and no tables; the next crm migrates it and writes. */
async function expectUnmigratedThenMigrates(db: string): Promise<void> {
  const raw = new Database(db, { readonly: true });
  expect(raw.pragma('user_version', { simple: true })).toBe(0);
  expect(schemaOf(raw)).toEqual([]);
  raw.close();
  const again = await spawnAsync(['client', 'add', 'Zed'], { db });
  expect(again.code, again.stderr).toBe(0);
  const fresh = openEmpty();
  withDb(db, (h) => {
    expect(integrity(h).integrity).toBe('ok');
    expect(h.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(schemaOf(h)).toEqual(schemaOf(fresh.db));
    expect(count(h, 'SELECT count(*) AS n FROM clients')).toBe(1);
  });
  fresh.close();
}

describe('signals end crm at once, and the database stays whole', () => {
  beforeAll(requireBuilt);
  const figures: number[] = [];

  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    test(`${signal} while crm waits for a summary on stdin: killed by ${signal} at once, nothing written`, async () => {
      const db = tempDb();
      await seed(db, [['client', 'add', 'Acme']]);
      const before = dump(db);
      // `crm log` opens the database, then waits for the summary that never comes.
      const run = await signalWhen(['log', 'acme', '--summary', '-'], signal, { open: db }, { db, keepStdin: true });
      expectKilledPromptly(run, signal);
      expect(dump(db)).toBe(before);
      figures.push(run.afterSignal!);
    });
  }

  test('SIGTERM inside a slow write transaction: killed at once, not after the write; the change is absent', async () => {
    const db = tempDb();
    await seed(db, [['client', 'add', 'Acme']]);
    const before = dump(db);
    const run = await signalWhen(['deliver', 'acme', '--project', 'signalled'], 'SIGTERM', { stderr: 'crm-test: write begun' }, {
      db,
      faults: { slowWriteMs: SLOW_MS },
    });
    expectKilledPromptly(run, 'SIGTERM');
    withDb(db, (h) => expect(integrity(h)).toEqual({ integrity: 'ok', foreignKeyViolations: 0 }));
    expect(dump(db)).toBe(before); // the open transaction was rolled back: no delivery, no reminders
    const next = await spawnAsync(['deliver', 'acme', '--project', 'again'], { db });
    expect(next.code, next.stderr).toBe(0);
    withDb(db, (h) => expect(count(h, 'SELECT count(*) AS n FROM reminders')).toBe(2));
    figures.push(run.afterSignal!);
  }, 20_000);

  test('SIGTERM while waiting for the write lock another connection holds: killed at once, not at the busy timeout', async () => {
    const db = tempDb();
    await seed(db, [['client', 'add', 'Acme']]);
    const holder = new Database(db);
    holder.exec('BEGIN IMMEDIATE');
    try {
      const run = await signalWhen(['client', 'add', 'Blocked'], 'SIGTERM', { open: db }, { db, env: { CRM_BUSY_TIMEOUT_MS: '20000' } });
      expectKilledPromptly(run, 'SIGTERM');
      figures.push(run.afterSignal!);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    withDb(db, (h) => {
      expect(integrity(h).integrity).toBe('ok');
      expect(count(h, "SELECT count(*) AS n FROM clients WHERE name = 'Blocked'")).toBe(0);
    });
  }, 20_000);

  test(`SIGTERM during the first migration: killed at once; the schema is whole (version 0 and empty), and the next crm migrates`, async () => {
    const db = tempDb();
    const run = await signalWhen(['client', 'add', 'Zed'], 'SIGTERM', { stderr: 'crm-test: migrating to 1' }, { db, faults: { slowWriteMs: SLOW_MS } });
    expectKilledPromptly(run, 'SIGTERM');
    await expectUnmigratedThenMigrates(db);
    figures.push(run.afterSignal!);
  }, 20_000);

  test('SIGTERM on a path crm cannot use (/proc/crm/x.db): crm never spins; it ends on its own or by the signal', async () => {
    const started = Date.now();
    let sentAt: number | null = null;
    const run = await spawnAsync(['--db', '/proc/crm/x.db', 'client', 'add', 'Q'], {
      timeoutMs: 15_000,
      onSpawn: (child) => {
        setTimeout(() => {
          if (child.exitCode !== null || child.signalCode !== null) return;
          sentAt = Date.now();
          child.kill('SIGTERM');
        }, 1500);
      },
    });
    expect(run.signal, run.stderr).not.toBe('SIGKILL'); // the harness's last resort was not needed
    if (run.signal === null) {
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^crm: cannot create the folder \/proc\/crm: [^\n]+\n$/);
    } else {
      expect(run.signal).toBe('SIGTERM');
      expect(Date.now() - sentAt!).toBeLessThan(BOUND_MS);
    }
    expect(Date.now() - started).toBeLessThan(1500 + BOUND_MS);
  }, 20_000);

  test('SIGKILL during the first migration leaves an empty database that the next crm migrates', async () => {
    const db = tempDb();
    const run = await spawnAsync(['client', 'add', 'Zed'], {
      db,
      faults: { slowWriteMs: 300 },
      onStderr: (stderr, child) => {
        if (stderr.includes('crm-test: migrating to 1')) child.kill('SIGKILL');
      },
    });
    expect(run.signal).toBe('SIGKILL');
    await expectUnmigratedThenMigrates(db);
    expect(fs.statSync(db).mode & 0o777).toBe(0o600);
    const slowest = Math.max(...figures);
    report(`signals: ${figures.length} runs signalled mid-work (stdin wait x3 signals, inside a write, waiting for the lock, inside a migration): all killed by the signal, slowest ${slowest} ms after it; every database whole, every cut-short change absent`);
  });
});
