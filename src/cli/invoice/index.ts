// `crm invoice add|pay|dispute|resolve|list`: thin adapters from flags to the invoices repo.
import type { Invoice } from '../domain/records.js';
import { Command, Option } from '@commander-js/extra-typings';
import type { Ctx } from './context.js';
import { type AnyCommand, currencyOf, examples, need, findClient, noteIfInactive, nullable, oneOf, printJson } from './shared.js';
import { hasControl } from '../domain/text.js';
import { UsageError, quote } from '../domain/errors.js';
import { formatMoney, parseMoney } from '../domain/money.js';
import { addDays, parseDate, parseDuration, parsePastDate } from '../domain/dates.js';
import { DISPUTE_OUTCOMES } from '../domain/types.js';
import { getDispute, getInvoiceByNumber, insertDispute, insertInvoice, insertPayment, invoiceNumbers, listInvoices, nextInvoiceNumber, resolveDispute } from '../db/invoices.js';
import type { DB } from '../db/store.js';
import { invoiceDto } from '../render/json.js';
import { renderInvoiceList } from '../render/invoices.js';
import { nearestNames } from '../domain/names.js';

function findInvoice(db: DB, number: string): Invoice {
  const inv = getInvoiceByNumber(db, number.trim());
  if (inv) return inv;
  const near = nearestNames(number, invoiceNumbers(db).map((n, i) => ({ id: i, name: n })));
  throw new UsageError(`no invoice numbered ${quote(number)}${near.length ? `; did you mean ${near.map((n) => quote(n)).join(' or ')}?` : ''}`);
}

function validateNumber(n: string): string {
  const v = n.trim();
  if (v === '' || v.length > 40 || hasControl(v) || /\s/.test(v)) {
    throw new UsageError(`--number ${quote(n)} is not a usable invoice number (1–40 characters, no spaces)`);
  }
  return v;
}

export function invoiceCommand(ctx: Ctx): AnyCommand {
  const invoice = examples(new Command('invoice').description('record invoices, payments and disputes'), [
    'crm invoice add acme --amount 1,200 --currency EUR --terms 14',
    'crm invoice pay INV-0007 --amount 500',
    'crm invoice list --overdue',
  ]);
  const say = (text: string): void => ctx.io.out(text + '\n');

  examples(
    invoice.command('add').description('record an invoice you sent').argument('<client>', 'name, prefix or id')
      .option('--amount <money>', 'amount, e.g. 1200, 1200.50 or 1,200.50 (required)')
      .option('--currency <code>', 'ISO 4217 currency (default from config, USD)')
      .option('--number <number>', 'invoice number (default: the next INV-0001)')
      .option('--issued <date>', 'issue date (default today)')
      .addOption(new Option('--due <date>', 'due date').conflicts('terms'))
      .addOption(new Option('--terms <days>', 'payment terms in days (default from config, 30)').conflicts('due'))
      .option('--project <name>', 'project name')
      .option('--json', 'print the new invoice as JSON'),
    ['crm invoice add acme --amount 1,200.50 --currency EUR --terms 14', 'crm invoice add acme --amount 800 --number 2026-031 --due 2026-12-15'],
  ).action(async (ref, o) => {
    const today = ctx.today();
    const currency = await currencyOf(ctx, o.currency);
    const amount = parseMoney(need(o.amount, '--amount <money>'), currency);
    const issuedOn = o.issued === undefined ? today : parsePastDate(o.issued, today, '--issued');
    const dueOn =
      o.due !== undefined ? parseDate(o.due, today, '--due')
      : addDays(issuedOn, o.terms !== undefined ? parseDuration(o.terms, '--terms', { max: 3650 }) : (await ctx.config()).paymentTermsDays);
    if (dueOn < issuedOn) throw new UsageError(`--due ${quote(dueOn)} is before the issue date ${issuedOn}`);
    const wanted = o.number === undefined ? undefined : validateNumber(o.number);
    const [client, created] = ctx.write().write((db) => {
      const client = findClient(db, ref);
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
    say(`Invoice ${ctx.style.bold(created.number)} for ${created.clientName}: ${formatMoney(created.amount, created.currency)}, due ${created.dueOn}`);
  });

  examples(
    invoice.command('pay').description('record a payment (the whole balance unless --amount)').argument('<number>', 'invoice number')
      .option('--amount <money>', 'amount paid (partial payments are fine)')
      .option('--on <date>', 'date paid (default today)')
      .option('--json', 'print the invoice as JSON'),
    ['crm invoice pay INV-0007', 'crm invoice pay INV-0007 --amount 500 --on yesterday'],
  ).action((number, o) => {
    const today = ctx.today();
    const paidOn = o.on === undefined ? today : parsePastDate(o.on, today, '--on');
    const updated = ctx.write().write((db) => {
      const inv = findInvoice(db, number);
      if (inv.status === 'written-off') throw new UsageError(`${inv.number} was written off; there is nothing to pay`);
      if (inv.balance <= 0) throw new UsageError(`${inv.number} is already paid in full`);
      const amount = o.amount === undefined ? inv.balance : parseMoney(o.amount, inv.currency);
      if (amount > inv.balance) {
        throw new UsageError(`--amount ${quote(o.amount ?? '')} is more than the balance of ${inv.number} (${formatMoney(inv.balance, inv.currency)})`);
      }
      if (paidOn < inv.issuedOn) throw new UsageError(`--on ${quote(paidOn)} is before ${inv.number} was issued (${inv.issuedOn})`);
      insertPayment(db, inv.id, amount, paidOn);
      return getInvoiceByNumber(db, inv.number)!;
    });
    if (o.json) return printJson(ctx, invoiceDto(updated));
    say(updated.balance > 0
      ? `Payment recorded on ${updated.number}; ${formatMoney(updated.balance, updated.currency)} still to pay`
      : `${updated.number} is paid in full`);
  });

  examples(
    invoice.command('dispute').description('record that the client disputes or haggles over an invoice').argument('<number>', 'invoice number')
      .option('--reason <text>', 'what the client objects to (required)')
      .option('--on <date>', 'date (default today)')
      .option('--json', 'print the invoice as JSON'),
    ['crm invoice dispute INV-0007 --reason "wants 20% off after delivery"'],
  ).action((number, o) => {
    const today = ctx.today();
    const on = o.on === undefined ? today : parsePastDate(o.on, today, '--on');
    const reason = need(o.reason, '--reason <text>');
    if (reason.trim() === '') throw new UsageError('--reason is empty; say what the client objects to');
    const updated = ctx.write().write((db) => {
      const inv = findInvoice(db, number);
      if (inv.disputeId !== null) throw new UsageError(`${inv.number} is already disputed; resolve that first (crm invoice resolve ${inv.number})`);
      if (inv.status === 'written-off') throw new UsageError(`${inv.number} was written off; there is nothing left to dispute`);
      if (inv.balance <= 0) throw new UsageError(`${inv.number} is paid in full; a paid invoice cannot be disputed`);
      if (on < inv.issuedOn) throw new UsageError(`--on ${quote(on)} is before ${inv.number} was issued (${inv.issuedOn})`);
      insertDispute(db, inv.id, reason, on);
      return getInvoiceByNumber(db, inv.number)!;
    });
    if (o.json) return printJson(ctx, invoiceDto(updated));
    say(`Dispute recorded on ${updated.number}`);
  });

  examples(
    invoice.command('resolve').description('close a dispute: upheld, discounted (--conceded) or written-off').argument('<number>', 'invoice number')
      .option('--outcome <outcome>', 'upheld, discounted or written-off (required)')
      .option('--conceded <money>', 'with discounted: the amount given up')
      .option('--on <date>', 'date (default today)')
      .option('--json', 'print the invoice as JSON'),
    ['crm invoice resolve INV-0007 --outcome discounted --conceded 150', 'crm invoice resolve INV-0007 --outcome upheld'],
  ).action((number, o) => {
    const today = ctx.today();
    const outcome = oneOf(need(o.outcome, '--outcome <outcome>'), DISPUTE_OUTCOMES, '--outcome');
    const on = o.on === undefined ? today : parsePastDate(o.on, today, '--on');
    if (outcome === 'discounted' && o.conceded === undefined) throw new UsageError('--conceded is required with --outcome discounted');
    if (outcome !== 'discounted' && o.conceded !== undefined) throw new UsageError(`--conceded only goes with --outcome discounted (not ${outcome})`);
    const updated = ctx.write().write((db) => {
      const inv = findInvoice(db, number);
      if (inv.disputeId === null) throw new UsageError(`${inv.number} has no open dispute (record one with crm invoice dispute)`);
      const openedOn = getDispute(db, inv.disputeId)?.openedOn;
      if (openedOn !== undefined && on < openedOn) throw new UsageError(`--on ${quote(on)} is before the dispute on ${inv.number} was opened (${openedOn})`);
      let conceded = 0;
      if (outcome === 'discounted') {
        conceded = parseMoney(o.conceded!, inv.currency, '--conceded');
        if (conceded > inv.balance) throw new UsageError(`--conceded ${quote(o.conceded!)} is more than the balance of ${inv.number} (${formatMoney(inv.balance, inv.currency)})`);
      } else if (outcome === 'written-off') {
        if (inv.balance <= 0) throw new UsageError(`${inv.number} is paid in full; there is nothing to write off (resolve it as upheld)`);
        conceded = inv.balance;
      }
      resolveDispute(db, inv.disputeId, outcome, conceded, on);
      return getInvoiceByNumber(db, inv.number)!;
    });
    if (o.json) return printJson(ctx, invoiceDto(updated));
    say(`Dispute on ${updated.number} resolved (${outcome}); balance ${formatMoney(Math.max(0, updated.balance), updated.currency)}`);
  });

  examples(
    invoice.command('list').description('list invoices').argument('[client]', 'only this client')
      .option('--open', 'only invoices with a balance')
      .option('--overdue', 'only invoices past their due date with a balance')
      .option('--json', 'print JSON'),
    ['crm invoice list --open', 'crm invoice list acme --json'],
  ).action((ref, o) => {
    const db = ctx.read().db;
    const today = ctx.today();
    const clientId = ref === undefined ? undefined : findClient(db, ref).id;
    const rows = listInvoices(db, { clientId, open: Boolean(o.open), overdueBefore: o.overdue ? today : undefined });
    if (o.json) return printJson(ctx, rows.map(invoiceDto));
    ctx.io.out(renderInvoiceList(ctx.style, rows, today));
  });
  return invoice;
}
