// `crm rules [--json]`: the judging rules, why they exist, and the weights and thresholds in force
// (defaults merged with config.json). Reads config only; never opens the database.
import { Command } from '@commander-js/extra-typings';
import type { Ctx } from '../context.js';
import { type AnyCommand, examples, printJson } from '../shared.js';
import { rulesDto } from '../../render/json.js';

export function command(ctx: Ctx): AnyCommand {
  return examples(
    new Command('rules')
      .description('list the rules crm judges clients by, with their current weights and thresholds')
      .option('--json', 'print JSON'),
    ['crm rules', 'crm rules --json'],
  ).action((o) => run(ctx, {}, o));
}

export async function run(ctx: Ctx, _args: Record<string, never>, o: { json?: true }): Promise<void> {
  // Loaded on use: the rules and their zod schemas are not needed by other commands.
  const [{ describeRules }, { renderRules }] = await Promise.all([import('../../rules/index.js'), import('../../render/review.js')]);
  const config = (await ctx.config()).rules;
  const rules = describeRules(config);
  if (o.json) return printJson(ctx, rulesDto(config, rules));
  ctx.io.out(renderRules(rules, config, ctx.style, ctx.io.columns));
}
