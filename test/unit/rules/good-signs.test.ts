// scope-churn and the good signs: on-time-payer, referrals, long-relationship.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/rules/index.js';
import { addDays } from '../../../src/domain/dates.js';
import { ago, batch, change, facts, incident, interaction, options, referral } from './builders.js';

const find = (s: Parameters<typeof facts>[0], id: string) => evaluate(facts(s), options()).findings.find((f) => f.rule === id);

describe('scope-churn', () => {
  it.each([
    ['two changes', [change(ago(10)), change(ago(20))], false],
    ['three changes', [change(ago(10)), change(ago(20)), change(ago(30))], true],
    ['third change exactly windowDays (365) ago', [change(ago(10)), change(ago(20)), change(ago(365))], true],
    ['third change one day outside the window', [change(ago(10)), change(ago(20)), change(ago(366))], false],
  ])('%s', (_n, changes, raised) => {
    expect(Boolean(find({ changes }, 'scope-churn'))).toBe(raised);
  });

  it('unbilled changes weigh unbilledFactor times more and are counted per project', () => {
    const billed = find({ changes: [1, 2, 3].map(() => change(ago(0), { project: 'Site' })) }, 'scope-churn')!;
    const unbilled = find({ changes: [1, 2, 3].map(() => change(ago(0), { project: 'Site', unbilled: true })) }, 'scope-churn')!;
    expect(billed.measure).toBe(3);
    expect(unbilled.measure).toBe(6);
    expect(unbilled.detail).toContain('Site: 3');
    expect(unbilled.detail).toContain('3 unbilled (100%)');
  });
});

describe('on-time-payer', () => {
  it.each([
    ['three on time', batch(3, ago(30), 0), true],
    ['two on time are too few', batch(2, ago(30), 0), false],
    ['4 of 5 (exactly 80%)', [...batch(4, ago(30), 0), ...batch(1, ago(30), 20)], true],
    ['3 of 4 (75%)', [...batch(3, ago(30), 0), ...batch(1, ago(30), 20)], false],
    ['paid within grace counts as on time', batch(3, ago(30), 7), true],
  ])('%s', (_n, invoices, raised) => {
    const f = find({ invoices }, 'on-time-payer');
    expect(Boolean(f)).toBe(raised);
    if (f) expect(f).toMatchObject({ severity: 'positive', weight: -15 });
    if (f) expect(f.points).toBeLessThan(0);
  });
});

describe('referrals', () => {
  it('lowers the score, fading with age and capped', () => {
    expect(find({ referrals: [referral(ago(0))] }, 'referrals')).toMatchObject({ severity: 'positive', measure: 1, points: -8 });
    expect(find({ referrals: [referral(ago(365))] }, 'referrals')!.measure).toBe(0.5);
    expect(find({ referrals: [0, 1, 2, 3, 4].map(() => referral(ago(0))) }, 'referrals')!.measure).toBe(3);
  });
});

describe('long-relationship', () => {
  const monthly = (months: number) => Array.from({ length: months }, (_, k) => interaction(addDays(ago(5), -30 * k), 'out'));
  it.each([
    ['two years of monthly contact', { createdOn: ago(730), interactions: monthly(24) }, true],
    ['eleven months is not long yet', { createdOn: ago(330), interactions: monthly(11) }, false],
    ['long but silent this year', { createdOn: ago(900), interactions: [interaction(ago(800))] }, false],
    ['not with a dealbreaker', { createdOn: ago(730), interactions: monthly(24), incidents: [incident('dishonesty', ago(100))] }, false],
  ])('%s', (_n, spec, raised) => {
    const f = find(spec, 'long-relationship');
    expect(Boolean(f)).toBe(raised);
    if (f) expect(f.points).toBeLessThan(0);
  });
});
