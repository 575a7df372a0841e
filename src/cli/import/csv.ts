// `crm import FILE.csv --map …`: invoices and payments from another invoicing tool's CSV. Reads
// the flags and the file, plans against what crm holds (src/domain/csv-plan.ts), reports bad rows
// by line, and writes the good ones in one transaction — only when every row is good, unless
// --allow-partial. Idempotent: rows crm already has add nothing (or only a newer payment).
import type { Ctx } from '../context.js';
import { printJson } from '../shared.js';
import { readInput } from './csv-input.js';
import { importJson, importSummary, blockedMessage } from './csv-report.js';
import { UsageError } from '../../domain/errors.js';
import { parseCurrency } from '../../domain/money.js';
import { parseMap, resolveColumns } from '../../domain/csv-map.js';
import { parseDelimiter, readCsv } from '../../domain/csv-read.js';
import { parseDateFormat, parseDecimalMark } from '../../domain/csv-values.js';
import { planImport, type ImportPlan } from '../../domain/csv-plan.js';
import { clientValues } from '../../domain/client-input.js';
import { safeText } from '../../domain/text.js';
import { applyImport, importState } from '../../db/csv-import.js';
import type { DB } from '../../db/store.js';

/** The flags import.ts hands over. */
export interface CsvImportFlags {
  map: string;
  dateFormat?: string;
  decimal?: string;
  delimiter?: string;
  createClients?: boolean;
  allowPartial?: boolean;
  dryRun?: boolean;
  json?: boolean;
}

/** Thrown inside the transaction when a row went bad between the preview and the write. */
class BadRows extends UsageError {
  constructor(readonly plan: ImportPlan) {
    super('bad rows');
  }
}

export async function importCsv(ctx: Ctx, file: string, flags: CsvImportFlags): Promise<void> {
  const map = parseMap(flags.map);
  const dates = parseDateFormat(flags.dateFormat);
  const decimal = parseDecimalMark(flags.decimal);
  const delimiter = flags.delimiter === undefined ? undefined : parseDelimiter(flags.delimiter);
  const name = file === '-' ? 'standard input' : file;
  const table = readCsv(await readInput(ctx, file), name, delimiter);
  const cols = resolveColumns(map, table.header);
  const config = await ctx.config();
  const opts = {
    dates, decimal, createClients: flags.createClients === true, today: ctx.today(),
    currency: parseCurrency(config.currency, 'config currency'), termsDays: config.paymentTermsDays,
  };
  const plan = (db: DB): ImportPlan => planImport(table.rows, cols, opts, importState(db));
  const dryRun = flags.dryRun === true;
  const partial = flags.allowPartial === true;

  let result = plan(ctx.read().db);
  const nothingToWrite = result.invoices.length === 0 && result.payments.length === 0;
  if (!dryRun && !nothingToWrite && (partial || result.rejected.length === 0)) {
    const newClient = (clientName: string) => clientValues({ name: clientName }, {
      name: clientName, email: null, phone: null, company: null, channel: null,
      cadenceDays: config.cadenceDays, timezone: null, note: null,
    });
    try {
      result = ctx.write().write((db) => {
        const p = plan(db);
        if (p.rejected.length > 0 && !partial) throw new BadRows(p);
        applyImport(db, p, newClient, opts.today);
        return p;
      });
    } catch (e) {
      if (!(e instanceof BadRows)) throw e;
      result = e.plan;
    }
  }
  for (const r of result.rejected) ctx.io.err(`line ${r.line}: ${safeText(r.reason)}\n`);
  if (result.rejected.length > 0 && !partial) throw new UsageError(blockedMessage(result, dryRun));
  if (flags.json) return printJson(ctx, importJson(name, dryRun, result));
  ctx.io.out(importSummary(result, dryRun) + '\n');
}
