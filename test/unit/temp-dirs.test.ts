// Tests leave nothing in $TMPDIR: the run has a private temp folder (test/global-setup.ts fails
// the run if anything is left in it), and the helpers' folders are removed after each file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDb, tempDir, testEnv } from '../helpers/cli.js';
import { removeTempDirs } from '../helpers/temp.js';

const crmEntries = (): string[] => fs.readdirSync(os.tmpdir()).filter((e) => e.startsWith('crm-'));

describe('temporary folders', () => {
  it('live in a temp folder private to this run, which global-setup checks and removes', () => {
    expect(path.basename(os.tmpdir())).toMatch(/^crm-tests-/);
  });

  it('are all removed by removeTempDirs, read-only ones and the HOME crm runs with included', () => {
    const before = new Set(crmEntries());
    const db = tempDb();
    fs.writeFileSync(db, '');
    const locked = path.join(tempDir('crm-perm-'), 'locked');
    fs.mkdirSync(path.join(locked, 'inner'), { recursive: true });
    fs.writeFileSync(path.join(locked, 'inner', 'f'), 'x');
    fs.chmodSync(path.join(locked, 'inner'), 0o500);
    fs.chmodSync(locked, 0o500);
    const home = testEnv().HOME!;
    expect(path.dirname(home)).toBe(os.tmpdir()); // not the temp folder itself: crm may write in HOME
    // Other test files share the run's temp folder: count only what this test made.
    const mine = crmEntries().filter((e) => !before.has(e));
    expect(mine.sort()).toEqual([path.dirname(db), path.dirname(locked), home].map((d) => path.basename(d)).sort());

    removeTempDirs();
    expect(mine.filter((e) => fs.existsSync(path.join(os.tmpdir(), e)))).toEqual([]);
    // testEnv() makes a new HOME after a cleanup rather than pointing at a removed folder
    expect(fs.existsSync(testEnv().HOME!)).toBe(true);
  });
});
