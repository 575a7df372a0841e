// `crm demo`: a sample database in a new file, never in an existing one, and three commands that
// work as pasted. In-process runs against temp folders; the user's database is never touched.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { crm, crmJson, snapshot, tempDb, tempDir } from '../helpers/cli.js';
import { HAGGLER, LATE_PAYER, demoStory } from '../../src/domain/demo-story.js';

/** The commands the demo printed, split back into arguments the way a POSIX shell would. */
function printedCommands(out: string): string[][] {
  return out
    .split('\n')
    .filter((l) => l.startsWith('  crm '))
    .map((l) => {
      const args: string[] = [];
      const re = /'([^']*)'|(\S+)/g;
      const line = l.replace(/\s+#.*$/, '').trim();
      for (let m = re.exec(line); m; m = re.exec(line)) args.push(m[1] ?? m[2] ?? '');
      return args.slice(1);
    });
}

describe('crm --db FILE demo', () => {
  let db: string;
  let out: string;
  beforeAll(async () => {
    db = tempDb();
    const r = await crm(['--db', db, 'demo']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    out = r.stdout;
  });

  it('says where it built the sample and prints three commands with that --db', () => {
    expect(out).toContain(`Built a sample database in ${db}:`);
    expect(out).toMatch(/7 made-up clients, \d+ invoices, \d+ conversations, \d+ reminders/);
    const commands = printedCommands(out);
    expect(commands).toEqual([
      ['--db', db, 'review', '--all'],
      ['--db', db, 'due'],
      ['--db', db, 'review', LATE_PAYER],
    ]);
    expect(out).toContain(`review '${LATE_PAYER}'`); // quoted, so it pastes as one argument
    expect(out).not.toContain('rm -r'); // a file you chose is yours to keep
  });

  it('review --all shows keep, watch and fire', async () => {
    const r = await crm(['--db', db, 'review', '--all'], { columns: 160 });
    expect(r.code).toBe(0);
    for (const verdict of ['KEEP', 'WATCH', 'FIRE']) expect(r.stdout).toContain(verdict);
    const all = await crmJson<{ clients: { client: { name: string }; verdict: string }[] }>(['--db', db, 'review', '--all']);
    const verdicts = Object.fromEntries(all.clients.map((x) => [x.client.name, x.verdict]));
    expect(verdicts).toMatchObject({
      'Lindqvist & Berg Architects': 'keep', [LATE_PAYER]: 'fire', [HAGGLER]: 'watch', 'Kestrel Freight': 'fire',
    });
  });

  it('due shows money overdue, reminders due and a check-in overdue', async () => {
    const r = await crm(['--db', db, 'due'], { columns: 160 });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Check-ins/);
    expect(r.stdout).toMatch(/Invoices to chase[\s\S]*Harbour Street Bakery/);
    expect(r.stdout).toMatch(/due today/);
    expect(r.stdout).toMatch(/feedback/);
  });

  it('every printed command works as pasted, and every client has a card', async () => {
    for (const args of printedCommands(out)) {
      const r = await crm(args, { columns: 120 });
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout).not.toBe('');
    }
    for (const name of demoStory('2026-11-22').clients.map((c) => c.name)) {
      const r = await crm(['--db', db, 'review', name]);
      expect(r.code, name).toBe(0);
      expect(r.stdout).toContain(name);
    }
  });

  it('the records are like typed ones: searchable, journaled as one undoable write', async () => {
    const hits = await crmJson<unknown[]>(['--db', db, 'search', 'licence']);
    expect(hits.length).toBeGreaterThan(0);
    const dry = await crm(['--db', db, 'undo', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('demo');
  });

  it('refuses to run again on the database it made, leaving it byte-identical', async () => {
    const before = snapshot(db);
    const r = await crm(['--db', db, 'demo']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--db '.*crm\.db' already exists; crm demo only writes a new file, so it was left untouched/);
    expect(r.stdout).toBe('');
    expect(snapshot(db)).toEqual(before);
  });
});

describe('where the demo goes', () => {
  it('refuses an existing database of yours and any non-empty file, untouched', async () => {
    const db = tempDb();
    expect((await crm(['--db', db, 'client', 'add', 'Acme Corp'])).code).toBe(0);
    const before = snapshot(db);
    const r = await crm(['--db', db, 'demo']);
    expect(r.code).toBe(2);
    expect(snapshot(db)).toEqual(before);
    expect((await crmJson<unknown[]>(['--db', db, 'client', 'list'])).length).toBe(1);

    const notes = path.join(tempDir(), 'notes.txt');
    fs.writeFileSync(notes, 'my notes\n');
    const r2 = await crm(['demo', '--db', notes]); // the global option after the command word works too
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/notes\.txt' already exists/);
    expect(fs.readFileSync(notes, 'utf8')).toBe('my notes\n');
  });

  it('takes an empty file, and a path whose folder does not exist yet', async () => {
    const empty = path.join(tempDir(), 'empty.db');
    fs.writeFileSync(empty, '');
    expect((await crm(['--db', empty, 'demo'])).code).toBe(0);
    expect((await crmJson<unknown[]>(['--db', empty, 'client', 'list'])).length).toBe(7);
    expect((await crm(['--db', empty, 'undo'])).code).toBe(0); // one step takes the whole sample back out
    expect((await crmJson<unknown[]>(['--db', empty, 'client', 'list'])).length).toBe(0);
    const nested = path.join(tempDir(), 'a', 'b', 'demo.db');
    expect((await crm(['--db', nested, 'demo'])).code).toBe(0);
    expect(fs.existsSync(nested)).toBe(true);
  });

  it('without --db: a new private folder under TMPDIR, never CRM_DB or the default database', async () => {
    const tmp = tempDir();
    const mine = tempDb(); // CRM_DB: the user's real database, not created yet
    const r = await crm(['demo'], { db: mine, env: { TMPDIR: tmp } });
    expect(r.code).toBe(0);
    expect(fs.existsSync(mine)).toBe(false);
    const folders = fs.readdirSync(tmp);
    expect(folders).toHaveLength(1);
    const folder = path.join(tmp, folders[0] ?? '');
    expect(folders[0]).toMatch(/^crm-demo-/);
    expect(fs.statSync(folder).mode & 0o777).toBe(0o700);
    const file = path.join(folder, 'demo.db');
    expect(fs.statSync(file).mode & 0o077).toBe(0);
    expect(r.stdout).toContain(`Built a sample database in ${file}:`);
    expect(r.stdout).toContain(`When you are done: rm -r ${folder}`);
    const [first] = printedCommands(r.stdout);
    expect(first).toEqual(['--db', file, 'review', '--all']);
    // The printed command names the demo file, so it works even with CRM_DB set to yours.
    expect((await crm(first ?? [], { db: mine })).code).toBe(0);
    expect(fs.existsSync(mine)).toBe(false);
  });

  it('keep, watch and fire whichever day it is run, in any zone', async () => {
    const days = ['2026-11-21', '2026-11-23', '2027-02-28', '2027-07-04'];
    for (const [i, day] of days.entries()) {
      const zone = ['Pacific/Auckland', 'America/Los_Angeles', 'Europe/Oslo', 'UTC'][i] ?? 'UTC';
      const db = tempDb();
      const now = `${day}T10:00:00Z`;
      const env = { TZ: zone };
      expect((await crm(['--db', db, 'demo'], { now, env })).code).toBe(0);
      const all = await crmJson<{ clients: { verdict: string }[] }>(['--db', db, 'review', '--all'], { now, env });
      expect(new Set(all.clients.map((x) => x.verdict)), `${day} ${zone}`).toEqual(new Set(['keep', 'watch', 'fire']));
      const due = await crm(['--db', db, 'due'], { now, env });
      expect(due.stdout).toMatch(/Reminders/);
    }
  });
});
