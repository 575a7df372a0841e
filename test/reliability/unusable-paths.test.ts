// Database paths crm cannot use: one plain line on stderr and exit 1, at once — never "internal
// error", never a hang (Node's recursive mkdir spins forever on /proc/crm).
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { seed, tempDb, tempDir } from '../helpers/cli.js';
import { requireBuilt, spawnAsync } from './harness.js';

const root = process.getuid?.() === 0;

/** A folder crm may not write into: chmod 0555, or for root (who ignores modes) sysfs. */
function readOnlyFolder(): string {
  if (root) return '/sys';
  const dir = tempDir('crm-ro-');
  fs.chmodSync(dir, 0o555);
  return dir;
}

function aFile(): string {
  const file = path.join(tempDir('crm-paths-'), 'notes.txt');
  fs.writeFileSync(file, 'not a folder\n');
  return file;
}

const cases: [string, () => string, RegExp, boolean][] = [
  // name, database path, message, whether reads fail too (a path that cannot exist yet reads as empty)
  ['a folder under /proc', () => '/proc/crm/x.db', /^cannot create the folder \/proc\/crm: /, false],
  ['a file directly in /proc', () => '/proc/x.db', /^cannot create \/proc\/x\.db: /, false],
  ['a path whose parent is a regular file', () => path.join(aFile(), 'x.db'), /part of the path is a file, not a folder/, true],
  ['a path through a regular file two levels up', () => path.join(aFile(), 'sub', 'x.db'), /part of the path is a file, not a folder/, true],
  [`a read-only folder (${root ? '/sys, as root' : 'mode 0555'})`, () => path.join(readOnlyFolder(), 'x.db'), /permission denied|read-only/, false],
];

describe('database paths crm cannot use: one line, exit 1, no hang', () => {
  beforeAll(requireBuilt);

  for (const [name, make, message, readsFail] of cases) {
    test(name, async () => {
      const db = make();
      const runs: [string[], boolean][] = [
        [['client', 'add', 'Q'], true],
        [['client', 'list'], readsFail],
        [['due'], readsFail],
      ];
      for (const [args, fails] of runs) {
        const r = await spawnAsync(['--db', db, ...args], { timeoutMs: 10_000 });
        const what = `${args.join(' ')}: ${r.signal ?? r.code} ${r.stderr}`;
        expect(r.signal, what).toBeNull(); // not killed by the harness after hanging
        if (!fails) {
          expect(r.code, what).toBe(0);
          continue;
        }
        expect(r.code, what).toBe(1);
        expect(r.stdout).toBe('');
        expect(r.stderr, what).toMatch(/^crm: [^\n]+\n$/);
        expect(r.stderr).not.toMatch(/internal error/);
        expect(r.stderr.slice('crm: '.length)).toMatch(message);
      }
      expect(fs.existsSync(db)).toBe(false);
    });
  }

  test('db backup to a path crm cannot use: one line, exit 1, no hang', async () => {
    const db = tempDb();
    await seed(db, [['client', 'add', 'Acme']]);
    for (const target of ['/proc/crm/backup.db', path.join(aFile(), 'backup.db')]) {
      const r = await spawnAsync(['db', 'backup', target], { db, timeoutMs: 10_000 });
      expect(r.signal, r.stderr).toBeNull();
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(/^crm: cannot (create the folder|write the backup) [^\n]+\n$/);
      expect(r.stderr).not.toMatch(/internal error/);
    }
  });
});
