// `crm edit` through the built binary: the stories it is for — a mistaken incident that fired a
// client, an invoice typed with the wrong amount, a call logged against the wrong client — each
// corrected, with the verdict, the balance and the check-ins following and the trail in history.
import { describe, expect, it } from 'vitest';
import { seed, spawnCrm, tempDb } from '../helpers/cli.js';

const EARLY = '2026-09-01T10:00:00Z';

async function ledger(): Promise<string> {
  const db = tempDb();
  await seed(db, [['client', 'add', 'Acme Corp', '--cadence', '2w'], ['client', 'add', 'Globex', '--cadence', '2w']], { now: EARLY });
  await seed(db, [
    ['invoice', 'add', 'acme', '--amount', '1,200', '--currency', 'EUR', '--number', 'INV-0007', '--issued', '2026-10-01', '--terms', '30'],
    ['invoice', 'pay', 'INV-0007', '--amount', '800', '--on', '2026-10-20'],
    ['incident', 'add', 'acme', '--kind', 'physical-abuse', '--on', '2026-11-20 15:00', '--note', 'pushed me'],
    ['log', 'acme', '--at', '2026-11-21 09:00', '--summary', 'Globex asked for a quote', '--no-recap'],
  ]);
  return db;
}

describe('crm edit (built binary)', () => {
  it('a mistaken physical-abuse incident: corrected, the client is no longer fired, and history --all shows the edit', async () => {
    const db = await ledger();
    expect(JSON.parse(spawnCrm(['review', 'acme', '--json'], { db }).stdout).verdict).toBe('fire');
    const r = spawnCrm(['edit', 'incident:1', '--kind', 'other', '--note', 'bumped into me; an accident'], { db });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe('Edited incident:1:\n  kind physical-abuse → other\n  note "pushed me" → "bumped into me; an accident"\n');
    expect(JSON.parse(spawnCrm(['review', 'acme', '--json'], { db }).stdout).verdict).not.toBe('fire');
    const history = spawnCrm(['history', 'acme', '--all'], { db });
    expect(history.stdout).toMatch(/edited 2026-11-22: kind physical-abuse →\s+other/);
  });

  it('an invoice amount below what was paid is refused with one line and exit 2; above it, the balance follows', async () => {
    const db = await ledger();
    const low = spawnCrm(['edit', 'invoice:INV-0007', '--amount', '500'], { db });
    expect(low).toMatchObject({ code: 2, stdout: '' });
    expect(low.stderr).toBe("crm: --amount '500': INV-0007 has 800.00 EUR paid; the amount cannot go below that\n");
    const up = spawnCrm(['edit', 'invoice:INV-0007', '--amount', '1,500', '--json'], { db });
    expect(up.code).toBe(0);
    expect(JSON.parse(up.stdout)).toMatchObject({
      ref: 'invoice:INV-0007', balance: { amount: 70000, currency: 'EUR' },
      changes: { before: { amount: { amount: 120000, currency: 'EUR' } }, after: { amount: { amount: 150000, currency: 'EUR' } } },
    });
    const due = JSON.parse(spawnCrm(['due', '--json'], { db }).stdout);
    expect(due.invoices[0]).toMatchObject({ number: 'INV-0007', balance: { amount: 70000, currency: 'EUR' } });
  });

  it('a call logged against the wrong client moves, and each client\'s check-in follows', async () => {
    const db = await ledger();
    const due = () => (JSON.parse(spawnCrm(['due', '--json'], { db }).stdout).checkIns as { client: { name: string } }[]).map((c) => c.client.name);
    expect(due()).toEqual(['Globex']);
    const r = spawnCrm(['edit', 'interaction:1', '--client', 'globex'], { db });
    expect(r.stdout).toBe('Edited interaction:1: client Acme Corp → Globex\n');
    expect(due()).toEqual(['Acme Corp']);
  });

  it('a flag the record does not take: exit 2 naming it and what it takes', async () => {
    const db = await ledger();
    const r = spawnCrm(['edit', 'payment:1', '--kind', 'other'], { db });
    expect(r).toMatchObject({ code: 2, stdout: '', stderr: 'crm: --kind does not apply to a payment; a payment takes --amount, --on\n' });
  });
});
