// The invoice verbs' run() functions called directly, without commander: a test hands them a context
// built from buffers and a fixed clock, the way `gh` tests a command's run with its options struct.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runContext, seed, snapshot, tempDb } from '../helpers/cli.js';
import type { Ctx } from '../../src/cli/context.js';
import { UsageError } from '../../src/domain/errors.js';
import * as pay from '../../src/cli/invoice/pay.js';
import * as resolve from '../../src/cli/invoice/resolve.js';

let db: string;
let ctx: Ctx;
let captured: { out: string };

beforeEach(async () => {
  db = tempDb();
  await seed(db, [['client', 'add', 'Acme'], ['invoice', 'add', 'acme', '--amount', '1,200', '--currency', 'EUR']]);
  ({ ctx, captured } = await runContext({ db }));
});

afterEach(() => ctx.close());

describe('invoice run() without commander', () => {
  it('pay: a part payment prints what is still to pay', () => {
    pay.run(ctx, { number: 'INV-0001' }, { amount: '200' });
    expect(captured.out).toBe('Recorded payment:1 on INV-0001; 1,000.00 EUR still to pay\n');
  });

  it('resolve: an unknown outcome is refused, naming the flag, and the dispute stays open', async () => {
    await seed(db, [['invoice', 'dispute', 'INV-0001', '--reason', 'wants 20% off']]);
    const before = snapshot(db);
    expect(() => resolve.run(ctx, { number: 'INV-0001' }, { outcome: 'forgiven' })).toThrow(UsageError);
    expect(() => resolve.run(ctx, { number: 'INV-0001' }, { outcome: 'forgiven' })).toThrow(/^--outcome 'forgiven' is not one of/);
    expect(snapshot(db)).toEqual(before);
    expect(captured.out).toBe('');
    resolve.run(ctx, { number: 'INV-0001' }, { outcome: 'discounted', conceded: '200' });
    expect(captured.out).toBe('Resolved dispute:1 on INV-0001 (discounted); balance 1,000.00 EUR\n');
  });
});
