// `crm db status` as people read it: the file, the counts, then the migrations applied to it —
// with "before migrations were recorded" where their time is unknown.
import { describe, expect, test } from 'vitest';
import { plainStyle, styleFor } from '../../src/render/style.js';
import { renderDbStatus } from '../../src/render/db-status.js';
import type { DbStatusInfo } from '../../src/domain/db-status.js';

const plain = plainStyle;

const ZERO = { clients: 0, interactions: 0, invoices: 0, payments: 0, disputes: 0, changeRequests: 0, incidents: 0, referrals: 0, deliveries: 0, reminders: 0, statusChanges: 0 };

const COUNTS = `clients                3
interactions           0
invoices               1
payments               0
disputes               0
change requests        2
incidents              0
referrals              0
deliveries             0
reminders              0
client status changes  1
`;

const upgraded: DbStatusInfo = {
  path: '/home/me/.local/share/crm/crm.db',
  exists: true,
  bytes: 98304,
  mode: '0600',
  schemaVersion: 3,
  journalMode: 'wal',
  integrity: null,
  counts: { ...ZERO, clients: 3, invoices: 1, changeRequests: 2, statusChanges: 1 },
  migrations: [
    { version: 1, name: 'initial-schema', appliedAt: null },
    { version: 2, name: 'client-status-history', appliedAt: '2026-11-22T10:00:00.000Z' },
    { version: 3, name: 'record-migrations', appliedAt: '2026-11-22T10:00:00.000Z' },
  ],
};

describe('renderDbStatus', () => {
  test('a database upgraded from version 1: the file, the counts, then each migration and when it was applied', () => {
    expect(renderDbStatus(plain, upgraded)).toBe(
      `database  /home/me/.local/share/crm/crm.db
size      98304 bytes, mode 0600, journal wal, schema 3
${COUNTS}migrations
  1  initial-schema         before migrations were recorded
  2  client-status-history  2026-11-22 10:00:00 UTC
  3  record-migrations      2026-11-22 10:00:00 UTC
`,
    );
  });

  test('versions of different widths line up', () => {
    const many = Array.from({ length: 10 }, (_, i) => ({ version: i + 1, name: `m${i + 1}`, appliedAt: '2027-01-05T08:30:00Z' }));
    const lines = renderDbStatus(plain, { ...upgraded, migrations: many }).split('\n');
    expect(lines.slice(lines.indexOf('migrations') + 1, -1)).toEqual([
      ...Array.from({ length: 9 }, (_, i) => `   ${i + 1}  m${i + 1}   2027-01-05 08:30:00 UTC`),
      '  10  m10  2027-01-05 08:30:00 UTC',
    ]);
  });

  test('--check adds the integrity line', async () => {
    expect(renderDbStatus(plain, { ...upgraded, integrity: 'ok' })).toContain('schema 3\nintegrity ok\nclients');
    expect(renderDbStatus(await styleFor(true), { ...upgraded, integrity: 'ok' })).toContain('\u001b[32mok\u001b[39m');
  });

  test('no database yet: says so, shows zero counts and no schema, journal or migrations', () => {
    const missing: DbStatusInfo = { path: '/tmp/x/crm.db', exists: false, bytes: 0, mode: null, schemaVersion: null, journalMode: null, integrity: null, counts: ZERO, migrations: [] };
    const out = renderDbStatus(plain, missing);
    expect(out).toMatch(/^database {2}\/tmp\/x\/crm\.db \(not created yet: it appears on the first write\)\nclients {16}0\n/);
    expect(out).not.toMatch(/schema|journal|migrations/);
    expect(renderDbStatus(plain, { ...missing, exists: true, mode: '0600' })).toMatch(/^database {2}\/tmp\/x\/crm\.db \(an empty file: crm sets it up on the first write\)\nclients/);
  });

  test('a name or time someone else wrote into the file cannot drive the terminal', () => {
    const out = renderDbStatus(plain, { ...upgraded, migrations: [{ version: 1, name: 'evil\u001b[2J', appliedAt: 'soon\u0007' }] });
    expect(out).not.toContain('\u001b');
    expect(out).not.toContain('\u0007');
    expect(out).toContain('  1  evil␛[2J  soon\\x07\n');
  });
});
