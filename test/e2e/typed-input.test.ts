// Input the way people type it, end to end: `--at "yesterday 15:00"` and `--at 9:30` in the
// configured time zone, and a client named without its accents (`cafe zoe` → Café Zoë).
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { crm, crmJson, seed, snapshot, tempDb, tempDir } from '../helpers/cli.js';

let db: string;
let env: Record<string, string>;
// CRM_NOW is 2026-11-22T10:00:00Z: 11:00 in Oslo. The process TZ (UTC, Auckland or Los Angeles in
// CI) must not matter: the config's zone decides.
beforeEach(async () => {
  db = tempDb();
  const config = path.join(tempDir(), 'config.json');
  fs.writeFileSync(config, JSON.stringify({ timezone: 'Europe/Oslo' }));
  env = { CRM_CONFIG: config };
  await seed(db, [['client', 'add', 'Acme Corp'], ['client', 'add', 'Café Zoë'], ['client', 'add', 'Zoe Ltd']], { env });
});

const history = (client: string) => crmJson<{ type: string; on: string; summary: string }[]>(['history', client], { db, env });

describe('date-times as people type them', () => {
  it('log --at "yesterday 15:00" is 15:00 yesterday in the configured zone', async () => {
    const r = await crm(['log', 'acme', '--at', 'yesterday 15:00', '--summary', 'Went over the quote', '--no-recap'], { db, env });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect((await history('acme'))[0]).toMatchObject({ type: 'interaction', on: '2026-11-21T15:00:00+01:00' });
  });

  it('log --at 9:30 is today; incident --on "-2d 14:00" two days ago', async () => {
    expect((await crm(['log', 'acme', '--at', '9:30', '--summary', 'Morning call', '--no-recap'], { db, env })).code).toBe(0);
    expect((await crm(['incident', 'add', 'acme', '--kind', 'unreasonable-demand', '--on', '-2d 14:00', '--note', 'Wanted it by tonight'], { db, env })).code).toBe(0);
    const h = await history('acme');
    expect(h.find((x) => x.type === 'interaction')?.on).toBe('2026-11-22T09:30:00+01:00');
    expect(h.find((x) => x.type === 'incident')?.on).toBe('2026-11-20T14:00:00+01:00');
  });

  it.each(['25:00', '9:60', '15:'])('log --at %j: exit 2, names the value and the forms, writes nothing', async (bad) => {
    const before = snapshot(db);
    const r = await crm(['log', 'acme', '--at', bad, '--summary', 'Call'], { db, env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^crm: --at '${bad}' is not a real date and time; expected now, HH:mm \\(today\\), a date and a time \\('yesterday 15:00'`));
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(snapshot(db)).toEqual(before);
  });

  it('a time later today is in the future for what already happened', async () => {
    const r = await crm(['log', 'acme', '--at', '15:00', '--summary', 'Call'], { db, env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--at '15:00' is in the future \(now is 2026-11-22 11:00 Europe\/Oslo\)/);
  });
});

describe('client names without accents', () => {
  it('client show "cafe zoe" finds Café Zoë', async () => {
    const r = await crm(['client', 'show', 'cafe zoe'], { db, env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Café Zoë');
  });

  it('"zoe" is Zoe Ltd by prefix as typed, before any accent folding', async () => {
    const shown = await crmJson<{ name: string }>(['client', 'show', 'zoe'], { db, env });
    expect(shown.name).toBe('Zoe Ltd');
  });

  it('two accented names that fold alike are listed, and nothing is written', async () => {
    await seed(db, [['client', 'add', 'Café Noir']], { env });
    const before = snapshot(db);
    const r = await crm(['log', 'cafe', '--summary', 'Call'], { db, env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/client 'cafe' is ambiguous: it matches Café (Noir|Zoë) \(#\d\), Café (Noir|Zoë) \(#\d\)/);
    expect(snapshot(db)).toEqual(before);
  });
});
