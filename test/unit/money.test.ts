// Money parsing and formatting: table-driven cases plus fast-check properties for the round trip
// and for "the parser returns a safe positive integer or throws UsageError" on any input.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatMoney, parseCurrency, parseMoney, sumByCurrency, toDecimal } from '../../src/domain/money.js';
import { CURRENCIES, exponentOf } from '../../src/domain/currencies.js';
import { UsageError } from '../../src/domain/errors.js';
import { usageMessage } from '../helpers/checks.js';

/** One currency per exponent crm knows: 0 (JPY), 2 (EUR), 3 (BHD), 4 (CLF). */
const BY_EXPONENT = ['JPY', 'EUR', 'BHD', 'CLF'] as const;
const anyCurrency = fc.constantFrom(...CURRENCIES);


describe('parseMoney accepts the contract forms', () => {
  it.each([
    ['1200', 'USD', 120000],
    ['1200.50', 'USD', 120050],
    ['1,200.50', 'USD', 120050],
    ['1200.5', 'EUR', 120050],
    ['0.01', 'EUR', 1],
    ['1,234,567.89', 'EUR', 123456789],
    ['  42  ', 'EUR', 4200],
    ['1200', 'JPY', 1200],
    ['1,200', 'JPY', 1200],
    ['1.234', 'BHD', 1234],
    ['1.2', 'BHD', 1200],
    ['0.0001', 'CLF', 1],
    ['90071992547409.91', 'USD', Number.MAX_SAFE_INTEGER],
  ])('%j %s -> %d minor units', (input, currency, expected) => {
    expect(parseMoney(input, currency)).toBe(expected);
  });
});

describe('parseMoney rejects bad amounts with a message naming the value', () => {
  it.each([
    ['-5', 'USD', /'-5' is negative/],
    ['-0.01', 'USD', /negative/],
    ['lots', 'USD', /'lots' is not an amount/],
    ['1e3', 'USD', /'1e3' is not an amount/],
    ['0x10', 'USD', /'0x10' is not an amount/],
    ['NaN', 'USD', /'NaN'/],
    ['Infinity', 'USD', /'Infinity'/],
    ['', 'USD', /not an amount/],
    ['   ', 'USD', /not an amount/],
    ['0', 'USD', /'0' is zero/],
    ['0.00', 'USD', /zero/],
    ['12.5', 'JPY', /'12.5' has decimals, but JPY has no minor unit/],
    ['1.005', 'EUR', /'1.005' has more than 2 decimals/],
    ['1.2345', 'BHD', /more than 3 decimals/],
    ['1,20', 'USD', /'1,20' is not an amount/],
    ['12,34.50', 'USD', /not an amount/],
    ['1.200,50', 'USD', /not an amount/],
    ['1 200', 'USD', /not an amount/],
    ['+5', 'USD', /not an amount/],
    ['$5', 'USD', /not an amount/],
    ['5 EUR', 'EUR', /not an amount/],
    ['１２', 'USD', /not an amount/], // full-width digits
    ['١٢', 'USD', /not an amount/], // Arabic-Indic digits
    ['9007199254740992', 'JPY', /too large/],
    ['90071992547409.92', 'USD', /too large/],
    ['99999999999999999999999999', 'USD', /too large/],
  ])('%j %s', (input, currency, message) => {
    expect(usageMessage(() => parseMoney(input, currency))).toMatch(message);
  });

  it('names the flag it was given', () => {
    expect(usageMessage(() => parseMoney('lots', 'EUR', '--conceded'))).toMatch(/^--conceded 'lots'/);
  });
});

describe('parseMoney properties', () => {
  it('toDecimal then parseMoney gives back any safe positive amount, for every currency exponent', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), fc.constantFrom(...BY_EXPONENT), (amount, currency) => {
        expect(parseMoney(toDecimal(amount, currency), currency)).toBe(amount);
      }),
      { numRuns: 2000 },
    );
  });

  it('the grouped human form (formatMoney without its code) parses back too', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), anyCurrency, (amount, currency) => {
        const shown = formatMoney(amount, currency);
        expect(shown.endsWith(` ${currency}`)).toBe(true);
        expect(parseMoney(shown.slice(0, -4), currency)).toBe(amount);
      }),
      { numRuns: 1000 },
    );
  });

  const outcome = (input: string, currency: string): void => {
    let value: number;
    try {
      value = parseMoney(input, currency);
    } catch (e) {
      expect(e).toBeInstanceOf(UsageError);
      expect((e as Error).message).not.toMatch(/\n/);
      return;
    }
    expect(Number.isSafeInteger(value)).toBe(true);
    expect(value).toBeGreaterThan(0);
  };

  it('returns a safe positive integer or throws UsageError for arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), anyCurrency, outcome), { numRuns: 3000 });
  });

  it('returns a safe positive integer or throws UsageError for money-looking strings', () => {
    const moneyish = fc.stringMatching(/^[-+ ]?[0-9,]{0,22}(\.[0-9]{0,6})?[eEx]?[0-9]{0,3}$/);
    fc.assert(fc.property(moneyish, anyCurrency, outcome), { numRuns: 3000 });
  });

  it('a value is never silently rounded: accepted input has at most the currency exponent of decimals', () => {
    fc.assert(
      fc.property(fc.nat({ max: 10_000_000 }), fc.stringMatching(/^[0-9]{1,6}$/), fc.constantFrom(...BY_EXPONENT), (whole, frac, currency) => {
        const input = `${whole}.${frac}`;
        const exp = exponentOf(currency);
        if (frac.length > exp) {
          expect(() => parseMoney(input, currency)).toThrow(UsageError);
        } else if (whole > 0 || /[1-9]/.test(frac)) {
          expect(parseMoney(input, currency)).toBe(whole * 10 ** exp + Number(frac.padEnd(exp, '0')));
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('toDecimal and formatMoney', () => {
  it('groups the whole part by thousands exactly as the look-ahead regex it replaced', () => {
    const regex = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), anyCurrency, (amount, currency) => {
        const [whole = '', frac] = toDecimal(amount, currency).split('.');
        const sign = whole.startsWith('-') ? '-' : '';
        const expected = `${sign}${regex(whole.replace('-', ''))}${frac === undefined ? '' : '.' + frac} ${currency}`;
        expect(formatMoney(amount, currency)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    [120050, 'EUR', '1200.50', '1,200.50 EUR'],
    [5, 'EUR', '0.05', '0.05 EUR'],
    [1200, 'JPY', '1200', '1,200 JPY'],
    [1234, 'BHD', '1.234', '1.234 BHD'],
    [1, 'CLF', '0.0001', '0.0001 CLF'],
    [123456789, 'USD', '1234567.89', '1,234,567.89 USD'],
    [-120050, 'EUR', '-1200.50', '-1,200.50 EUR'],
  ])('%d %s', (amount, currency, decimal, human) => {
    expect(toDecimal(amount, currency)).toBe(decimal);
    expect(formatMoney(amount, currency)).toBe(human);
  });
});

describe('parseCurrency', () => {
  it.each([
    ['EUR', 'EUR'],
    ['eur', 'EUR'],
    [' jpy ', 'JPY'],
    ['BHD', 'BHD'],
  ])('%j -> %s', (input, code) => {
    expect(parseCurrency(input)).toBe(code);
  });

  it.each(['ABC', 'EURO', 'EU', '', 'US$', 'DEM', 'HRK', '€'])('rejects %j naming it and giving examples', (input) => {
    const msg = usageMessage(() => parseCurrency(input));
    expect(msg).toContain(`'${input}'`);
    expect(msg).toMatch(/ISO 4217/);
  });
});

describe('sumByCurrency', () => {
  it('never adds different currencies together', () => {
    expect(
      sumByCurrency([
        { amount: 100, currency: 'EUR' },
        { amount: 5000, currency: 'JPY' },
        { amount: 250, currency: 'EUR' },
      ]),
    ).toEqual([
      { amount: 350, currency: 'EUR' },
      { amount: 5000, currency: 'JPY' },
    ]);
  });

  it('keeps one total per currency whatever the input order', () => {
    const item = fc.record({ amount: fc.integer({ min: 1, max: 1e9 }), currency: fc.constantFrom('EUR', 'USD', 'JPY') });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 30 }), (items) => {
        const totals = sumByCurrency(items);
        expect(totals.map((t) => t.currency)).toEqual([...new Set(items.map((i) => i.currency))].sort());
        for (const t of totals) {
          expect(t.amount).toBe(items.filter((i) => i.currency === t.currency).reduce((s, i) => s + i.amount, 0));
        }
      }),
    );
  });
});
