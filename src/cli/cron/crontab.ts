// The crontab entry `crm cron` prints: shell and cron quoting, the lock, the paths cron needs.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError, quote } from '../../domain/errors.js';
import { shellQuote } from '../../domain/shell.js';

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
  return shellQuote(word).replace(/%/g, '\\%');
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

/**
 * bin/crm.js, the nearest one found upward from this module: src/cli/cron/ when run from source,
 * dist/chunks/ in the bundle (scripts/build.mjs decides that depth, not this file).
 */
export function crmBinPath(moduleUrl: string = import.meta.url): string {
  const start = path.dirname(fileURLToPath(moduleUrl));
  for (let dir = start; ; dir = path.dirname(dir)) {
    const bin = path.join(dir, 'bin', 'crm.js');
    if (fs.existsSync(bin)) return bin;
    if (path.dirname(dir) === dir) return path.resolve(start, '..', '..', 'bin', 'crm.js');
  }
}

/** Cron runs jobs with a minimal PATH, so flock is named by its absolute path when we can find it. */
export function findFlock(envPath: string | undefined): string {
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

/** `--at HH:mm`. */
export function parseAt(value: string): { hour: number; minute: number } {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(value.trim());
  if (!m) throw new UsageError(`--at ${quote(value)} is not a time; expected HH:mm such as 08:00`);
  return { hour: Number(m[1]), minute: Number(m[2]) };
}
