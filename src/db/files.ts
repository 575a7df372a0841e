// Creating the database's file with a private mode, naming the copies crm keeps beside it, and
// waiting. Knows nothing about SQLite; failures are said by src/io/fs.ts.
import fs from 'node:fs';
import path from 'node:path';
import { fsFailure, makeFolders } from '../io/fs.js';

/** `fs.statSync`, undefined when nothing is there; any other failure is one line naming `file`. */
export function statFile(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file, { throwIfNoEntry: false });
  } catch (e) {
    throw fsFailure(`cannot use ${file} as the database`, e);
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
