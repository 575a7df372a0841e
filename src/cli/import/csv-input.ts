// The bytes of the CSV to import: a file, or standard input for `-`. Refuses what is not a
// readable file with exit 2 naming it, and anything over 64 MiB (no invoicing history is that big).
import fs from 'node:fs';
import type { Ctx } from '../context.js';
import { CrmError, UsageError, quote } from '../../domain/errors.js';

const MAX_BYTES = 64 * 1024 * 1024;

export async function readInput(ctx: Ctx, file: string): Promise<Uint8Array> {
  if (file === '-') {
    if (ctx.io.stdinIsTTY) throw new UsageError(`'-' reads the CSV from standard input, but it is a terminal; pipe the file in`);
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of ctx.io.stdin) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += buf.length;
      if (size > MAX_BYTES) throw new UsageError('the CSV on standard input is larger than 64 MiB');
      chunks.push(buf);
    }
    return Buffer.concat(chunks);
  }
  try {
    const st = fs.statSync(file);
    if (st.isDirectory()) throw new UsageError(`${quote(file)} is a directory, not a CSV file`);
    if (st.size > MAX_BYTES) throw new UsageError(`${quote(file)} is larger than 64 MiB`);
    return fs.readFileSync(file);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`${quote(file)} does not exist`);
    if (code === 'EACCES') throw new UsageError(`${quote(file)} cannot be read (permission denied)`);
    throw new CrmError(`cannot read ${file}: ${(e as Error).message}`);
  }
}
