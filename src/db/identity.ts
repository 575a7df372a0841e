// Whose file is this: crm's own, a blank or empty one crm may adopt, or another program's (refused,
// exit 1). Decided from the file's bytes before SQLite opens anything, so a refused file, its -wal,
// -shm and journal stay byte-for-byte as they were; then checked again through the open connection.
import type Database from 'better-sqlite3';
import { CrmError } from '../domain/errors.js';
import { sleepSync } from './files.js';
import { fsFailure } from '../io/fs.js';
import { readFileHeader, type FileHeader, type Page1 } from './header.js';

/** 'CRM1' — written to the SQLite header so crm recognises its own files. */
export const APPLICATION_ID = 0x43524d31;

/** blank: missing or 0 bytes; adopt: an SQLite file with nothing in it; ours: crm's database. */
type Ownership = 'blank' | 'adopt' | 'ours';

/** 'ours' or 'adopt', or the refusal as a CrmError. */
function decide(file: string, page1: Page1, latest: number): 'ours' | 'adopt' {
  const { applicationId, userVersion, schemaEmpty } = page1;
  if (applicationId === APPLICATION_ID) {
    if (userVersion > latest) {
      throw new CrmError(
        `${file} was written by a newer crm (schema ${userVersion}; this crm knows up to ${latest}); upgrade crm — the file was left untouched`,
      );
    }
    return 'ours';
  }
  if (applicationId === 0 && userVersion === 0 && schemaEmpty) return 'adopt';
  throw new CrmError(`${file} is an SQLite database of another program, not crm's; it was left untouched`);
}

/** A journal beside a blank or empty file: another crm switching a new database to WAL, or a real hot journal. */
class JournalBeside extends CrmError {}

/**
 * Judge `file` from its bytes (and those of its -wal and -journal) without opening it in SQLite.
 * A journal next to a blank or empty file is usually a live transaction — another crm creating the
 * database a moment earlier — which ends within milliseconds: look again for up to `waitMs` before
 * calling it another program's unfinished transaction.
 */
export function judgeFile(file: string, latest: number, waitMs = 2000): Ownership {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      return judgeOnce(file, latest);
    } catch (e) {
      if (!(e instanceof JournalBeside) || Date.now() >= deadline) throw e;
      sleepSync(10);
    }
  }
}

function judgeOnce(file: string, latest: number): Ownership {
  let header: FileHeader;
  try {
    header = readFileHeader(file);
  } catch (e) {
    throw fsFailure(`cannot read ${file}`, e);
  }
  if (header.kind === 'not-sqlite') {
    throw new CrmError(`${file} is not a crm database (not an SQLite file); it was left untouched`);
  }
  if (header.kind === 'blank') return refuseHotJournal(file, header.hotJournal, 'blank');
  const verdict = decide(file, header, latest);
  if (verdict === 'ours' && header.from === 'wal-only') {
    // Only the -wal holds the data, and SQLite would delete it on open and start an empty file.
    throw new CrmError(
      `${file} is empty but ${file}-wal holds crm data that opening it would discard; both were left untouched — keep a copy of both and restore from a backup`,
    );
  }
  return verdict === 'ours' ? verdict : refuseHotJournal(file, header.hotJournal, verdict);
}

/** Opening would replay the journal into a file that is not ours: refuse instead. */
function refuseHotJournal<V extends Ownership>(file: string, hotJournal: boolean, verdict: V): V {
  if (!hotJournal) return verdict;
  throw new JournalBeside(`${file} has an unfinished transaction of another program (${file}-journal); it was left untouched`);
}

/**
 * The same decision through an open connection: a second line for a file judged ours or empty,
 * in case another program changed it between the byte check and the open.
 */
export function checkIdentity(db: Database.Database, file: string, latest: number): void {
  let page1: Page1;
  try {
    page1 = {
      applicationId: db.pragma('application_id', { simple: true }) as number,
      userVersion: db.pragma('user_version', { simple: true }) as number,
      schemaEmpty: (db.prepare('SELECT count(*) AS n FROM sqlite_schema').get() as { n: number }).n === 0,
    };
  } catch (e) {
    throw new CrmError(`${file} is not a crm database (${(e as Error).message}); it was left untouched`);
  }
  decide(file, page1, latest);
}
