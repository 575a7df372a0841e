// `crm search` through the built binary (npm run build first), as a shell or a script sees it: the
// acceptance stories (a note from three years ago, Café for cafe), a database from before the
// index (migrated, backed up, its old records searchable), void and edit moving what is found.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, seed, spawnCrm, tempDb } from '../helpers/cli.js';
import { localDay } from '../helpers/tz.js';

const json = (db: string, args: string[]) => {
  const r = spawnCrm(['search', ...args, '--json'], { db });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as { ref: string; type: string; client: { id: number; name: string }; on: string; snippet: string; rank: number }[];
};

describe('crm search (binary)', () => {
  it('finds what was agreed about the logo three years ago, and the café for cafe', async () => {
    const db = tempDb();
    await seed(db, [
      ['client', 'add', 'Acme Corp'],
      ['client', 'add', 'Café Olé'],
      ['log', 'Acme Corp', '--at', '2023-11-02 10:00', '--summary', 'Agreed the logo stays dark blue', '--no-recap'],
    ], { now: '2023-11-03T09:00:00Z' });
    await seed(db, [['log', 'Acme Corp', '--summary', 'Invoice questions', '--no-recap']]);

    const r = spawnCrm(['search', 'logo'], { db });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe([
      'ON          REF            CLIENT     MATCH',
      '2023-11-02  interaction:1  Acme Corp  Agreed the **logo** stays dark blue',
      '',
    ].join('\n'));
    expect(json(db, ['cafe'])).toEqual([
      { ref: 'client:2', type: 'client', client: { id: 2, name: 'Café Olé' }, on: '2023-11-03', snippet: '**Café** Olé', rank: expect.any(Number) },
    ]);
  });

  it('a database from before the index is migrated (with its backup) and its old records are found', () => {
    const db = tempDb();
    fs.copyFileSync(path.join(ROOT, 'test', 'fixtures', 'v1.db'), db);
    fs.chmodSync(db, 0o600);

    const hits = json(db, ['logo']);
    expect(hits).toEqual([
      { ref: 'interaction:2', type: 'interaction', client: { id: 2, name: 'Zoë Lund' }, on: localDay('2025-02-03T21:45:00.000Z'), snippet: 'Called late about the **logo**', rank: expect.any(Number) },
    ]);
    expect(fs.existsSync(`${db}.v1.bak`)).toBe(true);
    const old = new Database(`${db}.v1.bak`, { readonly: true });
    expect(old.pragma('user_version', { simple: true })).toBe(1);
    old.close();

    // Every kind the old file holds is in the index: a client found by its accent-free name, an
    // invoice by a piece of its number, a referral's note, an incident's kind and note.
    expect(json(db, ['zoe']).map((h) => h.ref)).toEqual(['client:2']);
    expect(json(db, ['jp']).map((h) => h.ref)).toEqual(['invoice:2025-JP-1']);
    expect(json(db, ['globex']).map((h) => h.ref)).toEqual(['referral:1']);
    expect(json(db, ['shouted', 'designer']).map((h) => h.ref)).toEqual(['incident:1']);
    expect(json(db, ['"verbal abuse"']).map((h) => h.ref)).toEqual(['incident:1']);
    expect(json(db, ['abuse']).map((h) => h.ref).sort()).toEqual(['incident:1', 'status:1']);
  });

  it('a voided record is not found until it is unvoided; an edited one by its new words', async () => {
    const db = tempDb();
    await seed(db, [
      ['client', 'add', 'Acme'],
      ['client', 'add', 'Globex'],
      ['log', 'Acme', '--summary', 'Discussed the zeppelin launch', '--no-recap'],
    ]);
    expect(json(db, ['zeppelin']).map((h) => h.ref)).toEqual(['interaction:1']);

    expect(spawnCrm(['void', 'interaction:1', '--reason', 'logged against the wrong client'], { db }).code).toBe(0);
    expect(json(db, ['zeppelin'])).toEqual([]);
    expect(spawnCrm(['search', 'zeppelin'], { db }).stdout).toBe('No matches for zeppelin.\n');

    expect(spawnCrm(['unvoid', 'interaction:1'], { db }).code).toBe(0);
    expect(json(db, ['zeppelin']).map((h) => h.client.name)).toEqual(['Acme']);

    expect(spawnCrm(['edit', 'interaction:1', '--summary', 'Discussed the airship launch'], { db }).code).toBe(0);
    expect(json(db, ['zeppelin'])).toEqual([]);
    expect(json(db, ['airship']).map((h) => h.ref)).toEqual(['interaction:1']);
  });

  it('bad input exits 2 with one line and no stack; an empty or missing database is no error', () => {
    const db = tempDb();
    for (const args of [['search', '--', '"'], ['search', '()'], ['search', 'x', '--limit', '-3'], ['search', 'x', '--type', 'payment']]) {
      const r = spawnCrm(args, { db });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^crm: .+\n$/);
    }
    expect(spawnCrm(['search', 'anything'], { db })).toEqual({ code: 0, stdout: 'No matches for anything.\n', stderr: '' });
    expect(fs.existsSync(db)).toBe(false);
  });
});
