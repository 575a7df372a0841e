// JSON output as scripts see it: camelCase keys in every document, `crm recap --json`, and
// `crm db status` before the database exists (it must not describe the in-memory stand-in).
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { crm, crmJson, seed, tempDb, tempDir } from '../helpers/cli.js';
import { INCIDENT_KINDS } from '../../src/domain/types.js';

/** Keys that are values, spelled as typed on the command line: `stats.incidents` counts per `--kind`. */
const VALUE_KEYS = new Set<string>(INCIDENT_KINDS);

/** Every object key in `value` that is not camelCase, as a path ("counts.change_requests"). */
function nonCamelKeys(value: unknown, at = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => nonCamelKeys(v, at));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => {
    const here = at ? `${at}.${k}` : k;
    // `rules --json` keys its settings by config key ("latePayment.graceDays"): camelCase segments.
    const bad = !VALUE_KEYS.has(k) && k.split('.').some((segment) => !/^[a-z][a-zA-Z0-9]*$/.test(segment));
    return [...(bad ? [here] : []), ...nonCamelKeys(v, here)];
  });
}

describe('JSON keys', () => {
  let db: string;
  const docs: [string, unknown][] = [];
  const json = async (args: string[]): Promise<void> => {
    docs.push([args.join(' '), await crmJson(args, { db })]);
  };

  beforeAll(async () => {
    db = tempDb();
    await seed(db, [['client', 'add', 'Globex']]);
    await json(['client', 'add', 'Acme Corp', '--email', 'ops@acme.test', '--cadence', '1w']);
    await json(['log', 'acme', '--summary', 'Kick-off', '--next', 'Send the quote', '--follow-up', '+2d', '--at', '2026-11-01 10:00']);
    await json(['invoice', 'add', 'acme', '--amount', '1200', '--issued', '2026-09-01', '--terms', '14']);
    await json(['invoice', 'add', 'acme', '--amount', '300', '--issued', '2026-10-01', '--terms', '14']);
    await json(['invoice', 'pay', 'INV-0001', '--amount', '200', '--on', '2026-10-01']);
    await json(['invoice', 'dispute', 'INV-0001', '--reason', 'too dear', '--on', '2026-10-02']);
    await json(['invoice', 'resolve', 'INV-0001', '--outcome', 'discounted', '--conceded', '100', '--on', '2026-10-03']);
    await json(['change', 'add', 'acme', '--summary', 'Dark mode', '--hours', '3', '--unbilled']);
    await json(['incident', 'add', 'acme', '--kind', 'missed-deadline', '--note', 'copy late']);
    await json(['referral', 'add', 'acme', '--note', 'Initech']);
    await json(['deliver', 'acme', '--project', 'Website']);
    await json(['remind', 'add', 'acme', '--on', '+3d', '--text', 'Ask about the trip']);
    await json(['remind', 'done', '1']);
    await json(['client', 'archive', 'globex']);
    for (const args of [
      ['client', 'list', '--all'], ['client', 'show', 'acme'], ['invoice', 'list'], ['remind', 'list', '--all'],
      ['due', '--within', '30d'], ['review', 'acme'], ['review', '--all'], ['rules'], ['recap', 'acme'], ['db', 'status'],
    ]) await json(args);
  });

  it('are camelCase in every document crm prints', () => {
    const bad = docs.flatMap(([command, doc]) => nonCamelKeys(doc).map((k) => `crm ${command}: ${k}`));
    expect(bad).toEqual([]);
    expect(docs.length).toBeGreaterThan(20);
  });

  it('db status counts change requests as changeRequests', () => {
    const status = docs.find(([c]) => c === 'db status')?.[1] as { counts: Record<string, number> };
    expect(status.counts).toMatchObject({ clients: 2, interactions: 1, invoices: 2, changeRequests: 1, incidents: 1, referrals: 1, deliveries: 1 });
  });
});

describe('crm recap --json', () => {
  it('has the client, the interaction, its change requests and the text the human recap prints', async () => {
    const db = tempDb();
    await seed(db, [
      ['client', 'add', 'Acme Corp'],
      ['log', 'acme', '--summary', 'First call', '--at', '2026-11-01 10:00'],
      ['log', 'acme', '--channel', 'phone', '--summary', 'Scope review', '--next', 'Send the quote', '--at', '2026-11-20 15:00'],
    ]);
    const recap = await crmJson(['recap', 'acme'], { db });
    expect(Object.keys(recap)).toEqual(['client', 'interaction', 'changeRequests', 'text']);
    expect(recap.client).toEqual({ id: 1, name: 'Acme Corp' });
    expect(recap.interaction).toMatchObject({ id: 2, client: { id: 1, name: 'Acme Corp' }, on: '2026-11-20', channel: 'phone', summary: 'Scope review', next: 'Send the quote' });
    expect(recap.changeRequests).toEqual([]);
    expect(recap.text).toBe((await crm(['recap', 'acme'], { db })).stdout);
    expect(recap.text).toContain('Recap of our call on 2026-11-20');
  });

  it('is null-filled, exit 0, when nothing was logged with the client', async () => {
    const db = tempDb();
    await seed(db, [['client', 'add', 'Acme Corp']]);
    const r = await crm(['recap', 'acme', '--json'], { db });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ client: { id: 1, name: 'Acme Corp' }, interaction: null, changeRequests: [], text: null });
  });
});

describe('crm db status', () => {
  const ZERO = { clients: 0, interactions: 0, invoices: 0, payments: 0, disputes: 0, changeRequests: 0, incidents: 0, referrals: 0, deliveries: 0, reminders: 0, statusChanges: 0 };

  it('says a database that does not exist yet does not exist: no schema, no journal, zero counts, nothing created', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'sub', 'crm.db');
    const status = await crmJson(['db', 'status', '--check'], { db });
    expect(status).toEqual({ path: db, exists: false, bytes: 0, mode: null, schemaVersion: null, journalMode: null, integrity: null, counts: ZERO, migrations: [] });
    const human = await crm(['db', 'status'], { db, columns: 200 }); // wide enough for the long temp path on one line
    expect(human.code).toBe(0);
    expect(human.stdout).toContain(`database  ${db} (not created yet: it appears on the first write)`);
    expect(human.stdout).not.toMatch(/schema|journal/);
    expect(human.stdout).toMatch(/^change requests +0$/m);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('says a 0-byte file is not a database yet, and leaves it empty', async () => {
    const db = path.join(tempDir(), 'crm.db');
    fs.writeFileSync(db, '', { mode: 0o600 });
    const status = await crmJson(['db', 'status'], { db });
    expect(status).toMatchObject({ exists: true, bytes: 0, mode: '0600', schemaVersion: null, journalMode: null, counts: ZERO });
    expect((await crm(['db', 'status'], { db, columns: 200 })).stdout).toContain('(an empty file: crm sets it up on the first write)');
    expect(fs.statSync(db).size).toBe(0);
  });

  it('reports the schema, journal and counts of a database that exists', async () => {
    const db = tempDb();
    await seed(db, [['client', 'add', 'Acme Corp'], ['change', 'add', 'acme', '--summary', 'Dark mode']]);
    const status = await crmJson(['db', 'status', '--check'], { db });
    expect(status).toMatchObject({ exists: true, journalMode: 'wal', integrity: 'ok', counts: { ...ZERO, clients: 1, changeRequests: 1 } });
    expect(status.schemaVersion).toBeGreaterThanOrEqual(1);
    expect((await crm(['db', 'status'], { db })).stdout).toMatch(/journal wal, schema \d+/);
  });
});
