// domain/edit.ts: which flags each record takes, and planEdit — the flags validated against the
// record as it stands and its facts, diffed into the audit trail's before/after. Pure, fixed clock.
import { describe, expect, it } from 'vitest';
import { EDIT_FLAGS, checkFlags, fieldLabel, givenFlags, planEdit, sameValue, type Current, type EditFlags } from '../../src/domain/edit.js';
import { RECORD_TYPES } from '../../src/domain/refs.js';
import { UsageError } from '../../src/domain/errors.js';

const clock = { now: new Date('2026-11-22T10:00:00Z'), today: '2026-11-22', zone: 'Europe/Oslo' };
const acme = { id: 1, name: 'Acme Corp' };
const globex = { id: 2, name: 'Globex' };
const eur = (amount: number) => ({ amount, currency: 'EUR' });

const invoice = (facts: Current['facts'] = {}): Current => ({
  type: 'invoice', ref: 'invoice:INV-7',
  fields: { client: acme, number: 'INV-7', amount: eur(120000), issuedOn: '2026-10-01', dueOn: '2026-10-31', project: null },
  facts: { paid: 0, conceded: 0, firstPaidOn: null, firstDisputeOn: null, moneyRecorded: false, ...facts },
});
const paidInvoice = () => invoice({ paid: 80000, firstPaidOn: '2026-10-20', moneyRecorded: true });

function refusal(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error('expected a UsageError');
}

describe('which flags a record takes', () => {
  it('names the flags given as typed', () => {
    expect(givenFlags({ resolvedOn: 'x', referred: false, notWarned: true, amount: '1' })).toEqual(['--amount', '--resolved-on', '--not-warned', '--no-referred']);
    expect(givenFlags({ summary: undefined })).toEqual([]);
  });

  it('every type lists flags givenFlags can produce', () => {
    const all = new Set(givenFlags({
      client: '', at: '', channel: '', direction: '', summary: '', mood: '', next: '', owner: '', amount: '', currency: '', number: '',
      issued: '', due: '', terms: '', project: '', on: '', reason: '', outcome: '', conceded: '', resolvedOn: '', hours: '',
      unbilled: true, billed: true, kind: '', severity: '', note: '', warned: true, notWarned: true, referred: '', text: '',
    }));
    all.add('--no-referred');
    for (const t of RECORD_TYPES) for (const f of EDIT_FLAGS[t]) expect(all.has(f), `${t} ${f}`).toBe(true);
  });

  it.each([
    ['payment', { kind: 'other' }, '--kind does not apply to a payment; a payment takes --amount, --on'],
    ['incident', { amount: '5' }, '--amount does not apply to an incident; an incident takes --client, --kind, --on, --severity, --note, --warned, --not-warned'],
    ['dispute', { client: 'globex' }, '--client does not apply to a dispute; a dispute takes --reason, --on, --outcome, --conceded, --resolved-on'],
    ['reminder', {}, 'nothing to change: say what, e.g. a reminder takes --client, --on, --text, --kind'],
    ['change', { billed: true, unbilled: true }, '--unbilled and --billed cannot be used together'],
    ['incident', { warned: true, notWarned: true }, '--warned and --not-warned cannot be used together'],
    ['invoice', { due: 'today', terms: '5' }, '--due and --terms cannot be used together'],
  ] as [Current['type'], EditFlags, string][])('%s %j: %s', (type, flags, message) => {
    expect(refusal(() => checkFlags(type, flags))).toBe(message);
  });
});

describe('invoices', () => {
  it('keeps only what changes, in the user\'s terms', () => {
    expect(planEdit(invoice(), { amount: '1,200', project: 'Logo', terms: '30' }, clock)).toEqual({
      before: { project: null }, after: { project: 'Logo' },
    });
    expect(planEdit(invoice(), { amount: '1,000.50' }, clock)).toEqual({ before: { amount: eur(120000) }, after: { amount: eur(100050) } });
  });

  it('an amount below what was paid and conceded is refused, naming both', () => {
    expect(refusal(() => planEdit(paidInvoice(), { amount: '500' }, clock))).toBe("--amount '500': INV-7 has 800.00 EUR paid; the amount cannot go below that");
    expect(refusal(() => planEdit(invoice({ paid: 80000, conceded: 10000 }), { amount: '850' }, clock)))
      .toBe("--amount '850': INV-7 has 800.00 EUR paid and 100.00 EUR conceded; the amount cannot go below 900.00 EUR");
    expect(planEdit(paidInvoice(), { amount: '800' }, clock).after.amount).toEqual(eur(80000));
  });

  it('--terms counts from the issue date, the new one when it changes too', () => {
    expect(planEdit(invoice(), { issued: '2026-11-01', terms: '14' }, clock).after).toEqual({ issuedOn: '2026-11-01', dueOn: '2026-11-15' });
    expect(refusal(() => planEdit(invoice(), { issued: '2026-11-01' }, clock))).toBe("--issued '2026-11-01' is after the due date 2026-10-31; give --due or --terms too");
  });

  it('the issue date stays before the first payment and dispute', () => {
    expect(refusal(() => planEdit(paidInvoice(), { issued: '2026-10-21', due: '2026-12-01' }, clock))).toMatch(/after the first payment on INV-7 \(2026-10-20\)/);
    expect(refusal(() => planEdit(invoice({ firstDisputeOn: '2026-10-05' }), { issued: '2026-10-06', due: '2026-12-01' }, clock))).toMatch(/after the first dispute/);
    expect(planEdit(paidInvoice(), { issued: '2026-10-20' }, clock).after).toEqual({ issuedOn: '2026-10-20' });
  });

  it('the currency: the same sum when nothing was paid, refused when money is recorded in the old one', () => {
    expect(planEdit(invoice(), { currency: 'usd' }, clock).after).toEqual({ amount: { amount: 120000, currency: 'USD' } });
    expect(planEdit(invoice(), { currency: 'JPY' }, clock).after).toEqual({ amount: { amount: 1200, currency: 'JPY' } });
    expect(refusal(() => planEdit(paidInvoice(), { currency: 'USD' }, clock))).toMatch(/INV-7 has payments or concessions recorded in EUR/);
    expect(refusal(() => planEdit(invoice(), { currency: 'XYZ' }, clock))).toMatch(/--currency 'XYZ' is not an ISO 4217 currency code/);
  });

  it('moving to another client is a change of client, by id', () => {
    expect(planEdit(invoice(), { client: 'g' }, clock, { client: globex })).toEqual({ before: { client: acme }, after: { client: globex } });
    expect(planEdit(invoice(), { client: 'a' }, clock, { client: { id: 1, name: 'whatever' } }).after).toEqual({});
  });
});

describe('payments and disputes', () => {
  const payment: Current = { type: 'payment', ref: 'payment:1', fields: { amount: eur(80000), paidOn: '2026-10-20' },
    facts: { invoiceNumber: 'INV-7', invoiceIssuedOn: '2026-10-01', room: 120000 } };

  it('a payment: at most the balance with itself, not before the issue date', () => {
    expect(planEdit(payment, { amount: '1200' }, clock).after).toEqual({ amount: eur(120000) });
    expect(refusal(() => planEdit(payment, { amount: '1200.01' }, clock))).toMatch(/more than INV-7 has left to pay with this payment \(1,200\.00 EUR\)/);
    expect(refusal(() => planEdit(payment, { on: '2026-09-30' }, clock))).toBe("--on '2026-09-30' is before INV-7 was issued (2026-10-01)");
  });

  const dispute = (outcome: string | null, conceded = 0): Current => ({
    type: 'dispute', ref: 'dispute:4',
    fields: { reason: 'too dear', openedOn: '2026-11-10', outcome, conceded: eur(conceded), resolvedOn: outcome ? '2026-11-12' : null },
    facts: { invoiceNumber: 'INV-7', invoiceIssuedOn: '2026-10-01', room: 40000 + conceded },
  });

  it('a resolved dispute: the outcome sets what was conceded', () => {
    expect(planEdit(dispute('discounted', 10000), { outcome: 'written-off' }, clock).after).toEqual({ outcome: 'written-off', conceded: eur(50000) });
    expect(planEdit(dispute('discounted', 10000), { outcome: 'upheld' }, clock).after).toEqual({ outcome: 'upheld', conceded: eur(0) });
    expect(planEdit(dispute('upheld'), { outcome: 'discounted', conceded: '50' }, clock).after).toEqual({ outcome: 'discounted', conceded: eur(5000) });
    expect(refusal(() => planEdit(dispute('upheld'), { outcome: 'discounted' }, clock))).toBe('--conceded is required with --outcome discounted');
    expect(refusal(() => planEdit(dispute('discounted', 10000), { conceded: '500.01' }, clock))).toMatch(/more than the balance of INV-7 \(500\.00 EUR\)/);
    expect(refusal(() => planEdit(dispute('upheld'), { on: '2026-11-13' }, clock))).toBe("--on '2026-11-13' is after the dispute was resolved (2026-11-12)");
  });

  it('an open dispute has no outcome to edit', () => {
    expect(refusal(() => planEdit(dispute(null), { resolvedOn: 'today' }, clock))).toBe('--resolved-on: dispute:4 is still open; crm invoice resolve INV-7 resolves it');
    expect(planEdit(dispute(null), { reason: 'late delivery', on: '2026-11-01' }, clock).after).toEqual({ reason: 'late delivery', openedOn: '2026-11-01' });
  });
});

describe('the other records', () => {
  const interaction: Current = {
    type: 'interaction', ref: 'interaction:12',
    fields: { client: acme, at: '2026-11-20T10:00:00.000Z', channel: 'phone', direction: 'out', summary: 'Call', mood: null, next: null, owner: null },
    facts: {},
  };

  it('an interaction: times in the user\'s zone, choices cleared with \'\', the next step\'s owner follows it', () => {
    expect(planEdit(interaction, { at: '2026-11-20 11:00', channel: '' }, clock).after).toEqual({ channel: null });
    expect(planEdit(interaction, { at: '2026-11-20 12:00' }, clock).after).toEqual({ at: '2026-11-20T11:00:00.000Z' });
    expect(planEdit(interaction, { next: 'Send it' }, clock).after).toEqual({ next: 'Send it', owner: 'me' });
    expect(planEdit(interaction, { next: 'Send it', owner: 'client' }, clock).after).toEqual({ next: 'Send it', owner: 'client' });
    expect(refusal(() => planEdit(interaction, { at: 'tomorrow' }, clock))).toMatch(/--at 'tomorrow' is in the future/);
  });

  it('a change request: billed, unbilled, hours cleared', () => {
    const change: Current = { type: 'change', ref: 'change:9', fields: { client: acme, on: '2026-11-01', summary: 'Colours', project: null, hours: 6, unbilled: true }, facts: {} };
    expect(planEdit(change, { billed: true }, clock)).toEqual({ before: { unbilled: true }, after: { unbilled: false } });
    expect(planEdit(change, { unbilled: true }, clock).after).toEqual({});
    expect(planEdit(change, { hours: '' }, clock).after).toEqual({ hours: null });
  });

  it('a referral cannot have brought in its own client', () => {
    const referral: Current = { type: 'referral', ref: 'referral:2', fields: { client: acme, on: '2026-11-01', note: null, referred: null }, facts: {} };
    expect(planEdit(referral, { referred: 'globex' }, clock, { referred: globex }).after).toEqual({ referred: globex });
    expect(refusal(() => planEdit(referral, { referred: 'acme' }, clock, { referred: acme }))).toBe('--referred: Acme Corp cannot be the client they referred');
  });

  it('a reminder is not moved into the past', () => {
    const reminder: Current = { type: 'reminder', ref: 'reminder:8', fields: { client: acme, on: '2026-11-25', kind: 'follow-up', text: 'Call' }, facts: {} };
    expect(planEdit(reminder, { on: 'today' }, clock).after).toEqual({ on: '2026-11-22' });
    expect(refusal(() => planEdit(reminder, { on: 'yesterday' }, clock))).toBe("--on 'yesterday' is before today (2026-11-22); it must be today or later");
  });
});

it('sameValue compares money, clients and instants by what they mean', () => {
  expect(sameValue(eur(1), { amount: 1, currency: 'EUR' })).toBe(true);
  expect(sameValue(eur(1), { amount: 1, currency: 'USD' })).toBe(false);
  expect(sameValue(acme, { id: 1, name: 'ACME' })).toBe(true);
  expect(sameValue('2026-11-20T10:00:00Z', '2026-11-20T10:00:00.000Z')).toBe(true);
  expect(sameValue(null, '')).toBe(false);
});

it('labels a field by the flag that sets it', () => {
  expect(['dueOn', 'issuedOn', 'paidOn', 'resolvedOn', 'amount'].map((k) => fieldLabel('invoice', k))).toEqual(['due', 'issued', 'on', 'resolved-on', 'amount']);
  expect(fieldLabel('incident', 'at')).toBe('on');
  expect(fieldLabel('interaction', 'at')).toBe('at');
});
