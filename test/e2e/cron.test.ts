// `crm cron` through the built binary: the entry it prints is valid, absolute, and — run the way
// cron runs it (sh, env -i, minimal PATH) — mails the digest and never overlaps itself.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, NOW, seed, spawnCrm, tempDb, tempDir } from '../helpers/cli.js';
import { cronQuote } from '../../src/cli/cron/crontab.js';

interface Entry {
  env: Record<string, string>;
  schedule: string;
  command: string;
}

function parseCrontab(text: string): Entry {
  const env: Record<string, string> = {};
  const jobs: string[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const assign = /^([A-Z_]+)=(.*)$/.exec(line);
    if (assign) env[assign[1]!] = assign[2]!;
    else jobs.push(line);
  }
  expect(jobs).toHaveLength(1);
  const fields = jobs[0]!.split(' ');
  return { env, schedule: fields.slice(0, 5).join(' '), command: fields.slice(5).join(' ') };
}

/** What cron does with the command field: `\%` becomes `%`, then /bin/sh runs it with cron's bare environment. */
function runAsCron(entry: Entry, extraEnv: string[] = []) {
  const command = entry.command.replace(/\\%/g, '%');
  const env = Object.entries(entry.env).map(([k, v]) => `${k}=${v}`);
  const r = spawnSync('/usr/bin/env', ['-i', 'PATH=/usr/bin:/bin', 'SHELL=/bin/sh', ...env, ...extraEnv, '/bin/sh', '-c', command], {
    encoding: 'utf8',
    input: '',
    timeout: 20_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function overdueDb(db = tempDb()): Promise<string> {
  await seed(db, [['client', 'add', 'Weekly Co', '--cadence', '1w']], { now: '2026-11-01T09:00:00Z' });
  return db;
}

describe('crm cron (binary)', () => {
  it('prints a weekday 08:00 entry with absolute node, crm and database paths, TZ and flock -n', () => {
    const dir = tempDir();
    const r = spawnSync(process.execPath, [BIN, '--db', 'sub/crm.db', 'cron'], {
      cwd: dir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, TZ: 'Europe/Oslo', CRM_NOW: NOW, HOME: dir, CRM_CONFIG: path.join(dir, 'none.json') },
    });
    expect(r.status).toBe(0);
    const entry = parseCrontab(r.stdout);
    const db = path.join(fs.realpathSync(dir), 'sub', 'crm.db');
    expect(entry.env).toEqual({ CRON_TZ: 'Europe/Oslo', TZ: 'Europe/Oslo' });
    expect(entry.schedule).toBe('0 8 * * 1-5');
    const words = entry.command.split(' ');
    expect(words.slice(0, 3)).toEqual([words[0], '-n', `${db}.cron.lock`]);
    expect(path.isAbsolute(words[0]!) && path.basename(words[0]!) === 'flock').toBe(true);
    expect(words.slice(3)).toEqual([process.execPath, BIN, '--db', db, 'due', '--cron']);
    expect(fs.existsSync(BIN)).toBe(true);
    // printing the entry creates nothing, and says the folder has to exist for the lock
    expect(fs.existsSync(path.join(dir, 'sub'))).toBe(false);
    expect(r.stdout).toContain(`# Note: ${path.dirname(db)} does not exist yet`);
  });

  it('uses the time zone from the config file before TZ', () => {
    const dir = tempDir();
    const config = path.join(dir, 'config.json');
    fs.writeFileSync(config, JSON.stringify({ timezone: 'America/New_York' }));
    const r = spawnCrm(['cron'], { db: tempDb(), env: { TZ: 'Europe/Oslo', CRM_CONFIG: config } });
    expect(r.code).toBe(0);
    expect(parseCrontab(r.stdout).env).toEqual({ CRON_TZ: 'America/New_York', TZ: 'America/New_York' });
  });

  it('takes --at and --every-day, and refuses a time that is not HH:mm', () => {
    const db = tempDb();
    expect(parseCrontab(spawnCrm(['cron', '--at', '7:30', '--every-day'], { db }).stdout).schedule).toBe('30 7 * * *');
    const bad = spawnCrm(['cron', '--at', '25:00'], { db });
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/--at '25:00' is not a time/);
  });

  it('the printed job, run as cron runs it, prints the digest — and nothing on a quiet day', async () => {
    const db = await overdueDb();
    const text = spawnCrm(['cron'], { db }).stdout;
    expect(text).not.toContain('# Note:');
    const entry = parseCrontab(text);
    const busy = runAsCron(entry, [`CRM_NOW=${NOW}`]);
    expect(busy.stderr).toBe('');
    expect(busy.code).toBe(0);
    expect(busy.stdout).toMatch(/^crm: 1 thing to do today \(as of 2026-11-22\)\n\n- 14 days overdue: Check in with Weekly Co/);

    await seed(db, [['log', 'Weekly Co', '--summary', 'call', '--no-recap']]);
    expect(runAsCron(entry, [`CRM_NOW=${NOW}`])).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('survives a database path with spaces, quotes and a percent sign', async () => {
    const dir = path.join(tempDir(), "Jo's data 100%");
    const db = await overdueDb(path.join(dir, 'crm.db'));
    const text = spawnCrm(['cron'], { db }).stdout;
    // an unescaped % would be cut into stdin by cron
    expect(text.split('\n').find((l) => l.startsWith('0 8'))).not.toMatch(/[^\\]%/);
    const r = runAsCron(parseCrontab(text), [`CRM_NOW=${NOW}`]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Check in with Weekly Co');
  });

  it('never overlaps: while one run holds the lock, the next one exits without running', async () => {
    const db = await overdueDb();
    const entry = parseCrontab(spawnCrm(['cron'], { db }).stdout);
    const lock = `${db}.cron.lock`;
    // Its own process group, so the sleep it starts is ended with it.
    const holder = spawn('/usr/bin/flock', [lock, '-c', 'echo locked; sleep 5'], { stdio: ['ignore', 'pipe', 'ignore'], detached: true });
    try {
      await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
      const r = runAsCron(entry, [`CRM_NOW=${NOW}`]);
      expect(r.code).toBe(1); // flock -n: lock busy, crm never started
      expect(r.stdout).toBe('');
    } finally {
      process.kill(-holder.pid!, 'SIGTERM');
    }
  });

  it.each([
    ['/usr/bin/node', '/usr/bin/node'],
    ['/home/jo/my data/crm.db', "'/home/jo/my data/crm.db'"],
    ["/home/jo/it's.db", "'/home/jo/it'\\''s.db'"],
    ['/data/100%.db', '/data/100\\%.db'],
  ])('quotes %j for the crontab command field', (word, quoted) => {
    expect(cronQuote(word)).toBe(quoted);
  });
});
