// Disk full and broken pipes: SQLITE_FULL (simulated with an injected maxPageCount -> PRAGMA
// max_page_count) rolls the change back with one line and exit 1; output to /dev/full or into a
// pipe closed early (`| head -1`) never prints a stack trace.
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { beforeAll, describe, expect, test } from 'vitest';
import { seed, tempDb, testEnv } from '../helpers/cli.js';
import { openStore } from '../../src/db/store.js';
import { insertClient } from '../../src/db/clients.js';
import { nameKey } from '../../src/domain/names.js';
import { crmBin, count, dump, errLines, integrity, report, requireBuilt, spawnAsync, withDb, type Run } from './harness.js';

const STACK = /^\s+at |Error:|node:internal/m;

function spawnWithStdout(args: string[], db: string, stdout: number): Promise<Run> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [crmBin(), ...args], { env: testEnv({ db }), stdio: ['ignore', stdout, 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code, signal) => resolve({ code, signal, stdout: '', stderr, ms: Date.now() - started }));
  });
}

function shell(script: string, db: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('/bin/bash', ['-c', script], { env: { ...testEnv({ db }), CRM: `${process.execPath} ${crmBin()}` } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('disk full and broken pipes', () => {
  beforeAll(requireBuilt);

  test('SQLITE_FULL during a write: one line, exit 1, nothing written, and the database still works', async () => {
    const db = tempDb();
    await seed(db, [['client', 'add', 'Acme'], ['invoice', 'add', 'acme', '--amount', '500', '--number', 'INV-1']]);
    const note = path.join(path.dirname(db), 'note.txt');
    fs.writeFileSync(note, 'A long account of the meeting. '.repeat(8000)); // ~250 KB
    const before = dump(db);
    const writes: string[][] = [
      ['client', 'add', 'Big', '--note-file', note],
      ['incident', 'add', 'acme', '--kind', 'other', '--note-file', note],
      ['client', 'edit', 'acme', '--note-file', note],
    ];
    for (const args of writes) {
      const r = await spawnAsync(args, { db, faults: { maxPageCount: 1 } });
      expect(r.code, r.stderr).toBe(1);
      expect(r.stdout).toBe('');
      expect(errLines(r.stderr)).toEqual(['crm: the disk is full (or the database reached its size limit); nothing was written']);
      expect(r.stderr).not.toMatch(STACK);
      expect(dump(db)).toBe(before);
    }
    withDb(db, (h) => expect(integrity(h)).toEqual({ integrity: 'ok', foreignKeyViolations: 0 }));
    // With room again, the same write goes through.
    const ok = await spawnAsync(writes[0]!, { db });
    expect(ok.code, ok.stderr).toBe(0);
    withDb(db, (h) => expect(count(h, "SELECT count(*) AS n FROM clients WHERE name = 'Big'")).toBe(1));
    report(`disk full: ${writes.length} writes hit SQLITE_FULL: ${writes.length} rolled back with one line and exit 1, integrity ok`);
  });

  test('output to /dev/full: one line, exit 1, no stack trace', async () => {
    const db = tempDb();
    await seed(db, [['client', 'add', 'Acme'], ['invoice', 'add', 'acme', '--amount', '500', '--issued', '2026-09-01', '--due', '2026-10-01']]);
    const full = fs.openSync('/dev/full', 'w');
    try {
      for (const args of [['client', 'list'], ['client', 'list', '--json'], ['invoice', 'list', '--json'], ['due'], ['due', '--cron'], ['--help']]) {
        const r = await spawnWithStdout(args, db, full);
        expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(1);
        expect(errLines(r.stderr)).toEqual(['crm: cannot write output: no space left on device']);
        expect(r.stderr).not.toMatch(STACK);
      }
    } finally {
      fs.closeSync(full);
    }
  });

  test('`crm client list | head -1` with more output than a pipe holds: exit 0, no stack trace', async () => {
    const db = tempDb();
    const store = openStore(db, { write: true });
    // Enough clients for ~150 KB of list output; through the real repository, in one transaction.
    store.write((h) => {
      for (let i = 0; i < 1500; i++) {
        const name = `Client ${String(i).padStart(4, '0')} ${'x'.repeat(20)}`;
        insertClient(h, { name, nameKey: nameKey(name), email: null, phone: null, company: 'Company '.repeat(3), channel: null, cadenceDays: 14, timezone: null, note: null }, '2026-01-01');
      }
    });
    store.close();
    for (const args of ['client list', 'client list --json', 'client list --all']) {
      const r = await shell(`$CRM ${args} | head -1; echo "crm exit \${PIPESTATUS[0]}" >&2`, db);
      expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(1);
      expect(r.stderr).toBe('crm exit 0\n');
    }
  });
});
