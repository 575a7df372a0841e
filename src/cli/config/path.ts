// `crm config path`: the config file in use (CRM_CONFIG, else the XDG default); it may not exist.
import { Command } from '@commander-js/extra-typings';
import type { Ctx } from '../context.js';
import { needsInit } from '../init-need.js';
import { type AnyCommand, examples } from '../shared.js';

export function command(ctx: Ctx): AnyCommand {
  // A broken config file does not stop it: it is how one is found.
  return needsInit(
    examples(new Command('path').description('print the config file path (from CRM_CONFIG or the default); it may not exist yet'), [
      'crm config path',
      '$EDITOR "$(crm config path)"',
    ]).action(() => run(ctx)),
    'config-may-be-broken',
  );
}

export function run(ctx: Ctx): void {
  ctx.io.out(ctx.configPath() + '\n');
}
