// Small assertions shared by the parsing and end-to-end tests.
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { UsageError } from '../../src/domain/errors.js';

/** Run `fn`, require a UsageError (exit 2), and return its message. */
export function usageMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error('expected a UsageError, but nothing was thrown');
}

/** Every file and folder under `dir` with its bytes: "nothing was written" then covers -wal, -shm and backups too. */
export function fileTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of fs.readdirSync(dir, { recursive: true }) as string[]) {
    const p = path.join(dir, name);
    out[name] = fs.statSync(p).isDirectory() ? '<dir>' : fs.readFileSync(p).toString('base64');
  }
  return out;
}

/**
 * `crm args` against `db`, refused with exit 2: nothing on stdout, stderr saying each of `said`,
 * and the database's content as before. Returns stderr.
 */
export async function refusedUnchanged(db: string, args: string[], ...said: (string | RegExp)[]): Promise<string> {
  const { crm } = await import('./cli.js');
  const { dump } = await import('../reliability/harness.js');
  const before = dump(db);
  const r = await crm(args, { db });
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  for (const s of said) expect(r.stderr).toMatch(s);
  expect(dump(db)).toBe(before);
  return r.stderr;
}
