// `crm invoice add` without --currency takes the client's own currency: the one their live invoices
// are in, or with several the latest invoice's; a client with none gets the configured default.
// --currency always wins. The amount is checked against the currency chosen, and nothing is written
// when it does not fit.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { crm, crmJson, seed, snapshot, tempDb, tempDir } from '../helpers/cli.js';

const add = (client: string, amount: string, ...more: string[]) => ['invoice', 'add', client, '--amount', amount, ...more];

async function story(): Promise<string> {
  const db = tempDb();
  await seed(db, [
    ['client', 'add', 'Acme Corp'], // pays in EUR
    ['client', 'add', 'Tokyo Design'], // pays in yen
    ['client', 'add', 'Mixed Bag'], // EUR, then moved to GBP
    ['client', 'add', 'Newcomer'],
    add('Acme Corp', '1,000', '--currency', 'EUR', '--issued', '2026-09-01'),
    add('Acme Corp', '500', '--currency', 'eur', '--issued', '2026-10-01'),
    add('Tokyo Design', '300000', '--currency', 'JPY', '--issued', '2026-10-01'),
    add('Mixed Bag', '700', '--currency', 'EUR', '--issued', '2026-08-01'),
    add('Mixed Bag', '900', '--currency', 'GBP', '--issued', '2026-10-15'),
    // Recorded last but issued earlier: the latest invoice is the one issued last.
    add('Mixed Bag', '100', '--currency', 'USD', '--issued', '2026-07-01'),
  ]);
  return db;
}

const json = (stdout: string) => JSON.parse(stdout) as { number: string; amount: { amount: number; currency: string } };

describe('invoice add: the client\'s own currency', () => {
  it('uses the one currency of the client\'s invoices, and says so on stderr (stdout stays JSON)', async () => {
    const db = await story();
    const r = await crm([...add('Acme Corp', '1,200.50'), '--json'], { db });
    expect(r.code).toBe(0);
    expect(json(r.stdout).amount).toEqual({ amount: 120050, currency: 'EUR' });
    expect(r.stderr).toBe("crm: note: in EUR, like Acme Corp's other invoices; --currency chooses another\n");
    const human = await crm(add('Acme Corp', '80'), { db });
    expect(human.stdout).toMatch(/: 80\.00 EUR, due /);
  });

  it('with several currencies, uses the latest invoice\'s (by issue date) and says which it has', async () => {
    const db = await story();
    const r = await crm([...add('Mixed Bag', '250'), '--json'], { db });
    expect(r.code).toBe(0);
    expect(json(r.stdout).amount).toEqual({ amount: 25000, currency: 'GBP' });
    expect(r.stderr).toBe("crm: note: in GBP, like Mixed Bag's latest invoice (they have invoices in EUR, GBP, USD); --currency chooses another\n");
  });

  it('gives a client with no invoices the configured default, silently', async () => {
    const db = await story();
    const r = await crm([...add('Newcomer', '100'), '--json'], { db });
    expect(json(r.stdout).amount.currency).toBe('USD');
    expect(r.stderr).toBe('');
    const dir = tempDir();
    const config = path.join(dir, 'config.json');
    fs.writeFileSync(config, JSON.stringify({ currency: 'CHF' }));
    const fresh = tempDb();
    await seed(fresh, [['client', 'add', 'Newcomer']]);
    const chf = await crm([...add('Newcomer', '100'), '--json'], { db: fresh, env: { CRM_CONFIG: config } });
    expect(chf.stderr).toBe('');
    expect(json(chf.stdout).amount.currency).toBe('CHF');
  });

  it('says nothing when the client\'s currency is the configured one anyway', async () => {
    const db = tempDb();
    await seed(db, [['client', 'add', 'Local Shop'], add('Local Shop', '100', '--currency', 'USD', '--issued', '2026-10-01')]);
    const r = await crm(add('Local Shop', '100'), { db });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/100\.00 USD/);
    expect(r.stderr).toBe('');
  });

  it('lets --currency win, without a note', async () => {
    const db = await story();
    const r = await crm([...add('Acme Corp', '99.99', '--currency', 'usd'), '--json'], { db });
    expect(json(r.stdout).amount).toEqual({ amount: 9999, currency: 'USD' });
    expect(r.stderr).toBe('');
  });

  it('does not count voided invoices', async () => {
    const db = tempDb();
    await seed(db, [
      ['client', 'add', 'Oops Ltd'],
      add('Oops Ltd', '100', '--currency', 'SEK', '--number', 'WRONG', '--issued', '2026-10-01'),
      ['void', 'invoice:WRONG', '--reason', 'meant EUR'],
    ]);
    const r = await crm([...add('Oops Ltd', '100'), '--json'], { db });
    expect(json(r.stdout).amount.currency).toBe('USD');
  });

  it.each([
    ['Tokyo Design', '12.5', /--amount '12\.5' has decimals, but JPY has no minor unit; expected a whole number \(in JPY, like Tokyo Design's other invoices; --currency chooses another\)/],
    ['Acme Corp', '10.505', /--amount '10\.505' has more than 2 decimals, the most EUR allows \(in EUR, like Acme Corp's other invoices/],
    ['Newcomer', '12.505', /--amount '12\.505' has more than 2 decimals, the most USD allows$/m],
  ])('refuses an amount %s cannot take (%s), exit 2, nothing written', async (client, amount, message) => {
    const db = await story();
    const before = snapshot(db);
    const r = await crm(add(client, amount), { db });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(snapshot(db)).toEqual(before);
    expect(await crmJson<unknown[]>(['invoice', 'list'], { db })).toHaveLength(6);
  });

  it('takes whole yen for a yen client without --currency, and refuses decimals with --currency JPY for anyone', async () => {
    const db = await story();
    const yen = await crm([...add('Tokyo', '450000'), '--json'], { db });
    expect(json(yen.stdout).amount).toEqual({ amount: 450000, currency: 'JPY' });
    const before = snapshot(db);
    const r = await crm(add('Newcomer', '12.5', '--currency', 'JPY'), { db });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/'12\.5' has decimals, but JPY has no minor unit/);
    expect(snapshot(db)).toEqual(before);
  });
});
