// Creating the database's folder and file with private modes, and turning a file-system failure
// into one plain line. Knows nothing about SQLite.
import fs from 'node:fs';
import path from 'node:path';
import { CrmError } from '../domain/errors.js';

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOTDIR: 'part of the path is a file, not a folder',
  ENOENT: 'that location cannot hold new files',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the path is too long',
  EISDIR: 'it is a folder',
  EEXIST: 'it already exists',
};

/** `what` failed because of `e`, said in one line; rethrows what is not a file-system error. */
export function fsFailure(what: string, e: unknown): CrmError {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (typeof code !== 'string' || !code.startsWith('E')) throw e;
  return new CrmError(`${what}: ${REASONS[code] ?? (e as Error).message} (${code})`, { cause: e });
}

/** `fs.statSync`, undefined when nothing is there; any other failure is one line naming `file`. */
export function statFile(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file, { throwIfNoEntry: false });
  } catch (e) {
    throw fsFailure(`cannot use ${file} as the database`, e);
  }
}

/**
 * `mkdir -p` with mode 0700 for each folder it creates. Not `mkdirSync({ recursive: true })`:
 * on Node 20 that spins forever on a path it cannot create under a pseudo file system (/proc/crm).
 */
export function makeFolders(dir: string): void {
  const missing: string[] = [];
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    let st: fs.Stats | undefined;
    try {
      st = fs.statSync(d, { throwIfNoEntry: false });
    } catch (e) {
      throw fsFailure(`cannot create the folder ${dir}`, e);
    }
    if (st) {
      if (!st.isDirectory()) throw new CrmError(`cannot create the folder ${dir}: ${d} is a file, not a folder`);
      break;
    }
    if (path.dirname(d) === d) break;
    missing.push(d);
  }
  for (const d of missing.reverse()) {
    try {
      fs.mkdirSync(d, { mode: 0o700 });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw fsFailure(`cannot create the folder ${d}`, e); // EEXIST: another crm made it
    }
  }
}

/**
 * Create `file` empty with mode 0600 (and its folders 0700), so SQLite's -wal and -shm inherit
 * 0600. A file already there is fine, unless `exclusive` (a backup never overwrites).
 */
export function createPrivateFile(file: string, { exclusive = false, what = `cannot create ${file}` } = {}): void {
  makeFolders(path.dirname(file));
  try {
    fs.closeSync(fs.openSync(file, 'wx', 0o600));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST' && !exclusive) return;
    throw fsFailure(what, e);
  }
}

/** The first of `name(0)`, `name(1)`, … that nothing is at yet: a copy crm keeps never replaces an older one. */
export function freeName(name: (n: number) => string): string {
  let target = name(0);
  for (let n = 1; fs.existsSync(target); n++) target = name(n);
  return target;
}

/** Block this thread for `ms` (a lock or a file another crm is creating; never on a prompt). */
export function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
