// Reading what a user hands crm whole: standard input for `-`, else a named file, up to a size
// limit. One mechanism for every command that takes input; each caller says the refusals in its
// own words (the `refuse` callback), so this module judges nothing about what the bytes mean.
import fs from 'node:fs';
import type { IO } from './io.js';
import { CrmError } from '../domain/errors.js';

/** Why input was refused: `-` on a terminal, over the limit, or a named file that is missing, a folder, or unreadable. */
export type Refusal = 'terminal' | 'too-large' | 'ENOENT' | 'EISDIR' | 'EACCES';

export interface ReadLimits {
  /** The most bytes taken (Infinity: no limit). */
  maxBytes: number;
  /** The error to throw for a refusal (usually a UsageError: exit 2). */
  refuse: (why: Refusal) => Error;
}

/** All of standard input, refused when it is a terminal or grows past `maxBytes`. */
export async function readStdin(io: Pick<IO, 'stdin' | 'stdinIsTTY'>, o: ReadLimits): Promise<Buffer> {
  if (io.stdinIsTTY) throw o.refuse('terminal');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of io.stdin) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += buf.length;
    if (size > o.maxBytes) throw o.refuse('too-large');
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

/** The bytes of `file`, refused when it is missing, a folder, unreadable or over `maxBytes`; any other failure is one line. */
export function readFileInput(file: string, o: ReadLimits): Buffer {
  let why: Refusal;
  try {
    const st = fs.statSync(file);
    if (st.isDirectory()) why = 'EISDIR';
    else if (st.size > o.maxBytes) why = 'too-large';
    else return fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'EISDIR' && code !== 'EACCES') throw new CrmError(`cannot read ${file}: ${(e as Error).message}`);
    why = code;
  }
  throw o.refuse(why);
}

/** `source` as the user named it: `-` reads standard input, anything else is a file. */
export async function readInput(io: Pick<IO, 'stdin' | 'stdinIsTTY'>, source: string, o: ReadLimits): Promise<Buffer> {
  return source === '-' ? readStdin(io, o) : readFileInput(source, o);
}
