// `crm due` lists any number of items: 200k overdue invoices render (no push(...lines) stack
// overflow), one line each, under their heading. Pure render, rows built in memory; no timing.
import { describe, expect, it } from 'vitest';
import { renderDue } from '../../src/render/due.js';
import { plainStyle } from '../../src/render/style.js';
import type { DueReport } from '../../src/domain/due.js';

const BIG = 200_000;

describe('crm due at scale', () => {
  it('renders 200k invoices to chase, one line each, the money grouped', () => {
    const report: DueReport = {
      asOf: '2026-11-22',
      checkIns: [],
      reminders: [],
      invoices: Array.from({ length: BIG }, (_, i) => ({
        client: { id: 1 + (i % 50), name: `Client ${i % 50}` },
        number: `INV-${String(i + 1).padStart(6, '0')}`,
        balance: { amount: 123_456_789 + i, currency: 'EUR' },
        dueOn: '2026-10-01',
        daysOverdue: 52,
      })),
    };
    const lines = renderDue(report, { style: plainStyle, within: 0, width: 100 }).split('\n');
    expect(lines.slice(0, 3)).toEqual(['Due today (as of 2026-11-22)', '', `Invoices to chase (${BIG})`]);
    expect(lines).toHaveLength(3 + BIG + 1);
    expect(lines[3]).toMatch(/^ {2}INV-000001 +Client 0 +1,234,567\.89 EUR +52 days overdue +due 2026-10-01$/);
    expect(lines[3 + BIG - 1]).toContain('INV-200000');
  });
});
