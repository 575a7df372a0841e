// The one date module's calendar arithmetic and human forms: the single day-difference function
// (its argument order is the accident this guards against), month steps that clamp, weekday names,
// and the relative wording every view prints. CI runs this under several process zones (TZ); none
// of these answers may depend on it.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays, addMonths, daysBetween, isoWeekday, localDate, minDate, monthEnd, monthKey, relativeDays, weekdayName,
} from '../../src/domain/dates.js';
import { dayLabel } from '../../src/render/recap.js';
import { lateness } from '../../src/render/due.js';
import { renderClientList, renderClientShow } from '../../src/render/clients.js';
import { renderReminderList } from '../../src/render/reminders.js';
import { plainStyle } from '../../src/render/style.js';
import type { Client, Reminder } from '../../src/domain/records.js';

const aDate = fc
  .integer({ min: Date.UTC(1900, 0, 1) / 86_400_000, max: Date.UTC(2999, 11, 31) / 86_400_000 })
  .map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10));

describe('daysBetween(from, to) is to − from', () => {
  it.each([
    ['2026-11-20', '2026-11-22', 2],
    ['2026-11-22', '2026-11-20', -2], // the argument order matters: earlier first gives a positive count
    ['2026-11-22', '2026-11-22', 0],
    // month and year ends
    ['2026-01-31', '2026-02-01', 1],
    ['2026-12-31', '2027-01-01', 1],
    ['2026-01-01', '2027-01-01', 365],
    // leap days
    ['2024-02-28', '2024-03-01', 2],
    ['2026-02-28', '2026-03-01', 1],
    ['2024-01-01', '2025-01-01', 366],
    ['2000-02-28', '2000-03-01', 2],
    ['1900-02-28', '1900-03-01', 1],
    // daylight saving changes in Europe (last Sunday of March and October) and the US: whole days all the same
    ['2026-03-28', '2026-03-30', 2],
    ['2026-10-24', '2026-10-26', 2],
    ['2026-03-07', '2026-03-09', 2],
    ['1970-01-01', '2026-11-22', 20_779],
  ])('daysBetween(%s, %s) = %i', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });

  it('is antisymmetric and adds up along a chain', () => {
    fc.assert(
      fc.property(aDate, aDate, aDate, (a, b, c) => {
        expect(daysBetween(a, b) + daysBetween(b, a)).toBe(0);
        expect(daysBetween(a, b) + daysBetween(b, c)).toBe(daysBetween(a, c));
        expect(Math.sign(daysBetween(a, b))).toBe(a < b ? 1 : a > b ? -1 : 0);
      }),
    );
  });

  it('counts calendar days between local dates across a DST change, whatever the zone', () => {
    // 23 hours pass between these two local noons in Berlin (clocks go forward on 2026-03-29)...
    const before = localDate('2026-03-28T11:00:00Z', 'Europe/Berlin');
    const after = localDate('2026-03-29T10:00:00Z', 'Europe/Berlin');
    expect([before, after]).toEqual(['2026-03-28', '2026-03-29']);
    // ...and it is still one day.
    expect(daysBetween(before, after)).toBe(1);
    // 25 hours across the repeated hour in New York (2026-11-01): one day too.
    expect(daysBetween(localDate('2026-10-31T16:00:00Z', 'America/New_York'), localDate('2026-11-01T17:00:00Z', 'America/New_York'))).toBe(1);
  });

  it('undoes addDays', () => {
    fc.assert(fc.property(aDate, fc.integer({ min: -20_000, max: 20_000 }), (date, n) => {
      expect(daysBetween(date, addDays(date, n))).toBe(n);
    }));
  });
});

describe('month steps', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-01-31', 2, '2026-03-31'], // clamps only where the target month is short, not on the way
    ['2026-01-30', 1, '2026-02-28'],
    ['2026-01-29', 1, '2026-02-28'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2026-12-31', 1, '2027-01-31'],
    ['2026-11-22', -11, '2025-12-22'],
    ['2026-11-22', 0, '2026-11-22'],
  ])('addMonths(%s, %i) = %s', (date, n, expected) => {
    expect(addMonths(date, n)).toBe(expected);
  });

  it.each([
    ['2026-11-22', 0, '2026-11-30'],
    ['2026-11-22', -1, '2026-10-31'],
    ['2026-11-22', -9, '2026-02-28'],
    ['2024-03-31', -1, '2024-02-29'],
    ['2026-01-31', 1, '2026-02-28'], // a month end from a 31st is still that month's end
    ['2026-11-22', -11, '2025-12-31'],
    ['2026-12-01', 1, '2027-01-31'],
  ])('monthEnd(%s, %i) = %s', (date, offset, expected) => {
    expect(monthEnd(date, offset)).toBe(expected);
  });

  it('monthEnd is the day before the next month starts', () => {
    fc.assert(fc.property(aDate, fc.integer({ min: -24, max: 24 }), (date, k) => {
      const end = monthEnd(date, k);
      expect(monthKey(end)).toBe(monthKey(addMonths(`${monthKey(date)}-01`, k)));
      expect(addDays(end, 1).endsWith('-01')).toBe(true);
    }));
  });

  it('monthKey and minDate', () => {
    expect(monthKey('2026-11-22')).toBe('2026-11');
    expect(minDate('2026-11-22', '2026-01-05')).toBe('2026-01-05');
    expect(minDate('2026-01-05', '2026-11-22')).toBe('2026-01-05');
  });
});

describe('weekdays', () => {
  it.each([
    ['2026-11-22', 7, 'Sunday', 'Sun'],
    ['2026-11-23', 1, 'Monday', 'Mon'],
    ['2026-11-24', 2, 'Tuesday', 'Tue'],
    ['2026-11-25', 3, 'Wednesday', 'Wed'],
    ['2026-11-26', 4, 'Thursday', 'Thu'],
    ['2026-11-27', 5, 'Friday', 'Fri'],
    ['2026-11-28', 6, 'Saturday', 'Sat'],
    ['1970-01-01', 4, 'Thursday', 'Thu'],
    ['1969-12-29', 1, 'Monday', 'Mon'],
    ['2000-02-29', 2, 'Tuesday', 'Tue'],
    ['1900-01-01', 1, 'Monday', 'Mon'],
  ])('%s is ISO weekday %i, %s (%s)', (date, iso, long, short) => {
    expect(isoWeekday(date)).toBe(iso);
    expect(weekdayName(iso)).toBe(long);
    expect(weekdayName(iso, 'short')).toBe(short);
  });

  it('agrees with the JavaScript calendar for any date', () => {
    fc.assert(fc.property(aDate, (date) => {
      expect(isoWeekday(date)).toBe(((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1);
    }));
  });

  it('names nothing for a number that is no ISO weekday', () => {
    expect(weekdayName(0)).toBe('');
    expect(weekdayName(8, 'short')).toBe('');
  });

  it('labels the recap dates: "2026-11-22 (Sunday)"', () => {
    expect(dayLabel('2026-11-22')).toBe('2026-11-22 (Sunday)');
    expect(dayLabel('2024-02-29')).toBe('2024-02-29 (Thursday)');
  });
});

describe('relativeDays: one wording for "when" everywhere', () => {
  it.each([
    [0, 'today'],
    [1, 'yesterday'],
    [2, '2 days ago'],
    [400, '400 days ago'],
    [-1, 'tomorrow'],
    [-2, 'in 2 days'],
    [-30, 'in 30 days'],
  ])('%i days ago -> %s', (days, text) => {
    expect(relativeDays(days)).toBe(text);
  });

  it('reads daysBetween(date, today): a past date is "ago", a future one "in"', () => {
    expect(relativeDays(daysBetween('2026-11-19', '2026-11-22'))).toBe('3 days ago');
    expect(relativeDays(daysBetween('2026-11-24', '2026-11-22'))).toBe('in 2 days');
  });

  it('is what `due` says ahead of time; overdue keeps its own words', () => {
    expect(lateness(-1)).toBe(relativeDays(-1));
    expect(lateness(-5)).toBe(relativeDays(-5));
    expect(lateness(0)).toBe('due today');
    expect(lateness(3)).toBe('3 days overdue');
  });

  const client = (over: Partial<Client>): Client => ({
    id: 1, name: 'Acme', email: null, phone: null, company: null, channel: 'email', cadenceDays: 14, timezone: null,
    note: null, status: 'active', statusReason: null, statusOn: null, createdOn: '2026-01-01', revision: 1, ...over,
  });

  it('in the client list and the client card', () => {
    const list = renderClientList(plainStyle, [client({ id: 1 }), client({ id: 2, name: 'Beta' })],
      new Map([[1, '2026-11-19'], [2, '2026-11-21']]), '2026-11-22', false);
    expect(list).toContain('3 days ago');
    expect(list).toContain('yesterday');
    const card = renderClientShow(plainStyle, {
      client: client({ createdOn: '2026-11-22' }), lastContact: '2026-11-12', counts: {}, openBalance: [], openReminders: 0, statusHistory: [],
    }, '2026-11-22');
    expect(card).toMatch(/client since\s+2026-11-22 \(today\)/);
    expect(card).toMatch(/last contact\s+2026-11-12 \(10 days ago\)/);
  });

  it('in the reminder list', () => {
    const reminder = (id: number, on: string, doneOn: string | null = null): Reminder => ({
      id, clientId: 1, clientName: 'Acme', interactionId: null, deliveryId: null, on, kind: 'follow-up', text: 'call', doneOn, snoozedFrom: null, voidedOn: null,
    });
    const out = renderReminderList(plainStyle, [
      reminder(1, '2026-11-20'), reminder(2, '2026-11-22'), reminder(3, '2026-11-23'), reminder(4, '2026-12-02'), reminder(5, '2026-11-01', '2026-11-02'),
    ], '2026-11-22', true);
    const when = (id: number) => out.split('\n').find((l) => new RegExp(`^\\s*${id}\\s`).test(l)) ?? '';
    expect(when(1)).toContain('2 days ago');
    expect(when(2)).toMatch(/2026-11-22\s+today\s/);
    expect(when(3)).toContain('tomorrow');
    expect(when(4)).toContain('in 10 days');
    expect(when(5)).toContain('done 2026-11-02');
  });
});
