// Stories across the tools of issue #12, as one freelancer lives them: moving a year of invoices
// over from another tool, checking what crm makes of it, then carrying the database to a new
// machine three ways (export/import, the accountant's CSV, backup/restore) and finding the same
// verdicts, money and reminders on the other side.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { crm, crmJson, tempDb, tempDir } from '../helpers/cli.js';

const MAP = 'number=Invoice #,client=Customer,amount=Total,currency=Currency,issued=Date,due=Due,paid=Paid,paidOn=Paid on,project=Description';

/**
 * A year in the old tool (as of 2026-11-22): Harbour Bakery pays every invoice 5–7 weeks late,
 * Café Zoë pays on time in EUR and owes nothing, Lumen Press owes one invoice 45 days past due.
 * Semicolons, decimal commas, DD/MM/YYYY, a quoted name with a comma and a BOM: a European export.
 */
function oldToolCsv(): string {
  const rows = ['Invoice #;Customer;Description;Date;Due;Total;Currency;Paid;Paid on'];
  const late: [string, string, string][] = [
    ['01/12/2025', '31/12/2025', '05/02/2026'], ['01/02/2026', '03/03/2026', '14/04/2026'],
    ['01/04/2026', '01/05/2026', '12/06/2026'], ['01/06/2026', '01/07/2026', '15/08/2026'],
    ['01/08/2026', '31/08/2026', '09/10/2026'],
  ];
  late.forEach(([issued, due, paid], k) => rows.push(`HB-${k + 1};Harbour Bakery;Bread labels;${issued};${due};1.200,00;USD;yes;${paid}`));
  for (const [k, month] of ['03', '06', '09'].entries()) {
    rows.push(`CZ-${k + 1};Café Zoë;"Menu, winter
edition";02/${month}/2026;16/${month}/2026;850,50;EUR;850,50;10/${month}/2026`);
  }
  rows.push('LP-1;"Lumen Press, Ltd";Catalogue;08/09/2026;08/10/2026;2.400,00;USD;;');
  return '\uFEFF' + rows.join('\r\n') + '\r\n';
}

describe('moving from another invoicing tool', () => {
  const db = tempDb();
  const dir = tempDir();
  const csv = path.join(dir, 'old-tool.csv');
  const run = (args: string[], d = db) => crm(args, { db: d });

  beforeAll(async () => {
    fs.writeFileSync(csv, oldToolCsv());
    const r = await run(['import', csv, '--map', MAP, '--date-format', 'DD/MM/YYYY', '--decimal', ',', '--create-clients']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('9 invoices');
  });

  it('judges the history it brought in: the chronic late payer is not kept, the good payer is', async () => {
    const all = await crmJson<{ clients: { client: { name: string }; verdict: string; rules: string[] }[] }>(['review', '--all'], { db });
    const of = (name: string) => all.clients.find((c) => c.client.name === name);
    expect(of('Harbour Bakery')?.verdict).not.toBe('keep');
    expect(of('Harbour Bakery')?.rules).toContain('late-payment');
    expect(of('Café Zoë')?.verdict).toBe('keep');
  });

  it('shows the money owed the same way in aging, due and the invoice list', async () => {
    const aging = await crmJson<{ currencies: { currency: string; clients: { client: { name: string }; days31to60: { amount: number } }[] }[] }>(['report', 'aging'], { db });
    const usd = aging.currencies.find((c) => c.currency === 'USD');
    expect(usd?.clients.map((c) => [c.client.name, c.days31to60.amount])).toEqual([['Lumen Press, Ltd', 240000]]);
    const due = await crmJson<{ invoices: { number?: string; ref: string }[] }>(['due'], { db });
    expect(due.invoices.map((i) => i.ref)).toEqual(['invoice:LP-1']);
    const list = await run(['invoice', 'list', '--open']);
    expect(list.stdout).toMatch(/USD\s+1\s+2,400\.00\s+2,400\.00/);
  });

  it('takes the names as typed — no accents — and a time as said', async () => {
    const r = await run(['log', 'cafe zoe', '--channel', 'phone', '--at', 'yesterday 15:00', '--summary', 'Spring menu brief']);
    expect(r.code).toBe(0);
    const hist = await crmJson<{ events: { type: string; at?: string; summary?: string }[] }>(['history', 'café'], { db });
    expect(JSON.stringify(hist)).toContain('Spring menu brief');
  });

  it("bills a client in their own currency without being told", async () => {
    const r = await run(['invoice', 'add', 'cafe zoe', '--amount', '900', '--json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { amount: { currency: string } }).amount.currency).toBe('EUR');
    expect(r.stderr).toMatch(/EUR/);
  });

  it('a second import of the same file adds nothing', async () => {
    const before = await run(['export']);
    const r = await run(['import', csv, '--map', MAP, '--date-format', 'DD/MM/YYYY', '--decimal', ',', '--create-clients']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Nothing new/);
    expect((await run(['export'])).stdout).toBe(before.stdout);
  });

  it('moves to a new machine by export and import: same bytes, same verdicts, same due list', async () => {
    const dump = path.join(dir, 'move.jsonl');
    expect((await run(['export', '-o', dump])).code).toBe(0);
    const laptop = tempDb();
    expect((await run(['import', dump], laptop)).code).toBe(0);
    for (const args of [['export'], ['review', '--all', '--json'], ['due', '--json'], ['report', 'aging', '--json'], ['report', 'income', '--json']]) {
      expect((await run(args, laptop)).stdout, args.join(' ')).toBe((await run(args)).stdout);
    }
  });

  it("moves by the accountant's CSV: the invoices and what is owed come back", async () => {
    const out = path.join(dir, 'invoices.csv');
    expect((await run(['export', '--format', 'csv', '--type', 'invoices', '-o', out])).code).toBe(0);
    const other = tempDb();
    const back = await run(['import', out, '--create-clients', '--map',
      'number=number,client=client,project=project,issued=issued,due=due,amount=amount,currency=currency,paid=paid,paidOn=paid_on'], other);
    expect(back.stderr).toBe('');
    expect(back.code).toBe(0);
    expect((await run(['report', 'aging', '--json'], other)).stdout).toBe((await run(['report', 'aging', '--json'])).stdout);
    expect((await run(['export', '--format', 'csv', '--type', 'invoices'], other)).stdout)
      .toBe((await run(['export', '--format', 'csv', '--type', 'invoices'])).stdout);
  });

  it('moves by backup and restore, keeping what the restore replaced', async () => {
    const copy = path.join(dir, 'crm-backup.db');
    expect((await run(['db', 'backup', copy])).code).toBe(0);
    const other = tempDb();
    await run(['client', 'add', 'Someone Else'], other);
    const r = await run(['db', 'restore', copy], other);
    expect(r.code).toBe(0);
    expect(fs.existsSync(`${other}.before-restore`)).toBe(true);
    expect((await run(['export'], other)).stdout).toBe((await run(['export'])).stdout);
    expect((await run(['client', 'list'], `${other}.before-restore`)).stdout).toContain('Someone Else');
  });
});
