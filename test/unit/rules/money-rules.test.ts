// overdue-balance, invoice-disputes and income-concentration at a fixed asOf.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/rules/index.js';
import { ago, batch, facts, invoice, options } from './builders.js';

const find = (f: ReturnType<typeof facts>, rule: string, o = options()) => evaluate(f, o).findings.find((x) => x.rule === rule);

describe('overdue-balance', () => {
  it.each([
    ['due yesterday, unpaid', ago(1), true],
    ['due today is still a day to pay', ago(0), false],
    ['due tomorrow', ago(-1), false],
  ])('%s', (_n, due, raised) => {
    expect(Boolean(find(facts({ invoices: [invoice({ due })] }), 'overdue-balance'))).toBe(raised);
  });

  it('weighs days by the unpaid share of each invoice', () => {
    const full = find(facts({ invoices: [invoice({ due: ago(60) })] }), 'overdue-balance')!;
    const half = find(facts({ invoices: [invoice({ due: ago(60), payments: [{ on: ago(50), amount: 50000 }] })] }), 'overdue-balance')!;
    expect(full.measure).toBe(2);
    expect(half.measure).toBe(1);
    expect(full.points).toBe(full.measure * full.weight);
  });

  it('caps each invoice at maxDays', () => {
    const f = find(facts({ invoices: [invoice({ due: ago(400) })] }), 'overdue-balance')!;
    expect(f.measure).toBe(6);
  });

  it('never adds currencies and says what to chase', () => {
    const invoices = [
      invoice({ due: ago(40), number: 'INV-0007', amount: 120000, currency: 'EUR' }),
      invoice({ due: ago(10), number: 'INV-0009', amount: 5000, currency: 'JPY' }),
    ];
    const v = evaluate(facts({ invoices }), options());
    const f = v.findings.find((x) => x.rule === 'overdue-balance')!;
    expect(f.detail).toContain('1,200.00 EUR + 5,000 JPY');
    expect(v.advice).toContain('chase INV-0007: 1,200.00 EUR, 40 days overdue');
    expect(v.stats.overdue).toEqual([{ amount: 120000, currency: 'EUR' }, { amount: 5000, currency: 'JPY' }]);
  });
});

describe('invoice-disputes', () => {
  const disputed = (n: number, extra = {}) => Array.from({ length: n }, () => invoice({ due: ago(100), paid: ago(100), disputes: [{ openedOn: ago(95), ...extra }] }));
  it.each([
    ['one dispute is not a pattern', 1, false],
    ['two disputes are', 2, true],
  ])('%s', (_n, n, raised) => {
    expect(Boolean(find(facts({ invoices: [...disputed(n), ...batch(4, ago(60), 0)] }), 'invoice-disputes'))).toBe(raised);
  });

  it('conceded money weighs more and is reported', () => {
    const upheld = find(facts({ invoices: disputed(2, { resolvedOn: ago(90), outcome: 'upheld' }) }), 'invoice-disputes')!;
    const conceded = find(facts({ invoices: disputed(2, { resolvedOn: ago(90), outcome: 'discounted', conceded: 50000 }) }), 'invoice-disputes')!;
    expect(conceded.points).toBeGreaterThan(upheld.points);
    expect(conceded.detail).toContain('conceded 1,000.00 EUR');
    expect(conceded.evidence[0]).toMatchObject({ type: 'dispute', outcome: 'discounted', conceded: { amount: 50000, currency: 'EUR' } });
  });

  it('ignores disputes opened after asOf and hides resolutions after asOf', () => {
    const later = [invoice({ due: ago(10), disputes: [{ openedOn: ago(-1) }] }), invoice({ due: ago(10), disputes: [{ openedOn: ago(-2) }] })];
    expect(find(facts({ invoices: later }), 'invoice-disputes')).toBeUndefined();
    const resolvedLater = disputed(2, { resolvedOn: ago(-5), outcome: 'written-off', conceded: 100000 });
    const f = find(facts({ invoices: resolvedLater }), 'invoice-disputes')!;
    expect(f.evidence[0]).toMatchObject({ outcome: null, resolvedOn: null, conceded: { amount: 0 } });
    expect(f.detail).toContain('2 still open');
  });

  it('a dispute exactly windowDays old counts; one day older does not', () => {
    const at = (d: number) => [0, 1].map(() => invoice({ due: ago(d), paid: ago(d), disputes: [{ openedOn: ago(d) }] }));
    expect(find(facts({ invoices: at(1095) }), 'invoice-disputes')).toBeDefined();
    expect(find(facts({ invoices: at(1096) }), 'invoice-disputes')).toBeUndefined();
  });
});

describe('income-concentration', () => {
  const invoices = [invoice({ due: ago(30), paid: ago(30), amount: 45000 }), invoice({ due: ago(30), paid: ago(30), amount: 1000, currency: 'USD' })];
  const otherIncome = [{ on: ago(100), currency: 'EUR', amount: 55000 }, { on: ago(100), currency: 'USD', amount: 9000 }, { on: ago(400), currency: 'EUR', amount: 999999 }];

  it('is the share of payments in the last 12 months, per currency, and scores nothing', () => {
    const f = find(facts({ invoices, otherIncome }), 'income-concentration')!;
    expect(f).toMatchObject({ severity: 'info', points: 0, weight: 0, measure: 0.45 });
    expect(f.evidence).toMatchObject([
      { type: 'income', share: 0.45, client: { amount: 45000, currency: 'EUR' }, total: { amount: 100000, currency: 'EUR' } },
      { type: 'income', share: 0.1, client: { amount: 1000, currency: 'USD' } },
    ]);
    expect(f.detail).toMatch(/per currency/);
  });

  it('a payment exactly 364 days before asOf is inside the 12 months; 365 is not', () => {
    const edge = (d: number) => find(facts({ invoices: [invoice({ due: ago(d), paid: ago(d) })] }), 'income-concentration');
    expect(edge(364)).toBeDefined();
    expect(edge(365)).toBeUndefined();
  });

  it('turns into advice when the verdict is fire', () => {
    const v = evaluate(facts({ invoices, otherIncome, incidents: [] }), options({ tune: (c) => { c.thresholds.fire = 0; c.thresholds.watch = 0; } }));
    expect(v.verdict).toBe('fire');
    expect(v.advice).toContain('fire — but this client is 45% of your EUR income over the last 12 months: line up replacement work first');
  });
});
