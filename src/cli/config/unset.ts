// `crm config unset KEY`: remove a key from config.json, so it follows the default again.
import { Command } from '@commander-js/extra-typings';
import type { Ctx } from '../context.js';
import { needsInit } from '../init-need.js';
import { type AnyCommand, examples } from '../shared.js';
import { unsetKey } from '../../config/edit.js';
import { showValue } from '../../config/keys.js';
import { stillBroken } from './set.js';

export function command(ctx: Ctx): AnyCommand {
  // A broken config file does not stop it: it repairs one (and checks the whole file it writes).
  return needsInit(
    examples(
      new Command('unset')
        .description('remove a key from your config file: it goes back to the default (a group, such as rules.latePayment, all at once)')
        .argument('<key>', 'a dotted key, such as cadenceDays'),
      ['crm config unset cadenceDays', 'crm config unset rules.latePayment'],
    ).action((key) => run(ctx, key)),
    'config-may-be-broken',
  );
}

export function run(ctx: Ctx, key: string): void {
  const c = unsetKey(ctx.configPath(), key);
  if (!c.wasSet) ctx.io.out(`${c.key} was not set; it follows the default, ${showValue(c.now)}\n`);
  else if (c.now === undefined) ctx.io.out(`${c.key} removed (was ${showValue(c.was)})\n`);
  else ctx.io.out(`${c.key} = ${showValue(c.now)}, the default (was ${showValue(c.was)})\n`);
  stillBroken(ctx, c);
}
