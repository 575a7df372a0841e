// late-payment (judgement v2): settled invoices only, grace, the residual tolerance (and the
// short-payment it raises instead), the emerging streak, the stopped pattern, and the chronic
// pattern that fires on its own — each condition at its boundary.
import { describe, expect, it } from 'vitest';
import { evaluate, type Verdict } from '../../../src/rules/index.js';
import type { InvoiceFact } from '../../../src/rules/facts.js';
import { addDays } from '../../../src/domain/dates.js';
import { ago, batch, facts, invoice, options } from './builders.js';

const judge = (invoices: InvoiceFact[], o = options()) => evaluate(facts({ invoices }), o);
const find = (v: Verdict, id: string) => v.findings.find((x) => x.rule === id);
const late = (invoices: InvoiceFact[], o = options()) => find(judge(invoices, o), 'late-payment');
/** One invoice due `dueAgo` days ago, paid in full `days` days after its due date. */
const paid = (dueAgo: number, days: number) => invoice({ due: ago(dueAgo), paid: addDays(ago(dueAgo), days) });

describe('late-payment judges settled invoices only', () => {
  it('unpaid invoices past due are overdue-balance’s, not late-payment’s', () => {
    const v = judge(batch(3, ago(60), 0, { paid: null }));
    expect(find(v, 'late-payment')).toBeUndefined();
    expect(find(v, 'overdue-balance')).toBeDefined();
  });

  it('sees only payments known at asOf: paid after asOf means still owed then', () => {
    const invoices = batch(2, '2026-10-01', 60); // paid 2026-11-30, after AS_OF (2026-11-22)
    const now = judge(invoices);
    expect(find(now, 'late-payment')).toBeUndefined();
    expect(find(now, 'overdue-balance')!.evidence).toMatchObject([{ paidOn: null, daysLate: 52 }, { paidOn: null, daysLate: 52 }]);
    const later = judge(invoices, options({ asOf: '2026-12-31' }));
    expect(find(later, 'late-payment')!.evidence[0]).toMatchObject({ paidOn: '2026-11-30', daysLate: 60 });
    expect(find(later, 'overdue-balance')).toBeUndefined();
  });

  it('invoices issued after asOf do not exist yet', () => {
    expect(judge(batch(3, '2027-01-31', 30, { issued: '2026-12-01' })).stats.invoices.issued).toBe(0);
  });

  it.each([
    ['due 729 days ago still counts', 729, true],
    ['due 730 days ago (latePayment.windowDays) is out', 730, false],
  ])('%s', (_n, dueAgo, raised) => {
    expect(Boolean(late(batch(2, ago(dueAgo), 30)))).toBe(raised);
  });
});

describe('grace', () => {
  it.each([
    ['paid exactly graceDays (7) late is on time', 7, false],
    ['paid 8 days late is late', 8, true],
  ])('%s', (_n, days, raised) => {
    const f = late(batch(2, ago(60), days));
    expect(Boolean(f)).toBe(raised);
    if (f) expect(f).toMatchObject({ measure: 1.089, evidence: [{ daysLate: 8 }, { daysLate: 8 }] });
  });

  it('graceDays comes from config', () => {
    expect(late(batch(2, ago(60), 8), options({ tune: (c) => { c.latePayment.graceDays = 8; } }))).toBeUndefined();
  });

  it('days late are calendar days: a dispute does not stop the clock', () => {
    const invoices = [0, 1].map((k) => invoice({
      due: ago(100 + k), paid: ago(60 + k), disputes: [{ openedOn: ago(105), resolvedOn: ago(70), outcome: 'upheld' }],
    }));
    expect(late(invoices)!.evidence).toMatchObject([{ daysLate: 40 }, { daysLate: 40 }]);
  });
});

describe('raised: 2+ late and 30%+ of settled invoices late', () => {
  // Ordered by due date; the latest three are neither all late nor all on time.
  const history = (lateAt: number[]) => [300, 290, 280, 270, 260, 250, 200, 150, 100, 50]
    .map((d) => paid(d, lateAt.includes(d) ? 20 : 0));
  it('3 of 10 late (exactly minShare) is raised: share × (1 + worst / 90)', () => {
    const f = late(history([200, 150, 50]))!;
    expect(f).toMatchObject({ measure: 0.367, weight: 40, points: 14.7, firesAlone: null, title: 'Pays late' });
    expect(f.evidence.map((e) => e.type === 'invoice' && e.dueOn)).toEqual([ago(50), ago(150), ago(200)]);
  });

  it('2 of 10 (20%) is below minShare', () => {
    expect(late(history([200, 50]))).toBeUndefined();
  });

  it('one late invoice is not a pattern', () => {
    expect(late([paid(60, 30), paid(40, 0)])).toBeUndefined();
  });

  it('the worst lateness counts up to 90 days, and weighs by age', () => {
    // Half late, the latest three neither all late nor all on time.
    const mixed = (days: number) => [paid(350, 0), paid(300, days), paid(250, days), paid(20, 0)];
    expect(late(mixed(45))!.measure).toBe(0.75); // ½ × (1 + 45/90)
    expect(late(mixed(90))!.measure).toBe(1);
    expect(late(mixed(200))!.measure).toBe(1);
    // Late a year and more ago: the late share is age-weighted (0.5 each: 1 of 3) and so is the worst (90 × 0.5).
    expect(late([paid(500, 90), paid(450, 90), paid(100, 0), paid(40, 0)])).toMatchObject({ measure: 0.5, points: 20 }); // ⅓ × (1 + 45/90)
  });
});

describe('emerging: the latest 3 settled invoices all late', () => {
  // Two years of monthly invoices paid on time, up to 110 days ago.
  const clean = Array.from({ length: 24 }, (_, k) => paid(110 + 30 * k, 0));
  it('is raised after years on time, at 30 points at least (a clear sign: watch)', () => {
    const v = judge([...clean, paid(80, 15), paid(50, 15), paid(20, 15)]);
    const f = find(v, 'late-payment')!;
    expect(f).toMatchObject({ title: 'Pays late, lately', measure: 0.75, points: 30, firesAlone: null });
    expect(f.detail).toContain('The latest 3 were all late.');
    expect(find(v, 'on-time-payer')).toBeDefined();
    expect(v).toMatchObject({ score: 25, verdict: 'watch' });
  });

  it('is not raised when only the latest 2 were late, or when an on-time one came after', () => {
    expect(late([...clean, paid(50, 15), paid(20, 15)])).toBeUndefined();
    expect(late([...clean, paid(80, 15), paid(50, 15), paid(20, 15), paid(10, 0)])).toBeUndefined();
  });

  it('streak comes from config', () => {
    expect(late([...clean, paid(50, 15), paid(20, 15)], options({ tune: (c) => { c.latePayment.streak = 2; } }))!.measure).toBe(0.75);
  });
});

describe('stopped: the latest 3 settled invoices all on time', () => {
  const lateFour = [300, 270, 240, 210].map((d) => paid(d, 30));
  it('halves the measure', () => {
    const f = late([...lateFour, paid(150, 0), paid(120, 0), paid(90, 0)])!;
    expect(f.measure).toBe(0.381); // 4/7 × (1 + 30/90) / 2
    expect(f.detail).toContain('The latest 3 were paid on time: it may have stopped.');
  });

  it('two on time after is not yet a stop', () => {
    expect(late([...lateFour, paid(120, 0), paid(90, 0)])!.measure).toBe(0.889); // 4/6 × 4/3
  });
});

describe('chronic: fires on its own', () => {
  // 4 late (20 days), spread over 180 days, the latest due 20 days ago; 100% of those settled.
  const lateAt = (dues: number[]) => dues.map((d) => paid(d, 20));
  const chronic = lateAt([200, 140, 80, 20]);
  const onTime = (n: number) => Array.from({ length: n }, (_, k) => paid(300 - 10 * k, 0));

  it('4 late, half or more, spread over 180 days, the latest late and fresh → fire', () => {
    const v = judge(chronic);
    const f = find(v, 'late-payment')!;
    expect(f.title).toBe('Pays late, as a habit');
    expect(f.firesAlone).toMatch(/4 invoices late over 6 months/);
    expect(f.points).toBe(60);
    expect(v).toMatchObject({ score: 60, verdict: 'fire' });
  });

  it.each([
    ['3 late is not enough (fireMinLate 4)', lateAt([200, 80, 20]), false],
    ['exactly half late (4 of 8) fires', [...onTime(4), ...chronic], true],
    ['4 of 9 (44%) does not', [...onTime(5), ...chronic], false],
    ['spread over 179 days does not', lateAt([199, 140, 80, 20]), false],
    ['the latest settled invoice on time does not', [...chronic, paid(10, 0)], false],
    ['the latest late due 364 days ago still fires', lateAt([544, 484, 424, 364]), true],
    ['the latest late due 365 days ago does not', lateAt([545, 485, 425, 365]), false],
  ] as const)('%s', (_n, invoices, fires) => {
    const v = judge([...invoices]);
    const f = find(v, 'late-payment')!;
    expect(f).toBeDefined();
    expect(f.firesAlone !== null).toBe(fires);
    expect(f.points >= 60).toBe(fires);
  });

  it('invoices still unpaid past due belong to the habit: a client who stops paying reaches it too', () => {
    // Five invoices, none paid, the oldest 200 days past due: nothing settled, all late, and late to this day.
    const never = [200, 170, 140, 110, 20].map((d) => invoice({ due: ago(d) }));
    const v = judge(never);
    const f = find(v, 'late-payment')!;
    expect(f).toMatchObject({ measure: 0, points: 60, title: 'Pays late, as a habit' });
    expect(f.firesAlone).toMatch(/5 invoices late over 7 months, 5 of them still unpaid/);
    expect(f.detail).toMatch(/Nothing paid yet\. 5 more are still unpaid past due/);
    expect(v.verdict).toBe('fire');
    // The same five months of silence, but spread over less than six months: money overdue, watch.
    const fresh = judge([150, 120, 90, 60, 30].map((d) => invoice({ due: ago(d) })));
    expect(find(fresh, 'late-payment')).toBeUndefined();
    expect(fresh.verdict).toBe('watch');
    // Mixed: two paid late and two still unpaid, over seven months → the habit.
    const mixed = judge([paid(220, 30), paid(160, 25), invoice({ due: ago(60) }), invoice({ due: ago(15) })]);
    expect(find(mixed, 'late-payment')!.firesAlone).toMatch(/4 invoices late over 7 months, 2 of them still unpaid/);
  });
});

describe('residuals: paid to within 2% or 50 in the invoice currency', () => {
  it('2,000 EUR paid on the due date but 25 EUR short is on time; short-payment asks for the rest', () => {
    const v = judge([invoice({ due: ago(30), amount: 200000, number: 'INV-0042', payments: [{ on: ago(30), amount: 197500 }] })]);
    expect(find(v, 'late-payment')).toBeUndefined();
    expect(find(v, 'overdue-balance')).toBeUndefined();
    expect(find(v, 'short-payment')).toMatchObject({
      severity: 'info', points: 0,
      evidence: [{ number: 'INV-0042', paidOn: ago(30), daysLate: 0, balance: { amount: 2500, currency: 'EUR' } }],
    });
    expect(find(v, 'short-payment')!.detail).toBe('1 invoice paid all but 25.00 EUR: counted as paid, not as late.');
    expect(v.advice).toContain('chase the remainder of INV-0042: 25.00 EUR');
    expect(v.stats.invoices.paidOnTime).toBe(1);
    expect(v.stats.overdue).toEqual([]);
  });

  it.each([
    ['2,000 EUR, 50.00 short (the amount)', 200000, 'EUR', 5000, true],
    ['2,000 EUR, 50.01 short', 200000, 'EUR', 5001, false],
    ['10,000 EUR, 200.00 short (2%)', 1000000, 'EUR', 20000, true],
    ['10,000 EUR, 200.01 short', 1000000, 'EUR', 20001, false],
    ['10,000 JPY, 200 short (2%; JPY has no decimals)', 10000, 'JPY', 200, true],
    ['10,000 JPY, 201 short', 10000, 'JPY', 201, false],
    ['1,000 JPY, 50 short (the amount, in yen)', 1000, 'JPY', 50, true],
    ['1,000 JPY, 51 short', 1000, 'JPY', 51, false],
    ['10,000 JPY, 5,000 short is not a residual', 10000, 'JPY', 5000, false],
  ] as const)('%s: settled %s', (_n, amount, currency, short, settled) => {
    const v = judge([invoice({ due: ago(30), amount, currency, payments: [{ on: ago(30), amount: amount - short }] })]);
    expect(Boolean(find(v, 'short-payment'))).toBe(settled);
    expect(Boolean(find(v, 'overdue-balance'))).toBe(!settled);
    if (!settled) expect(find(v, 'overdue-balance')!.evidence).toMatchObject([{ balance: { amount: short, currency } }]);
  });

  it('the residual tolerance comes from config', () => {
    const o = options({ tune: (c) => { c.residual.amount = 10; c.residual.share = 0.01; } });
    const v = judge([invoice({ due: ago(30), amount: 200000, payments: [{ on: ago(30), amount: 197500 }] })], o);
    expect(find(v, 'short-payment')).toBeUndefined();
    expect(find(v, 'overdue-balance')).toBeDefined();
  });

  it('settled late but short: late on the day the payments came within tolerance', () => {
    const invoices = [0, 1].map((k) => invoice({
      due: ago(100 + k), amount: 100000,
      payments: [{ on: ago(100 + k), amount: 50000 }, { on: ago(80 + k), amount: 49000 }],
    }));
    const v = judge(invoices);
    expect(find(v, 'late-payment')!.evidence).toMatchObject([{ daysLate: 20, balance: { amount: 1000 } }, { daysLate: 20 }]);
    expect(find(v, 'short-payment')!.evidence).toHaveLength(2);
    expect(find(v, 'overdue-balance')).toBeUndefined();
  });
});
