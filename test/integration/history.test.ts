// `crm history`: a client's timeline over several years, with every kind of record — order,
// references, text and JSON fields; the date window by local day, types, the limit, voids and the
// audit trail with --all; bad input; and that one client's history is read through its indexes.
import { beforeAll, describe, expect, test } from 'vitest';
import { withDb } from '../reliability/harness.js';
import { crm, crmJson, seed, tempDb, type RunOptions } from '../helpers/cli.js';
import { insertCorrection } from '../../src/db/corrections.js';
import { historyStatements } from '../../src/db/history.js';

// Los Angeles: 23:30 local is 07:30 UTC the next day, so a UTC date would be wrong.
const TZ = 'America/Los_Angeles';
const opts = (o: RunOptions = {}): RunOptions => ({ ...o, env: { TZ, ...o.env } });
const at = (now: string) => ({ now, env: { TZ } });

let db: string;
const run = (args: string[], o: RunOptions = {}) => crm(['history', ...args], opts({ db, ...o }));
const json = (args: string[], o: RunOptions = {}) => crmJson<Record<string, any>[]>(['history', ...args], opts({ db, ...o }));
/** The references of a human timeline, top to bottom (lines that start with a date). */
const refsOf = (out: string) => out.split('\n').filter((l) => /^\d{4}-\d{2}-\d{2} /.test(l)).map((l) => l.slice(18).split(/\s+/)[0]);

beforeAll(async () => {
  db = tempDb();
  await seed(db, [['client', 'add', 'Acme Corp'], ['client', 'add', 'Beta Ltd']], at('2023-01-10T18:00:00Z'));
  await seed(db, [
    ['log', 'acme', '--at', '2023-02-14 23:30', '--channel', 'phone', '--direction', 'in', '--summary', 'Kick-off about the logo',
      '--mood', 'positive', '--next', 'Send the quote', '--owner', 'client', '--no-recap'],
    ['invoice', 'add', 'acme', '--amount', '1,200', '--currency', 'EUR', '--number', 'A-1', '--issued', '2023-03-01', '--due', '2023-03-31', '--project', 'Logo'],
    ['invoice', 'pay', 'A-1', '--amount', '500', '--on', '2023-03-20'],
    ['invoice', 'dispute', 'A-1', '--reason', 'wants 20% off', '--on', '2023-03-25'],
    ['invoice', 'resolve', 'A-1', '--outcome', 'discounted', '--conceded', '200', '--on', '2023-04-02'],
    ['invoice', 'pay', 'A-1', '--on', '2023-04-03'],
    ['change', 'add', 'acme', '--summary', 'Add a blog', '--project', 'Logo', '--hours', '3', '--unbilled', '--on', '2024-01-05'],
    ['incident', 'add', 'acme', '--kind', 'verbal-abuse', '--severity', 'high', '--note', 'shouted at the team', '--warned', '--on', '2024-06-01 09:15'],
    ['referral', 'add', 'acme', '--note', 'met at the conference', '--on', '2024-07-01'],
    ['deliver', 'acme', '--project', 'Logo', '--on', '2025-08-01'],
    ['remind', 'done', '1'],
    ['log', 'acme', '--at', '2026-10-01 10:00', '--channel', 'email', '--summary', 'Quote for the new site', '--mood', 'neutral', '--no-recap'],
    ['incident', 'add', 'acme', '--kind', 'physical-abuse', '--on', '2026-10-05 14:00', '--note', 'logged against the wrong client'],
    ['remind', 'add', 'acme', '--on', '2026-12-01', '--text', "Send season's greetings", '--kind', 'personal'],
    // Beta's records must never show in Acme's history.
    ['log', 'beta', '--at', '2024-01-05 12:00', '--summary', 'Beta call', '--no-recap'],
    ['invoice', 'add', 'beta', '--amount', '300', '--currency', 'EUR', '--number', 'B-1', '--issued', '2024-02-01'],
    ['invoice', 'pay', 'B-1', '--on', '2024-02-10'],
  ], opts());
  await seed(db, [['client', 'archive', 'acme', '--reason', 'project over']], at('2025-09-01T18:00:00Z'));
  await seed(db, [['client', 'reactivate', 'acme', '--reason', 'new site']], at('2026-03-01T18:00:00Z'));
  await seed(db, [['client', 'archive', 'acme', '--reason', 'quiet']], opts());
  withDb(db, (h) => {
    h.prepare("UPDATE referrals SET referred_client_id = (SELECT id FROM clients WHERE name = 'Beta Ltd')").run();
    // A void and an edit, as crm void / crm edit record them: the mark on the row, the trail in corrections.
    h.prepare("UPDATE incidents SET voided_on = '2026-10-06', void_reason = 'wrong client' WHERE kind = 'physical-abuse'").run();
    const [acme, beta] = [1, 2];
    insertCorrection(h, {
      recordType: 'incident', recordId: 2, clientId: acme, priorClientId: null, action: 'void', on: '2026-10-06',
      at: '2026-10-06T16:00:00.000Z', reason: 'wrong client', before: null, after: null,
    });
    insertCorrection(h, {
      recordType: 'invoice', recordId: 1, clientId: acme, priorClientId: null, action: 'edit', on: '2023-03-02',
      at: '2023-03-02T17:00:00.000Z', reason: 'typo',
      before: { amount: { amount: 100000, currency: 'EUR' }, dueOn: '2023-03-15' },
      after: { amount: { amount: 120000, currency: 'EUR' }, dueOn: '2023-03-31' },
    });
    insertCorrection(h, {
      recordType: 'interaction', recordId: 2, clientId: acme, priorClientId: null, action: 'edit', on: '2026-10-02',
      at: '2026-10-02T16:00:00.000Z', reason: null, before: { at: '2026-10-01T18:00:00.000Z' }, after: { at: '2026-10-01T17:00:00.000Z' },
    });
    h.prepare("UPDATE invoices SET voided_on = '2024-02-15', void_reason = 'sent twice' WHERE number = 'B-1'").run();
    insertCorrection(h, {
      recordType: 'invoice', recordId: 2, clientId: beta, priorClientId: null, action: 'void', on: '2024-02-15',
      at: '2024-02-15T10:00:00.000Z', reason: 'sent twice', before: null, after: null,
    });
  });
});

const LIVE_ORDER = [
  'reminder:3', 'status:3', 'interaction:2', 'status:2', 'status:1', 'reminder:2', 'reminder:1', 'delivery:1', 'referral:1',
  'incident:1', 'change:1', 'payment:2', 'dispute:1', 'dispute:1', 'payment:1', 'invoice:A-1', 'interaction:1',
];

describe('crm history: the story', () => {
  test('every kind of record, newest first by local date and time, one line each with its reference', async () => {
    const r = await run(['acme'], { columns: 200 });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(refsOf(r.stdout)).toEqual(LIVE_ORDER);
    const lines = r.stdout.split('\n');
    // An archived client still has its history, and the header says so.
    expect(lines[0]).toBe('Acme Corp (archived since 2026-11-22)');
    const line = (ref: string, n = 0) => lines.filter((l) => l.includes(` ${ref} `))[n] ?? '';
    expect(line('interaction:1')).toMatch(/^2023-02-14 23:30 +interaction:1 +phone in · positive · Kick-off about the logo · next: Send the quote \(client\)$/);
    expect(line('interaction:2')).toMatch(/^2026-10-01 10:00 +interaction:2 +email out · neutral · Quote for the new site$/);
    expect(line('invoice:A-1')).toMatch(/^2023-03-01 {8}invoice:A-1 +A-1 1,200\.00 EUR · Logo · due 2023-03-31$/);
    expect(line('payment:1')).toMatch(/received 500\.00 EUR for A-1$/);
    expect(line('payment:2')).toMatch(/received 500\.00 EUR for A-1$/);
    expect(line('dispute:1', 0)).toMatch(/^2023-04-02 .*dispute on A-1 resolved: discounted, 200\.00 EUR conceded$/);
    expect(line('dispute:1', 1)).toMatch(/^2023-03-25 .*disputed A-1: wants 20% off$/);
    expect(line('change:1')).toMatch(/change: Add a blog · Logo · 3 h · unbilled$/);
    expect(line('incident:1')).toMatch(/^2024-06-01 09:15 .*verbal-abuse \(high\) · shouted at the team · warned$/);
    expect(line('referral:1')).toMatch(/referred Beta Ltd · met at the conference$/);
    expect(line('delivery:1')).toMatch(/delivered Logo$/);
    expect(line('reminder:1')).toMatch(/^2025-08-04 .*feedback reminder: .* · done 2026-11-22$/);
    expect(line('reminder:3')).toMatch(/^2026-12-01 .*personal reminder: Send season's greetings · open$/);
    expect(line('status:1')).toMatch(/^2025-09-01 .*archived: project over$/);
    expect(line('status:2')).toMatch(/^2026-03-01 .*reactivated: new site$/);
    // Beta's records never show; the voided incident only with --all.
    expect(r.stdout).not.toMatch(/Beta call|B-1|incident:2/);
  });

  test('JSON: the contract fields, type-specific fields, money objects, instants with the offset', async () => {
    const all = await json(['acme']);
    expect(all.map((e) => e.ref)).toEqual(LIVE_ORDER);
    for (const e of all) {
      expect(Object.keys(e).slice(0, 10)).toEqual(['ref', 'type', 'id', 'on', 'summary', 'voided', 'voidedOn', 'voidReason', 'client', 'corrections']);
      expect(e.client).toEqual({ id: 1, name: 'Acme Corp' });
      expect(e.voided).toBe(false);
      expect(typeof e.summary).toBe('string');
    }
    const by = (ref: string, n = 0) => all.filter((e) => e.ref === ref)[n]!;
    expect(by('interaction:1')).toMatchObject({
      type: 'interaction', id: 1, on: '2023-02-14T23:30:00-08:00', channel: 'phone', direction: 'in', mood: 'positive',
      text: 'Kick-off about the logo', next: 'Send the quote', nextOwner: 'client', followUpOn: null,
      summary: 'phone in · positive · Kick-off about the logo · next: Send the quote (client)',
    });
    expect(by('invoice:A-1')).toMatchObject({
      type: 'invoice', on: '2023-03-01', number: 'A-1', amount: { amount: 120000, currency: 'EUR' }, project: 'Logo',
      issuedOn: '2023-03-01', dueOn: '2023-03-31',
    });
    expect(by('payment:1')).toMatchObject({ type: 'payment', on: '2023-03-20', invoice: 'A-1', amount: { amount: 50000, currency: 'EUR' } });
    expect(by('dispute:1', 0)).toMatchObject({
      type: 'dispute', event: 'resolved', on: '2023-04-02', openedOn: '2023-03-25', resolvedOn: '2023-04-02', outcome: 'discounted',
      conceded: { amount: 20000, currency: 'EUR' }, reason: 'wants 20% off', invoice: 'A-1',
    });
    expect(by('dispute:1', 1)).toMatchObject({ type: 'dispute', event: 'opened', on: '2023-03-25' });
    expect(by('change:1')).toMatchObject({ type: 'change', on: '2024-01-05', text: 'Add a blog', project: 'Logo', hours: 3, unbilled: true });
    expect(by('incident:1')).toMatchObject({
      type: 'incident', on: '2024-06-01T09:15:00-07:00', kind: 'verbal-abuse', severity: 'high', note: 'shouted at the team', warned: true,
    });
    expect(by('referral:1')).toMatchObject({ type: 'referral', note: 'met at the conference', referred: { id: 2, name: 'Beta Ltd' } });
    expect(by('delivery:1')).toMatchObject({ type: 'delivery', on: '2025-08-01', project: 'Logo' });
    expect(by('reminder:1')).toMatchObject({ type: 'reminder', kind: 'feedback', done: true, doneOn: '2026-11-22' });
    expect(by('status:2')).toMatchObject({ type: 'status', on: '2026-03-01', status: 'active', reason: 'new site' });
  });

  test("the audit trail is in every record's JSON, instants in the user's zone, even without --all", async () => {
    const all = await json(['acme']);
    expect(all.find((e) => e.ref === 'invoice:A-1')!.corrections).toEqual([{
      action: 'edit', on: '2023-03-02', at: '2023-03-02T09:00:00-08:00', reason: 'typo',
      before: { amount: { amount: 100000, currency: 'EUR' }, dueOn: '2023-03-15' },
      after: { amount: { amount: 120000, currency: 'EUR' }, dueOn: '2023-03-31' },
    }]);
    expect(all.find((e) => e.ref === 'interaction:2')!.corrections[0]).toMatchObject({
      before: { at: '2026-10-01T11:00:00-07:00' }, after: { at: '2026-10-01T10:00:00-07:00' },
    });
    expect(all.find((e) => e.ref === 'change:1')!.corrections).toEqual([]);
  });
});

describe('crm history: voids and the audit trail', () => {
  test('a void record is left out, and with --all shown in place, marked, with its date and reason', async () => {
    expect((await json(['acme'])).some((e) => e.ref === 'incident:2')).toBe(false);
    const r = await run(['acme', '--all'], { columns: 200 });
    expect(refsOf(r.stdout)).toEqual(['reminder:3', 'status:3', 'incident:2', ...LIVE_ORDER.slice(2)]);
    expect(r.stdout).toMatch(/^2026-10-05 14:00 +incident:2 +VOID physical-abuse \(medium\) · logged against the wrong client$/m);
    const e = (await json(['acme', '--all'])).find((x) => x.ref === 'incident:2')!;
    expect(e).toMatchObject({ voided: true, voidedOn: '2026-10-06', voidReason: 'wrong client', on: '2026-10-05T14:00:00-07:00' });
    expect(e.corrections).toEqual([{ action: 'void', on: '2026-10-06', at: '2026-10-06T09:00:00-07:00', reason: 'wrong client', before: null, after: null }]);
  });

  test('--all prints each correction under its record: edits with from → to, voids with the reason', async () => {
    const out = (await run(['acme', '--all'], { columns: 200 })).stdout.split('\n');
    const under = (ref: string) => out[out.findIndex((l) => l.includes(` ${ref} `)) + 1]?.trim();
    expect(under('invoice:A-1')).toBe('· edited 2023-03-02: amount 1,000.00 EUR → 1,200.00 EUR; dueOn 2023-03-15 → 2023-03-31 (typo)');
    expect(under('interaction:2')).toBe('· edited 2026-10-02: at 2026-10-01 11:00 → 2026-10-01 10:00');
    expect(under('incident:2')).toBe('· voided 2026-10-06: wrong client');
    // Without --all the trail stays out of the human view.
    expect((await run(['acme'])).stdout).not.toMatch(/edited|voided/);
  });

  test("a voided invoice takes its payments with it; --all marks them with the invoice's void", async () => {
    const beta = await run(['beta']);
    expect(refsOf(beta.stdout)).toEqual(['interaction:3']);
    const all = await json(['beta', '--all']);
    expect(all.map((e) => [e.ref, e.voided, e.voidReason])).toEqual([
      ['payment:3', true, 'invoice B-1 is void: sent twice'],
      ['invoice:B-1', true, 'sent twice'],
      ['interaction:3', false, null],
    ]);
  });
});

describe('crm history: the window, types and limit', () => {
  test('--since/--until are inclusive and cut by the local day (23:30 local is the next day in UTC)', async () => {
    expect((await json(['acme', '--until', '2023-02-14'])).map((e) => e.ref)).toEqual(['interaction:1']);
    expect((await json(['acme', '--since', '2023-02-15', '--until', '2023-03-25'])).map((e) => e.ref))
      .toEqual(['dispute:1', 'payment:1', 'invoice:A-1']);
    // A resolution in the window shows without its opening outside it.
    expect((await json(['acme', '--since', '2023-04-01', '--until', '2023-04-02'])).map((e) => [e.ref, e.event]))
      .toEqual([['dispute:1', 'resolved']]);
    expect((await json(['acme', '--since', '2026-10-01', '--until', '2026-10-01'])).map((e) => e.ref)).toEqual(['interaction:2']);
  });

  test('relative dates work as elsewhere', async () => {
    // NOW is 2026-11-22: a month back reaches the archive of today, not the October call.
    expect((await json(['acme', '--since', '-1m', '--until', 'today'])).map((e) => e.ref)).toEqual(['status:3']);
  });

  test('--type takes a comma list; dispute includes its resolution; status is a type', async () => {
    expect((await json(['acme', '--type', 'interaction,status'])).map((e) => e.ref))
      .toEqual(['status:3', 'interaction:2', 'status:2', 'status:1', 'interaction:1']);
    expect((await json(['acme', '--type', 'DISPUTE'])).map((e) => e.event)).toEqual(['resolved', 'opened']);
  });

  test('--limit keeps the newest and says how many older ones are left out', async () => {
    const r = await run(['acme', '--limit', '3']);
    expect(refsOf(r.stdout)).toEqual(LIVE_ORDER.slice(0, 3));
    expect(r.stdout).toMatch(/… 14 older entries not shown; --limit 17 shows all, --since DATE starts later\n$/);
    expect((await json(['acme', '--limit', '2'])).map((e) => e.ref)).toEqual(LIVE_ORDER.slice(0, 2));
  });

  test('a limit reads only the newest rows of each kind, and the same entries come out as without it', async () => {
    for (const all of [[], ['--all']]) {
      const every = await json(['acme', ...all]);
      for (const n of [1, 4, 12, 13, 14, every.length, every.length + 5]) {
        expect(await json(['acme', ...all, '--limit', String(n)])).toEqual(every.slice(0, n));
      }
      const typed = await json(['acme', ...all, '--type', 'dispute,payment']);
      expect(await json(['acme', ...all, '--type', 'dispute,payment', '--limit', '2'])).toEqual(typed.slice(0, 2));
      expect((await run(['acme', ...all, '--type', 'dispute,payment', '--limit', '2'])).stdout)
        .toMatch(new RegExp(`… ${typed.length - 2} older entries not shown; --limit ${typed.length} shows all`));
    }
  });

  test('on a terminal the default is a screenful; piped or JSON, everything', async () => {
    const tty = await run(['acme'], { tty: true, env: { LINES: '12' } });
    expect(refsOf(tty.stdout)).toEqual(LIVE_ORDER.slice(0, 8));
    expect(tty.stdout).toMatch(/9 older entries not shown; --limit 17/);
    expect(refsOf((await run(['acme'], { tty: true })).stdout)).toHaveLength(17); // 20 when the rows are unknown
    expect(refsOf((await run(['acme'])).stdout)).toHaveLength(17);
    expect(await json(['acme'], { tty: true, env: { LINES: '12' } })).toHaveLength(17);
  });

  test('lines fit the terminal: long text wraps under its own column', async () => {
    const r = await run(['acme'], { columns: 50 });
    for (const l of r.stdout.split('\n')) expect(l.length).toBeLessThanOrEqual(50);
    expect(r.stdout).toMatch(/\n {30,}\S/);
  });
});

describe('crm history: nothing to show, and bad input', () => {
  test('an empty history is a friendly line and exit 0; JSON an empty array', async () => {
    await seed(db, [['client', 'add', 'Gamma']], opts());
    expect(await run(['gamma'])).toEqual({ code: 0, stdout: 'Gamma\nNothing recorded with Gamma yet.\n', stderr: '' });
    expect(await json(['gamma'])).toEqual([]);
    const r = await run(['acme', '--since', '2022-01-01', '--until', '2022-12-31', '--type', 'invoice']);
    expect(r.stdout).toMatch(/Nothing in Acme Corp's history matches \(since 2022-01-01, until 2022-12-31, type invoice\)\.\n$/);
    expect(r.code).toBe(0);
  });

  test.each([
    [['acme', '--limit', '0'], /^crm: --limit '0' is not a positive whole number; e\.g\. --limit 50\n$/],
    [['acme', '--limit', 'ten'], /^crm: --limit 'ten' is not a positive whole number/],
    [['acme', '--limit', '-3'], /^crm: --limit '-3' is not a positive whole number/],
    [['acme', '--type', 'invoice,call'], /^crm: --type 'call' is not a record type; use one or more of interaction, .*, status\n$/],
    [['acme', '--type', ','], /^crm: --type is empty/],
    [['acme', '--since', 'last year'], /^crm: --since 'last year' is not a date; expected YYYY-MM-DD/],
    [['acme', '--until', '2026-02-30'], /^crm: --until '2026-02-30' is not a real calendar date\n$/],
    [['acme', '--since', '2026-01-01', '--until', '2025-01-01'], /^crm: --since 2026-01-01 is after --until 2025-01-01; nothing could match\n$/],
    [['nobody'], /^crm: .*nobody/],
  ])('history %j exits 2 with one line', async (args, message) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('crm history: fast on a decade of history', () => {
  test("one client's history reads through indexes: no full scan of a record table", () => {
    withDb(db, (h) => {
      // Without the statistics PRAGMA optimize took of this tiny database (a one-row table is best
      // scanned), as the planner sees a history of any size before its statistics say otherwise.
      h.exec('BEGIN');
      if (h.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'sqlite_stat1'").get()) h.exec('DELETE FROM sqlite_stat1; ANALYZE sqlite_schema');
      const plans = [false, true].flatMap((all) => historyStatements({ types: null, all }))
        .map((sql) => (h.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ client: 1, since: null, until: null, sinceAt: null, untilAt: null }) as { detail: string }[])
          .map((p) => p.detail).join('\n'));
      expect(plans).toHaveLength(20);
      for (const plan of plans) expect(plan).not.toMatch(/\bSCAN\b/);
      const corrections = (h.prepare('EXPLAIN QUERY PLAN SELECT * FROM corrections WHERE client_id = @id OR prior_client_id = @id')
        .all({ id: 1 }) as { detail: string }[]).map((p) => p.detail).join('\n');
      expect(corrections).not.toMatch(/SCAN corrections\b/);
      h.exec('ROLLBACK');
    });
  });

  test('ten years of one client among others: every record, in well under a second', async () => {
    const big = tempDb();
    await seed(big, [['client', 'add', 'Old Co'], ['client', 'add', 'Other']], opts());
    withDb(big, (h) => {
      const log = h.prepare(`INSERT INTO interactions (client_id, at, direction, summary, recorded_at) VALUES (?, ?, 'out', ?, ?)`);
      const inv = h.prepare(`INSERT INTO invoices (number, client_id, amount, currency, issued_on, due_on) VALUES (?, ?, 10000, 'EUR', ?, ?)`);
      const pay = h.prepare(`INSERT INTO payments (invoice_id, amount, paid_on) VALUES (?, 10000, ?)`);
      h.transaction(() => {
        for (let d = 0; d < 3650; d++) {
          const day = new Date(Date.UTC(2016, 10, 22) + d * 86_400_000).toISOString().slice(0, 10);
          for (const client of [1, 2]) log.run(client, `${day}T15:00:00.000Z`, `call ${d}`, `${day}T15:00:00.000Z`);
          if (d % 30 === 0) {
            for (const client of [1, 2]) {
              const id = Number(inv.run(`N-${client}-${d}`, client, day, day).lastInsertRowid);
              pay.run(id, day);
            }
          }
        }
      })();
    });
    const t0 = performance.now();
    const all = await crmJson<{ on: string }[]>(['history', 'old'], opts({ db: big }));
    const took = performance.now() - t0;
    expect(all).toHaveLength(3650 + 2 * 122);
    expect(took).toBeLessThan(3000);
    const t1 = performance.now();
    const t2 = performance.now();
    const screen = await crm(['history', 'old'], opts({ db: big, tty: true }));
    expect(performance.now() - t2).toBeLessThan(1000);
    expect(screen.stdout).toMatch(new RegExp(`… ${all.length - 20} older entries not shown; --limit ${all.length} shows all`));
    expect(await crmJson(['history', 'old', '--limit', '25'], opts({ db: big }))).toEqual(all.slice(0, 25));
    const recent = all.filter((e) => e.on.slice(0, 10) >= '2026-11-01');
    expect(recent.length).toBeGreaterThan(10);
    expect(await crmJson<unknown[]>(['history', 'old', '--since', '2026-11-01'], opts({ db: big }))).toEqual(recent);
    expect(performance.now() - t1).toBeLessThan(1000);
  });
});

describe('crm history: the audit trail in words', () => {
  test('each kind of correction reads as one line, values as people type them', async () => {
    const { correctionLine } = await import('../../src/render/history.js');
    const c = { on: '2026-11-21', at: '2026-11-21T10:00:00.000Z', reason: null, before: null, after: null };
    expect(correctionLine({ ...c, action: 'void', reason: 'never happened', after: { voidedOn: '2026-11-21', with: 'interaction:4' } }, TZ))
      .toBe('voided 2026-11-21 with interaction:4: never happened');
    expect(correctionLine({ ...c, action: 'unvoid' }, TZ)).toBe('unvoided 2026-11-21');
    expect(correctionLine({
      ...c, action: 'edit',
      before: { client: { id: 1, name: 'Acme' }, unbilled: true, note: null, hours: 2 },
      after: { client: { id: 2, name: 'Beta\u001b[31m' }, unbilled: false, note: 'late\nagain', hours: 2.5 },
    }, TZ)).toBe('edited 2026-11-21: client Acme → Beta␛[31m; unbilled yes → no; note — → late again; hours 2 → 2.5');
  });
});
