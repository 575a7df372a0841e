// Files crm must refuse stay byte-for-byte untouched together with their -wal, -shm and journal:
// crm judges a file from its bytes before SQLite opens it, because a read-write open would
// checkpoint another program's -wal into its main file or replay its hot journal.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import Database from 'better-sqlite3';
import { seed, tempDir } from '../helpers/cli.js';
import { LATEST_VERSION } from '../../src/db/migrations.js';
import { errLines, requireBuilt, spawnAsync } from './harness.js';

/** Every file in `dir` with a digest of its bytes: equal listings mean nothing changed, appeared or vanished. */
function files(dir: string): [string, string][] {
  return fs
    .readdirSync(dir)
    .sort()
    .map((f) => [f, crypto.createHash('sha256').update(fs.readFileSync(path.join(dir, f))).digest('hex')]);
}

/**
 * Run `change` on a WAL-mode database and freeze what it leaves: the main file, -wal and -shm are
 * copied while the writer is still open (closing it would checkpoint and delete the -wal), then put
 * back after it closed. The result is what a program killed mid-session leaves behind.
 */
function frozenWal(file: string, change: (h: Database.Database) => void): void {
  const h = new Database(file);
  h.pragma('journal_mode = WAL');
  h.pragma('wal_autocheckpoint = 0');
  change(h);
  const aside = new Map(['', '-wal', '-shm'].map((s) => [file + s, fs.readFileSync(file + s)]));
  h.close();
  for (const [f, bytes] of aside) fs.writeFileSync(f, bytes);
}

const fresh = (): string => path.join(tempDir('crm-foreign-'), 'crm.db');

const cases: [string, () => Promise<string> | string, RegExp][] = [
  [
    'a foreign database whose tables and application_id are only in its un-checkpointed -wal',
    () => {
      const file = fresh();
      frozenWal(file, (h) => {
        h.pragma('application_id = 1179403647');
        h.exec("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('someone else''s data')");
      });
      return file;
    },
    /another program/,
  ],
  [
    'a foreign WAL database with tables in the main file and newer rows in its -wal',
    () => {
      const file = fresh();
      const h = new Database(file);
      h.pragma('journal_mode = WAL');
      h.exec('CREATE TABLE clients (id INTEGER PRIMARY KEY, name TEXT)');
      h.close();
      frozenWal(file, (w) => w.exec("INSERT INTO clients (name) VALUES ('not crm''s')"));
      return file;
    },
    /another program/,
  ],
  [
    'a foreign database with a hot rollback journal',
    () => {
      const file = fresh();
      const h = new Database(file);
      h.pragma('journal_mode = DELETE');
      h.exec('CREATE TABLE notes (body TEXT)');
      const insert = h.prepare('INSERT INTO notes VALUES (?)');
      h.transaction(() => {
        for (let i = 0; i < 200; i++) insert.run(`note ${i} `.repeat(100));
      })();
      // Mid-transaction, with a cache too small to hold it, SQLite writes the journal and spills
      // changed pages into the main file: a crash here leaves a hot journal to replay.
      h.pragma('cache_size = 10');
      h.exec('BEGIN');
      h.exec('UPDATE notes SET body = upper(body)');
      const aside = new Map(['', '-journal'].map((s) => [file + s, fs.readFileSync(file + s)]));
      h.exec('ROLLBACK');
      h.close();
      for (const [f, bytes] of aside) fs.writeFileSync(f, bytes);
      return file;
    },
    /another program/,
  ],
  [
    'a crm database in WAL mode whose bump to a newer schema is only in its -wal',
    async () => {
      const file = fresh();
      await seed(file, [['client', 'add', 'Acme']]);
      frozenWal(file, (h) => h.pragma(`user_version = ${LATEST_VERSION + 1}`));
      return file;
    },
    /newer crm/,
  ],
  [
    'crm data only in a -wal beside a 0-byte main file (SQLite would delete such a -wal)',
    async () => {
      const file = fresh();
      await seed(file, [['client', 'add', 'Acme']]);
      frozenWal(file, (h) => h.exec('VACUUM')); // rewrites every page into the -wal
      fs.writeFileSync(file, '');
      fs.rmSync(`${file}-shm`);
      return file;
    },
    /-wal holds crm data/,
  ],
];

describe('foreign files with a -wal or a journal are left byte-for-byte untouched (exit 1)', () => {
  beforeAll(requireBuilt);

  for (const [name, make, message] of cases) {
    test(name, async () => {
      const file = await make();
      const dir = path.dirname(file);
      const before = files(dir);
      expect(before.map(([f]) => f).filter((f) => f !== 'crm.db').length).toBeGreaterThan(0); // a -wal or journal is there
      for (const args of [['client', 'list'], ['client', 'add', 'Intruder'], ['due']]) {
        const r = await spawnAsync(args, { db: file });
        expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(1);
        expect(r.stdout).toBe('');
        const lines = errLines(r.stderr);
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(message);
        expect(lines[0]).toMatch(/untouched/);
        expect(files(dir), args.join(' ')).toEqual(before);
      }
    });
  }
});
