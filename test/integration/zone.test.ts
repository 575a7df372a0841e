// One time zone, resolved once: config `timezone` > TZ (empty = unset) > the system's, used for
// "today", the local date of every event, the offsets in JSON, the rules and `crm cron`.
// Each story puts the config zone and TZ on different sides of midnight.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { crm, crmJson, seed, spawnCrm, tempDb, tempDir } from '../helpers/cli.js';
import { canonicalZone } from '../../src/domain/client-input.js';

function configWith(zone: string): string {
  const file = path.join(tempDir(), 'config.json');
  fs.writeFileSync(file, JSON.stringify({ timezone: zone }));
  return file;
}

describe('config zone ahead of TZ (Pacific/Auckland vs UTC), just after local midnight', () => {
  // 2026-11-22 11:30 UTC is 2026-11-23 00:30 in Auckland (NZDT, +13).
  const now = '2026-11-22T11:30:00Z';
  const env = (file: string) => ({ CRM_CONFIG: file, TZ: 'UTC' });

  it('a dishonesty incident recorded half an hour ago is seen: fire, with the same date everywhere', async () => {
    const db = tempDb();
    const cfg = configWith('Pacific/Auckland');
    const opts = { db, now, env: env(cfg) };
    await seed(db, [['client', 'add', 'Kiwi Ltd']], opts);
    const incident = await crmJson(['incident', 'add', 'kiwi', '--kind', 'dishonesty', '--on', '2026-11-23 00:00'], opts);
    expect(incident.on).toBe('2026-11-23');
    expect(incident.at).toBe('2026-11-23T00:00:00+13:00');
    const review = await crmJson(['review', 'kiwi'], opts);
    expect(review.asOf).toBe('2026-11-23');
    expect(review.verdict).toBe('fire');
    const evidence = review.findings.find((f: { rule: string }) => f.rule === 'dishonesty').evidence[0];
    expect(evidence.on).toBe('2026-11-23');
    expect(evidence.at).toBe('2026-11-23T00:00:00+13:00');
  });

  it('"today" is the config zone\'s day for due, the default dates and the JSON offsets', async () => {
    const db = tempDb();
    const opts = { db, now, env: env(configWith('Pacific/Auckland')) };
    await seed(db, [['client', 'add', 'Kiwi Ltd', '--cadence', '1d']], opts);
    expect((await crmJson(['client', 'show', 'kiwi'], opts)).createdOn).toBe('2026-11-23');
    const logged = await crmJson(['log', 'kiwi', '--summary', 'late call'], opts);
    expect(logged.on).toBe('2026-11-23');
    expect(logged.at).toBe('2026-11-23T00:30:00+13:00');
    const inv = await crmJson(['invoice', 'add', 'kiwi', '--amount', '100', '--terms', '7'], opts);
    expect(inv.issuedOn).toBe('2026-11-23');
    expect((await crmJson(['due', '--within', '1'], opts)).asOf).toBe('2026-11-23');
    // A wall-clock time later today in Auckland is still to come, though UTC's day is over.
    const future = await crm(['log', 'kiwi', '--at', '2026-11-23 09:00', '--summary', 'x'], opts);
    expect(future.code).toBe(2);
    expect(future.stderr).toMatch(/is in the future \(now is 2026-11-23 00:30 Pacific\/Auckland\)/);
  });

  it('crm cron schedules in the config zone', async () => {
    const r = await crm(['cron'], { db: tempDb(), now, env: env(configWith('Pacific/Auckland')) });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('CRON_TZ=Pacific/Auckland\n');
    expect(r.stdout).toContain('\nTZ=Pacific/Auckland\n');
  });
});

describe('config zone behind TZ (America/Los_Angeles vs Pacific/Auckland), just before local midnight', () => {
  // 2026-11-23 07:30 UTC is 2026-11-22 23:30 in Los Angeles, and 2026-11-23 20:30 in Auckland.
  const now = '2026-11-23T07:30:00Z';
  const env = (file: string) => ({ CRM_CONFIG: file, TZ: 'Pacific/Auckland' });

  it('today is still the 22nd: an event at 23:00 is past, one on the 23rd is refused', async () => {
    const db = tempDb();
    const opts = { db, now, env: env(configWith('America/Los_Angeles')) };
    await seed(db, [['client', 'add', 'Coast Co']], opts);
    const logged = await crmJson(['log', 'coast', '--at', '2026-11-22 23:00', '--summary', 'evening call'], opts);
    expect(logged.at).toBe('2026-11-22T23:00:00-08:00');
    expect(logged.on).toBe('2026-11-22');
    const ahead = await crm(['incident', 'add', 'coast', '--kind', 'other', '--on', '2026-11-23 08:00'], opts);
    expect(ahead.code).toBe(2);
    const paid = await crm(['invoice', 'add', 'coast', '--amount', '5', '--issued', '2026-11-23'], opts);
    expect(paid.code).toBe(2);
    expect(paid.stderr).toMatch(/--issued '2026-11-23' is after today \(2026-11-22\)/);
    expect((await crmJson(['due'], opts)).asOf).toBe('2026-11-22');
    expect((await crmJson(['review', 'coast'], opts)).asOf).toBe('2026-11-22');
  });

  it('a call at 10:00 on a Friday in Los Angeles is inside working hours by the config zone, not by TZ', async () => {
    const db = tempDb();
    const opts = { db, now, env: env(configWith('America/Los_Angeles')) };
    await seed(db, [['client', 'add', 'Coast Co']], opts);
    // Friday 2026-11-20 10:00 in LA = Saturday 07:00 in Auckland.
    await seed(db, [['log', 'coast', '--at', '2026-11-20 10:00', '--direction', 'in', '--summary', 'hi', '--no-recap']], opts);
    const review = await crmJson(['review', 'coast'], opts);
    expect(review.findings.map((f: { rule: string }) => f.rule)).not.toContain('unreasonable-demands');
  });
});

describe('TZ is used when the config names no zone; an empty TZ counts as unset', () => {
  it('TZ alone dates "today"', async () => {
    const db = tempDb();
    // 23:30 UTC on the 22nd is already the 23rd in Auckland.
    const r = await crmJson(['due'], { db, now: '2026-11-22T23:30:00Z', env: { TZ: 'Pacific/Auckland' } });
    expect(r.asOf).toBe('2026-11-23');
  });

  it('TZ= (empty) falls back to the system zone: review works and cron names a real zone', async () => {
    const db = tempDb();
    await seed(db, [['client', 'add', 'Acme']], { db });
    const review = spawnCrm(['review', 'acme', '--json'], { db, env: { TZ: '' } });
    expect(review.stderr).toBe('');
    expect(review.code).toBe(0);
    const cron = spawnCrm(['cron'], { db, env: { TZ: '' } });
    expect(cron.code).toBe(0);
    const zone = /^CRON_TZ=(.+)$/m.exec(cron.stdout)?.[1] ?? '';
    expect(zone).not.toBe('Etc/Unknown');
    expect(canonicalZone(zone)).not.toBeNull();
  });

  it('a bad config zone is refused by every command alike', async () => {
    const db = tempDb();
    const cfg = configWith('Mars/Olympus');
    for (const args of [['due'], ['due', '--cron'], ['review', '--all'], ['cron'], ['client', 'list']]) {
      const r = await crm(args, { db, env: { CRM_CONFIG: cfg } });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/key timezone: not an IANA time zone/);
    }
  });
});
