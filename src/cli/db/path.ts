// `crm db path`: the database file in use (from --db, CRM_DB or the default).
import { Command } from '@commander-js/extra-typings';
import type { Ctx } from '../context.js';
import { type AnyCommand, examples } from '../shared.js';

export function command(ctx: Ctx): AnyCommand {
  return examples(new Command('path').description('print the database path (from --db, CRM_DB or the default)'), ['crm db path'])
    .action(() => run(ctx));
}

export function run(ctx: Ctx): void {
  ctx.io.out(ctx.dbPath() + '\n');
}
