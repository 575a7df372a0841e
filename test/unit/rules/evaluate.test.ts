// The verdict: thresholds, dealbreakers, confidence, score = Σ points, catalogue, config.
import { describe, expect, it } from 'vitest';
import { evaluate, RULES, describeRules, defaultRulesConfig, RulesConfigSchema } from '../../../src/rules/index.js';
import { ago, batch, facts, incident, invoice, options, referral } from './builders.js';

describe('verdict thresholds', () => {
  // One fresh medium competitor-leverage incident measures exactly 1, so its weight is the score.
  it.each([
    [24, 'keep'], [25, 'watch'], [59, 'watch'], [60, 'fire'],
  ] as const)('score %i → %s', (weight, verdict) => {
    const v = evaluate(facts({ incidents: [incident('competitor-leverage', ago(0))] }),
      options({ tune: (c) => { c.competitorLeverage.weight = weight; } }));
    expect(v.score).toBe(weight);
    expect(v.verdict).toBe(verdict);
  });

  it('thresholds come from config', () => {
    const v = evaluate(facts({ incidents: [incident('competitor-leverage', ago(0))] }),
      options({ tune: (c) => { c.thresholds.watch = 10; } }));
    expect(v.verdict).toBe('watch');
  });

  it('a model client is kept with a score of 0 and says so', () => {
    const v = evaluate(facts({ invoices: batch(12, ago(30), 0), referrals: [referral(ago(50))] }), options());
    expect(v).toMatchObject({ verdict: 'keep', score: 0, confidence: 'normal' });
    expect(v.findings.map((f) => f.severity)).toEqual(['positive', 'positive', 'info']);
  });
});

describe('the score is the sum of the findings', () => {
  it('points = measure × weight and score = clamp(round(Σ points))', () => {
    const v = evaluate(facts({
      invoices: [...batch(3, ago(50), 30), invoice({ due: ago(20) })],
      incidents: [incident('ignored-advice', ago(10)), incident('ignored-advice', ago(40))],
      referrals: [referral(ago(100))],
    }), options());
    for (const f of v.findings) expect(f.points).toBeCloseTo(f.measure * f.weight, 6);
    const sum = v.findings.reduce((a, f) => a + f.points, 0);
    expect(v.score).toBe(Math.min(100, Math.max(0, Math.round(sum))));
    expect(v.findings[0]!.severity).toBe('warning');
  });
});

describe('confidence', () => {
  it('a new client with two invoices is low confidence and held at watch', () => {
    const v = evaluate(facts({ createdOn: ago(40), invoices: batch(2, ago(5), 0, { paid: null }),
      incidents: [incident('competitor-leverage', ago(1), { severity: 'high' })] }),
    options({ tune: (c) => { c.thresholds.fire = 20; } }));
    expect(v.confidence).toBe('low');
    expect(v.verdict).toBe('watch');
    expect(v.advice.join('\n')).toMatch(/low confidence: only 2 invoices and 40 days/);
  });

  it('three invoices, or 90 days, is enough history', () => {
    expect(evaluate(facts({ createdOn: ago(40), invoices: batch(3, ago(5), 0) }), options()).confidence).toBe('normal');
    expect(evaluate(facts({ createdOn: ago(90) }), options()).confidence).toBe('normal');
    expect(evaluate(facts({ createdOn: ago(89) }), options()).confidence).toBe('low');
  });

  it('a dealbreaker fires even with little history', () => {
    expect(evaluate(facts({ createdOn: ago(3), incidents: [incident('physical-abuse', ago(1))] }), options()).verdict).toBe('fire');
  });
});

describe('catalogue and config', () => {
  it('lists every contract rule once with its severity', () => {
    expect(RULES.map((r) => [r.id, r.severity])).toEqual([
      ['physical-abuse', 'dealbreaker'], ['verbal-abuse', 'warning'], ['dishonesty', 'dealbreaker'], ['legal-risk', 'dealbreaker'],
      ['late-payment', 'warning'], ['overdue-balance', 'warning'], ['invoice-disputes', 'warning'], ['scope-churn', 'warning'],
      ['unreasonable-demands', 'warning'], ['ignored-advice', 'warning'], ['competitor-leverage', 'warning'],
      ['missed-commitments', 'warning'], ['on-time-payer', 'positive'], ['referrals', 'positive'],
      ['long-relationship', 'positive'], ['income-concentration', 'info'],
    ]);
  });

  it('every config key a rule names exists, and describeRules shows the values in force', () => {
    const config = defaultRulesConfig();
    config.latePayment.graceDays = 10;
    for (const r of describeRules(config)) {
      for (const [key, value] of Object.entries(r.settings)) expect(value, `${r.id}: ${key}`).toBeDefined();
    }
    expect(describeRules(config).find((r) => r.id === 'late-payment')!.settings['latePayment.graceDays']).toBe(10);
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
