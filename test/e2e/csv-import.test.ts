// `crm import FILE.csv --map …`: invoices and payments from another invoicing tool, in-process
// against temp databases. Stories: the shipped example files with the README's commands, a
// European export with a BOM, `;`, decimal commas, quoted commas and a newline inside a field and
// one bad row (nothing without --allow-partial, the good rows with it, the bad row's line right),
// importing twice, a later export bringing a payment, unknown clients, DD/MM against MM/DD.
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { refusedUnchanged } from '../helpers/checks.js';
import { ROOT, crm, crmJson, seed, tempDb, tempDir } from '../helpers/cli.js';
import { dump } from '../reliability/harness.js';

// NOW (helpers) is 2026-11-22T10:00:00Z; config: USD, 30 days' terms.
let db: string;
let dir: string;
beforeEach(() => {
  db = tempDb();
  dir = tempDir();
});

const file = (name: string, text: string, bom = false): string => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, (bom ? '\uFEFF' : '') + text);
  return p;
};
const run = (...args: string[]) => crm(args, { db });
const invoices = async () => crmJson(['invoice', 'list'], { db });
const byNumber = async () => Object.fromEntries((await invoices()).map((i: any) => [i.number, i]));

const refused = (args: string[], ...said: (string | RegExp)[]) => refusedUnchanged(db, args, ...said);

const EU_MAP = 'number=Invoice No,client=Client,project=Project,issued=Invoice Date,due=Due Date,currency=Currency,amount=Total,paid=Paid,paidOn=Payment Date';
const EU = (f: string, ...more: string[]) => ['import', f, '--map', EU_MAP, '--date-format', 'DD.MM.YYYY', '--decimal', ',', ...more];

describe('the shipped example files, with the commands the README gives', () => {
  it('a European export (BOM, ;, decimal comma, DD.MM.YYYY) imports as written', async () => {
    const r = await run(...EU(path.join(ROOT, 'docs/examples/invoices-eu.csv'), '--create-clients'));
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('Imported 5 invoices (2 paid, 1 partly paid), 3 payments, 3 new clients\n');
    const inv = await byNumber();
    expect(inv['2026-002']).toMatchObject({
      client: { name: 'Smith, Jones & Co' }, project: 'Annual report\nprint and web',
      amount: { amount: 320000, currency: 'EUR' }, balance: { amount: 160000, currency: 'EUR' },
      issuedOn: '2026-02-15', dueOn: '2026-03-17', status: 'open',
    });
    expect(inv['2026-003'].amount).toEqual({ amount: 1250000, currency: 'NOK' }); // "12 500,00"
    expect(inv['2026-004'].amount).toEqual({ amount: 98050, currency: 'EUR' }); // "980,50 €"
    expect(inv['2026-001'].status).toBe('paid');
  });

  it('a US export (commas, $ amounts, MM/DD/YYYY) imports as written', async () => {
    const map = 'number=Invoice #,client=Client Name,project=Description,issued=Date Issued,due=Due Date,currency=Currency,amount=Amount,paid=Amount Paid,paidOn=Date Paid';
    const out = await crmJson(['import', path.join(ROOT, 'docs/examples/invoices-us.csv'), '--map', map, '--date-format', 'MM/DD/YYYY', '--create-clients'], { db });
    expect(out).toEqual({
      file: path.join(ROOT, 'docs/examples/invoices-us.csv'), dryRun: false,
      invoices: { added: 4, existing: 0, paid: 2, partlyPaid: 1 }, payments: { added: 3 },
      clients: { added: 3, names: ['Brightline Studios', 'Harper, Lee & Partners', 'Okafor Bakery'] }, rejected: [],
    });
    const inv = await byNumber();
    expect(inv['INV-1042']).toMatchObject({ issuedOn: '2026-02-03', dueOn: '2026-03-05', balance: { amount: 65000, currency: 'USD' } });
  });
});

// A European tool's export, as Excel saves it: BOM, CRLF, `;`, decimal comma, a quoted name with a
// comma, a newline inside the project of line 3–4, and a bad amount on line 7.
const EUROPEAN = [
  'Nr;Kunde;Projekt;Datum;Betrag;Bezahlt;Bezahlt am',
  'R-101;"Smith, Jones & Co";Logo;03.02.2026;1.200,50;1.200,50;01.03.2026',
  'R-102;Café Zoë;"Menu\r\nprint";10.02.2026;450,00;;',
  'R-103;"Smith, Jones & Co";"Web ""relaunch""";01.03.2026;2.000,00;500,00;15.03.2026',
  'R-104;Café Zoë;Flyers;05.03.2026;80,00;nein;',
  'R-105;Café Zoë;Poster;06.03.2026;abc;;',
  'R-106;"Smith, Jones & Co";Icons;07.03.2026;99,90;ja;20.03.2026',
].join('\r\n') + '\r\n';
const DE_MAP = 'number=Nr,client=Kunde,project=Projekt,issued=Datum,amount=Betrag,paid=Bezahlt,paidOn=Bezahlt am';
const DE = (f: string, ...more: string[]) => ['import', f, '--map', DE_MAP, '--date-format', 'DD.MM.YYYY', '--decimal', ',', ...more];

describe('one bad row in a European export', () => {
  beforeEach(() => seed(db, [['client', 'add', 'Smith, Jones & Co'], ['client', 'add', 'Café Zoë'], ['invoice', 'add', 'Café Zoë', '--amount', '10', '--currency', 'EUR', '--issued', '2026-01-02']]));

  it('without --allow-partial: nothing is written, the bad row is reported with its line in the file', async () => {
    const f = file('export.csv', EUROPEAN, true);
    const err = await refused(DE(f), /^line 7: amount 'abc' is not a number\n/, /1 bad row \(line 7\); nothing was imported\. Fix it, or add --allow-partial to import the other 5 rows/);
    expect(err.trim().split('\n')).toHaveLength(2);
  });

  it('a dry run says the same and writes nothing', async () => {
    await refused(DE(file('export.csv', EUROPEAN, true), '--dry-run'), /line 7: amount 'abc'/, /nothing would be imported/);
  });

  it('with --allow-partial: the good rows are written, the bad one reported, exit 0', async () => {
    const r = await run(...DE(file('export.csv', EUROPEAN, true), '--allow-partial'));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("line 7: amount 'abc' is not a number\n");
    expect(r.stdout).toBe('Imported 5 invoices (2 paid, 1 partly paid), 3 payments, 0 new clients; 1 row skipped (line 7)\n');
    const inv = await byNumber();
    expect(Object.keys(inv).sort()).toEqual(['INV-0001', 'R-101', 'R-102', 'R-103', 'R-104', 'R-106']);
    // No currency column: each client's own (Café Zoë invoices in EUR), else the default (USD).
    expect(inv['R-101']).toMatchObject({ amount: { amount: 120050, currency: 'USD' }, status: 'paid', dueOn: '2026-03-05' });
    expect(inv['R-102']).toMatchObject({ amount: { amount: 45000, currency: 'EUR' }, project: 'Menu\r\nprint', status: 'open' });
    expect(inv['R-103']).toMatchObject({ project: 'Web "relaunch"', balance: { amount: 150000, currency: 'USD' } });
    expect(inv['R-106'].status).toBe('paid');
  });

  it('with --json and --allow-partial: the rejected rows are in the document', async () => {
    const out = await crmJson(DE(file('export.csv', EUROPEAN), '--allow-partial'), { db });
    expect(out.rejected).toEqual([{ line: 7, reason: "amount 'abc' is not a number" }]);
    expect(out.invoices).toMatchObject({ added: 5, existing: 0 });
  });
});

describe('importing again', () => {
  const v1 = [
    'Invoice,Customer,Date,Due,Total,Currency,Paid,Paid on',
    'A-1,Acme Corp,2026-09-01,2026-10-01,1000.00,EUR,0,',
    'A-2,Acme Corp,2026-09-15,2026-10-15,500.00,EUR,500.00,2026-10-10',
  ].join('\n') + '\n';
  const MAP = 'number=Invoice,client=Customer,issued=Date,due=Due,amount=Total,currency=Currency,paid=Paid,paidOn=Paid on';

  it('the same file twice adds nothing the second time', async () => {
    const f = file('v1.csv', v1);
    expect((await run('import', f, '--map', MAP, '--create-clients')).stdout).toMatch(/^Imported 2 invoices/);
    const before = dump(db);
    const r = await run('import', f, '--map', MAP, '--create-clients');
    expect(r.stdout).toBe('Nothing new: 2 invoices already there\n');
    expect(dump(db)).toBe(before);
  });

  it('a later export of the same tool adds the payment made since, once', async () => {
    await run('import', file('v1.csv', v1), '--map', MAP, '--create-clients');
    const v2 = v1.replace('1000.00,EUR,0,', '1000.00,EUR,"1,000.00",2026-11-02') + 'A-3,Acme Corp,2026-11-01,2026-12-01,300.00,EUR,no,\n';
    const f = file('v2.csv', v2);
    const r = await run('import', f, '--map', MAP);
    expect(r.stdout).toBe('Imported 1 invoice, 1 payment, 0 new clients; 2 invoices already there (payments added to 1 invoice)\n');
    expect((await byNumber())['A-1']).toMatchObject({ status: 'paid', balance: { amount: 0, currency: 'EUR' } });
    expect((await run('import', f, '--map', MAP)).stdout).toBe('Nothing new: 3 invoices already there\n');
  });

  it('the same number with other content is a bad row naming what differs', async () => {
    await run('import', file('v1.csv', v1), '--map', MAP, '--create-clients');
    const changed = v1.replace('2026-09-01,2026-10-01,1000.00', '2026-09-02,2026-10-01,1100.00');
    await refused(['import', file('c.csv', changed), '--map', MAP],
      /line 2: invoice 'A-1' is already in crm with a different amount \(1,000\.00 EUR in crm\), issue date \(2026-09-01 in crm\)/);
  });

  it('two rows with one number in a file: the second is a bad row', async () => {
    await refused(['import', file('d.csv', v1 + 'a-1,Acme Corp,2026-09-01,,1.00,EUR,,\n'), '--map', MAP, '--create-clients'],
      /^line 4: number 'a-1' is on line 2 already/);
  });
});

describe('clients', () => {
  const rows = 'Invoice,Customer,Date,Total\nB-1,acme corp,2026-10-01,100\nB-2,Zeta Ltd,2026-10-02,200\n';
  const MAP = 'number=Invoice,client=Customer,issued=Date,amount=Total';
  beforeEach(() => seed(db, [['client', 'add', 'Acme Corp']]));

  it('an unknown client is a bad row; with --create-clients it is added with the defaults', async () => {
    const f = file('c.csv', rows);
    await refused(['import', f, '--map', MAP], /line 3: client 'Zeta Ltd' is not in crm; add it first, or use --create-clients/);
    const r = await run('import', f, '--map', MAP, '--create-clients');
    expect(r.stdout).toBe('Imported 2 invoices, 0 payments, 1 new client\n');
    const clients = await crmJson(['client', 'list'], { db });
    expect(clients.map((c: any) => [c.name, c.cadenceDays])).toEqual([['Acme Corp', 14], ['Zeta Ltd', 14]]);
    // Matched by exact name, case-insensitively; due = issued + 30 days' terms.
    expect((await byNumber())['B-1']).toMatchObject({ client: { name: 'Acme Corp' }, dueOn: '2026-10-31', amount: { amount: 10000, currency: 'USD' } });
  });

  it('a name that is only a prefix of a client is not that client', async () => {
    await refused(['import', file('p.csv', 'Invoice,Customer,Date,Total\nB-3,Acme,2026-10-01,100\n'), '--map', MAP], /line 2: client 'Acme' is not in crm/);
  });
});

describe('dates and amounts', () => {
  const MAP = 'number=N,client=C,issued=D,amount=A';
  beforeEach(() => seed(db, [['client', 'add', 'Acme Corp']]));

  it('DD/MM/YYYY and MM/DD/YYYY read 03/04/2026 differently; 31/02 is no date', async () => {
    const f = file('d.csv', 'N,C,D,A\nD-1,Acme Corp,03/04/2026,10\n');
    await run('import', f, '--map', MAP, '--date-format', 'DD/MM/YYYY');
    expect((await byNumber())['D-1'].issuedOn).toBe('2026-04-03');
    const g = file('e.csv', 'N,C,D,A\nD-2,Acme Corp,03/04/2026,10\nD-3,Acme Corp,31/02/2026,10\nD-4,Acme Corp,3/4/26,10\n');
    await refused(['import', g, '--map', MAP, '--date-format', 'MM/DD/YYYY'],
      /line 3: issued '31\/02\/2026' is not a real calendar date \(read as MM\/DD\/YYYY\)/, /line 4: issued '3\/4\/26' is not a date in the form MM\/DD\/YYYY/);
    await refused(['import', g, '--map', MAP, '--date-format', 'DD/MM/YYYY'], /line 3: issued '31\/02\/2026' is not a real calendar date/);
    const r = await run('import', g, '--map', MAP, '--date-format', 'M/D/YY', '--allow-partial');
    expect(r.code).toBe(0);
    expect((await byNumber())['D-4'].issuedOn).toBe('2026-03-04');
  });

  it('the default is ISO; an ISO date-time gives its date', async () => {
    await run('import', file('i.csv', 'N,C,D,A\nI-1,Acme Corp,2026-05-06T23:30:00+02:00,10\n'), '--map', MAP);
    expect((await byNumber())['I-1'].issuedOn).toBe('2026-05-06');
  });

  it('each bad value is a bad row with its reason', async () => {
    const f = file('bad.csv', [
      'N,C,D,A,Cur,Due,Paid,On',
      'X-1,Acme Corp,2026-05-01,-120.00,EUR,,,',
      'X-2,Acme Corp,2026-05-01,0.00,EUR,,,',
      'X-3,Acme Corp,2026-05-01,1200.5,JPY,,,',
      'X-4,Acme Corp,2026-05-01,100,EUR,2026-04-01,,',
      'X-5,Acme Corp,2026-05-01,100,EUR,,100,',
      'X-6,Acme Corp,2026-05-01,100,EUR,,150,2026-05-02',
      'X-7,Acme Corp,2026-12-01,100,EUR,,,',
      'X-8,Acme Corp,2026-05-01,100,EUR,,yes,2026-11-23',
      'X-9,Acme Corp,2026-05-01,100,XYZ,,,',
      'X-10,Acme Corp,2026-05-01,"EUR 100",USD,,,',
      'X-11,Acme Corp,2026-05-01,100,EUR,,yes,2026-04-30',
      ',Acme Corp,2026-05-01,100,EUR,,,',
      'X-13,Acme Corp,2026-05-01,"1.234,50",EUR,,,',
    ].join('\n') + '\n');
    const err = await refused(['import', f, '--map', 'number=N,client=C,issued=D,amount=A,currency=Cur,due=Due,paid=Paid,paidOn=On']);
    const lines = err.trim().split('\n');
    expect(lines.slice(0, -1)).toEqual([
      "line 2: amount '-120.00' is negative (a credit note?); only invoices with a positive amount are imported",
      "line 3: amount '0.00' is zero; only invoices with a positive amount are imported",
      "line 4: amount '1200.5' has more decimals than JPY allows (0)",
      'line 5: due 2026-04-01 is before issued 2026-05-01',
      'line 6: paid 100.00 EUR but no payment date: map paidOn=<column> (or put the date in the paid column)',
      'line 7: paid 150.00 EUR is more than the invoice (100.00 EUR)',
      'line 8: issued 2026-12-01 is after today (2026-11-22); an invoice already sent cannot be dated later',
      'line 9: payment date 2026-11-23 is after today (2026-11-22); a payment cannot be dated later',
      "line 10: currency 'XYZ' is not an ISO 4217 currency code (e.g. USD, EUR, GBP, JPY)",
      "line 11: amount 'EUR 100' is in EUR, but the row's currency is USD",
      'line 12: payment date 2026-04-30 is before issued 2026-05-01',
      'line 13: number is empty',
      "line 14: amount '1.234,50' is not a number (a decimal comma? add --decimal ,)",
    ]);
    expect(lines.at(-1)).toBe('crm: 13 bad rows (lines 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, …); nothing was imported. Fix them');
  });
});

describe('the file and the flags', () => {
  const MAP = 'number=N,client=C,issued=D,amount=A';
  beforeEach(() => seed(db, [['client', 'add', 'Acme Corp']]));

  it('--map mistakes and a bad --date-format exit 2 naming them, before anything is read or written', async () => {
    const f = file('m.csv', 'N,C,D,A\nM-1,Acme Corp,2026-05-01,10\n');
    await refused(['import', f, '--map', 'number=N,client=C,issued=D,amount=A,total=A'], /--map: 'total' is not a field; fields are number, client, amount, issued, currency, due, paid, paidOn, project/);
    await refused(['import', f, '--map', 'number=N,client=C,issued=D,amount=Total'], /--map amount=Total: the file has no column 'Total'; its columns are 'N', 'C', 'D', 'A'/);
    await refused(['import', f, '--map', 'number=N,client=C,issued=D'], /--map is missing amount; number, client, amount, issued are required/);
    await refused(['import', f, '--map', MAP, '--date-format', 'DD/QQ/YYYY'], /--date-format 'DD\/QQ\/YYYY' has 'Q', which is not a date part/);
    await refused(['import', f, '--map', MAP, '--date-format', 'DD/MM'], /needs a year, a month and a day once each/);
    await refused(['import', f, '--map', MAP, '--decimal', ';'], /--decimal ';' is not a decimal separator; expected \. or ,/);
    await refused(['import', path.join(dir, 'missing.csv'), '--map', MAP], /missing\.csv' does not exist/);
  });

  it('columns match the header case-insensitively after trimming; tabs are detected; - reads stdin', async () => {
    const tsv = ' Invoice No \tCUSTOMER\tDate\tTotal\nT-1\tAcme Corp\t2026-05-01\t1 234.50\n';
    const r = await crm(['import', '-', '--map', 'number=invoice no,client=customer,issued=date,amount=total'], { db, stdin: tsv });
    expect(r.stdout).toBe('Imported 1 invoice, 0 payments, 0 new clients\n');
    expect((await byNumber())['T-1'].amount).toEqual({ amount: 123450, currency: 'USD' });
  });

  it('--delimiter overrides the detection', async () => {
    const f = file('pipe.csv', 'N|C|D|A\nP-1|Acme Corp|2026-05-01|10,00\n');
    const r = await run('import', f, '--map', MAP, '--delimiter', '|', '--decimal', ',');
    expect(r.code, r.stderr).toBe(0);
    expect((await byNumber())['P-1'].amount.amount).toBe(1000);
  });

  it('--dry-run checks everything and writes nothing, not even a new database', async () => {
    const fresh = path.join(tempDir(), 'new.db');
    const f = file('n.csv', 'N,C,D,A\nN-1,New Client,2026-05-01,10\n');
    const r = await crm(['import', f, '--map', MAP, '--create-clients', '--dry-run'], { db: fresh });
    expect(r.stdout).toBe('Would import 1 invoice, 0 payments, 1 new client (dry run: nothing written)\n');
    expect(fs.existsSync(fresh)).toBe(false);
  });

  it('an unclosed quote is a file that cannot be read, with its line', async () => {
    await refused(['import', file('q.csv', 'N,C,D,A\nQ-1,"Acme Corp,2026-05-01,10\n'), '--map', MAP], /not readable as CSV/);
  });

  it('one import is one undo step', async () => {
    await run('import', file('u.csv', 'N,C,D,A,P,On\nU-1,Acme Corp,2026-05-01,10,10,2026-05-02\nU-2,Zed,2026-05-01,10,,\n'),
      '--map', `${MAP},paid=P,paidOn=On`, '--create-clients');
    expect(await invoices()).toHaveLength(2);
    expect((await run('undo')).code).toBe(0);
    expect(await invoices()).toHaveLength(0);
    expect((await crmJson(['client', 'list'], { db })).map((c: any) => c.name)).toEqual(['Acme Corp']);
  });
});
