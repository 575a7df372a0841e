// The aging buckets and the report model, with a fixed today: pure functions, no database.
import { describe, expect, it } from 'vitest';
import { agingReport, bucketOf, type AgingInvoiceRow } from '../../src/domain/aging.js';
import { addDays } from '../../src/domain/dates.js';

const TODAY = '2026-03-01'; // the month boundary after a 28-day February: day counts must not care

describe('bucketOf', () => {
  it.each([
    [-30, 'current'], [-1, 'current'], [0, 'current'],
    [1, 'days1to30'], [30, 'days1to30'],
    [31, 'days31to60'], [60, 'days31to60'],
    [61, 'days61to90'], [90, 'days61to90'],
    [91, 'days90plus'], [400, 'days90plus'],
  ])('%i days past due → %s', (late, bucket) => {
    expect(bucketOf(addDays(TODAY, -late), TODAY)).toBe(bucket);
  });
});

const row = (over: Partial<AgingInvoiceRow>): AgingInvoiceRow => ({
  clientId: 1, clientName: 'Acme', number: 'N', balance: 100, currency: 'EUR', dueOn: TODAY, status: 'open', ...over,
});

describe('agingReport', () => {
  it('orders clients by their oldest money, then by name; ignores zero balances', () => {
    const r = agingReport([
      row({ clientId: 1, clientName: 'Big but fresh', number: 'B', balance: 900_000, dueOn: addDays(TODAY, -10) }),
      row({ clientId: 2, clientName: 'Small but old', number: 'S', balance: 1_000, dueOn: addDays(TODAY, -120) }),
      row({ clientId: 3, clientName: 'Also fresh', number: 'A', balance: 900_000, dueOn: addDays(TODAY, -5) }),
      row({ clientId: 4, clientName: 'Settled', number: 'Z', balance: 0, dueOn: addDays(TODAY, -200) }),
    ], TODAY);
    expect(r.currencies[0]!.clients.map((c) => c.client.name)).toEqual(['Small but old', 'Also fresh', 'Big but fresh']);
  });

  it('lists disputed invoices and keeps currencies apart, sorted by code', () => {
    const r = agingReport([
      row({ currency: 'USD', number: 'U', status: 'disputed' }),
      row({ currency: 'EUR', number: 'E' }),
    ], TODAY);
    expect(r.currencies.map((c) => [c.currency, c.clients[0]!.disputed, c.totals.total])).toEqual([
      ['EUR', [], { amount: 100, currency: 'EUR' }],
      ['USD', ['U'], { amount: 100, currency: 'USD' }],
    ]);
  });
});
