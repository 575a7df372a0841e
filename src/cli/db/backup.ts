// `crm db backup <file>`: a consistent copy of the database (mode 0600); never overwrites.
import fs from 'node:fs';
import path from 'node:path';
import { Command } from '@commander-js/extra-typings';
import type { Ctx } from '../context.js';
import { type AnyCommand, examples } from '../shared.js';
import { backupTo } from '../../db/store.js';
import { UsageError, quote } from '../../domain/errors.js';

export function command(ctx: Ctx): AnyCommand {
  return examples(
    new Command('backup').description('write a consistent copy of the database (mode 0600); never overwrites').argument('<file>', 'where to write the copy'),
    ['crm db backup ~/backups/crm-$(date +%F).db'],
  ).action((target) => run(ctx, { file: target }));
}

export function run(ctx: Ctx, args: { file: string }): void {
  const dest = path.resolve(args.file);
  if (fs.existsSync(dest)) throw new UsageError(`backup target ${quote(args.file)} already exists; choose a new file name`);
  if (!fs.existsSync(ctx.dbPath())) throw new UsageError(`there is no database at ${ctx.dbPath()} yet; nothing to back up`);
  backupTo(ctx.read().db, dest);
  ctx.io.out(`Backed up ${ctx.dbPath()} to ${dest}\n`);
}
