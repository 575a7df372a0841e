// The page-1 / WAL reader (src/db/header.ts) against files SQLite itself wrote, and against WAL
// frames built by hand where SQLite cannot be made to write them (big-endian checksums, torn frames).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { newestWalPage1, parsePage1, readFileHeader, walChecksum } from '../../src/db/header.js';
import { tempDir } from '../helpers/cli.js';

const reader = (buf: Buffer) => (into: Buffer, position: number): number => buf.copy(into, 0, position, position + into.length);

/** A database file made by SQLite with `setup`, closed (so its -wal is checkpointed away). */
function sqliteFile(setup: (h: Database.Database) => void): string {
  const file = path.join(tempDir('crm-header-'), 'x.db');
  const h = new Database(file);
  setup(h);
  h.close();
  return file;
}

/** Run `setup` on a WAL-mode database and keep the -wal it wrote, un-checkpointed. */
function withWal(setup: (h: Database.Database) => void, before: (h: Database.Database) => void = () => undefined): { file: string; wal: Buffer } {
  const file = path.join(tempDir('crm-header-'), 'x.db');
  const h = new Database(file);
  h.pragma('journal_mode = WAL');
  before(h);
  h.pragma('wal_checkpoint(TRUNCATE)');
  h.pragma('wal_autocheckpoint = 0');
  setup(h);
  const wal = fs.readFileSync(`${file}-wal`);
  const main = fs.readFileSync(file);
  h.close(); // checkpoints and deletes the -wal: put both back as they were
  fs.writeFileSync(file, main);
  fs.writeFileSync(`${file}-wal`, wal);
  return { file, wal };
}

const page1Of = (wal: Buffer) => {
  const p = newestWalPage1(reader(wal));
  return p && parsePage1(p);
};

describe('parsePage1', () => {
  it('reads application_id, user_version and whether sqlite_schema is empty', () => {
    const empty = sqliteFile((h) => h.exec('VACUUM'));
    expect(parsePage1(fs.readFileSync(empty))).toEqual({ applicationId: 0, userVersion: 0, schemaEmpty: true });
    const used = sqliteFile((h) => {
      h.pragma('application_id = 1129467185');
      h.pragma('user_version = 7');
      h.exec('CREATE TABLE t (x)');
    });
    expect(parsePage1(fs.readFileSync(used))).toEqual({ applicationId: 0x43524d31, userVersion: 7, schemaEmpty: false });
  });

  it('a schema too big for one page (an interior b-tree page) is not empty', () => {
    const big = sqliteFile((h) => {
      h.transaction(() => {
        for (let i = 0; i < 200; i++) h.exec(`CREATE TABLE t${i} (a_rather_long_column_name_${i} TEXT, another_one INTEGER)`);
      })();
    });
    const page = fs.readFileSync(big);
    expect(page[100]).toBe(0x05);
    expect(parsePage1(page)?.schemaEmpty).toBe(false);
  });

  it.each([
    ['a text file', Buffer.from('name,email\nAcme,ops@acme.test\n'.repeat(10))],
    ['a short file', Buffer.from('SQLite format 3\u0000')],
    ['the magic with a nonsense page type', Buffer.concat([Buffer.from('SQLite format 3\u0000'), Buffer.alloc(100, 0x41)])],
  ])('%s is not a page 1', (_name, bytes) => {
    expect(parsePage1(bytes)).toBeNull();
  });
});

describe('newestWalPage1', () => {
  it('takes the newest committed page 1 from a -wal SQLite wrote', () => {
    const { wal } = withWal((h) => {
      h.pragma('user_version = 1');
      h.exec('CREATE TABLE t (x)');
      h.pragma('user_version = 2');
    });
    expect(page1Of(wal)).toEqual({ applicationId: 0, userVersion: 2, schemaEmpty: false });
  });

  it('stops at a torn or corrupted frame, falling back to the commit before it', () => {
    const { wal } = withWal(() => undefined, undefined);
    expect(wal.length).toBe(0); // nothing written yet: no page 1 at all
    expect(newestWalPage1(reader(wal))).toBeNull();
    const two = withWal((h) => {
      h.pragma('user_version = 1');
      h.pragma('user_version = 2');
    }).wal;
    const frame = (two.length - 32) / 2;
    expect(page1Of(two)?.userVersion).toBe(2);
    expect(page1Of(two.subarray(0, two.length - 10))?.userVersion).toBe(1); // torn last frame
    const flipped = Buffer.from(two);
    flipped[flipped.length - 1]! ^= 0xff; // a bit rot in the last page
    expect(page1Of(flipped)?.userVersion).toBe(1);
    const salted = Buffer.from(two);
    salted.writeUInt32BE(salted.readUInt32BE(32 + frame + 8) ^ 1, 32 + frame + 8); // a frame of an older generation
    expect(page1Of(salted)?.userVersion).toBe(1);
    const badHeader = Buffer.from(two);
    badHeader[12]! ^= 1; // the header's checksum no longer matches: SQLite ignores the whole log
    expect(newestWalPage1(reader(badHeader))).toBeNull();
  });

  /** A WAL built by hand: page 1 images with `userVersion`, each frame committing or not. */
  function handWal(bigEndian: boolean, frames: { userVersion: number; commit: boolean }[]): Buffer {
    const pageSize = 512;
    const header = Buffer.alloc(32);
    header.writeUInt32BE(bigEndian ? 0x377f0683 : 0x377f0682, 0);
    header.writeUInt32BE(3007000, 4);
    header.writeUInt32BE(pageSize, 8);
    header.writeUInt32BE(0x1234, 16);
    header.writeUInt32BE(0x5678, 20);
    let [s0, s1] = walChecksum(header.subarray(0, 24), bigEndian);
    header.writeUInt32BE(s0, 24);
    header.writeUInt32BE(s1, 28);
    const out = [header];
    for (const f of frames) {
      const page = Buffer.alloc(pageSize);
      page.write('SQLite format 3\u0000', 0, 'latin1');
      page.writeUInt32BE(f.userVersion, 60);
      page[100] = 0x0d;
      const fh = Buffer.alloc(24);
      fh.writeUInt32BE(1, 0);
      fh.writeUInt32BE(f.commit ? 1 : 0, 4);
      fh.writeUInt32BE(0x1234, 8);
      fh.writeUInt32BE(0x5678, 12);
      [s0, s1] = walChecksum(fh.subarray(0, 8), bigEndian, s0, s1);
      [s0, s1] = walChecksum(page, bigEndian, s0, s1);
      fh.writeUInt32BE(s0, 16);
      fh.writeUInt32BE(s1, 20);
      out.push(fh, page);
    }
    return Buffer.concat(out);
  }

  it.each([false, true])('big-endian checksums %s: only frames up to the last commit count', (bigEndian) => {
    const wal = handWal(bigEndian, [
      { userVersion: 1, commit: true },
      { userVersion: 2, commit: false },
      { userVersion: 3, commit: true },
      { userVersion: 4, commit: false }, // written, never committed
    ]);
    expect(page1Of(wal)?.userVersion).toBe(3);
    // Read with the other byte order, the checksums fail at once.
    const swapped = Buffer.from(wal);
    swapped.writeUInt32BE(bigEndian ? 0x377f0682 : 0x377f0683, 0);
    expect(newestWalPage1(reader(swapped))).toBeNull();
  });
});

describe('readFileHeader', () => {
  it('a missing or 0-byte file is blank; a -wal beside a 0-byte file is read as wal-only', () => {
    const dir = tempDir('crm-header-');
    const file = path.join(dir, 'x.db');
    expect(readFileHeader(file)).toEqual({ kind: 'blank', exists: false, hotJournal: false });
    fs.writeFileSync(file, '');
    expect(readFileHeader(file)).toEqual({ kind: 'blank', exists: true, hotJournal: false });
    const { wal } = withWal((h) => h.pragma('user_version = 5'));
    fs.writeFileSync(`${file}-wal`, wal);
    expect(readFileHeader(file)).toMatchObject({ kind: 'sqlite', from: 'wal-only', userVersion: 5 });
  });

  it('prefers the -wal over the main file, and reads nothing else', () => {
    const { file } = withWal(
      (h) => h.pragma('application_id = 42'),
      (h) => h.exec('CREATE TABLE t (x)'),
    );
    const before = fs.readdirSync(path.dirname(file)).map((f) => [f, fs.readFileSync(path.join(path.dirname(file), f))]);
    expect(readFileHeader(file)).toEqual({ kind: 'sqlite', from: 'wal', hotJournal: false, applicationId: 42, userVersion: 0, schemaEmpty: false });
    expect(fs.readdirSync(path.dirname(file)).map((f) => [f, fs.readFileSync(path.join(path.dirname(file), f))])).toEqual(before);
  });

  it('a rollback journal is hot when it is non-empty and its header is not zeroed', () => {
    const file = sqliteFile((h) => h.exec('CREATE TABLE t (x)'));
    fs.writeFileSync(`${file}-journal`, '');
    expect(readFileHeader(file).hotJournal).toBe(false);
    fs.writeFileSync(`${file}-journal`, Buffer.alloc(512)); // journal_mode=PERSIST after a commit
    expect(readFileHeader(file).hotJournal).toBe(false);
    fs.writeFileSync(`${file}-journal`, Buffer.from([0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7]));
    expect(readFileHeader(file).hotJournal).toBe(true);
  });
});

describe('judgeFile: a journal beside a new, empty file', () => {
  it('is another crm creating the database a moment earlier: wait for it to end, then adopt', async () => {
    const { judgeFile } = await import('../../src/db/identity.js');
    const { spawn } = await import('node:child_process');
    const file = path.join(tempDir('crm-header-'), 'x.db');
    fs.writeFileSync(file, '');
    fs.writeFileSync(`${file}-journal`, Buffer.alloc(512, 1));
    // Another process ends its transaction (removes the journal) 150 ms from now.
    const other = spawn('sh', ['-c', `sleep 0.15; rm -f '${file}-journal'`]);
    expect(judgeFile(file, 2, 5000)).toBe('blank');
    await new Promise((resolve) => other.on('close', resolve));
  });

  it('that stays is an unfinished transaction: refused, the journal left as it was', async () => {
    const { judgeFile } = await import('../../src/db/identity.js');
    const file = path.join(tempDir('crm-header-'), 'x.db');
    fs.writeFileSync(file, '');
    fs.writeFileSync(`${file}-journal`, Buffer.alloc(512, 1));
    expect(() => judgeFile(file, 2, 50)).toThrow(/unfinished transaction of another program/);
    expect(fs.readFileSync(`${file}-journal`)).toEqual(Buffer.alloc(512, 1));
  });
});
