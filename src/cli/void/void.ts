// `crm void`: mark a record void — kept, with the reason and the date, counted nowhere — with the
// open reminders recorded with it; refused when that would leave the ledger wrong.
import { Command } from '@commander-js/extra-typings';
import type { Ctx } from '../context.js';
import { type AnyCommand, examples, printJson } from '../shared.js';
import { parseRef } from '../../domain/refs.js';
import { parseReason } from '../../domain/voids.js';
import { findRecord } from '../../db/refs.js';
import { voidRecord } from '../../db/voids.js';
import { renderVoid, voidDto } from '../../render/voids.js';

export interface VoidFlags {
  reason?: string;
  json?: boolean;
}

export function command(ctx: Ctx): AnyCommand {
  return examples(
    new Command('void')
      .description('mark a record void: it stays, with the reason and the date, and counts nowhere')
      .argument('<ref>', 'the record, TYPE:ID (interaction:12, invoice:INV-0007, payment:31, …)')
      .option('--reason <text>', "why it is void (required; '-' reads stdin)")
      .option('--json', 'print the voided record as JSON'),
    ['crm void incident:3 --reason "recorded for the wrong client"', 'crm void payment:31 --reason "typed twice"', 'crm unvoid incident:3'],
  ).action((ref, o) => run(ctx, { ref }, o));
}

export async function run(ctx: Ctx, args: { ref: string }, o: VoidFlags): Promise<void> {
  const ref = parseRef(args.ref);
  const reason = parseReason(await ctx.text(o.reason, '--reason'), o.reason === '-');
  const stamp = { on: ctx.today(), at: ctx.now().toISOString() };
  const outcome = ctx.write().write((db) => voidRecord(db, findRecord(db, ref), reason, stamp));
  if (o.json) return printJson(ctx, voidDto(outcome));
  ctx.io.out(renderVoid(outcome, ctx.zone(), ctx.io.columns));
}
