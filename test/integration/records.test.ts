// Every recording command, in-process against a temp database with CRM_NOW = 2026-11-22T10:00Z:
// what it stores, what it prints, and its --json shape per the contract.
import { beforeEach, describe, expect, it } from 'vitest';
import { NOW, crm, crmJson, seed, snapshot, tempDb } from '../helpers/cli.js';
import { localInstant, localIso, localOffset } from '../helpers/tz.js';

let db: string;
const run = (args: string[], stdin?: string) => crm(args, { db, ...(stdin === undefined ? {} : { stdin }) });
const json = <T = any>(args: string[]) => crmJson<T>(args, { db });

const CLIENT_KEYS = ['cadenceDays', 'channel', 'company', 'createdOn', 'email', 'id', 'name', 'note', 'phone', 'status', 'timezone'];
const INVOICE_KEYS = ['amount', 'balance', 'client', 'dueOn', 'issuedOn', 'number', 'project', 'status'];
const REMINDER_KEYS = ['client', 'done', 'id', 'kind', 'on', 'text'];

beforeEach(() => {
  db = tempDb();
});

describe('client add / list / show', () => {
  it('add --json prints the new client in the list shape, with defaults filled in', async () => {
    const c = await json(['client', 'add', 'Acme Corp', '--email', 'ops@acme.test', '--phone', '+47 123', '--company', 'Acme AS',
      '--channel', 'phone', '--cadence', '2w', '--timezone', 'Europe/Oslo', '--note', 'pays in kroner']);
    expect(c).toMatchObject({
      id: 1, name: 'Acme Corp', email: 'ops@acme.test', phone: '+47 123', company: 'Acme AS', channel: 'phone',
      cadenceDays: 14, timezone: 'Europe/Oslo', status: 'active', note: 'pays in kroner', createdOn: '2026-11-22',
    });
    for (const k of CLIENT_KEYS) expect(c).toHaveProperty(k);
    const bare = await json(['client', 'add', 'Globex']);
    expect(bare).toMatchObject({ id: 2, email: null, phone: null, company: null, channel: null, cadenceDays: 14, timezone: null, note: null });
    expect(await json(['client', 'list'])).toEqual([c, bare].map((x) => ({ ...x })));
  });

  it('add without --json says what it did in one line', async () => {
    const r = await run(['client', 'add', 'Acme Corp', '--cadence', '10']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/Added client #1 Acme Corp.*10 days/);
  });

  it.each([
    ['1m', 30], ['10d', 10], ['3w', 21], ['5', 5],
  ])('--cadence %s is %d days', async (cadence, days) => {
    expect((await json(['client', 'add', 'Acme', '--cadence', cadence])).cadenceDays).toBe(days);
  });

  it('names are unique regardless of case and Unicode normalisation', async () => {
    await seed(db, [['client', 'add', 'Zo\u00eb']]);
    for (const dup of ['zo\u00eb', 'ZOE\u0308', 'Zoe\u0308']) {
      const before = snapshot(db);
      const r = await run(['client', 'add', dup]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/already exists/);
      expect(snapshot(db)).toEqual(before);
    }
    expect(await json(['client', 'list'])).toHaveLength(1);
  });

  it('stores names NFC-normalised and trimmed', async () => {
    const c = await json(['client', 'add', '  Zoe\u0308 Lund  ']);
    expect(c.name).toBe('Zo\u00eb Lund');
  });

  it('list is sorted by name; an empty list is [] and exit 0', async () => {
    expect(await json(['client', 'list'])).toEqual([]);
    const empty = await run(['client', 'list']);
    expect(empty.code).toBe(0);
    await seed(db, [['client', 'add', 'globex'], ['client', 'add', 'Acme'], ['client', 'add', 'Beta']]);
    expect((await json(['client', 'list'])).map((c: any) => c.name)).toEqual(['Acme', 'Beta', 'globex']);
    const human = await run(['client', 'list']);
    expect(human.stdout.split('\n')[0]).toMatch(/NAME/);
    expect(human.stdout).toMatch(/Acme[\s\S]*Beta[\s\S]*globex/);
  });

  it('show --json is the client plus stats, and resolves by prefix or id', async () => {
    await seed(db, [
      ['client', 'add', 'Acme Corp'],
      ['invoice', 'add', 'acme', '--amount', '1,000', '--currency', 'EUR'],
      ['invoice', 'add', 'acme', '--amount', '500', '--currency', 'JPY'],
      ['log', 'acme', '--summary', 'call', '--at', '2026-11-20 09:00'],
      ['incident', 'add', 'acme', '--kind', 'other'],
      ['remind', 'add', 'acme', '--on', '+1d', '--text', 'x'],
    ]);
    const byPrefix = await json(['client', 'show', 'acm']);
    const byId = await json(['client', 'show', '1']);
    expect(byId).toEqual(byPrefix);
    expect(byPrefix).toMatchObject({ id: 1, name: 'Acme Corp', status: 'active' });
    for (const k of CLIENT_KEYS) expect(byPrefix).toHaveProperty(k);
    expect(byPrefix.stats).toMatchObject({
      lastContact: '2026-11-20', interactions: 1, invoices: 2, incidents: 1, openReminders: 1,
      openBalance: [{ amount: 100000, currency: 'EUR' }, { amount: 500, currency: 'JPY' }],
    });
    const human = await run(['client', 'show', 'Acme Corp']);
    expect(human.stdout).toMatch(/Acme Corp/);
    expect(human.stdout).toMatch(/1,000\.00 EUR/);
    expect(human.stdout).toMatch(/500 JPY/);
  });
});

describe('client edit / archive / fire', () => {
  beforeEach(async () => {
    await seed(db, [['client', 'add', 'Acme Corp', '--email', 'a@acme.test', '--cadence', '2w']]);
  });

  it('edit changes only the flags given; an empty value clears a field', async () => {
    const c = await json(['client', 'edit', 'acme', '--cadence', '1m', '--phone', '555', '--email', '']);
    expect(c).toMatchObject({ id: 1, name: 'Acme Corp', cadenceDays: 30, phone: '555', email: null, status: 'active' });
    expect((await json(['client', 'show', '1'])).cadenceDays).toBe(30);
  });

  it('edit --name renames; a case-only rename of itself is allowed, taking another name is not', async () => {
    expect((await json(['client', 'edit', 'acme', '--name', 'ACME Corp'])).name).toBe('ACME Corp');
    await seed(db, [['client', 'add', 'Globex']]);
    const before = snapshot(db);
    const r = await run(['client', 'edit', 'globex', '--name', 'acme corp']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/'ACME Corp' already exists/);
    expect(snapshot(db)).toEqual(before);
  });

  it.each([
    [['--name', ''], /name is empty/],
    [['--email', 'not-an-email'], /'not-an-email' is not an email/],
    [['--channel', 'pigeon'], /'pigeon' is not one of: email, phone, video, in-person, chat/],
    [['--timezone', 'Mars/Olympus'], /'Mars\/Olympus' is not an IANA time zone/],
    [['--cadence', '0'], /'0' is too short/],
    [['--cadence', '5000'], /'5000' is too long; at most 3650 days/],
    [['--cadence', '500m'], /'500m' is too long/],
  ])('edit %j is refused with exit 2', async (flags, message) => {
    const before = snapshot(db);
    const r = await run(['client', 'edit', 'acme', ...flags]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(snapshot(db)).toEqual(before);
  });

  it('archive and fire keep the client (and its history) but drop it from the default list', async () => {
    await seed(db, [['client', 'add', 'Globex'], ['client', 'add', 'Initech'], ['invoice', 'add', 'globex', '--amount', '10']]);
    const archived = await json(['client', 'archive', 'globex']);
    expect(archived).toMatchObject({ name: 'Globex', status: 'archived' });
    const fired = await json(['client', 'fire', 'initech', '--reason', 'shouted at me']);
    expect(fired).toMatchObject({ name: 'Initech', status: 'fired' });
    expect((await json(['client', 'list'])).map((c: any) => c.name)).toEqual(['Acme Corp']);
    const all = await json(['client', 'list', '--all']);
    expect(all.map((c: any) => [c.name, c.status])).toEqual([['Acme Corp', 'active'], ['Globex', 'archived'], ['Initech', 'fired']]);
    // Archived and fired clients still resolve, and their records stay.
    expect((await json(['client', 'show', 'globex'])).stats.invoices).toBe(1);
    expect((await json(['invoice', 'list', 'globex'])).length).toBe(1);
    expect((await run(['invoice', 'add', 'initech', '--amount', '5'])).code).toBe(0);
    const human = await run(['client', 'show', 'initech']);
    expect(human.stdout).toMatch(/fired/);
    expect(human.stdout).toMatch(/shouted at me/);
  });
});

describe('invoice add', () => {
  beforeEach(async () => {
    await seed(db, [['client', 'add', 'Acme Corp'], ['client', 'add', 'Globex']]);
  });

  it('--json prints the contract shape; number auto-generated; issued today; due after 30 days', async () => {
    const inv = await json(['invoice', 'add', 'acme', '--amount', '1,200.50', '--currency', 'eur', '--project', 'Website']);
    expect(inv).toMatchObject({
      number: 'INV-0001', client: { id: 1, name: 'Acme Corp' }, project: 'Website',
      amount: { amount: 120050, currency: 'EUR' }, balance: { amount: 120050, currency: 'EUR' },
      issuedOn: '2026-11-22', dueOn: '2026-12-22', status: 'open',
    });
    for (const k of INVOICE_KEYS) expect(inv).toHaveProperty(k);
    expect(Number.isInteger(inv.amount.amount)).toBe(true);
  });

  it('without --json prints the generated number', async () => {
    const r = await run(['invoice', 'add', 'acme', '--amount', '800']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/INV-0001/);
    expect(r.stdout).toMatch(/800\.00 USD/);
    expect(r.stdout).toMatch(/2026-12-22/);
  });

  it('numbers keep counting across clients and skip custom numbers', async () => {
    const a = await json(['invoice', 'add', 'acme', '--amount', '1']);
    const b = await json(['invoice', 'add', 'globex', '--amount', '1', '--number', '2026-031']);
    const c = await json(['invoice', 'add', 'globex', '--amount', '1']);
    expect([a.number, b.number, c.number]).toEqual(['INV-0001', '2026-031', 'INV-0002']);
  });

  it('auto numbers never collide with a hand-typed number in other case', async () => {
    await seed(db, [['invoice', 'add', 'acme', '--amount', '10', '--number', 'inv-0001']]);
    const auto = await json(['invoice', 'add', 'globex', '--amount', '20']);
    expect(auto).toMatchObject({ number: 'INV-0002', amount: { amount: 2000, currency: 'USD' } });
    expect((await json(['invoice', 'pay', 'INV-0002'])).status).toBe('paid');
    expect((await json(['invoice', 'pay', 'INV-0001', '--amount', '4'])).balance.amount).toBe(600);
  });

  it('invoice numbers are unique across all clients', async () => {
    await seed(db, [['invoice', 'add', 'acme', '--amount', '1', '--number', 'A-1']]);
    const before = snapshot(db);
    const r = await run(['invoice', 'add', 'globex', '--amount', '1', '--number', 'A-1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/'A-1' is already used/);
    expect(snapshot(db)).toEqual(before);
  });

  it.each([
    [['--terms', '14'], '2026-11-22', '2026-12-06'],
    [['--issued', '2026-11-01'], '2026-11-01', '2026-12-01'],
    [['--issued', '2026-11-01', '--terms', '0'], '2026-11-01', '2026-11-01'],
    [['--issued', 'yesterday', '--due', '+1m'], '2026-11-21', '2026-12-22'],
    [['--due', 'today'], '2026-11-22', '2026-11-22'],
    [['--terms', '3650'], '2026-11-22', '2036-11-19'],
  ])('%j -> issued %s, due %s', async (flags, issuedOn, dueOn) => {
    expect(await json(['invoice', 'add', 'acme', '--amount', '10', ...flags])).toMatchObject({ issuedOn, dueOn });
  });

  it.each([
    ['JPY', '120000', 120000],
    ['BHD', '1.234', 1234],
    ['USD', '0.01', 1],
  ])('%s %s is %d minor units', async (currency, amount, minor) => {
    expect((await json(['invoice', 'add', 'acme', '--amount', amount, '--currency', currency])).amount).toEqual({ amount: minor, currency });
  });
});

describe('invoice pay / dispute / resolve', () => {
  beforeEach(async () => {
    await seed(db, [
      ['client', 'add', 'Acme Corp'],
      ['invoice', 'add', 'acme', '--amount', '1,000', '--currency', 'EUR', '--issued', '2026-10-01', '--terms', '30'],
    ]);
  });

  it('partial payments reduce the balance; without --amount the rest is paid', async () => {
    const first = await json(['invoice', 'pay', 'INV-0001', '--amount', '250.50', '--on', '2026-10-15']);
    expect(first).toMatchObject({ status: 'open', balance: { amount: 74950, currency: 'EUR' }, amount: { amount: 100000, currency: 'EUR' } });
    const second = await json(['invoice', 'pay', 'inv-0001', '--amount', '49.50']);
    expect(second.balance.amount).toBe(70000);
    const rest = await run(['invoice', 'pay', 'INV-0001']);
    expect(rest.code).toBe(0);
    expect(rest.stdout).toMatch(/paid in full/);
    const [inv] = await json(['invoice', 'list']);
    expect(inv).toMatchObject({ status: 'paid', balance: { amount: 0, currency: 'EUR' } });
  });

  it('paying an invoice that is already paid, or more than the balance, is refused', async () => {
    await seed(db, [['invoice', 'pay', 'INV-0001', '--amount', '900']]);
    const before = snapshot(db);
    const over = await run(['invoice', 'pay', 'INV-0001', '--amount', '100.01']);
    expect(over.code).toBe(2);
    expect(over.stderr).toMatch(/'100\.01' is more than the balance of INV-0001 \(100\.00 EUR\)/);
    expect(snapshot(db)).toEqual(before);
    await seed(db, [['invoice', 'pay', 'INV-0001']]);
    const again = await run(['invoice', 'pay', 'INV-0001']);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already paid in full/);
  });

  it('a payment before the invoice was issued is refused', async () => {
    const r = await run(['invoice', 'pay', 'INV-0001', '--on', '2026-09-30']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/before INV-0001 was issued/);
  });

  it('dispute marks it disputed; upheld leaves the balance; a second dispute needs the first resolved', async () => {
    const d = await json(['invoice', 'dispute', 'INV-0001', '--reason', 'wants 20% off', '--on', '2026-11-02']);
    expect(d).toMatchObject({ status: 'disputed', balance: { amount: 100000, currency: 'EUR' } });
    const twice = await run(['invoice', 'dispute', 'INV-0001', '--reason', 'again']);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/already disputed/);
    const up = await json(['invoice', 'resolve', 'INV-0001', '--outcome', 'upheld']);
    expect(up).toMatchObject({ status: 'open', balance: { amount: 100000, currency: 'EUR' } });
    const none = await run(['invoice', 'resolve', 'INV-0001', '--outcome', 'upheld']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no open dispute/);
  });

  it('discounted: the conceded amount reduces the balance, and the rest can be paid', async () => {
    await seed(db, [['invoice', 'pay', 'INV-0001', '--amount', '400'], ['invoice', 'dispute', 'INV-0001', '--reason', 'haggling']]);
    const r = await json(['invoice', 'resolve', 'INV-0001', '--outcome', 'discounted', '--conceded', '150']);
    expect(r).toMatchObject({ status: 'open', balance: { amount: 45000, currency: 'EUR' } });
    expect((await json(['invoice', 'pay', 'INV-0001'])).status).toBe('paid');
    expect(await json(['invoice', 'list', '--open'])).toEqual([]);
  });

  it('discounted needs --conceded, and cannot concede more than the balance', async () => {
    await seed(db, [['invoice', 'dispute', 'INV-0001', '--reason', 'haggling']]);
    const missing = await run(['invoice', 'resolve', 'INV-0001', '--outcome', 'discounted']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--conceded is required/);
    const before = snapshot(db);
    const tooMuch = await run(['invoice', 'resolve', 'INV-0001', '--outcome', 'discounted', '--conceded', '1000.01']);
    expect(tooMuch.code).toBe(2);
    expect(tooMuch.stderr).toMatch(/'1000\.01' is more than the balance/);
    expect(snapshot(db)).toEqual(before);
    expect((await json(['invoice', 'list']))[0].status).toBe('disputed');
  });

  it('written-off gives up the whole remaining balance', async () => {
    await seed(db, [['invoice', 'pay', 'INV-0001', '--amount', '300'], ['invoice', 'dispute', 'INV-0001', '--reason', 'refuses to pay']]);
    const r = await json(['invoice', 'resolve', 'INV-0001', '--outcome', 'written-off']);
    expect(r).toMatchObject({ status: 'written-off', balance: { amount: 0, currency: 'EUR' } });
    expect(await json(['invoice', 'list', '--open'])).toEqual([]);
    expect(await json(['invoice', 'list', '--overdue'])).toEqual([]);
    const pay = await run(['invoice', 'pay', 'INV-0001']);
    expect(pay.code).toBe(2);
    expect(pay.stderr).toMatch(/written off/);
  });

  it('a dispute cannot be resolved before it was opened', async () => {
    await seed(db, [['invoice', 'dispute', 'INV-0001', '--reason', 'x', '--on', '2026-11-10']]);
    const r = await run(['invoice', 'resolve', 'INV-0001', '--outcome', 'upheld', '--on', '2026-11-09']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--on '2026-11-09' is before the dispute on INV-0001 was opened \(2026-11-10\)/);
    expect((await json(['invoice', 'resolve', 'INV-0001', '--outcome', 'upheld', '--on', '2026-11-10'])).status).toBe('open');
  });

  it('an unknown --outcome is refused, listing the accepted values', async () => {
    await seed(db, [['invoice', 'dispute', 'INV-0001', '--reason', 'x']]);
    const r = await run(['invoice', 'resolve', 'INV-0001', '--outcome', 'forgiven']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/'forgiven' is not one of: upheld, discounted, written-off/);
  });

  it('an unknown invoice number suggests the nearest', async () => {
    const r = await run(['invoice', 'pay', 'INV-001']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no invoice numbered 'INV-001'; did you mean 'INV-0001'/);
  });
});

describe('invoice list', () => {
  beforeEach(async () => {
    await seed(db, [
      ['client', 'add', 'Acme Corp'],
      ['client', 'add', 'Globex'],
      ['invoice', 'add', 'acme', '--amount', '100', '--number', 'PAID', '--issued', '2026-09-01', '--terms', '30'],
      ['invoice', 'pay', 'PAID', '--on', '2026-09-20'],
      ['invoice', 'add', 'acme', '--amount', '200', '--number', 'LATE', '--issued', '2026-10-01', '--terms', '30'],
      ['invoice', 'add', 'globex', '--amount', '300', '--number', 'DUE-TODAY', '--issued', '2026-10-23', '--due', '2026-11-22'],
      ['invoice', 'add', 'globex', '--amount', '400', '--number', 'LATER', '--terms', '30'],
      ['invoice', 'add', 'globex', '--amount', '500', '--number', 'PART', '--issued', '2026-10-01', '--terms', '10'],
      ['invoice', 'pay', 'PART', '--amount', '499.99'],
    ]);
  });

  const numbers = async (args: string[]) => (await json(['invoice', 'list', ...args])).map((i: any) => i.number).sort();

  it('lists every invoice by default, each in the contract shape', async () => {
    const all = await json(['invoice', 'list']);
    expect(all.map((i: any) => i.number).sort()).toEqual(['DUE-TODAY', 'LATE', 'LATER', 'PAID', 'PART']);
    for (const inv of all) for (const k of INVOICE_KEYS) expect(inv).toHaveProperty(k);
    expect(all.find((i: any) => i.number === 'PART').balance).toEqual({ amount: 1, currency: 'USD' });
  });

  it('--open: only invoices with a balance', async () => {
    expect(await numbers(['--open'])).toEqual(['DUE-TODAY', 'LATE', 'LATER', 'PART']);
  });

  it('--overdue: a balance and a due date before today (the due date itself is still a day to pay)', async () => {
    expect(await numbers(['--overdue'])).toEqual(['LATE', 'PART']);
  });

  it('<client> filters, by prefix too', async () => {
    expect(await numbers(['glo'])).toEqual(['DUE-TODAY', 'LATER', 'PART']);
    expect(await numbers(['acme', '--open'])).toEqual(['LATE']);
  });

  it('the human list shows balances and how late', async () => {
    const r = await run(['invoice', 'list', '--overdue']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/LATE/);
    expect(r.stdout).toMatch(/22d overdue/); // due 2026-10-31
    expect(r.stdout).not.toMatch(/LATER/);
  });
});

describe('change, incident, referral', () => {
  beforeEach(async () => {
    await seed(db, [['client', 'add', 'Acme Corp']]);
  });

  it('change add --json', async () => {
    const c = await json(['change', 'add', 'acme', '--summary', 'New colour scheme', '--project', 'Web', '--hours', '1.5', '--unbilled', '--on', '2026-11-20']);
    expect(c).toMatchObject({ id: 1, client: { id: 1, name: 'Acme Corp' }, on: '2026-11-20', summary: 'New colour scheme', project: 'Web', hours: 1.5, unbilled: true });
    const billed = await json(['change', 'add', 'acme', '--summary', 'More pages']);
    expect(billed).toMatchObject({ on: '2026-11-22', hours: null, unbilled: false, project: null });
    expect((await json(['client', 'show', 'acme'])).stats.changeRequests).toBe(2);
  });

  it.each([
    [['--summary', ''], /--summary is empty/],
    [['--summary', 'x', '--hours', 'lots'], /--hours 'lots'/],
    [['--summary', 'x', '--hours', '-2'], /--hours '-2'/],
  ])('change add %j is refused', async (flags, message) => {
    const before = snapshot(db);
    const r = await run(['change', 'add', 'acme', ...flags]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(snapshot(db)).toEqual(before);
  });

  it('incident add --json, with every contract kind accepted', async () => {
    const i = await json(['incident', 'add', 'acme', '--kind', 'verbal-abuse', '--on', '2026-11-20 03:10', '--severity', 'high', '--note', 'yelled', '--warned']);
    expect(i).toMatchObject({
      id: 1, client: { id: 1, name: 'Acme Corp' }, kind: 'verbal-abuse', on: '2026-11-20', severity: 'high', note: 'yelled', warned: true,
    });
    // --on is local wall-clock time; JSON writes it back with the local offset (+00:00 under UTC).
    expect(i.at).toBe(`2026-11-20T03:10:00${localOffset(localInstant('2026-11-20 03:10'))}`);
    const dflt = await json(['incident', 'add', 'acme', '--kind', 'other']);
    expect(dflt).toMatchObject({ severity: 'medium', warned: false, note: null, at: localIso(NOW) });
    expect(new Date(dflt.at).toISOString()).toBe(new Date(NOW).toISOString()); // the clock's instant
    for (const kind of ['physical-abuse', 'dishonesty', 'unreasonable-demand', 'ignored-advice', 'competitor-leverage', 'legal-risk', 'missed-deadline']) {
      expect((await json(['incident', 'add', 'acme', '--kind', kind])).kind).toBe(kind);
    }
    expect((await json(['client', 'show', 'acme'])).stats.incidents).toBe(9);
  });

  it('incident note from stdin with --note -', async () => {
    const r = await run(['incident', 'add', 'acme', '--kind', 'other', '--note', '-', '--json'], 'line one\nline two\n');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).note).toBe('line one\nline two');
  });

  it.each([
    [['--kind', 'rudeness'], /--kind 'rudeness' is not one of: physical-abuse, verbal-abuse/],
    [['--kind', 'other', '--severity', 'extreme'], /--severity 'extreme' is not one of: low, medium, high/],
    [['--kind', 'other', '--on', '2026-02-30'], /--on '2026-02-30'/],
  ])('incident add %j is refused', async (flags, message) => {
    const before = snapshot(db);
    const r = await run(['incident', 'add', 'acme', ...flags]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(snapshot(db)).toEqual(before);
  });

  it('referral add --json', async () => {
    const r = await json(['referral', 'add', 'acme', '--note', 'introduced us to Globex', '--on', '2026-11-01']);
    expect(r).toMatchObject({ id: 1, client: { id: 1, name: 'Acme Corp' }, on: '2026-11-01', note: 'introduced us to Globex' });
    expect(await json(['referral', 'add', 'acme'])).toMatchObject({ on: '2026-11-22', note: null });
    expect((await json(['client', 'show', 'acme'])).stats.referrals).toBe(2);
  });
});

describe('remind add / done / list', () => {
  beforeEach(async () => {
    await seed(db, [['client', 'add', 'Acme Corp'], ['client', 'add', 'Globex']]);
  });

  it('add --json is the list shape; default kind follow-up', async () => {
    const r = await json(['remind', 'add', 'acme', '--on', '+1w', '--text', 'Ask how Japan went', '--kind', 'personal']);
    expect(r).toMatchObject({ id: 1, client: { id: 1, name: 'Acme Corp' }, on: '2026-11-29', kind: 'personal', text: 'Ask how Japan went', done: false });
    for (const k of REMINDER_KEYS) expect(r).toHaveProperty(k);
    expect((await json(['remind', 'add', 'glo', '--on', '2026-11-30', '--text', 'Send quote'])).kind).toBe('follow-up');
  });

  it('a new reminder cannot be set before today', async () => {
    const r = await run(['remind', 'add', 'glo', '--on', 'yesterday', '--text', 'Send quote']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("crm: --on 'yesterday' is before today (2026-11-22); it must be today or later\n");
  });

  it('list is soonest first; done ones only with --all; done twice is refused', async () => {
    await seed(db, [
      ['remind', 'add', 'acme', '--on', '+3d', '--text', 'later'],
      ['remind', 'add', 'acme', '--on', 'today', '--text', 'today'],
    ]);
    // Set a month ago, for a day that has now passed.
    await seed(db, [['remind', 'add', 'globex', '--on', '2026-11-01', '--text', 'overdue']], { now: '2026-10-20T10:00:00Z' });
    expect((await json(['remind', 'list'])).map((r: any) => r.text)).toEqual(['overdue', 'today', 'later']);
    const done = await json(['remind', 'done', '3']);
    expect(done).toMatchObject({ id: 3, done: true, text: 'overdue' });
    expect((await json(['remind', 'list'])).map((r: any) => r.id)).toEqual([2, 1]);
    const all = await json(['remind', 'list', '--all']);
    expect(all.map((r: any) => [r.id, r.done])).toEqual([[2, false], [1, false], [3, true]]);
    const again = await run(['remind', 'done', '3']);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already done/);
  });

  it.each([
    [['remind', 'add', 'acme', '--on', 'someday', '--text', 'x'], /--on 'someday'/],
    [['remind', 'add', 'acme', '--on', '+1d', '--text', ' '], /--text is empty/],
    [['remind', 'add', 'acme', '--on', '+1d', '--text', 'x', '--kind', 'nag'], /--kind 'nag' is not one of: follow-up, personal, feedback/],
    [['remind', 'done', '99'], /no reminder #99/],
    [['remind', 'done', 'abc'], /'abc' is not an id/],
  ])('%j is refused', async (args, message) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

describe('deliver', () => {
  it('records the delivery and schedules a feedback request and a follow-up 30 days later', async () => {
    await seed(db, [['client', 'add', 'Acme Corp']]);
    const d = await json(['deliver', 'acme', '--project', 'Website v2', '--on', '2026-11-20']);
    expect(d).toMatchObject({ id: 1, client: { id: 1, name: 'Acme Corp' }, project: 'Website v2', on: '2026-11-20' });
    const reminders = await json(['remind', 'list']);
    expect(reminders).toHaveLength(2);
    const feedback = reminders.find((r: any) => r.kind === 'feedback');
    const followUp = reminders.find((r: any) => r.kind === 'follow-up');
    expect(feedback.client).toEqual({ id: 1, name: 'Acme Corp' });
    expect(feedback.on > '2026-11-20' && feedback.on <= '2026-11-27').toBe(true); // "a few days later"
    expect(feedback.text).toMatch(/feedback/i);
    expect(feedback.text).toMatch(/Website v2/);
    expect(followUp.on).toBe('2026-12-20');
    expect((await json(['client', 'show', 'acme'])).stats.deliveries).toBe(1);
  });

  it('without --on it is today', async () => {
    await seed(db, [['client', 'add', 'Acme Corp']]);
    const d = await json(['deliver', 'acme']);
    expect(d.on).toBe('2026-11-22');
    expect((await json(['remind', 'list'])).map((r: any) => r.on)).toContain('2026-12-22');
  });
});

describe('log', () => {
  beforeEach(async () => {
    await seed(db, [['client', 'add', 'Acme Corp', '--channel', 'video']]);
  });

  it('records an interaction and prints a recap to paste into an email', async () => {
    const r = await run(['log', 'acme', '--channel', 'phone', '--summary', 'Kick-off: scope and timeline', '--mood', 'positive', '--at', '2026-11-21 15:00']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Recap of our call on 2026-11-21/);
    expect(r.stdout).toMatch(/Kick-off: scope and timeline/);
    expect((await json(['client', 'show', 'acme'])).stats).toMatchObject({ interactions: 1, lastContact: '2026-11-21' });
  });

  it('--json: the interaction; the channel defaults to the client\'s preferred one; no reminder without --follow-up', async () => {
    const i = await json(['log', 'acme', '--summary', 'Quick sync', '--direction', 'in']);
    expect(i).toMatchObject({ client: { id: 1, name: 'Acme Corp' }, channel: 'video', direction: 'in', summary: 'Quick sync', reminder: null });
    expect(await json(['remind', 'list'])).toEqual([]);
  });

  it('--follow-up with --next creates a reminder whose text is the next step', async () => {
    const i = await json(['log', 'acme', '--summary', 'Asked for a quote', '--follow-up', '+2d', '--next', 'Send the quote']);
    expect(i.reminder).toMatchObject({ on: '2026-11-24', kind: 'follow-up', text: 'Send the quote', done: false });
    expect(await json(['remind', 'list'])).toEqual([expect.objectContaining({ on: '2026-11-24', text: 'Send the quote', kind: 'follow-up' })]);
  });

  it('--follow-up alone creates "Follow up: <summary>"', async () => {
    await json(['log', 'acme', '--summary', 'Talked budget', '--follow-up', '2026-12-01']);
    expect(await json(['remind', 'list'])).toEqual([expect.objectContaining({ on: '2026-12-01', text: 'Follow up: Talked budget' })]);
  });

  it('--next alone records the next step in the recap, without a reminder', async () => {
    const r = await run(['log', 'acme', '--summary', 'Review', '--next', 'Client sends the copy', '--owner', 'client']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Agreed next step: Client sends the copy/);
    expect(await json(['remind', 'list'])).toEqual([]);
  });

  it('recap reprints the last conversation', async () => {
    await seed(db, [['log', 'acme', '--summary', 'first', '--at', '2026-11-01'], ['log', 'acme', '--summary', 'second', '--at', '2026-11-10']]);
    const r = await run(['recap', 'acme']);
    expect(r.stdout).toMatch(/second/);
    expect(r.stdout).not.toMatch(/first/);
  });

  it.each([
    [['--mood', 'ecstatic'], /--mood 'ecstatic' is not one of: positive, neutral, negative/],
    [['--direction', 'sideways'], /--direction 'sideways'/],
    [['--channel', 'fax'], /--channel 'fax'/],
    [['--follow-up', '2026-02-30'], /--follow-up '2026-02-30'/],
    [['--at', 'last tuesday'], /--at 'last tuesday'/],
  ])('log %j is refused, nothing written', async (flags, message) => {
    const before = snapshot(db);
    const r = await run(['log', 'acme', '--summary', 'x', ...flags]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
    expect(snapshot(db)).toEqual(before);
  });
});

describe('every --json output is one JSON document and nothing else', () => {
  it('for each recording command', async () => {
    await seed(db, [['client', 'add', 'Acme Corp'], ['invoice', 'add', 'acme', '--amount', '10']]);
    const commands = [
      ['client', 'add', 'Globex'], ['client', 'list'], ['client', 'show', 'acme'], ['client', 'edit', 'acme', '--phone', '1'],
      ['invoice', 'add', 'acme', '--amount', '5'], ['invoice', 'pay', 'INV-0001', '--amount', '1'], ['invoice', 'dispute', 'INV-0001', '--reason', 'r'],
      ['invoice', 'resolve', 'INV-0001', '--outcome', 'upheld'], ['invoice', 'list'], ['change', 'add', 'acme', '--summary', 's'],
      ['incident', 'add', 'acme', '--kind', 'other'], ['referral', 'add', 'acme'], ['remind', 'add', 'acme', '--on', '+1d', '--text', 't'],
      ['remind', 'done', '1'], ['remind', 'list'], ['deliver', 'acme'], ['log', 'acme', '--summary', 's'],
      ['client', 'archive', 'globex'], ['client', 'fire', 'globex'],
    ];
    for (const args of commands) {
      const r = await run([...args, '--json']);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stderr, args.join(' ')).toBe('');
      expect(() => JSON.parse(r.stdout), args.join(' ')).not.toThrow();
    }
  });
});
