// Day numbers counted from the date's digits (issue #13: review --all asks hundreds of thousands of
// them) equal what Date.UTC gives, for every year 0–9999, every month, every day 1–31 (a day past
// the month's end runs on into the next month, as Date.UTC does), and odd strings still go through Date.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, daysBetween } from '../../src/domain/dates.js';

const DAY_MS = 86_400_000;
const pad = (n: number, w: number) => String(n).padStart(w, '0');
/** The Date-based count, as dates.ts did it before. */
function viaDate(y: number, m: number, d: number): number {
  const at = new Date(Date.UTC(y, m - 1, d));
  at.setUTCFullYear(y);
  return at.getTime() / DAY_MS;
}

describe('day numbers', () => {
  it('equal Date.UTC for any year, month and day 1–31', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
      const s = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
      expect(daysBetween('1970-01-01', s)).toBe(viaDate(y, m, d));
    }), { numRuns: 5000 });
  });

  it('around leap days, centuries and the epoch', () => {
    for (const s of ['0000-02-29', '0000-03-01', '1900-02-28', '1900-03-01', '2000-02-29', '1969-12-31', '1970-01-01', '2026-11-22', '9999-12-31']) {
      const [y, m, d] = s.split('-').map(Number) as [number, number, number];
      expect(daysBetween('1970-01-01', s)).toBe(viaDate(y, m, d));
    }
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
  });

  it('odd strings still count as Date reads them', () => {
    expect(daysBetween('2026-01-01', '2026-13-01')).toBe(viaDate(2026, 13, 1) - viaDate(2026, 1, 1));
    expect(daysBetween('2026-01-01', '2026-02-00')).toBe(31 - 1);
  });
});
