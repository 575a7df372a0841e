// `crm export --format csv --type invoices|payments|clients`: the accountant's CSV, parsed back
// with the same library an import uses (csv-parse). A year of invoices recorded through the CLI:
// awkward names (commas, quotes, accents), a newline in a project, EUR and JPY, partly paid,
// disputed, written off, a voided invoice and a voided payment (both left out).
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { crm, crmJson, seed, tempDb, tempDir } from '../helpers/cli.js';
import { dump } from '../reliability/harness.js';

// NOW (helpers) is 2026-11-22T10:00:00Z.
let db: string;
const run = (...args: string[]) => crm(args, { db });
const csv = async (...args: string[]) => {
  const r = await run('export', '--format', 'csv', ...args);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr).toBe('');
  return r.stdout;
};
const rows = (text: string) => parse<Record<string, string>>(text, { bom: true, columns: true });

beforeAll(async () => {
  db = tempDb();
  await seed(db, [
    ['client', 'add', 'Smith, Jones & Co', '--email', 'ap@smithjones.test', '--company', 'Smith, Jones & Co LLP'],
    ['client', 'add', 'Bob "The Builder" Ltd', '--phone', '+44 20 7946 0000'],
    ['client', 'add', 'Café Zoë'],
    ['client', 'add', '東京 KK'],
    ['invoice', 'add', 'Smith, Jones & Co', '--amount', '1,200.50', '--currency', 'EUR', '--number', 'E-1', '--issued', '2026-01-01', '--due', '2026-01-31', '--project', 'Annual report'],
    ['invoice', 'pay', 'E-1', '--amount', '700', '--on', '2026-01-10'],
    ['invoice', 'pay', 'E-1', '--on', '2026-01-20'],
    ['invoice', 'add', 'Bob "The Builder" Ltd', '--amount', '300', '--currency', 'EUR', '--number', 'E-2', '--issued', '2026-02-01', '--project', 'Kitchen\nextension, phase "2"'],
    ['invoice', 'add', 'Café Zoë', '--amount', '800', '--currency', 'EUR', '--number', 'E-3', '--issued', '2026-03-01'],
    ['invoice', 'dispute', 'E-3', '--reason', 'says the menu was late', '--on', '2026-03-10'],
    ['invoice', 'add', 'Café Zoë', '--amount', '500', '--currency', 'EUR', '--number', 'E-4', '--issued', '2026-03-31'],
    ['invoice', 'pay', 'E-4', '--amount', '100', '--on', '2026-04-02'],
    ['invoice', 'dispute', 'E-4', '--reason', 'will not pay the rest', '--on', '2026-04-05'],
    ['invoice', 'resolve', 'E-4', '--outcome', 'written-off', '--on', '2026-04-10'],
    ['invoice', 'add', '東京 KK', '--amount', '120000', '--currency', 'JPY', '--number', 'J-1', '--issued', '2026-04-01'],
    ['invoice', 'pay', 'J-1', '--amount', '50000', '--on', '2026-05-01'],
    ['invoice', 'add', 'Café Zoë', '--amount', '999', '--currency', 'EUR', '--number', 'V-1', '--issued', '2026-02-15'],
    ['void', 'invoice:V-1', '--reason', 'sent to the wrong client'],
  ]);
  const pay = await crmJson(['invoice', 'pay', 'E-2', '--amount', '50', '--on', '2026-02-20'], { db });
  await seed(db, [['void', `payment:${pay.payment.id}`, '--reason', 'bounced']]);
});

describe('invoices', () => {
  it('RFC 4180 with a BOM and CRLF; awkward names and a newline survive the round trip; amounts in major units', async () => {
    const text = await csv('--type', 'invoices');
    expect(text.startsWith('\uFEFFnumber,client,project,issued,due,amount,currency,paid,conceded,balance,status,paid_on\r\n')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text).toContain('"Bob ""The Builder"" Ltd","Kitchen\nextension, phase ""2"""');
    const got = rows(text);
    expect(got.map((r) => r.number)).toEqual(['E-1', 'E-2', 'E-3', 'E-4', 'J-1']); // by issue date; V-1 was voided
    expect(got[0]).toEqual({
      number: 'E-1', client: 'Smith, Jones & Co', project: 'Annual report', issued: '2026-01-01', due: '2026-01-31',
      amount: '1200.50', currency: 'EUR', paid: '1200.50', conceded: '0.00', balance: '0.00', status: 'paid', paid_on: '2026-01-20',
    });
    expect(got[1]).toMatchObject({ client: 'Bob "The Builder" Ltd', project: 'Kitchen\nextension, phase "2"', paid: '0.00', balance: '300.00', status: 'open', paid_on: '', due: '2026-03-03' });
    expect(got[2]).toMatchObject({ client: 'Café Zoë', project: '', status: 'disputed', balance: '800.00' });
    expect(got[3]).toMatchObject({ amount: '500.00', paid: '100.00', conceded: '400.00', balance: '0.00', status: 'written-off', paid_on: '2026-04-02' });
    expect(got[4]).toMatchObject({ client: '東京 KK', amount: '120000', currency: 'JPY', paid: '50000', conceded: '0', balance: '70000', status: 'open' });
  });

  it('--from and --to filter by issue date, both days included', async () => {
    const got = rows(await csv('--type', 'invoices', '--from', '2026-02-01', '--to', '2026-03-31'));
    expect(got.map((r) => r.number)).toEqual(['E-2', 'E-3', 'E-4']);
    expect(rows(await csv('--type', 'invoices', '--from', '2026-04-01')).map((r) => r.number)).toEqual(['J-1']);
    expect(rows(await csv('--type', 'invoices', '--to', '2026-01-01')).map((r) => r.number)).toEqual(['E-1']);
  });

  it('an empty range is a header alone', async () => {
    expect(await csv('--type', 'invoices', '--from', '2025-01-01', '--to', '2025-12-31')).toBe(
      '\uFEFFnumber,client,project,issued,due,amount,currency,paid,conceded,balance,status,paid_on\r\n');
  });
});

describe('payments and clients', () => {
  it('payments: the live ones by date, with invoice, client and currency; --from/--to by payment date', async () => {
    const got = rows(await csv('--type', 'payments'));
    expect(got).toEqual([
      { date: '2026-01-10', invoice: 'E-1', client: 'Smith, Jones & Co', amount: '700.00', currency: 'EUR' },
      { date: '2026-01-20', invoice: 'E-1', client: 'Smith, Jones & Co', amount: '500.50', currency: 'EUR' },
      { date: '2026-04-02', invoice: 'E-4', client: 'Café Zoë', amount: '100.00', currency: 'EUR' },
      { date: '2026-05-01', invoice: 'J-1', client: '東京 KK', amount: '50000', currency: 'JPY' },
    ]);
    const q = rows(await csv('--type', 'payments', '--from', '2026-01-20', '--to', '2026-04-02'));
    expect(q.map((r) => r.date)).toEqual(['2026-01-20', '2026-04-02']);
  });

  it('clients: every client, with contact details and status', async () => {
    const got = rows(await csv('--type', 'clients'));
    expect(got[0]).toEqual({
      id: '1', name: 'Smith, Jones & Co', company: 'Smith, Jones & Co LLP', email: 'ap@smithjones.test', phone: '', status: 'active', created: '2026-11-22',
    });
    expect(got.map((r) => r.name)).toEqual(['Smith, Jones & Co', 'Bob "The Builder" Ltd', 'Café Zoë', '東京 KK']);
  });
});

describe('files and bad input', () => {
  it('-o writes the same bytes to a 0600 file, atomically, and says so', async () => {
    const out = path.join(tempDir(), 'books', 'invoices-2026.csv');
    const r = await run('export', '--format', 'csv', '--type', 'invoices', '-o', out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`Wrote 5 invoices to ${out}\n`);
    expect(fs.readFileSync(out, 'utf8')).toBe(await csv('--type', 'invoices'));
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(path.dirname(out))).toEqual(['invoices-2026.csv']);
  });

  it('--from after --to, a bad date and a missing --type exit 2 and write nothing', async () => {
    const before = dump(db);
    for (const [args, said] of [
      [['--type', 'invoices', '--from', '2026-05-01', '--to', '2026-04-30'], /--from 2026-05-01 is after --to 2026-04-30/],
      [['--type', 'payments', '--from', '2026-02-30'], /--from '2026-02-30' is not a real calendar date/],
      [['--type', 'invoices', '--to', '31/12/2026'], /--to '31\/12\/2026' is not a date/],
      [['--type', 'refunds'], /--type 'refunds' is not one of: invoices, payments, clients/],
    ] as const) {
      const r = await run('export', '--format', 'csv', ...args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(said);
    }
    expect(dump(db)).toBe(before);
  });

  it('-o is checked as for any export: never the database itself (its bytes stay), never a folder; - is standard output', async () => {
    const bytes = fs.readFileSync(db);
    for (const [out, said] of [[db, /is the database itself/], [path.dirname(db), /is a folder; give a file in it, e\.g\. -o '.*invoices\.csv'/], ['', /-o needs a file name/]] as const) {
      const r = await run('export', '--format', 'csv', '--type', 'invoices', '-o', out);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(said);
    }
    expect(fs.readFileSync(db).equals(bytes)).toBe(true);
    const dash = await run('export', '--format', 'csv', '--type', 'invoices', '-o', '-');
    expect(dash.stdout).toBe(await csv('--type', 'invoices'));
  });

  it('before any database exists: a header alone, and no database created', async () => {
    const fresh = path.join(tempDir(), 'none.db');
    const r = await crm(['export', '--format', 'csv', '--type', 'payments'], { db: fresh });
    expect(r.stdout).toBe('\uFEFFdate,invoice,client,amount,currency\r\n');
    expect(fs.existsSync(fresh)).toBe(false);
  });

  it('an export imports back with --map into a fresh database (paid invoices stay paid)', async () => {
    const file = path.join(tempDir(), 'inv.csv');
    await run('export', '--format', 'csv', '--type', 'invoices', '--to', '2026-02-28', '-o', file);
    const other = tempDb();
    const r = await crm(['import', file, '--map', 'number=number,client=client,project=project,issued=issued,due=due,amount=amount,currency=currency,paid=paid,paidOn=paid_on', '--create-clients'], { db: other });
    expect(r.stdout).toBe('Imported 2 invoices (1 paid), 1 payment, 2 new clients\n');
    const inv = await crmJson(['invoice', 'list'], { db: other });
    expect(inv.map((i: any) => [i.number, i.client.name, i.status, i.balance.amount])).toEqual([
      ['E-1', 'Smith, Jones & Co', 'paid', 0], ['E-2', 'Bob "The Builder" Ltd', 'open', 30000]]);
  });
});
