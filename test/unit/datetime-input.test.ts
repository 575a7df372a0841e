// Date-times the way people type them: `yesterday 15:00`, `today 9:30`, `15:00` alone (today),
// `2026-11-20 9:30`, `-2d 14:00`. Every zone is passed in explicitly, so these hold under any TZ.
import { describe, expect, it } from 'vitest';
import { DATE_TIME_FORMS, parseDateTime, parsePastDateTime } from '../../src/domain/dates.js';
import { usageMessage } from '../helpers/checks.js';

// 10:00 UTC: 11:00 in Oslo, 02:00 in Los Angeles, 23:00 in Auckland (all on 2026-11-22 local).
const NOW = new Date('2026-11-22T10:00:00Z');

describe('a time after a date word, or alone', () => {
  it.each([
    // zone, input, instant
    ['Europe/Oslo', 'yesterday 15:00', '2026-11-21T14:00:00.000Z'],
    ['Europe/Oslo', 'today 9:30', '2026-11-22T08:30:00.000Z'],
    ['Europe/Oslo', '9:30', '2026-11-22T08:30:00.000Z'],
    ['Europe/Oslo', '09:30', '2026-11-22T08:30:00.000Z'],
    ['Europe/Oslo', 'tomorrow 08:15', '2026-11-23T07:15:00.000Z'],
    ['Europe/Oslo', 'Yesterday 15:00', '2026-11-21T14:00:00.000Z'],
    ['Europe/Oslo', '  yesterday   15:00 ', '2026-11-21T14:00:00.000Z'],
    ['Europe/Oslo', '2026-11-20 9:30', '2026-11-20T08:30:00.000Z'],
    ['Europe/Oslo', '-2d 14:00', '2026-11-20T13:00:00.000Z'],
    ['Europe/Oslo', '+1w 0:05', '2026-11-28T23:05:00.000Z'],
    // Los Angeles: 02:00 on the 22nd local, so "today" is the 22nd there too, 8 hours behind UTC.
    ['America/Los_Angeles', 'yesterday 15:00', '2026-11-21T23:00:00.000Z'],
    ['America/Los_Angeles', '1:30', '2026-11-22T09:30:00.000Z'],
    // Auckland: already 23:00 on the 22nd, 13 hours ahead (summer time).
    ['Pacific/Auckland', 'yesterday 15:00', '2026-11-21T02:00:00.000Z'],
    ['Pacific/Auckland', '15:00', '2026-11-22T02:00:00.000Z'],
    ['UTC', '0:00', '2026-11-22T00:00:00.000Z'],
  ])('%s: %j -> %s', (zone, input, instant) => {
    expect(parseDateTime(input, NOW, zone, '--at')).toBe(instant);
  });

  it('"today" is the day in the zone given, not in UTC', () => {
    // 2026-11-22T10:00Z is already the 22nd in Auckland, but 2026-11-21T23:30Z is the 22nd there too
    const late = new Date('2026-11-21T23:30:00Z');
    expect(parseDateTime('9:00', late, 'Pacific/Auckland')).toBe('2026-11-21T20:00:00.000Z');
    expect(parseDateTime('9:00', late, 'America/Los_Angeles')).toBe('2026-11-21T17:00:00.000Z');
  });

  it('the existing forms still work next to the new ones', () => {
    expect(parseDateTime('2026-11-20 09:30', NOW, 'Europe/Oslo')).toBe('2026-11-20T08:30:00.000Z');
    expect(parseDateTime('2026-11-20T09:30:00+01:00', NOW, 'America/Los_Angeles')).toBe('2026-11-20T08:30:00.000Z');
    expect(parseDateTime('yesterday', NOW, 'Europe/Oslo')).toBe('2026-11-21T11:00:00.000Z');
    expect(parseDateTime('now', NOW, 'Europe/Oslo')).toBe(NOW.toISOString());
  });
});

describe('what already happened', () => {
  it('accepts a time earlier today, refuses one later today or tomorrow', () => {
    expect(parsePastDateTime('10:59', NOW, 'Europe/Oslo', '--at')).toBe('2026-11-22T09:59:00.000Z');
    expect(parsePastDateTime('yesterday 23:59', NOW, 'Europe/Oslo', '--at')).toBe('2026-11-21T22:59:00.000Z');
    expect(usageMessage(() => parsePastDateTime('11:01', NOW, 'Europe/Oslo', '--at')))
      .toMatch(/^--at '11:01' is in the future \(now is 2026-11-22 11:00 Europe\/Oslo\)/);
    expect(usageMessage(() => parsePastDateTime('tomorrow 08:15', NOW, 'Europe/Oslo', '--on'))).toMatch(/--on 'tomorrow 08:15' is in the future/);
  });
  it('a bare time is not "today at noon": it never turns into now', () => {
    expect(usageMessage(() => parsePastDateTime('12:00', NOW, 'Europe/Oslo', '--at'))).toMatch(/is in the future/);
  });
});

describe('daylight saving', () => {
  const gapDay = new Date('2026-03-29T09:00:00Z'); // the day Oslo's clocks jump 02:00 -> 03:00
  it('a time inside the gap is refused, today as on any named day', () => {
    const message = /^--at '(2:30|02:30|today 2:30|2026-03-29 2:30)' does not exist in Europe\/Oslo: on 2026-03-29 the clocks jump from 02:00 to 03:00/;
    for (const input of ['2:30', '02:30', 'today 2:30', '2026-03-29 2:30']) {
      expect(usageMessage(() => parseDateTime(input, gapDay, 'Europe/Oslo', '--at'))).toMatch(message);
    }
    expect(usageMessage(() => parseDateTime('yesterday 2:30', new Date('2026-03-30T09:00:00Z'), 'Europe/Oslo', '--at')))
      .toMatch(/does not exist in Europe\/Oslo/);
  });
  it('the minutes either side of the gap exist', () => {
    expect(parseDateTime('1:59', gapDay, 'Europe/Oslo')).toBe('2026-03-29T00:59:00.000Z');
    expect(parseDateTime('3:00', gapDay, 'Europe/Oslo')).toBe('2026-03-29T01:00:00.000Z');
  });
  it('Auckland and Los Angeles gaps too', () => {
    expect(usageMessage(() => parseDateTime('2:15', new Date('2026-09-27T03:00:00Z'), 'Pacific/Auckland', '--at')))
      .toMatch(/does not exist in Pacific\/Auckland: on 2026-09-27/);
    expect(usageMessage(() => parseDateTime('today 2:15', new Date('2026-03-08T20:00:00Z'), 'America/Los_Angeles', '--at')))
      .toMatch(/does not exist in America\/Los_Angeles: on 2026-03-08/);
  });
});

describe('times that are not times', () => {
  it.each(['25:00', '9:60', '15:', '24:00', '9:5', '123:00', 'yesterday 25:00', 'today 9:60', 'someday 15:00', '2026-02-30 9:30', '-2x 14:00'])(
    '%j is refused, naming the value and every accepted form',
    (input) => {
      const message = usageMessage(() => parseDateTime(input, NOW, 'Europe/Oslo', '--at'));
      expect(message).toContain(`--at '${input}' is not a real date and time; expected ${DATE_TIME_FORMS}`);
    },
  );
  it('the list of forms names the new ones', () => {
    expect(DATE_TIME_FORMS).toMatch(/HH:mm \(today\)/);
    expect(DATE_TIME_FORMS).toContain("'yesterday 15:00'");
  });
  it('a date out of range is still named as such', () => {
    expect(usageMessage(() => parseDateTime('9999-12-31 9:30', NOW, 'UTC', '--at'))).toMatch(/out of range/);
  });
});
