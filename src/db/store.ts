// Opening crm's SQLite file: identity checks, pragmas, migrations, and the write transaction.
// The only module that decides whether a file is ours; everything else receives an open Store.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { CrmError } from '../domain/errors.js';
import { LATEST_VERSION, MIGRATIONS } from './migrations.js';

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

export interface OpenOptions {
  /** false: a missing or empty file is read as an empty database and nothing is created. */
  write: boolean;
  busyTimeoutMs?: number;
  /** Called with one-line warnings (e.g. a group-readable database). */
  warn?: (message: string) => void;
}

function makeStore(db: DB, file: string | null): Store {
  return {
    db,
    path: file,
    write<T>(fn: (db: DB) => T): T {
      return db.transaction(() => fn(db)).immediate();
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

/** Apply pending migrations, each in one transaction together with its version bump. */
export function migrate(db: DB, beforeFirstChange?: (fromVersion: number) => void): void {
  const start = db.pragma('user_version', { simple: true }) as number;
  if (start >= LATEST_VERSION) return;
  // Outside any transaction: VACUUM INTO cannot run inside one.
  beforeFirstChange?.(start);
  for (const m of MIGRATIONS) {
    if ((db.pragma('user_version', { simple: true }) as number) >= m.version) continue;
    db.transaction(() => {
      // Re-read inside the write lock: another process may have migrated while we waited.
      const current = db.pragma('user_version', { simple: true }) as number;
      if (current >= m.version) return;
      db.exec(m.sql);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
}

/** An empty, migrated, in-memory database: what a read sees before any file exists. */
export function openEmpty(): Store {
  const db = new Database(':memory:');
  applyPragmas(db, 0);
  migrate(db);
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
function checkIdentity(db: DB, file: string): void {
  let appId: number;
  let version: number;
  let tables: number;
  try {
    appId = db.pragma('application_id', { simple: true }) as number;
    version = db.pragma('user_version', { simple: true }) as number;
    tables = (db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'").get() as { n: number }).n;
  } catch (e) {
    throw new CrmError(`${file} is not a crm database (${(e as Error).message}); it was left untouched`);
  }
  if (appId === APPLICATION_ID) {
    if (version > LATEST_VERSION) {
      throw new CrmError(
        `${file} was written by a newer crm (schema ${version}; this crm knows up to ${LATEST_VERSION}); upgrade crm — the file was left untouched`,
      );
    }
    return;
  }
  if (appId === 0 && tables === 0 && version === 0) return; // an empty SQLite file: adopt it
  throw new CrmError(`${file} is an SQLite database of another program, not crm's; it was left untouched`);
}

/** Open crm's database at `file`. With `write: false` a missing or 0-byte file reads as empty. */
export function openStore(file: string, opts: OpenOptions): Store {
  const exists = fs.existsSync(file);
  if (exists && fs.statSync(file).isDirectory()) throw new CrmError(`${file} is a directory, not a crm database`);
  const size = exists ? fs.statSync(file).size : 0;
  if (!opts.write && size === 0) return openEmpty();
  if (size > 0 && readHeader(file).toString('latin1') !== SQLITE_MAGIC) {
    throw new CrmError(`${file} is not a crm database (not an SQLite file); it was left untouched`);
  }
  if (!exists) createFile(file);
  else if ((fs.statSync(file).mode & 0o077) !== 0) {
    opts.warn?.(`warning: ${file} is readable by other users; protect it with: chmod 600 '${file}'`);
  }
  const db = new Database(file, { fileMustExist: true });
  try {
    applyPragmas(db, opts.busyTimeoutMs ?? 5000);
    checkIdentity(db, file);
    if ((db.pragma('journal_mode', { simple: true }) as string) !== 'wal') db.pragma('journal_mode = WAL');
    migrate(db, (from) => {
      // Keep a copy of the last good version before the first schema change.
      const backup = `${file}.v${from}.bak`;
      if (from > 0 && !fs.existsSync(backup)) backupTo(db, backup);
    });
    return makeStore(db, file);
  } catch (e) {
    db.close();
    throw e;
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
