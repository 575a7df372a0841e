// overdue-balance, invoice-disputes and income-concentration (judgement v2) at a fixed asOf.
import { describe, expect, it } from 'vitest';
import { evaluate, type Verdict, type VerdictKind } from '../../../src/rules/index.js';
import type { ClientFacts, DisputeFact } from '../../../src/rules/facts.js';
import { ago, batch, facts, incident, invoice, options, type FactsSpec } from './builders.js';

const find = (v: Verdict, rule: string) => v.findings.find((x) => x.rule === rule);
const judge = (s: FactsSpec, o = options()) => evaluate(facts(s), o);

describe('overdue-balance', () => {
  it.each([
    [-1, null], [0, null], [1, 1], [30, 1], [31, 2], [60, 2], [61, 3], [90, 3], [91, 4], [364, 4],
    [400, 2], // bucket 4, due more than a year ago: half weight
    [1094, 1], [1095, null], // a quarter in the third year; gone after three
  ] as const)('an unpaid invoice %i days past due measures %s (bucket × the due date’s age weight)', (days, bucket) => {
    const f = find(judge({ invoices: [invoice({ due: ago(days) })] }), 'overdue-balance');
    expect(f?.measure ?? null).toBe(bucket);
    if (f) expect(f).toMatchObject({ weight: 15, points: Math.min(40, bucket! * 15), firesAlone: null });
  });

  it('weighs each invoice by its unpaid share', () => {
    const f = find(judge({ invoices: [invoice({ due: ago(45), payments: [{ on: ago(40), amount: 25000 }] })] }), 'overdue-balance')!;
    expect(f).toMatchObject({ measure: 1.5, points: 22.5, evidence: [{ balance: { amount: 75000 } }] }); // 0.75 × bucket 2
  });

  it('a written-off or conceded amount still counts as money not paid, as if still unpaid', () => {
    const unpaid = invoice({ due: ago(45), amount: 100000 });
    const writtenOff = invoice({ due: ago(45), amount: 100000, disputes: [{ openedOn: ago(44), resolvedOn: ago(20), outcome: 'written-off', conceded: 100000 }] });
    const a = find(judge({ invoices: [unpaid] }), 'overdue-balance')!;
    const b = find(judge({ invoices: [writtenOff] }), 'overdue-balance')!;
    expect(b.measure).toBe(a.measure);
    expect(b.title).toBe('Money never paid');
    expect(b.detail).toContain('1,000.00 EUR you gave up counts as money they never paid');
  });

  it('is capped at 40 and never fires on its own, however much is owed', () => {
    const v = judge({ invoices: [100, 200, 300].map((d) => invoice({ due: ago(d) })) });
    expect(find(v, 'overdue-balance')).toMatchObject({ measure: 12, points: 40, firesAlone: null });
    expect(v).toMatchObject({ score: 40, verdict: 'watch' });
  });

  it('a residual within tolerance is not money overdue (short-payment owns it)', () => {
    const v = judge({ invoices: [invoice({ due: ago(100), amount: 200000, payments: [{ on: ago(100), amount: 196000 }] })] });
    expect(find(v, 'overdue-balance')).toBeUndefined();
    expect(find(v, 'short-payment')).toBeDefined();
    expect(v.stats.overdue).toEqual([]);
  });

  it('counts an invoice under an open dispute: the money is held up either way', () => {
    const f = find(judge({ invoices: [invoice({ due: ago(40), disputes: [{ openedOn: ago(45) }] })] }), 'overdue-balance')!;
    expect(f.measure).toBe(2);
    expect(f.detail).toContain('(all under an open dispute)');
  });

  it('never adds currencies and says what to chase', () => {
    const v = judge({ invoices: [
      invoice({ due: ago(40), number: 'INV-0007', amount: 120000, currency: 'EUR' }),
      invoice({ due: ago(10), number: 'INV-0009', amount: 5000, currency: 'JPY' }),
    ] });
    expect(find(v, 'overdue-balance')!.detail).toContain('1,200.00 EUR + 5,000 JPY');
    expect(v.advice).toContain('chase INV-0007: 1,200.00 EUR, 40 days overdue');
    expect(v.stats.overdue).toEqual([{ amount: 120000, currency: 'EUR' }, { amount: 5000, currency: 'JPY' }]);
  });
});

describe('invoice-disputes', () => {
  const disputed = (n: number, d: Partial<DisputeFact> = {}) =>
    Array.from({ length: n }, () => invoice({ due: ago(100), paid: ago(100), disputes: [{ openedOn: ago(95), ...d }] }));
  const upheld = { resolvedOn: ago(90), outcome: 'upheld' } as const;
  /** One 1,000.00 EUR invoice paid in full less `conceded`, conceded when the dispute was resolved `resolvedAgo` days ago. */
  const gaveUp = (conceded: number, resolvedAgo = 30) => invoice({
    due: ago(resolvedAgo + 10), amount: 100000, number: 'INV-0100', payments: [{ on: ago(resolvedAgo), amount: 100000 - conceded }],
    disputes: [{ openedOn: ago(resolvedAgo + 5), resolvedOn: ago(resolvedAgo), outcome: 'discounted', conceded }],
  });

  it('one upheld dispute alone is nothing', () => {
    expect(find(judge({ invoices: [...disputed(1, upheld), ...batch(4, ago(60), 0)] }), 'invoice-disputes')).toBeUndefined();
  });

  it('two disputes are raised: one point each while fresh', () => {
    const v = judge({ invoices: disputed(2, upheld) });
    expect(find(v, 'invoice-disputes')).toMatchObject({ measure: 2, weight: 14, points: 28, firesAlone: null, title: 'Disputes invoices' });
    expect(v.verdict).toBe('watch');
  });

  it('a single concession is raised; the money given up is counted once, by overdue-balance', () => {
    const f = find(judge({ invoices: [gaveUp(5000)] }), 'invoice-disputes')!;
    expect(f).toMatchObject({ measure: 1, points: 14, firesAlone: null });
    expect(f.detail).toContain('you gave up 50.00 EUR');
    expect(f.evidence[0]).toMatchObject({ type: 'dispute', outcome: 'discounted', conceded: { amount: 5000, currency: 'EUR' } });
  });

  it.each([
    ['10% given up 30 days ago fires on its own', 10000, 30, true],
    ['9% does not', 9000, 30, false],
    ['10% given up 364 days ago still fires', 10000, 364, true],
    ['10% given up 365 days ago does not', 10000, 365, false],
    ['10% given up 13 months ago does not', 10000, 395, false],
  ] as const)('%s', (_n, conceded, resolvedAgo, fires) => {
    const v = judge({ invoices: [gaveUp(conceded, resolvedAgo)] });
    const f = find(v, 'invoice-disputes')!;
    expect(f.firesAlone !== null).toBe(fires);
    expect(v.verdict === 'fire').toBe(fires);
    if (fires) {
      expect(f).toMatchObject({ title: 'Paid less than agreed', points: 60 });
      expect(f.firesAlone).toBe(`you gave up 100.00 EUR (10%) of INV-0100 (conceded ${ago(resolvedAgo)}); one such experience is enough`);
    }
  });

  it('a write-off fires on its own, whole or the rest of a part-paid invoice', () => {
    const whole = invoice({ due: ago(60), amount: 100000, disputes: [{ openedOn: ago(50), resolvedOn: ago(20), outcome: 'written-off', conceded: 100000 }] });
    const rest = invoice({ due: ago(60), amount: 100000, payments: [{ on: ago(55), amount: 40000 }],
      disputes: [{ openedOn: ago(50), resolvedOn: ago(20), outcome: 'written-off', conceded: 60000 }] });
    for (const inv of [whole, rest]) {
      const v = judge({ invoices: [inv] });
      expect(find(v, 'invoice-disputes')!.firesAlone).toMatch(/\(written off \d{4}-\d{2}-\d{2}\); one such experience is enough/);
      expect(v.verdict).toBe('fire');
    }
  });

  it.each([
    ['a dispute open 30 days is raised on its own', 30, true],
    ['open 29 days is not yet', 29, false],
  ])('%s', (_n, days, raised) => {
    const v = judge({ invoices: [invoice({ due: ago(-10), number: 'INV-0200', disputes: [{ openedOn: ago(days) }] })] });
    const f = find(v, 'invoice-disputes');
    expect(Boolean(f)).toBe(raised);
    if (f) {
      expect(f.detail).toContain('1 still open after 30 days');
      expect(v.advice).toContain(`settle the open dispute on INV-0200 (since ${ago(30)})`);
    }
  });

  it('a dispute opened 1094 days ago counts; 1095 does not', () => {
    const at = (d: number) => [0, 1].map(() => invoice({ due: ago(d), paid: ago(d), disputes: [{ openedOn: ago(d), resolvedOn: ago(d), outcome: 'upheld' }] }));
    expect(find(judge({ invoices: at(1094) }), 'invoice-disputes')!.measure).toBe(0.5);
    expect(find(judge({ invoices: at(1095) }), 'invoice-disputes')).toBeUndefined();
  });

  it('ignores disputes opened after asOf and hides resolutions after asOf', () => {
    const later = [0, 1].map((k) => invoice({ due: ago(10), disputes: [{ openedOn: ago(-1 - k) }] }));
    expect(find(judge({ invoices: later }), 'invoice-disputes')).toBeUndefined();
    const f = find(judge({ invoices: disputed(2, { resolvedOn: ago(-5), outcome: 'written-off', conceded: 100000 }) }), 'invoice-disputes')!;
    expect(f.evidence[0]).toMatchObject({ outcome: null, resolvedOn: null, conceded: { amount: 0 } });
    expect(f.firesAlone).toBeNull();
    expect(f.detail).toContain('2 still open');
  });
});

describe('income-concentration', () => {
  // This client: 450.00 EUR and 10.00 USD in the last 12 months; everyone: 1,000.00 EUR and 100.00 USD.
  const invoices = () => [invoice({ due: ago(30), paid: ago(30), amount: 45000 }), invoice({ due: ago(30), paid: ago(30), amount: 1000, currency: 'USD' })];
  const otherIncome = [{ on: ago(100), currency: 'EUR', amount: 55000 }, { on: ago(100), currency: 'USD', amount: 9000 }, { on: ago(400), currency: 'EUR', amount: 999999 }];
  const income = (v: Verdict) => find(v, 'income-concentration');

  it('without rates: per currency, scoring nothing, and says it cannot add the currencies up', () => {
    const f = income(judge({ invoices: invoices(), otherIncome }))!;
    expect(f).toMatchObject({ severity: 'info', points: 0, weight: 0, measure: 0.45 });
    expect(f.evidence).toMatchObject([
      { type: 'income', share: 0.45, client: { amount: 45000, currency: 'EUR' }, total: { amount: 100000, currency: 'EUR' } },
      { type: 'income', share: 0.1, client: { amount: 1000, currency: 'USD' }, total: { amount: 10000, currency: 'USD' } },
    ]);
    expect(f.detail).toBe('45% of your EUR income (450.00 EUR of 1,000.00 EUR); 10% of your USD income (10.00 USD of 100.00 USD) in the last 12 months;'
      + ' you were paid in 2 currencies (EUR, USD), and without exchange rates (config `rates`) crm cannot add them up.');
  });

  it('with rates for every currency: one combined share', () => {
    const f = income(judge({ invoices: invoices(), otherIncome }, options({ rates: { EUR: 1, USD: 0.5 } })))!;
    expect(f.measure).toBe(0.433); // (450 + 10 × 0.5) / (1,000 + 100 × 0.5)
    expect(f.detail).toMatch(/^43% of everything you were paid in the last 12 months, converted with your rates: /);
  });

  it('rates convert major units: JPY has no decimals', () => {
    const v = judge({ invoices: [invoice({ due: ago(30), paid: ago(30), amount: 100000, currency: 'JPY' })], otherIncome: [{ on: ago(50), currency: 'EUR', amount: 40000 }] },
      options({ rates: { EUR: 1, JPY: 0.006 } }));
    expect(income(v)!.measure).toBe(0.6); // 600 of 1,000 EUR
  });

  it('a rate missing for one currency: back to per currency', () => {
    expect(income(judge({ invoices: invoices(), otherIncome }, options({ rates: { EUR: 1 } })))!.measure).toBe(0.45);
  });

  it('a payment 364 days before asOf is inside the 12 months; 365 is not', () => {
    const edge = (d: number) => income(judge({ invoices: [invoice({ due: ago(d), paid: ago(d) })] }));
    expect(edge(364)).toBeDefined();
    expect(edge(365)).toBeUndefined();
  });

  describe('advice', () => {
    const eur = (share: number, extra: FactsSpec = {}) => judge({
      invoices: [invoice({ due: ago(30), paid: ago(30), amount: share })], otherIncome: [{ on: ago(60), currency: 'EUR', amount: 100 - share }], ...extra,
    });
    it.each([
      [25, 'keep', {}, 'they are 25% of your income over the last 12 months: keep other clients warm so one loss cannot sink you'],
      [45, 'watch', { incidents: [incident('verbal-abuse', ago(3))] }, 'they are 45% of your income over the last 12 months: fix the problems, and keep other clients warm in case you cannot'],
      [45, 'fire', { incidents: [incident('dishonesty', ago(3))] }, 'they were 45% of your income over the last 12 months: plan for that gap as you wind down'],
    ] as [number, VerdictKind, FactsSpec, string][])('%i%% when the verdict is %s', (share, verdict, extra, line) => {
      const v = eur(share, extra);
      expect(v.verdict).toBe(verdict);
      expect(v.advice).toContain(line);
    });

    it('below notableShare (25%) there is nothing to say about it', () => {
      expect(eur(24).advice).toEqual(['keep: nothing needs doing beyond your regular check-ins']);
    });

    it('one of several currencies without rates: names the number of currencies, never "100% of your income"', () => {
      const v = judge({ invoices: [invoice({ due: ago(30), paid: ago(30), amount: 1000, currency: 'USD' })], otherIncome: [{ on: ago(60), currency: 'EUR', amount: 500000 }] });
      expect(income(v)!.evidence).toMatchObject([{ share: 1, client: { currency: 'USD' } }]);
      expect(v.advice).toEqual(['they are 100% of your USD income (one of 2 currencies you are paid in) over the last 12 months: keep other clients warm so one loss cannot sink you']);
      expect(v.advice.join('\n')).not.toMatch(/100% of your income/);
      const withRates = judge({ invoices: [invoice({ due: ago(30), paid: ago(30), amount: 1000, currency: 'USD' })], otherIncome: [{ on: ago(60), currency: 'EUR', amount: 500000 }] },
        options({ rates: { EUR: 1, USD: 1 } }));
      expect(withRates.advice.join('\n')).not.toMatch(/of your (USD )?income/);
    });

    it('a fired client gets no advice about their share of your income', () => {
      const f: ClientFacts = facts({ invoices: [invoice({ due: ago(30), paid: ago(30), amount: 90 })], otherIncome: [{ on: ago(60), currency: 'EUR', amount: 10 }] });
      const v = evaluate({ ...f, client: { ...f.client, status: 'fired', statusOn: ago(10) } }, options());
      expect(income(v)!.measure).toBe(0.9);
      expect(v.advice.join('\n')).not.toMatch(/income/);
    });
  });
});
