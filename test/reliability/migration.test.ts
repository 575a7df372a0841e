// Migrations: the released v1 fixture migrates to a schema equal to a fresh one with its data kept,
// and records the migrations it got; a failing migration changes nothing, its record included; a
// 0600 backup precedes the first schema change; racing processes migrate a fresh file once; newer
// and foreign files are refused byte-for-byte untouched.
import crypto from 'node:crypto';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import Database from 'better-sqlite3';
import { ROOT, tempDb, tempDir } from '../helpers/cli.js';
import { LATEST_VERSION, MIGRATIONS, type Migration } from '../../src/db/migrations.js';
import { APPLICATION_ID, openEmpty, openStore } from '../../src/db/store.js';
import {
  STRESS, bundledSource, count, dump, errLines, integrity, pool, report, requireBuilt, schemaOf, spawnAsync, tables, withDb,
} from './harness.js';

const FIXTURES = path.join(ROOT, 'test', 'fixtures');
const sha = (file: string): string => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const listing = (dir: string): string[] => fs.readdirSync(dir).sort();

/** A v2 that adds a column and a table: additive, like a real next migration would be. */
const V2: Migration = {
  version: LATEST_VERSION + 1,
  name: 'test: tags',
  sql: `ALTER TABLE clients ADD COLUMN tag TEXT;
        CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT NOT NULL) STRICT;`,
};

/** A v2 that fails after doing part of its work. */
const BROKEN: Migration = {
  version: LATEST_VERSION + 1,
  name: 'test: fails midway',
  sql: `CREATE TABLE half_done (x INTEGER);
        ALTER TABLE clients ADD COLUMN half TEXT;
        INSERT INTO half_done VALUES (1);
        INSERT INTO no_such_table VALUES (1);`,
};

/** The v1 fixture brought to the latest schema by the current crm, its migration backup removed. */
function fixtureAtLatest(): string {
  const file = copyFixture('v1.db');
  openStore(file, { write: true }).close();
  for (const f of fs.readdirSync(path.dirname(file))) if (f.includes('.bak')) fs.rmSync(path.join(path.dirname(file), f));
  return file;
}

function copyFixture(name: string): string {
  const dir = tempDir();
  const file = path.join(dir, 'crm.db');
  fs.copyFileSync(path.join(FIXTURES, name), file);
  fs.chmodSync(file, 0o600);
  return file;
}

/** Rows of `table` restricted to `columns`, for comparing data across schema versions. */
function rows(db: Database.Database, table: string, columns: string[]): unknown[] {
  return db.prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM "${table}"`).all();
}

const columnsOf = (db: Database.Database, table: string): string[] =>
  (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map((c) => c.name);

describe('migrations', () => {
  beforeAll(requireBuilt);
  // process.umask() with no argument is deprecated: read it by setting one, then put it back.
  const oldUmask = process.umask(0o022);
  process.umask(oldUmask);
  afterEach(() => {
    process.umask(oldUmask);
  });

  test('the committed v1 fixture is what it claims: crm schema 1, with data', () => {
    const db = new Database(path.join(FIXTURES, 'v1.db'), { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(count(db, 'SELECT count(*) AS n FROM clients')).toBeGreaterThan(0);
    expect(count(db, 'SELECT count(*) AS n FROM payments')).toBeGreaterThan(0);
    db.close();
  });

  test('v1 fixture -> latest: schema equals a fresh database, every row kept, integrity ok', () => {
    const file = copyFixture('v1.db');
    const original = new Database(path.join(FIXTURES, 'v1.db'), { readonly: true });
    const store = openStore(file, { write: true });
    const fresh = openEmpty();
    try {
      expect(store.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(schemaOf(store.db)).toEqual(schemaOf(fresh.db));
      expect(integrity(store.db)).toEqual({ integrity: 'ok', foreignKeyViolations: 0 });
      let rowsKept = 0;
      for (const t of tables(original)) {
        const cols = columnsOf(original, t);
        const before = rows(original, t, cols);
        expect(rows(store.db, t, cols), t).toEqual(before);
        rowsKept += before.length;
      }
      // Migration 2: the fired and the archived client each get their status as the first line of history.
      expect(store.db.prepare('SELECT client_id, status, on_date, reason FROM client_status_changes ORDER BY id').all()).toEqual([
        { client_id: 2, status: 'fired', on_date: '2025-04-03', reason: 'abuse' },
        { client_id: 4, status: 'archived', on_date: '2025-04-02', reason: 'project ended' },
      ]);
      // Migration 1 ran before anything recorded when; the ones applied now are recorded with a time.
      const recorded = store.db.prepare('SELECT version, name, applied_at IS NOT NULL AS timed FROM migrations ORDER BY version').all();
      expect(recorded).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name, timed: m.version === 1 ? 0 : 1 })));
      report(`migration: v1 fixture (${rowsKept} rows in ${tables(original).length} tables) -> schema ${LATEST_VERSION}: schema equals fresh, ${rowsKept}/${rowsKept} rows kept`);
    } finally {
      store.close();
      fresh.close();
      original.close();
    }
  });

  test('the v1 fixture opens through the binary and lists its clients verbatim', async () => {
    const file = copyFixture('v1.db');
    const r = await spawnAsync(['client', 'list', '--all', '--json'], { db: file });
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { name: string }[]).map((c) => c.name).sort()).toEqual(
      ['100%_Agency', 'Acme Corp', "O'Brien & Sons", 'Zoë Lund'].sort(),
    );
  });

  test('a 0600 backup of the last good version is taken before the first schema change (umask 022)', () => {
    process.umask(0o022);
    const file = fixtureAtLatest();
    const before = dump(file);
    const store = openStore(file, { write: true, migrations: [...MIGRATIONS, V2] });
    store.close();
    const backup = `${file}.v${LATEST_VERSION}.bak`;
    expect(fs.statSync(backup).mode & 0o777).toBe(0o600);
    const b = new Database(backup, { readonly: true });
    expect(b.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(columnsOf(b, 'clients')).not.toContain('tag');
    b.close();
    expect(dump(backup)).toBe(before);
    withDb(file, (h) => {
      expect(h.pragma('user_version', { simple: true })).toBe(V2.version);
      expect(columnsOf(h, 'clients')).toContain('tag');
    });
    // Opening again migrates nothing and backs up nothing more; a fresh database needs no backup.
    openStore(file, { write: true, migrations: [...MIGRATIONS, V2] }).close();
    expect(listing(path.dirname(file)).filter((f) => f.includes('.bak'))).toEqual([path.basename(backup)]);
    const freshFile = tempDb();
    openStore(freshFile, { write: true, migrations: [...MIGRATIONS, V2] }).close();
    expect(listing(path.dirname(freshFile)).filter((f) => f.includes('.bak'))).toEqual([]);
  });

  test('an existing backup is never overwritten', () => {
    const file = copyFixture('v1.db');
    fs.writeFileSync(`${file}.v1.bak`, 'an older backup', { mode: 0o600 });
    openStore(file, { write: true, migrations: [...MIGRATIONS, V2] }).close();
    expect(fs.readFileSync(`${file}.v1.bak`, 'utf8')).toBe('an older backup');
    expect(fs.statSync(`${file}.v1.1.bak`).mode & 0o777).toBe(0o600);
  });

  test('a migration that fails midway leaves version, schema and data unchanged', () => {
    const file = fixtureAtLatest();
    const schemaBefore = withDb(file, schemaOf);
    const dataBefore = dump(file);
    expect(() => openStore(file, { write: true, migrations: [...MIGRATIONS, BROKEN] })).toThrow(/no_such_table/);
    withDb(file, (h) => {
      expect(h.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      expect(schemaOf(h)).toEqual(schemaBefore);
      expect(count(h, 'SELECT count(*) AS n FROM migrations WHERE version = ?', BROKEN.version)).toBe(0);
      expect(integrity(h).integrity).toBe('ok');
    });
    expect(dump(file)).toBe(dataBefore);
    // And the current crm still opens it.
    openStore(file, { write: true }).close();
  });

  test('processes opening a fresh database at once migrate it exactly once', async () => {
    const ROUNDS = STRESS ? 20 : 2;
    const K = 4;
    const fresh = openEmpty();
    let opened = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const db = tempDb();
      const runs = await pool(Array.from({ length: K }, (_, k) => k), K, (k) => spawnAsync(['client', 'add', `P${k}`], { db }));
      for (const r of runs) {
        expect(errLines(r.stderr)).toEqual([]);
        expect(r.code).toBe(0);
      }
      opened += runs.length;
      withDb(db, (h) => {
        expect(h.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
        expect(schemaOf(h)).toEqual(schemaOf(fresh.db));
        expect(count(h, 'SELECT count(*) AS n FROM clients')).toBe(K);
        expect(integrity(h).integrity).toBe('ok');
      });
      expect(fs.statSync(db).mode & 0o777).toBe(0o600);
    }
    fresh.close();
    report(`migration race: ${ROUNDS} fresh databases opened by ${K} processes at once (${opened} opens): 0 errors, migrated once, schema equal to fresh`);
  }, STRESS ? 300_000 : 30_000);

  test('processes migrating to the next version at once: one migration, one backup, and it holds the last good version', async () => {
    const ROUNDS = STRESS ? 10 : 2;
    const K = 4;
    // The built store with an injected v2, in K separate processes.
    const entry = await bundledSource("export { openStore } from './src/db/store.ts'; export { MIGRATIONS } from './src/db/migrations.ts';", 'store');
    const script = `
      const { openStore, MIGRATIONS } = await import(${JSON.stringify(entry)});
      openStore(process.env.FILE, { write: true, migrations: [...MIGRATIONS, JSON.parse(process.env.V2)] }).close();`;
    for (let round = 0; round < ROUNDS; round++) {
      const file = fixtureAtLatest();
      const before = dump(file);
      const runs = await pool(Array.from({ length: K }), K, () =>
        new Promise<{ code: number | null; stderr: string }>((resolve) => {
          const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
            env: { ...process.env, FILE: file, V2: JSON.stringify(V2) },
          });
          let stderr = '';
          child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
          child.on('close', (code) => resolve({ code, stderr }));
        }),
      );
      for (const r of runs) expect(r, r.stderr).toEqual({ code: 0, stderr: '' });
      expect(listing(path.dirname(file)).filter((f) => f.includes('.bak'))).toEqual([`crm.db.v${LATEST_VERSION}.bak`]);
      expect(dump(`${file}.v${LATEST_VERSION}.bak`)).toBe(before);
      withDb(file, (h) => {
        expect(h.pragma('user_version', { simple: true })).toBe(V2.version);
        expect(h.prepare('SELECT version, name FROM migrations WHERE version > ?').all(LATEST_VERSION)).toEqual([{ version: V2.version, name: V2.name }]);
        expect(integrity(h).integrity).toBe('ok');
      });
    }
    report(`migration race ${LATEST_VERSION} -> ${LATEST_VERSION + 1}: ${ROUNDS} rounds of ${K} processes at once: 0 errors, 1 backup per round, holding v${LATEST_VERSION}`);
  }, STRESS ? 120_000 : 30_000);

  describe('files crm must refuse, left byte-for-byte untouched (exit 1)', () => {
    /** A fresh SQLite file made by "another program". */
    const sqlite = (setup: (h: Database.Database) => void) => (): string => {
      const file = path.join(tempDir(), 'crm.db');
      const h = new Database(file);
      setup(h);
      h.close();
      return file;
    };
    const newer = (): string => {
      const file = copyFixture('v1.db');
      const h = new Database(file);
      h.pragma(`user_version = ${LATEST_VERSION + 1}`);
      h.close();
      return file;
    };
    const foreignTables = sqlite((h) => h.exec("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('someone else''s data')"));
    const foreignAppId = sqlite((h) => {
      h.pragma('application_id = 1179403647');
      h.exec('CREATE TABLE t (x)');
    });
    const foreignWal = sqlite((h) => {
      h.pragma('journal_mode = WAL');
      h.exec('CREATE TABLE clients (id INTEGER PRIMARY KEY, name TEXT)');
    });
    const text = (): string => {
      const file = path.join(tempDir(), 'crm.db');
      fs.writeFileSync(file, 'name,email\nAcme,ops@acme.test\n');
      return file;
    };
    const cases: [string, () => string, RegExp][] = [
      ['a database from a newer crm', newer, /newer crm/],
      ['an SQLite file with tables crm did not create', foreignTables, /another program/],
      ['an SQLite file with another application_id', foreignAppId, /another program/],
      ['a WAL-mode SQLite file of another program', foreignWal, /another program/],
      ['a text file', text, /not an SQLite file/],
    ];
    for (const [name, make, message] of cases) {
      test(name, async () => {
        const file = make();
        const dir = path.dirname(file);
        const digest = sha(file);
        const files = listing(dir);
        const runs = await pool([['client', 'list'], ['client', 'add', 'Intruder'], ['due']], 3, (args) => spawnAsync(args, { db: file }));
        for (const r of runs) {
          expect(r.code, r.stderr).toBe(1);
          expect(r.stdout).toBe('');
          const lines = errLines(r.stderr);
          expect(lines).toHaveLength(1);
          expect(lines[0]).toMatch(message);
          expect(lines[0]).toMatch(/untouched/);
          expect(sha(file)).toBe(digest);
          expect(listing(dir)).toEqual(files);
        }
      });
    }
  });
});
