// The cron digest: empty means no output at all; otherwise plain text, most urgent first.
import { describe, expect, it } from 'vitest';
import { computeDue, type DueInput } from '../../src/domain/due.js';
import { renderDigest } from '../../src/render/digest.js';

const TODAY = '2026-11-22';

const busy: DueInput = {
  clients: [
    { id: 1, name: 'Weekly Co', cadenceDays: 7, createdOn: '2026-01-01', lastContact: '2026-11-12' }, // 3 overdue
    { id: 2, name: 'New Client', cadenceDays: 14, createdOn: '2026-11-08', lastContact: null }, // due today
  ],
  invoices: [
    { clientId: 3, clientName: 'Acme Corp', number: 'INV-0007', balance: 60000, currency: 'EUR', dueOn: '2026-11-01' }, // 21
  ],
  reminders: [
    { id: 4, clientId: 3, clientName: 'Acme Corp', on: '2026-11-17', kind: 'feedback', text: 'Ask for feedback on Site' },
  ],
};

describe('renderDigest', () => {
  it('is the empty string when nothing is due, so cron sends no mail', () => {
    const report = computeDue({ clients: [], invoices: [], reminders: [] }, { today: TODAY, within: 0 });
    expect(renderDigest(report, { within: 0 })).toBe('');
  });

  it('lists every item once, most urgent first across the groups', () => {
    const out = renderDigest(computeDue(busy, { today: TODAY, within: 0 }), { within: 0 });
    expect(out).toBe(
      [
        'crm: 4 things to do today (as of 2026-11-22)',
        '',
        '- 21 days overdue: Chase invoice INV-0007 from Acme Corp: 600.00 EUR outstanding (due 2026-11-01)',
        '- 5 days overdue: Reminder #4 for Acme Corp: Ask for feedback on Site (feedback)',
        '- 3 days overdue: Check in with Weekly Co (last contact 2026-11-12, every 7 days)',
        '- due today: Check in with New Client (never contacted, every 14 days)',
        '',
      ].join('\n'),
    );
  });

  it('includes upcoming items with --within, after the overdue ones', () => {
    const withUpcoming: DueInput = {
      ...busy,
      invoices: [...busy.invoices, { clientId: 3, clientName: 'Acme Corp', number: 'INV-0008', balance: 100, currency: 'EUR', dueOn: '2026-11-24' }],
    };
    const out = renderDigest(computeDue(withUpcoming, { today: TODAY, within: 3 }), { within: 3 });
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toBe('crm: 5 things to do within 3 days (as of 2026-11-22)');
    expect(lines.at(-1)).toBe('- in 2 days: Chase invoice INV-0008 from Acme Corp: 1.00 EUR outstanding (due 2026-11-24)');
  });

  it('is plain text: no ANSI escapes, no box drawing, no control characters from stored text', () => {
    const hostile: DueInput = {
      ...busy,
      clients: [{ id: 9, name: 'Evil\u001b[31m Inc\r\nX', cadenceDays: 1, createdOn: '2026-01-01', lastContact: null }],
    };
    const out = renderDigest(computeDue(hostile, { today: TODAY, within: 0 }), { within: 0 });
    expect(out).toContain('Check in with Evil␛[31m Inc X');
    expect(out).not.toContain('\u001b');
    expect(out).not.toMatch(/[\u2500-\u259f]/); // box drawing and block elements
    // eslint-disable-next-line no-control-regex -- the point: no control character but \n
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
    expect(out.split('\n').filter((l) => l.startsWith('- '))).toHaveLength(3);
  });
});
