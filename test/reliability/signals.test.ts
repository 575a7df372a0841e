// Ctrl+C (SIGINT) and SIGTERM: exit 130 / 143, never half a change. Before the write starts,
// nothing is written; during it (held open by CRM_TEST_SLOW_WRITE_MS) the transaction finishes and
// crm says so; during a migration the schema is whole, at the old or the new version.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import Database from 'better-sqlite3';
import { seed, tempDb } from '../helpers/cli.js';
import { LATEST_VERSION } from '../../src/db/migrations.js';
import { openEmpty } from '../../src/db/store.js';
import {
  count, dump, errLines, hasSignalHandler, integrity, report, requireBuilt, schemaOf, sleep, spawnAsync, withDb,
} from './harness.js';

const EXIT = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

async function waitFor(cond: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await sleep(10);
  }
}

describe('signals', () => {
  beforeAll(requireBuilt);
  let figures = 0;

  for (const signal of [...SIGNALS, 'SIGHUP'] as const) {
    test(`${signal} while crm waits for a summary on stdin: exit ${EXIT[signal]}, nothing written`, async () => {
      const db = tempDb();
      await seed(db, [['client', 'add', 'Acme']]);
      const before = dump(db);
      // `crm log` opens the database, then waits for the summary.
      const run = await spawnAsync(['log', 'acme', '--summary', '-'], {
        db,
        keepStdin: true, // the note never comes
        onSpawn: (child) => {
          void waitFor(() => hasSignalHandler(child.pid!, 'SIGHUP')).then(() => child.kill(signal));
        },
      });
      expect(run.signal).toBeNull();
      expect(run.code).toBe(EXIT[signal]);
      expect(errLines(run.stderr)).toEqual([`crm: interrupted (${signal}); nothing was written`]);
      expect(run.stdout).toBe('');
      expect(dump(db)).toBe(before);
      expect(fs.readdirSync(path.dirname(db))).toEqual(['crm.db']); // closed cleanly: no -wal, -shm
      figures++;
    });
  }

  for (const signal of SIGNALS) {
    test(`${signal} inside a write transaction: exit ${EXIT[signal]}, the change is whole and crm says it was saved`, async () => {
      const db = tempDb();
      await seed(db, [['client', 'add', 'Acme']]);
      const run = await spawnAsync(['deliver', 'acme', '--project', 'signalled'], {
        db,
        env: { CRM_TEST_SLOW_WRITE_MS: '150' },
        onStderr: (stderr, child) => {
          if (stderr.includes('crm-test: write begun') && !stderr.includes('write done')) child.kill(signal);
        },
      });
      expect(run.signal).toBeNull();
      expect(run.code).toBe(EXIT[signal]);
      expect(errLines(run.stderr)).toEqual([`crm: interrupted (${signal}); the change was saved in full before stopping`]);
      withDb(db, (h) => {
        expect(integrity(h).integrity).toBe('ok');
        expect(count(h, "SELECT count(*) AS n FROM deliveries WHERE project = 'signalled'")).toBe(1);
        expect(count(h, 'SELECT count(*) AS n FROM reminders')).toBe(2);
      });
      figures++;
    });

    test(`${signal} during the first migration: exit ${EXIT[signal]}, schema whole at version ${LATEST_VERSION}, message true`, async () => {
      const db = tempDb();
      const run = await spawnAsync(['client', 'add', 'Zed'], {
        db,
        env: { CRM_TEST_SLOW_WRITE_MS: '150' },
        onStderr: (stderr, child) => {
          if (stderr.includes('crm-test: migrating to 1') && !stderr.includes('write begun')) child.kill(signal);
        },
      });
      expect(run.code).toBe(EXIT[signal]);
      const lines = errLines(run.stderr);
      expect(lines).toHaveLength(1);
      const fresh = openEmpty();
      withDb(db, (h) => {
        expect(integrity(h).integrity).toBe('ok');
        expect(h.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
        expect(schemaOf(h)).toEqual(schemaOf(fresh.db));
        // The migration and the client add are separate transactions: each is whole, and the
        // message says whether anything was saved.
        const clients = count(h, 'SELECT count(*) AS n FROM clients');
        expect(lines[0]).toBe(`crm: interrupted (${signal}); the change was saved in full before stopping`);
        expect(clients).toBe(1);
      });
      fresh.close();
      figures++;
    });
  }

  test('SIGKILL during the first migration leaves an empty database that the next crm migrates', async () => {
    const db = tempDb();
    const run = await spawnAsync(['client', 'add', 'Zed'], {
      db,
      env: { CRM_TEST_SLOW_WRITE_MS: '300' },
      onStderr: (stderr, child) => {
        if (stderr.includes('crm-test: migrating to 1')) child.kill('SIGKILL');
      },
    });
    expect(run.signal).toBe('SIGKILL');
    const raw = new Database(db, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(0);
    expect(schemaOf(raw)).toEqual([]);
    raw.close();
    const again = await spawnAsync(['client', 'add', 'Zed'], { db });
    expect(again.code, again.stderr).toBe(0);
    withDb(db, (h) => {
      expect(integrity(h).integrity).toBe('ok');
      expect(h.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      expect(count(h, 'SELECT count(*) AS n FROM clients')).toBe(1);
    });
    expect(fs.statSync(db).mode & 0o777).toBe(0o600);
    report(`signals: ${figures + 1} interrupted runs (SIGINT/SIGTERM/SIGHUP before a write, SIGINT/SIGTERM inside a write, inside a migration; SIGKILL inside a migration): exit codes 130/143/129, every change whole, messages true`);
  });
});
