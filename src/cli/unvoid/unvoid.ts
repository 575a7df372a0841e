// `crm unvoid`: take a void back — the record counts again, with the reminders voided together
// with it — unless something recorded since makes it no longer add up.
import { Command } from '@commander-js/extra-typings';
import type { Ctx } from '../context.js';
import { type AnyCommand, examples, printJson } from '../shared.js';
import { parseRef } from '../../domain/refs.js';
import { findRecord } from '../../db/refs.js';
import { unvoidRecord } from '../../db/voids.js';
import { renderUnvoid, voidDto } from '../../render/voids.js';

export function command(ctx: Ctx): AnyCommand {
  return examples(
    new Command('unvoid')
      .description('take a void back: the record counts again')
      .argument('<ref>', 'the record, TYPE:ID (interaction:12, invoice:INV-0007, payment:31, …)')
      .option('--json', 'print the record as JSON'),
    ['crm unvoid incident:3', 'crm unvoid interaction:12   # brings back its follow-up reminder too'],
  ).action((ref, o) => run(ctx, { ref }, o));
}

export function run(ctx: Ctx, args: { ref: string }, o: { json?: boolean }): void {
  const ref = parseRef(args.ref);
  const stamp = { on: ctx.today(), at: ctx.now().toISOString() };
  const outcome = ctx.write().write((db) => unvoidRecord(db, findRecord(db, ref), stamp));
  if (o.json) return printJson(ctx, voidDto(outcome));
  ctx.io.out(renderUnvoid(outcome, ctx.zone(), ctx.io.columns));
}
