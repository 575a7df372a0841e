// `crm export --format csv --type invoices|payments|clients [--from] [--to] [-o FILE]`: CSV for an
// accountant. RFC 4180 (src/domain/csv-write.ts), UTF-8 with a BOM so Excel reads accents right,
// amounts in major units with exactly the currency's decimals and a currency column, ISO dates.
// Voided records are left out. Written atomically (0600) with -o, else to standard output.
import type { Ctx } from '../context.js';
import { UsageError } from '../../domain/errors.js';
import { parseDate } from '../../domain/dates.js';
import { toDecimal } from '../../domain/money.js';
import { plural } from '../../domain/words.js';
import { toCsv, type CsvValue } from '../../domain/csv-write.js';
import { clientRows, invoiceRows, paymentRows, type DateRange } from '../../db/csv-export.js';
import type { DB } from '../../db/store.js';
import { writeFileAtomic } from '../../io/atomic-file.js';

export interface CsvExportOptions {
  type: 'invoices' | 'payments' | 'clients';
  from?: string;
  to?: string;
  /** An absolute path export.ts checked; undefined for standard output. */
  output?: string | undefined;
}

type Table = { header: string[]; rows: CsvValue[][] };

const TABLES: Record<CsvExportOptions['type'], (db: DB, r: DateRange) => Table> = {
  invoices: (db, r) => ({
    header: ['number', 'client', 'project', 'issued', 'due', 'amount', 'currency', 'paid', 'conceded', 'balance', 'status', 'paid_on'],
    rows: invoiceRows(db, r).map((i) => [
      i.number, i.client, i.project, i.issuedOn, i.dueOn, toDecimal(i.amount, i.currency), i.currency,
      toDecimal(i.paid, i.currency), toDecimal(i.conceded, i.currency), toDecimal(i.balance, i.currency), i.status,
      // The last payment's date whenever something was paid: with `paid` it is what an import
      // needs to bring a partly paid invoice back (crm import --map …,paid=paid,paidOn=paid_on).
      i.paid > 0 ? i.lastPaidOn : null,
    ]),
  }),
  payments: (db, r) => ({
    header: ['date', 'invoice', 'client', 'amount', 'currency'],
    rows: paymentRows(db, r).map((p) => [p.paidOn, p.invoice, p.client, toDecimal(p.amount, p.currency), p.currency]),
  }),
  clients: (db, r) => ({
    header: ['id', 'name', 'company', 'email', 'phone', 'status', 'created'],
    rows: clientRows(db, r).map((c) => [c.id, c.name, c.company, c.email, c.phone, c.status, c.createdOn]),
  }),
};

export function exportCsv(ctx: Ctx, o: CsvExportOptions): void {
  const today = ctx.today();
  const from = o.from === undefined ? undefined : parseDate(o.from, today, '--from');
  const to = o.to === undefined ? undefined : parseDate(o.to, today, '--to');
  if (from !== undefined && to !== undefined && from > to) throw new UsageError(`--from ${from} is after --to ${to}; nothing could match`);
  const { header, rows } = TABLES[o.type](ctx.read().db, { from, to });
  const text = toCsv(header, rows);
  if (o.output === undefined) return ctx.io.out(text);
  writeFileAtomic(o.output, text, { what: `cannot write ${o.output}` });
  ctx.io.out(`Wrote ${plural(rows.length, o.type.slice(0, -1))} to ${o.output}\n`);
}
