// No test switches in the product: the shipped code never reads a CRM_TEST_* variable, so setting
// one changes nothing. Faults reach crm only through test/helpers/fault-entry.mjs (harness `faults`).
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import Database from 'better-sqlite3';
import { ROOT, seed, tempDb } from '../helpers/cli.js';
import { count, hasOpen, requireBuilt, sleep, spawnAsync, withDb } from './harness.js';

/** Every file under `dir`. */
function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : [p];
  });
}


describe('no test switches in the product', () => {
  beforeAll(requireBuilt);

  test('the shipped files (bin/ and dist/) never mention CRM_TEST_', () => {
    const shipped = [...walk(path.join(ROOT, 'bin')), ...walk(path.join(ROOT, 'dist'))];
    expect(shipped.length).toBeGreaterThan(10);
    expect(shipped.filter((f) => fs.readFileSync(f, 'utf8').includes('CRM_TEST_')).map((f) => path.relative(ROOT, f))).toEqual([]);
  });

  test('CRM_TEST_DEFERRED=1 and CRM_TEST_SLOW_WRITE_MS do nothing: a writer still waits for the lock and succeeds', async () => {
    const db = tempDb();
    await seed(db, [['client', 'add', 'Acme']]);
    // Another writer holds the lock with a change of its own. Deferred transactions would read
    // first and fail with "another crm is writing" once it commits; crm's immediate ones wait.
    const holder = new Database(db);
    holder.exec('BEGIN IMMEDIATE');
    holder.exec("UPDATE clients SET note = 'changed by the holder'");
    let committed = false;
    const run = await spawnAsync(['client', 'add', 'Bob'], {
      db,
      env: { CRM_TEST_DEFERRED: '1', CRM_TEST_SLOW_WRITE_MS: '300' },
      onSpawn: (child) => {
        void (async () => {
          while (!hasOpen(child.pid!, db) && child.exitCode === null) await sleep(10);
          await sleep(150); // crm is inside its write now, or waiting to start it
          holder.exec('COMMIT');
          committed = true;
        })();
      },
    });
    if (!committed) holder.exec('ROLLBACK');
    holder.close();
    expect(committed).toBe(true);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe(''); // no crm-test: markers either
    withDb(db, (h) => {
      expect(count(h, "SELECT count(*) AS n FROM clients WHERE name = 'Bob'")).toBe(1);
      expect(count(h, "SELECT count(*) AS n FROM clients WHERE note = 'changed by the holder'")).toBe(1);
    });
  });

  test('CRM_TEST_MAX_PAGES=1 does not fill the disk: a 250 KB note is saved', async () => {
    const db = tempDb();
    await seed(db, [['client', 'add', 'Acme']]);
    const note = path.join(path.dirname(db), 'note.txt');
    fs.writeFileSync(note, 'A long account of the meeting. '.repeat(8000));
    const r = await spawnAsync(['client', 'add', 'Big', '--note-file', note], { db, env: { CRM_TEST_MAX_PAGES: '1' } });
    expect(r.code, r.stderr).toBe(0);
    withDb(db, (h) => expect(count(h, "SELECT count(*) AS n FROM clients WHERE name = 'Big'")).toBe(1));
  });
});
