import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/rules/index.js';
import { AS_OF, ago, batch, facts, invoice, options } from './builders.js';

const rule = (f: ReturnType<typeof facts>, o = options()) => evaluate(f, o).findings.find((x) => x.rule === 'late-payment');

describe('late-payment', () => {
  it.each([
    ['one late invoice among nine on time is not chronic', [...batch(9, ago(60), 0), ...batch(1, ago(60), 40)], false],
    ['two late of two is a pattern', batch(2, ago(60), 30), true],
    ['3 of 10 late (exactly minShare 30%) raises', [...batch(7, ago(60), 0), ...batch(3, ago(60), 20)], true],
    ['2 of 10 late (20%) is below minShare', [...batch(8, ago(60), 0), ...batch(2, ago(60), 20)], false],
    ['paid exactly graceDays (7) late is not late', batch(4, ago(60), 7), false],
    ['paid graceDays + 1 late is late', batch(4, ago(60), 8), true],
    ['unpaid invoices past due + grace count as late', batch(2, ago(30), 0, { paid: null }), true],
    ['unpaid but only 7 days past due is not yet late', batch(2, ago(7), 0, { paid: null }), false],
    ['due exactly windowDays (730) ago still counts', batch(2, ago(730), 30), true],
    ['due windowDays + 1 ago is outside the window', batch(2, ago(731), 30), false],
  ])('%s', (_name, invoices, raised) => {
    const f = rule(facts({ invoices }));
    expect(Boolean(f)).toBe(raised);
    if (f) {
      expect(f.severity).toBe('warning');
      expect(f.points).toBeCloseTo(f.measure * f.weight, 6);
      expect(f.evidence.every((e) => e.type === 'invoice' && (e.daysLate ?? 0) > 7)).toBe(true);
    }
  });

  it('a reformed late payer (late four years ago, two clean years since) is kept', () => {
    const invoices = [
      ...[1500, 1470, 1440, 1410, 1380].map((d) => invoice({ due: ago(d), paid: ago(d - 45) })),
      ...Array.from({ length: 24 }, (_, k) => invoice({ due: ago(20 + k * 30), paid: ago(22 + k * 30) })),
    ];
    const v = evaluate(facts({ invoices }), options());
    expect(v.findings.map((x) => x.rule)).not.toContain('late-payment');
    expect(v.findings.map((x) => x.rule)).toContain('on-time-payer');
    expect(v.verdict).toBe('keep');
  });

  it('worse and more recent lateness weighs more', () => {
    const mild = rule(facts({ invoices: batch(3, ago(400), 10) }))!;
    const bad = rule(facts({ invoices: batch(3, ago(30), 10) }))!;
    const worse = rule(facts({ invoices: batch(3, ago(120), 90) }))!;
    expect(bad.points).toBeGreaterThan(mild.points);
    expect(worse.points).toBeGreaterThan(rule(facts({ invoices: batch(3, ago(120), 10) }))!.points);
  });

  it('sees only payments known at asOf: paid after asOf means still unpaid then', () => {
    const invoices = batch(2, '2026-10-01', 60); // paid 2026-11-30, after AS_OF
    const f = rule(facts({ invoices }))!;
    expect(f.evidence).toMatchObject([{ paidOn: null, daysLate: 52 }, { paidOn: null, daysLate: 52 }]);
    expect(rule(facts({ invoices }), options({ asOf: '2026-12-31' }))!.evidence[0]).toMatchObject({ paidOn: '2026-11-30', daysLate: 60 });
    expect(AS_OF).toBe('2026-11-22');
  });

  it('invoices issued after asOf do not exist yet', () => {
    const invoices = batch(3, '2027-01-31', 30, { issued: '2026-12-01' });
    expect(evaluate(facts({ invoices }), options()).stats.invoices.issued).toBe(0);
  });

  it('reports the trend', () => {
    const invoices = [...batch(3, ago(300), 0), ...batch(3, ago(30), 25)];
    expect(rule(facts({ invoices }))!.detail).toMatch(/getting worse/);
  });
});
