// Dates in: strict calendar dates, relative forms from an injected today, date-times and durations.
// "Local" is the process zone: CI runs this under TZ=UTC, Pacific/Auckland and America/Los_Angeles,
// so expectations about local times are computed for the current zone (test/helpers/tz.ts).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays, addMonths, daysBetween, isDate, localDate, parseDate, parseDateTime, parseDuration, parseFutureDate,
  parsePastDate, parsePastDateTime, toLocalIso,
} from '../../src/domain/dates.js';
import { UsageError } from '../../src/domain/errors.js';
import { usageMessage } from '../helpers/checks.js';
import { ZONE, localDay, localInstant, localIso } from '../helpers/tz.js';

const TODAY = '2026-11-22';
const NOW = new Date('2026-11-22T10:00:00Z');


/** An independent oracle: is y-m-d a real Gregorian date? */
function realDate(y: number, m: number, d: number): boolean {
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  return y >= 1 && m >= 1 && m <= 12 && d >= 1 && days !== undefined && d <= days;
}

const ymd = (y: number, m: number, d: number): string =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

const aDate = fc
  .tuple(fc.integer({ min: 1950, max: 2200 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
  .filter(([y, m, d]) => realDate(y, m, d))
  .map(([y, m, d]) => ymd(y, m, d));

describe('parseDate accepts the contract forms', () => {
  it.each([
    ['2026-11-22', '2026-11-22'],
    ['2024-02-29', '2024-02-29'],
    ['2000-02-29', '2000-02-29'],
    [' 2026-01-05 ', '2026-01-05'],
    ['today', TODAY],
    ['TODAY', TODAY],
    ['yesterday', '2026-11-21'],
    ['tomorrow', '2026-11-23'],
    ['+3d', '2026-11-25'],
    ['-3d', '2026-11-19'],
    ['+0d', TODAY],
    ['-2w', '2026-11-08'],
    ['+2w', '2026-12-06'],
    ['+1m', '2026-12-22'],
    ['+2m', '2027-01-22'],
    ['-11m', '2025-12-22'],
    ['+10d', '2026-12-02'],
  ])('%j -> %s', (input, expected) => {
    expect(parseDate(input, TODAY)).toBe(expected);
  });

  it.each([
    ['2026-01-31', '+1m', '2026-02-28'],
    ['2024-01-31', '+1m', '2024-02-29'],
    ['2026-03-31', '-1m', '2026-02-28'],
    ['2026-05-31', '+1m', '2026-06-30'],
    ['2026-12-31', '+2m', '2027-02-28'],
    ['2999-11-30', '+1m', '2999-12-30'],
    ['2026-02-28', '+12m', '2027-02-28'],
    ['2024-02-29', '+12m', '2025-02-28'],
  ])('month steps clamp the day: from %s, %s -> %s', (today, input, expected) => {
    expect(parseDate(input, today)).toBe(expected);
  });
});

describe('parseDate rejects impossible or unknown dates, naming the value', () => {
  it.each([
    ['2026-02-30', /'2026-02-30' is not a real calendar date/],
    ['2025-02-29', /not a real calendar date/],
    ['1900-02-29', /not a real calendar date/],
    ['2026-04-31', /not a real calendar date/],
    ['2026-13-01', /not a real calendar date/],
    ['2026-00-10', /not a real calendar date/],
    ['2026-01-00', /not a real calendar date/],
    ['0000-01-01', /not a real calendar date/],
    ['2026-1-5', /'2026-1-5' is not a date; expected YYYY-MM-DD/],
    ['22/11/2026', /is not a date/],
    ['2026/11/22', /is not a date/],
    ['next week', /is not a date/],
    ['', /is not a date/],
    ['+3', /is not a date/],
    ['+3y', /is not a date/],
    ['+-3d', /is not a date/],
    ['2026-11-22T10:00', /is not a date/],
    ['２０２６-11-22', /is not a date/],
    ['1899-12-31', /'1899-12-31' is out of range; expected a date from 1900-01-01 to 2999-12-31/],
    ['3000-01-01', /out of range/],
    ['9999-12-31', /out of range/],
    ['-9999m', /'-9999m' is out of range/],
  ])('%j', (input, message) => {
    expect(usageMessage(() => parseDate(input, TODAY, '--on'))).toMatch(message);
  });

  it('names the flag', () => {
    expect(usageMessage(() => parseDate('2026-02-30', TODAY, '--due'))).toMatch(/^--due '2026-02-30'/);
  });
});

describe('parseDate properties', () => {
  it('never returns an impossible date for any YYYY-MM-DD-shaped input; real ones in range come back unchanged', () => {
    const shaped = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }));
    fc.assert(
      fc.property(shaped, ([y, m, d]) => {
        const input = ymd(y, m, d);
        if (realDate(y, m, d) && y >= 1900 && y <= 2999) expect(parseDate(input, TODAY)).toBe(input);
        else expect(() => parseDate(input, TODAY)).toThrow(UsageError);
      }),
      { numRuns: 5000 },
    );
  });

  it('for arbitrary strings returns a real date or throws UsageError', () => {
    const anything = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.stringMatching(/^[+-]?[0-9]{0,5}[dwmy]?$/),
      fc.stringMatching(/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/),
    );
    fc.assert(
      fc.property(anything, aDate, (input, today) => {
        let out: string;
        try {
          out = parseDate(input, today);
        } catch (e) {
          expect(e).toBeInstanceOf(UsageError);
          return;
        }
        const [y, m, d] = out.split('-').map(Number) as [number, number, number];
        expect(out).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(realDate(y, m, d)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('+Nd and -Nd move exactly N days from today', () => {
    fc.assert(
      fc.property(aDate, fc.integer({ min: 0, max: 9999 }), (today, n) => {
        expect(daysBetween(today, parseDate(`+${n}d`, today))).toBe(n);
        expect(daysBetween(parseDate(`-${n}d`, today), today)).toBe(n);
        expect(daysBetween(today, parseDate(`+${n}w`, today))).toBe(7 * n);
      }),
    );
  });
});

describe('addMonths clamps to the end of the month', () => {
  it('lands on a real date, the right month, and the same day unless that month is shorter', () => {
    fc.assert(
      fc.property(aDate, fc.integer({ min: -2400, max: 2400 }), (date, n) => {
        const out = addMonths(date, n);
        expect(isDate(out)).toBe(true);
        const [y, m, d] = date.split('-').map(Number) as [number, number, number];
        const [oy, om, od] = out.split('-').map(Number) as [number, number, number];
        expect(oy * 12 + om - (y * 12 + m)).toBe(n);
        if (isDate(ymd(oy, om, d))) expect(od).toBe(d);
        else {
          expect(od).toBeLessThan(d);
          expect(isDate(ymd(oy, om, od + 1))).toBe(false); // clamped to the last day
        }
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-08-31', -2, '2026-06-30'],
    ['2026-01-15', -1, '2025-12-15'],
    ['2026-12-15', 1, '2027-01-15'],
  ])('%s %+d months -> %s', (date, n, expected) => {
    expect(addMonths(date, n)).toBe(expected);
  });
});

describe('addDays and daysBetween', () => {
  it('are inverse, across month, year and leap-day boundaries', () => {
    fc.assert(
      fc.property(aDate, fc.integer({ min: -100_000, max: 100_000 }), (date, n) => {
        const out = addDays(date, n);
        expect(isDate(out)).toBe(true);
        expect(daysBetween(date, out)).toBe(n);
      }),
    );
  });

  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-03-01', -1, '2026-02-28'],
  ])('%s + %d -> %s', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
  });
});

describe('parseDateTime', () => {
  it.each([
    ['2026-11-20', localInstant('2026-11-20 12:00')], // a date alone means 12:00 local
    ['yesterday', localInstant('2026-11-21 12:00')], // NOW is 2026-11-22 local in every CI zone
    ['2026-11-20 03:10', localInstant('2026-11-20 03:10')], // local
    ['2026-11-20T03:10', localInstant('2026-11-20 03:10')],
    ['2026-11-20T09:30:00+01:00', '2026-11-20T08:30:00.000Z'],
    ['2026-11-20T09:30:00-0500', '2026-11-20T14:30:00.000Z'],
    ['2026-11-20T09:30:15.5Z', '2026-11-20T09:30:15.500Z'],
    ['now', NOW.toISOString()],
  ])('%j -> %s (in the zone it is given)', (input, expected) => {
    expect(parseDateTime(input, NOW, ZONE)).toBe(expected);
  });

  it('local forms are wall-clock times in the zone passed in, whatever the process TZ', () => {
    const byZone: Record<string, [string, string]> = {
      UTC: ['2026-11-20T12:00:00.000Z', '2026-11-20T03:10:00.000Z'],
      'Pacific/Auckland': ['2026-11-19T23:00:00.000Z', '2026-11-19T14:10:00.000Z'],
      'America/Los_Angeles': ['2026-11-20T20:00:00.000Z', '2026-11-20T11:10:00.000Z'],
      'Asia/Kolkata': ['2026-11-20T06:30:00.000Z', '2026-11-19T21:40:00.000Z'],
    };
    for (const [zone, [noon, early]] of Object.entries(byZone)) {
      expect(parseDateTime('2026-11-20', NOW, zone)).toBe(noon);
      expect(parseDateTime('2026-11-20 03:10', NOW, zone)).toBe(early);
    }
  });

  it.each([
    ['2026-02-30 10:00', /'2026-02-30 10:00' is not a real date and time/],
    ['2026-11-20 24:00', /not a real date and time/],
    ['2026-11-20 10:60', /not a real date and time/],
    ['2026-02-30', /'2026-02-30' is not a date-time/],
    ['at noon', /'at noon' is not a date-time/],
    ['2026-11-20T25:00:00Z', /not a real date and time/],
    ['9999-12-31T23:00:00Z', /out of range/],
    ['9999-12-31', /'9999-12-31' is out of range/],
  ])('rejects %j', (input, message) => {
    expect(usageMessage(() => parseDateTime(input, NOW, ZONE, '--at'))).toMatch(message);
  });
});

describe('daylight saving: gaps are refused, repeated hours take the first', () => {
  it.each([
    ['Europe/Berlin', '2026-03-29 02:30', /--at '2026-03-29 02:30' does not exist in Europe\/Berlin: on 2026-03-29 the clocks jump from 02:00 to 03:00/],
    ['America/New_York', '2026-03-08 02:15', /does not exist in America\/New_York: on 2026-03-08 the clocks jump from 02:00 to 03:00/],
    ['Pacific/Auckland', '2026-09-27 02:00', /does not exist in Pacific\/Auckland: on 2026-09-27 the clocks jump from 02:00 to 03:00/],
    ['Australia/Lord_Howe', '2026-10-04 02:10', /does not exist in Australia\/Lord_Howe: on 2026-10-04 the clocks jump from 02:00 to 02:30/],
  ])('%s %s is inside the gap', (zone, wall, message) => {
    expect(usageMessage(() => parseDateTime(wall, NOW, zone, '--at'))).toMatch(message);
  });

  it('the minutes either side of a gap exist', () => {
    expect(parseDateTime('2026-03-29 01:59', NOW, 'Europe/Berlin')).toBe('2026-03-29T00:59:00.000Z');
    expect(parseDateTime('2026-03-29 03:00', NOW, 'Europe/Berlin')).toBe('2026-03-29T01:00:00.000Z');
  });

  it.each([
    ['Europe/Berlin', '2026-10-25 02:30', '2026-10-25T00:30:00.000Z', '2026-10-25T02:30:00+02:00'],
    ['America/New_York', '2026-11-01 01:30', '2026-11-01T05:30:00.000Z', '2026-11-01T01:30:00-04:00'],
  ])('%s %s happens twice: the first (summer time) is taken, and the JSON shows its offset', (zone, wall, instant, iso) => {
    expect(parseDateTime(wall, NOW, zone)).toBe(instant);
    expect(toLocalIso(instant, zone)).toBe(iso);
  });
});

describe('offsets that are not whole minutes (local mean time)', () => {
  it('a wall-clock time lands on the exact instant, and the JSON names that same instant', () => {
    // Liberia kept Monrovia Mean Time, −0:44:30, until 1972.
    const at = parseDateTime('1970-01-01 00:00', NOW, 'Africa/Monrovia');
    expect(at).toBe('1970-01-01T00:44:30.000Z');
    const iso = toLocalIso(at, 'Africa/Monrovia');
    expect(iso).toMatch(/^1970-01-01T00:00:30-00:44$/);
    expect(new Date(iso).toISOString()).toBe(at);
  });
});

describe('past and future', () => {
  const now = new Date('2026-11-22T10:00:00Z'); // 11:00 in Berlin
  it('something that happened cannot be after now', () => {
    expect(parsePastDateTime('2026-11-22 10:59', now, 'Europe/Berlin', '--at')).toBe('2026-11-22T09:59:00.000Z');
    expect(usageMessage(() => parsePastDateTime('2026-11-22 11:01', now, 'Europe/Berlin', '--at')))
      .toMatch(/^--at '2026-11-22 11:01' is in the future \(now is 2026-11-22 11:00 Europe\/Berlin\)/);
    expect(usageMessage(() => parsePastDateTime('tomorrow', now, 'Europe/Berlin', '--on'))).toMatch(/--on 'tomorrow' is in the future/);
    expect(usageMessage(() => parsePastDateTime('2062-01-01', now, 'UTC', '--at'))).toMatch(/in the future/);
  });
  it('"today" before noon means now, not a noon still to come', () => {
    expect(parsePastDateTime('today', now, 'Europe/Berlin', '--at')).toBe(now.toISOString());
    expect(parsePastDateTime('yesterday', now, 'Europe/Berlin', '--at')).toBe('2026-11-21T11:00:00.000Z');
  });
  it('past dates and future dates', () => {
    expect(parsePastDate('today', TODAY, '--on')).toBe(TODAY);
    expect(usageMessage(() => parsePastDate('+1d', TODAY, '--on'))).toMatch(/^--on '\+1d' is after today \(2026-11-22\)/);
    expect(parseFutureDate('today', TODAY, '--follow-up')).toBe(TODAY);
    expect(usageMessage(() => parseFutureDate('yesterday', TODAY, '--follow-up'))).toMatch(/^--follow-up 'yesterday' is before today \(2026-11-22\)/);
  });
});

describe('parseDuration', () => {
  it.each([
    ['10d', 10], ['2w', 14], ['1m', 30], ['7', 7], [' 3D ', 3], ['0', 0],
  ])('%j -> %d days', (input, days) => {
    expect(parseDuration(input, '--within')).toBe(days);
  });

  it.each([
    ['-3d', /'-3d' is not valid \(negative\)/],
    ['soon', /'soon' is not valid/],
    ['1.5w', /not valid/],
    ['2y', /not valid/],
    ['', /not valid/],
  ])('rejects %j', (input, message) => {
    expect(usageMessage(() => parseDuration(input, '--cadence'))).toMatch(message);
  });

  it('enforces a minimum when asked (a cadence of 0 days makes no sense)', () => {
    expect(usageMessage(() => parseDuration('0', '--cadence', { min: 1 }))).toMatch(/'0' is too short/);
  });

  it('enforces a maximum when asked', () => {
    expect(parseDuration('3650', '--cadence', { max: 3650 })).toBe(3650);
    expect(usageMessage(() => parseDuration('122m', '--cadence', { max: 3650 }))).toMatch(/'122m' is too long; at most 3650 days/);
  });
});

describe('output forms', () => {
  // Exact values for a few zones, both sides of DST, whatever zone the process runs in.
  const KNOWN: Record<string, { iso: [string, string]; day: [string, string] }> = {
    UTC: { iso: ['2026-11-22T09:30:00+00:00', '2026-07-01T00:00:00+00:00'], day: ['2026-11-22', '2026-11-23'] },
    'Pacific/Auckland': { iso: ['2026-11-22T22:30:00+13:00', '2026-07-01T12:00:00+12:00'], day: ['2026-11-23', '2026-11-23'] },
    'America/Los_Angeles': { iso: ['2026-11-22T01:30:00-08:00', '2026-06-30T17:00:00-07:00'], day: ['2026-11-22', '2026-11-22'] },
    'Asia/Kathmandu': { iso: ['2026-11-22T15:15:00+05:45', '2026-07-01T05:45:00+05:45'], day: ['2026-11-23', '2026-11-23'] },
  };

  it.each(Object.entries(KNOWN))('toLocalIso writes ISO 8601 with the offset of %s', (zone, known) => {
    for (const [k, at] of ['2026-11-22T09:30:00.000Z', '2026-07-01T00:00:00.000Z'].entries()) {
      const out = toLocalIso(at, zone);
      expect(out).toBe(known.iso[k]);
      expect(new Date(out).toISOString()).toBe(at); // the same instant
    }
  });

  it.each(Object.entries(KNOWN))('localDate is the calendar day in %s', (zone, known) => {
    expect(localDate('2026-11-22T23:59:59.000Z', zone)).toBe(known.day[0]);
    expect(localDate(new Date('2026-11-23T00:00:00Z'), zone)).toBe(known.day[1]);
  });

  it('agrees with an independent reading of the process zone', () => {
    expect(toLocalIso('2026-11-22T09:30:00.000Z', ZONE)).toBe(localIso('2026-11-22T09:30:00.000Z'));
    expect(localDate('2026-11-22T23:59:59.000Z', ZONE)).toBe(localDay('2026-11-22T23:59:59.000Z'));
  });
});
