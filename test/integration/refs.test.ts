// Record references as the recording commands hand them out: every command that records something
// prints the reference of what it recorded, its --json carries the same `ref`, and the reference
// resolves (findRecord) to the very record just written, of the right client. The review card and
// its --json quote evidence by reference too, and those references resolve.
import { beforeAll, describe, expect, it } from 'vitest';
import { crm, crmJson, seed, tempDb } from '../helpers/cli.js';
import { withDb } from '../reliability/harness.js';
import { parseRef, RECORD_TYPES, type RecordRow } from '../../src/domain/refs.js';
import { findRecord } from '../../src/db/refs.js';

const REF = new RegExp(`\\b(?:${RECORD_TYPES.join('|')}):[A-Za-z0-9-]+`, 'g');
/** Every reference in a line of human output, in order. */
const refsIn = (text: string): string[] => text.match(REF) ?? [];
/** Every `ref` in a JSON document, in document order. */
function jsonRefs(doc: unknown): string[] {
  if (Array.isArray(doc)) return doc.flatMap(jsonRefs);
  if (doc === null || typeof doc !== 'object') return [];
  return Object.entries(doc).flatMap(([k, v]) => (k === 'ref' && typeof v === 'string' ? [v] : jsonRefs(v)));
}
const resolve = (db: string, ref: string): RecordRow => withDb(db, (d) => findRecord(d, parseRef(ref)));
const one = <T = any>(db: string, sql: string, ...params: unknown[]): T => withDb(db, (d) => d.prepare(sql).get(...params) as T);

interface Case {
  what: string;
  args: string[];
  /** The references the human line prints, in order. */
  refs: string[];
  /** Where the JSON keeps the reference of what was recorded. */
  primary: (j: any) => string;
  /** The row behind the primary reference holds what was typed. */
  row: (db: string, r: RecordRow) => void;
}

// One story, run twice in step: once for the human lines, once with --json, so the ids match.
const STORY: Case[] = [
  {
    what: 'log with a follow-up',
    args: ['log', 'acme', '--summary', 'Kick-off', '--next', 'Send the quote', '--follow-up', '+3d', '--no-recap'],
    refs: ['interaction:1', 'reminder:1'],
    primary: (j) => j.ref,
    row: (db, r) => expect(one(db, 'SELECT summary FROM interactions WHERE id = ?', r.id)).toEqual({ summary: 'Kick-off' }),
  },
  {
    what: 'invoice add',
    args: ['invoice', 'add', 'acme', '--amount', '1200', '--currency', 'EUR', '--issued', '2026-11-01'],
    refs: ['invoice:INV-0001'],
    primary: (j) => j.ref,
    row: (db, r) => expect(one(db, 'SELECT number, amount FROM invoices WHERE id = ?', r.id)).toEqual({ number: 'INV-0001', amount: 120000 }),
  },
  {
    what: 'invoice pay (part)',
    args: ['invoice', 'pay', 'INV-0001', '--amount', '200'],
    refs: ['payment:1'],
    primary: (j) => j.payment.ref,
    row: (db, r) => expect(one(db, 'SELECT amount FROM payments WHERE id = ?', r.id)).toEqual({ amount: 20000 }),
  },
  {
    what: 'invoice dispute',
    args: ['invoice', 'dispute', 'INV-0001', '--reason', 'too dear'],
    refs: ['dispute:1'],
    primary: (j) => j.dispute.ref,
    row: (db, r) => expect(one(db, 'SELECT reason FROM disputes WHERE id = ?', r.id)).toEqual({ reason: 'too dear' }),
  },
  {
    what: 'invoice resolve',
    args: ['invoice', 'resolve', 'INV-0001', '--outcome', 'discounted', '--conceded', '100'],
    refs: ['dispute:1'],
    primary: (j) => j.dispute.ref,
    row: (db, r) => expect(one(db, 'SELECT outcome, conceded FROM disputes WHERE id = ?', r.id)).toEqual({ outcome: 'discounted', conceded: 10000 }),
  },
  {
    what: 'invoice pay (the rest)',
    args: ['invoice', 'pay', 'INV-0001'],
    refs: ['payment:2'],
    primary: (j) => j.payment.ref,
    row: (db, r) => expect(one(db, 'SELECT amount FROM payments WHERE id = ?', r.id)).toEqual({ amount: 90000 }),
  },
  {
    what: 'change add',
    args: ['change', 'add', 'acme', '--summary', 'Dark mode', '--unbilled'],
    refs: ['change:1'],
    primary: (j) => j.ref,
    row: (db, r) => expect(one(db, 'SELECT summary FROM change_requests WHERE id = ?', r.id)).toEqual({ summary: 'Dark mode' }),
  },
  {
    what: 'incident add',
    args: ['incident', 'add', 'acme', '--kind', 'verbal-abuse', '--note', 'shouted'],
    refs: ['incident:1'],
    primary: (j) => j.ref,
    row: (db, r) => expect(one(db, 'SELECT kind, note FROM incidents WHERE id = ?', r.id)).toEqual({ kind: 'verbal-abuse', note: 'shouted' }),
  },
  {
    what: 'referral add --referred',
    args: ['referral', 'add', 'acme', '--referred', 'beta'],
    refs: ['referral:1'],
    primary: (j) => j.ref,
    row: (db, r) => expect(one(db, 'SELECT referred_client_id AS referred FROM referrals WHERE id = ?', r.id)).toEqual({ referred: 2 }),
  },
  {
    what: 'deliver (and its two reminders)',
    args: ['deliver', 'acme', '--project', 'Website'],
    refs: ['delivery:1', 'reminder:2', 'reminder:3'],
    primary: (j) => j.ref,
    row: (db, r) => expect(one(db, 'SELECT project FROM deliveries WHERE id = ?', r.id)).toEqual({ project: 'Website' }),
  },
  {
    what: 'remind add',
    args: ['remind', 'add', 'acme', '--on', '+1w', '--text', 'Ask about the trip'],
    refs: ['reminder:4'],
    primary: (j) => j.ref,
    row: (db, r) => expect(one(db, 'SELECT text FROM reminders WHERE id = ?', r.id)).toEqual({ text: 'Ask about the trip' }),
  },
];

describe('every recording command hands out the reference of what it recorded', () => {
  const human = tempDb();
  const machine = tempDb();
  const seen: { c: Case; out: string; doc: any }[] = [];

  beforeAll(async () => {
    for (const db of [human, machine]) await seed(db, [['client', 'add', 'Acme Corp'], ['client', 'add', 'Beta Ltd']]);
    for (const c of STORY) {
      const r = await crm(c.args, { db: human });
      if (r.code !== 0) throw new Error(`crm ${c.args.join(' ')} exited ${r.code}: ${r.stderr}`);
      seen.push({ c, out: r.stdout, doc: await crmJson(c.args, { db: machine }) });
    }
  });

  it.each(STORY.map((c, i) => [c.what, i] as const))('%s', (_what, i) => {
    const { c, out, doc } = seen[i] as (typeof seen)[number];
    // The line a person reads names exactly the records written, each a reference crm accepts back.
    expect(refsIn(out)).toEqual(c.refs);
    for (const ref of c.refs) expect(() => parseRef(ref)).not.toThrow();
    // --json carries the same references, the one recorded first.
    expect(c.primary(doc)).toBe(c.refs[0]);
    expect(jsonRefs(doc)).toEqual(expect.arrayContaining(c.refs));
    // Each resolves to its record, of the client it was recorded for, in both databases.
    for (const ref of c.refs) {
      for (const db of [human, machine]) {
        const row = resolve(db, ref);
        expect(row.ref).toBe(ref);
        expect(row.clientName).toBe('Acme Corp');
        expect(row.voidedOn).toBeNull();
      }
    }
    c.row(human, resolve(human, c.refs[0] as string));
  });

  it('the JSON ids are those of the records the references name', () => {
    for (const { c, doc } of seen) {
      const record = c.primary(doc) === doc.ref ? doc : c.refs[0]?.startsWith('payment') ? doc.payment : doc.dispute;
      const row = resolve(machine, c.primary(doc));
      if (row.type === 'invoice') expect(record.number).toBe(row.ref.slice('invoice:'.length));
      else expect(record.id).toBe(row.id);
    }
  });

  it('log --json carries the reminder it created with its ref, and empty lists of what the flags cannot record', () => {
    const log = seen[0]?.doc;
    expect(log).toMatchObject({ ref: 'interaction:1', reminder: { ref: 'reminder:1', id: 1 }, changes: [], incidents: [], disputes: [], referrals: [] });
  });

  it('deliver --json lists its reminders with their refs', () => {
    const deliver = seen.find((s) => s.c.args[0] === 'deliver')?.doc;
    expect(deliver.reminders.map((r: { ref: string }) => r.ref)).toEqual(['reminder:2', 'reminder:3']);
  });

  it('pay, dispute and resolve print the invoice (its ref by number) with the payment or dispute they recorded', () => {
    const [pay, dispute, resolved, rest] = seen.slice(2, 6).map((s) => s.doc);
    expect(pay).toMatchObject({ ref: 'invoice:INV-0001', payment: { ref: 'payment:1', id: 1, amount: { amount: 20000, currency: 'EUR' }, paidOn: '2026-11-22' } });
    expect(dispute).toMatchObject({
      ref: 'invoice:INV-0001', status: 'disputed',
      dispute: { ref: 'dispute:1', invoice: 'INV-0001', reason: 'too dear', openedOn: '2026-11-22', outcome: null, conceded: null, resolvedOn: null },
    });
    expect(resolved).toMatchObject({
      dispute: { ref: 'dispute:1', reason: 'too dear', openedOn: '2026-11-22', outcome: 'discounted', conceded: { amount: 10000, currency: 'EUR' }, resolvedOn: '2026-11-22' },
    });
    expect(rest).toMatchObject({ status: 'paid', payment: { ref: 'payment:2', amount: { amount: 90000, currency: 'EUR' } } });
  });

  it('human lines keep their wording around the reference', () => {
    const out = Object.fromEntries(seen.map((s) => [s.c.what, s.out]));
    expect(out['log with a follow-up']).toBe('Logged interaction:1 with Acme Corp; follow-up reminder:1 on 2026-11-25\n');
    expect(out['invoice add']).toBe('Recorded invoice:INV-0001 for Acme Corp: 1,200.00 EUR, due 2026-12-01\n');
    expect(out['invoice pay (part)']).toBe('Recorded payment:1 on INV-0001; 1,000.00 EUR still to pay\n');
    expect(out['invoice dispute']).toBe('Recorded dispute:1 on INV-0001\n');
    expect(out['invoice resolve']).toBe('Resolved dispute:1 on INV-0001 (discounted); balance 900.00 EUR\n');
    expect(out['invoice pay (the rest)']).toBe('Recorded payment:2 on INV-0001; now paid in full\n');
    expect(out['change add']).toBe('Recorded change:1 for Acme Corp (unbilled)\n');
    expect(out['incident add']).toBe('Recorded incident:1 (verbal-abuse) for Acme Corp\n');
    expect(out['referral add --referred']).toBe('Recorded referral:1 from Acme Corp: brought in Beta Ltd — thank them!\n');
    expect(out['deliver (and its two reminders)']).toMatch(/^Recorded delivery:1 for Acme Corp\n {2}reminder:2 on \S+: Ask Acme Corp for feedback on Website\n {2}reminder:3 on /);
    expect(out['remind add']).toBe('Recorded reminder:4 for Acme Corp on 2026-11-29\n');
  });
});

describe('an invoice with an unusual number', () => {
  it('is referred to by that number, and the reference resolves', async () => {
    const db = tempDb();
    await seed(db, [['client', 'add', 'Acme Corp']]);
    const r = await crm(['invoice', 'add', 'acme', '--amount', '80', '--number', '2026-031'], { db });
    expect(r.stdout).toMatch(/^Recorded invoice:2026-031 for Acme Corp/);
    expect(resolve(db, 'invoice:2026-031')).toMatchObject({ type: 'invoice', ref: 'invoice:2026-031', clientName: 'Acme Corp' });
    expect((await crmJson(['invoice', 'list'], { db }))[0].ref).toBe('invoice:2026-031');
  });
});

describe('review evidence by reference', () => {
  let db: string;
  let review: any;
  let card: string;

  beforeAll(async () => {
    db = tempDb();
    await seed(db, [
      ['client', 'add', 'Acme Corp'],
      ['client', 'add', 'Beta Ltd'],
      ['log', 'acme', '--summary', 'Call at night', '--direction', 'in', '--channel', 'phone', '--at', '2026-11-21 23:30', '--no-recap'],
      ['invoice', 'add', 'acme', '--amount', '1000', '--issued', '2026-06-01', '--terms', '14'],
      ['invoice', 'add', 'acme', '--amount', '500', '--issued', '2026-07-01', '--terms', '14'],
      ['invoice', 'pay', 'INV-0002', '--on', '2026-09-15'],
      ['invoice', 'add', 'acme', '--amount', '700', '--issued', '2026-08-01', '--terms', '14'],
      ['invoice', 'dispute', 'INV-0003', '--reason', 'wants a discount', '--on', '2026-08-20'],
      ['invoice', 'add', 'acme', '--amount', '400', '--issued', '2026-09-01', '--terms', '14'],
      ['invoice', 'dispute', 'INV-0004', '--reason', 'haggling', '--on', '2026-09-05'],
      ['invoice', 'resolve', 'INV-0004', '--outcome', 'upheld', '--on', '2026-09-10'],
      ['change', 'add', 'acme', '--summary', 'New logo', '--on', '2026-10-01', '--unbilled'],
      ['change', 'add', 'acme', '--summary', 'Another page', '--on', '2026-10-15', '--unbilled'],
      ['change', 'add', 'acme', '--summary', 'Dark mode', '--on', '2026-11-01', '--unbilled'],
      ['incident', 'add', 'acme', '--kind', 'verbal-abuse', '--on', '2026-11-10 10:00', '--note', 'shouted'],
      ['referral', 'add', 'acme', '--referred', 'beta', '--on', '2026-05-01'],
    ]);
    review = await crmJson(['review', 'acme'], { db });
    card = (await crm(['review', 'acme'], { db, columns: 200 })).stdout;
  });

  const evidence = (): any[] => review.findings.flatMap((f: { evidence: unknown[] }) => f.evidence);

  it('every piece of evidence about a record carries its ref, and it resolves to that record of the client', () => {
    const withRefs = evidence().filter((e) => e.type !== 'income');
    expect(new Set(withRefs.map((e) => e.type))).toEqual(new Set(['invoice', 'dispute', 'change', 'incident', 'interaction', 'referral']));
    for (const e of withRefs) {
      const row = resolve(db, e.ref);
      expect(row).toMatchObject({ type: e.type, id: e.id, clientName: 'Acme Corp' });
      if (e.type === 'invoice') expect(e.ref).toBe(`invoice:${e.number}`);
    }
  });

  it('the card leads each piece of evidence with the same ref, ready to paste into crm void', () => {
    const lines = card.split('\n').filter((l) => l.trimStart().startsWith('· ') && !l.includes('… and'));
    const printed = lines.map((l) => refsIn(l)[0]).filter((r) => r !== undefined);
    expect(printed.length).toBeGreaterThan(0);
    for (const ref of printed) expect(evidence().map((e) => e.ref)).toContain(ref);
    expect(card).toMatch(/· incident:1 verbal-abuse on 2026-11-10 \(medium\): shouted/);
    expect(card).toMatch(/· dispute:1 INV-0003 disputed 2026-08-20/);
    expect(card).toMatch(/· change:\d on 2026-1\d-\d\d, unbilled/);
  });

  it('a ref copied from the card voids that record, and the verdict follows', async () => {
    const before = review.findings.map((f: { rule: string }) => f.rule);
    expect(before).toContain('verbal-abuse');
    const r = await crm(['void', 'incident:1', '--reason', 'logged against the wrong client'], { db });
    expect(r.code).toBe(0);
    const after = await crmJson(['review', 'acme'], { db });
    expect(after.findings.map((f: { rule: string }) => f.rule)).not.toContain('verbal-abuse');
  });
});

describe('due lists reminders by reference', () => {
  it('human and --json agree on the reminder and invoice references', async () => {
    const db = tempDb();
    await seed(db, [
      ['client', 'add', 'Acme Corp'],
      ['remind', 'add', 'acme', '--on', 'today', '--text', 'Send the contract'],
      ['invoice', 'add', 'acme', '--amount', '300', '--issued', '2026-10-01', '--terms', '14'],
    ]);
    const out = (await crm(['due'], { db, columns: 100 })).stdout;
    expect(out).toMatch(/^ {2}reminder:1 +Acme Corp +due today +Send the contract \(follow-up\)$/m);
    const j = await crmJson(['due'], { db });
    expect(j.reminders.map((r: { ref: string }) => r.ref)).toEqual(['reminder:1']);
    expect(j.invoices.map((i: { ref: string }) => i.ref)).toEqual(['invoice:INV-0001']);
    expect(resolve(db, 'reminder:1')).toMatchObject({ clientName: 'Acme Corp' });
  });
});
