// `crm invoice pay`: record a payment on an invoice, the whole balance unless --amount.
import { Command } from '@commander-js/extra-typings';
import type { Ctx } from '../context.js';
import { type AnyCommand, examples, printJson, written } from '../shared.js';
import { findInvoice } from './lookup.js';
import { UsageError, quote } from '../../domain/errors.js';
import { formatMoney, parseMoney } from '../../domain/money.js';
import { parsePastDate } from '../../domain/dates.js';
import { getInvoiceByNumber, insertPayment } from '../../db/invoices.js';
import { formatRef } from '../../domain/refs.js';
import { invoiceDto, paymentDto } from '../../render/json.js';

export interface PayFlags {
  amount?: string;
  on?: string;
  json?: boolean;
}

export function command(ctx: Ctx): AnyCommand {
  return examples(
    new Command('pay').description('record a payment (the whole balance unless --amount)').argument('<number>', 'invoice number')
      .option('--amount <money>', 'amount paid (partial payments are fine)')
      .option('--on <date>', 'date paid (default today)')
      .option('--json', 'print the invoice, with the payment, as JSON'),
    ['crm invoice pay INV-0007', 'crm invoice pay INV-0007 --amount 500 --on yesterday'],
  ).action((number, o) => run(ctx, { number }, o));
}

export function run(ctx: Ctx, args: { number: string }, o: PayFlags): void {
  const today = ctx.today();
  const paidOn = parsePastDate(o.on, today, '--on');
  const [updated, payment] = ctx.write().write((db) => {
    const inv = findInvoice(db, args.number);
    if (inv.status === 'written-off') throw new UsageError(`${inv.number} was written off; there is nothing to pay`);
    if (inv.balance <= 0) throw new UsageError(`${inv.number} is already paid in full`);
    const amount = o.amount === undefined ? inv.balance : parseMoney(o.amount, inv.currency);
    if (amount > inv.balance) {
      throw new UsageError(`--amount ${quote(o.amount ?? '')} is more than the balance of ${inv.number} (${formatMoney(inv.balance, inv.currency)})`);
    }
    if (paidOn < inv.issuedOn) throw new UsageError(`--on ${quote(paidOn)} is before ${inv.number} was issued (${inv.issuedOn})`);
    const id = insertPayment(db, inv.id, amount, paidOn);
    return [written(getInvoiceByNumber(db, inv.number), `invoice ${inv.number}`), { id, amount: { amount, currency: inv.currency }, paidOn }] as const;
  });
  if (o.json) return printJson(ctx, { ...invoiceDto(updated), payment: paymentDto(payment) });
  ctx.io.out(`Recorded ${ctx.style.bold(formatRef('payment', payment.id))} on ${updated.number}; ` + (updated.balance > 0
    ? `${formatMoney(updated.balance, updated.currency)} still to pay`
    : 'now paid in full') + '\n');
}
