// `crm export [--format jsonl|json] [-o FILE]`: everything in the database, lossless and in a fixed
// order, so the same database always gives the same bytes (docs/EXPORT-FORMAT.md). Reads only.
import fs from 'node:fs';
import path from 'node:path';
import type { Ctx } from '../context.js';
import { readDump } from '../../db/dump.js';
import { LATEST_VERSION } from '../../db/migrations.js';
import { toJsonDocument, toJsonLines } from '../../domain/dump-format.js';
import { writeFileAtomic } from '../../io/atomic-file.js';
import { UsageError, quote } from '../../domain/errors.js';
import { plural } from '../../domain/words.js';

export interface DumpOptions {
  format: 'jsonl' | 'json';
  output?: string;
}

const isFolder = (file: string): boolean => {
  try {
    return fs.statSync(file, { throwIfNoEntry: false })?.isDirectory() === true;
  } catch {
    return false; // writing it will say what is wrong
  }
};

export function exportDump(ctx: Ctx, o: DumpOptions): void {
  // A wrong -o is bad input (exit 2), said before anything is read.
  if (o.output === '') throw new UsageError(`-o needs a file name (-o - writes to standard output)`);
  if (o.output !== undefined && o.output !== '-' && isFolder(o.output)) {
    throw new UsageError(`-o ${quote(o.output)} is a folder; give a file in it, e.g. -o ${quote(path.join(o.output, 'crm.jsonl'))}`);
  }
  const records = readDump(ctx.read().db);
  const text = o.format === 'json' ? toJsonDocument(LATEST_VERSION, records) : toJsonLines(LATEST_VERSION, records);
  if (o.output === undefined || o.output === '-') {
    ctx.io.out(text);
    return;
  }
  const file = path.resolve(o.output);
  if (file === path.resolve(ctx.dbPath())) throw new UsageError(`-o ${quote(o.output)} is the database itself; write the export to another file`);
  writeFileAtomic(file, text, { mode: 0o600, what: `cannot write the export ${file}` });
  ctx.io.out(`Exported ${plural(records.length, 'record')} to ${file}\n`);
}
