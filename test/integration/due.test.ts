// `crm due`, `remind snooze` and the delivery reminders, in-process against a temp database.
// Data is seeded through the CLI itself; "today" is CRM_NOW = 2026-11-22 (a Sunday).
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { crm, crmJson, seed, snapshot, tempDb } from '../helpers/cli.js';

const EARLY = '2026-10-01T10:00:00Z'; // when clients are added, unless a test says otherwise

interface Due {
  asOf: string;
  checkIns: { client: { id: number; name: string }; lastContact: string | null; cadenceDays: number; dueOn: string; daysOverdue: number }[];
  invoices: { client: { id: number; name: string }; number: string; balance: { amount: number; currency: string }; dueOn: string; daysOverdue: number }[];
  reminders: { id: number; client: { id: number; name: string }; on: string; kind: string; text: string; daysOverdue: number }[];
}

const due = (db: string, ...args: string[]): Promise<Due> => crmJson<Due>(['due', ...args], { db });

/**
 * Clients (and reminders, which cannot be set in the past) are added EARLY; everything else is
 * recorded on "today", so what already happened is never dated after the clock that records it.
 */
async function clientDb(commands: string[][]): Promise<string> {
  const db = tempDb();
  for (const c of commands) {
    const early = (c[0] === 'client' && c[1] === 'add') || c[0] === 'remind';
    await seed(db, [c], early ? { now: EARLY } : {});
  }
  return db;
}

describe('check-ins', () => {
  it('a weekly client last seen 10 days ago is 3 days overdue, due 7 days after the last contact', async () => {
    const db = await clientDb([
      ['client', 'add', 'Weekly Co', '--cadence', '1w'],
      ['log', 'Weekly Co', '--at', '2026-11-12 15:00', '--channel', 'phone', '--summary', 'Catch-up', '--no-recap'],
    ]);
    const report = await due(db);
    expect(report.asOf).toBe('2026-11-22');
    expect(report.checkIns).toEqual([
      { client: { id: 1, name: 'Weekly Co' }, lastContact: '2026-11-12', cadenceDays: 7, dueOn: '2026-11-19', daysOverdue: 3 },
    ]);
  });

  it('a never-contacted client counts from the day it was added', async () => {
    const db = tempDb();
    await seed(db, [['client', 'add', 'Quiet Ltd', '--cadence', '10d']], { now: '2026-11-05T09:00:00Z' });
    await seed(db, [['client', 'add', 'Fresh Ltd', '--cadence', '10d']], { now: '2026-11-20T09:00:00Z' });
    const report = await due(db);
    expect(report.checkIns).toEqual([
      { client: { id: 1, name: 'Quiet Ltd' }, lastContact: null, cadenceDays: 10, dueOn: '2026-11-15', daysOverdue: 7 },
    ]);
  });

  it('archived and fired clients get no check-ins, but their open reminders stay due', async () => {
    const db = await clientDb([
      ['client', 'add', 'Active Co', '--cadence', '1w'],
      ['client', 'add', 'Archived Co', '--cadence', '1w'],
      ['client', 'add', 'Fired Co', '--cadence', '1w'],
      ['remind', 'add', 'Archived Co', '--on', '2026-11-01', '--text', 'Return the keys'],
      ['remind', 'add', 'Fired Co', '--on', '2026-11-01', '--text', 'Send the final files'],
      ['client', 'archive', 'Archived Co'],
      ['client', 'fire', 'Fired Co', '--reason', 'abusive'],
    ]);
    const report = await due(db, '--within', '1m');
    expect(report.checkIns.map((c) => c.client.name)).toEqual(['Active Co']);
    expect(report.reminders.map((r) => [r.client.name, r.text])).toEqual([
      ['Archived Co', 'Return the keys'], ['Fired Co', 'Send the final files'],
    ]);
  });

  it('logging a call clears the check-in, and inbound contact counts too', async () => {
    const db = await clientDb([
      ['client', 'add', 'Alpha', '--cadence', '1w'],
      ['client', 'add', 'Beta', '--cadence', '1w'],
    ]);
    expect((await due(db)).checkIns.map((c) => c.client.name)).toEqual(['Alpha', 'Beta']);
    await seed(db, [
      ['log', 'Alpha', '--channel', 'phone', '--summary', 'Weekly call', '--no-recap'],
      ['log', 'Beta', '--direction', 'in', '--channel', 'email', '--summary', 'They wrote to us', '--no-recap'],
    ]);
    expect((await due(db)).checkIns).toEqual([]);
    // ... and the next one is due a cadence later
    const ahead = await due(db, '--within', '7');
    expect(ahead.checkIns.map((c) => [c.client.name, c.lastContact, c.dueOn, c.daysOverdue])).toEqual([
      ['Alpha', '2026-11-22', '2026-11-29', -7],
      ['Beta', '2026-11-22', '2026-11-29', -7],
    ]);
  });

  it('counts from the latest interaction, not the latest logged', async () => {
    const db = await clientDb([
      ['client', 'add', 'Acme', '--cadence', '2w'],
      ['log', 'Acme', '--at', '2026-11-15', '--summary', 'recent', '--no-recap'],
      ['log', 'Acme', '--at', '2026-10-02', '--summary', 'logged late about an old call', '--no-recap'],
    ]);
    expect(await due(db, '--within', '2w')).toMatchObject({ checkIns: [{ lastContact: '2026-11-15', dueOn: '2026-11-29' }] });
  });
});

describe('invoices to chase', () => {
  it('lists a partially paid overdue invoice with its remaining balance', async () => {
    const db = await clientDb([
      ['client', 'add', 'Acme'],
      ['invoice', 'add', 'Acme', '--amount', '1,200.50', '--currency', 'EUR', '--number', 'INV-0007', '--issued', '2026-10-02', '--due', '2026-11-01'],
      ['invoice', 'pay', 'INV-0007', '--amount', '600', '--on', '2026-11-05'],
    ]);
    expect((await due(db)).invoices).toEqual([
      { ref: 'invoice:INV-0007', client: { id: 1, name: 'Acme' }, number: 'INV-0007', balance: { amount: 60050, currency: 'EUR' }, dueOn: '2026-11-01', daysOverdue: 21 },
    ]);
  });

  it('leaves out paid, written-off, due-today and not-yet-due invoices', async () => {
    const db = await clientDb([
      ['client', 'add', 'Acme'],
      ['invoice', 'add', 'Acme', '--amount', '100', '--number', 'PAID', '--issued', '2026-10-01', '--due', '2026-10-31'],
      ['invoice', 'pay', 'PAID'],
      ['invoice', 'add', 'Acme', '--amount', '100', '--number', 'WRITTEN', '--issued', '2026-10-01', '--due', '2026-10-31'],
      ['invoice', 'dispute', 'WRITTEN', '--reason', 'refuses to pay'],
      ['invoice', 'resolve', 'WRITTEN', '--outcome', 'written-off'],
      ['invoice', 'add', 'Acme', '--amount', '100', '--number', 'TODAY', '--issued', '2026-10-01', '--due', '2026-11-22'],
      ['invoice', 'add', 'Acme', '--amount', '100', '--number', 'LATER', '--issued', '2026-10-01', '--due', '2026-12-01'],
      ['invoice', 'add', 'Acme', '--amount', '100', '--number', 'LATE', '--issued', '2026-10-01', '--due', '2026-11-21'],
    ]);
    expect((await due(db)).invoices.map((i) => [i.number, i.daysOverdue])).toEqual([['LATE', 1]]);
    // --within shows what is coming, with the days left as a negative number
    expect((await due(db, '--within', '10d')).invoices.map((i) => [i.number, i.daysOverdue])).toEqual([
      ['LATE', 1],
      ['TODAY', 0],
      ['LATER', -9],
    ]);
  });

  it('a fired client gets no check-in, but what it owes is still listed (json, cron and ics alike)', async () => {
    const db = await clientDb([
      ['client', 'add', 'Gone Ltd'],
      ['invoice', 'add', 'Gone Ltd', '--amount', '500', '--number', 'G-1', '--issued', '2026-10-01', '--due', '2026-10-15'],
      ['client', 'fire', 'Gone Ltd'],
    ]);
    const report = await due(db);
    expect(report.checkIns).toEqual([]);
    expect(report.invoices.map((i) => [i.number, i.daysOverdue])).toEqual([['G-1', 38]]);
    expect((await crm(['due', '--cron'], { db })).stdout).toContain('G-1');
    expect((await crm(['due', '--ics'], { db })).stdout).toContain('G-1');
    const overdue = await crmJson(['invoice', 'list', '--overdue'], { db });
    expect(overdue.map((i: { number: string }) => i.number)).toEqual(['G-1']);
  });
});

describe('reminders', () => {
  it('done and snoozed reminders disappear; a snoozed one returns on its new date', async () => {
    const db = await clientDb([
      ['client', 'add', 'Acme', '--cadence', '1m'],
      ['log', 'Acme', '--at', '2026-11-20', '--summary', 'call', '--no-recap'],
      ['remind', 'add', 'Acme', '--on', '2026-11-20', '--text', 'Send the quote'],
      ['remind', 'add', 'Acme', '--on', '2026-11-21', '--text', 'Ask about the trip', '--kind', 'personal'],
      ['remind', 'add', 'Acme', '--on', '2026-11-22', '--text', 'Invoice the extras'],
    ]);
    expect((await due(db)).reminders.map((r) => [r.id, r.daysOverdue])).toEqual([[1, 2], [2, 1], [3, 0]]);

    // By id or by the reference crm due prints.
    expect((await crm(['remind', 'done', 'reminder:1'], { db })).code).toBe(0);
    const snoozed = await crmJson(['remind', 'snooze', '2', '--until', '+3d'], { db });
    expect(snoozed).toMatchObject({ id: 2, on: '2026-11-25', done: false, snoozedFrom: '2026-11-21' });

    expect((await due(db)).reminders.map((r) => r.id)).toEqual([3]);
    const later = await crmJson<Due>(['due'], { db, now: '2026-11-25T09:00:00Z' });
    expect(later.reminders.map((r) => [r.id, r.on, r.daysOverdue])).toEqual([[3, '2026-11-22', 3], [2, '2026-11-25', 0]]);
  });

  it.each([
    [['remind', 'snooze', '99', '--until', '+1d'], /no reminder #99/],
    [['remind', 'snooze', 'invoice:1', '--until', '+1d'], /reminder id 'invoice:1'/],
    [['remind', 'snooze', '1', '--until', 'yesterday'], /not after today/],
    [['remind', 'snooze', '1', '--until', 'someday'], /--until 'someday' is not a date/],
    [['remind', 'snooze', '1'], /--until/],
    [['remind', 'snooze', '2', '--until', '+1w'], /already done/],
  ])('snooze refuses %j with exit 2 and writes nothing', async (args, message) => {
    const db = await clientDb([
      ['client', 'add', 'Acme'],
      ['remind', 'add', 'Acme', '--on', '2026-11-20', '--text', 'one'],
      ['remind', 'add', 'Acme', '--on', '2026-11-20', '--text', 'two'],
      ['remind', 'done', '2'],
    ]);
    const before = snapshot(db);
    const r = await crm(args, { db });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(snapshot(db)).toEqual(before);
  });

  it('a delivery schedules the feedback request and the check-back, both listed by due in time', async () => {
    const db = await clientDb([['client', 'add', 'Acme', '--cadence', '3m']]);
    await seed(db, [['log', 'Acme', '--summary', 'handover call', '--no-recap'], ['deliver', 'Acme', '--project', 'Website v2']]);
    const reminders = await crmJson(['remind', 'list'], { db });
    expect(reminders).toMatchObject([
      { client: { name: 'Acme' }, on: '2026-11-25', kind: 'feedback', text: 'Ask Acme for feedback on Website v2', done: false },
      { client: { name: 'Acme' }, on: '2026-12-22', kind: 'follow-up', text: 'Check how Website v2 landed with Acme', done: false },
    ]);
    expect((await due(db)).reminders).toEqual([]);
    expect((await due(db, '--within', '3d')).reminders.map((r) => [r.kind, r.daysOverdue])).toEqual([['feedback', -3]]);
    expect((await due(db, '--within', '30')).reminders.map((r) => [r.kind, r.daysOverdue])).toEqual([
      ['feedback', -3],
      ['follow-up', -30],
    ]);
  });
});

describe('the command', () => {
  it('prints a friendly line when nothing is due, and creates no database to say so', async () => {
    const db = tempDb();
    const r = await crm(['due'], { db });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/^Nothing due today/);
    expect(await crmJson(['due'], { db })).toEqual({ asOf: '2026-11-22', checkIns: [], invoices: [], reminders: [] });
    expect((await crm(['due', '--cron'], { db })).stdout).toBe('');
    expect(fs.existsSync(db)).toBe(false);
  });

  it('shows the groups most urgent first in the human view', async () => {
    const db = await clientDb([
      ['client', 'add', 'Acme', '--cadence', '1w'],
      ['invoice', 'add', 'Acme', '--amount', '1200', '--currency', 'EUR', '--number', 'INV-0007', '--issued', '2026-10-01', '--due', '2026-11-01'],
      ['remind', 'add', 'Acme', '--on', '2026-11-22', '--text', 'Send the quote'],
    ]);
    const out = (await crm(['due'], { db })).stdout;
    expect(out).toMatch(/Check-ins[\s\S]*Acme\s+45 days overdue[\s\S]*Invoices to chase[\s\S]*INV-0007\s+Acme\s+1,200\.00 EUR\s+21 days overdue[\s\S]*Reminders[\s\S]*Send the quote/);
  });

  it.each([
    [['due', '--within', '-3'], /--within '-3' is not valid/],
    [['due', '--within', 'soon'], /--within 'soon'/],
    [['due', '--json', '--cron'], /cannot be used together/],
    [['due', '--ics', '--json'], /cannot be used together/],
  ])('%j is bad usage: exit 2', async (args, message) => {
    const r = await crm(args, { db: tempDb() });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  it('accepts --within as 2w, 1m or a bare number of days', async () => {
    const db = await clientDb([['client', 'add', 'Acme', '--cadence', '1w']]);
    await seed(db, [['log', 'Acme', '--summary', 'call', '--no-recap']]);
    // last contact today (CRM_NOW): the next check-in is 7 days away
    expect((await due(db, '--within', '6')).checkIns).toEqual([]);
    expect((await due(db, '--within', '7')).checkIns).toHaveLength(1);
    expect((await due(db, '--within', '2w')).checkIns).toHaveLength(1);
    expect((await due(db, '--within', '1w')).checkIns[0]?.daysOverdue).toBe(-7);
  });
});
