// `crm history` through the built binary: a client's year told back — a conversation late at night
// in a zone west of UTC, an invoice paid in two parts, an incident recorded by mistake and voided
// with `crm void` — as text, with --all, as JSON; and the refusals.
import { beforeAll, describe, expect, test } from 'vitest';
import { seed, spawnCrm, tempDb } from '../helpers/cli.js';

const env = { TZ: 'America/New_York', COLUMNS: '160' };
let db: string;
const history = (...args: string[]) => spawnCrm(['history', ...args], { db, env });

beforeAll(async () => {
  db = tempDb();
  await seed(db, [
    ['client', 'add', 'Northwind Traders'],
    ['log', 'northwind', '--at', '2026-01-09 23:30', '--channel', 'video', '--direction', 'in', '--summary', 'Brief for the new catalogue',
      '--next', 'Send a quote by Monday', '--no-recap'],
    ['invoice', 'add', 'northwind', '--amount', '4,000', '--currency', 'USD', '--number', 'NW-1', '--issued', '2026-02-01', '--due', '2026-03-01',
      '--project', 'Catalogue'],
    ['invoice', 'pay', 'NW-1', '--amount', '1,500', '--on', '2026-02-20'],
    ['invoice', 'pay', 'NW-1', '--on', '2026-03-05'],
    ['incident', 'add', 'northwind', '--kind', 'physical-abuse', '--severity', 'high', '--on', '2026-04-02 11:00', '--note', 'meant for another client'],
    ['void', 'incident:1', '--reason', 'recorded against the wrong client'],
    ['deliver', 'northwind', '--project', 'Catalogue', '--on', '2026-05-15'],
  ], { env });
});

describe('crm history (built binary)', () => {
  test('the timeline, newest first; the voided incident is left out', () => {
    const r = history('northwind');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('Northwind Traders');
    expect(lines.slice(1).map((l) => l.replace(/ +/g, ' '))).toEqual([
      '2026-06-14 reminder:2 follow-up reminder: Check how Catalogue landed with Northwind Traders · open',
      '2026-05-18 reminder:1 feedback reminder: Ask Northwind Traders for feedback on Catalogue · open',
      '2026-05-15 delivery:1 delivered Catalogue',
      '2026-03-05 payment:2 received 2,500.00 USD for NW-1',
      '2026-02-20 payment:1 received 1,500.00 USD for NW-1',
      '2026-02-01 invoice:NW-1 NW-1 4,000.00 USD · Catalogue · due 2026-03-01',
      '2026-01-09 23:30 interaction:1 video in · Brief for the new catalogue · next: Send a quote by Monday',
    ]);
  });

  test('--all shows the void in place, with its reason and the audit line', () => {
    const r = history('northwind', '--all', '--type', 'incident');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^2026-04-02 11:00 +incident:1 +VOID physical-abuse \(high\) · meant for another client\n +· voided 2026-11-22: recorded against the wrong client\n$/m,
    );
  });

  test('--json: the contract fields, the local offset, the void and its trail', () => {
    const all = JSON.parse(history('northwind', '--all', '--json').stdout) as Record<string, any>[];
    expect(all.map((e) => [e.ref, e.type, e.on, e.voided])).toEqual([
      ['reminder:2', 'reminder', '2026-06-14', false],
      ['reminder:1', 'reminder', '2026-05-18', false],
      ['delivery:1', 'delivery', '2026-05-15', false],
      ['incident:1', 'incident', '2026-04-02T11:00:00-04:00', true],
      ['payment:2', 'payment', '2026-03-05', false],
      ['payment:1', 'payment', '2026-02-20', false],
      ['invoice:NW-1', 'invoice', '2026-02-01', false],
      ['interaction:1', 'interaction', '2026-01-09T23:30:00-05:00', false],
    ]);
    const incident = all[3]!;
    expect(incident).toMatchObject({ voidedOn: '2026-11-22', voidReason: 'recorded against the wrong client', client: { id: 1, name: 'Northwind Traders' } });
    expect(incident.corrections).toMatchObject([{ action: 'void', on: '2026-11-22', reason: 'recorded against the wrong client' }]);
    expect(all[4]).toMatchObject({ amount: { amount: 250000, currency: 'USD' }, invoice: 'NW-1', summary: 'received 2,500.00 USD for NW-1' });
  });

  test('bad input and an unknown client exit 2 with one line; help names the command', () => {
    for (const args of [['northwind', '--limit', 'all'], ['northwind', '--type', 'meeting'], ['northwind', '--since', 'soon'], ['southwind']]) {
      const r = history(...args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^crm: .+\n$/);
    }
    expect(spawnCrm(['--help'], { db }).stdout).toMatch(/^ {2}history .*timeline/m);
  });
});
