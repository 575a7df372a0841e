// The ISO 4217 table: codes crm accepts and the minor-unit exponent of each.
import { describe, expect, it } from 'vitest';
import { CURRENCIES, exponentOf, isCurrency } from '../../src/domain/currencies.js';

describe('exponentOf follows ISO 4217 minor units', () => {
  it.each([
    ['USD', 2], ['EUR', 2], ['GBP', 2], ['CHF', 2], ['NOK', 2], ['INR', 2],
    ['JPY', 0], ['KRW', 0], ['ISK', 0], ['CLP', 0], ['VND', 0], ['XOF', 0], ['XAF', 0], ['PYG', 0],
    ['BHD', 3], ['KWD', 3], ['OMR', 3], ['JOD', 3], ['TND', 3], ['IQD', 3], ['LYD', 3],
    ['CLF', 4], ['UYW', 4],
  ])('%s has %d decimals', (code, exp) => {
    expect(isCurrency(code)).toBe(true);
    expect(exponentOf(code)).toBe(exp);
  });
});

describe('the currency list', () => {
  it('holds only three upper-case letters per code', () => {
    for (const code of CURRENCIES) expect(code).toMatch(/^[A-Z]{3}$/);
  });

  it('has the codes a freelancer is likely to bill in', () => {
    for (const code of ['USD', 'EUR', 'GBP', 'JPY', 'CAD', 'AUD', 'NZD', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'CNY', 'INR', 'BRL', 'MXN', 'ZAR', 'SGD', 'HKD']) {
      expect(isCurrency(code), code).toBe(true);
    }
  });

  it.each(['ABC', 'DEM', 'FRF', 'HRK', 'eur', 'EU', 'EURO', ''])('rejects %j', (code) => {
    expect(isCurrency(code)).toBe(false);
  });

  it('every code with a non-2 exponent is itself an accepted code (a typo there would silently mean 2 decimals)', () => {
    const special = ['BIF', 'CLP', 'DJF', 'GNF', 'ISK', 'JPY', 'KMF', 'KRW', 'PYG', 'RWF', 'UGX', 'UYI', 'VND', 'VUV', 'XAF', 'XOF', 'XPF',
      'BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND', 'CLF', 'UYW'];
    for (const code of special) {
      expect(isCurrency(code), code).toBe(true);
      expect(exponentOf(code), code).not.toBe(2);
    }
    const nonTwo = [...CURRENCIES].filter((c) => exponentOf(c) !== 2).sort();
    expect(nonTwo).toEqual([...special].sort());
  });

  it('agrees with the runtime (ICU) for widely used zero- and three-decimal currencies', () => {
    const icuDigits = (code: string): number | undefined =>
      new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits;
    for (const code of ['USD', 'EUR', 'GBP', 'JPY', 'KRW', 'VND', 'CLP', 'BHD', 'KWD', 'OMR', 'JOD', 'TND']) {
      expect(exponentOf(code), code).toBe(icuDigits(code));
    }
  });
});
