// scope-churn (unbilled changes only) and the good signs: on-time-payer, referrals, long-relationship,
// and the cap on what they take off together (judgement v2).
import { describe, expect, it } from 'vitest';
import { evaluate, type Verdict } from '../../../src/rules/index.js';
import type { ChangeFact } from '../../../src/rules/facts.js';
import { addDays } from '../../../src/domain/dates.js';
import { ago, batch, change, delivery, facts, incident, interaction, invoice, options, referral } from './builders.js';

const judge = (s: Parameters<typeof facts>[0], o = options()) => evaluate(facts(s), o);
const find = (v: Verdict, id: string) => v.findings.find((f) => f.rule === id);
const unbilled = (days: number[], project: string | null = null): ChangeFact[] => days.map((d) => change(ago(d), { unbilled: true, project }));
const billed = (n: number): ChangeFact[] => Array.from({ length: n }, (_, k) => change(ago(5 + k)));

describe('scope-churn: unbilled changes in the last 365 days', () => {
  it('billed changes are paid work and count nothing', () => {
    expect(find(judge({ changes: billed(12) }), 'scope-churn')).toBeUndefined();
    expect(find(judge({ changes: [...billed(12), ...unbilled([10, 20])] }), 'scope-churn')).toBeUndefined();
    const f = find(judge({ changes: [...billed(5), ...unbilled([10, 20, 30])] }), 'scope-churn')!;
    expect(f).toMatchObject({ measure: 3, points: 21 });
    expect(f.detail).toContain('; 5 more were billed, which is paid work.');
    expect(f.evidence.every((e) => e.type === 'change' && e.unbilled)).toBe(true);
  });

  it.each([
    [2, null, null],
    [3, 21, 'keep'],
    [4, 28, 'watch'],
    [5, 35, 'watch'],
    [6, 60, 'fire'], // your cut-off: fires on its own
    [9, 60, 'fire'],
  ] as const)('%i unbilled → %s points, %s', (n, points, verdict) => {
    const v = judge({ changes: unbilled(Array.from({ length: n }, (_, k) => 10 + 30 * k)) });
    const f = find(v, 'scope-churn');
    expect(f?.points ?? null).toBe(points);
    if (f) {
      expect(f.firesAlone !== null).toBe(n >= 6);
      expect(v.verdict).toBe(verdict);
    }
  });

  it.each([
    ['a change 364 days old is in', 364, true],
    ['a change 365 days old is out', 365, false],
  ])('%s', (_n, oldest, inside) => {
    expect(Boolean(find(judge({ changes: unbilled([10, 20, oldest]) }), 'scope-churn'))).toBe(inside);
    const six = find(judge({ changes: unbilled([10, 20, 30, 40, 50, oldest]) }), 'scope-churn')!;
    expect(six.firesAlone !== null).toBe(inside);
  });

  it('counts per project, and the cut-off comes from config', () => {
    const changes = unbilled([10, 20, 30, 40], 'Site');
    expect(find(judge({ changes }), 'scope-churn')!.detail).toContain('(Site: 4)');
    expect(find(judge({ changes }, options({ tune: (c) => { c.scopeChurn.fireUnbilled = 4; } })), 'scope-churn')!.firesAlone)
      .toBe('4 unbilled changes in 12 months, at or past your cut-off of 4');
  });

  it('advises billing the unbilled changes', () => {
    expect(judge({ changes: unbilled([10, 20, 30, 40]) }).advice).toContain('bill the 4 unbilled changes and quote every new change before doing it');
  });
});

describe('on-time-payer', () => {
  it.each([
    ['three on time', batch(3, ago(30), 0), 1],
    ['two on time are too few', batch(2, ago(30), 0), null],
    ['4 of 5 (exactly 80%)', [...batch(4, ago(30), 0), ...batch(1, ago(30), 20)], 0.8],
    ['3 of 4 (75%)', [...batch(3, ago(30), 0), ...batch(1, ago(30), 20)], null],
    ['paid within grace counts as on time', batch(3, ago(30), 7), 1],
  ])('%s', (_n, invoices, share) => {
    const f = find(judge({ invoices }), 'on-time-payer');
    expect(f?.measure ?? null).toBe(share);
    if (f) expect(f).toMatchObject({ severity: 'positive', weight: -15, points: -15 * share! });
  });

  it('cites the invoices paid on time, most recent first, and not the late ones', () => {
    const onTime = [invoice({ due: ago(90), paid: ago(90) }), invoice({ due: ago(60), paid: ago(61) }), invoice({ due: ago(30), paid: ago(25) })];
    const lateOne = invoice({ due: ago(45), paid: ago(5) });
    const f = find(judge({ invoices: [...onTime, ...batch(1, ago(120), 0), lateOne] }), 'on-time-payer')!;
    expect(f.evidence.map((e) => e.type === 'invoice' && e.dueOn)).toEqual([ago(30), ago(60), ago(90), ago(120)]);
  });

  it('any money given up in its window suppresses it: a concession is not paying on time', () => {
    const conceded = (dueAgo: number) => invoice({
      due: ago(dueAgo), amount: 100000, payments: [{ on: ago(dueAgo), amount: 99900 }],
      disputes: [{ openedOn: ago(dueAgo + 5), resolvedOn: ago(dueAgo), outcome: 'discounted', conceded: 100 }],
    });
    expect(find(judge({ invoices: batch(10, ago(30), 0) }), 'on-time-payer')).toBeDefined();
    expect(find(judge({ invoices: [...batch(10, ago(30), 0), conceded(700)] }), 'on-time-payer')).toBeUndefined();
    // Due 730 days ago: outside the 2-year window it looks at.
    expect(find(judge({ invoices: [...batch(10, ago(30), 0), conceded(730)] }), 'on-time-payer')).toBeDefined();
  });

  it('a written-off invoice suppresses it too', () => {
    const writtenOff = invoice({ due: ago(200), disputes: [{ openedOn: ago(190), resolvedOn: ago(150), outcome: 'written-off', conceded: 100000 }] });
    expect(find(judge({ invoices: [...batch(10, ago(30), 0), writtenOff] }), 'on-time-payer')).toBeUndefined();
  });
});

describe('referrals', () => {
  it('−8 each, age-weighted in steps, at most 3', () => {
    expect(find(judge({ referrals: [referral(ago(0))] }), 'referrals')).toMatchObject({ severity: 'positive', measure: 1, points: -8 });
    expect(find(judge({ referrals: [referral(ago(364))] }), 'referrals')!.measure).toBe(1);
    expect(find(judge({ referrals: [referral(ago(365))] }), 'referrals')!.measure).toBe(0.5);
    expect(find(judge({ referrals: [referral(ago(1095))] }), 'referrals')).toBeUndefined();
    expect(find(judge({ referrals: [0, 1, 2, 3, 4].map((k) => referral(ago(k))) }), 'referrals')).toMatchObject({ measure: 3, points: -24 });
  });
});

describe('long-relationship', () => {
  /** One outbound email on the 15th of each of the last `months` months (Dec 2025 – Nov 2026 at most). */
  const monthly = (months: number) => Array.from({ length: months }, (_, k) => interaction(addDays('2026-11-15', -30 * k), 'out'));
  const lr = (s: Parameters<typeof facts>[0]) => find(judge(s), 'long-relationship');

  it('−4 × whole years together × active months of the last 12 / 12, citing the first and the latest touch', () => {
    const first = interaction(ago(800), 'out');
    const f = lr({ interactions: [first, ...monthly(12)] })!;
    expect(f).toMatchObject({ measure: 2, weight: -4, points: -8 });
    expect(f.evidence).toMatchObject([{ type: 'interaction', at: '2026-11-15T12:00:00.000Z' }, { type: 'interaction', id: first.id }]);
    expect(f.detail).toBe(`Working together since ${ago(800)} (2 years); in touch or paid on time in 12 months of the last 12.`);
  });

  it.each([
    ['6 active months of 12, one whole year', [interaction(ago(500), 'out'), ...monthly(6)], 0.5],
    ['years count at most 3', [interaction(ago(2000), 'out'), ...monthly(12)], 3],
    ['3 active months are too few (minActiveMonths 4)', [interaction(ago(800), 'out'), ...monthly(3)], null],
    ['4 are enough', [interaction(ago(800), 'out'), ...monthly(4)], 0.667],
    ['365 days is not yet 12 months together', [interaction(ago(365), 'out'), ...monthly(11)], null],
    ['long but silent this year', [interaction(ago(800), 'out')], null],
  ])('%s', (_n, interactions, measure) => {
    expect(lr({ interactions })?.measure ?? null).toBe(measure);
  });

  it('on-time payments, deliveries and referrals are touches too; late payments are not', () => {
    const onTime = Array.from({ length: 6 }, (_, k) => invoice({ due: ago(10 + 30 * k), paid: ago(10 + 30 * k) }));
    expect(lr({ invoices: [invoice({ due: ago(800), paid: ago(800) }), ...onTime] })!.measure).toBe(1); // 2 years × 6/12
    expect(lr({ deliveries: [delivery(ago(800)), ...[10, 40, 70, 100].map((d) => delivery(ago(d)))] })!.measure).toBe(0.667);
    const late = Array.from({ length: 6 }, (_, k) => invoice({ due: ago(40 + 30 * k), paid: ago(10 + 30 * k) }));
    expect(lr({ invoices: [invoice({ due: ago(800), paid: ago(800) }), ...late] })).toBeUndefined();
  });

  it('not with a dealbreaker, however steady', () => {
    expect(lr({ interactions: [interaction(ago(800), 'out'), ...monthly(12)], incidents: [incident('dishonesty', ago(100))] })).toBeUndefined();
    expect(lr({ interactions: [interaction(ago(800), 'out'), ...monthly(12)], incidents: [incident('verbal-abuse', ago(100))] })).toBeDefined();
  });
});

describe('all good signs together take off at most 30', () => {
  it('sums them, caps the relief, and never goes below 0', () => {
    const v = judge({
      invoices: [invoice({ due: ago(2000), paid: ago(2000) }), ...Array.from({ length: 12 }, (_, k) => invoice({ due: ago(10 + 30 * k), paid: ago(10 + 30 * k) }))],
      referrals: [referral(ago(5)), referral(ago(6)), referral(ago(7))],
    });
    expect(v.findings.filter((f) => f.severity === 'positive').map((f) => [f.rule, f.points]))
      .toEqual([['referrals', -24], ['on-time-payer', -15], ['long-relationship', -12]]);
    expect(v.total).toMatchObject({ signs: 0, relief: 51, reliefCapped: 30 });
    expect(v.score).toBe(0);
  });
});
