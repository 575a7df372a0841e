// `crm invoice add`: record an invoice you sent.
import { Command, Option } from '@commander-js/extra-typings';
import type { Ctx } from '../context.js';
import { type AnyCommand, currencyOf, examples, findClient, need, noteIfInactive, printJson } from '../shared.js';
import { nullable, validateNumber } from '../../domain/parse.js';
import { UsageError, quote } from '../../domain/errors.js';
import { formatMoney, parseMoney } from '../../domain/money.js';
import { addDays, parseDate, parseDuration, parsePastDate } from '../../domain/dates.js';
import { formatRef } from '../../domain/refs.js';
import { safeText } from '../../domain/text.js';
import { getInvoiceByNumber, insertInvoice, nextInvoiceNumber } from '../../db/invoices.js';
import { invoiceDto } from '../../render/json.js';

export interface AddFlags {
  amount?: string;
  currency?: string;
  number?: string;
  issued?: string;
  due?: string;
  terms?: string;
  project?: string;
  json?: boolean;
}

export function command(ctx: Ctx): AnyCommand {
  return examples(
    new Command('add').description('record an invoice you sent').argument('<client>', 'name, prefix or id')
      .option('--amount <money>', 'amount, e.g. 1200, 1200.50 or 1,200.50 (required)')
      .option('--currency <code>', 'ISO 4217 currency (default from config, USD)')
      .option('--number <number>', 'invoice number (default: the next INV-0001)')
      .option('--issued <date>', 'issue date (default today)')
      .addOption(new Option('--due <date>', 'due date').conflicts('terms'))
      .addOption(new Option('--terms <days>', 'payment terms in days (default from config, 30)').conflicts('due'))
      .option('--project <name>', 'project name')
      .option('--json', 'print the new invoice as JSON'),
    ['crm invoice add acme --amount 1,200.50 --currency EUR --terms 14', 'crm invoice add acme --amount 800 --number 2026-031 --due 2026-12-15'],
  ).action((clientRef, o) => run(ctx, { client: clientRef }, o));
}

export async function run(ctx: Ctx, args: { client: string }, o: AddFlags): Promise<void> {
  const today = ctx.today();
  const currency = await currencyOf(ctx, o.currency);
  const amount = parseMoney(need(o.amount, '--amount <money>'), currency);
  const issuedOn = parsePastDate(o.issued, today, '--issued');
  const dueOn =
    o.due !== undefined ? parseDate(o.due, today, '--due')
    : addDays(issuedOn, o.terms !== undefined ? parseDuration(o.terms, '--terms', { max: 3650 }) : (await ctx.config()).paymentTermsDays);
  if (dueOn < issuedOn) throw new UsageError(`--due ${quote(dueOn)} is before the issue date ${issuedOn}`);
  const wanted = o.number === undefined ? undefined : validateNumber(o.number);
  const [client, created] = ctx.write().write((db) => {
    const client = findClient(db, args.client);
    if (wanted !== undefined && getInvoiceByNumber(db, wanted)) {
      throw new UsageError(`--number ${quote(wanted)} is already used by another invoice; numbers are unique`);
    }
    return [client, insertInvoice(db, {
      number: wanted ?? nextInvoiceNumber(db), clientId: client.id, project: nullable(o.project),
      amount, currency, issuedOn, dueOn,
    })] as const;
  });
  noteIfInactive(ctx, client);
  if (o.json) return printJson(ctx, invoiceDto(created));
  ctx.io.out(`Recorded ${ctx.style.bold(formatRef('invoice', created.number))} for ${safeText(created.clientName)}: `
    + `${formatMoney(created.amount, created.currency)}, due ${created.dueOn}\n`);
}
