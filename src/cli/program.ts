// The command tree. Each command group lives in its own module and is registered here.
import { Command, Option } from '@commander-js/extra-typings';
import type { Ctx } from './context.js';
import { clientCommand } from './client.js';
import { cronCommand } from './cron.js';
import { dueCommand } from './due.js';
import { invoiceCommand } from './invoice.js';
import * as log from './log/log.js';
import * as recap from './recap/recap.js';
import { recordCommands } from './records.js';
import { remindCommand } from './remind.js';
import { dbCommand } from './db.js';
import { reviewCommand } from './review.js';
import { rulesCommand } from './rules.js';

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
  program.addCommand(clientCommand(ctx));
  program.addCommand(log.command(ctx));
  program.addCommand(recap.command(ctx));
  program.addCommand(invoiceCommand(ctx));
  for (const cmd of recordCommands(ctx)) program.addCommand(cmd);
  program.addCommand(remindCommand(ctx));
  program.addCommand(dueCommand(ctx));
  program.addCommand(reviewCommand(ctx));
  program.addCommand(rulesCommand(ctx));
  program.addCommand(cronCommand(ctx));
  program.addCommand(dbCommand(ctx));
  return program;
}
