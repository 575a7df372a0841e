// `crm due --ics`: checked by parsing with a real iCalendar parser (ical.js), plus the octet-level
// rules (CRLF, 75-octet folding, valid UTF-8 per line) that a lenient parser would not catch.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { DueReport } from '../../src/domain/due.js';
import { escapeText, foldLine, renderIcs } from '../../src/render/ics.js';

const NOW = '2026-11-22T08:15:30.000Z';

const report: DueReport = {
  asOf: '2026-11-22',
  checkIns: [
    { client: { id: 2, name: 'Beta Ltd' }, lastContact: '2026-11-12', cadenceDays: 7, dueOn: '2026-11-19', daysOverdue: 3 },
  ],
  invoices: [
    { client: { id: 3, name: 'Acme, Inc.' }, number: 'INV-0007', balance: { amount: 60000, currency: 'EUR' }, dueOn: '2026-11-01', daysOverdue: 21 },
  ],
  reminders: [
    { id: 4, client: { id: 3, name: 'Acme, Inc.' }, on: '2026-11-24', kind: 'feedback', text: 'Ask; then \\ wait,\nreally', daysOverdue: -2 },
  ],
};

function parse(ics: string) {
  const cal = new ICAL.Component(ICAL.parse(ics));
  const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  return { cal, events };
}

describe('renderIcs', () => {
  const ics = renderIcs(report, { now: NOW });
  const { cal, events } = parse(ics);

  it('is a VCALENDAR with the required properties', () => {
    expect(cal.name).toBe('vcalendar');
    expect(cal.getFirstPropertyValue('version')).toBe('2.0');
    expect(cal.getFirstPropertyValue('prodid')).toMatch(/crm/);
    expect(cal.getFirstPropertyValue('calscale')).toBe('GREGORIAN');
  });

  it('has one all-day event per item, most urgent first: overdue ones on today, the rest on their own day', () => {
    expect(events.map((e) => [e.uid, e.startDate.toString(), e.endDate.toString(), e.startDate.isDate])).toEqual([
      ['invoice-INV-0007@crm', '2026-11-22', '2026-11-23', true],
      ['checkin-2@crm', '2026-11-22', '2026-11-23', true],
      ['reminder-4@crm', '2026-11-24', '2026-11-25', true],
    ]);
  });

  it('keeps an item due today on today, and says when each overdue item fell due', () => {
    const today = renderIcs(
      { ...report, invoices: [], reminders: [{ ...report.reminders[0]!, on: '2026-11-22', text: 'Call back', daysOverdue: 0 }] },
      { now: NOW },
    );
    const [checkIn, reminder] = parse(today).events;
    expect(checkIn?.description).toBe('Last contact 2026-11-12, every 7 days.\nDue 2026-11-19: 3 days overdue as of 2026-11-22.');
    expect([reminder?.startDate.toString(), reminder?.description]).toEqual(['2026-11-22', 'Reminder #4 (feedback).\nDue 2026-11-22.']);
  });

  it('stamps every event with the injected now, in UTC', () => {
    for (const v of cal.getAllSubcomponents('vevent')) {
      const stamp = v.getFirstPropertyValue('dtstamp') as InstanceType<typeof ICAL.Time>;
      expect(stamp.toString()).toBe('2026-11-22T08:15:30Z');
    }
  });

  it('round-trips backslash, semicolon, comma and newline through TEXT escaping', () => {
    const [invoice, checkIn, reminder] = events;
    expect(invoice?.summary).toBe('Chase invoice INV-0007 (Acme, Inc.)');
    expect(invoice?.description).toBe('600.00 EUR outstanding.\nDue 2026-11-01: 21 days overdue as of 2026-11-22.');
    expect(checkIn?.summary).toBe('Check in with Beta Ltd');
    expect(reminder?.summary).toBe('Acme, Inc.: Ask; then \\ wait,\nreally');
    expect(reminder?.description).toBe('Reminder #4 (feedback).\nDue 2026-11-24.');
    expect(ics).toContain('SUMMARY:Acme\\, Inc.: Ask\\; then \\\\ wait\\,\\nreally\r\n');
  });

  it('keeps UIDs stable across days and moves overdue events to the new today with a higher SEQUENCE, so a re-import updates them', () => {
    const tomorrow = renderIcs(
      {
        ...report,
        asOf: '2026-11-23',
        checkIns: [{ ...report.checkIns[0]!, daysOverdue: 4 }],
        invoices: [{ ...report.invoices[0]!, daysOverdue: 22 }],
        reminders: [{ ...report.reminders[0]!, daysOverdue: -1 }],
      },
      { now: '2026-11-23T08:15:30.000Z' },
    );
    const next = parse(tomorrow).events;
    expect(next.map((e) => e.uid)).toEqual(events.map((e) => e.uid));
    expect(next.map((e) => e.startDate.toString())).toEqual(['2026-11-23', '2026-11-23', '2026-11-24']);
    const sequences = (evs: typeof events) => evs.map((e) => e.sequence);
    for (const [before, after] of sequences(events).map((s, i) => [s, sequences(next)[i]!])) expect(after).toBeGreaterThan(before!);
  });

  it('uses CRLF line endings only', () => {
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('is an empty but valid calendar when nothing is due', () => {
    const empty = renderIcs({ asOf: '2026-11-22', checkIns: [], invoices: [], reminders: [] }, { now: NOW });
    expect(parse(empty).events).toEqual([]);
  });

  it('rejects a now that is not an instant rather than writing a bad DTSTAMP', () => {
    expect(() => renderIcs(report, { now: 'yesterday' })).toThrow(RangeError);
  });
});

describe('line folding', () => {
  const longText = '山田商店との打ち合わせ🎉👩‍💻 — café naïve '.repeat(8) + 'x'.repeat(100);
  const cjkReport: DueReport = {
    asOf: '2026-11-22',
    checkIns: [],
    invoices: [],
    reminders: [{ id: 1, client: { id: 1, name: '山田商店' }, on: '2026-11-22', kind: 'personal', text: longText, daysOverdue: 0 }],
  };
  const ics = renderIcs(cjkReport, { now: NOW });
  const bytes = Buffer.from(ics, 'utf8');

  it('keeps every physical line within 75 octets and valid UTF-8 on its own', () => {
    const lines: Buffer[] = [];
    let start = 0;
    for (let i = 0; i < bytes.length - 1; i++) {
      if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) {
        lines.push(bytes.subarray(start, i));
        start = i + 2;
      }
    }
    expect(start).toBe(bytes.length); // ends with CRLF
    expect(lines.some((l) => l[0] === 0x20)).toBe(true); // something was actually folded
    const decoder = new TextDecoder('utf-8', { fatal: true });
    for (const line of lines) {
      expect(line.length).toBeLessThanOrEqual(75);
      expect(() => decoder.decode(line)).not.toThrow();
    }
  });

  it('unfolds back to the original text in a real parser', () => {
    const [event] = parse(ics).events;
    expect(event?.summary).toBe(`山田商店: ${longText}`);
  });

  it.each([
    ['a'.repeat(75), 1],
    ['a'.repeat(76), 2],
    ['a'.repeat(75 + 74), 2],
    ['a'.repeat(75 + 75), 3],
    ['é'.repeat(38), 2], // 76 octets: the 38th two-octet character moves to the next line
  ])('folds a line of %#', (line, physical) => {
    const folded = foldLine(line).split('\r\n');
    expect(folded).toHaveLength(physical);
    expect(folded.slice(1).every((l) => l.startsWith(' '))).toBe(true);
    expect(folded.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(line);
  });

  it('escapes and strips control characters TEXT cannot hold', () => {
    expect(escapeText('a\\b;c,d\r\ne\rf\ng\u0007h\ti')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ngh\ti');
  });
});
