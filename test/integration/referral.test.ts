// `crm referral add <client> --referred <other client>`: a referral linked to the client it brought
// in, found like any <client>; referring oneself or naming nobody is bad input (exit 2, nothing written).
import { describe, expect, it } from 'vitest';
import { crm, crmJson, seed, tempDb } from '../helpers/cli.js';
import { dump, withDb } from '../reliability/harness.js';
import { parseRef } from '../../src/domain/refs.js';
import { findRecord } from '../../src/db/refs.js';

const referrals = (db: string) =>
  withDb(db, (d) => d.prepare('SELECT id, client_id AS clientId, referred_client_id AS referred, on_date AS "on", note FROM referrals ORDER BY id').all());

async function setup(): Promise<string> {
  const db = tempDb();
  await seed(db, [['client', 'add', 'Acme Corp'], ['client', 'add', 'Beta Ltd'], ['client', 'add', 'Betamax']]);
  return db;
}

async function refused(db: string, args: string[], said: RegExp): Promise<void> {
  const before = dump(db);
  const r = await crm(args, { db });
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(said);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(dump(db)).toBe(before);
}

describe('crm referral add --referred', () => {
  it('links the referral to the client it brought in and says so', async () => {
    const db = await setup();
    const r = await crm(['referral', 'add', 'acme', '--referred', 'Beta Ltd', '--note', 'met at a conference', '--on', '2026-11-02'], { db });
    expect(r).toEqual({ code: 0, stdout: 'Recorded referral:1 from Acme Corp: brought in Beta Ltd — thank them!\n', stderr: '' });
    expect(referrals(db)).toEqual([{ id: 1, clientId: 1, referred: 2, on: '2026-11-02', note: 'met at a conference' }]);
  });

  it('--json has the referred client as {id, name}, and null without --referred', async () => {
    const db = await setup();
    expect(await crmJson(['referral', 'add', 'acme', '--referred', '3'], { db })).toEqual({
      ref: 'referral:1', id: 1, client: { id: 1, name: 'Acme Corp' }, on: '2026-11-22', note: null, referred: { id: 3, name: 'Betamax' },
    });
    expect(await crmJson(['referral', 'add', 'acme', '--note', 'someone at Initech'], { db })).toMatchObject({ ref: 'referral:2', referred: null, note: 'someone at Initech' });
    expect(referrals(db).map((x: any) => x.referred)).toEqual([3, null]);
  });

  it('without --referred it prints the reference and the old thanks', async () => {
    const db = await setup();
    expect((await crm(['referral', 'add', 'acme'], { db })).stdout).toBe('Recorded referral:1 from Acme Corp — thank them!\n');
  });

  it('finds the referred client by prefix, id or name, like any <client>', async () => {
    const db = await setup();
    await seed(db, [['referral', 'add', 'acme', '--referred', 'beta l'], ['referral', 'add', 'beta ltd', '--referred', '1'], ['referral', 'add', 'betamax', '--referred', 'ACME CORP']]);
    expect(referrals(db).map((x: any) => [x.clientId, x.referred])).toEqual([[1, 2], [2, 1], [3, 1]]);
  });

  it('refuses a client referring itself, naming the flag; nothing written', async () => {
    const db = await setup();
    await refused(db, ['referral', 'add', 'acme', '--referred', 'acme'], /^crm: --referred 'acme' is 'Acme Corp' itself; name the client 'Acme Corp' brought in\n$/);
    await refused(db, ['referral', 'add', '1', '--referred', 'Acme Corp'], /--referred 'Acme Corp' is 'Acme Corp' itself/);
  });

  it('refuses an unknown or ambiguous referred client, naming --referred; nothing written', async () => {
    const db = await setup();
    await refused(db, ['referral', 'add', 'acme', '--referred', 'Globex'], /^crm: --referred: no client matches 'Globex'/);
    await refused(db, ['referral', 'add', 'acme', '--referred', 'bet'], /^crm: --referred: client 'bet' is ambiguous: it matches Beta Ltd \(#2\), Betamax \(#3\)/);
    await refused(db, ['referral', 'add', 'acme', '--referred', ''], /--referred: client is empty/);
  });

  it('a story: Acme brings in Beta, which becomes a paying client; Acme gets the credit in review, by a ref that resolves', async () => {
    const db = await setup();
    await seed(db, [
      ['invoice', 'add', 'acme', '--amount', '1000', '--issued', '2026-03-01', '--terms', '14'],
      ['invoice', 'pay', 'INV-0001', '--on', '2026-03-10'],
      ['referral', 'add', 'acme', '--referred', 'beta ltd', '--on', '2026-04-01'],
      ['log', 'beta ltd', '--summary', 'First call, Acme sent us', '--at', '2026-04-02 10:00', '--no-recap'],
      ['invoice', 'add', 'beta ltd', '--amount', '2500', '--issued', '2026-05-01', '--terms', '30'],
      ['invoice', 'pay', 'INV-0002', '--on', '2026-05-20'],
    ]);
    const review = await crmJson(['review', 'acme'], { db });
    const finding = review.findings.find((f: { rule: string }) => f.rule === 'referrals');
    expect(finding?.evidence).toEqual([expect.objectContaining({ type: 'referral', ref: 'referral:1', on: '2026-04-01' })]);
    const card = (await crm(['review', 'acme'], { db, columns: 120 })).stdout;
    expect(card).toContain('· referral:1 on 2026-04-01');
    expect(withDb(db, (d) => findRecord(d, parseRef('referral:1')))).toMatchObject({ type: 'referral', id: 1, clientName: 'Acme Corp' });
    // The link is the referral's, not the referred client's: Beta has no referral of its own.
    expect(review.stats.referrals).toBe(1);
    expect((await crmJson(['review', 'beta ltd'], { db })).stats.referrals).toBe(0);
  });
});
