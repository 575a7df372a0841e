// The file system, said plainly: a failure becomes one line naming what failed and why, and
// folders are made private (0700). Shared by the database's files and every file crm writes.
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
