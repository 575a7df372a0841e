// `crm referral`: the command group for business the client sent your way; `add` lives in add.ts.
import { Command } from '@commander-js/extra-typings';
import type { Ctx } from '../context.js';
import { type AnyCommand, examples } from '../shared.js';
import * as add from './add.js';

export function command(ctx: Ctx): AnyCommand {
  return examples(new Command('referral').description('record business the client sent your way'), [
    'crm referral add acme --note "introduced us to Globex"',
  ]).addCommand(add.command(ctx));
}
