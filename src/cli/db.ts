// `crm db path|status|backup`: where the data lives, what is in it, and a safe copy of it.
import fs from 'node:fs';
import path from 'node:path';
import { Command } from '@commander-js/extra-typings';
import type { Ctx } from './context.js';
import { type AnyCommand, examples, printJson } from './shared.js';
import { backupTo } from '../db/store.js';
import { type CountKey, countLabel, dbStatus } from '../db/status.js';
import { UsageError, quote } from '../domain/errors.js';

export function dbCommand(ctx: Ctx): AnyCommand {
  const db = examples(new Command('db').description('where your data lives, what is in it, and backups'), ['crm db status', 'crm db backup ~/crm-backup.db']);

  examples(db.command('path').description('print the database path (from --db, CRM_DB or the default)'), ['crm db path']).action(() => {
    ctx.io.out(ctx.dbPath() + '\n');
  });

  examples(
    db.command('status').description('schema version, record counts and file facts (before the first write: says there is no database yet)')
      .option('--check', 'also run an integrity check')
      .option('--json', 'print JSON'),
    ['crm db status', 'crm db status --check --json'],
  ).action((o) => {
    const file = ctx.dbPath();
    const store = ctx.read();
    const st = fs.statSync(file, { throwIfNoEntry: false });
    // A missing or 0-byte file is read through an in-memory stand-in: report that there is no
    // database yet, not the stand-in's schema and journal.
    const created = store.path !== null && st !== undefined && st.size > 0;
    const status = dbStatus(created ? store.db : null, { check: Boolean(o.check) });
    const info = {
      path: file,
      exists: st !== undefined,
      bytes: st?.size ?? 0,
      mode: st ? (st.mode & 0o777).toString(8).padStart(4, '0') : null,
      ...status,
    };
    if (o.json) return printJson(ctx, info);
    const s = ctx.style;
    const note = !st ? ' (not created yet: it appears on the first write)' : created ? '' : ' (an empty file: crm sets it up on the first write)';
    let out = `${s.bold('database')}  ${file}${s.dim(note)}\n`;
    if (created) out += `${s.dim('size')}      ${info.bytes} bytes, mode ${info.mode}, journal ${status.journalMode}, schema ${status.schemaVersion}\n`;
    if (status.integrity) out += `${s.dim('integrity')} ${status.integrity === 'ok' ? s.green('ok') : s.red(status.integrity)}\n`;
    const counts = Object.entries(status.counts) as [CountKey, number][];
    const width = Math.max(...counts.map(([k]) => countLabel(k).length)) + 2;
    out += counts.map(([k, n]) => `${s.dim(countLabel(k).padEnd(width))}${n}`).join('\n') + '\n';
    ctx.io.out(out);
  });

  examples(
    db.command('backup').description('write a consistent copy of the database (mode 0600); never overwrites').argument('<file>', 'where to write the copy'),
    ['crm db backup ~/backups/crm-$(date +%F).db'],
  ).action((target) => {
    const dest = path.resolve(target);
    if (fs.existsSync(dest)) throw new UsageError(`backup target ${quote(target)} already exists; choose a new file name`);
    if (!fs.existsSync(ctx.dbPath())) throw new UsageError(`there is no database at ${ctx.dbPath()} yet; nothing to back up`);
    backupTo(ctx.read().db, dest);
    ctx.io.out(`Backed up ${ctx.dbPath()} to ${dest}\n`);
  });
  return db;
}
