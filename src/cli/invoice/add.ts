// `crm invoice add`: record an invoice you sent.
import { Command, Option } from '@commander-js/extra-typings';
import type { Ctx } from '../context.js';
import { type AnyCommand, currencyOf, examples, findClient, need, noteIfInactive, printJson } from '../shared.js';
import { nullable, validateNumber } from '../../domain/parse.js';
import { UsageError, quote } from '../../domain/errors.js';
import { formatMoney, parseCurrency, parseMoney } from '../../domain/money.js';
import { addDays, parseDate, parseDuration, parsePastDate } from '../../domain/dates.js';
import { ownCurrency } from '../../domain/client-currency.js';
import { formatRef } from '../../domain/refs.js';
import { safeText } from '../../domain/text.js';
import { getInvoiceByNumber, insertInvoice, invoiceCurrenciesOf, nextInvoiceNumber } from '../../db/invoices.js';
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
      .option('--currency <code>', 'ISO 4217 currency (default: the currency of the client\'s invoices, else from config, USD)')
      .option('--number <number>', 'invoice number (default: the next INV-0001)')
      .option('--issued <date>', 'issue date (default today)')
      .addOption(new Option('--due <date>', 'due date').conflicts('terms'))
      .addOption(new Option('--terms <days>', 'payment terms in days (default from config, 30)').conflicts('due'))
      .option('--project <name>', 'project name')
      .option('--json', 'print the new invoice as JSON'),
    ['crm invoice add acme --amount 1,200.50 --currency EUR --terms 14', 'crm invoice add acme --amount 800 --number 2026-031 --due 2026-12-15'],
  ).action((clientRef, o) => run(ctx, { client: clientRef }, o));
}

/** Where the currency of a new invoice came from, and so what to say about it. */
interface CurrencyPick {
  currency: string;
  from: 'flag' | 'config' | 'client' | 'latest';
  /** Every currency the client's live invoices are in, by code (for the note). */
  seen: string[];
}

/**
 * --currency wins; else the client's own: the one currency of their live invoices, or with several
 * the currency of the latest; a client with no invoices gets the configured default.
 */
function pickCurrency(flag: string | undefined, clientCurrencies: string[], configured: () => string): CurrencyPick {
  const own = ownCurrency(clientCurrencies);
  const seen = own?.seen ?? [];
  if (flag !== undefined) return { currency: flag, from: 'flag', seen };
  if (own === undefined) return { currency: configured(), from: 'config', seen };
  return { currency: own.currency, from: seen.length === 1 ? 'client' : 'latest', seen };
}

/** "in EUR, like Acme's other invoices": why an invoice is not in the currency the user configured. */
function currencyNote(pick: CurrencyPick, clientName: string): string {
  const whose = safeText(clientName);
  return pick.from === 'client' ? `in ${pick.currency}, like ${whose}'s other invoices`
    : `in ${pick.currency}, like ${whose}'s latest invoice (they have invoices in ${pick.seen.join(', ')})`;
}

export async function run(ctx: Ctx, args: { client: string }, o: AddFlags): Promise<void> {
  const today = ctx.today();
  const amountText = need(o.amount, '--amount <money>');
  // With --currency the amount is checked at once; without, once the client's currency is known.
  const flag = o.currency === undefined ? undefined : parseCurrency(o.currency);
  if (flag !== undefined) parseMoney(amountText, flag);
  const configured = flag ?? (await currencyOf(ctx, undefined));
  const issuedOn = parsePastDate(o.issued, today, '--issued');
  const dueOn =
    o.due !== undefined ? parseDate(o.due, today, '--due')
    : addDays(issuedOn, o.terms !== undefined ? parseDuration(o.terms, '--terms', { max: 3650 }) : (await ctx.config()).paymentTermsDays);
  if (dueOn < issuedOn) throw new UsageError(`--due ${quote(dueOn)} is before the issue date ${issuedOn}`);
  const wanted = o.number === undefined ? undefined : validateNumber(o.number);
  const [client, created, pick] = ctx.write().write((db) => {
    const client = findClient(db, args.client);
    const pick = pickCurrency(flag, invoiceCurrenciesOf(db, client.id), () => configured);
    const amount = amountIn(amountText, pick, client.name);
    if (wanted !== undefined && getInvoiceByNumber(db, wanted)) {
      throw new UsageError(`--number ${quote(wanted)} is already used by another invoice; numbers are unique`);
    }
    return [client, insertInvoice(db, {
      number: wanted ?? nextInvoiceNumber(db), clientId: client.id, project: nullable(o.project),
      amount, currency: pick.currency, issuedOn, dueOn,
    }), pick] as const;
  });
  noteIfInactive(ctx, client);
  // Said only when it changes something: an invoice in the configured currency surprises nobody.
  if ((pick.from === 'client' || pick.from === 'latest') && pick.currency !== configured) {
    ctx.io.err(`crm: note: ${currencyNote(pick, client.name)}; --currency chooses another\n`);
  }
  if (o.json) return printJson(ctx, invoiceDto(created));
  ctx.io.out(`Recorded ${ctx.style.bold(formatRef('invoice', created.number))} for ${safeText(created.clientName)}: `
    + `${formatMoney(created.amount, created.currency)}, due ${created.dueOn}\n`);
}

/** The amount in the chosen currency; when that currency came from the client, a refusal says so. */
function amountIn(text: string, pick: CurrencyPick, clientName: string): number {
  try {
    return parseMoney(text, pick.currency);
  } catch (e) {
    if (!(e instanceof UsageError) || pick.from === 'flag' || pick.from === 'config') throw e;
    throw new UsageError(`${e.message} (${currencyNote(pick, clientName)}; --currency chooses another)`);
  }
}
