// computeDue: the pure rules of `crm due`, table-driven with a fixed today.
import { describe, expect, it } from 'vitest';
import {
  computeDue,
  dueItems,
  isEmptyDue,
  type DueClientRow,
  type DueInput,
  type DueInvoiceRow,
  type DueReminderRow,
} from '../../src/domain/due.js';

const TODAY = '2026-11-22';

const client = (over: Partial<DueClientRow> = {}): DueClientRow => ({
  id: 1,
  name: 'Acme Corp',
  cadenceDays: 7,
  createdOn: '2026-01-10',
  lastContact: null,
  ...over,
});
const invoice = (over: Partial<DueInvoiceRow> = {}): DueInvoiceRow => ({
  clientId: 1,
  clientName: 'Acme Corp',
  number: 'INV-0001',
  balance: 120000,
  currency: 'EUR',
  dueOn: '2026-11-01',
  ...over,
});
const reminder = (over: Partial<DueReminderRow> = {}): DueReminderRow => ({
  id: 1,
  clientId: 1,
  clientName: 'Acme Corp',
  on: '2026-11-20',
  kind: 'follow-up',
  text: 'Send the proposal',
  ...over,
});
const input = (over: Partial<DueInput> = {}): DueInput => ({ clients: [], invoices: [], reminders: [], ...over });

describe('check-ins', () => {
  it('a weekly client last seen 10 days ago is 3 days overdue, due 7 days after the contact', () => {
    const report = computeDue(input({ clients: [client({ lastContact: '2026-11-12' })] }), { today: TODAY, within: 0 });
    expect(report.checkIns).toEqual([
      { client: { id: 1, name: 'Acme Corp' }, lastContact: '2026-11-12', cadenceDays: 7, dueOn: '2026-11-19', daysOverdue: 3 },
    ]);
  });

  it.each([
    // [lastContact, createdOn, cadence, within, expected dueOn or null (not listed), daysOverdue]
    ['2026-11-15', '2026-01-01', 7, 0, '2026-11-22', 0], // due exactly today
    ['2026-11-16', '2026-01-01', 7, 0, null, 0], // due tomorrow
    ['2026-11-16', '2026-01-01', 7, 1, '2026-11-23', -1], // ... unless within 1
    ['2026-11-20', '2026-01-01', 7, 5, '2026-11-27', -5], // the horizon itself is included
    ['2026-11-20', '2026-01-01', 7, 4, null, 0], // one day past the horizon
    [null, '2026-11-01', 14, 0, '2026-11-15', 7], // never contacted: counts from the day added
    [null, '2026-11-20', 14, 0, null, 0], // added two days ago: not due yet
    ['2026-11-21', '2020-01-01', 1, 0, '2026-11-22', 0], // daily cadence
  ])('last %s, added %s, every %i days, within %i -> %s', (lastContact, createdOn, cadenceDays, within, dueOn, daysOverdue) => {
    const report = computeDue(input({ clients: [client({ lastContact, createdOn, cadenceDays })] }), { today: TODAY, within });
    if (dueOn === null) {
      expect(report.checkIns).toEqual([]);
    } else {
      expect(report.checkIns).toHaveLength(1);
      expect(report.checkIns[0]).toMatchObject({ dueOn, daysOverdue, lastContact, cadenceDays });
    }
  });

  it('orders most overdue first, ties by name (case-insensitive) then id', () => {
    const clients = [
      client({ id: 1, name: 'zeta', lastContact: '2026-11-12' }), // 3 overdue
      client({ id: 2, name: 'Beta', lastContact: '2026-11-01' }), // 14 overdue
      client({ id: 3, name: 'alpha', lastContact: '2026-11-12' }), // 3 overdue
      client({ id: 4, name: 'Gamma', lastContact: '2026-11-15' }), // due today
    ];
    const report = computeDue(input({ clients }), { today: TODAY, within: 0 });
    expect(report.checkIns.map((c) => c.client.id)).toEqual([2, 3, 1, 4]);
  });
});

describe('invoices', () => {
  it.each([
    // [dueOn, balance, within, listed, daysOverdue]
    ['2026-11-01', 120000, 0, true, 21],
    ['2026-11-21', 500, 0, true, 1], // due yesterday: overdue
    ['2026-11-22', 500, 0, false, 0], // due today: still a day to pay
    ['2026-11-23', 500, 0, false, 0], // not yet due
    ['2026-11-01', 0, 0, false, 0], // paid off
    ['2026-11-22', 500, 1, true, 0], // within 1: overdue tomorrow, so listed
    ['2026-11-23', 500, 1, false, 0], // within 1: overdue only in two days
    ['2026-11-25', 500, 7, true, -3], // within 7: 3 days left
    ['2026-11-29', 500, 7, false, 0], // within 7: becomes overdue on day 8
  ])('due %s, balance %i, within %i -> listed %s', (dueOn, balance, within, listed, daysOverdue) => {
    const report = computeDue(input({ invoices: [invoice({ dueOn, balance })] }), { today: TODAY, within });
    if (!listed) {
      expect(report.invoices).toEqual([]);
    } else {
      expect(report.invoices).toEqual([
        { client: { id: 1, name: 'Acme Corp' }, number: 'INV-0001', balance: { amount: balance, currency: 'EUR' }, dueOn, daysOverdue },
      ]);
    }
  });

  it('shows the remaining balance in integer minor units with its currency', () => {
    const report = computeDue(input({ invoices: [invoice({ balance: 60050, currency: 'JPY' })] }), { today: TODAY, within: 0 });
    expect(report.invoices[0]?.balance).toEqual({ amount: 60050, currency: 'JPY' });
  });

  it('orders most overdue first, ties by number', () => {
    const invoices = [
      invoice({ number: 'INV-0003', dueOn: '2026-11-10' }),
      invoice({ number: 'INV-0002', dueOn: '2026-11-10' }),
      invoice({ number: 'INV-0009', dueOn: '2026-10-01' }),
    ];
    const report = computeDue(input({ invoices }), { today: TODAY, within: 0 });
    expect(report.invoices.map((i) => i.number)).toEqual(['INV-0009', 'INV-0002', 'INV-0003']);
  });
});

describe('reminders', () => {
  it.each([
    ['2026-11-20', 0, true, 2],
    ['2026-11-22', 0, true, 0], // on today
    ['2026-11-23', 0, false, 0],
    ['2026-11-23', 1, true, -1],
    ['2026-11-30', 7, false, 0],
  ])('on %s within %i -> listed %s', (on, within, listed, daysOverdue) => {
    const report = computeDue(input({ reminders: [reminder({ on })] }), { today: TODAY, within });
    expect(report.reminders).toEqual(
      listed
        ? [{ id: 1, client: { id: 1, name: 'Acme Corp' }, on, kind: 'follow-up', text: 'Send the proposal', daysOverdue }]
        : [],
    );
  });

  it('orders most overdue first, ties by id', () => {
    const reminders = [reminder({ id: 7, on: '2026-11-22' }), reminder({ id: 5, on: '2026-11-22' }), reminder({ id: 9, on: '2026-11-01' })];
    const report = computeDue(input({ reminders }), { today: TODAY, within: 0 });
    expect(report.reminders.map((r) => r.id)).toEqual([9, 5, 7]);
  });
});

describe('report', () => {
  it('carries asOf and is empty when nothing is due', () => {
    const report = computeDue(input({ clients: [client({ lastContact: '2026-11-20' })] }), { today: TODAY, within: 0 });
    expect(report).toEqual({ asOf: TODAY, checkIns: [], invoices: [], reminders: [] });
    expect(isEmptyDue(report)).toBe(true);
  });

  it('does not depend on the order of its input rows', () => {
    const clients = [client({ id: 1, lastContact: '2026-11-01' }), client({ id: 2, name: 'B', lastContact: '2026-11-10' })];
    const a = computeDue(input({ clients }), { today: TODAY, within: 3 });
    const b = computeDue(input({ clients: [...clients].reverse() }), { today: TODAY, within: 3 });
    expect(b).toEqual(a);
  });

  it.each([-1, 1.5, Number.NaN])('rejects within = %s', (within) => {
    expect(() => computeDue(input(), { today: TODAY, within })).toThrow(RangeError);
  });

  it.each(['2026-02-30', '22/11/2026', ''])('rejects today = %j', (today) => {
    expect(() => computeDue(input(), { today, within: 0 })).toThrow(RangeError);
  });

  it('counts whole calendar days across month, year and DST boundaries', () => {
    const clients = [
      client({ id: 1, name: 'a', lastContact: '2026-12-28', cadenceDays: 7 }), // due 2027-01-04
      client({ id: 2, name: 'b', lastContact: '2026-03-27', cadenceDays: 2 }), // due 2026-03-29 (EU DST day)
    ];
    const report = computeDue(input({ clients }), { today: '2027-01-05', within: 0 });
    expect(report.checkIns.map((c) => [c.dueOn, c.daysOverdue])).toEqual([
      ['2026-03-29', 282],
      ['2027-01-04', 1],
    ]);
  });

  it('merges all groups most urgent first for the digest, group order breaking ties', () => {
    const report = computeDue(
      input({
        clients: [client({ lastContact: '2026-11-12' })], // 3 overdue
        invoices: [invoice({ dueOn: '2026-11-01' }), invoice({ number: 'INV-0002', dueOn: '2026-11-19' })], // 21, 3
        reminders: [reminder({ on: '2026-11-22' })], // 0
      }),
      { today: TODAY, within: 0 },
    );
    expect(dueItems(report).map((e) => [e.type, e.daysOverdue])).toEqual([
      ['invoice', 21],
      ['check-in', 3],
      ['invoice', 3],
      ['reminder', 0],
    ]);
  });
});
