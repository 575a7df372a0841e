// `crm db restore FILE`: replace the database with a backup's content, after checking the backup is a
// sound crm database, keeping the database it replaces as `<db>.before-restore`. The backup itself is
// only ever read as bytes (copied), never opened by SQLite, so it stays exactly as it was; so does a
// current database that is not crm's.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { CrmError, UsageError, quote } from '../domain/errors.js';
import { checkIdentity, judgeFile } from './identity.js';
import { LATEST_VERSION } from './migrations.js';
import { freeName, statFile } from './files.js';
import { fsFailure, makeFolders } from '../io/fs.js';
import { backupTo } from './store.js';

export interface Restored {
  /** The backup's schema version (older ones are brought up to date the next time crm opens the file). */
  schemaVersion: number;
  counts: { clients: number; interactions: number; invoices: number };
  /** Where the replaced database was kept; null when there was none. */
  keptAs: string | null;
}

const removeWithSidecars = (file: string): void => {
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) fs.rmSync(f, { force: true });
};

function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Some file systems cannot fsync a folder; the rename is still atomic.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** The backup, judged from its bytes: a crm database this crm can read, with nothing pending beside it. */
function judgeBackup(backup: string): void {
  const st = statFile(backup);
  if (st === undefined) throw new UsageError(`${quote(backup)} does not exist; give a file crm db backup wrote`);
  if (!st.isFile()) throw new UsageError(`${quote(backup)} is not a file; give a file crm db backup wrote`);
  const verdict = judgeFile(backup, LATEST_VERSION, 0);
  if (verdict !== 'ours') throw new CrmError(`${backup} holds no crm data (an empty file or database); nothing was restored`);
  const wal = statFile(`${backup}-wal`);
  if (wal !== undefined && wal.size > 0) {
    throw new CrmError(`${backup} is a database in use (it has a ${path.basename(backup)}-wal beside it), not a backup; make one with crm db backup — nothing was restored`);
  }
}

/** Copy the backup beside the database and check the copy through SQLite: identity, integrity, crm's tables. */
function sealedCopy(backup: string, temp: string): Pick<Restored, 'schemaVersion' | 'counts'> {
  try {
    fs.copyFileSync(backup, temp, fs.constants.COPYFILE_EXCL);
    fs.chmodSync(temp, 0o600);
    const fd = fs.openSync(temp, 'r+');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
  } catch (e) {
    throw fsFailure(`cannot copy ${backup} beside the database`, e);
  }
  const db = new Database(temp, { fileMustExist: true });
  try {
    checkIdentity(db, backup, LATEST_VERSION);
    const rows = (db.pragma('integrity_check(5)') as { integrity_check: string }[]).map((r) => r.integrity_check);
    if (rows.join() !== 'ok') {
      const said = rows.join('; ').replace(/\*\*\* in database \w+ \*\*\*\s*/g, '').replace(/\s+/g, ' ').slice(0, 200);
      throw new CrmError(`${backup} is damaged (integrity check: ${said}); nothing was restored`);
    }
    const tables = new Set((db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`).all() as { name: string }[]).map((t) => t.name));
    for (const t of ['clients', 'interactions', 'invoices']) {
      if (!tables.has(t)) throw new CrmError(`${backup} is not a crm database (it has no ${t} table); it was left untouched`);
    }
    const n = (t: string): number => (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
    return {
      schemaVersion: db.pragma('user_version', { simple: true }) as number,
      counts: { clients: n('clients'), interactions: n('interactions'), invoices: n('invoices') },
    };
  } catch (e) {
    if (e instanceof CrmError) throw e;
    throw new CrmError(`${backup} cannot be read as a crm database (${(e as Error).message}); nothing was restored`);
  } finally {
    db.close();
  }
}

/** `<db>.before-restore`, or `.before-restore.1`, `.2`… when that exists. */
const keepName = (dbFile: string): string => freeName((n) => (n === 0 ? `${dbFile}.before-restore` : `${dbFile}.before-restore.${n}`));

/**
 * Take the database for ourselves (every other connection gone, the WAL folded in and removed, an
 * exclusive lock held), keep a copy of it, then rename the checked copy over it. No WAL is left to
 * replay over the restored file, and no other crm writes in between.
 */
function replace(dbFile: string, temp: string, busyTimeoutMs: number): string {
  const db = new Database(dbFile, { fileMustExist: true });
  try {
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
    checkIdentity(db, dbFile, LATEST_VERSION);
    db.pragma('locking_mode = EXCLUSIVE');
    try {
      db.pragma('journal_mode = DELETE');
      db.exec('BEGIN EXCLUSIVE; COMMIT');
    } catch (e) {
      const code = (e as { code?: string }).code ?? '';
      if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
        throw new CrmError(`the database ${dbFile} is in use by another crm; try again when it is done — nothing was restored`);
      }
      throw e;
    }
    const kept = keepName(dbFile);
    backupTo(db, kept);
    try {
      fs.renameSync(temp, dbFile);
    } catch (e) {
      fs.rmSync(kept, { force: true });
      throw fsFailure(`cannot replace ${dbFile}`, e);
    }
    for (const f of [`${dbFile}-wal`, `${dbFile}-shm`]) fs.rmSync(f, { force: true });
    fsyncDir(path.dirname(dbFile));
    return kept;
  } finally {
    db.close();
  }
}

/** Replace `dbFile` with the content of `backup` (see the module comment). */
export function restoreDatabase(backup: string, dbPath: string, busyTimeoutMs = 5000): Restored {
  // A database reached through a symlink (a synced folder, dotfiles) is replaced where it is: the
  // link stays a link, and the copy of the replaced one is kept beside the real file.
  const dbFile = statFile(dbPath) === undefined ? dbPath : fs.realpathSync(dbPath);
  if (statFile(dbFile) !== undefined && fs.existsSync(backup) && fs.realpathSync(backup) === dbFile) {
    throw new UsageError(`${quote(backup)} is the database itself; give a backup of it`);
  }
  judgeBackup(backup);
  // The current database must be crm's (or nothing yet) before anything is written beside it.
  const current = judgeFile(dbFile, LATEST_VERSION);
  makeFolders(path.dirname(dbFile));
  const temp = path.join(path.dirname(dbFile), `.${path.basename(dbFile)}.restore-${randomBytes(6).toString('hex')}.tmp`);
  try {
    const facts = sealedCopy(backup, temp);
    let keptAs: string | null = null;
    if (current === 'blank') {
      fs.rmSync(dbFile, { force: true });
      fs.renameSync(temp, dbFile);
      fsyncDir(path.dirname(dbFile));
    } else keptAs = replace(dbFile, temp, busyTimeoutMs);
    return { ...facts, keptAs };
  } finally {
    removeWithSidecars(temp);
  }
}
