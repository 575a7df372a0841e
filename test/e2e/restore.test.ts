// `crm db restore FILE`: a backup replaces the database after it is checked, the replaced database is
// kept as `<db>.before-restore` (numbered when one exists), and a file that is not a sound crm
// database — or a database in use — is refused with both files left byte-for-byte as they were.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { ROOT, crm, seed, snapshot, tempDb, tempDir, crmOk } from '../helpers/cli.js';

const ok = crmOk;

async function story(): Promise<{ db: string; backup: string; atBackup: string; history: string }> {
  const db = tempDb();
  await seed(db, [
    ['client', 'add', 'Acme Corp'],
    ['log', 'Acme Corp', '--at', '2026-11-01 10:00', '--summary', 'kickoff', '--no-recap'],
    ['invoice', 'add', 'Acme Corp', '--amount', '1200', '--currency', 'EUR', '--number', 'A-1', '--issued', '2026-11-01'],
    ['edit', 'invoice:A-1', '--amount', '1250'],
  ]);
  const backup = path.join(tempDir(), 'crm-backup.db');
  await ok(db, 'db', 'backup', backup);
  const atBackup = await ok(db, 'export');
  const history = await ok(db, 'history', 'Acme Corp', '--all', '--json');
  // Life goes on after the backup, and then something goes wrong.
  await seed(db, [
    ['invoice', 'pay', 'A-1', '--on', '2026-11-20'],
    ['client', 'add', 'Beta Ltd'],
  ]);
  return { db, backup, atBackup, history };
}

function refused(r: { code: number; stdout: string; stderr: string }, code: number, said: RegExp): void {
  expect(r.stderr).toMatch(said);
  expect(r.code).toBe(code);
  expect(r.stdout).toBe('');
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
}

describe('crm db restore', () => {
  it('puts the backup back (history identical) and keeps the replaced database as .before-restore', async () => {
    const { db, backup, atBackup, history } = await story();
    const backupBytes = snapshot(backup);
    const beforeRestore = await ok(db, 'export');
    const out = await ok(db, 'db', 'restore', backup);
    expect(out).toBe(`Restored ${db} from ${backup} (1 client, 1 interaction, 1 invoice).\nThe database it replaced is kept as ${db}.before-restore (to go back: crm db restore ${db}.before-restore)\n`);
    expect(await ok(db, 'export')).toBe(atBackup);
    expect(await ok(db, 'history', 'Acme Corp', '--all', '--json')).toBe(history);
    expect(fs.statSync(db).mode & 0o777).toBe(0o600);
    // The copy kept is the database as it was, and private.
    const kept = `${db}.before-restore`;
    expect(fs.statSync(kept).mode & 0o777).toBe(0o600);
    expect(await ok(kept, 'export')).toBe(beforeRestore);
    // The backup was only read.
    expect(snapshot(backup)).toEqual(backupBytes);
    // No temp file, WAL or journal of the old database left behind.
    expect(fs.readdirSync(path.dirname(db)).filter((f) => f !== 'crm.db' && !f.startsWith('crm.db.before-restore'))).toEqual([]);
    // Writing works on the restored database; a second restore keeps a numbered copy.
    await seed(db, [['client', 'add', 'Gamma']]);
    await ok(db, 'db', 'restore', backup);
    expect(fs.existsSync(`${db}.before-restore.1`)).toBe(true);
    expect(await ok(`${db}.before-restore.1`, 'client', 'list')).toMatch(/Gamma/);
    expect(await ok(db, 'export')).toBe(atBackup);
  });

  it('restores into a place with no database yet', async () => {
    const { backup, atBackup } = await story();
    const fresh = tempDb();
    const out = await ok(fresh, 'db', 'restore', backup);
    expect(out).toMatch(/There was no database before/);
    expect(await ok(fresh, 'export')).toBe(atBackup);
    expect(fs.statSync(fresh).mode & 0o777).toBe(0o600);
  });

  it('an older crm\'s backup is restored and brought up to date when next opened', async () => {
    const db = tempDb();
    await seed(db, [['client', 'add', 'Current client']]);
    const old = path.join(tempDir(), 'old.db');
    fs.copyFileSync(path.join(ROOT, 'test', 'fixtures', 'v1.db'), old);
    const out = await ok(db, 'db', 'restore', old);
    expect(out).toMatch(/; schema 1, brought up to date the next time crm opens it\)\.\n/);
    expect(await ok(db, 'client', 'list')).not.toMatch(/Current client/);
    expect(JSON.parse(await ok(db, 'db', 'status', '--json'))).toMatchObject({ schemaVersion: expect.any(Number) });
  });

  describe('refuses, leaving the file and the current database untouched', () => {
    async function refuse(file: string, code: number, said: RegExp, env: Record<string, string> = {}) {
      const { db } = await story();
      const fileBytes = snapshot(file);
      const dbBytes = snapshot(db);
      const r = await crm(['db', 'restore', file], { db, env });
      refused(r, code, said);
      expect(snapshot(file)).toEqual(fileBytes);
      expect(snapshot(db)).toEqual(dbBytes);
      expect(fs.readdirSync(path.dirname(db)).sort()).toEqual(['crm.db']);
    }
    const dir = () => tempDir();

    it('a file that is not SQLite', async () => {
      const f = path.join(dir(), 'notes.txt');
      fs.writeFileSync(f, 'these are my notes, not a database\n'.repeat(20));
      await refuse(f, 1, /notes\.txt is not a crm database \(not an SQLite file\); it was left untouched/);
    });

    it("another program's SQLite database", async () => {
      const f = path.join(dir(), 'other.db');
      const o = new Database(f);
      o.exec('CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT)');
      o.close();
      await refuse(f, 1, /other\.db is an SQLite database of another program, not crm's; it was left untouched/);
    });

    it("a newer crm's database", async () => {
      const { backup } = await story();
      const f = path.join(dir(), 'newer.db');
      fs.copyFileSync(backup, f);
      const o = new Database(f);
      o.pragma('user_version = 99');
      o.close();
      await refuse(f, 1, /newer\.db was written by a newer crm \(schema 99; this crm knows up to \d+\); upgrade crm/);
    });

    it('an empty file', async () => {
      const f = path.join(dir(), 'empty.db');
      fs.writeFileSync(f, '');
      await refuse(f, 1, /empty\.db holds no crm data/);
    });

    it('a damaged backup', async () => {
      const { backup } = await story();
      const f = path.join(dir(), 'damaged.db');
      const bytes = fs.readFileSync(backup);
      // Scribble over a page in the middle: the header still says crm, the content is broken.
      bytes.fill(0x5a, 4096 * 3, 4096 * 3 + 2000);
      fs.writeFileSync(f, bytes);
      await refuse(f, 1, /damaged\.db (is damaged \(integrity check|cannot be read as a crm database)/);
    });

    it('a live database with its WAL beside it', async () => {
      const { db: live } = await story();
      const holder = new Database(live);
      try {
        holder.pragma('wal_autocheckpoint = 0');
        holder.exec("INSERT INTO clients (name, name_key, cadence_days, created_on) VALUES ('Held', 'held', 30, '2026-11-01')");
        await refuse(live, 1, /is a database in use \(it has a crm\.db-wal beside it\), not a backup/);
      } finally {
        holder.close();
      }
    });

    it('a missing file is bad input (exit 2)', async () => {
      await refuse(path.join(dir(), 'nope.db'), 2, /nope\.db' does not exist; give a file crm db backup wrote/);
    });

    it('the database itself', async () => {
      const { db } = await story();
      const before = snapshot(db);
      refused(await crm(['db', 'restore', db], { db }), 2, /is the database itself/);
      expect(snapshot(db)).toEqual(before);
    });

    it('while another program holds the database open: waits, then says it is in use', async () => {
      const { db, backup } = await story();
      const holder = new Database(db);
      holder.prepare('SELECT count(*) FROM clients').get();
      try {
        const before = snapshot(db);
        const r = await crm(['db', 'restore', backup], { db, env: { CRM_BUSY_TIMEOUT_MS: '100' } });
        refused(r, 1, /is in use by another crm; try again when it is done — nothing was restored/);
        expect(snapshot(db)).toEqual(before);
        expect(fs.readdirSync(path.dirname(db)).filter((f) => f.includes('restore'))).toEqual([]);
      } finally {
        holder.close();
      }
      expect((await crm(['db', 'restore', backup], { db })).code).toBe(0);
    });
  });
});
