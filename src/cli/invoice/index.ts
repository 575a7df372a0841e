// `crm invoice`: the command group; each verb (add, pay, dispute, resolve, list) lives in its own file here.
import { Command } from '@commander-js/extra-typings';
import type { Ctx } from '../context.js';
import { type AnyCommand, examples } from '../shared.js';
import * as add from './add.js';
import * as pay from './pay.js';
import * as dispute from './dispute.js';
import * as resolve from './resolve.js';
import * as list from './list.js';

export function command(ctx: Ctx): AnyCommand {
  const invoice = examples(new Command('invoice').description('record invoices, payments and disputes'), [
    'crm invoice add acme --amount 1,200 --currency EUR --terms 14',
    'crm invoice pay INV-0007 --amount 500',
    'crm invoice list --overdue',
  ]);
  // --help lists the verbs in this order.
  for (const verb of [add, pay, dispute, resolve, list]) invoice.addCommand(verb.command(ctx));
  return invoice;
}
