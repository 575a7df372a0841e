// `crm edit`, in-process against a temp database (CRM_NOW = 2026-11-22T10:00Z): each kind of record
// corrected, everything derived following (balances, due, review), the audit trail it leaves, and
// every refusal leaving the database exactly as it was.
import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { crm, crmJson, seed, tempDb } from '../helpers/cli.js';
import { dump } from '../reliability/harness.js';

const EARLY = '2026-09-01T10:00:00Z';
let db: string;
const run = (...args: string[]) => crm(args, { db });
const json = <T = any>(...args: string[]) => crmJson<T>(args, { db });

interface CorrectionRow { record_type: string; record_id: number; client_id: number; prior_client_id: number | null; action: string; before: string; after: string }
function corrections(): CorrectionRow[] {
  const d = new Database(db, { readonly: true });
  try {
    return d.prepare('SELECT * FROM corrections ORDER BY id').all() as CorrectionRow[];
  } finally {
    d.close();
  }
}

/** Acme and Globex, added in September; INV-7 (1,200 EUR, due 2026-10-31) with 800 paid. */
beforeEach(async () => {
  db = tempDb();
  await seed(db, [
    ['client', 'add', 'Acme Corp', '--cadence', '2w'],
    ['client', 'add', 'Globex', '--cadence', '2w'],
  ], { now: EARLY });
  await seed(db, [
    ['invoice', 'add', 'acme', '--amount', '1,200', '--currency', 'EUR', '--number', 'INV-7', '--issued', '2026-10-01', '--terms', '30'],
    ['invoice', 'pay', 'INV-7', '--amount', '800', '--on', '2026-10-20'],
  ]);
});

/** Run a refused edit: exit 2, one line naming the problem, nothing written (not even the journal). */
async function refused(args: string[], message: RegExp): Promise<void> {
  const before = dump(db);
  const r = await run('edit', ...args);
  expect(r.code, r.stdout + r.stderr).toBe(2);
  expect(r.stderr).toMatch(message);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(dump(db)).toBe(before);
}

describe('invoices', () => {
  it('refuses an amount below what was paid, and writes nothing', async () => {
    await refused(['invoice:INV-7', '--amount', '500'], /--amount '500': INV-7 has 800\.00 EUR paid; the amount cannot go below that/);
    expect((await json('invoice', 'list'))[0].amount).toEqual({ amount: 120000, currency: 'EUR' });
  });

  it('a higher amount: the balance follows in invoice list and crm due, and the audit trail keeps the old amount', async () => {
    const r = await run('edit', 'invoice:INV-7', '--amount', '1,500');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain('Edited invoice:INV-7: amount 1,200.00 EUR → 1,500.00 EUR');
    expect(r.stdout).toContain('INV-7: balance 700.00 EUR (open)');
    expect((await json('invoice', 'list'))[0]).toMatchObject({ amount: { amount: 150000, currency: 'EUR' }, balance: { amount: 70000, currency: 'EUR' } });
    expect((await json('due')).invoices).toEqual([expect.objectContaining({ number: 'INV-7', balance: { amount: 70000, currency: 'EUR' } })]);
    const [c] = corrections();
    expect(c).toMatchObject({ record_type: 'invoice', action: 'edit', client_id: 1, prior_client_id: null });
    expect(JSON.parse(c!.before)).toEqual({ amount: { amount: 120000, currency: 'EUR' } });
    expect(JSON.parse(c!.after)).toEqual({ amount: { amount: 150000, currency: 'EUR' } });
  });

  it('lowering the amount to exactly what was paid settles it: it leaves crm due', async () => {
    await run('edit', 'invoice:INV-7', '--amount', '800');
    expect((await json('invoice', 'list'))[0]).toMatchObject({ status: 'paid', balance: { amount: 0, currency: 'EUR' } });
    expect((await json('due')).invoices).toEqual([]);
  });

  it('--json: the edited record with its new reference and the changes', async () => {
    const out = await json('edit', 'invoice:INV-7', '--number', '2026-031', '--terms', '14', '--project', 'Logo');
    expect(out).toMatchObject({
      ref: 'invoice:2026-031', type: 'invoice', number: '2026-031', dueOn: '2026-10-15', project: 'Logo',
      client: { id: 1, name: 'Acme Corp' }, balance: { amount: 40000, currency: 'EUR' }, status: 'open',
      changes: {
        before: { number: 'INV-7', dueOn: '2026-10-31', project: null },
        after: { number: '2026-031', dueOn: '2026-10-15', project: 'Logo' },
      },
    });
    expect((await json('invoice', 'list'))[0].number).toBe('2026-031');
    // The invoice is found by its new number; an empty --project clears it.
    expect((await json('edit', 'invoice:2026-031', '--project', '')).project).toBeNull();
  });

  it('moving an invoice to another client takes its payments with it', async () => {
    const r = await run('edit', 'invoice:INV-7', '--client', 'globex');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('client Acme Corp → Globex');
    expect(r.stdout).toContain('payment:1 moved with it to Globex');
    expect(await json('invoice', 'list', 'acme')).toEqual([]);
    expect((await json('invoice', 'list', 'globex'))[0]).toMatchObject({ number: 'INV-7', paid: { amount: 80000, currency: 'EUR' } });
    expect(corrections()[0]).toMatchObject({ client_id: 2, prior_client_id: 1 });
    const review = await json('review', 'globex');
    expect(review.findings.map((f: { rule: string }) => f.rule)).toContain('overdue-balance');
  });

  it.each([
    [['--amount', '1200.555'], /--amount '1200\.555' has more than 2 decimals/],
    [['--amount', '-5'], /--amount '-5' is negative/],
    [['--issued', '2026-12-01'], /--issued '2026-12-01' is after today/],
    [['--issued', '2026-10-25'], /--issued '2026-10-25' is after the first payment on INV-7 \(2026-10-20\)/],
    [['--due', '2026-09-01'], /--due '2026-09-01' is before the issue date 2026-10-01/],
    [['--due', '2026-12-01', '--terms', '10'], /--due and --terms cannot be used together/],
    [['--currency', 'USD'], /INV-7 has payments or concessions recorded in EUR.*currency cannot change/],
    [['--number', 'has space'], /--number 'has space' is not a usable invoice number/],
    [['--client', 'nobody'], /nobody/],
  ])('refuses %j', async (flags, message) => {
    await refused(['invoice:INV-7', ...flags], message);
  });

  it('refuses a number another invoice has, whatever its case', async () => {
    await seed(db, [['invoice', 'add', 'globex', '--amount', '100', '--currency', 'EUR', '--number', 'INV-8']]);
    await refused(['invoice:INV-7', '--number', 'inv-8'], /--number 'inv-8' is already used by invoice INV-8/);
    // Its own number in another case is fine.
    expect((await json('edit', 'invoice:INV-7', '--number', 'inv-7')).ref).toBe('invoice:inv-7');
  });

  it('an unpaid invoice can change currency: the same sum in the new one', async () => {
    await seed(db, [['invoice', 'add', 'globex', '--amount', '100.50', '--currency', 'EUR', '--number', 'INV-8']]);
    expect((await json('edit', 'invoice:INV-8', '--currency', 'usd')).amount).toEqual({ amount: 10050, currency: 'USD' });
    await refused(['invoice:INV-8', '--currency', 'JPY'], /100\.50 USD cannot be written in JPY; give --amount too/);
    expect((await json('edit', 'invoice:INV-8', '--currency', 'JPY', '--amount', '15000')).amount).toEqual({ amount: 15000, currency: 'JPY' });
  });
});

describe('payments and disputes', () => {
  it('a payment amount: up to the balance plus itself; the invoice balance follows', async () => {
    await refused(['payment:1', '--amount', '1,200.01'], /--amount '1,200\.01' is more than INV-7 has left to pay with this payment \(1,200\.00 EUR\)/);
    const r = await run('edit', 'payment:1', '--amount', '1200');
    expect(r.stdout).toContain('Edited payment:1: amount 800.00 EUR → 1,200.00 EUR');
    expect(r.stdout).toContain('INV-7: balance 0.00 EUR (paid)');
    expect((await json('due')).invoices).toEqual([]);
  });

  it('a payment date: not before the invoice was issued, not in the future', async () => {
    await refused(['payment:1', '--on', '2026-09-30'], /--on '2026-09-30' is before INV-7 was issued \(2026-10-01\)/);
    await refused(['payment:1', '--on', 'tomorrow'], /--on 'tomorrow' is after today/);
    expect((await json('edit', 'payment:1', '--on', '2026-10-02')).paidOn).toBe('2026-10-02');
  });

  it('a flag the record does not take is named, with what it takes', async () => {
    await refused(['payment:1', '--kind', 'other'], /^crm: --kind does not apply to a payment; a payment takes --amount, --on$/m);
    await refused(['payment:1'], /nothing to change: say what, e.g\. a payment takes --amount, --on/);
  });

  it('a resolved dispute: the outcome and concession can be corrected, and the balance follows', async () => {
    await seed(db, [
      ['invoice', 'add', 'acme', '--amount', '1,000', '--currency', 'EUR', '--number', 'INV-9', '--issued', '2026-11-01'],
      ['invoice', 'dispute', 'INV-9', '--reason', 'wants 20% off', '--on', '2026-11-10'],
      ['invoice', 'resolve', 'INV-9', '--outcome', 'discounted', '--conceded', '200', '--on', '2026-11-12'],
    ]);
    const out = await json('edit', 'dispute:1', '--conceded', '100');
    expect(out).toMatchObject({ conceded: { amount: 10000, currency: 'EUR' }, invoice: { number: 'INV-9', balance: { amount: 90000, currency: 'EUR' } } });
    const upheld = await json('edit', 'dispute:1', '--outcome', 'upheld');
    expect(upheld).toMatchObject({ outcome: 'upheld', conceded: { amount: 0, currency: 'EUR' }, invoice: { balance: { amount: 100000, currency: 'EUR' } } });
    await refused(['dispute:1', '--conceded', '50'], /--conceded only goes with the outcome discounted \(this dispute is upheld\)/);
    await refused(['dispute:1', '--resolved-on', '2026-11-09'], /--resolved-on '2026-11-09' is before the dispute was opened \(2026-11-10\)/);
    // The invoice's amount cannot go below what is paid plus conceded.
    await run('edit', 'dispute:1', '--outcome', 'written-off');
    await refused(['invoice:INV-9', '--amount', '999'], /INV-9 has 1,000\.00 EUR conceded/);
  });

  it('an open dispute takes --reason and --on, not an outcome', async () => {
    await seed(db, [['invoice', 'dispute', 'INV-7', '--reason', 'too dear', '--on', '2026-11-01']]);
    await refused(['dispute:1', '--outcome', 'upheld'], /--outcome: dispute:1 is still open; crm invoice resolve INV-7 resolves it/);
    await refused(['dispute:1', '--reason', ' '], /--reason is empty/);
    expect(await json('edit', 'dispute:1', '--reason', 'says the logo was late')).toMatchObject({ reason: 'says the logo was late' });
  });

  it('an invoice cannot be issued after it was disputed', async () => {
    await seed(db, [
      ['invoice', 'add', 'acme', '--amount', '1,000', '--currency', 'EUR', '--number', 'INV-9', '--issued', '2026-11-01', '--terms', '30'],
      ['invoice', 'dispute', 'INV-9', '--reason', 'too dear', '--on', '2026-11-10'],
    ]);
    await refused(['invoice:INV-9', '--issued', '2026-11-11'], /--issued '2026-11-11' is after the first dispute on INV-9 \(2026-11-10\)/);
    expect((await json('edit', 'invoice:INV-9', '--issued', '2026-11-10')).issuedOn).toBe('2026-11-10');
  });
});

describe('conversations and clients', () => {
  it('an interaction logged against the wrong client: both clients\' check-ins follow, and the trail says where it was', async () => {
    await seed(db, [['log', 'acme', '--at', '2026-11-20 10:00', '--summary', 'Globex called about the launch', '--no-recap']]);
    const checkIns = async () => Object.fromEntries(((await json('due')).checkIns as { client: { name: string }; lastContact: string | null }[])
      .map((c) => [c.client.name, c.lastContact]));
    expect(await checkIns()).toEqual({ Globex: null });
    const r = await run('edit', 'interaction:1', '--client', 'globex');
    expect(r.stdout).toContain('Edited interaction:1: client Acme Corp → Globex');
    expect(await checkIns()).toEqual({ 'Acme Corp': null });
    expect((await json('review', 'globex')).stats.lastContact).toMatch(/^2026-11-20/);
    expect((await json('review', 'acme')).stats.lastContact).toBeNull();
    const [c] = corrections();
    expect(c).toMatchObject({ record_type: 'interaction', record_id: 1, client_id: 2, prior_client_id: 1 });
    expect(JSON.parse(c!.before)).toEqual({ client: { id: 1, name: 'Acme Corp' } });
  });

  it('a follow-up made with the conversation stays put when it moves, and the output says so', async () => {
    await seed(db, [['log', 'acme', '--summary', 'Quote', '--follow-up', '+2d', '--next', 'Send the quote', '--no-recap']]);
    const r = await run('edit', 'interaction:1', '--client', 'globex');
    expect(r.stdout).toMatch(/note: reminder:1 was recorded with it and stays where it is \(crm edit <ref> --client .* moves it\)/);
  });

  it('interaction fields: validated as crm log validates them', async () => {
    await seed(db, [['log', 'acme', '--at', '2026-11-20 10:00', '--summary', 'Call', '--mood', 'positive', '--no-recap']]);
    await refused(['interaction:1', '--at', '2026-12-01 10:00'], /--at '2026-12-01 10:00' is in the future/);
    await refused(['interaction:1', '--summary', ''], /--summary is empty; say what was discussed/);
    await refused(['interaction:1', '--mood', 'ecstatic'], /--mood 'ecstatic' is not one of: positive, neutral, negative/);
    await refused(['interaction:1', '--owner', 'client'], /--owner goes with a next step/);
    const out = await json('edit', 'interaction:1', '--at', '2026-11-19 09:00', '--mood', '', '--next', 'Send the invoice', '--direction', 'in');
    // Local times in, local times out: the offset is the zone's (the suite runs under several).
    expect(out).toMatchObject({ at: expect.stringMatching(/^2026-11-19T09:00:00[+-]\d\d:\d\d$/), on: '2026-11-19', mood: null, next: 'Send the invoice', owner: 'me', direction: 'in' });
    expect(out.changes.before).toEqual({ at: expect.stringMatching(/^2026-11-20T10:00:00[+-]\d\d:\d\d$/), direction: 'out', mood: 'positive', next: null, owner: null });
  });

  it('the same values again: nothing changed, exit 0, no correction and nothing to undo', async () => {
    await seed(db, [['log', 'acme', '--at', '2026-11-20 10:00', '--summary', 'Call', '--no-recap']]);
    const before = dump(db);
    const r = await run('edit', 'interaction:1', '--summary', 'Call', '--at', '2026-11-20 10:00', '--client', 'acme');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe('Nothing changed: interaction:1 already has those values\n');
    expect(dump(db)).toBe(before);
  });

  it('--summary - reads the new summary from standard input', async () => {
    await seed(db, [['log', 'acme', '--summary', 'Call', '--no-recap']]);
    const r = await crm(['edit', 'interaction:1', '--summary', '-', '--json'], { db, stdin: 'Long call about the\nlaunch plan\n' });
    expect(JSON.parse(r.stdout)).toMatchObject({ summary: 'Long call about the\nlaunch plan', changes: { before: { summary: 'Call' } } });
  });

  it('--json with nothing to change: the record as it is, with empty changes', async () => {
    await seed(db, [['change', 'add', 'acme', '--summary', 'Colours', '--hours', '6', '--on', '2026-11-01']]);
    expect(await json('edit', 'change:1', '--hours', '6.00', '--billed')).toEqual({
      ref: 'change:1', type: 'change', id: 1, client: { id: 1, name: 'Acme Corp' }, on: '2026-11-01', summary: 'Colours',
      project: null, hours: 6, unbilled: false, changes: { before: {}, after: {} },
    });
    expect(corrections()).toEqual([]);
  });

  it('a voided record must be unvoided first', async () => {
    await seed(db, [['log', 'acme', '--summary', 'Call', '--no-recap'], ['void', 'interaction:1', '--reason', 'duplicate']]);
    await refused(['interaction:1', '--summary', 'Other'], /interaction:1 was voided on 2026-11-22; unvoid it first \(crm unvoid interaction:1\)/);
  });

  it('an unknown record or reference is refused', async () => {
    await refused(['interaction:99', '--summary', 'x'], /no interaction '99'/);
    await refused(['meeting:1', '--summary', 'x'], /unknown record type 'meeting'/);
  });
});

describe('what the verdict is built on', () => {
  it('crm edit change:N --billed takes it off the unbilled count of scope-churn', async () => {
    await seed(db, [
      ['change', 'add', 'acme', '--summary', 'New colours', '--on', '2026-11-01', '--unbilled'],
      ['change', 'add', 'acme', '--summary', 'Extra page', '--on', '2026-11-05', '--unbilled'],
      ['change', 'add', 'acme', '--summary', 'Another logo', '--on', '2026-11-10', '--unbilled'],
      ['change', 'add', 'acme', '--summary', 'Footer', '--on', '2026-11-12', '--unbilled'],
    ]);
    const churn = async () => {
      const review = await json('review', 'acme');
      return { finding: review.findings.find((f: { rule: string }) => f.rule === 'scope-churn'), unbilled: review.stats.changes.unbilled };
    };
    const before = await churn();
    expect(before.unbilled).toBe(4);
    const r = await run('edit', 'change:2', '--billed');
    expect(r.stdout).toContain('Edited change:2: unbilled yes → no');
    const after = await churn();
    expect(after.unbilled).toBe(3);
    expect(after.finding.measure).toBeLessThan(before.finding.measure);
    // A billed change is paid work: it is no longer part of the finding's evidence.
    expect(after.finding.evidence.map((e: { id: number }) => e.id)).not.toContain(2);
    await refused(['change:2', '--billed', '--unbilled'], /--unbilled and --billed cannot be used together/);
    await refused(['change:2', '--hours', 'lots'], /--hours 'lots' is not a number of hours/);
  });

  it('a mistaken physical-abuse incident corrected to another kind no longer fires the client', async () => {
    await seed(db, [['incident', 'add', 'acme', '--kind', 'physical-abuse', '--on', '2026-11-20 15:00', '--note', 'pushed me']]);
    expect((await json('review', 'acme')).verdict).toBe('fire');
    const r = await run('edit', 'incident:1', '--kind', 'other', '--note', 'bumped into me by accident', '--severity', 'low');
    expect(r.stdout).toContain('kind physical-abuse → other');
    const review = await json('review', 'acme');
    expect(review.verdict).not.toBe('fire');
    expect(review.findings.map((f: { rule: string }) => f.rule)).not.toContain('physical-abuse');
    await refused(['incident:1', '--kind', 'rude'], /--kind 'rude' is not one of: physical-abuse/);
    await refused(['incident:1', '--on', '2026-11-23'], /--on '2026-11-23' is in the future/);
    await refused(['incident:1', '--amount', '5'], /--amount does not apply to an incident; an incident takes --client, --kind, --on, --severity, --note, --warned, --not-warned/);
  });

  it('--warned turns a first verbal-abuse incident into the warning the next one is judged against', async () => {
    await seed(db, [
      ['incident', 'add', 'acme', '--kind', 'verbal-abuse', '--on', '2026-11-01 10:00'],
      ['incident', 'add', 'acme', '--kind', 'verbal-abuse', '--on', '2026-11-15 10:00'],
    ]);
    expect((await json('review', 'acme')).verdict).not.toBe('fire');
    await run('edit', 'incident:1', '--warned');
    expect((await json('review', 'acme')).verdict).toBe('fire');
  });
});

describe('reminders, referrals, deliveries', () => {
  it('a reminder\'s text and date: the change shows in crm due', async () => {
    await seed(db, [['remind', 'add', 'acme', '--on', '+5d', '--text', 'Call']]);
    expect((await json('due')).reminders).toEqual([]);
    const r = await run('edit', 'reminder:1', '--on', 'today', '--text', 'Call about the logo');
    expect(r.stdout).toContain('on 2026-11-27 → 2026-11-22');
    expect(r.stdout).toContain('text "Call" → "Call about the logo"');
    expect((await json('due')).reminders).toEqual([expect.objectContaining({ id: 1, on: '2026-11-22', text: 'Call about the logo' })]);
    await refused(['reminder:1', '--on', 'yesterday'], /--on 'yesterday' is before today \(2026-11-22\)/);
    await refused(['reminder:1', '--kind', 'urgent'], /--kind 'urgent' is not one of: follow-up, personal, feedback/);
    await refused(['reminder:1', '--text', ''], /--text is empty/);
  });

  it('a referral linked to the client it brought in, and unlinked', async () => {
    await seed(db, [['referral', 'add', 'acme', '--note', 'introduced us to Globex', '--on', '2026-11-01']]);
    const out = await json('edit', 'referral:1', '--referred', 'globex');
    expect(out).toMatchObject({ ref: 'referral:1', referred: { id: 2, name: 'Globex' }, changes: { before: { referred: null }, after: { referred: { id: 2, name: 'Globex' } } } });
    await refused(['referral:1', '--client', 'globex'], /--referred: Globex cannot be the client they referred/);
    expect((await json('edit', 'referral:1', '--no-referred')).referred).toBeNull();
    expect(corrections()).toHaveLength(2);
  });

  it('a delivery moved and redated; the reminders it scheduled are named, not moved', async () => {
    await seed(db, [['deliver', 'acme', '--project', 'Website', '--on', '2026-11-20']]);
    const r = await run('edit', 'delivery:1', '--client', 'globex', '--on', '2026-11-19', '--project', 'Website v2');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Edited delivery:1:\n {2}client Acme Corp → Globex\n {2}project "Website" → "Website v2"\n {2}on 2026-11-20 → 2026-11-19\n/);
    expect(r.stdout).toContain('note: reminder:1, reminder:2 were recorded with it');
  });
});
