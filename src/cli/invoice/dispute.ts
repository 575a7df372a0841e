// `crm invoice dispute`: record that the client disputes or haggles over an open invoice.
import { Command } from '@commander-js/extra-typings';
import type { Ctx } from '../context.js';
import { type AnyCommand, examples, need, printJson, written } from '../shared.js';
import { findInvoice } from './lookup.js';
import { UsageError, quote } from '../../domain/errors.js';
import { parsePastDate } from '../../domain/dates.js';
import { getInvoiceByNumber, insertDispute } from '../../db/invoices.js';
import { formatRef } from '../../domain/refs.js';
import { disputeDto, invoiceDto } from '../../render/json.js';

export interface DisputeFlags {
  reason?: string;
  on?: string;
  json?: boolean;
}

export function command(ctx: Ctx): AnyCommand {
  return examples(
    new Command('dispute').description('record that the client disputes or haggles over an invoice').argument('<number>', 'invoice number')
      .option('--reason <text>', 'what the client objects to (required)')
      .option('--on <date>', 'date (default today)')
      .option('--json', 'print the invoice, with the dispute, as JSON'),
    ['crm invoice dispute INV-0007 --reason "wants 20% off after delivery"'],
  ).action((number, o) => run(ctx, { number }, o));
}

export function run(ctx: Ctx, args: { number: string }, o: DisputeFlags): void {
  const today = ctx.today();
  const on = parsePastDate(o.on, today, '--on');
  const reason = need(o.reason, '--reason <text>');
  if (reason.trim() === '') throw new UsageError('--reason is empty; say what the client objects to');
  const [updated, id] = ctx.write().write((db) => {
    const inv = findInvoice(db, args.number);
    if (inv.disputeId !== null) throw new UsageError(`${inv.number} is already disputed; resolve that first (crm invoice resolve ${inv.number})`);
    if (inv.status === 'written-off') throw new UsageError(`${inv.number} was written off; there is nothing left to dispute`);
    if (inv.balance <= 0) throw new UsageError(`${inv.number} is paid in full; a paid invoice cannot be disputed`);
    if (on < inv.issuedOn) throw new UsageError(`--on ${quote(on)} is before ${inv.number} was issued (${inv.issuedOn})`);
    const id = insertDispute(db, inv.id, reason, on);
    return [written(getInvoiceByNumber(db, inv.number), `invoice ${inv.number}`), id] as const;
  });
  if (o.json) {
    const dispute = { id, invoice: updated.number, reason, openedOn: on, outcome: null, conceded: null, resolvedOn: null };
    return printJson(ctx, { ...invoiceDto(updated), dispute: disputeDto(dispute) });
  }
  ctx.io.out(`Recorded ${ctx.style.bold(formatRef('dispute', id))} on ${updated.number}\n`);
}
