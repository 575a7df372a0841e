// `crm undo` / `crm redo` through the built binary (npm run build first): the stories as a
// shell user types them, and what the other commands show afterwards.
import { beforeEach, describe, expect, it } from 'vitest';
import { seed, snapshot, spawnCrm, spawnJson, tempDb } from '../helpers/cli.js';

let db: string;
const run = (args: string[]) => spawnCrm(args, { db });
const json = (args: string[]) => spawnJson(args, { db });

beforeEach(async () => {
  db = tempDb();
  await seed(db, [
    ['client', 'add', 'Acme Corp'],
    ['invoice', 'add', 'acme', '--amount', '1,200', '--currency', 'EUR', '--number', 'INV-0007', '--issued', '2026-10-01', '--terms', '14'],
  ]);
});

describe('crm undo / redo (binary)', () => {
  it('a payment typed wrong: undo puts the balance back, due shows it overdue again, redo re-applies it', () => {
    expect(run(['invoice', 'pay', 'INV-0007', '--amount', '1,200']).code).toBe(0);
    expect(json(['invoice', 'list'])[0].status).toBe('paid');
    const r = run(['undo']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Undid: crm invoice pay INV-0007 --amount 1,200 (2026-11-22 10:00)\n  removed payment:1\nINV-0007: 1,200.00 EUR to pay.\n');
    expect(json(['invoice', 'list'])[0]).toMatchObject({ status: 'open', balance: { amount: 120000, currency: 'EUR' } });
    expect(json(['due']).invoices.map((i: { number: string }) => i.number)).toEqual(['INV-0007']);
    const redo = run(['redo']);
    expect(redo.code).toBe(0);
    expect(redo.stdout).toBe('Redid: crm invoice pay INV-0007 --amount 1,200 (2026-11-22 10:00)\n  brought back payment:1\nINV-0007 is paid in full.\n');
    expect(json(['invoice', 'list'])[0].status).toBe('paid');
  });

  it('a call logged against the wrong client: undo removes the interaction and its follow-up reminder', () => {
    expect(run(['log', 'acme', '--summary', 'Logo feedback', '--follow-up', '+3d', '--next', 'Send v2']).code).toBe(0);
    expect(json(['remind', 'list'])).toHaveLength(1);
    const r = run(['undo', '--dry-run']);
    // Fitted to 80 columns: the command line wraps under itself.
    expect(r.stdout).toBe([
      "Would undo: crm log acme --summary 'Logo feedback' --follow-up +3d --next 'Send",
      "            v2' (2026-11-22 10:00)",
      '  remove interaction:1',
      '  remove reminder:1',
      'Nothing was changed (--dry-run); crm undo does it.',
      '',
    ].join('\n'));
    expect(json(['remind', 'list'])).toHaveLength(1);
    expect(run(['undo']).stdout).toContain('  removed interaction:1\n  removed reminder:1\n');
    expect(json(['remind', 'list'])).toEqual([]);
    expect(run(['recap', 'acme']).stdout).toBe('Nothing logged with Acme Corp yet.\n');
  });

  it('a firing by mistake: undo brings the client back to active in review and client list', () => {
    expect(run(['client', 'fire', 'acme', '--reason', 'wrong client']).code).toBe(0);
    expect(run(['undo']).stdout).toContain('Acme Corp is active.');
    expect(json(['client', 'list']).map((c: { status: string }) => c.status)).toEqual(['active']);
  });

  it('bad input exits 2 and writes nothing; --help shows examples', () => {
    const before = snapshot(db);
    const r = run(['undo', '--dry-runn']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown option '--dry-runn'/);
    expect(snapshot(db)).toEqual(before);
    const help = run(['undo', '--help']);
    expect(help.stdout).toContain('crm undo --forget');
    expect(help.stdout).toContain('the last 100 commands');
  });

  it('undo --forget --json: how many commands were dropped; undo then has nothing', () => {
    expect(json(['undo', '--forget'])).toEqual({ forgotten: 2, dryRun: false });
    expect(json(['undo'])).toEqual({ undone: null, changes: [], dryRun: false, nothing: 'empty' });
  });
});
