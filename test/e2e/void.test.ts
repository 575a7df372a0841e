// `crm void` and `crm unvoid` through the built binary, on stories recorded through the CLI: a void
// takes a record out of everything derived from it (review, due, balances, client show, recap),
// unvoid puts it back, and what would leave the ledger wrong is refused with the way out named.
import { beforeEach, describe, expect, it } from 'vitest';
import { seed, spawnCrm, tempDb } from '../helpers/cli.js';
import { dump } from '../reliability/harness.js';

// NOW (helpers) is 2026-11-22T10:00:00Z, TZ=UTC.
let db: string;
beforeEach(() => {
  db = tempDb();
});

// Wide enough that the confirmations below stay on one line (they wrap to the terminal's width).
const run = (...args: string[]) => spawnCrm(args, { db, env: { COLUMNS: '160' } });
function ok(...args: string[]) {
  const r = run(...args);
  expect(r.stderr, `crm ${args.join(' ')}`).toBe('');
  expect(r.code, `crm ${args.join(' ')}`).toBe(0);
  return r.stdout;
}
const json = <T = any>(...args: string[]): T => JSON.parse(ok(...args, '--json')) as T;
function refused(args: string[], ...said: (string | RegExp)[]) {
  const before = dump(db);
  const r = run(...args);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  for (const s of said) expect(r.stderr).toMatch(s);
  expect(dump(db)).toBe(before);
  return r.stderr;
}

/** Two years of invoices paid on time and regular calls: a client worth keeping. */
const goodHistory = (name: string): string[][] => [
  ['client', 'add', name, '--cadence', '4w'],
  ...Array.from({ length: 8 }, (_, k) => {
    const month = String(k + 1).padStart(2, '0');
    return [
      ['invoice', 'add', name, '--amount', '2000', '--currency', 'EUR', '--number', `G-${month}`, '--issued', `2026-${month}-01`, '--due', `2026-${month}-15`],
      ['invoice', 'pay', `G-${month}`, '--on', `2026-${month}-14`],
      ['log', name, '--at', `2026-${month}-10 10:00`, '--summary', 'monthly check-in', '--mood', 'positive', '--no-recap'],
    ];
  }).flat(),
];

describe('a mistaken incident', () => {
  it('a physical-abuse incident recorded against the wrong client fires them; voiding it brings the verdict back, unvoid fires again', async () => {
    await seed(db, [...goodHistory('Acme Corp'), ['log', 'Acme Corp', '--at', '2026-11-15 10:00', '--summary', 'all good', '--no-recap']]);
    const clean = json('review', 'Acme Corp');
    expect(clean.verdict).not.toBe('fire');

    const added = json('incident', 'add', 'Acme Corp', '--kind', 'physical-abuse', '--on', '2026-10-02', '--note', 'pushed me (this was Beta Ltd)');
    const fired = json('review', 'Acme Corp');
    expect(fired.verdict).toBe('fire');
    expect(fired.findings.map((f: { rule: string }) => f.rule)).toContain('physical-abuse');

    const out = ok('void', `incident:${added.id}`, '--reason', 'recorded by mistake: it was Beta Ltd');
    expect(out).toBe(`Voided incident:${added.id} (physical abuse, 2026-10-02, Acme Corp): recorded by mistake: it was Beta Ltd\n`);
    const back = json('review', 'Acme Corp');
    expect(back.verdict).toBe(clean.verdict);
    expect(back.score).toBe(clean.score);
    // Judged as of a day before the void was made, the voided incident does not count either:
    // a void corrects the record, it never should have counted.
    const asOf = json('review', 'Acme Corp', '--as-of', '2026-10-20');
    expect(asOf.verdict).not.toBe('fire');
    expect(JSON.stringify(asOf.findings)).not.toContain('physical-abuse');
    expect(json('client', 'show', 'Acme Corp').stats.incidents).toBe(0);

    expect(ok('unvoid', `incident:${added.id}`)).toMatch(new RegExp(`^Unvoided incident:${added.id} \\(physical abuse, 2026-10-02, Acme Corp\\); it counts again\n$`));
    expect(json('review', 'Acme Corp').verdict).toBe('fire');
    expect(json('review', 'Acme Corp', '--as-of', '2026-10-20').verdict).toBe('fire');
    expect(json('client', 'show', 'Acme Corp').stats.incidents).toBe(1);
  });

  it('voiding twice or unvoiding what is not void is refused, naming the way back', async () => {
    await seed(db, [['client', 'add', 'Acme Corp'], ['incident', 'add', 'Acme Corp', '--kind', 'verbal-abuse', '--on', '2026-10-02']]);
    refused(['unvoid', 'incident:1'], 'incident:1 is not void', 'crm void incident:1 --reason');
    const j = json('void', 'incident:1', '--reason', 'wrong client');
    expect(j).toEqual({
      ref: 'incident:1', type: 'incident', voided: true, voidedOn: '2026-11-22', voidReason: 'wrong client',
      client: { id: 1, name: 'Acme Corp' }, also: [], recordedWith: [],
    });
    refused(['void', 'incident:1', '--reason', 'again'], "incident:1 was voided on 2026-11-22: 'wrong client'", 'crm unvoid incident:1 takes that back');
    expect(json('unvoid', 'incident:1')).toMatchObject({ ref: 'incident:1', voided: false, voidedOn: null, voidReason: null });
    refused(['unvoid', 'incident:1'], 'is not void');
  });
});

describe('money', () => {
  const invoice = ['invoice', 'add', 'Acme Corp', '--amount', '1000', '--currency', 'EUR', '--number', 'INV-7', '--issued', '2026-09-01', '--due', '2026-10-01'];

  it('voiding a payment typed twice brings the balance back, and the invoice is overdue in crm due again', async () => {
    await seed(db, [['client', 'add', 'Acme Corp'], invoice, ['invoice', 'pay', 'INV-7', '--amount', '400', '--on', '2026-09-20'], ['invoice', 'pay', 'INV-7', '--on', '2026-09-21']]);
    expect(json('invoice', 'list')[0]).toMatchObject({ status: 'paid', balance: { amount: 0, currency: 'EUR' } });
    expect(json('due').invoices).toEqual([]);

    expect(ok('void', 'payment:2', '--reason', 'typed twice')).toBe('Voided payment:2 (600.00 EUR on INV-7, 2026-09-21, Acme Corp): typed twice\n');
    expect(json('invoice', 'list')[0]).toMatchObject({ status: 'open', balance: { amount: 60000, currency: 'EUR' }, paid: { amount: 40000, currency: 'EUR' } });
    expect(json('due').invoices).toMatchObject([{ ref: 'invoice:INV-7', balance: { amount: 60000, currency: 'EUR' }, daysOverdue: 52 }]);
    expect(json('client', 'show', 'Acme Corp').stats.openBalance).toEqual([{ amount: 60000, currency: 'EUR' }]);

    ok('unvoid', 'payment:2');
    expect(json('invoice', 'list')[0]).toMatchObject({ status: 'paid' });
    expect(json('due').invoices).toEqual([]);
  });

  it('an invoice with payments cannot be voided: the payments are named as the way out', async () => {
    await seed(db, [['client', 'add', 'Acme Corp'], invoice, ['invoice', 'pay', 'INV-7', '--amount', '400', '--on', '2026-09-20'], ['invoice', 'pay', 'INV-7', '--amount', '100', '--on', '2026-09-21']]);
    refused(['void', 'invoice:INV-7', '--reason', 'never sent'], 'payment:1, payment:2', 'void its payments first: crm void payment:1', 'crm edit invoice:INV-7');
    ok('void', 'payment:1', '--reason', 'wrong invoice');
    ok('void', 'payment:2', '--reason', 'wrong invoice');
    ok('void', 'invoice:INV-7', '--reason', 'never sent');
    expect(json('invoice', 'list')).toEqual([]);
    expect(json('client', 'show', 'Acme Corp').stats).toMatchObject({ invoices: 0, openBalance: [] });
    // Its payments cannot come back on a void invoice; the invoice itself can (its number is still its own).
    refused(['unvoid', 'payment:1'], 'its invoice INV-7 is void; crm unvoid invoice:INV-7 first');
    expect(ok('unvoid', 'invoice:INV-7')).toMatch(/^Unvoided invoice:INV-7 \(1,000.00 EUR, 2026-09-01, Acme Corp\)/);
    expect(json('invoice', 'list')[0]).toMatchObject({ number: 'INV-7', balance: { amount: 100000, currency: 'EUR' } });
  });

  it('a payment on a disputed invoice cannot be voided until the dispute is resolved or voided', async () => {
    await seed(db, [['client', 'add', 'Acme Corp'], invoice, ['invoice', 'pay', 'INV-7', '--amount', '400', '--on', '2026-09-20'],
      ['invoice', 'dispute', 'INV-7', '--reason', 'too expensive', '--on', '2026-10-05']]);
    refused(['void', 'payment:1', '--reason', 'bounced'], 'INV-7 has an open dispute (dispute:1)', 'crm invoice resolve INV-7', 'or void dispute:1');
    ok('invoice', 'resolve', 'INV-7', '--outcome', 'upheld');
    ok('void', 'payment:1', '--reason', 'bounced');
    expect(json('invoice', 'list')[0]).toMatchObject({ balance: { amount: 100000, currency: 'EUR' } });
  });

  it('a payment on a written-off invoice cannot be voided: the write-off would owe money', async () => {
    await seed(db, [['client', 'add', 'Acme Corp'], invoice, ['invoice', 'pay', 'INV-7', '--amount', '400', '--on', '2026-09-20'],
      ['invoice', 'dispute', 'INV-7', '--reason', 'refuses to pay the rest', '--on', '2026-10-05'], ['invoice', 'resolve', 'INV-7', '--outcome', 'written-off']]);
    refused(['void', 'payment:1', '--reason', 'bounced'], 'INV-7 was written off (dispute:1)', 'void dispute:1 first');
    ok('void', 'dispute:1', '--reason', 'wrote off the wrong invoice');
    expect(json('invoice', 'list')[0]).toMatchObject({ status: 'open', balance: { amount: 60000, currency: 'EUR' } });
    ok('void', 'payment:1', '--reason', 'bounced');
    expect(json('invoice', 'list')[0]).toMatchObject({ status: 'open', balance: { amount: 100000, currency: 'EUR' } });
    // The write-off can come back only while it gives up no more than is owed: not once the rest is paid.
    ok('unvoid', 'payment:1');
    ok('invoice', 'pay', 'INV-7', '--on', '2026-11-20');
    refused(['unvoid', 'dispute:1'], 'dispute:1 gave up 600.00 EUR, more than what INV-7 still owes (0.00 EUR)');
  });

  it('voiding a resolved dispute that conceded money restores the balance (and unvoid concedes it again)', async () => {
    await seed(db, [['client', 'add', 'Acme Corp'], invoice, ['invoice', 'dispute', 'INV-7', '--reason', 'logo took too long', '--on', '2026-10-05'],
      ['invoice', 'resolve', 'INV-7', '--outcome', 'discounted', '--conceded', '150', '--on', '2026-10-06']]);
    expect(json('invoice', 'list')[0]).toMatchObject({ balance: { amount: 85000, currency: 'EUR' }, conceded: { amount: 15000, currency: 'EUR' } });
    expect(ok('void', 'dispute:1', '--reason', 'it was the other invoice')).toBe('Voided dispute:1 (on INV-7: logo took too long, 2026-10-05, Acme Corp): it was the other invoice\n');
    expect(json('invoice', 'list')[0]).toMatchObject({ balance: { amount: 100000, currency: 'EUR' }, conceded: { amount: 0, currency: 'EUR' } });
    expect(json('due').invoices[0]).toMatchObject({ balance: { amount: 100000, currency: 'EUR' } });
    ok('unvoid', 'dispute:1');
    expect(json('invoice', 'list')[0]).toMatchObject({ balance: { amount: 85000, currency: 'EUR' } });
  });

  it('a payment comes back only while the invoice still owes it', async () => {
    await seed(db, [['client', 'add', 'Acme Corp'], invoice, ['invoice', 'pay', 'INV-7', '--on', '2026-09-20']]);
    ok('void', 'payment:1', '--reason', 'the bank reversed it');
    ok('invoice', 'pay', 'INV-7', '--amount', '300', '--on', '2026-10-01');
    refused(['unvoid', 'payment:1'], 'payment:1 (1,000.00 EUR) is more than what INV-7 still owes (700.00 EUR)');
  });
});

describe('a conversation that never happened', () => {
  it('voiding an interaction voids its open follow-up, the recap and last contact ignore it; unvoid brings both back', async () => {
    await seed(db, [
      ['client', 'add', 'Acme Corp', '--cadence', '2w'],
      ['log', 'Acme Corp', '--at', '2026-10-01 10:00', '--summary', 'Quarterly review', '--no-recap'],
      ['log', 'Acme Corp', '--at', '2026-11-20 10:00', '--summary', 'Kick-off for the shop', '--follow-up', '2026-11-22', '--next', 'Send the quote', '--no-recap'],
    ]);
    const due = () => json('due');
    expect(due().reminders.map((r: { ref: string }) => r.ref)).toEqual(['reminder:1']);
    expect(due().checkIns).toEqual([]);

    expect(ok('void', 'interaction:2', '--reason', 'logged against the wrong client')).toBe(
      'Voided interaction:2 (Kick-off for the shop, 2026-11-20, Acme Corp): logged against the wrong client\n' +
      '  also voided reminder:1 (the open reminder recorded with it)\n');
    expect(due().reminders).toEqual([]);
    expect(due().checkIns).toMatchObject([{ client: { name: 'Acme Corp' }, lastContact: '2026-10-01' }]);
    expect(json('recap', 'Acme Corp').interaction).toMatchObject({ ref: 'interaction:1', summary: 'Quarterly review' });
    expect(json('client', 'show', 'Acme Corp').stats).toMatchObject({ lastContact: '2026-10-01', interactions: 1, openReminders: 0 });
    expect(ok('remind', 'list')).toBe('No open reminders.\n');

    expect(json('unvoid', 'interaction:2')).toMatchObject({ ref: 'interaction:2', voided: false, also: ['reminder:1'] });
    expect(due().reminders.map((r: { ref: string }) => r.ref)).toEqual(['reminder:1']);
    expect(due().checkIns).toEqual([]);
    expect(json('recap', 'Acme Corp').interaction).toMatchObject({ ref: 'interaction:2' });
  });

  it('a delivery recorded by mistake takes its feedback and check-back reminders with it', async () => {
    await seed(db, [['client', 'add', 'Acme Corp'], ['deliver', 'Acme Corp', '--project', 'Logo', '--on', '2026-11-01']]);
    expect(json('remind', 'list')).toHaveLength(2);
    expect(json('void', 'delivery:1', '--reason', 'not delivered yet')).toMatchObject({ also: ['reminder:1', 'reminder:2'] });
    expect(json('remind', 'list')).toEqual([]);
    expect(json('client', 'show', 'Acme Corp').stats.deliveries).toBe(0);
    ok('unvoid', 'delivery:1');
    expect(json('remind', 'list')).toHaveLength(2);
  });
});

describe('bad references', () => {
  it.each([
    [['void', 'foo:1', '--reason', 'x'], "unknown record type 'foo'"],
    [['void', 'interaction:abc', '--reason', 'x'], 'interaction:12'],
    [['void', 'invoice:NOPE', '--reason', 'x'], "no invoice 'NOPE'"],
    [['void', 'interaction:999', '--reason', 'x'], "no interaction '999'"],
    [['unvoid', 'interaction:999'], "no interaction '999'"],
    [['void', 'incident:1'], 'missing required option --reason'],
    [['void', 'incident:1', '--reason', '   '], '--reason is empty'],
  ])('crm %j exits 2 with nothing written', async (args, said) => {
    await seed(db, [['client', 'add', 'Acme Corp'], ['incident', 'add', 'Acme Corp', '--kind', 'other'], ['log', 'Acme Corp', '--summary', 'hello', '--no-recap']]);
    refused(args, said);
  });
});
