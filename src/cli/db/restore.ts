// `crm db restore FILE`: replace the database with a backup (crm db backup's file) after checking it
// is a sound crm database; the database it replaces is kept as `<db>.before-restore`.
import path from 'node:path';
import { Command } from '@commander-js/extra-typings';
import { commandLine, type Ctx } from '../context.js';
import { type AnyCommand, examples } from '../shared.js';
import { restoreDatabase } from '../../db/dump-restore.js';
import { LATEST_VERSION } from '../../db/migrations.js';
import { plural } from '../../domain/words.js';

export function command(ctx: Ctx): AnyCommand {
  return examples(
    new Command('restore')
      .description('replace the database with a backup, after checking it; the current one is kept as <db>.before-restore')
      .argument('<file>', 'a file crm db backup wrote'),
    ['crm db restore ~/backups/crm-2026-11-01.db'],
  ).action((file) => run(ctx, { file }));
}

export function run(ctx: Ctx, args: { file: string }): void {
  const file = path.resolve(args.file);
  const db = path.resolve(ctx.dbPath());
  ctx.close();
  const r = restoreDatabase(file, db, ctx.busyTimeoutMs);
  const { clients, interactions, invoices } = r.counts;
  const what = `${plural(clients, 'client')}, ${plural(interactions, 'interaction')}, ${plural(invoices, 'invoice')}`;
  const older = r.schemaVersion < LATEST_VERSION ? `; schema ${r.schemaVersion}, brought up to date the next time crm opens it` : '';
  ctx.io.out(`Restored ${db} from ${file} (${what}${older}).\n`);
  ctx.io.out(r.keptAs === null ? 'There was no database before; nothing else was changed.\n'
    : `The database it replaced is kept as ${r.keptAs} (to go back: ${commandLine(['db', 'restore', r.keptAs])})\n`);
}
