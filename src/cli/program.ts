// The command tree. Each command group lives in its own module and is registered here.
import { Command, Option } from '@commander-js/extra-typings';
import type { Ctx } from './context.js';
import * as client from './client/index.js';
import * as cron from './cron/cron.js';
import * as due from './due/due.js';
import * as invoice from './invoice/index.js';
import * as log from './log/log.js';
import * as recap from './recap/recap.js';
import * as change from './change/index.js';
import * as incident from './incident/index.js';
import * as referral from './referral/index.js';
import * as deliver from './deliver/deliver.js';
import * as remind from './remind/index.js';
import * as db from './db/index.js';
import * as review from './review/review.js';
import * as rules from './rules/rules.js';

export const VERSION = '0.1.0';

export function buildProgram(ctx: Ctx): Command<[], { db?: string; color: boolean }> {
  const program = new Command('crm')
    .description('A client CRM for freelancers: record what happens with each client, and decide whether to keep them.')
    .version(VERSION, '-V, --version', 'print the version')
    .addOption(new Option('--db <path>', 'database file (default: $CRM_DB, else ~/.local/share/crm/crm.db)'))
    .option('--no-color', 'no colour in the output')
    .showSuggestionAfterError(true)
    .showHelpAfterError(false)
    .enablePositionalOptions(false)
    // Every command runs with the config checked and one zone and clock resolved (ctx.init).
    .hook('preAction', () => ctx.init())
    .addHelpText(
      'after',
      `
Examples:
  $ crm client add "Acme Corp" --cadence 2w
  $ crm log acme --channel phone --summary "Kick-off call" --follow-up +3d --next "Send the quote"
  $ crm invoice add acme --amount 1,200 --currency EUR --terms 14
  $ crm due
  $ crm review acme

Exit codes: 0 ok, 1 failure (database, disk), 2 bad input (nothing written), 130 cancelled.`,
    );
  program.addCommand(client.command(ctx));
  program.addCommand(log.command(ctx));
  program.addCommand(recap.command(ctx));
  program.addCommand(invoice.command(ctx));
  program.addCommand(change.command(ctx));
  program.addCommand(incident.command(ctx));
  program.addCommand(referral.command(ctx));
  program.addCommand(deliver.command(ctx));
  program.addCommand(remind.command(ctx));
  program.addCommand(due.command(ctx));
  program.addCommand(review.command(ctx));
  program.addCommand(rules.command(ctx));
  program.addCommand(cron.command(ctx));
  program.addCommand(db.command(ctx));
  return program;
}
