// Facts that cannot be true are refused, and nothing is dropped when a client leaves: stories a
// freelancer runs into, in-process against temp databases (issue #8). Refusals exit 2 and leave the
// database byte-identical.
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { crm, crmJson, seed, snapshot, tempDb, tempDir, type Result } from '../helpers/cli.js';

let db: string;
beforeEach(() => {
  db = tempDb();
});

/** Runs a command that must be refused: exit 2, one line naming what is wrong, nothing written. */
async function refused(args: string[], message: RegExp, opts: { env?: Record<string, string>; stdin?: string } = {}): Promise<Result> {
  const before = snapshot(db);
  const r = await crm(args, { db, ...opts });
  expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(message);
  expect(snapshot(db)).toEqual(before);
  return r;
}

describe('a call logged in the future cannot hide a check-in; a payment in the future cannot mark an invoice paid', () => {
  it('the 2062 typo is refused, and the check-in stays due', async () => {
    await seed(db, [['client', 'add', 'Acme', '--cadence', '1w']], { now: '2026-11-01T09:00:00Z' });
    await refused(['log', 'acme', '--at', '2062-11-20 10:00', '--summary', 'call'], /--at '2062-11-20 10:00' is in the future/);
    const due = await crmJson(['due'], { db });
    expect(due.checkIns.map((c: { client: { name: string } }) => c.client.name)).toEqual(['Acme']);
  });

  it('a payment dated 2062 is refused, so review and due still agree the invoice is unpaid', async () => {
    await seed(db, [
      ['client', 'add', 'Acme'],
      ['invoice', 'add', 'acme', '--amount', '900', '--number', 'A-1', '--issued', '2026-09-01', '--due', '2026-10-01'],
    ]);
    await refused(['invoice', 'pay', 'A-1', '--on', '2062-10-01'], /--on '2062-10-01' is after today \(2026-11-22\)/);
    expect((await crmJson(['due'], { db })).invoices.map((i: { number: string }) => i.number)).toEqual(['A-1']);
    expect((await crmJson(['invoice', 'list'], { db }))[0].status).toBe('open');
  });

  it('"today" and "now" are always accepted for what just happened', async () => {
    const env = { TZ: 'UTC' };
    await seed(db, [['client', 'add', 'Acme']], { env });
    // CRM_NOW is 10:00 UTC: a date alone means noon, which has not come yet, so it means now.
    const logged = await crmJson(['log', 'acme', '--at', 'today', '--summary', 'call'], { db, env });
    expect(logged.at).toBe('2026-11-22T10:00:00+00:00');
    const incident = await crmJson(['incident', 'add', 'acme', '--kind', 'other', '--on', 'now'], { db, env });
    expect(incident.on).toBe('2026-11-22');
    // In Auckland it is already 23:00: noon has come, so "today" means noon.
    const late = await crmJson(['log', 'acme', '--at', 'today', '--summary', 'call'], { db, env: { TZ: 'Pacific/Auckland' } });
    expect(late.at).toBe('2026-11-22T12:00:00+13:00');
  });
});

describe('a conversation needs something said', () => {
  beforeEach(async () => {
    await seed(db, [['client', 'add', 'Acme']]);
  });
  it.each([
    [['log', 'acme'], undefined, /missing required option --summary/],
    [['log', 'acme', '--summary', '-'], '', /--summary is empty \(nothing came on standard input\)/],
    [['log', 'acme', '--summary', '-'], '  \n', /--summary is empty/],
    [['log', 'acme', '--summary', ''], undefined, /--summary is empty/],
  ])('crm %j (stdin %j) is refused naming --summary', async (args, stdin, message) => {
    await refused(args, message, stdin === undefined ? {} : { stdin });
  });
});

describe('client names', () => {
  it('"Nordlicht  Studio" is the client "Nordlicht Studio", not a second one that prints the same', async () => {
    await seed(db, [['client', 'add', 'Nordlicht Studio']]);
    await refused(['client', 'add', 'Nordlicht  Studio'], /a client named 'Nordlicht Studio' already exists/);
    await refused(['client', 'add', ' Nordlicht\u00a0Studio '], /already exists/);
    const spaced = await crmJson(['client', 'add', '  Fjord   Works  '], { db });
    expect(spaced.name).toBe('Fjord Works');
    expect((await crmJson(['client', 'show', 'fjord works'], { db })).id).toBe(spaced.id);
  });

  it.each([
    ['Acme\u200b', /zero-width or invisible/],
    ['Ac\u202eemca', /bidirectional/],
    ['Acme\u0007', /control characters/],
  ])('%j is refused, by add and by rename', async (name, message) => {
    await seed(db, [['client', 'add', 'Acme']]);
    await refused(['client', 'add', name], message);
    await refused(['client', 'edit', 'acme', '--name', name], message);
  });
});

describe('invoices follow their life', () => {
  beforeEach(async () => {
    await seed(db, [
      ['client', 'add', 'Acme'],
      ['invoice', 'add', 'acme', '--amount', '1000', '--currency', 'EUR', '--number', 'P-1', '--issued', '2026-10-01'],
      ['invoice', 'pay', 'P-1', '--on', '2026-10-20'],
      ['invoice', 'add', 'acme', '--amount', '500', '--currency', 'EUR', '--number', 'W-1', '--issued', '2026-10-01'],
      ['invoice', 'dispute', 'W-1', '--reason', 'not worth it', '--on', '2026-10-05'],
      ['invoice', 'resolve', 'W-1', '--outcome', 'written-off', '--on', '2026-10-10'],
      ['invoice', 'add', 'acme', '--amount', '300', '--currency', 'EUR', '--number', 'D-1', '--issued', '2026-10-01'],
      ['invoice', 'dispute', 'D-1', '--reason', 'haggling', '--on', '2026-10-05'],
    ]);
  });

  it('a paid invoice cannot be disputed or written off', async () => {
    await refused(['invoice', 'dispute', 'P-1', '--reason', 'changed my mind'], /P-1 is paid in full; a paid invoice cannot be disputed/);
  });

  it('an invoice paid in full while disputed cannot then be written off', async () => {
    await seed(db, [['invoice', 'pay', 'D-1']]);
    await refused(['invoice', 'resolve', 'D-1', '--outcome', 'written-off'], /D-1 is paid in full; there is nothing to write off/);
    expect((await crm(['invoice', 'resolve', 'D-1', '--outcome', 'upheld'], { db })).code).toBe(0);
  });

  it('a written-off invoice cannot be paid or disputed again', async () => {
    await refused(['invoice', 'pay', 'W-1', '--amount', '10'], /W-1 was written off/);
    await refused(['invoice', 'dispute', 'W-1', '--reason', 'x'], /W-1 was written off/);
  });

  it('--conceded cannot exceed the balance', async () => {
    await refused(['invoice', 'resolve', 'D-1', '--outcome', 'discounted', '--conceded', '300.01'], /--conceded '300.01' is more than the balance of D-1 \(300.00 EUR\)/);
  });
});

describe('client edit with nothing to change', () => {
  beforeEach(async () => {
    await seed(db, [['client', 'add', 'Acme', '--email', 'a@acme.test', '--cadence', '2w']]);
  });
  it('no flags: exit 2, naming what can be changed', async () => {
    await refused(['client', 'edit', 'acme'], /nothing to change; give at least one of --name, --email/);
  });
  it('the same values: exit 2, nothing written', async () => {
    await refused(['client', 'edit', 'acme', '--email', 'a@acme.test', '--cadence', '14'], /nothing to change: 'Acme' already has those values/);
    // A different case is a real change of how the name prints.
    expect((await crmJson(['client', 'edit', 'acme', '--name', 'ACME'], { db })).name).toBe('ACME');
  });
  it('a real change still goes through', async () => {
    expect((await crmJson(['client', 'edit', 'acme', '--cadence', '1w'], { db })).cadenceDays).toBe(7);
  });
});

describe('config is checked as a whole, by every command alike', () => {
  const configs: [string, object, RegExp][] = [
    ['watch at or above fire', { rules: { thresholds: { watch: 70, fire: 60 } } }, /key rules\.thresholds\.watch: must be below rules\.thresholds\.fire \(60\)/],
    ['working hours that start when they end', { workingHours: { start: '09:00', end: '09:00' } }, /key workingHours\.end: must differ from workingHours\.start/],
    ['a day outside 1–7', { workingHours: { days: [1, 8] } }, /key workingHours\.days\.1: expected 1 \(Monday\) to 7 \(Sunday\)/],
    ['a day twice', { workingHours: { days: [1, 1, 2] } }, /key workingHours\.days: lists a day twice/],
  ];
  it.each(configs)('%s', async (_what, config, message) => {
    await seed(db, [['client', 'add', 'Acme']]);
    const file = path.join(tempDir(), 'config.json');
    fs.writeFileSync(file, JSON.stringify(config));
    for (const args of [['due'], ['due', '--cron'], ['review', 'acme'], ['client', 'add', 'Other'], ['log', 'acme', '--summary', 'x']]) {
      await refused(args, message, { env: { CRM_CONFIG: file } });
    }
  });

  it('an overnight span is fine: 03:00 on Saturday is inside a Friday night shift', async () => {
    const file = path.join(tempDir(), 'config.json');
    fs.writeFileSync(file, JSON.stringify({ timezone: 'UTC', workingHours: { start: '22:00', end: '06:00', days: [1, 2, 3, 4, 5] } }));
    const env = { CRM_CONFIG: file };
    await seed(db, [['client', 'add', 'Night Owl'], ['log', 'night', '--at', '2026-11-21 03:00', '--channel', 'phone', '--direction', 'in', '--summary', 'x', '--no-recap']], { env });
    const rules = (await crmJson(['review', 'night'], { db, env })).findings.map((f: { rule: string }) => f.rule);
    expect(rules).not.toContain('unreasonable-demands');
    await seed(db, [['log', 'night', '--at', '2026-11-21 12:00', '--channel', 'phone', '--direction', 'in', '--summary', 'x', '--no-recap']], { env });
    const later = (await crmJson(['review', 'night'], { db, env })).findings.map((f: { rule: string }) => f.rule);
    expect(later).toContain('unreasonable-demands');
  });
});

describe('status changes are history', () => {
  beforeEach(async () => {
    await seed(db, [['client', 'add', 'Acme']], { now: '2026-09-01T10:00:00Z' });
  });

  it('fired twice: the first reason and date stay, "already fired"', async () => {
    await seed(db, [['client', 'fire', 'acme', '--reason', 'paid late for a year']], { now: '2026-10-01T10:00:00Z' });
    await refused(['client', 'fire', 'acme', '--reason', 'again'], /'Acme' is already fired since 2026-10-01 \(reason: 'paid late for a year'\); nothing changed/);
    const shown = await crmJson(['client', 'show', 'acme'], { db });
    expect(shown).toMatchObject({ status: 'fired', statusOn: '2026-10-01', statusReason: 'paid late for a year' });
  });

  it('archiving a fired client keeps the record that it was fired; reactivate brings it back', async () => {
    await seed(db, [['client', 'fire', 'acme', '--reason', 'abusive']], { now: '2026-10-01T10:00:00Z' });
    await seed(db, [['client', 'archive', 'acme', '--reason', '']], { now: '2026-10-15T10:00:00Z' });
    const back = await crmJson(['client', 'reactivate', 'acme', '--reason', 'new management'], { db });
    expect(back.status).toBe('active');
    const shown = await crmJson(['client', 'show', 'acme'], { db });
    expect(shown.statusHistory).toEqual([
      { status: 'fired', on: '2026-10-01', reason: 'abusive' },
      { status: 'archived', on: '2026-10-15', reason: null },
      { status: 'active', on: '2026-11-22', reason: 'new management' },
    ]);
    const human = await crm(['client', 'show', 'acme'], { db });
    expect(human.stdout).toMatch(/status\s+2026-10-01 fired — abusive\n\s+2026-10-15 archived\n\s+2026-11-22 reactivated — new management\n/);
    await refused(['client', 'reactivate', 'acme'], /'Acme' is already active/);
  });

  it('check-ins resume after reactivation', async () => {
    await seed(db, [['client', 'archive', 'acme']], { now: '2026-10-01T10:00:00Z' });
    expect((await crmJson(['due'], { db })).checkIns).toEqual([]);
    await seed(db, [['client', 'reactivate', 'acme']]);
    expect((await crmJson(['due'], { db })).checkIns.map((c: { client: { name: string } }) => c.client.name)).toEqual(['Acme']);
  });
});

describe('recording for an archived or fired client works, and says so', () => {
  it.each([
    [['log', 'acme', '--summary', 'final call', '--no-recap']],
    [['invoice', 'add', 'acme', '--amount', '100']],
    [['change', 'add', 'acme', '--summary', 'one more thing']],
    [['incident', 'add', 'acme', '--kind', 'other']],
    [['referral', 'add', 'acme']],
    [['deliver', 'acme']],
    [['remind', 'add', 'acme', '--on', '+1w', '--text', 'return the keys']],
  ])('crm %j', async (args) => {
    await seed(db, [['client', 'add', 'Acme'], ['client', 'fire', 'acme']]);
    const r = await crm(args, { db });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('crm: note: Acme is fired since 2026-11-22; recorded anyway (crm client reactivate takes them back)\n');
  });

  it('an active client gets no note', async () => {
    await seed(db, [['client', 'add', 'Acme']]);
    expect((await crm(['referral', 'add', 'acme'], { db })).stderr).toBe('');
  });
});

describe('review --as-of before anything was recorded', () => {
  it('says there was no history yet', async () => {
    await seed(db, [['client', 'add', 'Acme'], ['invoice', 'add', 'acme', '--amount', '100', '--issued', '2026-06-01']]);
    const r = await crm(['review', 'acme', '--as-of', '2026-01-01'], { db });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('As of 2026-01-01 there was no history with Acme yet: the first record is on 2026-06-01.\n');
    const json = await crmJson(['review', 'acme', '--as-of', '2026-01-01'], { db });
    expect(json).toMatchObject({ verdict: 'keep', score: 0, findings: [], noHistoryYet: true, firstRecordOn: '2026-06-01' });
    const onTheDay = await crm(['review', 'acme', '--as-of', '2026-06-01'], { db });
    expect(onTheDay.stdout).not.toMatch(/no history/);
  });
});
