// The whole run gets a private TMPDIR (test files inherit it), and at the end it must be empty:
// every test file removes what it made (test/setup.ts). Anything left fails the run, by name.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { removeDir } from './helpers/temp.js';

export default function setup(): () => void {
  const previous = process.env.TMPDIR;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-tests-'));
  process.env.TMPDIR = dir;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    const left = fs.readdirSync(dir);
    removeDir(dir);
    if (left.length > 0) {
      throw new Error(`the tests left ${left.length} entries in their temp folder (each file must remove what it makes): ${left.slice(0, 10).join(', ')}`);
    }
  };
}
