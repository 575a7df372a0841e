// `crm invoice list`: list invoices, all or one client's, optionally only open or overdue ones.
import { Command } from '@commander-js/extra-typings';
import type { Ctx } from '../context.js';
import { type AnyCommand, examples, findClient, printJson } from '../shared.js';
import { listInvoices } from '../../db/invoices.js';
import { invoiceDto } from '../../render/json.js';
import { renderInvoiceList } from '../../render/invoices.js';

export interface ListFlags {
  open?: boolean;
  overdue?: boolean;
  json?: boolean;
}

export function command(ctx: Ctx): AnyCommand {
  return examples(
    new Command('list').description('list invoices').argument('[client]', 'only this client')
      .option('--open', 'only invoices with a balance')
      .option('--overdue', 'only invoices past their due date with a balance')
      .option('--json', 'print JSON'),
    ['crm invoice list --open', 'crm invoice list acme --json'],
  ).action((clientRef, o) => run(ctx, { client: clientRef }, o));
}

export function run(ctx: Ctx, args: { client?: string | undefined }, o: ListFlags): void {
  const db = ctx.read().db;
  const today = ctx.today();
  const clientId = args.client === undefined ? undefined : findClient(db, args.client).id;
  const rows = listInvoices(db, { clientId, open: Boolean(o.open), overdueBefore: o.overdue ? today : undefined });
  if (o.json) return printJson(ctx, rows.map(invoiceDto));
  ctx.io.out(renderInvoiceList(ctx.style, rows, today, ctx.io.columns));
}
