// `crm import FILE [--dry-run]`: an export from crm (jsonl.ts), or, with --map, invoices and
// payments from another tool's CSV (csv.ts). This file only reads the flags and hands over.
import { Command } from '@commander-js/extra-typings';
import type { Ctx } from '../context.js';
import { type AnyCommand, examples } from '../shared.js';
import { UsageError } from '../../domain/errors.js';
import type { CsvImportFlags } from './csv.js';

/** The flags of both kinds of import; --map is what makes it a CSV import. */
export type ImportFlags = Omit<CsvImportFlags, 'map'> & { map?: string };

/** Flags that only make sense for a CSV import. */
const CSV_ONLY: [keyof ImportFlags, string][] = [
  ['dateFormat', '--date-format'], ['decimal', '--decimal'], ['delimiter', '--delimiter'],
  ['createClients', '--create-clients'], ['allowPartial', '--allow-partial'],
];

export function command(ctx: Ctx): AnyCommand {
  return examples(
    new Command('import')
      .description('import a crm export (idempotent, all or nothing), or invoices and payments from a CSV with --map')
      .argument('<file>', 'a file written by crm export, or a CSV (with --map); - reads standard input')
      .option('--map <fields>', 'CSV: crm field=CSV column, comma-separated; fields: number, client, amount, currency, issued, due, paid, paidOn, project')
      .option('--date-format <format>', 'CSV: how dates are written, e.g. DD/MM/YYYY, MM/DD/YYYY, D.M.YYYY (default YYYY-MM-DD)')
      .option('--decimal <char>', 'CSV: the decimal separator in amounts, . or , (default .)')
      .option('--delimiter <char>', 'CSV: the field separator (default: detected from the header, , ; or tab)')
      .option('--create-clients', 'CSV: add clients the file names that crm does not know yet')
      .option('--allow-partial', 'CSV: import the good rows and report the bad ones, instead of importing nothing')
      .option('--dry-run', 'check everything and say what would be added, writing nothing')
      .option('--json', 'print the summary as JSON'),
    [
      'crm import backup.jsonl --dry-run',
      'crm import backup.jsonl',
      'crm import invoices.csv --map number=Invoice#,client=Customer,amount=Total,issued=Date,due=Due,paid=Paid,currency=Currency --date-format DD/MM/YYYY --create-clients',
    ],
  ).action((file, o) => run(ctx, { file }, o));
}

export async function run(ctx: Ctx, args: { file: string }, o: ImportFlags): Promise<void> {
  if (o.map !== undefined) {
    const { importCsv } = await import('./csv.js');
    return importCsv(ctx, args.file, { ...o, map: o.map });
  }
  const used = CSV_ONLY.filter(([k]) => o[k] !== undefined).map(([, flag]) => flag);
  if (used.length > 0) throw new UsageError(`${used.join(', ')} only apply to a CSV import, which needs --map field=Column,…`);
  if (/\.(csv|tsv)$/i.test(args.file)) {
    throw new UsageError(`${args.file} looks like a CSV; say which column holds what with --map, e.g. --map number=Invoice,client=Customer,amount=Total,issued=Date`);
  }
  const { importDump } = await import('./jsonl.js');
  return importDump(ctx, args.file, { dryRun: o.dryRun === true, json: o.json === true });
}
