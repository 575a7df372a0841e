// Stories of a freelancer fixing the ledger with several commands in a row, checked by what the
// other commands show afterwards: corrections must leave every derived view consistent.
import { describe, expect, test } from 'vitest';
import { crm, crmJson, seed, tempDb } from '../helpers/cli.js';

interface Due {
  checkIns: { client: { name: string }; lastContact: string | null; daysOverdue: number }[];
  invoices: { number: string; balance: { amount: number } }[];
  reminders: { ref: string; client: { name: string }; text: string }[];
}
interface Inv { number: string; status: string; balance: { amount: number }; client: { name: string } }

async function ok(db: string, args: string[]): Promise<string> {
  const r = await crm(args, { db });
  expect(r.code, `crm ${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r.stdout;
}

describe('fixing the ledger, then reading it back', () => {
  test('a call logged against the wrong client, moved with its follow-up: check-ins, reminders and search follow', async () => {
    const db = tempDb();
    await seed(db, [
      ['client', 'add', 'Acme Corp', '--cadence', '2w'],
      ['client', 'add', 'Globex', '--cadence', '2w'],
      ['log', 'acme', '--at', '2026-11-01', '--summary', 'Acme retro', '--no-recap'],
      ['log', 'acme', '--at', '2026-11-20', '--summary', 'Globex wants the brochure reprinted', '--follow-up', '+2d', '--next', 'Quote the reprint', '--no-recap'],
    ]);
    let due = await crmJson<Due>(['due', '--within', '3'], { db });
    expect(due.checkIns).toEqual([]); // Acme was called two days ago; Globex is new

    const moved = await ok(db, ['edit', 'interaction:2', '--client', 'globex']);
    expect(moved).toMatch(/interaction:2/);
    expect(moved).toMatch(/reminder:1/); // the follow-up stays put, and is named
    await ok(db, ['edit', 'reminder:1', '--client', 'globex']);

    due = await crmJson<Due>(['due', '--within', '3'], { db });
    // Acme's last call is now the retro of 2026-11-01: a check-in is due; Globex was just called.
    expect(due.checkIns.map((c) => [c.client.name, c.lastContact])).toEqual([['Acme Corp', '2026-11-01']]);
    expect(due.reminders.map((r) => [r.ref, r.client.name])).toEqual([['reminder:1', 'Globex']]);
    const hits = await crmJson<{ ref: string; client: { name: string } }[]>(['search', 'brochure'], { db });
    expect(hits.map((h) => [h.ref, h.client.name])).toEqual([['interaction:2', 'Globex']]);
    const recap = await ok(db, ['recap', 'globex']);
    expect(recap).toContain('Globex wants the brochure reprinted');
  });

  test('an amount typed with an extra zero, already paid in full: edit it down, and the invoice is paid and on time', async () => {
    const db = tempDb();
    await seed(db, [
      ['client', 'add', 'Acme'],
      ['invoice', 'add', 'acme', '--amount', '12000', '--currency', 'EUR', '--number', 'A-1', '--issued', '2026-09-01', '--terms', '30'],
      ['invoice', 'pay', 'A-1', '--amount', '1200', '--on', '2026-09-20'],
    ]);
    expect((await crmJson<Due>(['due'], { db })).invoices.map((i) => i.number)).toEqual(['A-1']);
    const refused = await crm(['edit', 'invoice:A-1', '--amount', '1000'], { db });
    expect(refused.code).toBe(2);
    await ok(db, ['edit', 'invoice:A-1', '--amount', '1200']);
    const [inv] = await crmJson<Inv[]>(['invoice', 'list'], { db });
    expect(inv).toMatchObject({ number: 'A-1', status: 'paid', balance: { amount: 0 } });
    expect((await crmJson<Due>(['due'], { db })).invoices).toEqual([]);
    const review = await crmJson<{ findings: { rule: string }[] }>(['review', 'acme'], { db });
    expect(review.findings.map((f) => f.rule)).not.toContain('overdue-balance');
  });

  test('pay, dispute, resolve — then three undos give back the open invoice, and redo steps forward again', async () => {
    const db = tempDb();
    await seed(db, [
      ['client', 'add', 'Acme'],
      ['invoice', 'add', 'acme', '--amount', '1000', '--currency', 'EUR', '--number', 'A-1', '--issued', '2026-09-01'],
      ['invoice', 'pay', 'A-1', '--amount', '400', '--on', '2026-10-01'],
      ['invoice', 'dispute', 'A-1', '--reason', 'says the second round was free', '--on', '2026-10-05'],
      ['invoice', 'resolve', 'A-1', '--outcome', 'written-off', '--on', '2026-10-10'],
    ]);
    const state = async () => {
      const [i] = await crmJson<Inv[]>(['invoice', 'list'], { db });
      return `${i?.status} ${i?.balance.amount}`;
    };
    expect(await state()).toBe('written-off 0');
    await ok(db, ['undo']);
    expect(await state()).toBe('disputed 60000');
    await ok(db, ['undo']);
    expect(await state()).toBe('open 60000');
    await ok(db, ['undo']);
    expect(await state()).toBe('open 100000');
    await ok(db, ['redo']);
    expect(await state()).toBe('open 60000');
    // The history agrees with the balance at every step: one payment, no dispute.
    const history = await crmJson<{ ref: string }[]>(['history', 'acme'], { db });
    expect(history.map((e) => e.ref)).toEqual(['payment:1', 'invoice:A-1']);
  });

  test('a summary corrected: search finds the new words, not the old ones, and the old ones stay in the audit trail', async () => {
    const db = tempDb();
    await seed(db, [
      ['client', 'add', 'Acme'],
      ['log', 'acme', '--summary', 'Agreed a teal logo', '--no-recap'],
      ['edit', 'interaction:1', '--summary', 'Agreed a crimson logo'],
    ]);
    expect(await crmJson(['search', 'teal'], { db })).toEqual([]);
    expect((await crmJson<{ ref: string }[]>(['search', 'crimson'], { db })).map((h) => h.ref)).toEqual(['interaction:1']);
    const [entry] = await crmJson<{ corrections: { before: unknown; after: unknown }[] }[]>(['history', 'acme', '--all'], { db });
    expect(entry?.corrections).toEqual([
      expect.objectContaining({ before: expect.objectContaining({ summary: 'Agreed a teal logo' }), after: expect.objectContaining({ summary: 'Agreed a crimson logo' }) }),
    ]);
  });

  test('a voided incident stays voided through an unrelated undo, and the verdict does not flip back', async () => {
    const db = tempDb();
    await seed(db, [
      ['client', 'add', 'Acme'],
      ['incident', 'add', 'acme', '--kind', 'dishonesty', '--note', 'claimed we never sent the files'],
      ['void', 'incident:1', '--reason', 'they were right: the upload had failed'],
      ['log', 'acme', '--summary', 'Apologised for the failed upload', '--no-recap'],
    ]);
    const verdict = async () => (await crmJson<{ verdict: string }>(['review', 'acme'], { db })).verdict;
    expect(await verdict()).not.toBe('fire');
    await ok(db, ['undo']); // takes back the call, not the void
    expect(await verdict()).not.toBe('fire');
    await ok(db, ['undo']); // now the void
    expect(await verdict()).toBe('fire');
  });
});
