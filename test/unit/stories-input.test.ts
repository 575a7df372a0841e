// Stories of typing the way people type: times around midnight and daylight saving, the forms
// crm does not take (refused with the list of those it does), and client names in many scripts,
// found in the documented order (exact, id, prefix, then accent-free exact, accent-free prefix).
import { describe, expect, it } from 'vitest';
import { DATE_TIME_FORMS, parsePastDateTime } from '../../src/domain/dates.js';
import { resolveClient } from '../../src/domain/names.js';
import { usageMessage } from '../helpers/checks.js';

const at = (input: string, now: string, zone: string): string => parsePastDateTime(input, new Date(now), zone, '--at');

describe('logging a call just after midnight', () => {
  const now = '2026-11-22T23:03:00Z'; // 00:03 on 23 November in Oslo
  it('0:00 and 00:00 are today’s midnight; yesterday’s evening needs its day', () => {
    expect(at('0:00', now, 'Europe/Oslo')).toBe('2026-11-22T23:00:00.000Z');
    expect(at('00:00', now, 'Europe/Oslo')).toBe('2026-11-22T23:00:00.000Z');
    expect(at('yesterday 23:59', now, 'Europe/Oslo')).toBe('2026-11-22T22:59:00.000Z');
    expect(at('YESTERDAY 15:00', now, 'Europe/Oslo')).toBe('2026-11-22T14:00:00.000Z');
  });

  it('15:00 alone is today, so it is refused, and the message says how to name yesterday', () => {
    expect(usageMessage(() => at('15:00', now, 'Europe/Oslo'))).toBe(
      "--at '15:00' is in the future (now is 2026-11-23 00:03 Europe/Oslo); what already happened cannot be dated later than now; for yesterday, type 'yesterday 15:00'",
    );
    // With a day given there is nothing to suggest.
    expect(usageMessage(() => at('today 23:59', now, 'Europe/Oslo'))).not.toContain('for yesterday');
    expect(usageMessage(() => at('tomorrow 9:00', now, 'Europe/Oslo'))).toMatch(/^--at 'tomorrow 9:00' is in the future/);
  });

  it('24:00, 9.30, 9h30 and 3pm are refused, naming every form crm takes', () => {
    for (const input of ['yesterday 24:00', '24:00', '9.30', '9h30', '3pm', '7:5']) {
      const msg = usageMessage(() => at(input, now, 'Europe/Oslo'));
      expect(msg, input).toMatch(new RegExp(`^--at '${input}' is not a (real date and time|date-time); expected `));
      expect(msg, input).toContain(DATE_TIME_FORMS);
    }
  });
});

describe('daylight saving days', () => {
  it('a time inside the spring gap is refused, naming the gap, in Oslo and New York', () => {
    expect(usageMessage(() => at('2:30', '2026-03-29T12:00:00Z', 'Europe/Oslo'))).toBe(
      "--at '2:30' does not exist in Europe/Oslo: on 2026-03-29 the clocks jump from 02:00 to 03:00 (daylight saving time); give a time outside that gap",
    );
    expect(usageMessage(() => at('yesterday 2:00', '2026-03-09T12:00:00Z', 'America/New_York'))).toMatch(/on 2026-03-08 the clocks jump from 02:00 to 03:00/);
    expect(at('today 3:00', '2026-03-29T12:00:00Z', 'Europe/Oslo')).toBe('2026-03-29T01:00:00.000Z');
  });

  it('the repeated autumn hour is its first time round', () => {
    expect(at('2:30', '2026-10-25T12:00:00Z', 'Europe/Oslo')).toBe('2026-10-25T00:30:00.000Z');
    expect(at('1:30', '2026-11-01T18:00:00Z', 'America/New_York')).toBe('2026-11-01T05:30:00.000Z');
  });
});

describe('client names in many scripts', () => {
  const clients = [
    { id: 1, name: 'Café Zoë' },
    { id: 2, name: 'Cafe Nero' },
    { id: 3, name: 'Işık Tekstil' },
    { id: 4, name: 'Straße GmbH' },
    { id: 5, name: 'Øresund Design' },
    { id: 6, name: 'Άλφα Ωμέγα' },
    { id: 7, name: '東京デザイン' },
    { id: 8, name: 'İstanbul Tasarım' },
    { id: 9, name: 'ΣΟΦΙΑ' },
  ];
  const resolve = (ref: string, list = clients): string => resolveClient(ref, list).name;

  it('Turkish dotted and dotless i, ß as ss, Ø as o, Greek accents and case, CJK as typed', () => {
    expect(resolve('isik')).toBe('Işık Tekstil');
    expect(resolve('IŞIK')).toBe('Işık Tekstil');
    expect(resolve('istanbul')).toBe('İstanbul Tasarım');
    expect(resolve('strasse')).toBe('Straße GmbH');
    expect(resolve('oresund')).toBe('Øresund Design');
    expect(resolve('αλφα ωμεγα')).toBe('Άλφα Ωμέγα');
    expect(resolve('σοφια')).toBe('ΣΟΦΙΑ');
    expect(resolve('東京')).toBe('東京デザイン');
  });

  it('the order holds: a plain prefix wins over an accent-free exact name', () => {
    const list = [{ id: 1, name: 'Cafe Zoey' }, { id: 2, name: 'Café Zoe' }, { id: 3, name: 'Café Zoë Bar' }];
    expect(resolve('cafe zoe', list)).toBe('Cafe Zoey'); // prefix of "Cafe Zoey" as typed
    expect(resolve('café zoe', list)).toBe('Café Zoe'); // exact
    expect(resolve('cafe zoe b', list)).toBe('Café Zoë Bar'); // accent-free prefix
    // Accent-free exact before accent-free prefix: "cafe zoe" folds to both Café Zoe and the start of Café Zoë Bar.
    expect(resolve('cafe zoe', list.slice(1))).toBe('Café Zoe');
    expect(usageMessage(() => resolve('cafe', [...clients, ...list]))).toBe("client 'cafe' is ambiguous: it matches Cafe Nero (#2), Cafe Zoey (#1)");
  });

  it('an ambiguity longer than the list says how many more there are', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ id: i + 1, name: `Café ${i + 1}` }));
    const msg = usageMessage(() => resolve('cafe', many));
    expect(msg).toMatch(/^client 'cafe' is ambiguous: it matches Café 1 \(#1\), .*Café 8 \(#8\) and 4 more; type more of the name$/);
    expect(usageMessage(() => resolve('cafe', many.slice(0, 8)))).not.toContain('more');
  });

  it('a reference of accents alone suggests nothing rather than arbitrary names', () => {
    expect(usageMessage(() => resolve('\u0301'))).toBe("no client matches '\u0301'");
  });
});
