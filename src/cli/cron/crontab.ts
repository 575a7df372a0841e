// `crm cron`: prints a ready crontab entry that mails the `crm due --cron` digest. Prints only;
// never edits the user's crontab (a `crontab -` pipe would replace every existing entry).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from '@commander-js/extra-typings';
import type { Ctx } from './context.js';
import { type AnyCommand, examples } from './shared.js';
import { UsageError, quote } from '../domain/errors.js';

export interface CrontabSpec {
  node: string;
  bin: string;
  db: string;
  timeZone: string;
  /** A flock(1) binary: absolute when found, else the bare name. */
  flock: string;
  hour: number;
  minute: number;
  /** Monday to Friday only (cron's 1-5), else every day. */
  weekdays: boolean;
  /** Whether the database's folder exists yet: flock cannot create its lock file without it. */
  dbFolderExists: boolean;
}

/**
 * Quote for /bin/sh, then escape `%`, which cron turns into a newline in the command field.
 * Plain paths stay unquoted so the line reads naturally.
 */
export function cronQuote(word: string): string {
  const sh = /^[A-Za-z0-9_./:=@+,%-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
  return sh.replace(/%/g, '\\%');
}

export function crontabEntry(s: CrontabSpec): string {
  // The lock sits next to the database: one digest per database at a time, however slow the disk.
  const lock = `${s.db}.cron.lock`;
  const days = s.weekdays ? '1-5' : '*';
  const command = [s.flock, '-n', lock, s.node, s.bin, '--db', s.db, 'due', '--cron'].map(cronQuote).join(' ');
  const at = `${String(s.hour).padStart(2, '0')}:${String(s.minute).padStart(2, '0')}`;
  return [
    `# crm: mail the list of what is due, ${s.weekdays ? 'Monday to Friday' : 'every day'} at ${at} (${s.timeZone}).`,
    '# Add it with `crontab -e`. Cron mails whatever a job prints, and `crm due --cron` prints',
    '# nothing when nothing is due, so a quiet day sends no mail. Set MAILTO to choose the address.',
    '# TZ makes "today" match yours; CRON_TZ (cronie) also makes the schedule itself use that zone.',
    `CRON_TZ=${s.timeZone}`,
    `TZ=${s.timeZone}`,
    ...(s.dbFolderExists
      ? []
      : [`# Note: ${path.dirname(s.db)} does not exist yet; record something first (crm client add), or the lock cannot be taken.`]),
    `${s.minute} ${s.hour} * * ${days} ${command}`,
    '',
  ].join('\n');
}

/** bin/crm.js, found from this module: src/cli/ and dist/cli/ are both two levels below the root. */
export function crmBinPath(moduleUrl: string = import.meta.url): string {
  return path.resolve(path.dirname(fileURLToPath(moduleUrl)), '..', '..', 'bin', 'crm.js');
}

/** Cron runs jobs with a minimal PATH, so flock is named by its absolute path when we can find it. */
function findFlock(envPath: string | undefined): string {
  const dirs = [...(envPath ?? '').split(path.delimiter), '/usr/bin', '/bin', '/usr/local/bin'].filter((d) => path.isAbsolute(d));
  for (const dir of dirs) {
    const candidate = path.join(dir, 'flock');
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      /* not here */
    }
  }
  return 'flock';
}

/** An IANA zone name cron's TZ= can carry; ':/etc/localtime'-style TZ values are not. */
function parseAt(value: string): { hour: number; minute: number } {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(value.trim());
  if (!m) throw new UsageError(`--at ${quote(value)} is not a time; expected HH:mm such as 08:00`);
  return { hour: Number(m[1]), minute: Number(m[2]) };
}

export function cronCommand(ctx: Ctx): AnyCommand {
  return examples(
    new Command('cron')
      .description('print a crontab entry that mails you the `crm due --cron` digest')
      .option('--at <HH:mm>', 'time of day to run (default 08:00)', '08:00')
      .option('--every-day', 'run every day, not only Monday to Friday'),
    ['crm cron', 'crm cron --at 07:30 --every-day'],
  ).action(async (o) => {
    const { hour, minute } = parseAt(o.at);
    const timeZone = ctx.zone();
    ctx.io.out(
      crontabEntry({
        // The node running crm now is the one known to run it; cron's PATH may find another or none.
        node: ctx.execPath,
        bin: crmBinPath(),
        db: ctx.dbPath(),
        timeZone,
        flock: findFlock(ctx.env.PATH),
        hour,
        minute,
        weekdays: !o.everyDay,
        dbFolderExists: fs.existsSync(path.dirname(ctx.dbPath())),
      }),
    );
  });
}
