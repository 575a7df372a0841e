// Files and privacy: 0600 files and a 0700 folder under umask 022, a warning for a database others
// can read, secure_delete so deleted notes leave no bytes behind, error messages that never echo a
// note, and notes taken from a file or stdin instead of argv.
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { beforeAll, describe, expect, test } from 'vitest';
import Database from 'better-sqlite3';
import { seed, tempDb, tempDir, testEnv } from '../helpers/cli.js';
import { openStore } from '../../src/db/store.js';
import { crmEntry, errLines, pool, report, requireBuilt, spawnAsync, withDb, type Run, type SpawnOptions } from './harness.js';

const mode = (file: string): number => fs.statSync(file).mode & 0o777;

/** Run the binary under `umask 022`, the usual default, through sh. */
function underUmask022(args: string[], db: string, faults?: SpawnOptions['faults'], onStderr?: (s: string) => void): Promise<Run> {
  const started = Date.now();
  return new Promise((resolve) => {
    const quoted = [process.execPath, ...crmEntry(faults), ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    const child = spawn('/bin/sh', ['-c', `umask 022; exec ${quoted}`], { env: testEnv({ db }) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      onStderr?.(stderr);
    });
    child.stdin.end();
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, ms: Date.now() - started }));
  });
}

/** Does `needle` occur in the database file or its WAL? */
function bytesContain(db: string, needle: string): boolean {
  return ['', '-wal'].some((s) => fs.existsSync(db + s) && fs.readFileSync(db + s).includes(Buffer.from(needle)));
}

describe('files and privacy', () => {
  beforeAll(requireBuilt);
  let filesChecked = 0;

  test('under umask 022: folder 0700; database, -wal, -shm, backup 0600', async () => {
    const db = path.join(tempDir(), 'nested', 'crm', 'crm.db');
    const seen: Record<string, number> = {};
    const r = await underUmask022(['client', 'add', 'Acme', '--note', 'private'], db, { slowWriteMs: 200 }, (stderr) => {
      // While the write is open, -wal and -shm exist: look at them then.
      if (stderr.includes('crm-test: write done') && !('wal' in seen)) {
        seen.wal = mode(`${db}-wal`);
        seen.shm = mode(`${db}-shm`);
      }
    });
    expect(r.code, r.stderr).toBe(0);
    expect(seen).toEqual({ wal: 0o600, shm: 0o600 });
    expect(mode(db)).toBe(0o600);
    expect(mode(path.dirname(db))).toBe(0o700);
    expect(mode(path.dirname(path.dirname(db)))).toBe(0o700);
    const backup = path.join(path.dirname(db), 'backup.db');
    const b = await underUmask022(['db', 'backup', backup], db);
    expect(b.code, b.stderr).toBe(0);
    expect(mode(backup)).toBe(0o600);
    filesChecked += 6;
  });

  for (const bad of [0o644, 0o640, 0o604]) {
    test(`a database with mode ${bad.toString(8)} gets one warning line on stderr; the command still works`, async () => {
      const db = tempDb();
      await seed(db, [['client', 'add', 'Acme']]);
      fs.chmodSync(db, bad);
      const r = await spawnAsync(['client', 'list', '--json'], { db });
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toHaveLength(1);
      expect(errLines(r.stderr)).toEqual([`warning: ${db} is readable by other users; protect it with: chmod 600 '${db}'`]);
      fs.chmodSync(db, 0o600);
      const quiet = await spawnAsync(['client', 'list', '--json'], { db });
      expect(quiet.stderr).toBe('');
    });
  }

  test('secure_delete is on for every connection crm opens', () => {
    const db = tempDb();
    for (const write of [true, false]) {
      const store = openStore(db, { write });
      expect(store.db.pragma('secure_delete', { simple: true })).toBe(1);
      store.close();
    }
  });

  test('a deleted note stays recoverable by crm undo until crm undo --forget, then leaves no bytes behind (and without secure_delete it would)', async () => {
    const db = tempDb();
    const secret = 'WITNESS-7f3a: he threatened the designer. '.repeat(400); // ~17 KB: overflow pages
    const noteFile = path.join(path.dirname(db), 'note.txt');
    fs.writeFileSync(noteFile, secret);
    await seed(db, [['client', 'add', 'Acme', '--note-file', noteFile]]);
    expect(bytesContain(db, 'WITNESS-7f3a')).toBe(true);
    const control = path.join(path.dirname(db), 'control.db');
    fs.copyFileSync(db, control);

    const r = await spawnAsync(['client', 'edit', 'acme', '--note', ''], { db });
    expect(r.code, r.stderr).toBe(0);
    withDb(db, (h) => expect(h.prepare('SELECT note FROM clients').pluck().get()).toBeNull());
    // The undo journal keeps the erased note, so that crm undo can bring it back…
    expect(bytesContain(db, 'WITNESS-7f3a')).toBe(true);
    const dry = await spawnAsync(['undo', '--dry-run'], { db });
    expect(dry.stdout).toContain("Would undo: crm client edit acme --note ''");
    expect(dry.stdout).toContain('  restore client Acme (note)');

    // …until the journal is forgotten: then the bytes are gone from the file and its WAL.
    const f = await spawnAsync(['undo', '--forget'], { db });
    expect(f.code, f.stderr).toBe(0);
    expect(f.stdout).toMatch(/^Forgot the undo journal \(2 commands\)/);
    expect(bytesContain(db, 'WITNESS-7f3a')).toBe(false);
    const after = await spawnAsync(['undo'], { db });
    expect(after.stdout).toBe('Nothing to undo.\n');

    // Control: the same delete with secure_delete off leaves the note in the free pages, so the
    // byte scan above can see what it looks for.
    const h = new Database(control);
    h.pragma('secure_delete = OFF');
    h.prepare('UPDATE clients SET note = NULL').run();
    h.pragma('wal_checkpoint(TRUNCATE)');
    h.close();
    expect(bytesContain(control, 'WITNESS-7f3a')).toBe(true);
  });

  test('error messages name the field, never the note', async () => {
    const db = tempDb();
    await seed(db, [['client', 'add', 'Acme']]);
    const secret = 'SECRET-he-lied-about-the-invoice';
    const noteFile = path.join(path.dirname(db), 'note.txt');
    fs.writeFileSync(noteFile, secret);
    const big = path.join(path.dirname(db), 'big.txt');
    fs.writeFileSync(big, `${secret} `.repeat(40_000));
    const mid = path.join(path.dirname(db), 'mid.txt');
    fs.writeFileSync(mid, `${secret} `.repeat(6_000)); // ~200 KB: needs new pages
    const cases: { args: string[]; stdin?: string; code: number }[] = [
      { args: ['incident', 'add', 'acme', '--kind', 'lies', '--note', secret], code: 2 },
      { args: ['incident', 'add', 'nobody', '--kind', 'other', '--note', secret], code: 2 },
      { args: ['incident', 'add', 'acme', '--kind', 'other', '--severity', 'awful', '--note', '-'], stdin: secret, code: 2 },
      { args: ['incident', 'add', 'acme', '--kind', 'other', '--note', secret, '--note-file', noteFile], code: 2 },
      { args: ['incident', 'add', 'acme', '--kind', 'other', '--note', '-'], stdin: `${secret} `.repeat(40_000), code: 2 },
      { args: ['incident', 'add', 'acme', '--kind', 'other', '--note-file', big], code: 2 },
      { args: ['client', 'add', 'Acme', '--note', secret], code: 2 },
      { args: ['client', 'add', '', '--note-file', noteFile], code: 2 },
      { args: ['client', 'edit', 'acme', '--email', 'nope', '--note', secret], code: 2 },
      { args: ['log', 'acme', '--summary', secret, '--at', 'yesterdayish'], code: 2 },
      { args: ['referral', 'add', 'acme', '--note', secret, '--on', '2026-02-30'], code: 2 },
      { args: ['incident', 'add', 'acme', '--kind', 'other', '--note-file', mid], code: 1 }, // a full disk
    ];
    const runs = await pool(cases, 3, (c) => spawnAsync(c.args, { db, stdin: c.stdin, ...(c.code === 1 ? { faults: { maxPageCount: 1 } } : {}) }));
    cases.forEach((c, i) => {
      const r = runs[i]!;
      expect(r.code, `${c.args.join(' ')}: ${r.stderr}`).toBe(c.code);
      expect(r.stderr).not.toContain('SECRET');
      expect(errLines(r.stderr)).toHaveLength(1);
    });
    report(`privacy: ${cases.length} failing commands carrying a note: 0 echoed it; ${filesChecked} file modes checked 0600/0700 under umask 022`);
  });

  test('notes come verbatim from --note-file and from stdin (--note -), never needing argv', async () => {
    const db = tempDb();
    await seed(db, [['client', 'add', 'Acme']]);
    const note = 'Line one: “quoted” — Zoë\nLine two\twith a tab\n\nLine four';
    const file = path.join(path.dirname(db), 'note.txt');
    fs.writeFileSync(file, note + '\n');
    const fromFile = await spawnAsync(['incident', 'add', 'acme', '--kind', 'other', '--note-file', file], { db });
    const fromStdin = await spawnAsync(['incident', 'add', 'acme', '--kind', 'dishonesty', '--note', '-'], { db, stdin: note + '\n' });
    const clientNote = await spawnAsync(['client', 'add', 'Globex', '--note', '-'], { db, stdin: note });
    for (const r of [fromFile, fromStdin, clientNote]) expect(r.code, r.stderr).toBe(0);
    withDb(db, (h) => {
      expect(h.prepare('SELECT note FROM incidents ORDER BY id').pluck().all()).toEqual([note, note]);
      expect(h.prepare("SELECT note FROM clients WHERE name = 'Globex'").pluck().get()).toBe(note);
    });
  });
});
