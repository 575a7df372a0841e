// Opening crm's SQLite file: pragmas, migrations and the write transaction, once identity.ts has
// judged the file ours or empty. Everything else receives an open Store.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { CrmError } from '../domain/errors.js';
import { MIGRATIONS, latestVersion, type Migration } from './migrations.js';
import { APPLICATION_ID, checkIdentity, judgeFile } from './identity.js';
import { createPrivateFile, freeName, sleepSync, statFile } from './files.js';
import { closeEntry, openEntry, type JournalLabel } from './journal.js';

export type DB = Database.Database;

export { APPLICATION_ID };

export interface Store {
  readonly db: DB;
  /** null for the in-memory stand-in used when reading before any database exists. */
  readonly path: string | null;
  /** Run `fn` in one BEGIN IMMEDIATE transaction: all of it is written, or none. */
  write<T>(fn: (db: DB) => T): T;
  close(): void;
}

/**
 * Faults a test injects to land a signal, a kill, a competing writer or a full disk inside a
 * transaction, and to show the tests catch what they claim to. Only main()'s injected dependencies
 * can set them (test/helpers/fault-entry.mjs); the real crm never reads them from anywhere.
 */
export interface Faults {
  /** BEGIN DEFERRED instead of IMMEDIATE — the bug the concurrency test must catch. */
  deferred?: boolean;
  /** PRAGMA max_page_count, to simulate a full disk (SQLITE_FULL). */
  maxPageCount?: number;
  /** In each transaction read first, then sleep this many ms before and after the change; and after the commit. */
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
  /** The schema history to apply; tests inject their own. Default: MIGRATIONS. */
  migrations?: readonly Migration[];
  /** When a migration is recorded as applied; see MigrateOptions.now. */
  now?: () => Date;
  faults?: Faults;
  /**
   * What each write is journaled as, for `crm undo`. Without it writes are not journaled (tests
   * that use the store directly).
   */
  journal?: () => JournalLabel;
}

/** Sleep synchronously: an injected fault must hold the transaction open, not yield to the event loop. */
function slowPoint(faults: Faults | undefined, where: string): void {
  if (!faults?.slowWriteMs) return;
  faults.onSlow?.(where);
  sleepSync(faults.slowWriteMs);
}

/**
 * Before closing a connection that wrote: let SQLite refresh the statistics its query planner reads
 * (sqlite_stat1), which it does only for tables this connection queried whose statistics are
 * missing or no longer match their size (10× off), within a bounded analysis; otherwise it is a
 * no-op. `mask` 0x10002 looks at every table (after a migration). Never waits for another
 * writer and never fails the run: statistics are an optimisation, and the next write tries again.
 */
function optimize(db: DB, mask?: number): void {
  const wait = db.pragma('busy_timeout', { simple: true }) as number;
  try {
    db.pragma('busy_timeout = 0');
    db.pragma(mask === undefined ? 'optimize' : `optimize = ${mask}`);
  } catch {
    // Busy or read-only: nothing lost but the statistics.
  } finally {
    db.pragma(`busy_timeout = ${wait}`);
  }
}

function makeStore(db: DB, file: string | null, opts: Pick<OpenOptions, 'faults' | 'journal'> = {}): Store {
  const faults = opts.faults;
  const journal = opts.journal;
  let wrote = false;
  return {
    db,
    path: file,
    write<T>(fn: (db: DB) => T): T {
      const tx = db.transaction(() => {
        if (faults?.slowWriteMs) {
          // Start the read snapshot first, as a command that reads before it writes does.
          db.pragma('user_version', { simple: true });
          slowPoint(faults, 'write begun');
        }
        if (journal) openEntry(db, journal());
        const result = fn(db);
        if (journal) closeEntry(db);
        slowPoint(faults, 'write done');
        return result;
      });
      const result = faults?.deferred ? tx.deferred() : tx.immediate();
      wrote = true;
      slowPoint(faults, 'write committed');
      return result;
    },
    close: () => {
      // A run that only read leaves the file as it found it (and pays nothing for it).
      if (wrote) optimize(db);
      db.close();
    },
  };
}

function applyPragmas(db: DB, busyTimeoutMs: number): void {
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
  db.pragma('foreign_keys = ON');
  db.pragma('secure_delete = ON');
  db.pragma('synchronous = FULL');
}

interface MigrateOptions {
  /** Default: MIGRATIONS. */
  migrations?: readonly Migration[];
  /**
   * Called once, inside the write lock and before the first schema change, with the version the
   * database is at. Nothing can change the database while it runs, so a backup taken here (through
   * another connection) is exactly the last good version.
   */
  beforeFirstChange?: (fromVersion: number) => void;
  /**
   * When a migration is recorded as applied. Default: the system clock, not CRM_NOW — the record
   * says when the file changed, which is not a business date. Tests inject a fixed one.
   */
  now?: () => Date;
  faults?: Faults;
}

const userVersion = (db: DB): number => db.pragma('user_version', { simple: true }) as number;

/** The table of applied migrations, created by migration 3 ('record-migrations'). */
const hasMigrationsTable = (db: DB): boolean =>
  db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migrations'").get() !== undefined;

/**
 * Record `applied` (every migration up to the one being applied) in the migrations table, keeping
 * rows already there. A migration this migrate() call applied gets its time; one applied before
 * (before the table existed) gets applied_at NULL: when it ran is unknown, and no date is made up.
 */
function recordMigrations(db: DB, applied: readonly Migration[], appliedAt: ReadonlyMap<number, string>): void {
  const insert = db.prepare('INSERT INTO migrations (version, name, applied_at) VALUES (?, ?, ?) ON CONFLICT (version) DO NOTHING');
  for (const m of applied) insert.run(m.version, m.name, appliedAt.get(m.version) ?? null);
}

/**
 * Apply pending migrations, each in one transaction together with its version bump and, once the
 * migrations table exists, its record there.
 */
export function migrate(db: DB, opts: MigrateOptions = {}): boolean {
  const migrations = [...(opts.migrations ?? MIGRATIONS)].sort((a, b) => a.version - b.version);
  if (userVersion(db) >= latestVersion(migrations)) return false;
  const now = opts.now ?? (() => new Date());
  /** version -> when this call applied it, for the records written when the table appears. */
  const appliedAt = new Map<number, string>();
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
      appliedAt.set(m.version, now().toISOString());
      if (hasMigrationsTable(db)) recordMigrations(db, migrations.filter((e) => e.version <= m.version), appliedAt);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma(`user_version = ${m.version}`);
      slowPoint(opts.faults, `migrating to ${m.version}`);
    }).immediate();
  }
  return changed;
}

/** An empty, migrated, in-memory database: what a read sees before any file exists. */
export function openEmpty(migrations?: readonly Migration[]): Store {
  const db = new Database(':memory:');
  applyPragmas(db, 0);
  migrate(db, { migrations });
  return makeStore(db, null);
}

/** Open crm's database at `file`. With `write: false` a missing, 0-byte or empty SQLite file reads as empty. */
export function openStore(file: string, opts: OpenOptions): Store {
  const st = statFile(file);
  if (st?.isDirectory()) throw new CrmError(`${file} is a directory, not a crm database`);
  if (st && !st.isFile()) throw new CrmError(`${file} is not a regular file, so not a crm database; it was left untouched`);
  const migrations = opts.migrations ?? MIGRATIONS;
  const latest = latestVersion(migrations);
  // Before any SQLite open: opening read-write would checkpoint another program's -wal or replay its journal.
  const verdict = judgeFile(file, latest);
  if (!opts.write && verdict !== 'ours') return openEmpty(opts.migrations);
  if (!st) createPrivateFile(file);
  const loose = st !== undefined && (st.mode & 0o077) !== 0;
  const db = new Database(file, { fileMustExist: true });
  try {
    applyPragmas(db, opts.busyTimeoutMs ?? 5000);
    checkIdentity(db, file, latest);
    // Only after it proved to be ours: never advise chmod on another program's file.
    if (loose) opts.warn?.(`warning: ${file} is readable by other users; protect it with: chmod 600 '${file}'`);
    if ((db.pragma('journal_mode', { simple: true }) as string) !== 'wal') db.pragma('journal_mode = WAL');
    const migrated = migrate(db, {
      migrations,
      now: opts.now,
      faults: opts.faults,
      // Keep a copy of the last good version before the first schema change.
      beforeFirstChange: (from) => {
        if (from > 0) backupVersion(file, from);
      },
    });
    // New indexes are best used with statistics: gather those missing, for every table, once.
    if (migrated) optimize(db, 0x10002);
    if (opts.faults?.maxPageCount) db.pragma(`max_page_count = ${Math.floor(opts.faults.maxPageCount)}`);
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
  const target = freeName((n) => (n === 0 ? `${file}.v${version}.bak` : `${file}.v${version}.${n}.bak`));
  const reader = new Database(file, { readonly: true, fileMustExist: true });
  try {
    backupTo(reader, target);
  } finally {
    reader.close();
  }
}

/** Copy the database to `target` (created 0600) with VACUUM INTO; refuses to overwrite. */
export function backupTo(db: DB, target: string): void {
  createPrivateFile(target, { exclusive: true, what: `cannot write the backup ${target}` });
  try {
    db.prepare('VACUUM INTO ?').run(target);
  } catch (e) {
    fs.rmSync(target, { force: true });
    throw e;
  }
}
