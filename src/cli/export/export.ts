// `crm export [--format jsonl|json] [-o FILE]`: a lossless dump of everything (jsonl.ts), and
// `crm export --format csv --type invoices|payments|clients [--from] [--to]` for an accountant
// (csv.ts). This file only reads the flags and hands over; each format is loaded on use.
import fs from 'node:fs';
import path from 'node:path';
import { Command, Option } from '@commander-js/extra-typings';
import type { Ctx } from '../context.js';
import { type AnyCommand, examples } from '../shared.js';
import { UsageError, quote } from '../../domain/errors.js';
import { oneOf } from '../../domain/parse.js';

export const FORMATS = ['jsonl', 'json', 'csv'] as const;
export const CSV_TYPES = ['invoices', 'payments', 'clients'] as const;

export interface ExportFlags {
  format?: string;
  output?: string;
  type?: string;
  from?: string;
  to?: string;
}

export function command(ctx: Ctx): AnyCommand {
  return examples(
    new Command('export')
      .description('write everything out: a lossless JSON Lines dump (default), one JSON document, or CSV for your accountant')
      .addOption(new Option('--format <format>', `${FORMATS.join(', ')} (default jsonl)`))
      .option('-o, --output <file>', 'write to FILE (mode 0600, atomically) instead of standard output')
      .addOption(new Option('--type <type>', `with --format csv: ${CSV_TYPES.join(', ')}`))
      .option('--from <date>', 'with --format csv: from this date (invoices by issue date, payments by payment date)')
      .option('--to <date>', 'with --format csv: up to and including this date'),
    [
      'crm export -o ~/backups/crm-$(date +%F).jsonl',
      'crm export --format csv --type invoices --from 2026-01-01 --to 2026-12-31 -o invoices-2026.csv',
      'crm export --format csv --type payments --from 2026-07-01 --to 2026-09-30 > q3-payments.csv',
    ],
  ).action((o) => run(ctx, o));
}

/** Where -o writes, whatever the format: undefined for standard output. A wrong -o is bad input (exit 2), said before anything is read. */
function outputFile(ctx: Ctx, output: string | undefined, example: string): string | undefined {
  if (output === undefined || output === '-') return undefined;
  if (output === '') throw new UsageError(`-o needs a file name (-o - writes to standard output)`);
  const file = path.resolve(output);
  const real = (f: string): string => {
    try {
      return fs.realpathSync(f);
    } catch {
      return f; // not there yet: writing it will say what is wrong
    }
  };
  if (fs.statSync(file, { throwIfNoEntry: false })?.isDirectory()) {
    throw new UsageError(`-o ${quote(output)} is a folder; give a file in it, e.g. -o ${quote(path.join(output, example))}`);
  }
  if (real(file) === real(path.resolve(ctx.dbPath()))) throw new UsageError(`-o ${quote(output)} is the database itself; write the export to another file`);
  return file;
}

export async function run(ctx: Ctx, o: ExportFlags): Promise<void> {
  const format = o.format === undefined ? 'jsonl' : oneOf(o.format, FORMATS, '--format');
  if (format === 'csv') {
    if (o.type === undefined) throw new UsageError(`--format csv needs --type: one of ${CSV_TYPES.join(', ')}`);
    const type = oneOf(o.type, CSV_TYPES, '--type');
    const output = outputFile(ctx, o.output, `${type}.csv`);
    const { exportCsv } = await import('./csv.js');
    return exportCsv(ctx, { type, from: o.from, to: o.to, output });
  }
  for (const [flag, value] of [['--type', o.type], ['--from', o.from], ['--to', o.to]] as const) {
    if (value !== undefined) throw new UsageError(`${flag} only applies to --format csv; a ${format} export holds everything`);
  }
  const output = outputFile(ctx, o.output, `crm.${format}`);
  const { exportDump } = await import('./jsonl.js');
  return exportDump(ctx, { format, output });
}
