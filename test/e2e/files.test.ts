// The files crm touches, through the built binary: foreign and newer files are refused untouched,
// empty ones adopted, reads create nothing, permissions are private, and the CLI surface
// (--version, --help with examples everywhere, a closed pipe) behaves.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, crm, seed, spawnCrm, tempDir, testEnv } from '../helpers/cli.js';
import { fileTree } from '../helpers/checks.js';
import { buildProgram } from '../../src/cli/program.js';
import { createCtx } from '../../src/cli/context.js';
import { plainStyle } from '../../src/render/style.js';
import { Readable } from 'node:stream';

const APPLICATION_ID = 0x43524d31; // 'CRM1'

const mode = (p: string): string => (fs.statSync(p).mode & 0o777).toString(8);

describe('files that are not crm databases are refused and left byte-for-byte untouched', () => {
  const cases: [string, (file: string) => void, RegExp][] = [
    ['a text file', (f) => fs.writeFileSync(f, 'name,email\nAcme,ops@acme.test\n'), /not a crm database \(not an SQLite file\)/],
    ['a short binary file', (f) => fs.writeFileSync(f, Buffer.from([0x53, 0x51, 0x4c, 0x00, 0xff])), /not a crm database/],
    [
      "another program's SQLite database",
      (f) => {
        const db = new Database(f);
        db.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('keep me');");
        db.close();
      },
      /SQLite database of another program/,
    ],
    [
      'an SQLite file with no tables but another application_id',
      (f) => {
        const db = new Database(f);
        db.pragma('application_id = 1234');
        db.close();
      },
      /another program/,
    ],
    [
      'a crm database written by a newer crm',
      (f) => {
        const r = spawnCrm(['client', 'add', 'Acme Corp'], { db: f });
        expect(r.code, r.stderr).toBe(0);
        const db = new Database(f);
        expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
        db.pragma('user_version = 99');
        db.close();
      },
      /written by a newer crm \(schema 99/,
    ],
  ];

  it.each(cases)('%s: writes and reads exit 1 with one line naming the file', (_what, make, message) => {
    const dir = tempDir('crm-files-');
    const file = path.join(dir, 'crm.db');
    make(file);
    const before = fileTree(dir);
    for (const args of [['client', 'add', 'Globex'], ['client', 'list'], ['invoice', 'list', '--json'], ['remind', 'list']]) {
      const r = spawnCrm(['--db', file, ...args]);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^crm: [^\n]+\n$/);
      expect(r.stderr).toContain(file);
      expect(r.stderr).toMatch(message);
      expect(fileTree(dir), args.join(' ')).toEqual(before); // no -wal, -shm or backup left behind either
    }
  });
});

describe('empty files are adopted', () => {
  it('a 0-byte file becomes a crm database on the first write', () => {
    const dir = tempDir('crm-files-');
    const file = path.join(dir, 'crm.db');
    fs.writeFileSync(file, '', { mode: 0o600 });
    expect(spawnCrm(['--db', file, 'client', 'list', '--json']).stdout).toBe('[]\n'); // a read leaves it alone
    expect(fs.statSync(file).size).toBe(0);
    const r = spawnCrm(['--db', file, 'client', 'add', 'Acme Corp']);
    expect(r.code, r.stderr).toBe(0);
    const list = spawnCrm(['--db', file, 'client', 'list', '--json']);
    expect(JSON.parse(list.stdout).map((c: { name: string }) => c.name)).toEqual(['Acme Corp']);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('an SQLite file with no tables and application_id 0 is adopted', () => {
    const dir = tempDir('crm-files-');
    const file = path.join(dir, 'crm.db');
    const db = new Database(file);
    db.pragma('user_version = 0');
    db.exec('VACUUM'); // writes the header: a real, empty SQLite file
    db.close();
    fs.chmodSync(file, 0o600);
    expect(fs.statSync(file).size).toBeGreaterThan(0);
    const r = spawnCrm(['--db', file, 'client', 'add', 'Acme Corp', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).name).toBe('Acme Corp');
  });
});

describe('reading before any database exists', () => {
  it('client list, invoice list and remind list print empty results and create nothing', () => {
    const dir = tempDir('crm-files-');
    const file = path.join(dir, 'not', 'yet', 'crm.db');
    for (const args of [['client', 'list'], ['client', 'list', '--all'], ['invoice', 'list'], ['invoice', 'list', '--open'], ['remind', 'list']]) {
      const human = spawnCrm(['--db', file, ...args]);
      expect(human.code, human.stderr).toBe(0);
      expect(human.stderr).toBe('');
      expect(human.stdout).not.toBe('');
      const json = spawnCrm(['--db', file, ...args, '--json']);
      expect(json.code).toBe(0);
      expect(json.stdout).toBe('[]\n');
    }
    const show = spawnCrm(['--db', file, 'client', 'show', 'acme']);
    expect(show.code).toBe(2);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('the default location (XDG_DATA_HOME) is not created by a read either', () => {
    const home = tempDir('crm-home-');
    const env: NodeJS.ProcessEnv = { ...testEnv({}), HOME: home, XDG_DATA_HOME: path.join(home, 'data') };
    delete env.CRM_DB;
    const r = spawnCrm(['client', 'list', '--json'], { rawEnv: env });
    expect(r.stdout, r.stderr).toBe('[]\n');
    expect(fs.readdirSync(home)).toEqual([]);
    const w = spawnCrm(['client', 'add', 'Acme Corp'], { rawEnv: env });
    expect(w.code, w.stderr).toBe(0);
    expect(fs.existsSync(path.join(home, 'data', 'crm', 'crm.db'))).toBe(true);
  });
});

describe('permissions', () => {
  it('folder 0700 and database, -wal and -shm 0600, even with umask 000', () => {
    const dir = tempDir('crm-perm-');
    const file = path.join(dir, 'a', 'b', 'crm.db');
    const crmUmask0 = (args: string[]) =>
      spawnSync('/bin/sh', ['-c', 'umask 000 && exec "$0" "$@"', process.execPath, BIN, ...args], {
        env: testEnv({ db: file }),
        encoding: 'utf8',
        input: '',
      });
    const first = crmUmask0(['client', 'add', 'Acme Corp']);
    expect(first.status, first.stderr).toBe(0);
    expect(mode(path.join(dir, 'a'))).toBe('700');
    expect(mode(path.join(dir, 'a', 'b'))).toBe('700');
    expect(mode(file)).toBe('600');

    // crm deletes -wal and -shm when its last connection closes. Hold a second connection open
    // so they stay, then let crm write through them again.
    const holder = new Database(file);
    try {
      holder.prepare('SELECT count(*) FROM clients').get();
      const second = crmUmask0(['client', 'add', 'Globex']);
      expect(second.status, second.stderr).toBe(0);
      for (const suffix of ['', '-wal', '-shm']) {
        expect(fs.existsSync(file + suffix), `${file}${suffix} exists`).toBe(true);
        expect(mode(file + suffix), `mode of crm.db${suffix}`).toBe('600');
      }
      expect(fs.statSync(file + '-wal').size).toBeGreaterThan(0); // crm's write went through the WAL
      expect(holder.prepare('SELECT count(*) AS n FROM clients').get()).toEqual({ n: 2 });
    } finally {
      holder.close();
    }
  });

  it('warns when an existing database is readable by others', () => {
    const dir = tempDir('crm-perm-');
    const file = path.join(dir, 'crm.db');
    expect(spawnCrm(['--db', file, 'client', 'add', 'Acme Corp']).code).toBe(0);
    fs.chmodSync(file, 0o644);
    const r = spawnCrm(['--db', file, 'client', 'add', 'Globex']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/readable by other users.*chmod 600/);
  });
});

// Every command path, walked from the real command tree so a new command cannot slip by.
const ctx = createCtx({
  execPath: process.execPath,
  io: { out: () => {}, err: () => {}, stdin: Readable.from([]), stdinIsTTY: false, stdoutIsTTY: false, color: false, columns: 80 },
  env: {},
  systemNow: () => new Date('2026-11-22T10:00:00Z'),
  style: plainStyle,
  globalOpts: () => ({}),
});
type Node = { name(): string; commands: readonly Node[] };
const paths: string[][] = [];
const walk = (cmd: Node, prefix: string[]): void => {
  for (const sub of cmd.commands) {
    if (sub.name() === 'help') continue;
    paths.push([...prefix, sub.name()]);
    walk(sub, [...prefix, sub.name()]);
  }
};
walk(await buildProgram(ctx), []);

describe('the command-line surface', () => {
  it('crm --version prints the package version', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) {
      const r = spawnCrm([flag]);
      expect(r).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
    }
  });


  it('the tree is what the contract names (and maybe more)', () => {
    const names = paths.map((p) => p.join(' '));
    for (const c of ['client add', 'client list', 'client show', 'client edit', 'client archive', 'client fire', 'log',
      'invoice add', 'invoice pay', 'invoice dispute', 'invoice resolve', 'invoice list', 'change add', 'incident add',
      'referral add', 'remind add', 'remind done', 'remind list', 'deliver']) {
      expect(names).toContain(c);
    }
  });

  it('--help on every command exits 0 and shows examples', async () => {
    const missing: string[] = [];
    // The completion scripts' hidden helper is no command a user types.
    for (const p of [[], ...paths.filter((q) => q[0] !== '__complete')]) {
      const r = await crm([...p, '--help']);
      expect(r.code, `crm ${p.join(' ')} --help`).toBe(0);
      expect(r.stderr).toBe('');
      if (!/Examples:\n\s+\$ crm /.test(r.stdout)) missing.push(`crm ${p.join(' ')}`.trim());
    }
    expect(missing, 'commands whose --help has no examples').toEqual([]);
  });

  it('--help through the binary, for the program and a nested command', () => {
    for (const p of [[], ['invoice', 'add']]) {
      const r = spawnCrm([...p, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Usage: crm/);
      expect(r.stdout).toMatch(/Examples:/);
    }
  });

  it('`crm client list | head -1` prints no EPIPE error, even when crm is still writing', async () => {
    const dir = tempDir('crm-pipe-');
    const db = path.join(dir, 'crm.db');
    // Over a megabyte of JSON, far more than a pipe buffer: head exits while crm is mid-write.
    const note = path.join(dir, 'note.txt');
    fs.writeFileSync(note, 'n'.repeat(600 * 1024));
    await seed(db, [1, 2, 3].map((i) => ['client', 'add', `Client ${i}`, '--note-file', note]));
    for (const cmd of ['client list', 'client list --json']) {
      const r = spawnSync('bash', ['-c', `set -o pipefail; "$0" "$1" ${cmd} | head -1`, process.execPath, BIN], {
        env: testEnv({ db }),
        encoding: 'utf8',
        input: '',
      });
      expect(r.stderr, cmd).toBe('');
      expect(r.stdout.split('\n')).toHaveLength(2); // one line and its newline
      expect(r.status, cmd).toBe(0);
    }
  });
});
