// Opening crm's SQLite file: identity checks, pragmas, migrations, and the write transaction.
// The only module that decides whether a file is ours; everything else receives an open Store.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { CrmError } from '../domain/errors.js';
import { MIGRATIONS, latestVersion, type Migration } from './migrations.js';

export type DB = Database.Database;

/** 'CRM1' — written to the SQLite header so crm recognises its own files. */
export const APPLICATION_ID = 0x43524d31;
const SQLITE_MAGIC = 'SQLite format 3\u0000';

export interface Store {
  readonly db: DB;
  /** null for the in-memory stand-in used when reading before any database exists. */
  readonly path: string | null;
  /** Run `fn` in one BEGIN IMMEDIATE transaction: all of it is written, or none. */
  write<T>(fn: (db: DB) => T): T;
  close(): void;
}

/**
 * Test-only knobs (env CRM_TEST_*, read in cli/context.ts; see docs/RELIABILITY.md). They let the
 * reliability tests land a signal, a kill or a competing writer inside a transaction, and show the
 * tests catch what they claim to. Never set them in real use.
 */
export interface TestKnobs {
  /** CRM_TEST_DEFERRED=1: BEGIN DEFERRED instead of IMMEDIATE — the bug the concurrency test must catch. */
  deferred?: boolean;
  /** CRM_TEST_MAX_PAGES=N: PRAGMA max_page_count, to simulate a full disk (SQLITE_FULL). */
  maxPageCount?: number;
  /** CRM_TEST_SLOW_WRITE_MS=N: in each transaction read first, then sleep N ms before and after the change; and N ms after the commit. */
  slowWriteMs?: number;
  /** Told when a slow transaction reaches a point a test may want to interrupt ('write begun', …). */
  onSlow?: (where: string) => void;
}

export interface OpenOptions {
  /** false: a missing or empty file is read as an empty database and nothing is created. */
  write: boolean;
  busyTimeoutMs?: number;
  /** Called with one-line warnings (e.g. a group-readable database). */
  warn?: (message: string) => void;
  /** Called after each committed write transaction (so an interrupted run can say what was saved). */
  onCommit?: () => void;
  /** The schema history to apply; tests inject their own. Default: MIGRATIONS. */
  migrations?: readonly Migration[];
  test?: TestKnobs;
}

/** Sleep synchronously: a test knob must hold the transaction open, not yield to the event loop. */
function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function slowPoint(knobs: TestKnobs | undefined, where: string): void {
  if (!knobs?.slowWriteMs) return;
  knobs.onSlow?.(where);
  sleepSync(knobs.slowWriteMs);
}

function makeStore(db: DB, file: string | null, opts: Pick<OpenOptions, 'onCommit' | 'test'> = {}): Store {
  const knobs = opts.test;
  return {
    db,
    path: file,
    write<T>(fn: (db: DB) => T): T {
      const tx = db.transaction(() => {
        if (knobs?.slowWriteMs) {
          // Start the read snapshot first, as a command that reads before it writes does.
          db.pragma('user_version', { simple: true });
          slowPoint(knobs, 'write begun');
        }
        const result = fn(db);
        slowPoint(knobs, 'write done');
        return result;
      });
      const result = knobs?.deferred ? tx.deferred() : tx.immediate();
      opts.onCommit?.();
      slowPoint(knobs, 'write committed');
      return result;
    },
    close: () => db.close(),
  };
}

function applyPragmas(db: DB, busyTimeoutMs: number): void {
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
  db.pragma('foreign_keys = ON');
  db.pragma('secure_delete = ON');
  db.pragma('synchronous = FULL');
}

export interface MigrateOptions {
  /** Default: MIGRATIONS. */
  migrations?: readonly Migration[];
  /**
   * Called once, inside the write lock and before the first schema change, with the version the
   * database is at. Nothing can change the database while it runs, so a backup taken here (through
   * another connection) is exactly the last good version.
   */
  beforeFirstChange?: (fromVersion: number) => void;
  test?: TestKnobs;
}

const userVersion = (db: DB): number => db.pragma('user_version', { simple: true }) as number;

/** Apply pending migrations, each in one transaction together with its version bump. */
export function migrate(db: DB, opts: MigrateOptions = {}): void {
  const migrations = [...(opts.migrations ?? MIGRATIONS)].sort((a, b) => a.version - b.version);
  if (userVersion(db) >= latestVersion(migrations)) return;
  let changed = false;
  for (const m of migrations) {
    if (userVersion(db) >= m.version) continue;
    db.transaction(() => {
      // Re-read inside the write lock: another process may have migrated while we waited.
      const current = userVersion(db);
      if (current >= m.version) return;
      if (!changed) opts.beforeFirstChange?.(current);
      changed = true;
      db.exec(m.sql);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma(`user_version = ${m.version}`);
      slowPoint(opts.test, `migrating to ${m.version}`);
    }).immediate();
  }
}

/** An empty, migrated, in-memory database: what a read sees before any file exists. */
export function openEmpty(migrations?: readonly Migration[]): Store {
  const db = new Database(':memory:');
  applyPragmas(db, 0);
  migrate(db, { migrations });
  return makeStore(db, null);
}

function createFile(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  // Create the file 0600 before SQLite opens it, so -wal and -shm inherit 0600.
  try {
    fs.closeSync(fs.openSync(file, 'wx', 0o600));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
}

function readHeader(file: string): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(16);
    const n = fs.readSync(fd, buf, 0, 16, 0);
    return buf.subarray(0, n);
  } finally {
    fs.closeSync(fd);
  }
}

/** Refuse anything that is not an empty file, an empty SQLite file, or crm's own database. */
function checkIdentity(db: DB, file: string, latest: number): void {
  let appId: number;
  let version: number;
  let tables: number;
  try {
    appId = db.pragma('application_id', { simple: true }) as number;
    version = userVersion(db);
    tables = (db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'").get() as { n: number }).n;
  } catch (e) {
    throw new CrmError(`${file} is not a crm database (${(e as Error).message}); it was left untouched`);
  }
  if (appId === APPLICATION_ID) {
    if (version > latest) {
      throw new CrmError(
        `${file} was written by a newer crm (schema ${version}; this crm knows up to ${latest}); upgrade crm — the file was left untouched`,
      );
    }
    return;
  }
  if (appId === 0 && tables === 0 && version === 0) return; // an empty SQLite file: adopt it
  throw new CrmError(`${file} is an SQLite database of another program, not crm's; it was left untouched`);
}

/** Open crm's database at `file`. With `write: false` a missing or 0-byte file reads as empty. */
export function openStore(file: string, opts: OpenOptions): Store {
  const st = fs.statSync(file, { throwIfNoEntry: false });
  const exists = st !== undefined;
  if (st?.isDirectory()) throw new CrmError(`${file} is a directory, not a crm database`);
  const size = st?.size ?? 0;
  if (!opts.write && size === 0) return openEmpty(opts.migrations);
  if (size > 0 && readHeader(file).toString('latin1') !== SQLITE_MAGIC) {
    throw new CrmError(`${file} is not a crm database (not an SQLite file); it was left untouched`);
  }
  if (!exists) createFile(file);
  const loose = st !== undefined && (st.mode & 0o077) !== 0;
  const db = new Database(file, { fileMustExist: true });
  try {
    applyPragmas(db, opts.busyTimeoutMs ?? 5000);
    const migrations = opts.migrations ?? MIGRATIONS;
    checkIdentity(db, file, latestVersion(migrations));
    // Only after it proved to be ours: never advise chmod on another program's file.
    if (loose) opts.warn?.(`warning: ${file} is readable by other users; protect it with: chmod 600 '${file}'`);
    if ((db.pragma('journal_mode', { simple: true }) as string) !== 'wal') db.pragma('journal_mode = WAL');
    migrate(db, {
      migrations,
      test: opts.test,
      // Keep a copy of the last good version before the first schema change.
      beforeFirstChange: (from) => {
        if (from > 0) backupVersion(file, from);
      },
    });
    if (opts.test?.maxPageCount) db.pragma(`max_page_count = ${Math.floor(opts.test.maxPageCount)}`);
    return makeStore(db, file, opts);
  } catch (e) {
    db.close();
    throw e;
  }
}

/**
 * Back up `file` as `<file>.v<version>.bak` (or `.v<version>.<n>.bak` when that exists) before a
 * migration. Called while this process holds the write lock, so it reads through a second
 * connection: WAL lets it read the last committed state, which no one can change meanwhile.
 */
function backupVersion(file: string, version: number): void {
  let target = `${file}.v${version}.bak`;
  for (let n = 1; fs.existsSync(target); n++) target = `${file}.v${version}.${n}.bak`;
  const reader = new Database(file, { readonly: true, fileMustExist: true });
  try {
    backupTo(reader, target);
  } finally {
    reader.close();
  }
}

/** Copy the database to `target` (created 0600) with VACUUM INTO; refuses to overwrite. */
export function backupTo(db: DB, target: string): void {
  fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
  const fd = fs.openSync(target, 'wx', 0o600);
  fs.closeSync(fd);
  try {
    db.prepare('VACUUM INTO ?').run(target);
  } catch (e) {
    fs.rmSync(target, { force: true });
    throw e;
  }
}
