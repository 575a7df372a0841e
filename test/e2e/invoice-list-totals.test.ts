// `crm invoice list` ends its human table with totals per currency — invoiced and still outstanding —
// of the invoices it listed, filters included. Its JSON (an array fixed by the contract) is unchanged.
import { beforeAll, describe, expect, it } from 'vitest';
import { crm, crmJson, seed, tempDb } from '../helpers/cli.js';
import { displayWidth } from '../../src/render/width.js';

let db: string;
const inv = (client: string, number: string, amount: string, currency: string, issued: string, due: string) =>
  ['invoice', 'add', client, '--amount', amount, '--currency', currency, '--number', number, '--issued', issued, '--due', due];

beforeAll(async () => {
  db = tempDb();
  await seed(db, [
    ['client', 'add', 'Acme Corp'],
    ['client', 'add', 'Globex'],
    inv('Acme Corp', 'A-1', '1,200.50', 'EUR', '2026-09-01', '2026-10-01'), // overdue, part paid
    inv('Acme Corp', 'A-2', '800', 'EUR', '2026-11-01', '2026-12-01'), // open, not yet due
    inv('Acme Corp', 'A-3', '300', 'USD', '2026-08-01', '2026-09-01'), // paid
    inv('Globex', 'G-1', '2,000', 'EUR', '2026-08-01', '2026-09-01'), // overdue, 500 conceded
    inv('Globex', 'G-2', '999', 'EUR', '2026-08-01', '2026-09-01'), // voided: listed nowhere
    ['invoice', 'pay', 'A-1', '--amount', '200.50', '--on', '2026-10-05'],
    ['invoice', 'pay', 'A-3', '--on', '2026-08-20'],
    ['invoice', 'dispute', 'G-1', '--reason', 'late delivery', '--on', '2026-09-05'],
    ['invoice', 'resolve', 'G-1', '--outcome', 'discounted', '--conceded', '500', '--on', '2026-09-10'],
    ['void', 'invoice:G-2', '--reason', 'duplicate'],
  ]);
});

/** The totals table under the list, one line per currency, spaces collapsed. */
const totals = (out: string) => {
  const lines = out.trimEnd().split('\n');
  const at = lines.findIndex((l) => l.startsWith('TOTAL '));
  expect(lines[at]).toMatch(/^TOTAL\s+INVOICES\s+INVOICED\s+OUTSTANDING$/);
  return lines.slice(at + 1).map((l) => l.replace(/\s+/g, ' '));
};

describe('invoice list totals', () => {
  it('sums every listed invoice per currency: invoiced, and the balance left after payments and concessions', async () => {
    const r = await crm(['invoice', 'list'], { db, columns: 120 });
    expect(r.code).toBe(0);
    expect(totals(r.stdout)).toEqual([
      'EUR 3 4,000.50 3,300.00',
      'USD 1 300.00 —',
    ]);
  });

  it('respects --open, --overdue and <client>', async () => {
    expect(totals((await crm(['invoice', 'list', '--open'], { db, columns: 120 })).stdout)).toEqual(['EUR 3 4,000.50 3,300.00']);
    expect(totals((await crm(['invoice', 'list', '--overdue'], { db, columns: 120 })).stdout)).toEqual(['EUR 2 3,200.50 2,500.00']);
    expect(totals((await crm(['invoice', 'list', 'globex'], { db, columns: 120 })).stdout)).toEqual(['EUR 1 2,000.00 1,500.00']);
  });

  it('still fits a narrow terminal', async () => {
    const r = await crm(['invoice', 'list'], { db, columns: 60 });
    expect(r.stdout.split('\n').filter((l) => displayWidth(l) > 60)).toEqual([]);
    expect(r.stdout).not.toMatch(/^NUMBER .*AMOUNT/m); // the list drops its AMOUNT column here…
    expect(totals(r.stdout)).toEqual(['EUR 3 4,000.50 3,300.00', 'USD 1 300.00 —']); // …the totals keep what was invoiced
  });

  it('prints no totals for an empty list', async () => {
    expect((await crm(['invoice', 'list', '--overdue', 'acme'], { db, now: '2026-09-15' })).stdout).toBe('No invoices.\n');
  });

  it('leaves the JSON array exactly as the contract has it: no totals in it', async () => {
    const list = await crmJson<Record<string, unknown>[]>(['invoice', 'list'], { db });
    expect(Array.isArray(list)).toBe(true);
    expect(list.map((i) => i.number)).toEqual(['A-3', 'G-1', 'A-1', 'A-2']);
    expect(list.every((i) => typeof i.number === 'string' && !('total' in i) && !('totals' in i))).toBe(true);
  });
});
