// `crm config list`: every key with its effective value, marking those that follow the defaults.
import { Command } from '@commander-js/extra-typings';
import type { Ctx } from '../context.js';
import { type AnyCommand, examples, printJson } from '../shared.js';
import { getPath, leaves, showValue } from '../../config/keys.js';
import { readRaw } from '../../config/edit.js';

export function command(ctx: Ctx): AnyCommand {
  return examples(
    new Command('list').description('every key and its value; "(default)" marks those not set in your config file').option('--json', 'print the effective config as JSON'),
    ['crm config list', 'crm config list --json'],
  ).action((o) => run(ctx, o));
}

export async function run(ctx: Ctx, o: { json?: true }): Promise<void> {
  const config = await ctx.config();
  if (o.json) return printJson(ctx, config);
  const raw = readRaw(ctx.configPath());
  const rows = leaves(config);
  const width = Math.max(...rows.map(([k]) => k.length));
  const lines = rows.map(([key, value]) => {
    const mark = getPath(raw, key) === undefined ? '  ' + ctx.style.dim('(default)') : '';
    return `${key.padEnd(width)}  ${showValue(value)}${mark}`;
  });
  ctx.io.out(lines.join('\n') + '\n');
}
