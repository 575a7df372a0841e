// The config's keys from the schema's defaults, and values typed on the command line.
import { describe, expect, it } from 'vitest';
import { getPath, knownKeys, leaves, nearestKeys, parseDays, parseValue, problems, resolveKey, setPath, unsetPath } from '../../src/config/keys.js';
import { defaultConfig } from '../../src/config/schema.js';
import { defaultRulesConfig } from '../../src/rules/config.js';

describe('config keys', () => {
  it('are every leaf of the defaults, rules included, so a new setting is a key without a change here', () => {
    const keys = knownKeys();
    expect(keys).toEqual(expect.arrayContaining(['currency', 'cadenceDays', 'timezone', 'workingHours.days', 'rates', 'rules.thresholds.watch']));
    for (const [k] of leaves(defaultRulesConfig())) expect(keys).toContain(`rules.${k}`);
    for (const k of keys) expect(getPath(defaultConfig(), k)).not.toBeUndefined();
  });

  it('resolve a leaf, a group, or a rate (the code upper-cased); an unknown one suggests the nearest', () => {
    expect(resolveKey('cadenceDays')).toEqual({ key: 'cadenceDays', kind: 'leaf' });
    expect(resolveKey('rules.latePayment')).toEqual({ key: 'rules.latePayment', kind: 'group' });
    expect(resolveKey('rates.chf')).toEqual({ key: 'rates.CHF', kind: 'rate' });
    expect(() => resolveKey('rules.tresholds.fire')).toThrow(/unknown config key 'rules.tresholds.fire'; did you mean rules.thresholds.fire/);
    expect(nearestKeys('graceDays')).toEqual(expect.arrayContaining(['rules.latePayment.graceDays', 'rules.overdueBalance.graceDays']));
    expect(() => resolveKey('')).toThrow(/unknown config key/);
  });
});

describe('typed values', () => {
  it('read days as names, ranges or numbers', () => {
    expect(parseDays('mon-fri')).toEqual([1, 2, 3, 4, 5]);
    expect(parseDays('Saturday,sun')).toEqual([6, 7]);
    expect(parseDays('1,3,5')).toEqual([1, 3, 5]);
    expect(parseDays('tue - thu')).toEqual([2, 3, 4]);
    expect(parseDays('[1,2]')).toEqual([1, 2]);
    expect(parseDays('fri-mon')).toBeUndefined();
    expect(parseDays('mo')).toBeUndefined();
    expect(parseDays('weekdays')).toBeUndefined();
  });

  it('parse by the key type: durations for *Days, null for the zone, codes upper-cased', () => {
    expect(parseValue('cadenceDays', '3w')).toBe(21);
    expect(parseValue('paymentTermsDays', '1m')).toBe(30);
    expect(parseValue('rules.latePayment.graceDays', '10d')).toBe(10);
    expect(() => parseValue('rules.thresholds.watch', '2w')).toThrow(/rules.thresholds.watch: '2w' is not accepted; expected a whole number from 0 to 100$/);
    expect(parseValue('rules.residual.share', '0.05')).toBe(0.05);
    expect(parseValue('timezone', 'none')).toBeNull();
    expect(parseValue('timezone', 'asia/tokyo')).toBe('Asia/Tokyo');
    expect(parseValue('currency', 'chf')).toBe('CHF');
    expect(parseValue('workingHours.end', '7:30')).toBe('07:30');
    expect(parseValue('rates', '{"EUR":1}')).toEqual({ EUR: 1 });
    expect(() => parseValue('rates', '{EUR')).toThrow(/rates: '\{EUR' is not accepted: not JSON; expected a JSON object/);
  });
});

describe('raw JSON edits', () => {
  it('set makes groups, unset prunes them, neither changes its input', () => {
    const raw = { cadenceDays: 21 };
    const set = setPath(raw, 'rules.thresholds.watch', 30);
    expect(set).toEqual({ cadenceDays: 21, rules: { thresholds: { watch: 30 } } });
    expect(raw).toEqual({ cadenceDays: 21 });
    expect(unsetPath(set, 'rules.thresholds.watch')).toEqual({ cadenceDays: 21 });
    expect(unsetPath(set, 'nothing.here')).toEqual(set);
  });

  it('problems name each key, an unknown one too', () => {
    expect(problems({})).toEqual([]);
    expect(problems({ colour: 'blue', rules: { thresholds: { watch: 70 } } }).map((p) => p.key)).toEqual(['colour', 'rules.thresholds.watch']);
  });
});
