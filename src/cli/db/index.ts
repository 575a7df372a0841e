// `crm db path|status|backup`: where the data lives, what is in it, and a safe copy of it.
import { Command } from '@commander-js/extra-typings';
import type { Ctx } from '../context.js';
import { type AnyCommand, examples } from '../shared.js';
import * as dbPath from './path.js';
import * as status from './status.js';
import * as backup from './backup.js';

export function command(ctx: Ctx): AnyCommand {
  const db = examples(new Command('db').description('where your data lives, what is in it, and backups'), ['crm db status', 'crm db backup ~/crm-backup.db']);
  db.addCommand(dbPath.command(ctx));
  db.addCommand(status.command(ctx));
  db.addCommand(backup.command(ctx));
  return db;
}
