// `crm due` through the built binary: JSON, the cron digest under a bare cron-like environment,
// the local-day conversion of the last contact, and the .ics calendar read by ical.js.
import { spawnSync } from 'node:child_process';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { BIN, NOW, seed, spawnCrm, tempDb } from '../helpers/cli.js';

const EARLY = '2026-10-01T10:00:00Z';

/**
 * As cron runs it: no TTY, nothing in the environment but PATH and what crm needs. The entry
 * `crm cron` writes sets TZ to the user's zone, so TZ is the zone this suite (and its seeding) runs in.
 */
function bare(db: string, args: string[], extra: string[] = []) {
  const tz = `TZ=${process.env.TZ ?? 'UTC'}`;
  const r = spawnSync('/usr/bin/env', ['-i', 'PATH=/usr/bin:/bin', tz, `CRM_DB=${db}`, `CRM_NOW=${NOW}`, ...extra, process.execPath, BIN, ...args], {
    encoding: 'utf8',
    input: '',
    timeout: 20_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function busyDb(): Promise<string> {
  const db = tempDb();
  // Reminders are set before their day, payments and calls recorded after theirs.
  await seed(db, [
    ['client', 'add', 'Weekly Co', '--cadence', '1w'],
    ['client', 'add', 'Quiet Ltd', '--cadence', '2w'],
    ['invoice', 'add', 'Quiet Ltd', '--amount', '1,500', '--currency', 'EUR', '--number', 'INV-0042', '--issued', '2026-10-01', '--due', '2026-11-01'],
    ['remind', 'add', 'Weekly Co', '--on', '2026-11-20', '--text', 'Send the revised quote; ask about dates, budget'],
    ['remind', 'add', 'Weekly Co', '--on', '2026-11-24', '--text', 'Book the retro', '--kind', 'personal'],
  ], { now: EARLY });
  await seed(db, [
    ['invoice', 'pay', 'INV-0042', '--amount', '500', '--on', '2026-11-03'],
    ['log', 'Weekly Co', '--at', '2026-11-12 10:00', '--channel', 'phone', '--summary', 'Sprint review', '--no-recap'],
    ['log', 'Quiet Ltd', '--at', '2026-11-02 10:00', '--summary', 'Chased the invoice', '--no-recap'],
  ]);
  return db;
}

describe('crm due (binary)', () => {
  it('reports the weekly client last seen 10 days ago as 3 days overdue', async () => {
    const db = await busyDb();
    const r = spawnCrm(['due', '--json'], { db });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.checkIns).toEqual([
      { client: { id: 2, name: 'Quiet Ltd' }, lastContact: '2026-11-02', cadenceDays: 14, dueOn: '2026-11-16', daysOverdue: 6 },
      { client: { id: 1, name: 'Weekly Co' }, lastContact: '2026-11-12', cadenceDays: 7, dueOn: '2026-11-19', daysOverdue: 3 },
    ]);
    expect(report.invoices).toEqual([
      { ref: 'invoice:INV-0042', client: { id: 2, name: 'Quiet Ltd' }, number: 'INV-0042', balance: { amount: 100000, currency: 'EUR' }, dueOn: '2026-11-01', daysOverdue: 21 },
    ]);
    expect(report.reminders.map((x: { on: string }) => x.on)).toEqual(['2026-11-20']);
  });

  it.each([
    ['America/Los_Angeles', '2026-11-12', '2026-11-19'],
    ['Asia/Tokyo', '2026-11-13', '2026-11-20'],
  ])('takes the last contact as a calendar day in the local time zone (TZ=%s)', async (tz, lastContact, dueOn) => {
    const db = tempDb();
    const env = { TZ: tz };
    await seed(db, [['client', 'add', 'Night Owl', '--cadence', '1w']], { now: EARLY });
    // 23:30 on the 12th in California is already the 13th in UTC and in Tokyo
    const log = spawnCrm(['log', 'Night Owl', '--at', '2026-11-12T23:30:00-08:00', '--summary', 'late call', '--no-recap'], { db, env });
    expect(log.code).toBe(0);
    const r = spawnCrm(['due', '--json'], { db, env });
    expect(JSON.parse(r.stdout).checkIns).toMatchObject([{ lastContact, dueOn }]);
  });

  describe('--cron', () => {
    it('prints nothing and exits 0 when nothing is due, without creating a database', () => {
      const db = tempDb();
      const r = bare(db, ['due', '--cron']);
      expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
    });

    it('prints nothing for a database where nothing is due yet', async () => {
      const db = tempDb();
      await seed(db, [['client', 'add', 'Fresh Ltd', '--cadence', '2w']]);
      expect(bare(db, ['due', '--cron'])).toEqual({ code: 0, stdout: '', stderr: '' });
    });

    it('prints plain text, most urgent first, under env -i with no TTY', async () => {
      const db = await busyDb();
      // FORCE_COLOR must not colour the digest: it is mail, not a terminal
      const r = bare(db, ['due', '--cron'], ['FORCE_COLOR=1']);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).not.toContain('\u001b');
      expect(r.stdout).not.toMatch(/[\u2500-\u259f]/);
      const items = r.stdout.split('\n').filter((l) => l.startsWith('- '));
      expect(items).toEqual([
        '- 21 days overdue: Chase invoice INV-0042 from Quiet Ltd: 1,000.00 EUR outstanding (due 2026-11-01)',
        '- 6 days overdue: Check in with Quiet Ltd (last contact 2026-11-02, every 14 days)',
        '- 3 days overdue: Check in with Weekly Co (last contact 2026-11-12, every 7 days)',
        '- 2 days overdue: Reminder #1 for Weekly Co: Send the revised quote; ask about dates, budget (follow-up)',
      ]);
    });

    it('takes --within along with the digest', async () => {
      const db = await busyDb();
      const r = bare(db, ['due', '--cron', '--within', '2']);
      expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('- in 2 days: Reminder #2 for Weekly Co: Book the retro (personal)');
    });
  });

  describe('--ics', () => {
    it('writes a calendar that ical.js reads back: events, dates, UIDs and text', async () => {
      const db = await busyDb();
      const r = spawnCrm(['due', '--ics', '--within', '3d'], { db });
      expect(r.code).toBe(0);
      expect(r.stdout.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
      const cal = new ICAL.Component(ICAL.parse(r.stdout));
      const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
      expect(events.map((e) => [e.uid, e.startDate.toString(), e.endDate.toString(), e.startDate.isDate])).toEqual([
        // overdue: on today, so the calendar's today view shows them; still to come: on its own day
        ['invoice-INV-0042@crm', '2026-11-22', '2026-11-23', true],
        ['checkin-2@crm', '2026-11-22', '2026-11-23', true],
        ['checkin-1@crm', '2026-11-22', '2026-11-23', true],
        ['reminder-1@crm', '2026-11-22', '2026-11-23', true],
        ['reminder-2@crm', '2026-11-24', '2026-11-25', true],
      ]);
      expect(events[3]?.summary).toBe('Weekly Co: Send the revised quote; ask about dates, budget');
      expect(events[0]?.description).toBe('1,000.00 EUR outstanding.\nDue 2026-11-01: 21 days overdue as of 2026-11-22.');
      const stamp = cal.getFirstSubcomponent('vevent')?.getFirstPropertyValue('dtstamp') as InstanceType<typeof ICAL.Time>;
      expect(stamp.toString()).toBe('2026-11-22T10:00:00Z');
    });

    it('keeps the same UIDs the next day and moves overdue events to it, so re-importing updates the events', async () => {
      const db = await busyDb();
      const events = (now: string) =>
        new ICAL.Component(ICAL.parse(spawnCrm(['due', '--ics'], { db, now }).stdout))
          .getAllSubcomponents('vevent')
          .map((v) => [v.getFirstPropertyValue('uid'), v.getFirstPropertyValue('dtstart')?.toString()]);
      const today = events(NOW);
      const tomorrow = events('2026-11-23T08:00:00Z');
      expect(tomorrow.map(([uid]) => uid)).toEqual(today.map(([uid]) => uid));
      expect(new Set(today.map(([, day]) => day))).toEqual(new Set(['2026-11-22']));
      expect(new Set(tomorrow.map(([, day]) => day))).toEqual(new Set(['2026-11-23']));
    });
  });
});
