// `crm invoice resolve`: close a dispute as upheld, discounted (--conceded) or written off.
import { Command } from '@commander-js/extra-typings';
import type { Ctx } from '../context.js';
import { type AnyCommand, examples, need, printJson, written } from '../shared.js';
import { findInvoice } from './lookup.js';
import { oneOf } from '../../domain/parse.js';
import { UsageError, quote } from '../../domain/errors.js';
import { formatMoney, parseMoney } from '../../domain/money.js';
import { parsePastDate } from '../../domain/dates.js';
import { DISPUTE_OUTCOMES } from '../../domain/types.js';
import { getDispute, getInvoiceByNumber, resolveDispute } from '../../db/invoices.js';
import { formatRef } from '../../domain/refs.js';
import { disputeDto, invoiceDto } from '../../render/json.js';

export interface ResolveFlags {
  outcome?: string;
  conceded?: string;
  on?: string;
  json?: boolean;
}

export function command(ctx: Ctx): AnyCommand {
  return examples(
    new Command('resolve').description('close a dispute: upheld, discounted (--conceded) or written-off').argument('<number>', 'invoice number')
      .option('--outcome <outcome>', 'upheld, discounted or written-off (required)')
      .option('--conceded <money>', 'with discounted: the amount given up')
      .option('--on <date>', 'date (default today)')
      .option('--json', 'print the invoice, with the dispute, as JSON'),
    ['crm invoice resolve INV-0007 --outcome discounted --conceded 150', 'crm invoice resolve INV-0007 --outcome upheld'],
  ).action((number, o) => run(ctx, { number }, o));
}

export function run(ctx: Ctx, args: { number: string }, o: ResolveFlags): void {
  const today = ctx.today();
  const outcome = oneOf(need(o.outcome, '--outcome <outcome>'), DISPUTE_OUTCOMES, '--outcome');
  const on = parsePastDate(o.on, today, '--on');
  const concededFlag = o.conceded;
  if (outcome === 'discounted' && concededFlag === undefined) throw new UsageError('--conceded is required with --outcome discounted');
  if (outcome !== 'discounted' && concededFlag !== undefined) throw new UsageError(`--conceded only goes with --outcome discounted (not ${outcome})`);
  const [updated, dispute] = ctx.write().write((db) => {
    const inv = findInvoice(db, args.number);
    if (inv.disputeId === null) throw new UsageError(`${inv.number} has no open dispute (record one with crm invoice dispute)`);
    const open = written(getDispute(db, inv.disputeId), `dispute ${inv.disputeId}`);
    const openedOn = open.openedOn;
    if (on < openedOn) throw new UsageError(`--on ${quote(on)} is before the dispute on ${inv.number} was opened (${openedOn})`);
    let conceded = 0;
    if (concededFlag !== undefined) {
      conceded = parseMoney(concededFlag, inv.currency, '--conceded');
      if (conceded > inv.balance) throw new UsageError(`--conceded ${quote(concededFlag)} is more than the balance of ${inv.number} (${formatMoney(inv.balance, inv.currency)})`);
    } else if (outcome === 'written-off') {
      if (inv.balance <= 0) throw new UsageError(`${inv.number} is paid in full; there is nothing to write off (resolve it as upheld)`);
      conceded = inv.balance;
    }
    resolveDispute(db, inv.disputeId, outcome, conceded, on);
    const dispute = {
      id: open.id, invoice: inv.number, reason: open.reason, openedOn, outcome, conceded: { amount: conceded, currency: inv.currency }, resolvedOn: on,
    };
    return [written(getInvoiceByNumber(db, inv.number), `invoice ${inv.number}`), dispute] as const;
  });
  if (o.json) return printJson(ctx, { ...invoiceDto(updated), dispute: disputeDto(dispute) });
  ctx.io.out(`Resolved ${ctx.style.bold(formatRef('dispute', dispute.id))} on ${updated.number} (${outcome}); `
    + `balance ${formatMoney(Math.max(0, updated.balance), updated.currency)}\n`);
}
