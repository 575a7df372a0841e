// Every list renders 200k rows (issue #13): no stack overflow (Math.max(...rows), push(...rows)),
// no quadratic work, and the same lines a small list of the same rows gets. Rows are built in
// memory and rendered by the pure functions (no spawn, no database); no timing is asserted.
import { describe, expect, it } from 'vitest';
import type { Client, Invoice, Reminder } from '../../src/domain/records.js';
import type { HistoryEntry } from '../../src/domain/history.js';
import { MARK_CLOSE, MARK_OPEN, type SearchHit } from '../../src/domain/search-query.js';
import { plainStyle } from '../../src/render/style.js';
import { renderInvoiceList } from '../../src/render/invoices.js';
import { renderClientList } from '../../src/render/clients.js';
import { renderReminderList } from '../../src/render/reminders.js';
import { renderHistory } from '../../src/render/history.js';
import { renderSearch } from '../../src/render/search.js';

const BIG = 200_000;
// Every cell but the id repeats with a period of PERIOD rows, and ids all have 6 digits: the first
// PERIOD rows hold the widest cell of each column, so a list of them is laid out as the whole list is.
const CYCLE = 12;
const PERIOD = 84; // of day(): months (12) and days (28)
const ID0 = 100_000;
const TODAY = '2026-11-22';
const NAMES = ['Acme Corp', '山田商店', 'Zoë & Partners', 'Beta Ltd', '한국 디자인', 'Northwind Traders and Sons Ltd'];
const day = (i: number): string => `2026-${String(1 + (i % CYCLE)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
const name = (i: number): string => `${NAMES[i % NAMES.length] ?? ''} ${i % CYCLE}`;

function rows<T>(n: number, make: (i: number) => T): T[] {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push({ ...make(i % PERIOD), id: ID0 + i });
  return out;
}

const invoice = (i: number): Invoice => ({
  id: 0, number: `INV-${String(i % CYCLE).padStart(4, '0')}`, clientId: 1, clientName: name(i), project: i % 3 ? `project ${i % CYCLE}` : null,
  amount: 10_000 + (i % CYCLE), currency: i % 4 ? 'EUR' : 'USD', issuedOn: day(i), dueOn: day(i + 1), paid: 0, conceded: 0,
  balance: i % 3 ? 500 : 0, status: i % 3 ? (i % 7 ? 'open' : 'disputed') : 'paid', disputeId: null, voidedOn: null,
});
const client = (i: number): Client => ({
  id: 0, name: name(i), email: null, phone: null, company: i % 3 ? `Company ${i % CYCLE}` : null, channel: 'email', cadenceDays: 14,
  timezone: null, note: null, status: i % 5 ? 'active' : 'archived', statusReason: null, statusOn: null, createdOn: '2023-01-01', revision: 1,
});
const reminder = (i: number): Reminder => ({
  id: 0, clientId: 1, clientName: name(i), interactionId: null, deliveryId: null, on: day(i), kind: 'follow-up',
  text: `follow up about the logo ${i % CYCLE}`, doneOn: i % 9 ? null : '2026-01-01', snoozedFrom: null, voidedOn: null,
});
const entry = (i: number): HistoryEntry => ({
  id: 0, ref: '', on: day(i), at: `${day(i)}T10:00:00.000Z`, time: '10:00', voidedOn: null, voidReason: null, corrections: [],
  type: 'interaction', channel: 'phone', direction: 'out', mood: 'neutral', text: `logo ${i % CYCLE}`,
  next: null, nextOwner: null, followUpOn: null,
});
const hit = (i: number): SearchHit => ({
  ref: '', type: 'interaction', id: 0, client: { id: 1, name: name(i) }, on: day(i), snippet: `call about the ${MARK_OPEN}logo${MARK_CLOSE} ${i % CYCLE}`, bm25: -1,
});

type Case = [string, (n: number, width: number) => string, number];
const CASES: Case[] = [
  // [list, render the first n rows, lines after the rows (the invoice list's totals)]
  ['invoice list', (n, w) => renderInvoiceList(plainStyle, rows(n, invoice), TODAY, w), 4],
  ['client list', (n, w) => {
    const list = rows(n, client);
    return renderClientList(plainStyle, list, new Map(list.map((c, i) => [c.id, day(i)])), TODAY, true, w);
  }, 0],
  ['remind list', (n, w) => renderReminderList(plainStyle, rows(n, reminder), TODAY, true, w), 0],
  ['history', (n, w) => renderHistory(plainStyle, {
    client: { name: 'Acme', status: 'active', statusOn: null }, more: 0, all: true, filters: [], width: w, zone: 'UTC',
    entries: rows(n, entry).map((e) => ({ ...e, ref: `interaction:${e.id}` })),
  }), 0],
  ['search', (n, w) => renderSearch(plainStyle, rows(n, hit).map((h) => ({ ...h, ref: `interaction:${h.id}` })),
    { color: false, width: w, total: n, query: 'logo' }), 0],
];

describe.each(CASES)('%s renders 200k rows', (_label, render, tail) => {
  // 80 columns: what a pipe gets, and where columns shrink and drop (the costlier path).
  it('line for line as a short list of the same rows', () => {
    const width = 80;
    const small = render(PERIOD, width).split('\n');
    const big = render(BIG, width).split('\n');
    const head = small.length - tail - 1 - PERIOD; // the header's lines
    expect(big.length).toBe(head + BIG + tail + 1);
    expect(big.slice(0, head + PERIOD)).toEqual(small.slice(0, head + PERIOD));
    // Row k and row k + PERIOD differ only in their id, wherever they are in the list.
    const last = big[head + BIG - 1] ?? '';
    const twin = big[head + BIG - 1 - PERIOD] ?? '';
    expect(last.replace(/\d{6}/, '#')).toBe(twin.replace(/\d{6}/, '#'));
  }, 120_000);
});
