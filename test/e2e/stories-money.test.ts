// Reviewer stories for money at a glance: `report aging`, `report income`, `invoice list` totals and
// the client's own currency, used as a freelancer paid in several currencies would. Today is
// 2026-11-22 (CRM_NOW) unless a test says otherwise.
import { describe, expect, it } from 'vitest';
import { crm, crmJson, seed, tempDb } from '../helpers/cli.js';
import { displayWidth } from '../../src/render/width.js';

type Money = { amount: number; currency: string };
const ZONES = ['UTC', 'Pacific/Auckland', 'America/Los_Angeles'];
const inv = (client: string, number: string, amount: string, currency: string, issued: string, due: string) =>
  ['invoice', 'add', client, '--amount', amount, '--currency', currency, '--number', number, '--issued', issued, '--due', due];
const tooWide = (out: string, width: number) => out.split('\n').filter((l) => displayWidth(l) > width);

/** Sums of amounts per currency. */
function perCurrency(items: Money[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of items) out[m.currency] = (out[m.currency] ?? 0) + m.amount;
  return out;
}

/** A year of a freelancer paid in EUR, USD and GBP, with everything that changes a balance. */
async function freelancer(db: string, opts: { env?: Record<string, string> } = {}): Promise<void> {
  await seed(db, [
    ['client', 'add', 'Berlin Studio'],
    ['client', 'add', 'Brooklyn Labs'],
    ['client', 'add', 'London Print'],
    ['client', 'add', 'Old Friend'],
    ['client', 'add', 'Never Again'],
    // Berlin: partly paid, a discounted dispute, one due today.
    inv('Berlin Studio', 'B-1', '2,000', 'EUR', '2026-02-01', '2026-03-01'),
    ['invoice', 'pay', 'B-1', '--on', '2026-03-03'],
    inv('Berlin Studio', 'B-2', '3,000', 'EUR', '2026-09-01', '2026-10-22'),
    ['invoice', 'pay', 'B-2', '--amount', '1,000', '--on', '2026-10-30'],
    inv('Berlin Studio', 'B-3', '1,500', 'EUR', '2026-09-15', '2026-10-23'),
    ['invoice', 'dispute', 'B-3', '--reason', 'too many hours', '--on', '2026-10-25'],
    ['invoice', 'resolve', 'B-3', '--outcome', 'discounted', '--conceded', '500', '--on', '2026-11-02'],
    inv('Berlin Studio', 'B-4', '800', 'EUR', '2026-11-01', '2026-11-22'),
    // Brooklyn: a written-off invoice, a bounced (voided) payment, one in dispute, one voided outright.
    inv('Brooklyn Labs', 'N-1', '4,000', 'USD', '2026-07-01', '2026-09-22'),
    ['invoice', 'pay', 'N-1', '--amount', '1,500', '--on', '2026-10-01'],
    ['invoice', 'pay', 'N-1', '--amount', '500', '--on', '2026-10-15'],
    ['void', 'payment:4', '--reason', 'the cheque bounced'], // the 500
    inv('Brooklyn Labs', 'N-2', '900', 'USD', '2026-06-01', '2026-07-01'),
    ['invoice', 'dispute', 'N-2', '--reason', 'never delivered', '--on', '2026-07-10'],
    ['invoice', 'resolve', 'N-2', '--outcome', 'written-off', '--on', '2026-08-01'],
    inv('Brooklyn Labs', 'N-3', '600', 'USD', '2026-10-01', '2026-11-10'),
    ['invoice', 'dispute', 'N-3', '--reason', 'haggling', '--on', '2026-11-12'],
    inv('Brooklyn Labs', 'N-4', '5,000', 'USD', '2026-10-01', '2026-10-31'),
    ['void', 'invoice:N-4', '--reason', 'sent twice'],
    // London: 90 and 91 days late, one paid in full.
    inv('London Print', 'L-1', '700', 'GBP', '2026-06-01', '2026-08-24'),
    inv('London Print', 'L-2', '300', 'GBP', '2026-06-01', '2026-08-23'),
    inv('London Print', 'L-3', '1,200', 'GBP', '2026-04-01', '2026-05-01'),
    ['invoice', 'pay', 'L-3', '--on', '2026-05-20'],
    // Archived and fired clients who still owe.
    inv('Old Friend', 'O-1', '250', 'EUR', '2026-01-05', '2026-02-04'),
    inv('Never Again', 'X-1', '1,000', 'USD', '2026-03-01', '2026-03-31'),
    ['invoice', 'pay', 'X-1', '--amount', '400', '--on', '2026-04-15'],
    ['client', 'archive', 'Old Friend'],
    ['client', 'fire', 'Never Again', '--reason', 'shouted at me'],
  ], { ...opts, db });
}

describe.each(ZONES)('the money reports agree with each other (TZ=%s)', (TZ) => {
  const opts = { env: { TZ } };

  it('aging totals are invoice list --open balances per currency, and what is past due is crm due\'s money', async () => {
    const db = tempDb();
    await freelancer(db, opts);
    const aging = await crmJson<{ currencies: { currency: string; totals: Record<string, Money>; clients: { client: { name: string }; disputed: string[] }[] }[] }>(['report', 'aging'], { db, ...opts });
    const open = await crmJson<{ balance: Money }[]>(['invoice', 'list', '--open'], { db, ...opts });
    const due = await crmJson<{ invoices: { balance: Money }[] }>(['due'], { db, ...opts });

    const totals = Object.fromEntries(aging.currencies.map((c) => [c.currency, c.totals.total!.amount]));
    expect(totals).toEqual(perCurrency(open.map((i) => i.balance)));
    expect(totals).toEqual({ EUR: 2000_00 + 1000_00 + 800_00 + 250_00, GBP: 1000_00, USD: 4000_00 - 1500_00 + 600_00 + 600_00 });
    const late = Object.fromEntries(aging.currencies.map((c) => [c.currency, c.totals.total!.amount - c.totals.current!.amount]));
    expect(late).toEqual(perCurrency(due.invoices.map((i) => i.balance)));
    // Fired and archived clients still owe; the open dispute is marked, the resolved one not.
    const names = aging.currencies.flatMap((c) => c.clients.map((x) => x.client.name)).sort();
    expect(names).toEqual(['Berlin Studio', 'Brooklyn Labs', 'London Print', 'Never Again', 'Old Friend']);
    expect(aging.currencies.flatMap((c) => c.clients.flatMap((x) => x.disputed))).toEqual(['N-3']);
  });

  it('report income gives each client the same money and share as review\'s income line, over the same payments', async () => {
    const db = tempDb();
    await freelancer(db, opts);
    // Every payment is from March on, inside both windows: review's 365 days and the report's 12 months.
    const income = await crmJson<{ currencies: { currency: string; total: Money; clients: { client: { name: string }; total: Money; share: number }[] }[] }>(
      ['report', 'income'], { db, ...opts });
    const seen: string[] = [];
    for (const cur of income.currencies) {
      for (const c of cur.clients) {
        const review = await crmJson<{ stats: { income12m: { currency: string; amount: Money; total: Money; share: number }[] } }>(['review', c.client.name], { db, ...opts });
        const line = review.stats.income12m.find((x) => x.currency === cur.currency);
        expect(line, `${c.client.name} ${cur.currency}`).toMatchObject({ amount: c.total, total: cur.total, share: c.share });
        seen.push(`${c.client.name} ${bareAmount(c.total)}`);
      }
    }
    // The voided payment counts nowhere: Brooklyn was paid 1,500 USD, not 2,000.
    expect(seen.sort()).toEqual(['Berlin Studio 3000 EUR', 'Brooklyn Labs 1500 USD', 'London Print 1200 GBP', 'Never Again 400 USD']);
  });
});

const bareAmount = (m: Money) => `${m.amount / 100} ${m.currency}`;

describe('report income, read by a person', () => {
  it('never calls a paying client\'s share 0%, nor one of several 100%', async () => {
    const db = tempDb();
    await seed(db, [
      ['client', 'add', 'Whale Corp'],
      ['client', 'add', 'Tiny Shop'],
      inv('Whale Corp', 'W-1', '100,000', 'EUR', '2026-10-01', '2026-10-31'),
      ['invoice', 'pay', 'W-1', '--on', '2026-10-20'],
      inv('Tiny Shop', 'T-1', '100', 'EUR', '2026-10-01', '2026-10-31'),
      ['invoice', 'pay', 'T-1', '--on', '2026-10-21'],
    ]);
    const r = await crm(['report', 'income', '--months', '3'], { db });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Whale Corp\s+100,000\.00\s+>99%\n/);
    expect(r.stdout).toMatch(/Tiny Shop\s+100\.00\s+<1%\n/);
    // The JSON keeps review's rounding.
    const json = await crmJson<{ currencies: { clients: { share: number }[] }[] }>(['report', 'income', '--months', '3'], { db });
    expect(json.currencies[0]!.clients.map((c) => c.share)).toEqual([1, 0]);
  });

  it('heads the month table\'s client columns so two long names that start alike can be told apart', async () => {
    const db = tempDb();
    const names = ['Acme Corporation Europe', 'Acme Corporation US', 'Northwind Traders Holding A', 'Northwind Traders Holding B'];
    await seed(db, names.flatMap((n, i) => [
      ['client', 'add', n],
      inv(n, `I-${i}`, String(1000 * (4 - i)), 'EUR', '2026-09-01', '2026-10-01'),
      ['invoice', 'pay', `I-${i}`, '--on', '2026-09-2' + String(i)],
    ]));
    const r = await crm(['report', 'income', '--months', '3'], { db, columns: 200 });
    expect(r.code).toBe(0);
    const head = r.stdout.split('\n').find((l) => l.startsWith('MONTH'))!;
    const labels = head.split(/ {2,}/).slice(2);
    expect(labels).toHaveLength(4);
    expect(new Set(labels).size).toBe(4);
    // Just long enough to differ.
    expect(labels.slice(0, 2)).toEqual(['Acme Corporation E…', 'Acme Corporation US']);
    // Alike for all 24 columns: told apart by id.
    expect(labels.slice(2)).toEqual(['Northwind Traders Ho… #3', 'Northwind Traders Ho… #4']);
    expect(tooWide(r.stdout, 200)).toEqual([]);
  });

  it('fits 50 clients and ten years of months into 40, 60 and 200 columns', async () => {
    const db = tempDb();
    const cmds: string[][] = [];
    for (let i = 1; i <= 50; i++) {
      const n = `Client number ${i} of many`;
      cmds.push(['client', 'add', n], inv(n, `M-${i}`, String(i * 10), 'EUR', '2026-01-05', '2026-02-04'), ['invoice', 'pay', `M-${i}`, '--on', `2026-0${1 + (i % 9)}-10`]);
    }
    await seed(db, cmds);
    for (const columns of [40, 60, 200]) {
      const r = await crm(['report', 'income', '--months', '120'], { db, columns });
      expect(r.code).toBe(0);
      expect(tooWide(r.stdout, columns)).toEqual([]);
      expect(r.stdout.split('\n').filter((l) => /^\d{4}-\d\d /.test(l))).toHaveLength(120);
      const head = r.stdout.split('\n').find((l) => l.startsWith('MONTH'))!.split(/ {2,}/);
      expect(new Set(head).size).toBe(head.length);
    }
  });
});

describe('invoice list on a narrow terminal', () => {
  it('leaves out an empty PROJECT column before it cuts the invoice number or the balance', async () => {
    const db = tempDb();
    await seed(db, [
      ['client', 'add', 'Zoë Überlange Gesellschaft'],
      inv('Zoë Überlange Gesellschaft', 'INV-2026-0001', '1,234.50', 'EUR', '2026-06-01', '2026-07-01'),
      inv('Zoë Überlange Gesellschaft', 'INV-2026-0002', '99', 'EUR', '2026-11-01', '2026-12-01'),
    ]);
    const r = await crm(['invoice', 'list'], { db, columns: 60 });
    expect(r.code).toBe(0);
    expect(tooWide(r.stdout, 60)).toEqual([]);
    expect(r.stdout).not.toContain('PROJECT');
    expect(r.stdout).toContain('INV-2026-0001');
    expect(r.stdout).toContain('1,234.50 EUR');
    // With a project to show, it stays.
    await seed(db, [['edit', 'invoice:INV-2026-0002', '--project', 'Web']]);
    expect((await crm(['invoice', 'list'], { db, columns: 120 })).stdout).toContain('PROJECT');
  });
});

describe('invoice add: the client\'s own currency, told on stderr', () => {
  it('keeps --json pure when the currency comes from the client, and refuses a decimal yen amount naming why', async () => {
    const db = tempDb();
    await seed(db, [['client', 'add', 'Tokyo Works'], inv('Tokyo Works', 'J-1', '120000', 'JPY', '2026-11-01', '2026-12-01')]);
    const bad = await crm(['invoice', 'add', 'tokyo', '--amount', '1500.50'], { db });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/1500\.50.*JPY.*like Tokyo Works's other invoices/);
    expect(bad.stderr.trimEnd().split('\n')).toHaveLength(1);
    const ok = await crm(['invoice', 'add', 'tokyo', '--amount', '1,500', '--json'], { db });
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).amount).toEqual({ amount: 1500, currency: 'JPY' });
    expect(ok.stderr).toMatch(/^crm: note: in JPY/);
  });

  it('a client whose only invoice was voided gets the configured default, silently', async () => {
    const db = tempDb();
    await seed(db, [
      ['client', 'add', 'Voided Only'],
      inv('Voided Only', 'V-1', '10', 'GBP', '2026-11-01', '2026-12-01'),
      ['void', 'invoice:V-1', '--reason', 'wrong client'],
    ]);
    const r = await crm(['invoice', 'add', 'voided', '--amount', '10.50', '--json'], { db });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(r.stdout).amount).toEqual({ amount: 1050, currency: 'USD' });
  });
});
