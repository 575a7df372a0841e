// `crm report aging` and `crm report income`, driven through the CLI in-process against temp
// databases seeded through the CLI itself. Today is 2026-11-22 (CRM_NOW) unless a test says otherwise.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { crm, crmJson, seed, snapshot, tempDb } from '../helpers/cli.js';
import { displayWidth } from '../../src/render/width.js';

const ZONES = ['UTC', 'Pacific/Auckland', 'America/Los_Angeles'];
const eur = (major: number) => ({ amount: major * 100, currency: 'EUR' });
const usd = (major: number) => ({ amount: major * 100, currency: 'USD' });
const inv = (client: string, number: string, amount: string, issued: string, due: string, currency = 'EUR') =>
  ['invoice', 'add', client, '--amount', amount, '--currency', currency, '--number', number, '--issued', issued, '--due', due];
const tooWide = (out: string, width: number) => out.split('\n').filter((l) => displayWidth(l) > width);

interface AgingRow { client: { id: number; name: string }; current: unknown; days1to30: unknown; days31to60: unknown; days61to90: unknown; days90plus: unknown; total: unknown; invoices: string[]; disputed: string[] }
interface Aging { asOf: string; currencies: { currency: string; clients: AgingRow[]; totals: Record<string, unknown> }[] }

describe.each(ZONES)('crm report aging (TZ=%s)', (TZ) => {
  const opts = { env: { TZ } };

  it('puts each balance in its bucket at the exact boundaries: due today is current, 30 days 1–30, 31 days 31–60, 90 days 61–90, 91 days 90+', async () => {
    const db = tempDb();
    // Amounts are powers of two, so each bucket's sum names exactly the invoices in it.
    await seed(db, [
      ['client', 'add', 'Boundary Bakery'],
      inv('Boundary Bakery', 'DUE-TODAY', '1', '2026-11-01', '2026-11-22'),
      inv('Boundary Bakery', 'NOT-YET', '2', '2026-11-10', '2026-12-10'),
      inv('Boundary Bakery', 'LATE-1', '4', '2026-11-01', '2026-11-21'),
      inv('Boundary Bakery', 'LATE-30', '8', '2026-10-01', '2026-10-23'),
      inv('Boundary Bakery', 'LATE-31', '16', '2026-10-01', '2026-10-22'),
      inv('Boundary Bakery', 'LATE-60', '32', '2026-09-01', '2026-09-23'),
      inv('Boundary Bakery', 'LATE-61', '64', '2026-09-01', '2026-09-22'),
      inv('Boundary Bakery', 'LATE-90', '128', '2026-08-01', '2026-08-24'),
      inv('Boundary Bakery', 'LATE-91', '256', '2026-08-01', '2026-08-23'),
    ], opts);
    const report = await crmJson<Aging>(['report', 'aging'], { db, ...opts });
    expect(report.asOf).toBe('2026-11-22');
    expect(report.currencies).toHaveLength(1);
    const [row] = report.currencies[0]!.clients;
    expect(row).toEqual({
      client: { id: 1, name: 'Boundary Bakery' },
      current: eur(1 + 2), days1to30: eur(4 + 8), days31to60: eur(16 + 32), days61to90: eur(64 + 128), days90plus: eur(256),
      total: eur(511),
      invoices: ['LATE-91', 'LATE-90', 'LATE-61', 'LATE-60', 'LATE-31', 'LATE-30', 'LATE-1', 'DUE-TODAY', 'NOT-YET'],
      disputed: [],
    });
    expect(report.currencies[0]!.totals).toEqual({
      current: eur(3), days1to30: eur(12), days31to60: eur(48), days61to90: eur(192), days90plus: eur(256), total: eur(511),
    });
  });

  it('counts what is left after partial payments and concessions; leaves out paid, written-off and voided invoices; marks disputes; keeps fired clients', async () => {
    const db = tempDb();
    await seed(db, [
      ['client', 'add', 'Acme Corp'],
      ['client', 'add', 'Haggle & Sons'],
      ['client', 'add', 'Gone Ltd'],
      ['client', 'add', 'Paid Up Inc'],
      inv('Acme Corp', 'A-1', '1,000', '2026-09-01', '2026-10-01'), // 52 days late
      inv('Acme Corp', 'A-2', '500', '2026-11-01', '2026-12-01'), // not yet due
      inv('Acme Corp', 'A-VOID', '9,999', '2026-06-01', '2026-07-01'),
      ['invoice', 'pay', 'A-1', '--amount', '400', '--on', '2026-10-20'],
      ['void', 'invoice:A-VOID', '--reason', 'sent to the wrong client'],
      inv('Haggle & Sons', 'H-1', '2,000', '2026-07-01', '2026-08-01'), // 113 days late
      inv('Haggle & Sons', 'H-2', '300', '2026-10-15', '2026-11-14'), // 8 days late, disputed
      inv('Haggle & Sons', 'H-3', '800', '2026-06-01', '2026-07-01'), // written off
      ['invoice', 'dispute', 'H-1', '--reason', 'says the logo was late', '--on', '2026-08-05'],
      ['invoice', 'resolve', 'H-1', '--outcome', 'discounted', '--conceded', '500', '--on', '2026-08-20'],
      ['invoice', 'dispute', 'H-2', '--reason', 'wants a discount', '--on', '2026-11-15'],
      ['invoice', 'dispute', 'H-3', '--reason', 'never used it', '--on', '2026-07-05'],
      ['invoice', 'resolve', 'H-3', '--outcome', 'written-off', '--on', '2026-07-20'],
      inv('Gone Ltd', 'G-1', '700', '2026-07-15', '2026-08-14'), // 100 days late
      ['client', 'fire', 'Gone Ltd', '--reason', 'abusive'],
      inv('Paid Up Inc', 'P-1', '900', '2026-09-01', '2026-10-01'),
      ['invoice', 'pay', 'P-1', '--on', '2026-10-01'],
    ], opts);
    const [eurTable] = (await crmJson<Aging>(['report', 'aging'], { db, ...opts })).currencies;
    // Worst first: the most money in the oldest bucket leads.
    expect(eurTable!.clients.map((c) => [c.client.name, c.total, c.invoices, c.disputed])).toEqual([
      ['Haggle & Sons', eur(1500 + 300), ['H-1', 'H-2'], ['H-2']],
      ['Gone Ltd', eur(700), ['G-1'], []],
      ['Acme Corp', eur(600 + 500), ['A-1', 'A-2'], []],
    ]);
    expect(eurTable!.clients[0]).toMatchObject({ days90plus: eur(1500), days1to30: eur(300) });
    expect(eurTable!.clients[2]).toMatchObject({ current: eur(500), days31to60: eur(600) });
    expect(eurTable!.totals).toMatchObject({ current: eur(500), days1to30: eur(300), days31to60: eur(600), days61to90: eur(0), days90plus: eur(2200), total: eur(3600) });

    const human = await crm(['report', 'aging'], { db, ...opts });
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/Haggle & Sons .*1 disputed/);
    expect(human.stdout).toMatch(/^Total\s+500\.00\s+300\.00\s+600\.00\s+—\s+2,200\.00\s+3,600\.00$/m);
    expect(human.stdout).not.toMatch(/Paid Up|9,999/);
    expect(human.stdout).toContain('Disputed invoices are counted');
  });
});

describe('crm report aging', () => {
  async function twoCurrencies(): Promise<string> {
    const db = tempDb();
    await seed(db, [
      ['client', 'add', 'Acme Corp'],
      ['client', 'add', 'Tokyo Design'],
      inv('Acme Corp', 'E-1', '1,200.50', '2026-10-01', '2026-10-15'),
      inv('Acme Corp', 'U-1', '3,000', '2026-11-01', '2026-12-01', 'USD'),
      inv('Tokyo Design', 'J-1', '300000', '2026-07-01', '2026-07-31', 'JPY'),
    ]);
    return db;
  }

  it('gives each currency its own table and totals, never adding currencies together', async () => {
    const db = await twoCurrencies();
    const report = await crmJson<Aging>(['report', 'aging'], { db });
    expect(report.currencies.map((c) => [c.currency, c.totals.total])).toEqual([
      ['EUR', { amount: 120050, currency: 'EUR' }],
      ['JPY', { amount: 300000, currency: 'JPY' }],
      ['USD', usd(3000)],
    ]);
    const r = await crm(['report', 'aging'], { db });
    expect(r.stdout).toMatch(/^EUR \(1 client\)$/m);
    expect(r.stdout).toMatch(/^JPY \(1 client\)$/m);
    expect(r.stdout).toMatch(/^Acme Corp\s+—\s+—\s+1,200\.50\s+—\s+—\s+1,200\.50$/m); // 38 days late: the 31–60 column
    expect(r.stdout).toMatch(/^Tokyo Design .*300,000\s+300,000$/m); // no decimals in yen
    expect(r.stdout).not.toMatch(/NOTE|disputed/i); // no disputes, no column for them
  });

  it('fits the terminal, and keeps every client and the totals', async () => {
    const db = await twoCurrencies();
    for (const columns of [50, 60, 80, 120]) {
      const r = await crm(['report', 'aging'], { db, columns });
      expect(tooWide(r.stdout, columns)).toEqual([]);
      expect(r.stdout.match(/^Total/gm)).toHaveLength(3);
      expect(r.stdout).toContain('300,000');
    }
  });

  it('says so in one line when nobody owes anything, and creates no database', async () => {
    const db = tempDb();
    const none = await crm(['report', 'aging'], { db });
    expect(none).toEqual({ code: 0, stdout: 'Nobody owes you anything: no open invoices as of 2026-11-22.\n', stderr: '' });
    expect(fs.existsSync(db)).toBe(false);
    expect(await crmJson(['report', 'aging'], { db })).toEqual({ asOf: '2026-11-22', currencies: [] });
  });

  it('takes "today" in the user\'s zone: an invoice due on the 22nd is late in Auckland once it is the 23rd there', async () => {
    const db = tempDb();
    await seed(db, [['client', 'add', 'Kiwi Ltd'], inv('Kiwi Ltd', 'K-1', '100', '2026-11-01', '2026-11-22')]);
    const evening = '2026-11-22T20:00:00Z'; // 09:00 on the 23rd in Auckland, noon on the 22nd in Los Angeles
    const auckland = await crmJson<Aging>(['report', 'aging'], { db, now: evening, env: { TZ: 'Pacific/Auckland' } });
    expect(auckland.asOf).toBe('2026-11-23');
    expect(auckland.currencies[0]!.clients[0]).toMatchObject({ current: eur(0), days1to30: eur(100) });
    const la = await crmJson<Aging>(['report', 'aging'], { db, now: evening, env: { TZ: 'America/Los_Angeles' } });
    expect(la.currencies[0]!.clients[0]).toMatchObject({ current: eur(100), days1to30: eur(0) });
  });

  it('has examples in its help', async () => {
    const r = await crm(['report', 'aging', '--help']);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain('$ crm report aging');
  });
});

interface IncomeClientJson { client: { id: number; name: string }; total: { amount: number; currency: string }; share: number; byMonth: Record<string, { amount: number; currency: string }> }
interface Income { from: string; to: string; months: string[]; currencies: { currency: string; total: unknown; clients: IncomeClientJson[]; byMonth: Record<string, unknown> }[] }

/**
 * A year of a freelancer's income: Acme pays most of it in EUR (one payment recorded by mistake and
 * voided), Beta a little, Yankee in USD; Old Friend paid just before the 12 calendar months began
 * (but inside review's 365 days).
 */
async function incomeYear(): Promise<string> {
  const db = tempDb();
  await seed(db, [
    ['client', 'add', 'Acme Corp'],
    ['client', 'add', 'Beta Studio'],
    ['client', 'add', 'Old Friend'],
    ['client', 'add', 'Yankee Inc'],
    inv('Acme Corp', 'ACME-1', '10,000', '2025-11-01', '2025-12-01'),
    inv('Acme Corp', 'ACME-2', '5,000', '2026-04-01', '2026-05-01'),
    inv('Beta Studio', 'BETA-1', '2,000', '2026-06-01', '2026-07-01'),
    inv('Old Friend', 'OF-1', '1,000', '2025-10-01', '2025-11-01'),
    inv('Yankee Inc', 'Y-1', '3,000', '2026-02-01', '2026-03-01', 'USD'),
    ['invoice', 'pay', 'OF-1', '--on', '2025-11-25'],
    ['invoice', 'pay', 'ACME-1', '--amount', '4,000', '--on', '2025-12-15'],
    ['invoice', 'pay', 'ACME-1', '--amount', '3,000', '--on', '2026-02-10'],
    ['invoice', 'pay', 'ACME-1', '--amount', '3,000', '--on', '2026-11-05'],
    ['invoice', 'pay', 'Y-1', '--on', '2026-03-10'],
    ['invoice', 'pay', 'BETA-1', '--on', '2026-06-30'],
  ]);
  const mistake = await crmJson<{ payment: { ref: string } }>(['invoice', 'pay', 'ACME-2', '--amount', '1,000', '--on', '2026-04-20'], { db });
  await seed(db, [
    ['void', mistake.payment.ref, '--reason', 'typed on the wrong invoice'],
    ['invoice', 'pay', 'ACME-2', '--on', '2026-05-02'],
  ]);
  return db;
}

describe('crm report income', () => {
  it('sums payments by client and calendar month over the last 12 months, per currency, with shares', async () => {
    const db = await incomeYear();
    const r = await crmJson<Income>(['report', 'income'], { db });
    expect(r.from).toBe('2025-12-01');
    expect(r.to).toBe('2026-11-22');
    expect(r.months).toHaveLength(12);
    expect([r.months[0], r.months[11]]).toEqual(['2025-12', '2026-11']);
    expect(r.currencies.map((c) => c.currency)).toEqual(['EUR', 'USD']);
    const [euros, dollars] = r.currencies;
    expect(euros!.total).toEqual(eur(17_000)); // Old Friend's November 2025 and the voided payment left out
    expect(euros!.clients.map((c) => [c.client.name, c.total, c.share])).toEqual([
      ['Acme Corp', eur(15_000), 0.88],
      ['Beta Studio', eur(2_000), 0.12],
    ]);
    const acme = euros!.clients[0]!;
    expect(Object.keys(acme.byMonth)).toEqual(r.months); // every month, the empty ones too
    expect(acme.byMonth['2025-12']).toEqual(eur(4_000));
    expect(acme.byMonth['2026-04']).toEqual(eur(0)); // only the voided payment that month
    expect(acme.byMonth['2026-05']).toEqual(eur(5_000));
    expect(euros!.byMonth['2026-03']).toEqual(eur(0)); // a month with nothing in euros
    expect(dollars!.clients).toEqual([
      expect.objectContaining({ client: { id: 4, name: 'Yankee Inc' }, total: usd(3_000), share: 1 }),
    ]);
    expect(dollars!.clients[0]!.byMonth['2026-03']).toEqual(usd(3_000));
  });

  it('--months widens the window to whole earlier months', async () => {
    const db = await incomeYear();
    const r = await crmJson<Income>(['report', 'income', '--months', '13'], { db });
    expect(r.from).toBe('2025-11-01');
    expect(r.currencies[0]!.clients.map((c) => [c.client.name, c.share])).toEqual([
      ['Acme Corp', 0.83], ['Beta Studio', 0.11], ['Old Friend', 0.06],
    ]);
    const one = await crmJson<Income>(['report', 'income', '--months', '1'], { db });
    expect(one).toMatchObject({ from: '2026-11-01', months: ['2026-11'] });
    expect(one.currencies.map((c) => [c.currency, c.total])).toEqual([['EUR', eur(3_000)]]);
  });

  it('shows months as rows, the biggest clients as columns, and says how review\'s window differs', async () => {
    const db = await incomeYear();
    const r = await crm(['report', 'income'], { db, columns: 100 });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^EUR: 17,000\.00 from 2 clients$/m);
    expect(r.stdout).toMatch(/^Acme Corp\s+15,000\.00\s+88%$/m);
    expect(r.stdout).toMatch(/^MONTH\s+TOTAL\s+Acme Corp\s+Beta Studio$/m);
    expect(r.stdout).toMatch(/^2025-12\s+4,000\.00\s+4,000\.00\s+—$/m);
    expect(r.stdout).toMatch(/^2026-03\s+—\s+—\s+—$/m);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain("review's income share counts the 365 days to today (2025-11-23 – 2026-11-22) rather than whole calendar months");
  });

  it('fits the terminal with ten years and many clients: the smaller ones are summed as OTHERS', async () => {
    const db = await incomeYear();
    const more = ['Delta', 'Echo', 'Foxtrot', 'Golf', 'Hotel', 'India'];
    await seed(db, more.flatMap((name, k) => [
      ['client', 'add', `${name} Consulting Partnership`],
      inv(name, `${name}-1`, String(100 + k), '2026-01-01', '2026-02-01'),
      ['invoice', 'pay', `${name}-1`, '--on', '2026-01-15'],
    ]));
    for (const columns of [60, 80, 120]) {
      const r = await crm(['report', 'income', '--months', '120'], { db, columns });
      expect(r.code).toBe(0);
      expect(tooWide(r.stdout, columns)).toEqual([]);
      expect(r.stdout).toMatch(/^2017-12 /m);
      expect(r.stdout).toMatch(/OTHERS \(\d+\)/);
      expect(r.stdout).toContain('India Consulting Partnership'); // every client is in the share table
    }
  });

  it('says so in one line when nothing was received', async () => {
    const db = tempDb();
    await seed(db, [['client', 'add', 'Acme Corp'], inv('Acme Corp', 'A-1', '100', '2026-11-01', '2026-12-01')]);
    expect(await crm(['report', 'income'], { db })).toEqual({ code: 0, stdout: 'No payments received 2025-12-01 – 2026-11-22.\n', stderr: '' });
    expect((await crmJson<Income>(['report', 'income'], { db })).currencies).toEqual([]);
  });

  it.each(['0', '121', 'twelve', '1.5', '', '12m'])('refuses --months %j with exit 2, naming what is accepted', async (months) => {
    const db = tempDb();
    await seed(db, [['client', 'add', 'Acme Corp'], inv('Acme Corp', 'A-1', '100', '2026-11-01', '2026-12-01'), ['invoice', 'pay', 'A-1']]);
    const before = snapshot(db);
    const r = await crm(['report', 'income', `--months=${months}`], { db });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`--months '${months}' is not a whole number of months from 1 to 120`);
    expect(snapshot(db)).toEqual(before);
  });

  it('has examples in its help', async () => {
    const r = await crm(['report', 'income', '--help']);
    expect(r.stdout).toMatch(/Examples:\n {2}\$ crm report income/);
    expect((await crm(['report', '--help'])).stdout).toContain('Examples:');
  });
});
