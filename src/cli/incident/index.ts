// `crm incident`: the command group for how a client behaved; `add` lives in add.ts.
import { Command } from '@commander-js/extra-typings';
import type { Ctx } from '../context.js';
import { type AnyCommand, examples } from '../shared.js';
import * as add from './add.js';

export function command(ctx: Ctx): AnyCommand {
  return examples(new Command('incident').description('record how a client behaved: abuse, lies, demands, risks'), [
    'crm incident add acme --kind missed-deadline --note "copy still not delivered"',
  ]).addCommand(add.command(ctx));
}
