// The client verbs' run() functions called directly, without commander: a context built from
// buffers and a fixed clock, as test/integration/invoice-run.test.ts does for invoices.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { crmJson, runContext, seed, snapshot, tempDb } from '../helpers/cli.js';
import type { Ctx } from '../../src/cli/context.js';
import { UsageError } from '../../src/domain/errors.js';
import * as add from '../../src/cli/client/add.js';
import * as edit from '../../src/cli/client/edit.js';
import * as fire from '../../src/cli/client/fire.js';
import * as reactivate from '../../src/cli/client/reactivate.js';

let db: string;
let ctx: Ctx;
let captured: { out: string };

beforeEach(async () => {
  db = tempDb();
  await seed(db, [['client', 'add', 'Acme Corp']]);
  ({ ctx, captured } = await runContext({ db }));
});

afterEach(() => ctx.close());

describe('client run() without commander', () => {
  it('add: a name that differs only in case is refused and nothing is written', async () => {
    const before = snapshot(db);
    await expect(add.run(ctx, { name: 'ACME corp' }, {})).rejects.toThrow(/^a client named 'Acme Corp' already exists \(#1\)/);
    expect(snapshot(db)).toEqual(before);
    await add.run(ctx, { name: 'Beta' }, { cadence: '1w' });
    expect(captured.out).toBe('Added client #2 Beta (check in every 7 days)\n');
  });

  it('edit: a value the client already has is "nothing to change", not a silent success', async () => {
    await expect(edit.run(ctx, { client: 'acme' }, { name: 'Acme Corp' })).rejects.toThrow("nothing to change: 'Acme Corp' already has that value");
    await edit.run(ctx, { client: 'acme' }, { name: 'Acme Industries' });
    expect(captured.out).toBe('Updated client #1 Acme Industries\n');
  });

  it('fire then reactivate: each is kept in the status history; firing twice is refused, naming the reason', async () => {
    fire.run(ctx, { client: 'acme' }, { reason: ' paid late ' });
    expect(captured.out).toBe('Fired client #1 Acme Corp; its history is kept.\n');
    expect(() => fire.run(ctx, { client: 'acme' }, {})).toThrow(UsageError);
    expect(() => fire.run(ctx, { client: 'acme' }, {})).toThrow("'Acme Corp' is already fired since 2026-11-22 (reason: 'paid late'); nothing changed");
    reactivate.run(ctx, { client: 'acme' }, { reason: 'new project' });
    expect(captured.out).toBe('Fired client #1 Acme Corp; its history is kept.\nReactivated client #1 Acme Corp; check-ins resume.\n');
    ctx.close();
    const shown = await crmJson(['client', 'show', 'acme'], { db });
    expect(shown.status).toBe('active');
    expect(shown.statusHistory).toEqual([
      { status: 'fired', on: '2026-11-22', reason: 'paid late' },
      { status: 'active', on: '2026-11-22', reason: 'new project' },
    ]);
  });
});
