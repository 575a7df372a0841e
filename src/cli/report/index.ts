// `crm report`: the command group; money at a glance. Each report lives in its own file here.
import { Command } from '@commander-js/extra-typings';
import type { Ctx } from '../context.js';
import { type AnyCommand, examples } from '../shared.js';
import * as aging from './aging.js';
import * as income from './income.js';

export function command(ctx: Ctx): AnyCommand {
  const report = examples(new Command('report').description('money at a glance: who owes you what, and what you were paid'), [
    'crm report aging',
    'crm report income --months 6',
  ]);
  for (const verb of [aging, income]) report.addCommand(verb.command(ctx));
  return report;
}
