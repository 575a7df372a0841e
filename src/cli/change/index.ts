// `crm change`: the command group for scope changes the client asks for; `add` lives in add.ts.
import { Command } from '@commander-js/extra-typings';
import type { Ctx } from '../context.js';
import { type AnyCommand, examples } from '../shared.js';
import * as add from './add.js';

export function command(ctx: Ctx): AnyCommand {
  return examples(new Command('change').description('record scope changes the client asks for'), [
    'crm change add acme --summary "Extra landing page" --hours 4',
  ]).addCommand(add.command(ctx));
}
