// Writing a whole file so that a reader (or a crash) sees the old bytes or the new ones, never a
// half-written file: write a temporary file beside it, fsync, then rename over the target.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { fsFailure, makeFolders } from './fs.js';

export interface AtomicOptions {
  /** The new file's mode (default 0600: crm's files hold private business data). */
  mode?: number;
  /** What the one-line error says failed, e.g. "cannot write the export". */
  what?: string;
}

/** Write `data` to `file` atomically (temp file + fsync + rename), creating its folders 0700. */
export function writeFileAtomic(file: string, data: string | Uint8Array, opts: AtomicOptions = {}): void {
  const target = path.resolve(file);
  const what = opts.what ?? `cannot write ${target}`;
  makeFolders(path.dirname(target));
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = fs.openSync(temp, 'wx', opts.mode ?? 0o600);
    fs.writeFileSync(fd, data);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(temp, target);
  } catch (e) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw fsFailure(what, e);
  }
}
