// `crm db path|status|backup|restore`: where the data lives, what is in it, a safe copy of it, and
// putting a copy back.
import { Command } from '@commander-js/extra-typings';
import type { Ctx } from '../context.js';
import { type AnyCommand, examples } from '../shared.js';
import * as dbPath from './path.js';
import * as status from './status.js';
import * as backup from './backup.js';
import * as restore from './restore.js';

export function command(ctx: Ctx): AnyCommand {
  const db = examples(new Command('db').description('where your data lives, what is in it, backups and restoring them'), ['crm db status', 'crm db backup ~/crm-backup.db', 'crm db restore ~/crm-backup.db']);
  db.addCommand(dbPath.command(ctx));
  db.addCommand(status.command(ctx));
  db.addCommand(backup.command(ctx));
  db.addCommand(restore.command(ctx));
  return db;
}
