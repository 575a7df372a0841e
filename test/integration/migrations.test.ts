// Named, recorded migrations: each migration's row in the migrations table is written in the same
// transaction as its schema change; migrations applied before the table existed are recorded with
// an unknown time, never a made-up one; `crm db status` lists them.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import Database from 'better-sqlite3';
import { ROOT, crm, crmJson, seed, tempDb, tempDir } from '../helpers/cli.js';
import { LATEST_VERSION, MIGRATIONS, type Migration } from '../../src/db/migrations.js';
import { migrate, openStore } from '../../src/db/store.js';
import { dbStatus } from '../../src/db/status.js';
import { COUNT_LABELS, renderDbStatus } from '../../src/render/db-status.js';
import type { DbStatusInfo } from '../../src/domain/db-status.js';
import { plainStyle } from '../../src/render/style.js';

const T1 = new Date('2026-11-22T10:00:00Z');
const T2 = new Date('2027-01-05T08:30:00Z');
const at = (t: Date) => (): Date => t;

const record = (version: number, appliedAt: Date | null) => ({
  version,
  name: MIGRATIONS.find((m) => m.version === version)!.name,
  appliedAt: appliedAt?.toISOString() ?? null,
});

/** The migrations table as dbStatus() reports it. */
const records = (db: Database.Database) => dbStatus(db).migrations;

const tables = (db: Database.Database): string[] =>
  (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((t) => t.name);

const userVersion = (db: Database.Database): number => db.pragma('user_version', { simple: true }) as number;

function v1Fixture(): string {
  const file = path.join(tempDir(), 'crm.db');
  fs.copyFileSync(path.join(ROOT, 'test', 'fixtures', 'v1.db'), file);
  fs.chmodSync(file, 0o600);
  return file;
}

/** Open `file` with `migrations` at time `now`, then close it. */
function openAt(file: string, now: Date, migrations: readonly Migration[] = MIGRATIONS): void {
  openStore(file, { write: true, now: at(now), migrations }).close();
}

function withFile<T>(file: string, fn: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** The next migration, additive as a real one would be. */
const NEXT: Migration = { version: LATEST_VERSION + 1, name: 'test-tags', sql: 'CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT NOT NULL) STRICT;' };

describe('migration names', () => {
  test('versions run 1, 2, 3 … without gaps, and every name is unique and kebab-case', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    for (const m of MIGRATIONS) expect(m.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(new Set(MIGRATIONS.map((m) => m.name)).size).toBe(MIGRATIONS.length);
  });

  test('the released names', () => {
    expect(MIGRATIONS.slice(0, 3).map((m) => `${m.version} ${m.name}`)).toEqual(['1 initial-schema', '2 client-status-history', '3 record-migrations']);
    expect(MIGRATIONS.slice(3, 5).map((m) => `${m.version} ${m.name}`)).toEqual(['4 ledger', '5 scale-indexes']);
  });
});

describe('recorded migrations', () => {
  test('a fresh database records every migration, by name, at the time it was applied', () => {
    const file = tempDb();
    openAt(file, T1);
    withFile(file, (db) => {
      expect(userVersion(db)).toBe(LATEST_VERSION);
      expect(records(db)).toEqual(MIGRATIONS.map((m) => record(m.version, T1)));
    });
  });

  test('the v1 fixture: migration 1 ran before anything recorded when, so its time is unknown; 2 and 3 get theirs', () => {
    const file = v1Fixture();
    openAt(file, T1);
    withFile(file, (db) => {
      expect(userVersion(db)).toBe(LATEST_VERSION);
      expect(records(db)).toEqual([record(1, null), record(2, T1), record(3, T1), record(4, T1), record(5, T1)]);
    });
  });

  test('a version-2 database: both earlier migrations are recorded with an unknown time', () => {
    const file = v1Fixture();
    openAt(file, T1, MIGRATIONS.slice(0, 2));
    withFile(file, (db) => expect(tables(db)).not.toContain('migrations'));
    openAt(file, T2);
    withFile(file, (db) => expect(records(db)).toEqual([record(1, null), record(2, null), record(3, T2), record(4, T2), record(5, T2)]));
  });

  test('a later migration is recorded at its own time; the records before it stay as they were', () => {
    const file = v1Fixture();
    openAt(file, T1);
    openAt(file, T2, [...MIGRATIONS, NEXT]);
    withFile(file, (db) => {
      expect(userVersion(db)).toBe(NEXT.version);
      expect(records(db)).toEqual([record(1, null), record(2, T1), record(3, T1), record(4, T1), record(5, T1), { version: NEXT.version, name: 'test-tags', appliedAt: T2.toISOString() }]);
    });
    // Opening again applies nothing and records nothing.
    openAt(file, new Date('2030-01-01T00:00:00Z'), [...MIGRATIONS, NEXT]);
    withFile(file, (db) => expect(records(db).map((r) => r.appliedAt)).toEqual([null, T1.toISOString(), T1.toISOString(), T1.toISOString(), T1.toISOString(), T2.toISOString()]));
  });

  test('the records are written by the system clock when no clock is given', () => {
    const db = new Database(':memory:');
    const before = Date.now();
    migrate(db);
    const times = records(db).map((r) => Date.parse(r.appliedAt!));
    expect(times).toHaveLength(LATEST_VERSION);
    for (const t of times) expect(t).toBeGreaterThanOrEqual(before - 1000);
    for (const t of times) expect(t).toBeLessThanOrEqual(Date.now());
    db.close();
  });
});

describe('a failing migration leaves neither its schema change nor its record', () => {
  test('a migration that fails midway', () => {
    const file = v1Fixture();
    openAt(file, T1);
    const broken: Migration = {
      version: LATEST_VERSION + 1,
      name: 'test-fails-midway',
      sql: 'CREATE TABLE half_done (x INTEGER); INSERT INTO half_done VALUES (1); INSERT INTO no_such_table VALUES (1);',
    };
    expect(() => openAt(file, T2, [...MIGRATIONS, broken])).toThrow(/no_such_table/);
    withFile(file, (db) => {
      expect(userVersion(db)).toBe(LATEST_VERSION);
      expect(tables(db)).not.toContain('half_done');
      expect(records(db)).toEqual([record(1, null), record(2, T1), record(3, T1), record(4, T1), record(5, T1)]);
    });
  });

  test('a migration whose record cannot be written is not applied either', () => {
    const file = v1Fixture();
    openAt(file, T1);
    // The empty name breaks the record's CHECK, after the schema change itself succeeded.
    const unrecordable: Migration = { version: LATEST_VERSION + 1, name: '', sql: 'CREATE TABLE tags (id INTEGER PRIMARY KEY) STRICT;' };
    expect(() => openAt(file, T2, [...MIGRATIONS, unrecordable])).toThrow(/CHECK constraint failed/);
    withFile(file, (db) => {
      expect(userVersion(db)).toBe(LATEST_VERSION);
      expect(tables(db)).not.toContain('tags');
      expect(records(db)).toHaveLength(LATEST_VERSION);
    });
  });

  test('the migration that creates the table, failing, leaves no table and no records', () => {
    const file = v1Fixture();
    openAt(file, T1, MIGRATIONS.slice(0, 2));
    const broken = MIGRATIONS.map((m) => (m.version === 3 ? { ...m, sql: `${m.sql}\nINSERT INTO no_such_table VALUES (1);` } : m));
    expect(() => openAt(file, T2, broken)).toThrow(/no_such_table/);
    withFile(file, (db) => {
      expect(userVersion(db)).toBe(2);
      expect(tables(db)).not.toContain('migrations');
    });
    // The real crm then migrates it: version 2 was applied by an earlier run, so its time is unknown.
    openAt(file, T2);
    withFile(file, (db) => expect(records(db)).toEqual([record(1, null), record(2, null), record(3, T2), record(4, T2), record(5, T2)]));
  });
});

describe('db status lists the migrations', () => {
  test('dbStatus(): none before the first write; version, name and appliedAt (or null) after', () => {
    expect(dbStatus(null).migrations).toEqual([]);
    const file = v1Fixture();
    openAt(file, T1);
    withFile(file, (db) =>
      expect(dbStatus(db).migrations).toEqual([
        { version: 1, name: 'initial-schema', appliedAt: null },
        { version: 2, name: 'client-status-history', appliedAt: '2026-11-22T10:00:00.000Z' },
        { version: 3, name: 'record-migrations', appliedAt: '2026-11-22T10:00:00.000Z' },
        { version: 4, name: 'ledger', appliedAt: '2026-11-22T10:00:00.000Z' },
        { version: 5, name: 'scale-indexes', appliedAt: '2026-11-22T10:00:00.000Z' },
      ]),
    );
  });

  test('crm db status --json: an empty list before the first write; after it, every migration with the real time it was applied', async () => {
    const db = tempDb();
    expect((await crmJson<DbStatusInfo>(['db', 'status'], { db })).migrations).toEqual([]);
    const before = Date.now();
    await seed(db, [['client', 'add', 'Acme Corp']]);
    const { migrations } = await crmJson<DbStatusInfo>(['db', 'status'], { db });
    expect(migrations.map((m) => `${m.version} ${m.name}`)).toEqual(MIGRATIONS.map((m) => `${m.version} ${m.name}`));
    // Not CRM_NOW (2026-11-22 in tests): the record says when the file changed.
    for (const m of migrations) expect(Date.parse(m.appliedAt!)).toBeGreaterThanOrEqual(before - 1000);
  });

  test('renderDbStatus labels every count dbStatus() reports, in its order', () => {
    expect(Object.keys(COUNT_LABELS)).toEqual(Object.keys(dbStatus(null).counts));
  });

  test('renderDbStatus takes what the CLI builds from dbStatus(): file facts spread with its result', () => {
    // Typed as src/cli/db.ts builds it, so a change to DbStatus that render cannot read fails the type check.
    const info: DbStatusInfo = { path: '/nowhere/crm.db', exists: false, bytes: 0, mode: null, ...dbStatus(null) };
    expect(renderDbStatus(plainStyle, info)).toMatch(/^database {2}\/nowhere\/crm\.db \(not created yet/);
  });

  test('renderDbStatus prints what crm db status prints today, in each state of the file', async () => {
    const style = plainStyle;
    // The CLI may not list the migrations yet: compare everything above them.
    const aboveMigrations = (text: string): string => text.replace(/^migrations\n(?: {2}.*\n)*/m, '');
    const missing = path.join(tempDir(), 'crm.db');
    const empty = path.join(tempDir(), 'crm.db');
    fs.writeFileSync(empty, '', { mode: 0o600 });
    const created = tempDb();
    await seed(created, [['client', 'add', 'Acme Corp'], ['change', 'add', 'acme', '--summary', 'Dark mode']]);
    for (const [db, args] of [[missing, []], [empty, []], [created, []], [created, ['--check']]] as const) {
      const printed = await crm(['db', 'status', ...args], { db });
      expect(printed.code, printed.stderr).toBe(0);
      const info = await crmJson<DbStatusInfo>(['db', 'status', ...args], { db });
      const rendered = renderDbStatus(style, info, 80); // crm fits 80 columns when stdout is no terminal
      expect(aboveMigrations(rendered)).toBe(aboveMigrations(printed.stdout));
      expect(rendered.includes('\nmigrations\n')).toBe(db === created);
    }
  });
});
