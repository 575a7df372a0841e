// `crm cron`: prints a ready crontab entry that mails the `crm due --cron` digest. Prints only;
// never edits the user's crontab (a `crontab -` pipe would replace every existing entry).
import fs from 'node:fs';
import path from 'node:path';
import { Command } from '@commander-js/extra-typings';
import type { Ctx } from '../context.js';
import { type AnyCommand, examples } from '../shared.js';
import { crmBinPath, crontabEntry, findFlock, parseAt } from './crontab.js';

export function command(ctx: Ctx): AnyCommand {
  return examples(
    new Command('cron')
      .description('print a crontab entry that mails you the `crm due --cron` digest')
      .option('--at <HH:mm>', 'time of day to run (default 08:00)', '08:00')
      .option('--every-day', 'run every day, not only Monday to Friday'),
    ['crm cron', 'crm cron --at 07:30 --every-day'],
  ).action((o) => run(ctx, {}, o));
}

export function run(ctx: Ctx, _args: Record<string, never>, o: { at: string; everyDay?: true }): void {
  const { hour, minute } = parseAt(o.at);
  ctx.io.out(
    crontabEntry({
      // The node running crm now is the one known to run it; cron's PATH may find another or none.
      node: ctx.execPath,
      bin: crmBinPath(),
      db: ctx.dbPath(),
      timeZone: ctx.zone(),
      flock: findFlock(ctx.env.PATH),
      hour,
      minute,
      weekdays: !o.everyDay,
      dbFolderExists: fs.existsSync(path.dirname(ctx.dbPath())),
    }),
  );
}
