// `crm config get KEY`: one key's effective value alone, for scripts (a group prints its object).
import { Command } from '@commander-js/extra-typings';
import type { Ctx } from '../context.js';
import { type AnyCommand, examples } from '../shared.js';
import { getPath, resolveKey, showValue } from '../../config/keys.js';

export function command(ctx: Ctx): AnyCommand {
  return examples(
    new Command('get').description('print one key\'s value (numbers and text plain, lists and groups as JSON)').argument('<key>', 'a dotted key, such as cadenceDays or rules.thresholds.fire'),
    ['crm config get paymentTermsDays', 'crm config get rules.thresholds', 'crm config get workingHours.days'],
  ).action((key) => run(ctx, key));
}

export async function run(ctx: Ctx, typed: string): Promise<void> {
  const { key } = resolveKey(typed);
  const value = getPath(await ctx.config(), key);
  ctx.io.out(showValue(value === undefined ? null : value) + '\n');
}
