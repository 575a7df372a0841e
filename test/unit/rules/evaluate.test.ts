// The verdict (judgement v2, docs: notes/judgement-v2.md "Verdict" and "Age"): each warning sign
// capped at signCap (40), a sign that fires on its own counts 60, dealbreakers 100 per rule, good
// signs take off at most reliefCap (30), floors 60/25, verdict from the score only. Thin history
// never changes the verdict. Step ageing. The catalogue and config.
import { describe, expect, it } from 'vitest';
import {
  evaluate, RULES, describeRules, defaultRulesConfig, RulesConfigSchema, type Verdict, type VerdictKind,
} from '../../../src/rules/index.js';
import type { ClientFacts } from '../../../src/rules/facts.js';
import { addDays } from '../../../src/domain/dates.js';
import { AS_OF, ago, batch, change, facts, incident, invoice, options, referral, type FactsSpec } from './builders.js';

const rule = (v: Verdict, id: string) => v.findings.find((f) => f.rule === id);
const judge = (f: ClientFacts, o = options()) => evaluate(f, o);
const unbilled = (n: number, firstAgo = 10) => Array.from({ length: n }, (_, k) => change(ago(firstAgo + k), { unbilled: true }));
/** A steady late payer: `n` invoices due every 15 days up to 80 days ago, each paid 60 days late. */
const latePayer = (n: number) => Array.from({ length: n }, (_, k) => invoice({ due: ago(80 + 15 * k), paid: ago(20 + 15 * k) }));
/** Good signs worth 39 together (3 fresh referrals −24, three invoices paid on time −15): relief capped at 30. */
const goodSigns = () => ({ referrals: [referral(ago(5)), referral(ago(6)), referral(ago(7))], invoices: batch(3, ago(40), 0) });

describe('score bands: 60+ fire, 25+ watch, else keep', () => {
  // One fresh medium incident measures exactly 1: its weight is its points (within the cap of 40).
  const two = (cl: number, mc: number | null) => judge(facts({
    incidents: [incident('competitor-leverage', ago(1)), ...(mc === null ? [] : [incident('missed-deadline', ago(2))])],
  }), options({ tune: (c) => { c.competitorLeverage.weight = cl; if (mc !== null) c.missedCommitments.weight = mc; } }));

  it.each([
    [24, null, 24, 'keep'],
    [24.4, null, 24, 'keep'],
    [25, null, 25, 'watch'],
    [40, null, 40, 'watch'],
    [24, 24, 48, 'watch'], // two weak signs add up
    [30, 29, 60, 'fire'], // two clear signs of different kinds: at least 60
    [30, 30, 60, 'fire'],
    [80, null, 40, 'watch'], // capped at signCap: one sign alone cannot reach fire by points
    [80, 80, 80, 'fire'],
  ] as const)('competitor-leverage %s + missed-commitments %s → score %i, %s', (cl, mc, score, verdict) => {
    const v = two(cl, mc);
    expect(v.score).toBe(score);
    expect(v.verdict).toBe(verdict);
  });

  it('a warning sign is capped at signCap (40), and signCap comes from config', () => {
    const f = facts({ incidents: [incident('verbal-abuse', ago(1)), incident('verbal-abuse', ago(2))] });
    expect(rule(judge(f), 'verbal-abuse')).toMatchObject({ measure: 2, weight: 30, cap: 40, points: 40, firesAlone: null });
    expect(rule(judge(f, options({ tune: (c) => { c.signCap = 50; } })), 'verbal-abuse')).toMatchObject({ cap: 50, points: 50 });
  });

  it('thresholds come from config', () => {
    const f = facts({ incidents: [incident('ignored-advice', ago(1))] }); // 15 points
    expect(judge(f).verdict).toBe('keep');
    expect(judge(f, options({ tune: (c) => { c.thresholds.watch = 15; } })).verdict).toBe('watch');
    expect(judge(f, options({ tune: (c) => { c.thresholds.fire = 15; } })).verdict).toBe('fire');
  });

  it('a model client is kept with a score of 0', () => {
    const v = judge(facts({ invoices: batch(12, ago(30), 0), referrals: [referral(ago(50))] }));
    expect(v).toMatchObject({ verdict: 'keep', score: 0, confidence: 'normal' });
    expect(v.findings.map((f) => f.rule)).toEqual(['on-time-payer', 'referrals', 'income-concentration']);
    expect(v.total).toEqual({ signs: 0, relief: 23, reliefCapped: 23, floor: 0, floorReason: null, shared: [] });
  });
});

describe('the score formula: Σ signs − relief (≤ 30), raised to its floor, rounded, within 0..100', () => {
  it('each finding’s points are measure × weight within its cap, and the total adds them up', () => {
    const v = judge(facts({
      incidents: [incident('ignored-advice', ago(10)), incident('missed-deadline', ago(400))],
      changes: unbilled(3), referrals: [referral(ago(100))],
    }));
    expect(v.findings.map((f) => [f.rule, f.points])).toEqual([
      ['scope-churn', 21], ['ignored-advice', 15], ['missed-commitments', 8], ['referrals', -8],
    ]);
    expect(v.total).toEqual({ signs: 44, relief: 8, reliefCapped: 8, floor: 0, floorReason: null, shared: [] });
    expect(v.score).toBe(36);
    expect(v.verdict).toBe('watch');
  });

  it('a dealbreaker counts 100 per rule, however many incidents, and the score stays within 100', () => {
    const v = judge(facts({ incidents: [incident('physical-abuse', ago(10)), incident('physical-abuse', ago(20)), incident('dishonesty', ago(30))] }));
    expect(rule(v, 'physical-abuse')).toMatchObject({ severity: 'dealbreaker', measure: 2, weight: 100, cap: 100, points: 100 });
    expect(rule(v, 'dishonesty')!.points).toBe(100);
    expect(v.total.signs).toBe(200);
    expect(v).toMatchObject({ score: 100, verdict: 'fire' });
  });

  it('good signs take off at most reliefCap (30); the card still shows what they were worth', () => {
    const v = judge(facts({ ...goodSigns(), incidents: [incident('verbal-abuse', ago(3))], changes: unbilled(5) }));
    expect(v.total).toMatchObject({ signs: 65, relief: 39, reliefCapped: 30 });
    expect(v.score).toBe(35);
    const more = judge(facts({ ...goodSigns(), incidents: [incident('verbal-abuse', ago(3))], changes: unbilled(5) }),
      options({ tune: (c) => { c.reliefCap = 39; } }));
    expect(more.score).toBe(26);
  });

  it('a clear sign (25+ points) keeps the score at 25 at least, whatever the good signs', () => {
    const v = judge(facts({ ...goodSigns(), incidents: [incident('verbal-abuse', ago(3))] }));
    expect(v.total).toEqual({ signs: 30, relief: 39, reliefCapped: 30, floor: 25, floorReason: 'one clear sign: Verbal abuse', shared: [] });
    expect(v).toMatchObject({ score: 25, verdict: 'watch' });
  });

  it('a sign under 25 points has no floor: good signs can bring it to keep', () => {
    const v = judge(facts({ incidents: [incident('ignored-advice', ago(3))], referrals: [referral(ago(5))] }));
    expect(v.total).toMatchObject({ signs: 15, reliefCapped: 8, floor: 0, floorReason: null });
    expect(v).toMatchObject({ score: 7, verdict: 'keep' });
  });

  it('a sign that fires on its own counts 60 and keeps the score at 60 at least', () => {
    const v = judge(facts({ ...goodSigns(), changes: unbilled(6) }));
    expect(rule(v, 'scope-churn')).toMatchObject({ measure: 6, weight: 7, cap: 40, points: 60 });
    expect(rule(v, 'scope-churn')!.firesAlone).toMatch(/6 unbilled changes/);
    expect(v.total).toMatchObject({ signs: 60, reliefCapped: 30, floor: 60, floorReason: 'Keeps changing the brief, unpaid (fires on its own)' });
    expect(v).toMatchObject({ score: 60, verdict: 'fire' });
  });

  it('a dealbreaker keeps the score at 60 at least, even when it weighs less than the good signs', () => {
    const v = judge(facts({ ...goodSigns(), incidents: [incident('legal-risk', ago(3))] }),
      options({ tune: (c) => { c.dealbreakerWeight = 10; } }));
    expect(v.total).toMatchObject({ signs: 10, reliefCapped: 30, floor: 60, floorReason: 'Legal risk (a dealbreaker)' });
    expect(v).toMatchObject({ score: 60, verdict: 'fire' });
  });
});

describe('what a freelancer would sign', () => {
  it('one clear sign alone is watch, never fire: two verbal-abuse incidents, never warned', () => {
    const v = judge(facts({ incidents: [incident('verbal-abuse', ago(10)), incident('verbal-abuse', ago(40))] }));
    expect(v).toMatchObject({ score: 40, verdict: 'watch' });
    const worse = judge(facts({ incidents: [1, 2, 3, 4, 5].map((k) => incident('verbal-abuse', ago(k), { severity: 'high' })) }));
    expect(worse).toMatchObject({ score: 40, verdict: 'watch' });
  });

  it('one sign that never fires on its own stays at watch however big: money overdue, after-hours demands', () => {
    const overdue = judge(facts({ invoices: [invoice({ due: ago(200) }), invoice({ due: ago(150) }), invoice({ due: ago(100) })] }));
    expect(rule(overdue, 'overdue-balance')).toMatchObject({ measure: 12, points: 40, firesAlone: null });
    expect(overdue.verdict).toBe('watch');
    const demands = judge(facts({ incidents: Array.from({ length: 8 }, (_, k) => incident('unreasonable-demand', ago(k + 1), { severity: 'high' })) }));
    expect(demands).toMatchObject({ score: 40, verdict: 'watch' });
  });

  it('a late payer whose only flaw is paying late is watch, unless the pattern is chronic', () => {
    // Ten invoices, all 60 days late, but all due within 135 days: not yet spread over 6 months.
    const v = judge(facts({ invoices: latePayer(10) }));
    expect(rule(v, 'late-payment')).toMatchObject({ points: 40, firesAlone: null });
    expect(v).toMatchObject({ score: 40, verdict: 'watch' });
    // Thirteen: the late ones span 180 days → chronic.
    const chronic = judge(facts({ invoices: latePayer(13) }));
    expect(rule(chronic, 'late-payment')!.firesAlone).not.toBeNull();
    expect(chronic).toMatchObject({ score: 60, verdict: 'fire' });
  });

  it('two strong independent signs fire together', () => {
    const v = judge(facts({ invoices: latePayer(4), incidents: [incident('verbal-abuse', ago(5))] }));
    expect(v.findings.map((f) => [f.rule, f.points, f.firesAlone])).toEqual(expect.arrayContaining([
      ['late-payment', 40, null], ['verbal-abuse', 30, null],
    ]));
    expect(v).toMatchObject({ score: 70, verdict: 'fire' });
    const overdueAndRival = judge(facts({ invoices: [invoice({ due: ago(100) })], incidents: [incident('competitor-leverage', ago(5))] }));
    expect(overdueAndRival).toMatchObject({ score: 68, verdict: 'fire' });
  });

  it('two clear signs of different kinds fire even when they sum to less than 60', () => {
    const v = judge(facts({ incidents: [incident('verbal-abuse', ago(5)), incident('competitor-leverage', ago(6))] }));
    expect(v.total).toMatchObject({ signs: 58, floor: 60, floorReason: 'two clear signs: Verbal abuse; Plays you against competitors' });
    expect(v).toMatchObject({ score: 60, verdict: 'fire' });
  });

  it('two clear findings of one kind (paying late and money overdue: slow to pay) are one sign, not a pair', () => {
    // The latest three paid late (an emerging pattern, 30 points) and the newest 40 days overdue (30 points).
    const invoices = [...batch(3, ago(150), 30), invoice({ due: ago(40) })];
    const v = judge(facts({ invoices }));
    expect(v.findings.filter((f) => f.points >= 25).map((f) => f.rule).sort()).toEqual(['late-payment', 'overdue-balance']);
    expect(v.total.floor).toBe(25);
    expect(v.verdict).toBe('watch');
  });

  it('good signs worth a clear sign (25+) pull two clear signs back to watch; paying on time alone does not', () => {
    const signs = { incidents: [incident('verbal-abuse', ago(3))], changes: unbilled(5) }; // 30 + 35
    expect(judge(facts(signs))).toMatchObject({ score: 65, verdict: 'fire' });
    // One referral (8): not enough to speak for them; 65 − 8 = 57, raised to 60 by the pair.
    expect(judge(facts({ ...signs, referrals: [referral(ago(10))] }))).toMatchObject({ score: 60, verdict: 'fire' });
    // Four referrals (24, at most 3 counted) and on time (15): good signs worth 39 → 65 − 30 = 35, watch.
    expect(judge(facts({ ...signs, ...goodSigns() }))).toMatchObject({ score: 35, verdict: 'watch' });
  });

  it('good signs never pull a sign that fires on its own below fire, nor a dealbreaker', () => {
    expect(judge(facts({ ...goodSigns(), changes: unbilled(6) })).verdict).toBe('fire');
    const warned = [incident('ignored-advice', ago(100), { warned: true }), incident('ignored-advice', ago(10))];
    expect(judge(facts({ ...goodSigns(), incidents: warned })).verdict).toBe('fire');
    expect(judge(facts({ ...goodSigns(), incidents: [incident('dishonesty', ago(3000))] })).verdict).toBe('fire');
  });

  it('good signs never pull a clear sign below watch', () => {
    expect(judge(facts({ ...goodSigns(), incidents: [incident('competitor-leverage', ago(3))] }))).toMatchObject({ score: 25, verdict: 'watch' });
  });
});

describe('thin history never changes the verdict', () => {
  const createdOn = ago(89);
  const on = (asOf: string, s: FactsSpec) => judge(facts({ createdOn, ...s }), options({ asOf }));
  it.each([
    ['one clear sign', { incidents: [incident('verbal-abuse', ago(10))] }, 'watch'],
    ['two strong signs', { incidents: [incident('verbal-abuse', ago(10)), incident('verbal-abuse', ago(11)), incident('competitor-leverage', ago(12))] }, 'fire'],
    ['a small sign', { incidents: [incident('ignored-advice', ago(10))] }, 'keep'],
    ['a dealbreaker', { incidents: [incident('physical-abuse', ago(10))] }, 'fire'],
    ['two invoices paid on time', { invoices: batch(2, ago(20), 0) }, 'keep'],
  ] as [string, FactsSpec, VerdictKind][])('%s: same verdict and score on day 89 (little history) and day 91', (_n, s, verdict) => {
    const day89 = on(AS_OF, s);
    const day91 = on(addDays(AS_OF, 2), s);
    expect(day89.confidence).toBe('low');
    expect(day91.confidence).toBe('normal');
    expect(day89.verdict).toBe(verdict);
    expect(day91.verdict).toBe(verdict);
    expect(day91.score).toBe(day89.score);
  });

  it('low confidence only words the card: the advice says there is little to go on', () => {
    const v = judge(facts({ createdOn: ago(40), invoices: batch(2, ago(5), 0, { paid: null }) }));
    expect(v).toMatchObject({ confidence: 'low', basis: { invoices: 2, days: 40, low: true } });
    expect(v.advice).toContain('little history yet (2 invoices, 40 days): a first impression, not a track record; review again as it grows');
  });

  it('three invoices, or 90 days, is enough history', () => {
    expect(judge(facts({ createdOn: ago(40), invoices: batch(3, ago(5), 0) })).confidence).toBe('normal');
    expect(judge(facts({ createdOn: ago(90) })).confidence).toBe('normal');
    expect(judge(facts({ createdOn: ago(89) })).confidence).toBe('low');
  });
});

describe('step ageing: 1 for a year, ½ the second, ¼ the third, 0 from 3 years', () => {
  const measure = (kind: 'competitor-leverage' | 'referral', days: number, o = options()) => {
    const v = judge(facts(kind === 'referral' ? { referrals: [referral(ago(days))] } : { incidents: [incident(kind, ago(days))] }), o);
    return rule(v, kind === 'referral' ? 'referrals' : kind)?.measure;
  };
  it.each([
    [0, 1], [364, 1], [365, 0.5], [729, 0.5], [730, 0.25], [1094, 0.25], [1095, null], [2000, null],
  ] as const)('an event %i days old weighs %s (null: not counted)', (days, weight) => {
    expect(measure('competitor-leverage', days) ?? null).toBe(weight);
    expect(measure('referral', days) ?? null).toBe(weight);
  });

  it('halfLifeDays and windowDays come from config', () => {
    const o = options({ tune: (c) => { c.halfLifeDays = 100; c.windowDays = 250; } });
    expect(measure('competitor-leverage', 99, o)).toBe(1);
    expect(measure('competitor-leverage', 100, o)).toBe(0.5);
    expect(measure('competitor-leverage', 200, o)).toBe(0.25);
    expect(measure('competitor-leverage', 250, o)).toBeUndefined();
  });

  it('the score only moves on the day an event turns a year older', () => {
    const f = facts({ incidents: [incident('competitor-leverage', '2026-01-10')] });
    const at = (asOf: string) => judge(f, options({ asOf })).score;
    expect([at('2026-01-10'), at('2026-06-01'), at('2027-01-09')]).toEqual([28, 28, 28]);
    expect(at('2027-01-10')).toBe(14);
  });

  it('dealbreakers never fade', () => {
    const v = judge(facts({ incidents: [incident('physical-abuse', ago(5000))] }));
    expect(rule(v, 'physical-abuse')!.points).toBe(100);
    expect(v.verdict).toBe('fire');
  });
});

describe('advice follows the client’s status', () => {
  const fired = (s: Parameters<typeof facts>[0]): ClientFacts => {
    const f = facts(s);
    return { ...f, client: { ...f.client, status: 'fired', statusOn: ago(15) } };
  };
  const STATUS = `you already ended work with them on ${ago(15)}: what is left is collecting what they owe`;

  it('a fired client gets advice about money still owed, and nothing about how to work with them', () => {
    const v = judge(fired({
      invoices: [...latePayer(13), invoice({ due: ago(40), number: 'INV-OWED', amount: 100000 }),
        invoice({ due: ago(30), paid: ago(30), amount: 200000, number: 'INV-SHORT', payments: [{ on: ago(30), amount: 197500 }] })],
      incidents: [incident('verbal-abuse', ago(5)), incident('competitor-leverage', ago(6)), incident('unreasonable-demand', ago(7))],
      changes: unbilled(6),
    }));
    expect(v.verdict).toBe('fire');
    expect(v.advice).toEqual([
      STATUS,
      'collect INV-OWED: 1,000.00 EUR, 40 days overdue',
      'chase the remainder of INV-SHORT: 25.00 EUR',
    ]);
  });

  it('a fired client with disputes settled gets no advice on how to agree the next piece of work', () => {
    const disputed = [0, 1].map((k) => invoice({ due: ago(100 + k), paid: ago(100 + k), disputes: [{ openedOn: ago(110 + k), resolvedOn: ago(105), outcome: 'upheld' }] }));
    const v = judge(fired({ invoices: disputed }));
    expect(rule(v, 'invoice-disputes')).toBeDefined();
    expect(v.advice).toEqual([STATUS]);
  });

  it('a fired client who conceded money (a sign that fires on its own) gets no advice about further work', () => {
    const conceded = invoice({ due: ago(60), amount: 100000, payments: [{ on: ago(40), amount: 80000 }],
      disputes: [{ openedOn: ago(55), resolvedOn: ago(40), outcome: 'discounted', conceded: 20000 }] });
    const v = judge(fired({ invoices: [conceded] }));
    expect(rule(v, 'invoice-disputes')!.firesAlone).not.toBeNull();
    expect(v.advice).toEqual([STATUS]);
  });

  it('a fired client who owes nothing gets the status line only', () => {
    const f = facts({ invoices: batch(3, ago(60), 0) });
    const v = judge({ ...f, client: { ...f.client, status: 'fired', statusOn: null } });
    expect(v.advice).toEqual(['you already ended work with them: what is left is collecting what they owe']);
  });
});

describe('catalogue and config', () => {
  it('lists every contract rule once, plus short-payment, with its severity', () => {
    expect(RULES.map((r) => [r.id, r.severity])).toEqual([
      ['physical-abuse', 'dealbreaker'], ['verbal-abuse', 'warning'], ['dishonesty', 'dealbreaker'], ['legal-risk', 'dealbreaker'],
      ['late-payment', 'warning'], ['overdue-balance', 'warning'], ['invoice-disputes', 'warning'], ['scope-churn', 'warning'],
      ['unreasonable-demands', 'warning'], ['ignored-advice', 'warning'], ['competitor-leverage', 'warning'],
      ['missed-commitments', 'warning'], ['on-time-payer', 'positive'], ['referrals', 'positive'],
      ['long-relationship', 'positive'], ['income-concentration', 'info'], ['short-payment', 'info'],
    ]);
    expect(RULES.find((r) => r.id === 'verbal-abuse')!.escalatesTo).toBe('dealbreaker');
  });

  it('says which signs fire on their own, and what fact each rule owns', () => {
    const firesAlone = RULES.filter((r) => r.firesWhen !== null).map((r) => r.id);
    expect(firesAlone).toEqual([
      'physical-abuse', 'verbal-abuse', 'dishonesty', 'legal-risk', 'late-payment', 'invoice-disputes', 'scope-churn',
      'ignored-advice', 'competitor-leverage',
    ]);
    for (const r of RULES) {
      expect(r.owns, r.id).toMatch(/\w{3}/);
      if (r.firesWhen !== null) expect(r.firesWhen, r.id).toMatch(/\w{3}/);
    }
    const owns = RULES.filter((r) => r.severity !== 'info').map((r) => r.owns);
    expect(new Set(owns).size).toBe(owns.length);
  });

  it('every config key a rule names exists, and describeRules shows the values in force', () => {
    const config = defaultRulesConfig();
    config.latePayment.graceDays = 10;
    for (const r of describeRules(config)) {
      for (const [key, value] of Object.entries(r.settings)) expect(value, `${r.id}: ${key}`).toBeDefined();
    }
    expect(describeRules(config).find((r) => r.id === 'late-payment')!.settings['latePayment.graceDays']).toBe(10);
  });

  it('has the documented defaults', () => {
    const c = defaultRulesConfig();
    expect(c).toMatchObject({
      thresholds: { watch: 25, fire: 60 }, signCap: 40, reliefCap: 30, halfLifeDays: 365, windowDays: 1095,
      dealbreakerWeight: 100, residual: { share: 0.02, amount: 50 },
      latePayment: { weight: 40, graceDays: 7, minLate: 2, minShare: 0.3, windowDays: 730, maxDaysLate: 90, streak: 3, fireMinLate: 4, fireShare: 0.5, fireSpanDays: 180 },
      overdueBalance: { weight: 15 }, invoiceDisputes: { weight: 14, minDisputes: 2, staleDays: 30, fireGivenUp: 0.1 },
      scopeChurn: { weight: 7, billedWeight: 0, minChanges: 3, windowDays: 365, fireUnbilled: 6 },
      verbalAbuse: { weight: 30 }, unreasonableDemands: { weight: 26, afterHoursFactor: 0.34, afterHoursCap: 1 },
      ignoredAdvice: { weight: 15 }, competitorLeverage: { weight: 28 }, missedCommitments: { weight: 16 },
      onTimePayer: { weight: 15, minInvoices: 3, minShare: 0.8 }, referrals: { weight: 8, maxCount: 3 },
      longRelationship: { weight: 4, maxYears: 3 },
    });
  });

  it('partial overrides keep the other defaults; unknown keys are rejected by name', () => {
    const c = RulesConfigSchema.parse({ latePayment: { graceDays: 3 } });
    expect(c.latePayment).toMatchObject({ graceDays: 3, weight: 40 });
    expect(c.thresholds).toEqual({ watch: 25, fire: 60 });
    const bad = RulesConfigSchema.safeParse({ latePayment: { grace: 3 } });
    expect(bad.success).toBe(false);
    expect(JSON.stringify(bad.error?.issues)).toContain('grace');
  });
});
