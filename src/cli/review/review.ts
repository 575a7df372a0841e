// `crm review <client> [--json] [--explain] [--as-of DATE]` and `crm review --all [--json]`: keep,
// watch or fire. The work is in judge.ts, loaded on use: other commands never pay for the rules.
import { Command } from '@commander-js/extra-typings';
import type { Ctx } from '../context.js';
import { type AnyCommand, examples } from '../shared.js';
import type { ReviewFlags } from './judge.js';

export function command(ctx: Ctx): AnyCommand {
  return examples(
    new Command('review')
      .description('keep, watch or fire: judge a client on its record, with the evidence and next steps')
      .argument('[client]', 'name, prefix or id')
      .option('--all', 'every active client, worst first, with a 12-month score trend')
      .option('--json', 'print JSON')
      .option('--explain', 'show how the score adds up: measure × weight = points per finding')
      .option('--as-of <date>', 'judge as of a past date, seeing only what was recorded for then'),
    ['crm review acme', 'crm review acme --explain', 'crm review acme --as-of 2026-06-30 --json', 'crm review --all'],
  ).action((clientRef, o) => run(ctx, { client: clientRef }, o));
}

export async function run(ctx: Ctx, args: { client?: string | undefined }, o: ReviewFlags): Promise<void> {
  const { judge } = await import('./judge.js');
  await judge(ctx, args.client, o);
}
