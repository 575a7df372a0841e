// Time zones: instants are stored in UTC ('…Z'), calendar dates as YYYY-MM-DD, whatever TZ crm
// runs under; "today" is the local calendar day. Each case spawns the binary with an explicit TZ,
// so this file gives the same result under any TZ the suite itself runs in.
import { beforeAll, describe, expect, test } from 'vitest';
import { tempDb } from '../helpers/cli.js';
import { report, requireBuilt, spawnAsync, withDb } from './harness.js';

const ZONES = ['UTC', 'Pacific/Auckland', 'America/Los_Angeles'] as const;
// 2026-11-20 09:30 on the local wall clock, as UTC: Auckland is +13 (NZDT), Los Angeles −8 (PST).
const LOCAL_0930: Record<(typeof ZONES)[number], string> = {
  UTC: '2026-11-20T09:30:00.000Z',
  'Pacific/Auckland': '2026-11-19T20:30:00.000Z',
  'America/Los_Angeles': '2026-11-20T17:30:00.000Z',
};
// CRM_NOW 2026-11-22T11:30:00Z is the 23rd in Auckland (00:30) and still the 22nd elsewhere.
const TODAY: Record<(typeof ZONES)[number], string> = {
  UTC: '2026-11-22',
  'Pacific/Auckland': '2026-11-23',
  'America/Los_Angeles': '2026-11-22',
};

const INSTANT_COLUMNS = [['interactions', 'at'], ['interactions', 'recorded_at'], ['incidents', 'at']] as const;
const DATE_COLUMNS = [
  ['clients', 'created_on'], ['interactions', 'follow_up_on'], ['invoices', 'issued_on'], ['invoices', 'due_on'],
  ['payments', 'paid_on'], ['reminders', 'on_date'], ['deliveries', 'on_date'],
] as const;

describe('time zones', () => {
  beforeAll(requireBuilt);

  for (const tz of ZONES) {
    test(`TZ=${tz}: instants stored as UTC, dates as YYYY-MM-DD, today is the local day`, async () => {
      const db = tempDb();
      const env = { TZ: tz };
      const now = '2026-11-22T11:30:00Z';
      const steps: string[][] = [
        ['client', 'add', 'Acme'],
        ['log', 'acme', '--at', '2026-11-20T09:30:00+05:30', '--follow-up', '2026-12-01', '--summary', 'offset'],
        ['log', 'acme', '--at', '2026-11-20 09:30', '--summary', 'local'],
        ['incident', 'add', 'acme', '--kind', 'other', '--on', '2026-11-20T23:30:00-08:00'],
        ['invoice', 'add', 'acme', '--amount', '100', '--terms', '10'],
        ['invoice', 'pay', 'INV-0001', '--amount', '10', '--on', 'today'],
        ['deliver', 'acme', '--on', '2026-11-21'],
      ];
      for (const args of steps) {
        const r = await spawnAsync(args, { db, now, env });
        expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      }
      withDb(db, (h) => {
        const at = h.prepare('SELECT summary, at FROM interactions ORDER BY id').all();
        expect(at).toEqual([
          { summary: 'offset', at: '2026-11-20T04:00:00.000Z' },
          { summary: 'local', at: LOCAL_0930[tz] },
        ]);
        expect(h.prepare('SELECT at FROM incidents').pluck().get()).toBe('2026-11-21T07:30:00.000Z');
        expect(h.prepare('SELECT follow_up_on FROM interactions WHERE follow_up_on IS NOT NULL').pluck().get()).toBe('2026-12-01');
        expect(h.prepare('SELECT issued_on FROM invoices').pluck().get()).toBe(TODAY[tz]);
        expect(h.prepare('SELECT paid_on FROM payments').pluck().get()).toBe(TODAY[tz]);
        expect(h.prepare('SELECT created_on FROM clients').pluck().get()).toBe(TODAY[tz]);
        for (const [t, c] of INSTANT_COLUMNS) {
          for (const v of h.prepare(`SELECT ${c} FROM ${t}`).pluck().all()) expect(v).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
        }
        for (const [t, c] of DATE_COLUMNS) {
          for (const v of h.prepare(`SELECT ${c} FROM ${t} WHERE ${c} IS NOT NULL`).pluck().all()) expect(v).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        }
      });
      const list = await spawnAsync(['invoice', 'list', '--json'], { db, now, env });
      expect(JSON.parse(list.stdout)[0]).toMatchObject({ issuedOn: TODAY[tz], dueOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
      if (tz === 'America/Los_Angeles') report(`time zones: ${ZONES.length} zones x ${steps.length} writes: instants stored as UTC, dates as YYYY-MM-DD, today = local day`);
    });
  }
});
