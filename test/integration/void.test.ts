// crm void / crm unvoid in-process: the reason (stdin, blanks, controls), the audit trail rows, the
// reminders that go and come back with their interaction (and only those), the hints about what
// still counts, the refusals on unvoid, and one journal entry per command for crm undo.
import { describe, expect, it } from 'vitest';
import { crm, crmJson, seed, tempDb } from '../helpers/cli.js';
import { dump, withDb } from '../reliability/harness.js';

const setup = async (...extra: string[][]): Promise<string> => {
  const db = tempDb();
  await seed(db, [
    ['client', 'add', 'Acme Corp'],
    ['log', 'Acme Corp', '--at', '2026-11-20 10:00', '--summary', 'Kick-off', '--follow-up', '2026-11-25', '--next', 'Send the quote', '--no-recap'],
    ...extra,
  ]);
  return db;
};
const sql = <T = any>(db: string, query: string, ...params: unknown[]): T[] => withDb(db, (d) => d.prepare(query).all(...params) as T[]);
const corrections = (db: string) =>
  sql(db, 'SELECT record_type AS type, record_id AS id, client_id AS clientId, action, on_date AS "on", at, reason, before, after FROM corrections ORDER BY id')
    .map((c) => ({ ...c, before: JSON.parse(c.before), after: JSON.parse(c.after) }));
const openReminders = async (db: string) => (await crmJson<{ ref: string }[]>(['remind', 'list'], { db })).map((r) => r.ref);

async function refused(db: string, args: string[], said: string | RegExp, stdin?: string) {
  const before = dump(db);
  const r = await crm(args, { db, stdin });
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(said);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(dump(db)).toBe(before);
}

describe('the reason', () => {
  it('comes from stdin with --reason -, trimmed', async () => {
    const db = await setup();
    const j = await crmJson(['void', 'reminder:1', '--reason', '-'], { db, stdin: '  the client cancelled the quote\n' });
    expect(j.voidReason).toBe('the client cancelled the quote');
  });

  it('empty stdin or blanks are refused, naming --reason; nothing written', async () => {
    const db = await setup();
    await refused(db, ['void', 'reminder:1', '--reason', '-'], /--reason is empty \(nothing came on standard input\)/, '');
    await refused(db, ['void', 'reminder:1', '--reason', ' \t '], /--reason is empty/);
    await refused(db, ['void', 'reminder:1'], /missing required option --reason/);
  });

  it('control characters are kept as typed and shown harmless', async () => {
    const db = await setup();
    const r = await crm(['void', 'reminder:1', '--reason', 'oops \x1b[31mred'], { db });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('oops ␛[31mred');
    expect(r.stdout).not.toContain('\x1b');
    expect(sql(db, 'SELECT void_reason AS r FROM reminders')[0].r).toBe('oops \x1b[31mred');
    const again = await crm(['void', 'reminder:1', '--reason', 'x'], { db });
    expect(again.stderr).toContain("'oops \\x1b[31mred'");
  });
});

describe('the audit trail and the journal', () => {
  it('a void writes one corrections row per record it voids, the reminders naming their interaction; unvoid one per record back', async () => {
    const db = await setup();
    await crm(['void', 'interaction:1', '--reason', 'wrong client'], { db });
    const at = '2026-11-22T10:00:00.000Z';
    expect(corrections(db)).toEqual([
      { type: 'interaction', id: 1, clientId: 1, action: 'void', on: '2026-11-22', at, reason: 'wrong client', before: { voidedOn: null, voidReason: null }, after: { voidedOn: '2026-11-22', voidReason: 'wrong client' } },
      { type: 'reminder', id: 1, clientId: 1, action: 'void', on: '2026-11-22', at, reason: 'wrong client', before: { voidedOn: null, voidReason: null }, after: { voidedOn: '2026-11-22', voidReason: 'wrong client', with: 'interaction:1' } },
    ]);
    await crm(['unvoid', 'interaction:1'], { db, now: '2026-11-23T09:00:00Z' });
    expect(corrections(db).slice(2)).toMatchObject([
      { type: 'interaction', id: 1, action: 'unvoid', on: '2026-11-23', reason: null, before: { voidedOn: '2026-11-22', voidReason: 'wrong client' }, after: { voidedOn: null, voidReason: null } },
      { type: 'reminder', id: 1, action: 'unvoid', on: '2026-11-23', after: { voidedOn: null, voidReason: null, with: 'interaction:1' } },
    ]);
  });

  it('each command is one journal entry holding every row it changed (what crm undo reverts)', async () => {
    const db = await setup();
    await crm(['void', 'interaction:1', '--reason', 'wrong client'], { db });
    const entries = sql(db, 'SELECT id, command FROM journal ORDER BY id');
    const last = entries.at(-1);
    expect(last.command).toMatch(/void interaction:1/);
    const changes = sql(db, 'SELECT tbl, row_id AS id, op FROM journal_changes WHERE entry_id = ? ORDER BY id', last.id);
    expect(changes).toEqual(expect.arrayContaining([
      { tbl: 'interactions', id: 1, op: 'update' }, { tbl: 'reminders', id: 1, op: 'update' },
      { tbl: 'corrections', id: 1, op: 'insert' }, { tbl: 'corrections', id: 2, op: 'insert' },
    ]));
  });
});

describe('reminders go and come back with their interaction', () => {
  it('only open ones go: a reminder already done stays as it was', async () => {
    const db = await setup(['remind', 'done', '1']);
    const j = await crmJson(['void', 'interaction:1', '--reason', 'wrong client'], { db });
    expect(j.also).toEqual([]);
    expect(sql(db, 'SELECT voided_on AS v, done_on AS d FROM reminders')).toEqual([{ v: null, d: '2026-11-22' }]);
  });

  it('unvoid brings back only the reminders of its latest void that are still void from it', async () => {
    const db = await setup(['remind', 'add', 'Acme Corp', '--on', '2026-11-30', '--text', 'unrelated']);
    // A second follow-up linked to the same call (as the wizard would make), voided on its own before.
    withDb(db, (d) => d.prepare("INSERT INTO reminders (client_id, interaction_id, on_date, kind, text) VALUES (1, 1, '2026-12-01', 'follow-up', 'second')").run());
    await crm(['void', 'reminder:3', '--reason', 'not needed'], { db });
    expect((await crmJson(['void', 'interaction:1', '--reason', 'wrong client'], { db })).also).toEqual(['reminder:1']);
    expect(await openReminders(db)).toEqual(['reminder:2']);
    expect((await crmJson(['unvoid', 'interaction:1'], { db })).also).toEqual(['reminder:1']);
    expect(await openReminders(db)).toEqual(['reminder:1', 'reminder:2']);

    // Void again, take the reminder back on its own, void it on its own: the interaction's unvoid leaves it alone.
    await crm(['void', 'interaction:1', '--reason', 'wrong client after all'], { db });
    await crm(['unvoid', 'reminder:1'], { db });
    await crm(['void', 'reminder:1', '--reason', 'done by phone'], { db });
    const back = await crm(['unvoid', 'interaction:1'], { db, columns: 200 });
    expect(back.stdout).toBe('Unvoided interaction:1 (Kick-off, 2026-11-20, Acme Corp); it counts again\n');
    expect(await openReminders(db)).toEqual(['reminder:2']);
  });
});

describe('what was recorded with an interaction', () => {
  it('incidents, changes and referrals of the same conversation stay live and are named as a hint', async () => {
    const db = await setup();
    withDb(db, (d) => {
      d.prepare("INSERT INTO incidents (client_id, interaction_id, kind, at, severity, warned) VALUES (1, 1, 'verbal-abuse', '2026-11-20T10:00:00Z', 'high', 0)").run();
      d.prepare("INSERT INTO change_requests (client_id, interaction_id, summary, on_date, unbilled) VALUES (1, 1, 'new page', '2026-11-20', 1)").run();
    });
    const r = await crm(['void', 'interaction:1', '--reason', 'wrong client'], { db, columns: 200 });
    expect(r.stdout).toBe(
      'Voided interaction:1 (Kick-off, 2026-11-20, Acme Corp): wrong client\n' +
      '  also voided reminder:1 (the open reminder recorded with it)\n' +
      '  incident:1, change:1 were recorded with it and still count; void them too if they were part of the mistake\n',
    );
    expect((await crmJson(['client', 'show', 'Acme Corp'], { db })).stats).toMatchObject({ interactions: 0, incidents: 1, changeRequests: 1 });
    await crm(['unvoid', 'interaction:1'], { db });
    await crm(['void', 'change:1', '--reason', 'part of the mistake'], { db });
    const one = await crm(['void', 'interaction:1', '--reason', 'wrong client'], { db, columns: 200 });
    expect(one.stdout).toContain('  incident:1 was recorded with it and still counts; void it too if it was part of the mistake\n');
  });

  it('the confirmation wraps to the terminal', async () => {
    const db = await setup();
    const r = await crm(['void', 'interaction:1', '--reason', 'logged against the wrong client, it was Beta Ltd'], { db, columns: 40 });
    for (const line of r.stdout.trimEnd().split('\n')) expect(line.length).toBeLessThanOrEqual(40);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('it was Beta Ltd');
  });
});

describe('invoices and disputes', () => {
  const invoice = ['invoice', 'add', 'Acme Corp', '--amount', '1000', '--currency', 'EUR', '--number', 'INV-7', '--issued', '2026-09-01', '--due', '2026-10-01'];

  it('voiding an invoice takes its disputes with it; the invoice can be found by id too', async () => {
    const db = await setup(invoice, ['invoice', 'dispute', 'INV-7', '--reason', 'scope', '--on', '2026-10-02']);
    const r = await crm(['void', 'invoice:1', '--reason', 'sent to the wrong client'], { db, columns: 200 });
    expect(r.stdout).toBe(
      'Voided invoice:INV-7 (1,000.00 EUR, 2026-09-01, Acme Corp): sent to the wrong client\n' +
      '  dispute:1 on it counts nowhere while the invoice is void\n',
    );
    expect((await crmJson(['due'], { db })).invoices).toEqual([]);
    // Nothing more can be recorded on it.
    expect((await crm(['invoice', 'pay', 'INV-7'], { db })).code).toBe(2);
  });

  it('an open dispute comes back only when the invoice has no other open dispute and still owes money', async () => {
    const db = await setup(invoice, ['invoice', 'dispute', 'INV-7', '--reason', 'scope', '--on', '2026-10-02']);
    await crm(['void', 'dispute:1', '--reason', 'recorded twice'], { db });
    await seed(db, [['invoice', 'dispute', 'INV-7', '--reason', 'scope, properly', '--on', '2026-10-03']]);
    await refused(db, ['unvoid', 'dispute:1'], /INV-7 has another open dispute now \(dispute:2\); resolve or void it first/);
    await seed(db, [['invoice', 'resolve', 'INV-7', '--outcome', 'upheld'], ['invoice', 'pay', 'INV-7']]);
    await refused(db, ['unvoid', 'dispute:1'], /INV-7 is paid in full now, and a paid invoice cannot be disputed/);
  });

  it('voiding a payment on a discounted invoice is fine: what was not conceded is owed again', async () => {
    const db = await setup(invoice, ['invoice', 'pay', 'INV-7', '--amount', '800', '--on', '2026-09-15'],
      ['invoice', 'dispute', 'INV-7', '--reason', 'late', '--on', '2026-10-02'], ['invoice', 'resolve', 'INV-7', '--outcome', 'discounted', '--conceded', '200']);
    expect((await crmJson(['invoice', 'list'], { db }))[0]).toMatchObject({ status: 'paid' });
    await crm(['void', 'payment:1', '--reason', 'the bank reversed it'], { db });
    expect((await crmJson(['invoice', 'list'], { db }))[0]).toMatchObject({ status: 'open', balance: { amount: 80000 }, conceded: { amount: 20000 } });
  });
});
