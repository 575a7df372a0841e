// The bytes of the CSV to import: a file, or standard input for `-` (src/io/read-input.ts). Refuses
// what is not a readable file with exit 2 naming it, and anything over 64 MiB (no invoicing history
// is that big).
import type { Ctx } from '../context.js';
import { UsageError, quote } from '../../domain/errors.js';
import { readInput as readBytes, type Refusal } from '../../io/read-input.js';

const MAX_BYTES = 64 * 1024 * 1024;

export async function readInput(ctx: Ctx, file: string): Promise<Uint8Array> {
  const refuse = (why: Refusal): UsageError => {
    switch (why) {
      case 'terminal': return new UsageError(`'-' reads the CSV from standard input, but it is a terminal; pipe the file in`);
      case 'too-large': return new UsageError(file === '-' ? 'the CSV on standard input is larger than 64 MiB' : `${quote(file)} is larger than 64 MiB`);
      case 'EISDIR': return new UsageError(`${quote(file)} is a directory, not a CSV file`);
      case 'ENOENT': return new UsageError(`${quote(file)} does not exist`);
      case 'EACCES': return new UsageError(`${quote(file)} cannot be read (permission denied)`);
    }
  };
  return readBytes(ctx.io, file, { maxBytes: MAX_BYTES, refuse });
}
