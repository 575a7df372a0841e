// `crm export [--format jsonl|json] [-o FILE]`: everything in the database, lossless and in a fixed
// order, so the same database always gives the same bytes (docs/EXPORT-FORMAT.md). Reads only.
import type { Ctx } from '../context.js';
import { readDump } from '../../db/dump.js';
import { LATEST_VERSION } from '../../db/migrations.js';
import { toJsonDocument, toJsonLines } from '../../domain/dump-format.js';
import { writeFileAtomic } from '../../io/atomic-file.js';
import { plural } from '../../domain/words.js';

export interface DumpOptions {
  format: 'jsonl' | 'json';
  /** An absolute path export.ts checked; undefined for standard output. */
  output?: string | undefined;
}

export function exportDump(ctx: Ctx, o: DumpOptions): void {
  const records = readDump(ctx.read().db);
  const text = o.format === 'json' ? toJsonDocument(LATEST_VERSION, records) : toJsonLines(LATEST_VERSION, records);
  if (o.output === undefined) {
    ctx.io.out(text);
    return;
  }
  const file = o.output;
  writeFileAtomic(file, text, { what: `cannot write the export ${file}` });
  ctx.io.out(`Exported ${plural(records.length, 'record')} to ${file}\n`);
}
